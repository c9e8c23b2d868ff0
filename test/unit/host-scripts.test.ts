/**
 * The content script on hosts a user added: registered through one queue
 * (permissions.onAdded and storage.onChanged both ask when a host is added),
 * updated in place rather than removed and added again, and every failure
 * recorded where options and the popup show it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeChrome, seeded, useFakeChrome, type FakeChrome } from './fake-chrome';

vi.mock('webextension-polyfill', () => ({ default: (globalThis as { chrome?: unknown }).chrome }));

const SETTINGS = 'dermlint:settings';
const ID = 'dermlint-extra-hosts';
const A = 'https://*.clinic-a.org/*';
const B = 'https://*.clinic-b.org/*';
const C = 'https://ehr.clinic-c.org/*';

function withHostA(fake: FakeChrome) {
  fake.storage.local.data.set(SETTINGS, { extraHosts: [A] });
  fake.storage.local.data.set(`${SETTINGS}$`, { v: 2 }); // already migrated: this test is about registration
  fake.permissions.granted.add(A);
  fake.scripting.scripts.set(ID, {
    id: ID,
    matches: [A],
    js: ['content-scripts/ehr.js'],
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  });
}

/** The registration code, imported once `chrome` exists (WXT's `browser` is bound at its first import). */
const glue = () => (useFakeChrome(fakeChrome()), import('../../lib/background/extra-host-scripts'));
afterEach(() => useFakeChrome(undefined));

describe('registering the content script on added hosts', () => {
  it('a host added while another run is under way ends registered: 200 interleavings out of 200', async () => {
    const { syncExtraHostScripts } = await glue();
    const wrong: string[] = [];
    for (let run = 0; run < 200; run++) {
      const random = seeded(run + 1);
      const fake = fakeChrome({ delay: () => Math.floor(random() * 12) });
      withHostA(fake);
      useFakeChrome(fake);
      // The user adds B: the browser grants it (permissions.onAdded starts a run), then options
      // saves it (storage.onChanged starts another, while the first may still be reading).
      fake.permissions.granted.add(B);
      const first = syncExtraHostScripts();
      for (let n = Math.floor(random() * 24); n > 0; n--) await Promise.resolve();
      await fake.storage.local.set({ [SETTINGS]: { extraHosts: [A, B] } });
      const second = syncExtraHostScripts();
      await Promise.allSettled([first, second]);
      const matches = fake.scripting.scripts.get(ID)?.matches;
      if (JSON.stringify(matches) !== JSON.stringify([A, B])) wrong.push(`run ${run}: ${JSON.stringify(matches)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('folds requests made during a run into one more run, and updates the registration in place', async () => {
    const { syncExtraHostScripts } = await glue();
    const fake = fakeChrome({ delay: () => 1 });
    withHostA(fake);
    useFakeChrome(fake);
    fake.permissions.granted.add(B);
    fake.permissions.granted.add(C);
    await fake.storage.local.set({ [SETTINGS]: { extraHosts: [A, B, C] } });
    await Promise.all([syncExtraHostScripts(), syncExtraHostScripts(), syncExtraHostScripts(), syncExtraHostScripts()]);
    expect(fake.scripting.calls).toEqual([`update ${A},${B},${C}`, `update ${A},${B},${C}`]);
    expect(fake.scripting.scripts.get(ID)).toMatchObject({
      matches: [A, B, C],
      allFrames: true,
      persistAcrossSessions: true,
    });
  });

  it('registers on the first granted host and unregisters when none is left', async () => {
    const { syncExtraHostScripts } = await glue();
    const fake = fakeChrome();
    useFakeChrome(fake);
    await fake.storage.local.set({ [SETTINGS]: { extraHosts: [A, B] } });
    fake.permissions.granted.add(B); // A was never granted
    await syncExtraHostScripts();
    expect(fake.scripting.scripts.get(ID)?.matches).toEqual([B]);
    fake.permissions.granted.delete(B);
    await syncExtraHostScripts();
    expect(fake.scripting.scripts.has(ID)).toBe(false);
    expect(fake.scripting.calls).toEqual([`register ${B}`, `unregister ${ID}`]);
  });

  it('records a failure where options and the popup show it, and clears it once a run succeeds', async () => {
    const { syncExtraHostScripts, hostScriptsStatus } = await glue();
    const fake = fakeChrome();
    withHostA(fake);
    useFakeChrome(fake);
    fake.permissions.granted.add(B);
    await fake.storage.local.set({ [SETTINGS]: { extraHosts: [A, B] } });
    const update = fake.scripting.updateContentScripts;
    fake.scripting.updateContentScripts = async () => {
      throw new Error("Invalid value for 'content_scripts[0].matches[1]'");
    };
    await syncExtraHostScripts();
    expect(await hostScriptsStatus()).toEqual({
      ok: false,
      at: expect.any(String),
      hosts: [A, B],
      error: "Invalid value for 'content_scripts[0].matches[1]'",
    });
    fake.scripting.updateContentScripts = update;
    await syncExtraHostScripts();
    expect(await hostScriptsStatus()).toEqual({ ok: true, at: expect.any(String), hosts: [A, B] });
    expect(fake.scripting.scripts.get(ID)?.matches).toEqual([A, B]);
  });

  it('leaves the registration as it is when the stored hosts cannot be read, and says so', async () => {
    const { syncExtraHostScripts, hostScriptsStatus } = await glue();
    const fake = fakeChrome();
    withHostA(fake);
    useFakeChrome(fake);
    await fake.storage.local.set({ [SETTINGS]: { extraHosts: 'https://*.clinic-a.org/*' } });
    await syncExtraHostScripts();
    expect(fake.scripting.scripts.get(ID)?.matches).toEqual([A]);
    expect(fake.scripting.calls).toEqual([]);
    expect(await hostScriptsStatus()).toMatchObject({ ok: false, error: expect.stringMatching(/could not be read/) });
  });
});
