import { describe, expect, it } from 'vitest';
import { sameSite, siteWords } from './site-words';

describe('siteWords', () => {
  it.each([
    ['L. nasal ala', ['left', 'nasal', 'ala']],
    ['Rt upper-arm, posterior', ['right', 'upper', 'arm', 'posterior']],
    ['bilat axillae', ['bilateral', 'axillae']],
    ['LEFT  Cheek', ['left', 'cheek']],
    ['', []],
    ['lateral', ['lateral']],
  ])('%s', (text, words) => expect(siteWords(text)).toEqual(words));
});

describe('sameSite', () => {
  it('writes laterality out and ignores case and punctuation', () =>
    expect(sameSite('L cheek', 'left cheek.')).toBe(true));
  it('keeps laterality apart', () => expect(sameSite('left cheek', 'right cheek')).toBe(false));
  it('a qualifier makes another site', () => expect(sameSite('left cheek', 'left medial cheek')).toBe(false));
  it('no site is never the same site', () => expect(sameSite(undefined, 'left cheek')).toBe(false));
});
