/**
 * Which names on a page survive a reload, for the selectors dermlint infers
 * when a practice teaches it a screen: ids and class names a framework
 * generates (React's `:r1:` / `«r3»`, Mantine's `mantine-0wvdy3qj7`, Ember's
 * `ember123`, CSS-in-JS hashes like `css-1x2y3z`, `sc-bdVaJa`, `m_7cda1cd6`),
 * counters and positions (`row-12`, `tab-3`), and state classes
 * (`ng-dirty`, `active`, `Mui-focused`) are not; hand-written names
 * (`cptTable`, `ClaimCPTMOD1`, `mantine-Pill-label`, `w-mod`) are.
 */

/** Classes that say what state an element is in, not what it is. */
const STATE_CLASS =
  /^(ng-(pristine|dirty|valid|invalid|touched|untouched|empty|not-empty|pending|submitted|animate|enter|leave|hide|show|hide-animate)|active|selected|focus|focused|focus-visible|hover|hovered|open|opened|closed|disabled|checked|expanded|collapsed|visible|hidden|invalid|valid|error|has-error|odd|even|first|last|(is|has|js|state)-[\w-]+|Mui-[\w-]+|mantine-(focus|active)-[\w-]+|mantine-active)$/i;

/** A camel-case word list like 'bdVaJa' (styled-components) rather than 'PillsInputField'. */
function hashLike(segment: string): boolean {
  const words = segment.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  if (words.length < 3) return false;
  return words.filter((w) => w.length <= 2).length * 2 >= words.length;
}

/** An id or class name a framework or a counter made up (it changes across reloads, renders or rows). */
export function isGeneratedToken(token: string): boolean {
  if (!token || token.length > 64) return true;
  // React's useId (':r1:', '«r3»', '_r_3_'), and anything that is not a plain name.
  if (/[:«»]/.test(token) || /^_r_/.test(token) || !/^-?[A-Za-z_][\w-]*$/.test(token)) return true;
  // Counters and record numbers: 'ember123', 'row-1024'.
  if (/\d{3,}/.test(token)) return true;
  for (const segment of token.split(/[-_]+/)) {
    if (!segment) continue;
    // A position or counter ('tab-3'), or digits mixed into letters ('r3', 'a8f3c2', '7cda1cd6'); 'ClaimCPTMOD1' and 'ICD10' are names.
    if (/\d/.test(segment) && !/^[A-Za-z]{3,}\d{1,2}$/.test(segment)) return true;
    if (hashLike(segment)) return true;
  }
  return false;
}

/** A class name worth putting in a selector: neither generated nor a state. */
export function isStableClass(name: string): boolean {
  return !STATE_CLASS.test(name) && !isGeneratedToken(name);
}

export const stableClasses = (el: Element): string[] => Array.from(el.classList).filter(isStableClass);

/**
 * An attribute value worth putting in a selector: short, not a React id, no run of three digits (a code,
 * a record number), and not the element's own value (a code, a site: patient data never goes into a map).
 */
export function isStableValue(value: string, own = ''): boolean {
  const v = value.trim();
  if (!v || v.length > 80 || /[:«»]/.test(v) || /\d{3,}/.test(v) || /[\n\r\t]/.test(v)) return false;
  const mine = own.trim().toLowerCase();
  return !(mine.length >= 2 && v.toLowerCase().includes(mine));
}

/** A CSS string for an attribute value: "a \"b\"". */
export const cssString = (value: string) => `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

/** Chips, pills, tags, tokens: the words their class names carry in the libraries people build EHRs with. */
const CHIP_WORDS = new Set(['chip', 'chips', 'pill', 'pills', 'tag', 'tags', 'token', 'tokens', 'multivalue', 'badge']);

export function isChipClass(name: string): boolean {
  const words = name
    .split(/[-_]+/)
    .flatMap((part) => part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [])
    .map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    if (CHIP_WORDS.has(words[i]!)) return true;
    if (words[i] === 'multi' && words[i + 1] === 'value') return true;
  }
  return false;
}

export const isChipish = (el: Element) => Array.from(el.classList).some(isChipClass);
