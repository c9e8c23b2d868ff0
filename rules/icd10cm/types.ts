/** What dx-invalid asks of an ICD-10-CM code table. */
export type IcdStatus =
  /** A billable code of the set. */
  | 'valid'
  /** Malformed, or not billable in a category the table covers in full. */
  | 'invalid'
  /** The table cannot tell (a category it does not ship): never flagged. */
  | 'undecided';

export interface IcdCodeSet {
  /** e.g. 'ICD-10-CM FY2026'. */
  readonly name: string;
  /** Judge a dotless, upper-case code. */
  status(code: string): IcdStatus;
  /** Billable codes of the set that start with this dotless prefix (a few, for a fix); empty when unknown. */
  suggestions?(prefix: string, limit: number): string[];
}
