/**
 * note-size-mismatch — the size the note documents falls in another size step than the code.
 * Source: CPT excision guidelines (11400–11646: code by the excised diameter, the
 * lesion's greatest clinical diameter plus twice the narrowest margin), CPT shave
 * removal (11300–11313: the lesion's diameter); docs/note.md. Lines that carry
 * sizeCm are size-code-mismatch's.
 */
import { SITE_SERIES, sizeStep, sizedCode, type SizedKind } from '../codes';
import {
  hasNote,
  noteOf,
  tiedBlocks,
  techniqueOfCode,
  techniqueAgrees,
  type Measure,
  type NoteBlock,
  TECHNIQUE_CODES,
} from '../note/index';
import type { ClaimLine } from '../context';
import { replaceCode, suggest } from '../suggest';
import { NOTE } from '../gate';
import { createRule, type MessageReport } from '../types';

const cm = (m: Measure) =>
  m.lo === m.hi ? `${Number(m.lo.toFixed(2))} cm` : `${Number(m.lo.toFixed(2))}–${Number(m.hi.toFixed(2))} cm`;

const FIX = 'Report {{right}} instead of {{code}}, or correct the size in the note if it is wrong.';
const TITLE = 'Note size: use {{right}}';

const messages = {
  excised: {
    message: 'The note documents an excised diameter of {{size}}, which is {{right}}, not {{code}}.',
    title: TITLE,
    fix: FIX,
  },
  withMargins: {
    message:
      'The note documents a {{lesion}} lesion with {{margin}} margins, an excised diameter of {{size}}, which is {{right}}, not {{code}}.',
    title: TITLE,
    fix: FIX,
  },
  atLeast: {
    message:
      'The note documents a {{lesion}} lesion and no margin, so the excised diameter is at least {{lesion}}: {{right}} or larger, not {{code}}.',
    title: 'Note size: {{right}} or larger',
    fix: 'Report the code of the excised diameter (lesion plus twice the narrowest margin), {{right}} or larger, instead of {{code}}.',
  },
  shave: {
    message: 'The note documents a {{lesion}} lesion, which is shave removal {{right}}, not {{code}}.',
    title: TITLE,
    fix: FIX,
  },
} as const;

/** The size the note documents names one code: one click (the other fix is the note's). */
const recode = (line: ClaimLine, right: string) => suggest(`Change ${line.code} to ${right}`, replaceCode(line, right));

const EXCISION_KINDS: readonly SizedKind[] = ['benign-excision', 'malignant-excision'];

/** One measure the blocks agree on; undefined when none, 'unclear' when they differ or one is ambiguous. */
function agreed(measures: readonly Measure[]): Measure | 'unclear' | undefined {
  if (measures.length === 0) return undefined;
  const first = measures[0]!;
  if (measures.some((m) => !Number.isFinite(m.lo) || !Number.isFinite(m.hi) || m.lo <= 0)) return 'unclear';
  return measures.every((m) => Math.abs(m.lo - first.lo) < 1e-9 && Math.abs(m.hi - first.hi) < 1e-9)
    ? first
    : 'unclear';
}

/** The size step of a measure, or undefined when a range straddles two steps. */
function stepOf(kind: SizedKind, m: Measure): number | undefined {
  const lo = sizeStep(kind, m.lo);
  return lo === sizeStep(kind, m.hi) ? lo : undefined;
}

export default createRule({
  meta: {
    id: 'note-size-mismatch',
    summary: 'The size documented in the procedure note falls in another size step than the excision or shave code.',
    severity: 'warning',
    reference: 'CPT excision guidelines (excised diameter = lesion + 2 × narrowest margin), shave removal guidelines',
    description:
      'An excision or shave removal line without sizeCm whose tied procedure blocks give a size in another size step than its code. Excision: the excised diameter when stated, else the lesion size plus twice the narrowest margin; with no margin documented, the lesion size alone, and only a code of a smaller step fires. Shave: the lesion size. Silent when two sizes disagree, a range straddles two steps, or the note documents another technique for the line.',
    messages,
  },
  needs: [NOTE, [TECHNIQUE_CODES['shave-removal'], TECHNIQUE_CODES.excision]],
  check(context) {
    if (!hasNote(context)) return [];
    const judged = context.claim.filter((line) => {
      const sized = sizedCode(line.code);
      return sized !== undefined && (sized.kind === 'shave' || EXCISION_KINDS.includes(sized.kind));
    });
    if (judged.length === 0) return []; // the note is read only when a line could be judged
    const reading = noteOf(context);
    if (!reading) return [];
    const tied = tiedBlocks(context, reading, judged);
    const reports: MessageReport<typeof messages>[] = [];
    for (const line of judged) {
      if (line.raw.sizeCm !== undefined) continue;
      const blocks: readonly NoteBlock[] = tied.get(line.index) ?? [];
      const family = techniqueOfCode(line.code)!;
      // Another technique documented for the line: technique-mismatch speaks, the size step means nothing here.
      if (blocks.some((b) => [...b.techniques].some((t) => !techniqueAgrees(t, family)))) continue;
      const { group, kind, step } = sizedCode(line.code)!;
      const codeFor = (s: number) => SITE_SERIES[group][kind][s]!;
      const lesion = agreed(blocks.flatMap((b) => b.sizes));
      if (kind === 'shave') {
        if (!lesion || lesion === 'unclear') continue;
        const s = stepOf(kind, lesion);
        if (s === undefined || s === step) continue;
        reports.push({
          line: line.index,
          field: 'code' as const,
          suggestions: recode(line, codeFor(s)),
          messageId: 'shave',
          data: { code: line.code, lesion: cm(lesion), right: codeFor(s) },
        });
        continue;
      }
      const excised = agreed(blocks.flatMap((b) => b.excisedDiameters));
      if (excised === 'unclear') continue;
      if (excised) {
        const s = stepOf(kind, excised);
        if (s === undefined || s === step) continue;
        reports.push({
          line: line.index,
          field: 'code' as const,
          suggestions: recode(line, codeFor(s)),
          messageId: 'excised',
          data: { code: line.code, size: cm(excised), right: codeFor(s) },
        });
        continue;
      }
      if (!lesion || lesion === 'unclear') continue;
      const margins = blocks.flatMap((b) => b.margins);
      if (margins.some((m) => !Number.isFinite(m.lo))) continue;
      if (margins.length > 0) {
        const narrowest = Math.min(...margins.map((m) => m.lo));
        const size = { lo: round(lesion.lo + 2 * narrowest), hi: round(lesion.hi + 2 * narrowest) };
        const s = stepOf(kind, size);
        if (s === undefined || s === step) continue;
        const data = {
          code: line.code,
          lesion: cm(lesion),
          margin: `${Number(narrowest.toFixed(2))} cm`,
          size: cm(size),
          right: codeFor(s),
        };
        reports.push({
          line: line.index,
          field: 'code' as const,
          suggestions: recode(line, codeFor(s)),
          messageId: 'withMargins',
          data,
        });
        continue;
      }
      // No margin documented: the margins can only make it larger, so only a smaller step is wrong.
      const s = sizeStep(kind, lesion.lo);
      if (step >= s) continue;
      // "Or larger": the margins the note leaves out decide the code: no one click.
      reports.push({
        line: line.index,
        field: 'code',
        messageId: 'atLeast',
        data: { code: line.code, lesion: cm(lesion), right: codeFor(s) },
      });
    }
    return reports;
  },
});

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
