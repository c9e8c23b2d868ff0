/**
 * The code families the note rules compare documentation with (docs/note.md),
 * as data: which codes each documented technique is billed with, how to name it
 * in a message, and the intermediate repair that replaces a simple one.
 */
import { codeSet, type CodeSet } from '../codes';
import type { Technique } from './phrases';
import type { NoteBlock } from './read';

/** A technique as judged: tangential biopsy and shave removal documented together are one 'shave'. */
export type DocumentedTechnique = Technique | 'shave';

export const TECHNIQUE_CODES: Readonly<Record<Technique, CodeSet>> = {
  'tangential-biopsy': codeSet('11102', '11103'),
  'punch-biopsy': codeSet('11104', '11105'),
  'incisional-biopsy': codeSet('11106', '11107'),
  'shave-removal': codeSet(['11300', '11313']),
  excision: codeSet(['11400', '11446'], ['11600', '11646']),
  destruction: codeSet(['17000', '17004'], '17110', '17111', ['17260', '17286']),
  'incision-drainage': codeSet('10060', '10061'),
  mohs: codeSet(['17311', '17315']),
};

const TECHNIQUES = Object.keys(TECHNIQUE_CODES) as Technique[];

/** The technique family a code belongs to, or undefined (note-technique-mismatch judges only these codes). */
export function techniqueOfCode(code: string): Technique | undefined {
  for (const t of TECHNIQUES) if (TECHNIQUE_CODES[t].has(code)) return t;
  return undefined;
}

/** Tangential biopsy and shave removal are never judged against each other: the difference is intent. */
export const isShaveLike = (t: DocumentedTechnique): boolean =>
  t === 'tangential-biopsy' || t === 'shave-removal' || t === 'shave';

/** Whether a documented technique agrees with a code family. */
export function techniqueAgrees(documented: DocumentedTechnique, family: Technique): boolean {
  return documented === family || (isShaveLike(documented) && isShaveLike(family));
}

/** How a message names a documented technique, the codes it is billed with, and what to report instead. */
export const TECHNIQUE_WORDS: Readonly<Record<DocumentedTechnique, { name: string; codes: string; report: string }>> = {
  'tangential-biopsy': {
    name: 'a tangential (shave) biopsy',
    codes: '11102, or 11103 for each additional',
    report: '11102 (11103 for each additional tangential biopsy)',
  },
  'punch-biopsy': {
    name: 'a punch biopsy',
    codes: '11104, or 11105 for each additional',
    report: '11104 (11105 for each additional punch biopsy)',
  },
  'incisional-biopsy': {
    name: 'an incisional biopsy',
    codes: '11106, or 11107 for each additional',
    report: '11106 (11107 for each additional incisional biopsy)',
  },
  'shave-removal': {
    name: 'a shave removal',
    codes: '11300–11313 by site and lesion diameter',
    report: 'the shave removal code for the site and lesion diameter (11300–11313)',
  },
  shave: {
    name: 'a shave',
    codes: '11102 (tangential biopsy) or 11300–11313 (shave removal)',
    report: '11102 for a biopsy, or the shave removal code for the site and diameter (11300–11313)',
  },
  excision: {
    name: 'an excision',
    codes: '11400–11446 (benign) or 11600–11646 (malignant) by site and excised diameter',
    report: 'the excision code for the site, diagnosis and excised diameter (11400–11446, 11600–11646)',
  },
  destruction: {
    name: 'a destruction',
    codes: '17000–17004, 17110/17111 or 17260–17286 by lesion type',
    report: 'the destruction code for the lesion type (17000–17004, 17110/17111, 17260–17286)',
  },
  'incision-drainage': {
    name: 'an incision and drainage',
    codes: '10060, or 10061 when complicated or multiple',
    report: '10060 (10061 when complicated or multiple)',
  },
  mohs: {
    name: 'Mohs surgery',
    codes: '17311–17315 by site and stage',
    report: 'the Mohs codes for the site and stages (17311–17315)',
  },
};

/** The family a code belongs to, in words, for messages. */
export const FAMILY_WORDS: Readonly<Record<Technique, string>> = {
  'tangential-biopsy': 'tangential biopsy',
  'punch-biopsy': 'punch biopsy',
  'incisional-biopsy': 'incisional biopsy',
  'shave-removal': 'shave removal',
  excision: 'excision',
  destruction: 'destruction',
  'incision-drainage': 'incision and drainage',
  mohs: 'Mohs',
};

/** Repair codes (note-closure-mismatch judges these lines): simple, intermediate and complex. */
export const REPAIR = codeSet(['12001', '13160']);

/**
 * The intermediate repair of the same site group and length step as a simple
 * repair. CPT splits the simple trunk-and-limbs codes (12001–12007: scalp, neck,
 * axillae, genitalia, trunk, extremities) between two intermediate series, so
 * those map to two codes; the face codes (12011–12018) map to one.
 */
export const INTERMEDIATE_FOR_SIMPLE: Readonly<Record<string, readonly string[]>> = {
  '12001': ['12031', '12041'],
  '12002': ['12032', '12042'],
  '12004': ['12034', '12044'],
  '12005': ['12035', '12045'],
  '12006': ['12036', '12046'],
  '12007': ['12037', '12047'],
  '12011': ['12051'],
  '12013': ['12052'],
  '12014': ['12053'],
  '12015': ['12054'],
  '12016': ['12055'],
  '12017': ['12056'],
  '12018': ['12057'],
};

/**
 * The one technique the blocks tied to a line document: undefined when none,
 * 'unclear' when two (tangential biopsy and shave removal together count as one, 'shave').
 */
export function documentedTechnique(blocks: readonly NoteBlock[]): DocumentedTechnique | 'unclear' | undefined {
  const all = new Set<DocumentedTechnique>();
  for (const block of blocks) for (const t of block.techniques) all.add(t);
  if (all.has('tangential-biopsy') && all.has('shave-removal')) {
    all.delete('tangential-biopsy');
    all.delete('shave-removal');
    all.add('shave');
  }
  if (all.size === 0) return undefined;
  return all.size === 1 ? [...all][0]! : 'unclear';
}
