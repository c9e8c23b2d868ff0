/** Where settings live in extension storage (a module of its own so the content script need not load the schemas). */
export const SETTINGS_KEY = 'dermlint:settings';
/** Stored settings that could not be read (whole or in part), kept as they were so nothing is lost: SetAsideSettings[]. */
export const SETTINGS_ASIDE_KEY = 'dermlint:settings:set-aside';
