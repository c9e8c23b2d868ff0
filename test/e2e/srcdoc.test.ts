/**
 * An athenaNet screen written into an about:srcdoc frame (its address is
 * about:srcdoc, its origin the EHR's): the content script picks the athena
 * reader by the frame's origin, the worker accepts the frame by its origin,
 * and the user gets the warnings, the badge and the tab's status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { badgeOf, judged, launch, POLL, waitForWarnings, type Session } from './harness';
import { SCREENS } from './screens';
import { run } from '../../rules/index';
import type { Encounter } from '../../rules/schema';
import { demoScreenUrl } from '../../adapters/demo-screens';

const cases: { encounter: Encounter; expect: { rule: string; line: number | null }[] }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
const ex01 = cases.find((c) => c.encounter.id === 'ex01')!;
const severities = new Map(run(ex01.encounter).map((f) => [`${f.rule}@${f.line ?? 'encounter'}`, f.severity]));
const expected = ex01.expect
  .map((e) => `${e.rule}@${e.line ?? 'encounter'}`)
  .filter((k) => severities.get(k) !== 'info');
const errors = ex01.expect.filter((e) => severities.get(`${e.rule}@${e.line ?? 'encounter'}`) === 'error').length;

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await launch();
  page = await session.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
});
afterAll(async () => session?.close());

describe('an EHR screen in an about:srcdoc frame', () => {
  it('gets its warnings, the badge and the tab status (ex01 on the athena screen)', async () => {
    expect(expected.length).toBeGreaterThan(0);
    const since = Date.now();
    await page.goto(demoScreenUrl.athenaSrcdoc(session.baseUrl, { case: 'ex01' }));
    const athena = SCREENS.find((s) => s.name === 'athena')!;
    const frame = await athena.frame(page, 'ex01');
    expect(frame.url()).toBe('about:srcdoc');
    await waitForWarnings(frame, expected);
    await judged(
      session,
      page,
      since,
      ex01.encounter.lines.map((l) => l.code),
    );
    await expect.poll(() => badgeOf(session, page), POLL).toBe(errors ? String(errors) : '');
  });
});
