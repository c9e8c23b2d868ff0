/** Where settings live in extension storage (a module of its own so the content script need not load the schemas). */
export const SETTINGS_KEY = 'dermlint:settings';
