/** docs/claim-formats.md documents the payer-kind tables the readers use: the same rows, nothing more. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PAYER_KIND_WORDS, SBR09_PAYER_KINDS, SOPT_PAYER_KINDS } from '../../lib/claims/payer-kinds';

const doc = readFileSync(new URL('../../docs/claim-formats.md', import.meta.url), 'utf8');
/** The body rows of the markdown table whose header row starts with `first`. */
function table(first: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start, `a table starting "| ${first} |"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++)
    rows.push(
      lines[i]!.split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    );
  return rows;
}

// Object keys that look like integers ('11') come before the others ('09'): compare as sets of rows.
const byCode = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0);

describe('docs/claim-formats.md', () => {
  it('lists every SBR09 code with its meaning and payer kind', () => {
    expect(table('SBR09').sort(byCode)).toEqual(
      Object.entries(SBR09_PAYER_KINDS)
        .map(([code, { label, kind }]) => [code, label, kind])
        .sort(byCode),
    );
  });
  it('lists every Source of Payment Typology prefix with its meaning and payer kind', () => {
    expect(table('SOPT prefix').sort(byCode)).toEqual(
      Object.entries(SOPT_PAYER_KINDS)
        .map(([code, { label, kind }]) => [code, label, kind])
        .sort(byCode),
    );
  });
  it('lists the words that say a payer kind', () => {
    expect(table('words')).toEqual(PAYER_KIND_WORDS.map((w) => [w.says, w.kind]));
  });
});
