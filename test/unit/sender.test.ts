/**
 * Frames whose address is not their host (about:srcdoc, about:blank written
 * by the EHR's script, sandboxed frames) are judged by their origin, or by the
 * tab's top frame when the origin is opaque, in the worker and in the content
 * script alike.
 */
import { describe, expect, it } from 'vitest';
import { createWorker, type Sender } from '../../lib/background/worker';
import { DEFAULT_EXTENSION_SETTINGS } from '../../lib/extension-settings';
import { frameAddress, pickAdapter } from '../../lib/content/pick-adapter';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ATHENA = 'https://athenanet.athenahealth.com';
const TOP = `${ATHENA}/195900/1/globalframeset.esp?MAIN=x`;
const encounter = {
  id: 'h1',
  payer: { kind: 'commercial' },
  diagnoses: [{ code: 'B07.8' }, { code: 'L40.0' }],
  lines: [
    { code: '99213', dx: [2] },
    { code: '17110', dx: [1] },
  ],
};

function worker() {
  return createWorker({
    extensionId: EXT,
    allowedPatterns: () => ['https://*.ema.md/*', `${ATHENA}/*`],
    settings: () => DEFAULT_EXTENSION_SETTINGS,
    setBadge: () => {},
  });
}

describe("the worker's sender check", () => {
  it.each<[string, Sender]>([
    [
      'an about:srcdoc frame of an athenaNet page',
      { id: EXT, url: 'about:srcdoc', origin: ATHENA, tab: { id: 7, url: TOP }, frameId: 4 },
    ],
    [
      'an about:blank frame the EHR wrote into',
      { id: EXT, url: 'about:blank', origin: ATHENA, tab: { id: 7, url: TOP }, frameId: 4 },
    ],
    [
      'a sandboxed (opaque origin) srcdoc frame in an athenaNet tab',
      { id: EXT, url: 'about:srcdoc', origin: 'null', tab: { id: 7, url: TOP }, frameId: 4 },
    ],
    [
      'an ordinary frame of an EHR host',
      { id: EXT, url: `${ATHENA}/195900/1/encounter.esp`, origin: ATHENA, tab: { id: 7, url: TOP }, frameId: 4 },
    ],
  ])('answers %s', async (_what, sender) => {
    expect(await worker().handle({ type: 'evaluate', adapter: 'athena', encounter }, sender)).toMatchObject({
      ok: true,
      errors: 1,
    });
  });

  it.each<[string, Sender]>([
    [
      'a srcdoc frame of another site',
      { id: EXT, url: 'about:srcdoc', origin: 'https://evil.example.com', tab: { id: 7, url: TOP }, frameId: 4 },
    ],
    [
      'an opaque frame in a tab of another site',
      { id: EXT, url: 'about:srcdoc', origin: 'null', tab: { id: 7, url: 'https://evil.example.com/' }, frameId: 4 },
    ],
    [
      'an opaque frame in a tab whose address is unknown',
      { id: EXT, url: 'about:blank', origin: 'null', tab: { id: 7 }, frameId: 4 },
    ],
    [
      'a frame whose origin is another site, whatever its URL says',
      {
        id: EXT,
        url: `${ATHENA}/195900/1/encounter.esp`,
        origin: 'https://evil.example.com',
        tab: { id: 7, url: TOP },
        frameId: 4,
      },
    ],
  ])('rejects %s', async (_what, sender) => {
    expect(await worker().handle({ type: 'evaluate', adapter: 'athena', encounter }, sender)).toEqual({
      ok: false,
      error: 'rejected: sender page is not an enabled EHR host',
    });
  });
});

describe("the content script's choice of reader", () => {
  const loc = (href: string, origin: string, ancestors: string[] = []) => ({
    href,
    protocol: new URL(href).protocol,
    origin,
    ancestorOrigins: ancestors,
  });

  it('reads an about:srcdoc frame by its origin', () => {
    expect(frameAddress(loc('about:srcdoc', ATHENA))).toBe(`${ATHENA}/`);
    expect(pickAdapter(frameAddress(loc('about:srcdoc', ATHENA)), [])?.id).toBe('athena');
  });

  it('reads an opaque frame by its top frame, and an ordinary one by its address', () => {
    expect(frameAddress(loc('about:srcdoc', 'null', [ATHENA, ATHENA]))).toBe(`${ATHENA}/`);
    expect(frameAddress(loc(`${ATHENA}/195900/1/encounter.esp?x=1`, ATHENA))).toBe(
      `${ATHENA}/195900/1/encounter.esp?x=1`,
    );
    expect(pickAdapter(frameAddress(loc('about:srcdoc', 'https://evil.example.com')), [])).toBeUndefined();
  });
});
