/**
 * Code tables imported through the options page, in a real Chromium: CMS's
 * practitioner PTP parts (a made-up 11642/12052 edit, indicator 0, that the
 * built-in subset lacks) and an ICD-10-CM FY2027 codes file (L57.0 split into
 * L57.00/L57.01), each picked with the page's file input, read in its worker
 * with a progress bar, stored in IndexedDB, and then used by the background
 * worker on the EMA demo screen. A malformed file is refused naming the line
 * and changes nothing; "Restore built-in" undoes an import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launch, waitForWarnings, warningsIn, type Session } from './harness';
import { SCREENS } from './screens';
import { exposeShadowRoots } from './shadow';
import { ptpFileText, type CmsPtpRow } from '../../rules/ncci/index';
import { zipArchive } from '../unit/zip-writer';
import { waitInPainted } from './shadow';
import { demoScreenUrl } from '../../adapters/demo-screens';

const ema = SCREENS.find((s) => s.name === 'ema')!;

let session: Session;
let options: Page;
let screen: Page;
let dir: string;

/** One quarter's four parts in CMS's layout; the made-up edit in part 2, real-looking filler in the others. */
function ptpParts(version: string, edit: CmsPtpRow): { name: string; text: string }[] {
  const filler: CmsPtpRow[][] = [
    [
      {
        column1: '11055',
        column2: '17110',
        effective: '20190101',
        modifier: 1,
        rationale: 'Mutually exclusive procedures',
      },
    ],
    [
      edit,
      {
        column1: '11102',
        column2: '17000',
        effective: '20190101',
        modifier: 1,
        rationale: 'CPT Manual or CMS manual coding instruction',
      },
    ],
    [
      {
        column1: '17110',
        column2: '11200',
        effective: '20190101',
        modifier: 1,
        rationale: 'Mutually exclusive procedures',
      },
    ],
    [
      {
        column1: '17250',
        column2: '17000',
        effective: '20200101',
        modifier: 9,
        rationale: 'Standards of medical / surgical practice',
      },
    ],
  ];
  return filler.map((rows, i) => ({ name: `ccipra-v${version}r0-f${i + 1}.txt`, text: ptpFileText(rows) }));
}

const write = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

const emaUrl = (encounter: object) => demoScreenUrl.ema(session.baseUrl, { encounter }, 4321);

async function openOptions(): Promise<void> {
  await options.goto(`chrome-extension://${session.extensionId}/options.html#tables`);
  await options.waitForSelector('#import-ptp');
}

/**
 * Picks files with an input, as a user does, and waits until the page says how
 * it went: the status is cleared when the import starts and set when it ends
 * (watched from inside the page, so a fast import is not missed).
 */
async function importThrough(input: string, paths: string[]): Promise<{ status: string; sawProgress: boolean }> {
  await options.bringToFront();
  const handle = (await options.waitForSelector(input)) as ElementHandle<HTMLInputElement>;
  await options.evaluate(() => {
    const w = window as unknown as {
      importLog: { status: string; progress: boolean }[];
      importObserver?: MutationObserver;
    };
    w.importLog = [];
    w.importObserver?.disconnect();
    const note = () =>
      w.importLog.push({
        status: document.querySelector('#tables-status')?.textContent ?? '',
        progress: !!document.querySelector('#table-progress'),
      });
    w.importObserver = new MutationObserver(note);
    w.importObserver.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await handle.uploadFile(...paths);
  await options.waitForFunction(
    () => {
      const log = (window as unknown as { importLog: { status: string; progress: boolean }[] }).importLog;
      const cleared = log.findIndex((e) => e.status === '');
      return cleared >= 0 && log.slice(cleared).some((e) => e.status !== '' && !e.progress);
    },
    { timeout: 60_000 },
  );
  const log = await options.evaluate(
    () => (window as unknown as { importLog: { status: string; progress: boolean }[] }).importLog,
  );
  // Done: the progress bar is gone and the inputs work again.
  expect(await options.$('#table-progress')).toBeNull();
  expect(await options.$eval(input, (el) => (el as HTMLInputElement).disabled)).toBe(false);
  return {
    status: await options.$eval('#tables-status', (el) => el.textContent ?? ''),
    sawProgress: log.some((e) => e.progress),
  };
}

const rowText = (id: string) =>
  options.$eval(`tr[data-table="${id}"]`, (tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

async function warningsOf(url: string, ready: string): Promise<{ frame: Awaited<ReturnType<typeof ema.frame>> }> {
  await screen.bringToFront();
  await screen.goto('about:blank');
  await screen.goto(url);
  return { frame: await ema.frame(screen, ready) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dermlint-tables-'));
  session = await launch();
  options = await session.browser.newPage();
  screen = await session.browser.newPage();
  await screen.setViewport({ width: 1400, height: 900 });
  await openOptions();
});
afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('NCCI PTP: CMS’s four parts imported in options', () => {
  const edit: CmsPtpRow = {
    column1: '11642',
    column2: '12052',
    effective: '20190101',
    modifier: 0,
    rationale: 'Standards of medical / surgical practice',
  };

  it('ex35 (excision 11642 + intermediate repair 12052) is clean with the built-in tables', async () => {
    expect(await rowText('ptp')).toMatch(/NCCI PTP 2026 Q3.*Built in/);
    const { frame } = await warningsOf(ema.url(session.baseUrl, 'ex35'), 'ex35');
    await new Promise((r) => setTimeout(r, 600));
    expect(await warningsIn(frame)).toEqual([]);
  });

  it('imports the four parts with a progress bar, shows the quarter and size, and the new edit fires on the column-2 line', async () => {
    const paths = ptpParts('323', edit).map((p) => write(p.name, p.text));
    const { status, sawProgress } = await importThrough('#import-ptp', paths);
    expect(status).toBe('Imported NCCI PTP 2026 Q4: 4 pairs. The rules use it from now on.');
    expect(sawProgress).toBe(true);
    expect(await rowText('ptp')).toMatch(
      /^NCCI PTP edits \(practitioner\) NCCI PTP 2026 Q4 from 2026-10-01 4 pairs Imported .*, from ccipra-v323r0-f1\.txt … ccipra-v323r0-f4\.txt Restore built-in$/,
    );

    const { frame } = await warningsOf(ema.url(session.baseUrl, 'ex35'), 'ex35');
    await waitForWarnings(frame, ['ncci-ptp@1']);
    // Beside a field of the line showing 12052: the row just above the bar under that field.
    await exposeShadowRoots(frame);
    const marked = await frame.$eval('dermlint-warning[data-dermlint-rule="ncci-ptp"]', (h) => {
      const r = h.shadowRoot!.querySelector('.mark')!.getBoundingClientRect();
      return document.elementFromPoint((r.left + r.right) / 2, r.top - 3)?.closest('tr')?.innerHTML ?? '';
    });
    expect(marked).toMatch(/12052/);
  });

  it('the imported table survives a restart of the background worker (it is in IndexedDB)', async () => {
    // Stop the service worker as Chrome does when it is idle (without a debugger on it, which would keep it from
    // starting again); the content script's next message starts a fresh one, which loads the table from IndexedDB.
    const cdp = await options.createCDPSession();
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) states.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => states.at(-1), { timeout: 10_000 }).toBe('stopped');
    const { frame } = await warningsOf(ema.url(session.baseUrl, 'ex35'), 'ex35');
    await waitForWarnings(frame, ['ncci-ptp@1'], 20_000);
    expect(states.slice(states.lastIndexOf('stopped'))).toContain('running');
    await cdp.detach();
  });

  it('a malformed release (a bad line in part 3 of its ZIP) is refused naming the line, and nothing changes', async () => {
    const parts = ptpParts('324', { ...edit, modifier: 1 });
    parts[2]!.text = parts[2]!.text.replace('20190101', '2019-01-01');
    const zip = write(
      'medicare-ncci-2027q1-practitioner-ptp.zip',
      zipArchive(parts.map((p) => ({ name: p.name, data: p.text }))),
    );
    const { status } = await importThrough('#import-ptp', [zip]);
    expect(status).toBe(
      'Nothing changed: ccipra-v324r0-f3.txt: line 7: Effective Date "2019-01-01" is not a date YYYYMMDD',
    );
    expect(await options.$eval('#tables-status', (el) => el.className)).toMatch(/\bbad\b/);
    expect(await rowText('ptp')).toMatch(/NCCI PTP 2026 Q4 .*4 pairs Imported/);
    const { frame } = await warningsOf(ema.url(session.baseUrl, 'ex35'), 'ex35');
    await waitForWarnings(frame, ['ncci-ptp@1']);
  });

  it('“Restore built-in” puts the built-in table back in use', async () => {
    await options.bringToFront();
    await (await options.waitForSelector('tr[data-table="ptp"] button'))!.click();
    await options.waitForFunction(() =>
      /built-in NCCI PTP 2026 Q3 is in use again/.test(document.querySelector('#tables-status')?.textContent ?? ''),
    );
    expect(await rowText('ptp')).toMatch(/NCCI PTP 2026 Q3.*Built in/);
    const { frame } = await warningsOf(ema.url(session.baseUrl, 'ex35'), 'ex35');
    await new Promise((r) => setTimeout(r, 800));
    expect(await warningsIn(frame)).toEqual([]);
  });
});

describe('ICD-10-CM FY2027 imported in options', () => {
  const visit = (id: string, dx: string, dateOfService: string) => ({
    id,
    dateOfService,
    payer: { kind: 'commercial', name: 'Aetna' },
    diagnoses: [{ code: dx }],
    lines: [{ code: '17000', units: 1, dx: [1] }],
  });

  /** FY2026's real file, with L57.0 (actinic keratosis) split into L57.00 and L57.01 (made up), as FY2027. */
  function fy2027(): string {
    const lines = readFileSync(new URL('../../data/cms/icd10cm-codes.txt', import.meta.url), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('L570\t'));
    lines.splice(
      at,
      1,
      'L5700\tActinic keratosis, face (made up for this test)',
      'L5701\tActinic keratosis, other site (made up for this test)',
    );
    return lines.join('\n');
  }

  it('before: on 2026-10-15 the FY2026 set judges, so L57.0 passes and L57.01 does not', async () => {
    let { frame } = await warningsOf(emaUrl(visit('fy-a', 'L57.0', '2026-10-15')), 'custom');
    await new Promise((r) => setTimeout(r, 600));
    expect(await warningsIn(frame)).toEqual([]);
    ({ frame } = await warningsOf(emaUrl(visit('fy-b', 'L57.01', '2026-10-15')), 'custom'));
    await waitForWarnings(frame, ['dx-invalid@encounter']);
  });

  it('imports the FY2027 codes file; from 2026-10-01 L57.0 needs more characters and L57.01 is valid', async () => {
    await openOptions();
    const { status } = await importThrough('#import-icd', [write('icd10cm-codes-2027.txt', fy2027())]);
    expect(status).toBe(
      'Imported ICD-10-CM FY2027: 74,720 codes, for encounters dated 2026-10-01 to 2027-09-30. The rules use it from now on.',
    );
    expect(await rowText('icd10cm-2027')).toMatch(
      /^ICD-10-CM code set ICD-10-CM FY2027 in force 2026-10-01 to 2027-09-30 74,720 codes Imported .*icd10cm-codes-2027\.txt Remove$/,
    );
    expect(await rowText('builtin-icd10cm')).toMatch(/ICD-10-CM FY2026 in force 2025-10-01 to 2026-09-30/);

    let { frame } = await warningsOf(emaUrl(visit('fy-c', 'L57.0', '2026-10-15')), 'custom');
    await waitForWarnings(frame, ['dx-invalid@encounter']);
    // The warning names the set it judged with.
    const pill = await waitInPainted(frame, 'button.pill');
    await pill.click();
    const card = await waitInPainted(frame, '.card');
    expect(await card.evaluate((c) => c.textContent)).toMatch(/ICD-10-CM FY2027/);

    ({ frame } = await warningsOf(emaUrl(visit('fy-d', 'L57.01', '2026-10-15')), 'custom'));
    await new Promise((r) => setTimeout(r, 600));
    expect(await warningsIn(frame)).toEqual([]);

    // A visit of September 2026 is still judged with FY2026.
    ({ frame } = await warningsOf(emaUrl(visit('fy-e', 'L57.01', '2026-09-15')), 'custom'));
    await waitForWarnings(frame, ['dx-invalid@encounter']);
  });

  it('a truncated codes file is refused naming its last line, and FY2027 stays in use', async () => {
    await openOptions();
    const cut = fy2027().split('\n').slice(0, 40_000).join('\n');
    const { status } = await importThrough('#import-icd', [write('icd10cm-codes-2028.txt', cut)]);
    expect(status).toMatch(
      /^Nothing changed: icd10cm-codes-2028\.txt: line 40000: the file ends here with no codes starting .*truncated/,
    );
    expect(await options.$('tr[data-table="icd10cm-2028"]')).toBeNull();
    expect(await rowText('icd10cm-2027')).toMatch(/ICD-10-CM FY2027/);
    const { frame } = await warningsOf(emaUrl(visit('fy-f', 'L57.0', '2026-10-15')), 'custom');
    await waitForWarnings(frame, ['dx-invalid@encounter']);
  });
});
