/**
 * The generated ICD-10-CM table (rules/icd10cm/fy2026.generated.ts, built by
 * scripts/build-tables.ts) against its source, data/cms/icd10cm-codes.txt.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  builtinIcd,
  createIcdCodeSet,
  decodeIcdTable,
  encodeIcdTable,
  IcdTableError,
  parseIcdCodeFile,
} from '../../rules/icd10cm/index';
import { FY2026_TABLE } from '../../rules/icd10cm/fy2026.generated';
import { ICD_TABLE_BUDGET, ICD_TABLE_MODULE, ICD_TABLE_SOURCE, shippedCategory } from '../../rules/icd10cm/shipped';

const file = (path: string) => new URL(`../../${path}`, import.meta.url);
const source = parseIcdCodeFile(readFileSync(file(ICD_TABLE_SOURCE), 'utf8'));
const sourceSet = new Set(source);
const shipped = source.filter((code) => shippedCategory(code.slice(0, 3)));

describe('the source file', () => {
  it('is the FY2026 list of 74,719 billable codes', () => {
    expect(source.length).toBe(74719);
    expect(sourceSet.size).toBe(74719);
  });
});

describe('spot checks of data/cms/README.md', () => {
  it.each([
    ['L570', 'valid'],
    ['L57', 'invalid'],
    ['C4431', 'invalid'],
    ['C44310', 'valid'],
    ['C44311', 'valid'],
    ['C44319', 'valid'],
    ['L7211', 'valid'],
    ['L721', 'invalid'],
    ['D225', 'valid'],
    ['D22', 'invalid'],
    ['L74510', 'valid'],
    ['G43709', 'valid'],
  ] as const)('%s is %s', (code, status) => {
    expect(builtinIcd.status(code)).toBe(status);
  });
  it.each(['E119', 'E11.9', 'I10', 'i10'])('%s is never invalid', (code) => {
    expect(builtinIcd.status(code)).not.toBe('invalid');
  });
  it('L57.9 is billable and L57.6 is not (the category ships in full)', () => {
    expect(builtinIcd.status('L579')).toBe('valid');
    expect(builtinIcd.status('L576')).toBe('invalid');
  });
  it('tolerates a dot, spaces and lower case', () => {
    expect(builtinIcd.status('l57.0')).toBe('valid');
    expect(builtinIcd.status(' C44.311 ')).toBe('valid');
    expect(builtinIcd.status('c44.31')).toBe('invalid');
  });
  it('takes letters where ICD-10-CM has them: U codes, 7th characters, C4A, E11.A, QA0 (FY2026)', () => {
    for (const code of ['U071', 'U099', 'T783XXA', 'C4A39', 'E11A', 'Z3A20', 'QA00101', 'QA08'])
      expect(builtinIcd.status(code), code).toBe('valid');
  });
});

describe('malformed codes are invalid', () => {
  it.each([
    '',
    ' ',
    'L',
    'L5',
    '57',
    '570',
    '5L70',
    'LL70',
    'LS70',
    'L57-0',
    'L57.0*',
    'L570000000',
    'C44.31100',
    'É570',
    '??',
    'L57,0',
  ])('%j', (code) => {
    expect(builtinIcd.status(code)).toBe('invalid');
  });
});

describe('what the table does not ship is undecided', () => {
  it.each(['W57XXXA', 'X32XXXA', 'V0001XA', 'Y92009', 'W57', 'Y929'])('%s', (code) => {
    expect(shippedCategory(code.slice(0, 3))).toBe(false);
    expect(builtinIcd.status(code)).toBe('undecided');
  });
  it('a well-formed category absent from ICD-10-CM is undecided too (L06)', () => {
    expect(builtinIcd.status('L060')).toBe('undecided');
  });
});

describe('the table against its source', () => {
  it('ships at least the dermatology chapters in full', () => {
    const floor = [
      ['A00', 'B99'],
      ['C00', 'D49'],
      ['G00', 'G99'],
      ['I00', 'I99'],
      ['L00', 'L99'],
      ['Q80', 'Q85'],
      ['R00', 'R99'],
      ['Z00', 'Z99'],
    ];
    const needed = new Set(
      source.map((c) => c.slice(0, 3)).filter((cat) => floor.some(([lo, hi]) => cat >= lo! && cat <= hi!)),
    );
    for (const category of needed) expect(builtinIcd.hasCategory(category), category).toBe(true);
  });
  it('decodes to exactly the shipped codes of the source, in code order', () => {
    expect(decodeIcdTable(FY2026_TABLE)).toEqual([...shipped].sort());
  });
  it('judges every code of a shipped category valid, and every other code undecided', () => {
    const wrong: string[] = [];
    for (const code of source) {
      const expected = shippedCategory(code.slice(0, 3)) ? 'valid' : 'undecided';
      if (builtinIcd.status(code) !== expected) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });
  it('judges every header above a shipped code invalid', () => {
    const wrong: string[] = [];
    for (const code of shipped) {
      for (let n = 3; n < code.length; n++) {
        const header = code.slice(0, n);
        if (!sourceSet.has(header) && builtinIcd.status(header) !== 'invalid') wrong.push(header);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('suggestions', () => {
  it('lists the billable codes below a header, in code order', () => {
    expect(builtinIcd.suggestions!('C4431', 3)).toEqual(['C44310', 'C44311', 'C44319']);
    expect(builtinIcd.suggestions!('L72.1', 5)).toEqual(['L7211', 'L7212']);
    expect(builtinIcd.suggestions!('L57', 100)).toEqual(source.filter((c) => c.startsWith('L57')).sort());
  });
  it('stops at the limit', () => {
    expect(builtinIcd.suggestions!('C44', 2)).toEqual(['C4400', 'C4401']);
    expect(builtinIcd.suggestions!('L5', 2)).toEqual(['L500', 'L501']);
  });
  it('is the code itself when it is billable, and empty when unknown', () => {
    expect(builtinIcd.suggestions!('L570', 3)).toEqual(['L570']);
    expect(builtinIcd.suggestions!('L576', 3)).toEqual([]);
    expect(builtinIcd.suggestions!('W57', 3)).toEqual([]);
    expect(builtinIcd.suggestions!('', 3)).toEqual([]);
    expect(builtinIcd.suggestions!('L57', 0)).toEqual([]);
  });
});

describe('size budget', () => {
  const module = readFileSync(file(ICD_TABLE_MODULE));
  it(`the generated module is at most ${ICD_TABLE_BUDGET.raw} bytes raw`, () => {
    expect(module.length).toBeLessThanOrEqual(ICD_TABLE_BUDGET.raw);
  });
  it(`and at most ${ICD_TABLE_BUDGET.gzip} bytes gzip`, () => {
    expect(gzipSync(module, { level: 9 }).length).toBeLessThanOrEqual(ICD_TABLE_BUDGET.gzip);
  });
});

describe('another year through the same code (createIcdCodeSet)', () => {
  const codes = [
    'L570',
    'L571',
    'L5711',
    'I10',
    'T783XXA',
    'T783XXD',
    'T783XXS',
    'S0001XA',
    'S0001XD',
    'S0001XS',
  ].filter((c) => c !== 'L571');
  const table = encodeIcdTable(codes);
  const fy = createIcdCodeSet('ICD-10-CM FY2027', table);
  it('round-trips a small code list', () => {
    expect(fy.name).toBe('ICD-10-CM FY2027');
    expect(decodeIcdTable(table)).toEqual([...codes].sort());
    for (const code of codes) expect(fy.status(code), code).toBe('valid');
    expect(fy.status('L57')).toBe('invalid');
    expect(fy.status('L571')).toBe('invalid');
    expect(fy.status('T783XX')).toBe('invalid');
    expect(fy.status('E119')).toBe('undecided');
    expect(fy.categories()).toEqual(['I10', 'L57', 'S00', 'T78']);
  });
  it('reads a code file as CMS ships it', () => {
    expect(parseIcdCodeFile('L570    Actinic keratosis\r\nC44.311\tBasal cell carcinoma of skin of nose\n\n')).toEqual([
      'L570',
      'C44311',
    ]);
  });
  it('rejects what the format cannot hold', () => {
    expect(() => encodeIcdTable(['L57', 'L570'])).toThrow(IcdTableError);
    expect(() => encodeIcdTable(['57.0'])).toThrow(IcdTableError);
    expect(() => createIcdCodeSet('junk', 'L570,L571')).toThrow(IcdTableError);
    expect(() => decodeIcdTable('icd1||L57(0')).toThrow(IcdTableError);
  });
});
