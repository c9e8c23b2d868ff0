/**
 * What every reader (JSON encounters, X12 837P, FHIR Claim) hands the engine:
 * a schema-valid encounter and where it came from, and the one error type
 * that means "this input is bad" (the command line's exit 2).
 */
import { LIMITS } from '../messages';
import { parseEncounter, type Encounter } from '../../rules/schema';

export interface EncounterSource {
  /** How the input calls it: an encounter of dermlint's JSON, or a claim of an 837P or FHIR file. */
  kind: 'encounter' | 'claim';
  /** 1-based position among the input's encounters or claims. */
  position: number;
  /**
   * The number of each encounter line as the file counts it (a claim's service
   * lines from 1); absent when it is simply the index + 1.
   */
  lineNumbers?: number[];
}

export interface ReadEncounter {
  encounter: Encounter;
  source: EncounterSource;
}

/** Bad input: not the format, broken, truncated, over a limit. The message names the encounter or claim and where in it. */
export class InputError extends Error {}

/**
 * The extension's own bounds (lib/messages.ts): an encounter it would refuse
 * at the worker's door is refused here too, before it is held in memory.
 */
export const INPUT_LIMITS = {
  /** Bytes of one encounter's (or one claim resource's) JSON. */
  encounterBytes: LIMITS.messageBytes,
  lines: LIMITS.lines,
  diagnoses: LIMITS.diagnoses,
} as const;

/**
 * An id or other text from the file, safe to print on a terminal: quoted,
 * control and direction-changing characters escaped, cut at 80 characters.
 */
export function quoted(text: string): string {
  const cut = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** 'encounter 3 in the input ("enc-7")', 'claim 12 in the input ("PCN0012")', 'encounter 2 in the input (no id)'. */
export function describeSource(kind: EncounterSource['kind'], position: number, id: unknown): string {
  return `${kind} ${position} in the input (${typeof id === 'string' ? quoted(id) : 'no id'})`;
}

/** Where something came from, for a message: a string, or a function that makes it only when a message is needed. */
export type Where = string | (() => string);
const named = (where: Where) => (typeof where === 'string' ? where : where());

/** The lines and diagnoses caps, checked before the schema walks a huge array. */
export function checkCounts(value: { lines?: unknown; diagnoses?: unknown }, where: Where): void {
  if (Array.isArray(value.lines) && value.lines.length > INPUT_LIMITS.lines) {
    throw new InputError(
      `${named(where)}: ${value.lines.length} lines; an encounter may have at most ${INPUT_LIMITS.lines} (as in the extension)`,
    );
  }
  if (Array.isArray(value.diagnoses) && value.diagnoses.length > INPUT_LIMITS.diagnoses) {
    throw new InputError(
      `${named(where)}: ${value.diagnoses.length} diagnoses; an encounter may have at most ${INPUT_LIMITS.diagnoses} (as in the extension)`,
    );
  }
}

/** Validates what a reader built; the schema's message, prefixed with where it came from. */
export function validEncounter(value: unknown, where: Where): Encounter {
  const parsed = parseEncounter(value);
  if (!parsed.ok) throw new InputError(`${named(where)}: ${parsed.error}`);
  return parsed.value;
}
