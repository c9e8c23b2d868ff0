import { describe, expect, it } from 'vitest';
import { createRule, fillMessage, type MessageReport } from './types';

describe('fillMessage', () => {
  it('fills every placeholder', () =>
    expect(fillMessage('Use {{code}} × {{n}}, not × {{m}}', { code: '17003', n: 11, m: 12 })).toBe(
      'Use 17003 × 11, not × 12',
    ));
  it('leaves a placeholder without data as written', () =>
    expect(fillMessage('Add {{m}} to {{em}}', { em: '99213' })).toBe('Add {{m}} to 99213'));
  it('reads a template without placeholders as it is', () =>
    expect(fillMessage('Add modifier 25', {})).toBe('Add modifier 25'));
  it('an unclosed brace is text', () => expect(fillMessage('a {{b', { b: 1 })).toBe('a {{b'));
  it('an inherited property fills nothing', () =>
    expect(fillMessage('{{constructor}} {{toString}}', { a: 1 })).toBe('{{constructor}} {{toString}}'));
});

/** Type checks (tsc --noEmit in npm test): a report must name one of its rule's messages and fill exactly its placeholders. */
const messages = {
  plain: { message: 'No data.', title: 'Nothing' },
  withData: { message: '{{em}} lacks {{m}}.', title: 'Add {{m}}', fix: 'Add {{m}} to {{em}}.' },
} as const;
type Report = MessageReport<typeof messages>;
export const reports: Report[] = [
  { line: 0, messageId: 'plain' },
  { line: 0, messageId: 'withData', data: { em: '99213', m: '25' } },
];
// @ts-expect-error an id the rule does not declare
export const unknownId: Report = { line: 0, messageId: 'unknown' };
// @ts-expect-error a placeholder left without data
export const missingData: Report = { line: 0, messageId: 'withData', data: { em: '99213' } };
// @ts-expect-error data the message has no place for
export const extraData: Report = { line: 0, messageId: 'withData', data: { em: '99213', m: '25', extra: 1 } };

export const typed = createRule({
  meta: { id: 'typed', summary: 'type test', severity: 'warning', reference: 'none', description: 'none', messages },
  check: () => reports,
});
