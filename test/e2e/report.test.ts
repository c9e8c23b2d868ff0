/**
 * The command line's HTML report in a real browser (headless Chromium, no
 * extension needed): made from the 837P batch fixture, opened from disk, it
 * asks the network for nothing, runs its script under its own strict
 * Content-Security-Policy, shows the totals and the table, filters it, and
 * axe-core finds no violation (WCAG 2.2 AA and best practices).
 *
 * DERMLINT_SCREENSHOTS=1 also saves docs/screenshots/report.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { CHROMIUM } from './harness';
import { HEADLESS_FLAGS } from '../support/chromium';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let browser: Browser;
let page: Page;
let dir: string;
let reportUrl: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  dir = mkdtempSync(join(tmpdir(), 'dermlint-report-'));
  const report = join(dir, 'report.html');
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/scrub.ts', 'test/fixtures/claims/batch-837p.txt', '--html', report],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`scrub failed: ${made.stderr}`);
  reportUrl = pathToFileURL(report).href;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: join(dir, 'profile'),
    args: [...HEADLESS_FLAGS, '--disable-dev-shm-usage'],
  });
  page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    if (request.url() === reportUrl) void request.continue();
    else void request.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${(error as Error).message}`));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(reportUrl, { waitUntil: 'load' });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function axe(where: Page): Promise<{ violations: string[]; passed: string[] }> {
  await where.evaluate(AXE_SOURCE);
  return where.evaluate(async (tags: string[]) => {
    type Rule = { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] };
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: result.violations.flatMap((v) =>
        v.nodes.map(
          (n) => `${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        ),
      ),
      passed: result.passes.map((p) => p.id),
    };
  }, AXE_TAGS);
}

const shown = () =>
  page.$$eval('#findings tbody tr', (rows) =>
    rows
      .filter((r) => !(r as HTMLElement).hidden)
      .map((r) => `${r.children[0]!.textContent} ${r.children[3]!.textContent}`),
  );
const status = () => page.$eval('#shown', (el) => el.textContent);

describe('the HTML report in Chromium', () => {
  it('loads nothing but itself, and its script runs under its own Content-Security-Policy with no error', async () => {
    expect(requests).toEqual([reportUrl]);
    expect(problems).toEqual([]);
    // The filters are shown by the script: it ran, so its hash matched the policy.
    expect(await page.$eval('#filters', (el) => (el as HTMLElement).hidden)).toBe(false);
    expect(await page.evaluate(() => document.fonts.size)).toBe(0);
  });

  it('shows the totals, the share of claims with errors, the chart and the top findings', async () => {
    const tiles = await page.$$eval('.tiles div', (divs) =>
      divs.map((d) => (d as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    expect(tiles).toEqual([
      'Claims checked 8',
      'With errors (likely denied) 4 50%',
      'With any finding 7 88%',
      'Findings 8 4 errors · 1 warning · 3 to review',
    ]);
    expect(await page.$$eval('section[aria-labelledby="by-rule"] svg rect', (r) => r.length)).toBe(7);
    expect(await page.$eval('#chart-title', (el) => el.textContent)).toBe('Findings by rule and severity');
    expect(await page.$$eval('.top > li h3', (hs) => hs.map((h) => h.textContent))).toEqual([
      'abn-missing',
      'biopsy-primary',
      'dx-invalid',
      'mod25-missing',
      'ncci-ptp',
      'benign-removal-necessity',
      'mod25-unsupported',
    ]);
  });

  it('lists every finding with claim id, line from 1, code, rule, severity, message and fix', async () => {
    const rows = await page.$$eval('#findings tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].slice(0, 5).map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ['PCN-1001', '1', '99213', 'mod25-missing', 'error'],
      ['PCN-1002', '1', '17110', 'abn-missing', 'error'],
      ['PCN-1003', 'claim', '', 'dx-invalid', 'error'],
      ['PCN-1003', '2', '17000', 'ncci-ptp', 'warning'],
      ['PCN-2001', '1', '17110', 'benign-removal-necessity', 'needs review'],
      ['PCN-3001', '1', '11102', 'biopsy-primary', 'error'],
      ['PCN-4001', '1', '17110', 'benign-removal-necessity', 'needs review'],
      ['PCN-5001', '1', '99214-25', 'mod25-unsupported', 'needs review'],
    ]);
    expect(await page.$eval('#findings tbody tr td:nth-child(7)', (td) => td.textContent)).toBe(
      'Add modifier 25 to 99213.',
    );
  });

  it('filters the table by severity, rule and words, says how many are shown, and clears', async () => {
    await page.select('#filter-severity', 'info');
    expect(await shown()).toEqual([
      'PCN-2001 benign-removal-necessity',
      'PCN-4001 benign-removal-necessity',
      'PCN-5001 mod25-unsupported',
    ]);
    expect(await status()).toBe('Showing 3 of 8 findings');
    await page.select('#filter-rule', 'benign-removal-necessity');
    expect(await shown()).toEqual(['PCN-2001 benign-removal-necessity', 'PCN-4001 benign-removal-necessity']);
    await page.type('#filter-text', 'pcn-4001');
    await page.waitForFunction(() => document.getElementById('shown')!.textContent === 'Showing 1 of 8 findings');
    expect(await shown()).toEqual(['PCN-4001 benign-removal-necessity']);
    await page.click('button[type="reset"]');
    await page.waitForFunction(() => document.getElementById('shown')!.textContent === 'Showing all 8 findings');
    expect(await shown()).toHaveLength(8);
    // From the top findings: show one rule's findings in the table, focus on the rule filter.
    await page.click('button[data-show-rule="biopsy-primary"]');
    expect(await shown()).toEqual(['PCN-3001 biopsy-primary']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-rule');
    await page.click('button[type="reset"]');
    await page.waitForFunction(() => document.getElementById('shown')!.textContent === 'Showing all 8 findings');
  });

  it('passes axe-core: no violation of WCAG 2.2 AA or of the best practices', async () => {
    const { violations, passed } = await axe(page);
    expect(violations).toEqual([]);
    // It looked: the contrast of the text, the table headers, the form labels, the landmarks, the document language.
    expect(passed).toEqual(
      expect.arrayContaining([
        'color-contrast',
        'th-has-data-cells',
        'label',
        'landmark-one-main',
        'region',
        'html-has-lang',
        'heading-order',
        'svg-img-alt',
      ]),
    );
  });

  it('a report with nothing found says so, and passes axe-core too', async () => {
    const input = join(dir, 'clean.json');
    writeFileSync(
      input,
      JSON.stringify([
        {
          id: 'clean-1',
          payer: { kind: 'commercial' },
          diagnoses: [{ code: 'L70.0' }],
          lines: [{ code: '99213', dx: [1] }],
        },
      ]),
    );
    const report = join(dir, 'clean.html');
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', input, '--html', report], {
      encoding: 'utf8',
    });
    expect(made.status).toBe(0);
    const clean = await browser.newPage();
    await clean.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    expect(await clean.$eval('#by-rule + p', (p) => p.textContent)).toBe('No findings.');
    expect(await clean.$eval('#shown', (p) => p.textContent)).toBe('Showing all 0 findings');
    expect((await axe(clean)).violations).toEqual([]);
    await clean.close();
  });

  it('shows markup in a claim id or code as text: nothing from the input runs', async () => {
    const input = join(dir, 'hostile.json');
    const id = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    writeFileSync(
      input,
      JSON.stringify([
        {
          id,
          payer: { kind: 'commercial' },
          diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
          lines: [
            { code: '99213', modifiers: ['<b>25</b>'], dx: [2] },
            { code: '17110', dx: [1] },
          ],
        },
      ]),
    );
    const report = join(dir, 'hostile.html');
    expect(
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scrub.ts', input, '--html', report], {
        encoding: 'utf8',
      }).status,
    ).toBe(0);
    const hostile = await browser.newPage();
    await hostile.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    expect(await hostile.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await hostile.$$eval('img, b', (els) => els.length)).toBe(0);
    expect(await hostile.$$eval('script', (els) => els.length)).toBe(1);
    expect(await hostile.$eval('#findings tbody td', (td) => td.textContent)).toBe(id);
    await hostile.close();
  });

  it.runIf(process.env.DERMLINT_SCREENSHOTS)('saves docs/screenshots/report.png', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.setViewport({ width: 1100, height: 1500 });
    await page.screenshot({
      path: join(process.cwd(), 'docs/screenshots/report.png'),
      clip: { x: 0, y: 0, width: 1100, height: 1500 },
    });
  });
});
