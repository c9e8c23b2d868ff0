/**
 * Settings are never lost: what storage holds is read field by field (one bad
 * field costs that field, not the rest), selectors the browser accepts are
 * kept, a value that cannot be read is kept aside rather than overwritten, and
 * the stored item is versioned with explicit migrations (WXT storage).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeChrome, useFakeChrome, type FakeChrome } from './fake-chrome';
import {
  DEFAULT_EXTENSION_SETTINGS,
  readSettings,
  settingsFrom,
  type ExtensionSettings,
} from '../../lib/extension-settings';
import { parseFieldMap, type FieldMap } from '../../adapters/generic/fieldmap';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';

// The glue of older versions imported the polyfill; point it at the fake too, so a test fails on a
// wrong answer rather than on a missing browser.
vi.mock('webextension-polyfill', () => ({ default: (globalThis as { chrome?: unknown }).chrome }));

const KEY = 'dermlint:settings';
const ASIDE = 'dermlint:settings:set-aside';
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const STORED: ExtensionSettings = {
  rules: { 'mod25-missing': 'off', 'dx-missing': 'warning' },
  defaultPayerKind: 'medicare',
  showInfoInline: true,
  signoffPrompt: false,
  extraHosts: ['https://*.example-ehr.com/*', 'https://ehr.clinic-a.org/*'],
  fieldMaps: [ECW_FIELD_MAP],
  preset: 'medicare-heavy',
};

describe('settings read from storage, field by field', () => {
  it('a 41-character preset name costs the preset only: rule levels, hosts and field maps stay', () => {
    const read = readSettings({ ...STORED, preset: 'p'.repeat(41) });
    expect(read.settings).toEqual({ ...STORED, preset: undefined });
    expect(read.problems).toEqual(['preset: at most 40 characters']);
    expect(settingsFrom({ ...STORED, preset: 'p'.repeat(41) }).extraHosts).toEqual(STORED.extraHosts);
  });

  it("keeps a field map whose selector uses :state(), which Chrome's parser accepts", () => {
    const map: FieldMap = clone(ECW_FIELD_MAP);
    map.procedures.billTo = 'ecw-bill-to:state(checked)';
    map.abnSigned = 'abn-box:state(signed)';
    expect(settingsFrom({ ...STORED, fieldMaps: [map] }).fieldMaps).toEqual([map]);
    expect(parseFieldMap(map)).toEqual({ ok: true, value: map });
  });

  it('drops one bad element of a list and keeps its neighbours', () => {
    const broken = clone(ECW_FIELD_MAP) as Partial<FieldMap>;
    delete broken.procedures;
    const other = { ...clone(ECW_FIELD_MAP), name: 'Second clinic' };
    const read = readSettings({
      ...STORED,
      rules: { 'mod25-missing': 'off', 'dx-missing': 'loud', 'lesions-lumped': 'error' },
      extraHosts: ['https://*.example-ehr.com/*', 'ftp://files.example.com/*', 'https://ehr.clinic-a.org/*'],
      fieldMaps: [ECW_FIELD_MAP, broken, other],
    });
    expect(read.settings).toEqual({
      ...STORED,
      rules: { 'mod25-missing': 'off', 'lesions-lumped': 'error' },
      fieldMaps: [ECW_FIELD_MAP, other],
    });
    expect(read.problems).toEqual([
      'rules.dx-missing: expected one of off, default, info, warning, error',
      "extraHosts[1]: expected a host pattern like 'https://*.example-ehr.com/*' (https, or http on localhost; a port may follow the host)",
      'fieldMaps[1].procedures: missing: an object { rows, code, modifiers, units, pointers, … } of CSS selectors',
    ]);
    expect(read.unread).toEqual([]);
  });

  it('a field of the wrong kind is unread (its default is used in memory), the others are kept', () => {
    const read = readSettings({ ...STORED, extraHosts: 'https://*.example-ehr.com/*', signoffPrompt: 'yes' });
    expect(read.settings).toEqual({ ...STORED, extraHosts: [], signoffPrompt: true });
    expect(read.unread).toEqual(['signoffPrompt', 'extraHosts']);
  });

  it("keeps the practice's own insurer names; a bad one is dropped and its neighbours stay", () => {
    const names = [
      { phrase: 'Blue Shield Gold', kind: 'commercial' as const },
      { phrase: 'County Care', kind: 'medicaid' as const },
    ];
    expect(settingsFrom({ ...STORED, payerNames: names }).payerNames).toEqual(names);
    const read = readSettings({ ...STORED, payerNames: [names[0], { phrase: '', kind: 'commercial' }, names[1]] });
    expect(read.settings).toEqual({ ...STORED, payerNames: names });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatch(/^payerNames\[1\]\.phrase: /);
  });

  it('nothing stored yet: the defaults, and no problem', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_EXTENSION_SETTINGS, problems: [], unread: [] });
  });
});

describe('settings in extension storage (a versioned WXT storage item)', () => {
  let chrome: FakeChrome;
  async function openStore(fake: FakeChrome) {
    vi.resetModules();
    useFakeChrome(fake);
    return import('../../lib/settings-store');
  }
  afterEach(() => useFakeChrome(undefined));

  it('migrates the current stored format (version 1, no version mark) to version 2, keeping every field', async () => {
    chrome = fakeChrome();
    chrome.storage.local.data.set(KEY, clone(STORED));
    const store = await openStore(chrome);
    expect(await store.loadSettings()).toEqual(STORED);
    expect(chrome.storage.local.data.get(KEY)).toEqual(STORED);
    expect(chrome.storage.local.data.get(`${KEY}$`)).toEqual({ v: 2 });
    expect(chrome.storage.local.data.has(ASIDE)).toBe(false);
  });

  it('migrating a version-1 value with one bad field keeps the rest and the raw value aside', async () => {
    chrome = fakeChrome();
    const raw = { ...clone(STORED), preset: 'p'.repeat(41) };
    chrome.storage.local.data.set(KEY, raw);
    const store = await openStore(chrome);
    expect(await store.loadSettings()).toEqual({ ...STORED, preset: undefined });
    expect(chrome.storage.local.data.get(KEY)).toEqual({ ...STORED, preset: undefined });
    expect(chrome.storage.local.data.get(`${KEY}$`)).toEqual({ v: 2 });
    expect(chrome.storage.local.data.get(ASIDE)).toEqual([
      { at: expect.any(String), version: 1, problems: ['preset: at most 40 characters'], raw },
    ]);
  });

  it('keeps a stored value it cannot read aside, and never writes the defaults over it', async () => {
    chrome = fakeChrome();
    chrome.storage.local.data.set(KEY, 'not settings at all');
    chrome.storage.local.data.set(`${KEY}$`, { v: 2 });
    const store = await openStore(chrome);
    expect(await store.loadSettings()).toEqual(DEFAULT_EXTENSION_SETTINGS);
    // Read again (the worker reads on every change): still not overwritten, and kept aside once.
    expect(await store.loadSettings()).toEqual(DEFAULT_EXTENSION_SETTINGS);
    expect(chrome.storage.local.data.get(KEY)).toBe('not settings at all');
    expect(chrome.storage.local.data.get(ASIDE)).toEqual([
      { at: expect.any(String), version: 2, problems: ['settings: expected an object'], raw: 'not settings at all' },
    ]);
    expect(await store.setAsideSettings()).toHaveLength(1);
  });

  it('saves version 2 and reads back what it saved', async () => {
    chrome = fakeChrome();
    const store = await openStore(chrome);
    await store.saveSettings(STORED);
    expect(chrome.storage.local.data.get(`${KEY}$`)).toEqual({ v: 2 });
    expect(await store.loadSettings()).toEqual(STORED);
  });
});

describe("selectors: the browser's own parser decides where there is a document", () => {
  const g = globalThis as { document?: unknown };
  afterEach(() => delete g.document);
  /** A document whose parser knows one pseudo-class this file has never heard of, and closes open brackets as browsers do. */
  function browserKnowing(known: string) {
    g.document = {
      createDocumentFragment: () => ({
        querySelector: (s: string) => {
          if (s.includes(known) || s === 'tr[ng-repeat') return null;
          throw new SyntaxError(`'${s}' is not a valid selector`);
        },
      }),
    };
  }

  it('accepts what the browser accepts, rejects what it rejects, and still reports an unclosed bracket', async () => {
    const { selectorError, storedSelectorError } = await import('../../adapters/generic/selector');
    expect(selectorError('video:future-state')).toMatch(/unknown pseudo-class/); // no document: the hand-written parser
    browserKnowing(':future-state');
    expect(selectorError('video:future-state')).toBeNull();
    expect(selectorError('td:contains(x)')).toBe("unknown pseudo-class ':contains()'");
    expect(selectorError('tr[ng-repeat')).toBe("unexpected 'end' in an attribute selector");
    expect(storedSelectorError('tr[ng-repeat')).toBeNull();
    expect(storedSelectorError('td:contains(x)')).toBe("the browser's CSS parser rejects it");
  });

  it('without a document, a stored map is held to its shape only', async () => {
    const { storedSelectorError } = await import('../../adapters/generic/selector');
    expect(storedSelectorError('video:future-state')).toBeNull();
    const map = { ...clone(ECW_FIELD_MAP), header: 'video:future-state' };
    expect(settingsFrom({ fieldMaps: [map] }).fieldMaps).toEqual([map]);
  });
});
