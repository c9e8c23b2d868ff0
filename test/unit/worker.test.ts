/** The background worker's gate: sender and shape checks, the engine's answer, the badge count. */
import { describe, expect, it } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS, type ExtensionSettings } from '../../lib/settings';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const good: Sender = { id: EXT, url: 'https://acme.ema.md/ema/web/practice/staff#/x', tab: { id: 7 }, frameId: 0 };
const encounter = {
  id: 'h1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [{ code: '99213', dx: [2] }, { code: '17110', dx: [1] }],
};

function setup(settings: ExtensionSettings = DEFAULT_EXTENSION_SETTINGS) {
  const badges: [number, number][] = [];
  const worker = createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*', 'https://athenanet.athenahealth.com/*'],
    settings: () => settings,
    setBadge: (tab, n) => badges.push([tab, n]),
  });
  return { worker, badges };
}

describe('background worker', () => {
  it('answers a content script on an EHR host with findings and sets the badge', async () => {
    const { worker, badges } = setup();
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    expect(reply).toMatchObject({ ok: true, findings: [{ rule: 'mod25-missing', line: 0, severity: 'error' }] });
    expect(badges.at(-1)).toEqual([7, 1]);
  });

  it('applies the user settings', async () => {
    const { worker, badges } = setup({ ...DEFAULT_EXTENSION_SETTINGS, rules: { 'mod25-missing': 'off' } });
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, good);
    expect(reply).toMatchObject({ ok: true, findings: [] });
    expect(badges.at(-1)).toEqual([7, 0]);
  });

  it.each<[string, Sender]>([
    ['another extension', { ...good, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['no tab (a web page or another context)', { id: EXT, url: good.url }],
    ['a page that is not an enabled EHR host', { ...good, url: 'https://evil.example.com/' }],
    ['no URL', { id: EXT, tab: { id: 7 } }],
  ])('rejects a message from %s without acting', async (_name, sender) => {
    const { worker, badges } = setup();
    const reply = await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) });
    expect(badges).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'evaluate'],
    ['an unknown type', { type: 'drop-tables' }],
    ['a bad encounter', { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, lines: [{ code: 5 }] } }],
    ['too many lines', { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, lines: Array.from({ length: 5001 }, () => ({ code: '17000' })) } }],
    ['an oversized string', { type: 'evaluate', adapter: 'ema', encounter: { ...encounter, id: 'x'.repeat(5_000_000) } }],
    ['a prototype-polluting payload', JSON.parse('{"type":"evaluate","adapter":"ema","__proto__":{"polluted":true},"encounter":{"id":"a","payer":{"kind":"medicare"},"diagnoses":[],"lines":[]}}')],
  ])('rejects %s without a crash', async (_name, message) => {
    const { worker, badges } = setup();
    const reply = await worker.handle(message, good);
    if (_name === 'a prototype-polluting payload') {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(reply.ok).toBe(true);
      return;
    }
    expect(reply).toMatchObject({ ok: false });
    expect(badges).toEqual([]);
  });

  it('sums errors over the frames of a tab and clears a frame that lost its encounter', async () => {
    const { worker, badges } = setup();
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, { ...good, frameId: 3 });
    await worker.handle({ type: 'evaluate', adapter: 'ema', encounter }, { ...good, frameId: 5 });
    expect(badges.at(-1)).toEqual([7, 2]);
    await worker.handle({ type: 'status', adapter: 'ema', state: 'absent' }, { ...good, frameId: 3 });
    expect(badges.at(-1)).toEqual([7, 1]);
  });
});
