/**
 * X12 837P professional claims (005010X222A1) → encounters, one claim at a
 * time as the segments stream by: a 100,000-claim batch runs in a small heap.
 * The mapping, segment by segment, is in docs/claim-formats.md.
 *
 * Only what the rules judge is read: CLM01 (the patient control number, as
 * the id), the destination payer's SBR09 and NM1*PR name (loops 2000B/2010BB,
 * not the other payers of loop 2320/2330B), the diagnoses of HI (ABK, ABF) in
 * order, and each service line's SV1 (code, modifiers, units, pointers) and
 * DTP*472 date. Names, member ids, addresses and birth dates (NM1*IL/QC, N3,
 * N4, DMG, REF) are skipped, never copied.
 *
 * A claim carries no chart: GA or GX on a line is read as the ABN on file for
 * that line, so abn-not-on-file cannot fire on a claim file.
 */
import type { Encounter, Line } from '../../rules/schema';
import { encountersOfClaim, type ClaimRead } from './claim-encounters';
import { payerKindOfSbr09 } from './payer-kinds';
import { describeSource, InputError, INPUT_LIMITS, quoted, type ReadEncounter } from './source';
import { x12Segments, X12SyntaxError, type X12Segment } from './x12-segments';

const DIAGNOSIS_QUALIFIERS = new Set(['ABK', 'ABF']);
const ICD9_QUALIFIERS = new Set(['BK', 'BF']);
const MAX_SEGMENT_CHARS = 10_000;

export interface X12Limits {
  lines: number;
  diagnoses: number;
  maxSegmentChars: number;
}

type Loop = 'header' | '2000A' | '2000B' | '2010BB' | '2000C' | '2300' | '2320' | '2400';

/** 'CCYYMMDD' → 'YYYY-MM-DD' when it is a real day. */
function dayOf(text: string): string | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** 837P codes carry no dot ('L570'); the screens and messages write 'L57.0'. */
function dottedIcd(code: string): string {
  return /^[A-Za-z][0-9A-Za-z]{3,6}$/.test(code) ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

const el = (segment: X12Segment, n: number) => (segment.elements[n] ?? '').trim();
const components = (segment: X12Segment, n: number) =>
  (segment.elements[n] ?? '').split(segment.delimiters.component).map((c) => c.trim());

export async function* readX12Claims(
  chunks: AsyncIterable<string>,
  limits: Partial<X12Limits> = {},
): AsyncGenerator<ReadEncounter> {
  const maxLines = limits.lines ?? INPUT_LIMITS.lines;
  const maxDiagnoses = limits.diagnoses ?? INPUT_LIMITS.diagnoses;
  let interchange: { control: string; groups: number } | undefined;
  let group: { control: string; transactions: number } | undefined;
  let transaction: { control: string; segments: number } | undefined;
  let loop: Loop = 'header';
  let hlLevel = '';
  let payer: Encounter['payer'] = { kind: 'unknown' };
  let claim: ClaimRead | undefined;
  let claims = 0;
  let last: X12Segment | undefined;

  const claimName = (c = claim) => (c ? describeSource('claim', c.position, c.id) : undefined);
  const fail = (segment: X12Segment, message: string): never => {
    const name = claimName();
    throw new InputError(`${name ? `${name}, ` : ''}segment ${segment.number} (${segment.tag}): ${message}`);
  };
  const close = (): ReadEncounter[] => {
    if (!claim) return [];
    const done = claim;
    claim = undefined;
    if (done.lines.length === 0)
      throw new InputError(
        `${claimName(done)}: the claim has no service line (no SV1 before ${last ? `segment ${last.number} (${last.tag})` : 'the end'})`,
      );
    return encountersOfClaim(done, () => claimName(done)!);
  };

  try {
    for await (const batch of x12Segments(chunks, { maxSegmentChars: limits.maxSegmentChars ?? MAX_SEGMENT_CHARS }))
      for (const s of batch) {
        last = s;
        if (transaction) transaction.segments++;
        switch (s.tag) {
          case 'ISA':
            if (interchange) fail(s, 'a new interchange (ISA) before the previous one ended (IEA)');
            interchange = { control: el(s, 13), groups: 0 };
            continue;
          case 'IEA':
            if (!interchange || group) fail(s, group ? 'IEA before the group ended (GE)' : 'IEA without ISA');
            if (el(s, 1) !== String(interchange!.groups))
              fail(
                s,
                `IEA01 says ${quoted(el(s, 1))} groups, the interchange has ${interchange!.groups}: a group is missing or the file was cut`,
              );
            if (el(s, 2) !== interchange!.control)
              fail(s, `IEA02 ${quoted(el(s, 2))} does not match ISA13 ${quoted(interchange!.control)}`);
            interchange = undefined;
            continue;
          case 'GS': {
            if (!interchange || group)
              fail(s, group ? 'GS before the previous group ended (GE)' : 'GS outside an interchange');
            const version = el(s, 8);
            if (!version.startsWith('005010X222'))
              fail(
                s,
                `GS08 is ${quoted(version)}: not an 837P professional claim group (005010X222A1)${version.startsWith('005010X223') ? '; 837I institutional claims are not read' : ''}`,
              );
            group = { control: el(s, 6), transactions: 0 };
            interchange!.groups++;
            continue;
          }
          case 'GE':
            if (!group || transaction) fail(s, transaction ? 'GE before the transaction ended (SE)' : 'GE without GS');
            if (el(s, 1) !== String(group!.transactions))
              fail(
                s,
                `GE01 says ${quoted(el(s, 1))} transactions, the group has ${group!.transactions}: a transaction is missing or the file was cut`,
              );
            if (el(s, 2) !== group!.control)
              fail(s, `GE02 ${quoted(el(s, 2))} does not match GS06 ${quoted(group!.control)}`);
            group = undefined;
            continue;
          case 'ST':
            if (!group || transaction)
              fail(s, transaction ? 'ST before the previous transaction ended (SE)' : 'ST outside a group (GS)');
            if (el(s, 1) !== '837') fail(s, `ST01 is ${quoted(el(s, 1))}: not an 837 claim transaction`);
            if (el(s, 3) && !el(s, 3).startsWith('005010X222'))
              fail(s, `ST03 is ${quoted(el(s, 3))}: not an 837P professional claim (005010X222A1)`);
            transaction = { control: el(s, 2), segments: 1 };
            group!.transactions++;
            loop = 'header';
            hlLevel = '';
            payer = { kind: 'unknown' };
            continue;
          case 'SE':
            if (!transaction) fail(s, 'SE without ST');
            yield* close();
            if (el(s, 1) !== String(transaction!.segments))
              fail(
                s,
                `SE01 says ${quoted(el(s, 1))} segments, the transaction has ${transaction!.segments}: a segment is missing or the file was cut`,
              );
            if (el(s, 2) !== transaction!.control)
              fail(s, `SE02 ${quoted(el(s, 2))} does not match ST02 ${quoted(transaction!.control)}`);
            transaction = undefined;
            continue;
        }
        if (!transaction) fail(s, 'a segment outside a transaction (between ST and SE)');

        switch (s.tag) {
          case 'HL': {
            yield* close();
            hlLevel = el(s, 3);
            if (hlLevel === '20') {
              loop = '2000A';
              payer = { kind: 'unknown' };
            } else if (hlLevel === '22') {
              loop = '2000B';
              payer = { kind: 'unknown' };
            } else if (hlLevel === '23') {
              loop = '2000C'; // the patient's claims go to the subscriber's payer
            } else {
              fail(
                s,
                `HL03 is ${quoted(hlLevel)}: an 837P has billing provider (20), subscriber (22) and patient (23) levels`,
              );
            }
            break;
          }
          case 'SBR':
            if (loop === '2000B') {
              const code = el(s, 9);
              payer = { kind: payerKindOfSbr09(code || undefined) };
            } else if (claim) {
              loop = '2320'; // another payer of this claim (coordination of benefits): not the one it is sent to
            }
            break;
          case 'NM1':
            if (el(s, 1) === 'PR' && (loop === '2000B' || loop === '2010BB')) {
              loop = '2010BB';
              const name = el(s, 3);
              payer = name ? { kind: payer.kind, name } : { kind: payer.kind };
            }
            break;
          case 'CLM': {
            yield* close();
            if (hlLevel !== '22' && hlLevel !== '23')
              fail(s, 'a claim outside a subscriber or patient loop (HL 22 or 23)');
            const id = el(s, 1);
            claims++;
            if (!id)
              throw new InputError(
                `claim ${claims} in the input, segment ${s.number} (CLM): CLM01 (the patient control number) is empty`,
              );
            claim = { id, position: claims, payer, diagnoses: [], lines: [], lineDates: [], lineNumbers: [] };
            loop = '2300';
            break;
          }
          case 'HI': {
            if (!claim) break; // an HI outside a claim says nothing about one
            const first = components(s, 1)[0] ?? '';
            if (!DIAGNOSIS_QUALIFIERS.has(first) && !ICD9_QUALIFIERS.has(first)) break; // condition codes, anesthesia procedures
            if (loop !== '2300')
              fail(
                s,
                `diagnoses (HI) after the service lines: they belong in the claim's 2300 loop, before the first LX`,
              );
            for (let n = 1; n < s.elements.length; n++) {
              const [qualifier = '', code = ''] = components(s, n);
              if (!qualifier && !code) continue;
              if (ICD9_QUALIFIERS.has(qualifier))
                fail(
                  s,
                  `HI${String(n).padStart(2, '0')} is an ICD-9-CM diagnosis (${qualifier}): only ICD-10-CM (ABK, ABF) is judged`,
                );
              if (!DIAGNOSIS_QUALIFIERS.has(qualifier)) continue;
              if (claim.diagnoses.length >= maxDiagnoses)
                fail(
                  s,
                  `more than ${maxDiagnoses} diagnoses; an encounter may have at most ${maxDiagnoses} (as in the extension)`,
                );
              claim.diagnoses.push({ code: dottedIcd(code) });
            }
            break;
          }
          case 'LX':
            if (claim) loop = '2400';
            break;
          case 'SV1': {
            if (!claim) fail(s, 'a service line outside a claim (no CLM before it)');
            loop = '2400';
            const c = claim!;
            const procedure = components(s, 1);
            const code = procedure[1] ?? '';
            if (!procedure[0] || !code) fail(s, `SV101 has no procedure code (it reads ${quoted(el(s, 1))})`);
            if (c.lines.length >= maxLines)
              fail(
                s,
                `more than ${maxLines} service lines; an encounter may have at most ${maxLines} (as in the extension)`,
              );
            const line: Line = { code };
            const modifiers = procedure.slice(2, 6).filter(Boolean);
            if (modifiers.length) line.modifiers = modifiers;
            const quantity = el(s, 4);
            if (quantity && el(s, 3) !== 'MJ') {
              // Whole units only: the rules count units (MJ is anesthesia minutes, not units).
              if (!/^\d{1,6}(?:\.0*)?$/.test(quantity) || Number(quantity) < 1)
                fail(s, `SV104 units ${quoted(quantity)} are not a whole number of units of 1 or more`);
              line.units = Number(quantity);
            }
            const pointers = components(s, 7).filter(Boolean);
            if (pointers.length) {
              line.dx = pointers.map((p) => {
                if (!/^\d{1,2}$/.test(p) || Number(p) < 1)
                  fail(s, `SV107 diagnosis pointer ${quoted(p)} is not a number from 1 to 12`);
                const n = Number(p);
                if (n > c.diagnoses.length)
                  fail(
                    s,
                    `SV107 diagnosis pointer ${n} is beyond the ${c.diagnoses.length} diagnos${c.diagnoses.length === 1 ? 'is' : 'es'} of HI`,
                  );
                return n;
              });
            }
            c.lines.push(line);
            c.lineDates.push(undefined);
            c.lineNumbers.push(c.lines.length);
            break;
          }
          case 'DTP': {
            if (!claim || el(s, 1) !== '472' || (loop !== '2400' && loop !== '2300')) break;
            const format = el(s, 2);
            const value = el(s, 3);
            const day =
              format === 'D8' ? dayOf(value) : format === 'RD8' ? dayOf(value.split('-')[0] ?? '') : undefined;
            if (!day)
              fail(
                s,
                `DTP*472 date ${quoted(value)} (${quoted(format)}) is not a date CCYYMMDD (D8) or range CCYYMMDD-CCYYMMDD (RD8)`,
              );
            if (loop === '2300') claim.claimDate = day;
            else if (claim.lines.length) claim.lineDates[claim.lines.length - 1] = day;
            break;
          }
          default:
            // PRV, REF, NTE, N3, N4, DMG, PAT, PER, CUR, AMT, PWK, CN1, K3, SVD, CAS … carry nothing the rules judge.
            break;
        }
      }
  } catch (e) {
    if (e instanceof X12SyntaxError) {
      const name = claimName();
      throw new InputError(`${name ? `${name}: ` : ''}${e.message}`);
    }
    throw e;
  }
  if (interchange || group || transaction) {
    const open = transaction
      ? `transaction ${quoted(transaction.control)} (no SE)`
      : group
        ? 'a group (no GE)'
        : 'an interchange (no IEA)';
    const name = claimName();
    throw new InputError(
      `${name ? `${name}: ` : ''}the input ends after segment ${last!.number} (${last!.tag}), inside ${open}: truncated?`,
    );
  }
}
