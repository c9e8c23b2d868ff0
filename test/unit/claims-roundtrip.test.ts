/**
 * Every worked example written out as an X12 837P claim and as a FHIR R4
 * Claim (by the writers in claim-writers.ts, from the standards), read back by
 * dermlint's readers, gives the encounter the claim states and the same
 * findings as that encounter's JSON — in process for each example (fed in
 * chunks as small as one character), and through the command line for a batch
 * of them.
 *
 * What a claim states is the example without what no claim carries (site in
 * 837P, size, lesion counts, category, notes, history, an ABN without GA/GX;
 * asClaimCarries says it field by field), so its findings are those of that
 * encounter's JSON; the rules those fields feed stay silent on claim files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { readX12Claims } from '../../lib/claims/x12-837p';
import { readFhirClaims } from '../../lib/claims/fhir-claim';
import { InputError, type ReadEncounter } from '../../lib/claims/source';
import {
  asClaimCarries,
  fhirBundle,
  fhirClaim,
  NotWritable,
  write837p,
  X12_STYLES,
  type CoverageAt,
} from './claim-writers';

interface Case {
  encounter: Encounter;
}
const load = (path: string | URL) => (JSON.parse(readFileSync(path, 'utf8')) as Case[]).map((c) => c.encounter);
const REPO_EXAMPLES = load(new URL('../fixtures/examples/encounters.json', import.meta.url));

const CHUNK_SIZES = [1, 7, 64, 1 << 20];
async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function readAll(reader: AsyncIterable<ReadEncounter>): Promise<ReadEncounter[]> {
  const out: ReadEncounter[] = [];
  for await (const r of reader) out.push(r);
  return out;
}
const PLACEMENTS: readonly CoverageAt[] = ['entry-before', 'contained', 'entry-after', 'display'];
/** ex41 points line 1 at a second diagnosis it does not have: a pointer beyond HI, which a claim file cannot carry. */
const POINTER_BEYOND: Record<string, RegExp> = {
  ex41: /^claim 1 in the input \("ex41"\), segment \d+ \(SV1\): SV107 diagnosis pointer 2 is beyond the 1 diagnosis of HI$/,
};
const SEQUENCE_BEYOND: Record<string, RegExp> = {
  ex41: /^claim 1 in the input \("ex41"\): item 1: diagnosisSequence "2" names no diagnosis of the claim \(it has 1\)$/,
};

function roundTrips(examples: readonly Encounter[], label: string) {
  describe(`${label}: written as an 837P claim, read back`, () => {
    it.each(examples.map((e, i) => [e.id, i] as const))('%s', async (_id, i) => {
      const encounter = examples[i]!;
      let text: string;
      try {
        text = write837p([encounter], X12_STYLES[i % X12_STYLES.length]);
      } catch (e) {
        if (!(e instanceof NotWritable)) throw e;
        // Only a line without a code (a retail item) keeps an example out of an 837P.
        expect(e.message).toBe('a line without a code cannot be an SV1');
        return;
      }
      const read = readAll(readX12Claims(chunked(text, CHUNK_SIZES[i % CHUNK_SIZES.length]!)));
      if (POINTER_BEYOND[encounter.id]) {
        await expect(read).rejects.toThrow(POINTER_BEYOND[encounter.id]!);
        await expect(read).rejects.toBeInstanceOf(InputError);
        return;
      }
      const claim = asClaimCarries(encounter, '837');
      const got = await read;
      expect(got.map((r) => r.encounter)).toEqual([claim]);
      expect(got[0]!.source).toEqual({ kind: 'claim', position: 1, lineNumbers: claim.lines.map((_, n) => n + 1) });
      expect(run(got[0]!.encounter)).toEqual(run(claim));
    });
  });

  describe(`${label}: written as a FHIR Claim, read back`, () => {
    it.each(examples.map((e, i) => [e.id, i] as const))('%s', async (_id, i) => {
      const encounter = examples[i]!;
      const placement = PLACEMENTS[i % PLACEMENTS.length]!;
      // Alternately a Bundle and the bare Claim (whose Coverage is then contained or only a display).
      const bare = i % 2 === 1 && (placement === 'contained' || placement === 'display');
      const text = JSON.stringify(
        bare ? fhirClaim(encounter, i, placement).claim : fhirBundle([encounter], placement),
        null,
        i % 3 === 0 ? 2 : undefined,
      );
      const read = readAll(readFhirClaims(chunked(text, CHUNK_SIZES[i % CHUNK_SIZES.length]!)));
      if (SEQUENCE_BEYOND[encounter.id]) {
        await expect(read).rejects.toThrow(SEQUENCE_BEYOND[encounter.id]!);
        return;
      }
      const claim = asClaimCarries(encounter, 'fhir');
      const got = await read;
      expect(got.map((r) => r.encounter)).toEqual([claim]);
      expect(run(got[0]!.encounter)).toEqual(run(claim));
    });
  });
}

roundTrips(REPO_EXAMPLES, 'test/fixtures/examples');

describe('which examples a claim file cannot hold', () => {
  it('837P: the two with a line without a code (retail items); FHIR: none', () => {
    const unwritable = REPO_EXAMPLES.filter((e) => {
      try {
        write837p([e]);
        return false;
      } catch (err) {
        if (err instanceof NotWritable) return true;
        throw err;
      }
    }).map((e) => e.id);
    expect(unwritable).toEqual(['ex16', 'ex21']);
  });
});

describe('a batch of every example through the command line', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dermlint-roundtrip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scrub = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.error) throw r.error;
    return r;
  };
  const writable = (e: Encounter) => {
    try {
      write837p([e]);
      return true;
    } catch {
      return false;
    }
  };
  const batch = REPO_EXAMPLES.filter((e) => !POINTER_BEYOND[e.id] && writable(e));
  const asJson = (format: '837' | 'fhir') => {
    const path = join(dir, `${format}.json`);
    writeFileSync(
      path,
      JSON.stringify(
        (format === '837' ? batch : REPO_EXAMPLES.filter((e) => !SEQUENCE_BEYOND[e.id])).map((e) =>
          asClaimCarries(e, format),
        ),
      ),
    );
    return scrub([path, '--format', 'json']);
  };

  it('837P: one interchange of every writable example gives the findings of their JSON', () => {
    const path = join(dir, 'batch.837');
    writeFileSync(path, write837p(batch));
    const r = scrub([path, '--format', 'json']);
    const want = asJson('837');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(want.stdout));
    expect(JSON.parse(r.stdout)).toHaveLength(batch.length);
  });

  it.each(PLACEMENTS)(
    'FHIR: one Bundle of every example (Coverage %s) gives the findings of their JSON',
    (placement) => {
      const path = join(dir, `bundle-${placement}.json`);
      writeFileSync(
        path,
        JSON.stringify(
          fhirBundle(
            REPO_EXAMPLES.filter((e) => !SEQUENCE_BEYOND[e.id]),
            placement,
          ),
        ),
      );
      const r = scrub([path, '--format', 'json']);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(asJson('fhir').stdout));
    },
  );
});
