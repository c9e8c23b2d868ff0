/**
 * No finding quotes what the page typed: a site, a description, the payer's
 * name, a diagnosis description, the note, or a code field holding anything
 * but a code. Messages, titles, fixes, references, fix labels and message data are what the review panel shows
 * and exports, and what the worker keeps in the tab state: a site typed as
 * "left cheek - pt SMITH, JOHN MRN 00123456" once reached the review CSV.
 * Every rule of the catalog is run over every worked example with such text
 * planted in each free-text field, and over variants with it in the code fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../rules/index';
import type { Encounter, Finding } from '../../rules/schema';
import { displayIcd } from '../../rules/codes';

const examples: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);

/** What a person could type into a free-text field of the EHR. */
const PLANTED = 'pt SMITH, JOHN MRN 00123456';
const TRACES = ['SMITH', 'JOHN', '00123456', '123456'];

function leaks(findings: Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const said = [
      f.message,
      f.fix ?? '',
      f.reference ?? '',
      f.title ?? '',
      ...(f.suggestions ?? []).map((s) => s.label),
      ...Object.values(f.data ?? {}).map(String),
    ];
    for (const text of said) {
      const upper = text.toUpperCase();
      if (TRACES.some((t) => upper.includes(t))) out.push(`${f.rule}@${f.line}: ${text}`);
    }
  }
  return out;
}

/** The example with the planted text after every site, description, payer name, diagnosis description and the note. */
function withPlantedText(e: Encounter): Encounter {
  const copy = structuredClone(e);
  if (copy.payer.name !== undefined) copy.payer.name = `${copy.payer.name} ${PLANTED}`;
  for (const d of copy.diagnoses) d.description = `${d.description ?? ''} ${PLANTED}`;
  for (const l of copy.lines) {
    if (l.site) l.site = `${l.site} - ${PLANTED}`;
    l.description = `${l.description ?? ''} ${PLANTED}`;
  }
  if (copy.note !== undefined) copy.note = `${copy.note}\n${PLANTED}`;
  return copy;
}

describe('no finding quotes page text', () => {
  it('site-code-mismatch names the site group, never the site as typed (the reported case)', () => {
    const encounter: Encounter = {
      id: 'x',
      payer: { kind: 'commercial' },
      diagnoses: [{ code: 'D22.39' }],
      lines: [{ code: '11402', site: `left cheek - ${PLANTED}`, dx: [1] }],
    };
    const findings = run(encounter);
    const mismatch = findings.filter((f) => f.rule === 'site-code-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toBe(
      '11402 is for the trunk, arms or legs, but the site is on the face, ears, eyelids, nose, lips or mucous membrane.',
    );
    expect(leaks(findings)).toEqual([]);
  });

  it.each(examples.map((x) => [x.encounter.id, x.encounter] as const))(
    '%s with text planted in every free-text field',
    (_id, encounter) => {
      const planted = withPlantedText(encounter);
      const findings = run(planted);
      expect(leaks(findings)).toEqual([]);
    },
  );

  it('the planted text still reaches the rules (the sites are read, the same rules fire)', () => {
    let fired = 0;
    for (const { encounter } of examples) {
      // Rules that tie the note to a line by its site's words go silent when a site holds words the note lacks
      // (docs/note.md: silence when unsure); every other rule judges the planted encounter as before.
      const tiesNoteBySite = (rule: string) => rule.startsWith('note-');
      const rules = (e: Encounter) =>
        run(e)
          .filter((f) => !tiesNoteBySite(f.rule))
          .map((f) => `${f.rule}@${f.line}`)
          .sort();
      const before = rules(encounter);
      if (before.some((r) => r.startsWith('site-code-mismatch'))) fired++;
      expect(rules(withPlantedText(encounter))).toEqual(before);
    }
    expect(fired).toBeGreaterThan(0);
  });

  it.each(examples.map((x) => [x.encounter.id, x.encounter] as const))(
    '%s with the text typed into each line code and each diagnosis code',
    (_id, encounter) => {
      const found: string[] = [];
      encounter.lines.forEach((_, i) => {
        const copy = structuredClone(encounter);
        copy.lines[i]!.code = PLANTED;
        found.push(...leaks(run(copy)));
        const short = structuredClone(encounter);
        short.lines[i]!.code = 'SMITH';
        found.push(...leaks(run(short)));
      });
      encounter.diagnoses.forEach((_, i) => {
        for (const typed of [PLANTED, 'SMITH', '00123456']) {
          const copy = structuredClone(encounter);
          copy.diagnoses[i]!.code = typed;
          found.push(...leaks(run(copy)));
        }
      });
      expect(found).toEqual([]);
    },
  );

  it('a line with conflicting modifiers or GA and a code field holding a name is named by its place', () => {
    const findings = run({
      id: 'x',
      payer: { kind: 'medicare' },
      diagnoses: [{ code: 'L57.0' }],
      lines: [{ code: PLANTED, modifiers: ['GA', 'GZ'], dx: [1] }],
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(leaks(findings)).toEqual([]);
  });

  it('a diagnosis code that is not a code is named by its place; one shaped like a code is quoted', () => {
    const findings = run({
      id: 'x',
      payer: { kind: 'commercial' },
      diagnoses: [{ code: 'SMITH JOHN' }, { code: 'L57.99' }],
      lines: [{ code: '17000', dx: [1, 2] }],
    });
    expect(findings.filter((f) => f.rule === 'dx-invalid').map((f) => f.message)).toEqual([
      'Diagnosis 1 is not a valid ICD-10-CM code.',
      'L57.99 (diagnosis 2) is not a valid ICD-10-CM FY2026 code.',
    ]);
    expect(displayIcd('l57.0')).toBe('L57.0');
    expect(displayIcd('SMITH')).toBe('a code that is not an ICD-10-CM code');
  });
});
