// PLACEHOLDER until the generated table lands: decides nothing.
import type { IcdCodeSet } from './types';
export const builtinIcd: IcdCodeSet = { name: 'ICD-10-CM FY2026', status: () => 'undecided' };
