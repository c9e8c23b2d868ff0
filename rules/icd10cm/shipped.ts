/**
 * What the built-in ICD-10-CM table ships, and its size budget. Read by
 * scripts/build-tables.ts (which generates ./fy2026.generated.ts) and by the
 * table's unit test.
 *
 * The dermatology chapters were the floor (neoplasms C00–D49, skin L00–L99,
 * skin infections A00–B99, Z, R, G, I, Q80–Q85): about 11 KB raw packed.
 * Everything but chapter 20 costs about 46 KB raw / 14 KB gzip, well inside
 * the budget, so every chapter ships but chapter 20 (external causes,
 * V00–Y99: 7,461 codes, about 9 KB more; secondary codes that never carry
 * medical necessity). A code of a category not shipped is 'undecided' and
 * never flagged.
 */

export interface ShippedRange {
  /** First and last 3-character category, inclusive (compared as strings: QA0 falls between Q99 and R00). */
  from: string;
  to: string;
  what: string;
}

export const SHIPPED_RANGES: readonly ShippedRange[] = [
  {
    from: 'A00',
    to: 'B99',
    what: 'ch. 1 infections (warts B07, molluscum B08, herpes B00–B02, dermatophytosis B35–B36, scabies B86)',
  },
  { from: 'C00', to: 'D49', what: 'ch. 2 neoplasms' },
  { from: 'D50', to: 'D89', what: 'ch. 3 blood and immune (purpura D69, sarcoidosis D86)' },
  { from: 'E00', to: 'E89', what: 'ch. 4 endocrine and metabolic (E11.9 …)' },
  { from: 'F01', to: 'F99', what: 'ch. 5 mental and behavioral' },
  { from: 'G00', to: 'G99', what: 'ch. 6 nervous system (G24, G43, G44, G51, G89)' },
  { from: 'H00', to: 'H95', what: 'ch. 7–8 eye and ear' },
  { from: 'I00', to: 'I99', what: 'ch. 9 circulatory (I10, vascular lesions I78 …)' },
  { from: 'J00', to: 'K95', what: 'ch. 10–11 respiratory and digestive' },
  { from: 'L00', to: 'L99', what: 'ch. 12 skin and subcutaneous tissue' },
  { from: 'M00', to: 'N99', what: 'ch. 13–14 musculoskeletal (lupus M32, dermatomyositis M33) and genitourinary' },
  { from: 'O00', to: 'P96', what: 'ch. 15–16 pregnancy and perinatal' },
  { from: 'Q00', to: 'QA0', what: 'ch. 17 congenital (skin Q80–Q85)' },
  { from: 'R00', to: 'R99', what: 'ch. 18 symptoms and signs (R20–R23, R52, R58, R61)' },
  {
    from: 'S00',
    to: 'T88',
    what: 'ch. 19 injury, burns, poisoning, adverse effects (T78.3 angioedema, T20–T32 burns)',
  },
  { from: 'U00', to: 'U85', what: 'ch. 22 special purposes (U07.1, U09.9)' },
  { from: 'Z00', to: 'Z99', what: 'ch. 21 factors influencing health status (Z00, Z12, Z41, Z85–Z87)' },
];

export const shippedCategory = (category: string): boolean =>
  SHIPPED_RANGES.some((r) => category >= r.from && category <= r.to);

/** Size budget of the generated module (bytes): raw as bundled, and gzip (level 9). */
export const ICD_TABLE_BUDGET = { raw: 64 * 1024, gzip: 20 * 1024 } as const;

export const ICD_TABLE_SOURCE = 'data/cms/icd10cm-codes.txt';
export const ICD_TABLE_MODULE = 'rules/icd10cm/fy2026.generated.ts';
export const ICD_TABLE_NAME = 'ICD-10-CM FY2026';
