/**
 * FHIR R4 Claim resources → encounters: one Claim, a Bundle of them (its
 * entries streamed one at a time), a JSON array of resources, or NDJSON (one
 * resource per line, as FHIR bulk exports write them). The mapping, element
 * by element, is in docs/claim-formats.md.
 *
 * Read: identifier (the id), item (sequence, productOrService — an item with
 * only text is a line without a code —, modifier, quantity, diagnosisSequence,
 * bodySite, servicedDate/servicedPeriod), diagnosis (in sequence order),
 * billablePeriod, insurance (the focal one) with its Coverage's type, or the
 * reference's display, and insurer. Coverage and Organization resources are
 * found contained in the claim or elsewhere in the input; a claim waits for
 * those it references for up to LOOKAHEAD claims, then is judged with what
 * is known. Patient and other resources are never read.
 *
 * As for 837P, GA or GX on an item is read as the ABN on file for it.
 */
import type { Diagnosis, Encounter, Line, PayerKind } from '../../rules/schema';
import { encountersOfClaim, isoDay, type ClaimRead } from './claim-encounters';
import { jsonPieces, JsonPieceTooLargeError, JsonSyntaxError, type JsonPiece } from './json-stream';
import { payerKindOfSopt, payerKindOfText, SELF_PAY_SYSTEM, SOPT_SYSTEMS } from './payer-kinds';
import { describeSource, InputError, INPUT_LIMITS, quoted, type ReadEncounter } from './source';

/** Claims held back while a Coverage or Organization they reference may still come. */
const LOOKAHEAD = 1000;

const ICD10CM_SYSTEMS: readonly string[] = ['http://hl7.org/fhir/sid/icd-10-cm', 'http://hl7.org/fhir/sid/icd-10'];
const PROCEDURE_SYSTEMS: readonly string[] = [
  'http://www.ama-assn.org/go/cpt',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'urn:oid:2.16.840.1.113883.6.285',
  'urn:oid:2.16.840.1.113883.6.12',
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const stringOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
const codingsOf = (concept: unknown): Coding[] =>
  isObject(concept)
    ? arrayOf(concept.coding)
        .filter(isObject)
        .map((c) => ({ system: stringOf(c.system), code: stringOf(c.code), display: stringOf(c.display) }))
    : [];
const textOf = (concept: unknown): string | undefined => (isObject(concept) ? stringOf(concept.text) : undefined);

/** What a Coverage or Organization found in the input says about the payer. */
interface PayerFacts {
  kind?: PayerKind;
  name?: string;
  /** A Coverage's payor reference, for the payer's name. */
  payor?: Json;
}

/** The kind a coverage's type says: a coded type first, then its text and displays; undefined when it says none (or only "unknown"). */
function kindOfCoverageType(type: unknown): PayerKind | undefined {
  const known = (k: PayerKind | undefined) => (k && k !== 'unknown' ? k : undefined);
  for (const c of codingsOf(type)) {
    if (c.system === SELF_PAY_SYSTEM && c.code === 'pay') return 'self-pay';
    if (c.system && (SOPT_SYSTEMS as readonly string[]).includes(c.system) && c.code) {
      const k = known(payerKindOfSopt(c.code));
      if (k) return k;
    }
  }
  return (
    known(payerKindOfText(textOf(type))) ??
    codingsOf(type)
      .map((c) => known(payerKindOfText(c.display)))
      .find(Boolean)
  );
}

function factsOf(resource: Json): PayerFacts | undefined {
  if (resource.resourceType === 'Coverage') {
    const facts: PayerFacts = {};
    const kind = kindOfCoverageType(resource.type);
    if (kind) facts.kind = kind;
    const payor = arrayOf(resource.payor).find(isObject);
    if (payor) facts.payor = payor;
    return facts;
  }
  if (resource.resourceType === 'Organization') {
    const name = stringOf(resource.name);
    return name ? { name } : {};
  }
  return undefined;
}

/** Keys a resource is found by: its Bundle fullUrl and 'Type/id'. */
function keysOf(resource: Json, fullUrl: unknown): string[] {
  const keys: string[] = [];
  if (typeof fullUrl === 'string') keys.push(fullUrl);
  if (typeof resource.id === 'string') keys.push(`${resource.resourceType as string}/${resource.id}`);
  return keys;
}

/** 'Coverage/123', 'http://server/fhir/Coverage/123', 'urn:uuid:…' → the keys to look up. */
function lookupKeys(reference: string): string[] {
  const keys = [reference];
  const parts = reference.split('/');
  if (parts.length > 2) keys.push(parts.slice(-2).join('/'));
  return keys;
}

interface PendingClaim {
  claim: ClaimRead;
  where: () => string;
  /** The claim's insurance and insurer, resolved when the queue lets it go. */
  insurance: Json | undefined;
  insurer: Json | undefined;
  contained: Map<string, Json>;
}

export async function* readFhirClaims(
  chunks: AsyncIterable<string>,
  limits = INPUT_LIMITS,
): AsyncGenerator<ReadEncounter> {
  const index = new Map<string, PayerFacts>();
  const queue: PendingClaim[] = [];
  let claims = 0;
  let entries = 0;

  /** A reference's target, contained in the claim or found in the input; undefined while unseen. */
  const resolve = (pending: PendingClaim, ref: unknown): PayerFacts | undefined => {
    if (!isObject(ref) || typeof ref.reference !== 'string') return undefined;
    if (ref.reference.startsWith('#')) {
      const r = pending.contained.get(ref.reference.slice(1));
      return r ? factsOf(r) : undefined;
    }
    for (const key of lookupKeys(ref.reference)) {
      const found = index.get(key);
      if (found) return found;
    }
    return undefined;
  };
  const waitsFor = (pending: PendingClaim, ref: unknown) =>
    isObject(ref) && typeof ref.reference === 'string' && resolve(pending, ref) === undefined;
  const ready = (p: PendingClaim) => !waitsFor(p, p.insurance?.coverage) && !waitsFor(p, p.insurer);

  const payerOf = (p: PendingClaim): Encounter['payer'] => {
    const coverageRef = p.insurance?.coverage;
    const coverage = resolve(p, coverageRef);
    const insurer = resolve(p, p.insurer);
    const displayOf = (ref: unknown) => (isObject(ref) ? stringOf(ref.display) : undefined);
    const payorName = coverage?.payor ? (displayOf(coverage.payor) ?? resolve(p, coverage.payor)?.name) : undefined;
    const name = displayOf(p.insurer) ?? insurer?.name ?? payorName;
    const known = (k: PayerKind | undefined) => (k && k !== 'unknown' ? k : undefined);
    const kind =
      coverage?.kind ?? known(payerKindOfText(displayOf(coverageRef))) ?? known(payerKindOfText(name)) ?? 'unknown';
    return name ? { kind, name } : { kind };
  };

  function* release(all: boolean): Generator<ReadEncounter> {
    while (queue.length && (all || queue.length > LOOKAHEAD || ready(queue[0]!))) {
      const p = queue.shift()!;
      p.claim.payer = payerOf(p);
      yield* encountersOfClaim(p.claim, p.where);
    }
  }

  function readClaim(resource: Json): void {
    claims++;
    const identifier = arrayOf(resource.identifier)
      .filter(isObject)
      .map((i) => stringOf(i.value))
      .find(Boolean);
    const id = identifier ?? stringOf(resource.id);
    const position = claims;
    const where = () => describeSource('claim', position, id);
    if (!id) throw new InputError(`${where()}: the Claim has neither an identifier nor an id`);
    const fail = (message: string): never => {
      throw new InputError(`${where()}: ${message}`);
    };

    const contained = new Map<string, Json>();
    for (const r of arrayOf(resource.contained).filter(isObject)) if (typeof r.id === 'string') contained.set(r.id, r);

    // Diagnoses in sequence order; an item's diagnosisSequence names them by sequence.
    const rawDiagnoses = arrayOf(resource.diagnosis).filter(isObject);
    if (rawDiagnoses.length > limits.diagnoses)
      fail(`${rawDiagnoses.length} diagnoses; an encounter may have at most ${limits.diagnoses} (as in the extension)`);
    const sortedDiagnoses = rawDiagnoses
      .map((d, i) => ({ d, sequence: typeof d.sequence === 'number' ? d.sequence : i + 1 }))
      .sort((a, b) => a.sequence - b.sequence);
    const pointerOf = new Map<number, number>();
    const diagnoses: Diagnosis[] = sortedDiagnoses.map(({ d, sequence }, i) => {
      if (pointerOf.has(sequence)) fail(`two diagnoses have sequence ${sequence}`);
      pointerOf.set(sequence, i + 1);
      const codings = codingsOf(d.diagnosisCodeableConcept);
      const coding =
        codings.find((c) => c.system && ICD10CM_SYSTEMS.includes(c.system) && c.code) ?? codings.find((c) => c.code);
      if (!coding?.code)
        fail(
          `diagnosis ${sequence} has no ICD-10-CM code (${isObject(d.diagnosisReference) ? 'a diagnosisReference to a Condition is not followed' : 'text alone names no code'})`,
        );
      return { code: coding!.code! };
    });

    const rawItems = arrayOf(resource.item).filter(isObject);
    if (rawItems.length > limits.lines)
      fail(`${rawItems.length} items; an encounter may have at most ${limits.lines} lines (as in the extension)`);
    const items = rawItems
      .map((item, i) => ({ item, sequence: typeof item.sequence === 'number' ? item.sequence : i + 1 }))
      .sort((a, b) => a.sequence - b.sequence);
    const lines: Line[] = [];
    const lineDates: (string | undefined)[] = [];
    for (const { item, sequence } of items) {
      const at = `item ${sequence}`;
      if (!isObject(item.productOrService)) fail(`${at} has no productOrService`);
      const codings = codingsOf(item.productOrService);
      const coding =
        codings.find((c) => c.system && PROCEDURE_SYSTEMS.includes(c.system) && c.code) ?? codings.find((c) => c.code);
      // An item named only in text (a retail product, a cosmetic service) is a line without a code.
      const line: Line = { code: coding?.code ?? '' };
      const modifiers = arrayOf(item.modifier)
        .map((m) => codingsOf(m).find((c) => c.code)?.code ?? textOf(m))
        .filter((m): m is string => Boolean(m));
      if (modifiers.length) line.modifiers = modifiers;
      if (item.quantity !== undefined) {
        const value = isObject(item.quantity) ? item.quantity.value : undefined;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
          fail(`${at}: quantity ${quoted(JSON.stringify(value ?? null))} is not a whole number of units of 1 or more`);
        line.units = value as number;
      }
      const sequences = arrayOf(item.diagnosisSequence);
      if (sequences.length) {
        line.dx = sequences.map((s) => {
          const pointer = typeof s === 'number' ? pointerOf.get(s) : undefined;
          if (pointer === undefined)
            fail(
              `${at}: diagnosisSequence ${quoted(JSON.stringify(s))} names no diagnosis of the claim (it has ${diagnoses.length})`,
            );
          return pointer!;
        });
      }
      const site = textOf(item.bodySite) ?? codingsOf(item.bodySite).find((c) => c.display)?.display;
      if (site) line.site = site;
      const serviced = item.servicedDate ?? (isObject(item.servicedPeriod) ? item.servicedPeriod.start : undefined);
      const day = serviced === undefined ? undefined : isoDay(serviced);
      if (serviced !== undefined && !day)
        fail(
          `${at}: the service date ${quoted(typeof serviced === 'string' ? serviced : JSON.stringify(serviced))} is not a date YYYY-MM-DD`,
        );
      lines.push(line);
      lineDates.push(day);
    }
    if (lines.length === 0) fail('the Claim has no item');

    const billable = isObject(resource.billablePeriod) ? resource.billablePeriod.start : undefined;
    const claimDate = billable === undefined ? undefined : isoDay(billable);
    if (billable !== undefined && !claimDate)
      fail(
        `billablePeriod.start ${quoted(typeof billable === 'string' ? billable : JSON.stringify(billable))} is not a date YYYY-MM-DD`,
      );

    const insurances = arrayOf(resource.insurance).filter(isObject);
    const insurance =
      insurances.find((i) => i.focal === true) ??
      [...insurances].sort((a, b) => Number(a.sequence ?? 0) - Number(b.sequence ?? 0))[0];
    const claim: ClaimRead = {
      id: id,
      position: claims,
      payer: { kind: 'unknown' },
      diagnoses,
      lines,
      lineDates,
      lineNumbers: items.map((x) => x.sequence),
    };
    if (claimDate) claim.claimDate = claimDate;
    queue.push({
      claim,
      where,
      insurance,
      insurer: isObject(resource.insurer) ? resource.insurer : undefined,
      contained,
    });
  }

  function take(resource: unknown, fullUrl: unknown, from: string): void {
    if (!isObject(resource) || typeof resource.resourceType !== 'string')
      throw new InputError(`${from}: not a FHIR resource (no resourceType)`);
    if (resource.resourceType === 'Claim') return readClaim(resource);
    if (resource.resourceType === 'Bundle') {
      arrayOf(resource.entry).forEach((e, i) => {
        if (isObject(e) && e.resource !== undefined) take(e.resource, e.fullUrl, `${from}, entry ${i + 1}`);
      });
      return;
    }
    const facts = factsOf(resource);
    if (facts) for (const key of keysOf(resource, fullUrl)) index.set(key, facts);
  }

  // A top-level object arrives as its properties (all but a Bundle's entries): put it back together.
  let doc = 0;
  let props: Json = {};
  let propBytes = 0;
  const finishDocument = () => {
    if (Object.keys(props).length) {
      if (props.resourceType !== 'Bundle') take(props, undefined, `resource ${doc} of the input`);
      else if (props.entry !== undefined && !Array.isArray(props.entry))
        throw new InputError(`resource ${doc} of the input: the Bundle's entry is not an array`);
    }
    props = {};
    propBytes = 0;
  };
  const parse = (piece: JsonPiece, what: string): unknown => {
    try {
      return JSON.parse(piece.text);
    } catch (e) {
      throw new InputError(`${what}: not valid JSON: ${(e as Error).message}`);
    }
  };

  try {
    for await (const piece of jsonPieces(chunks, {
      maxPieceBytes: limits.encounterBytes,
      streamProperty: 'entry',
      multipleDocuments: true,
    })) {
      if (piece.doc !== doc) {
        finishDocument();
        doc = piece.doc;
      }
      if (piece.kind === 'entry') {
        entries++;
        const what = `entry ${entries} of the Bundle`;
        const entry = parse(piece, what);
        if (!isObject(entry)) throw new InputError(`${what}: not an object`);
        if (entry.resource !== undefined) take(entry.resource, entry.fullUrl, what);
      } else if (piece.kind === 'property') {
        propBytes += piece.text.length;
        if (propBytes > limits.encounterBytes)
          throw new InputError(
            `resource ${doc} of the input: more than ${limits.encounterBytes} bytes of JSON in one resource (a Bundle's entries aside)`,
          );
        props[piece.key!] = parse(piece, `resource ${doc} of the input, property ${quoted(piece.key!)}`);
      } else if (piece.kind === 'element') {
        take(
          parse(piece, `resource ${piece.position} of the input`),
          undefined,
          `resource ${piece.position} of the input`,
        );
      } else {
        throw new InputError(
          `resource ${doc} of the input: not a FHIR resource (a ${quoted(piece.text.slice(0, 20))} where a JSON object belongs)`,
        );
      }
      yield* release(false);
    }
    finishDocument();
  } catch (e) {
    if (e instanceof JsonPieceTooLargeError) {
      const what =
        e.kind === 'entry'
          ? `entry ${e.position} of the Bundle`
          : e.kind === 'element'
            ? `resource ${e.position} of the input`
            : `resource ${doc} of the input`;
      throw new InputError(
        `${what}: more than ${e.limit} bytes of JSON; a claim may have at most that (as in the extension)`,
      );
    }
    if (e instanceof JsonSyntaxError) throw new InputError(`not valid JSON: ${e.message}`);
    throw e;
  }
  yield* release(true);
}
