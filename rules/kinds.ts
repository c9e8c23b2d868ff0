/** Enumerations of the contract (docs/formats.md), kept free of zod so the content script can use them without the schemas. */
export const PAYER_KINDS = ['medicare', 'medicare-advantage', 'medicaid', 'commercial', 'self-pay', 'unknown'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
