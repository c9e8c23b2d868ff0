/**
 * Around teaching: where a taught map goes (settings, replacing one of the
 * same name, only for the screen it was taught on), the worker's gate for it,
 * hosts with a port, the editor's text form of label fields, and the payer
 * name the popup and panel show.
 */
import { describe, expect, it } from 'vitest';
import { addTaughtMap } from '../../lib/teach/save';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS, HostPatternSchema, type ExtensionSettings } from '../../lib/extension-settings';
import { matchesPattern } from '../../lib/match-patterns';
import { MatchPatternSchema, type FieldMap } from '../../adapters/generic/fieldmap';
import { hostPatternError, toHostPattern } from '../../lib/extra-hosts';
import { refToText, textToRef } from '../../components/field-ref-text';
import { mapFromDraft, draftFromMap } from '../../components/FieldMapEditor';
import { payerText } from '../../components/encounter-labels';

const TAUGHT: FieldMap = {
  name: '127.0.0.1:8791 /cedar (taught)',
  matches: ['http://127.0.0.1:8791/cedar/*'],
  procedures: {
    rows: 'table.cedar-lines tbody > tr',
    code: { label: 'Code', selector: '.mantine-Pill-label' },
    units: 'input[aria-label^="Units, line "]',
  },
  diagnoses: { rows: 'table.cedar-dx tbody > tr', code: 'input[aria-label^="ICD-10 code"]' },
  payer: { name: { label: 'Insurance' } },
};
const SCREEN = 'http://127.0.0.1:8791/cedar/index.html?case=ex45';

describe('saving a taught map', () => {
  it('adds it, then replaces it when the same screen is taught again', () => {
    const first = addTaughtMap(DEFAULT_EXTENSION_SETTINGS, TAUGHT, SCREEN);
    expect(first).toMatchObject({
      ok: true,
      message: 'Saved “127.0.0.1:8791 /cedar (taught)”. dermlint reads this screen now.',
    });
    if (!first.ok) return;
    expect(first.settings.fieldMaps).toEqual([TAUGHT]);
    const again = addTaughtMap(
      first.settings,
      { ...TAUGHT, procedures: { ...TAUGHT.procedures, units: { label: 'Units' } } },
      SCREEN,
    );
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/^Replaced/) });
    if (again.ok) expect(again.settings.fieldMaps.map((m) => m.procedures.units)).toEqual([{ label: 'Units' }]);
  });

  it('refuses a map for another screen, a map that is not valid, and a twenty-first map', () => {
    expect(addTaughtMap(DEFAULT_EXTENSION_SETTINGS, TAUGHT, 'https://ehr.example.com/claims')).toEqual({
      ok: false,
      error: 'a taught field map must cover the screen it was taught on',
    });
    expect(addTaughtMap(DEFAULT_EXTENSION_SETTINGS, { ...TAUGHT, procedures: { rows: 'tr[' } }, SCREEN)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the field map is not valid \(procedures\.rows: not a valid CSS selector/),
    });
    const full: ExtensionSettings = {
      ...DEFAULT_EXTENSION_SETTINGS,
      fieldMaps: Array.from({ length: 20 }, (_, i) => ({ ...TAUGHT, name: `map ${i}` })),
    };
    expect(addTaughtMap(full, TAUGHT, SCREEN)).toEqual({
      ok: false,
      error: 'there are already 20 field maps; delete one in options first',
    });
  });

  it('the worker takes it only from a content script on an enabled host, and hands it to storage', async () => {
    const saved: [unknown, string][] = [];
    const worker = createWorker({
      extensionId: 'ext',
      allowedPatterns: () => ['http://127.0.0.1:8791/*'],
      settings: () => DEFAULT_EXTENSION_SETTINGS,
      setBadge: () => {},
      saveTaughtMap: async (map, url) => {
        saved.push([map, url]);
        return { ok: true, message: 'Saved.' };
      },
    });
    const page: Sender = { id: 'ext', url: SCREEN, tab: { id: 3 }, frameId: 0 };
    expect(await worker.handle({ type: 'teach-save', map: TAUGHT }, page)).toEqual({ ok: true, message: 'Saved.' });
    expect(saved).toEqual([[TAUGHT, SCREEN]]);
    expect(
      await worker.handle({ type: 'teach-save', map: TAUGHT }, { ...page, url: 'https://evil.example.com/' }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) });
    expect(
      await worker.handle({ type: 'teach-save', map: TAUGHT }, { ...page, id: 'another-extension' }),
    ).toMatchObject({ ok: false });
    // The overlay runs in the top frame only: a sub-frame's content script cannot save a map.
    expect(await worker.handle({ type: 'teach-save', map: TAUGHT }, { ...page, frameId: 4 })).toEqual({
      ok: false,
      error: 'rejected: a field map is taught in the top frame only',
    });
    expect(await worker.handle({ type: 'teach-save' }, page)).toMatchObject({ ok: false });
    expect(saved).toHaveLength(1);
  });
});

describe('hosts with a port', () => {
  it.each([
    ['http://127.0.0.1:8791/*', 'http://127.0.0.1:8791/cedar/', true],
    ['http://127.0.0.1:8791/*', 'http://127.0.0.1:8792/cedar/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8792/cedar/', true],
    ['https://ehr.example.com:8443/*', 'https://ehr.example.com:8443/x', true],
    ['https://ehr.example.com:443/*', 'https://ehr.example.com/x', true],
    ['https://*.example.com:*/*', 'https://a.example.com:9000/x', true],
  ])('%s covers %s: %s', (pattern, url, covered) => expect(matchesPattern(pattern, url)).toBe(covered));

  it('a typed host keeps its port, and such a host may be added and used in a field map', () => {
    expect(toHostPattern('127.0.0.1:8791')).toBe('http://127.0.0.1:8791/*');
    expect(toHostPattern('http://127.0.0.1:8791/cedar/index.html?case=ex01')).toBe('http://127.0.0.1:8791/*');
    expect(toHostPattern('https://ehr.example.com:443/app')).toBe('https://ehr.example.com/*');
    expect(toHostPattern('ehr.example.com:8443')).toBe('https://ehr.example.com:8443/*');
    expect(hostPatternError('http://127.0.0.1:8791/*')).toBeNull();
    expect(HostPatternSchema.safeParse('https://ehr.example.com:8443/*').success).toBe(true);
    expect(hostPatternError('http://ehr.example.com:8080/*')).toMatch(/https, or http on localhost/);
    expect(MatchPatternSchema.safeParse('http://127.0.0.1:8791/cedar/*').success).toBe(true);
    expect(MatchPatternSchema.safeParse('http://127.0.0.1:port/*').success).toBe(false);
  });
});

describe('the field-map editor’s text for a field', () => {
  it.each<[unknown, string]>([
    ['input[name="units"]', 'input[name="units"]'],
    [{ label: 'Quantity' }, 'label: Quantity'],
    [{ label: 'Modifiers', selector: '.mantine-Pill-label' }, 'label: Modifiers >> .mantine-Pill-label'],
  ])('%j ⇄ %s', (ref, text) => {
    expect(refToText(ref)).toBe(text);
    expect(textToRef(text)).toEqual(ref);
  });

  it('a long selector typed over two lines is one selector; a draft round-trips a taught map', () => {
    expect(
      textToRef(':scope > .mantine-InputWrapper-root:has(> label[for="productOrService"])\n  .mantine-Pill-label'),
    ).toBe(':scope > .mantine-InputWrapper-root:has(> label[for="productOrService"]) .mantine-Pill-label');
    expect(mapFromDraft(draftFromMap(TAUGHT))).toEqual(TAUGHT);
  });
});

describe('the payer as the popup and the review panel show it', () => {
  it.each([
    [{ payerKind: 'commercial', payerName: 'Cigna Open Access Plus' }, 'Cigna Open Access Plus (Commercial)'],
    [{ payerKind: 'unknown', payerName: 'Acme Health Cooperative' }, 'Acme Health Cooperative (kind not known)'],
    [{ payerKind: 'medicare', payerName: '' }, 'Medicare (an insurer name not in dermlint’s table)'],
    [{ payerKind: 'unknown', payerName: '' }, 'an insurer name not in dermlint’s table (kind not known)'],
    [{ payerKind: 'medicare' }, 'Medicare'],
    [{ payerKind: 'unknown' }, 'Not shown'],
  ])('%j: %s', (state, text) => expect(payerText(state)).toBe(text));
});
