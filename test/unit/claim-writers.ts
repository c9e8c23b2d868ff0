/**
 * Writers for the round-trip tests: an encounter written out as an X12 837P
 * claim and as a FHIR R4 Claim, the way a practice-management system or a FHIR
 * server would, written from the standards (not from dermlint's readers), so
 * that reading them back tests the readers. `asClaimCarries` says what the
 * claim can carry, which is what reading it back must give.
 *
 * All names and numbers in what they write are made up.
 */
import type { Encounter, Line, PayerKind } from '../../rules/schema';

/** An encounter this format cannot express (a self-pay visit sends no 837P; an SV1 needs a code; HI holds 12 codes). */
export class NotWritable extends Error {}

// ── What a claim carries ─────────────────────────────────────────────────────

const ABN_MODIFIERS = ['GA', 'GX'];

/** The name the writers give a payer without one (the 837P requires NM1*PR). */
export const UNNAMED_PAYER = 'PAYER ON FILE';

/**
 * The encounter as the claim states it, and so as reading the claim back must
 * give it: only the lines billed as the payer kind bills (a line billed to the
 * patient is not on the claim), with their code, modifiers, units (1 when not
 * given), pointers (and, in FHIR, the site as item.bodySite); the diagnoses
 * (837P writes codes without the dot, and dermlint puts it back after the
 * third character); the payer's kind and name; the date of service; the ABN
 * read from GA/GX. Not carried by either format: sizeCm, lesions, category,
 * billTo, descriptions, the note, the visit history, an ABN without GA/GX.
 */
export function asClaimCarries(encounter: Encounter, format: '837' | 'fhir'): Encounter {
  const billedAs = encounter.payer.kind === 'self-pay' ? 'patient' : 'insurance';
  const lines: Line[] = encounter.lines
    .filter((l) => (l.billTo ?? billedAs) === billedAs)
    .map((l) => {
      const line: Line = { code: l.code.trim() };
      const modifiers = (l.modifiers ?? []).map((m) => m.trim()).filter(Boolean);
      if (modifiers.length) line.modifiers = modifiers;
      line.units = l.units ?? 1;
      if (l.dx?.length) line.dx = l.dx;
      if (format === 'fhir' && l.site?.trim()) line.site = l.site.trim();
      return line;
    });
  const abnLines = lines.flatMap((l, i) =>
    l.modifiers?.some((m) => ABN_MODIFIERS.includes(m.toUpperCase())) ? [i] : [],
  );
  const out: Encounter = {
    id: encounter.id,
    payer: { kind: encounter.payer.kind, name: encounter.payer.name ?? UNNAMED_PAYER },
    diagnoses: encounter.diagnoses.map((d) => ({
      code: format === '837' ? dotAfterThird(d.code.trim().replace('.', '')) : d.code.trim(),
    })),
    lines,
  };
  if (encounter.dateOfService) out.dateOfService = encounter.dateOfService;
  if (abnLines.length) out.abn = { signed: true, lines: abnLines };
  return out;
}

const dotAfterThird = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

// ── X12 837P (005010X222A1) ─────────────────────────────────────────────────

export interface X12Style {
  element: string;
  repetition: string;
  component: string;
  /** The segment terminator and what follows it (a line break, or nothing). */
  terminator: string;
}
export const X12_STYLES: readonly X12Style[] = [
  { element: '*', repetition: '^', component: ':', terminator: '~\n' },
  { element: '|', repetition: '!', component: '>', terminator: '\n' },
  { element: '*', repetition: '^', component: ':', terminator: '~' },
];

/** SBR09 for a payer kind; the n-th encounter of a kind takes the n-th code, so every code is written somewhere. */
const SBR09_BY_KIND: Record<PayerKind, readonly (string | undefined)[]> = {
  medicare: ['MB', 'MA'],
  'medicare-advantage': ['16'],
  medicaid: ['MC'],
  commercial: ['CI', 'BL', 'HM', '12', '13', '14', '15', '17', 'AM', 'DS', 'FI', 'LM', 'WC'],
  'self-pay': ['09'],
  unknown: ['ZZ', undefined, 'CH', 'VA', 'OF', 'TV', '11'],
};

const ymd = (date: string | undefined) => (date ?? '2026-01-15').replace(/-/g, '');

/** One interchange, one group, one transaction; each encounter its own subscriber (HL 22) and claim. */
export function write837p(encounters: readonly Encounter[], style: X12Style = X12_STYLES[0]!): string {
  const { element: e, component: c } = style;
  const unsafe = new RegExp(
    `[${[e, c, style.repetition, style.terminator.trim() || '\n'].map((x) => `\\${x}`).join('')}\\r\\n]`,
  );
  const safe = (text: string, what: string) => {
    if (unsafe.test(text)) throw new NotWritable(`${what} ${JSON.stringify(text)} holds an X12 delimiter`);
    return text;
  };
  const body: string[] = [];
  const seg = (...elements: string[]) => body.push(elements.join(e).replace(new RegExp(`\\${e}+$`), ''));
  seg('BHT', '0019', '00', 'RT0001', '20260306', '1015', 'CH');
  seg('NM1', '41', '2', 'ROUND TRIP BILLING', '', '', '', '', '46', 'RTB01');
  seg('PER', 'IC', 'BILLING', 'TE', '5555550100');
  seg('NM1', '40', '2', 'ROUND TRIP CLEARINGHOUSE', '', '', '', '', '46', 'RTC01');
  seg('HL', '1', '', '20', '1');
  seg('PRV', 'BI', 'PXC', '207N00000X');
  seg('NM1', '85', '2', 'ROUND TRIP DERMATOLOGY', '', '', '', '', 'XX', '1234567893');
  seg('N3', '1 TEST WAY');
  seg('N4', 'SPRINGFIELD', 'IL', '62701');
  seg('REF', 'EI', '371234567');
  const used: Partial<Record<PayerKind, number>> = {};
  let hl = 1;
  for (const encounter of encounters) {
    const kind = encounter.payer.kind;
    const codes = SBR09_BY_KIND[kind];
    const sbr09 = codes[(used[kind] = (used[kind] ?? -1) + 1) % codes.length];
    const claim = asClaimCarries(encounter, '837');
    if (claim.lines.length === 0) throw new NotWritable('no line is on the claim');
    if (claim.lines.length > 50) throw new NotWritable('more than 50 service lines');
    if (claim.diagnoses.length > 12) throw new NotWritable('more than 12 diagnoses');
    hl++;
    seg('HL', String(hl), '1', '22', '0');
    seg('SBR', 'P', '18', 'GRP001', '', '', '', '', '', sbr09 ?? '');
    seg('NM1', 'IL', '1', 'TESTPATIENT', 'ALEX', '', '', '', 'MI', `M${hl}`);
    seg('N3', '1 TEST STREET');
    seg('N4', 'SPRINGFIELD', 'IL', '62702');
    seg('DMG', 'D8', '19500101', 'U');
    seg('NM1', 'PR', '2', safe(claim.payer.name!, 'the payer name'), '', '', '', '', 'PI', '00001');
    seg('CLM', safe(claim.id, 'the id'), '100', '', '', ['11', 'B', '1'].join(c), 'Y', 'A', 'Y', 'Y');
    seg(
      'HI',
      ...claim.diagnoses.map((d, i) =>
        [i === 0 ? 'ABK' : 'ABF', safe(d.code.replace('.', ''), 'a diagnosis code')].join(c),
      ),
    );
    seg('NM1', '82', '1', 'DOCTOR', 'TEST', '', '', '', 'XX', '1497758544');
    claim.lines.forEach((line, i) => {
      if (!line.code) throw new NotWritable('a line without a code cannot be an SV1');
      if ((line.modifiers?.length ?? 0) > 4) throw new NotWritable('more than 4 modifiers');
      if ((line.dx?.length ?? 0) > 4) throw new NotWritable('more than 4 diagnosis pointers');
      seg('LX', String(i + 1));
      seg(
        'SV1',
        ['HC', safe(line.code, 'a code'), ...(line.modifiers ?? []).map((m) => safe(m, 'a modifier'))].join(c),
        '100',
        'UN',
        String(line.units ?? 1),
        '',
        '',
        (line.dx ?? []).map(String).join(c),
      );
      if (claim.dateOfService) seg('DTP', '472', 'D8', ymd(claim.dateOfService));
      seg('REF', '6R', `L${i + 1}`);
    });
  }
  const isa = [
    'ISA',
    '00',
    '          ',
    '00',
    '          ',
    'ZZ',
    'RTB01          ',
    'ZZ',
    'RTC01          ',
    '260306',
    '1015',
    style.repetition,
    '00501',
    '000000901',
    '0',
    'T',
    c,
  ].join(e);
  const st = ['ST', '837', '0001', '005010X222A1'].join(e);
  const se = ['SE', String(body.length + 2), '0001'].join(e);
  const segments = [
    isa,
    ['GS', 'HC', 'RTB01', 'RTC01', '20260306', '1015', '901', 'X', '005010X222A1'].join(e),
    st,
    ...body,
    se,
    ['GE', '1', '901'].join(e),
    ['IEA', '1', '000000901'].join(e),
  ];
  return segments.map((s) => s + style.terminator).join('');
}

// ── FHIR R4 Claim ───────────────────────────────────────────────────────────

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const CPT = 'http://www.ama-assn.org/go/cpt';
const SOPT = 'urn:oid:2.16.840.1.113883.3.221.5';
const SELF_PAY = 'http://terminology.hl7.org/CodeSystem/coverage-selfpay';

/** How the n-th claim of a kind states its payer kind: a coded Coverage type, or words in a display. */
const COVERAGE_BY_KIND: Record<
  PayerKind,
  readonly ({ sopt: string } | { selfPay: true } | { display: string } | { none: true })[]
> = {
  medicare: [{ sopt: '121' }, { display: 'Medicare Part B' }, { sopt: '12' }],
  'medicare-advantage': [{ sopt: '111' }, { display: 'Humana Medicare Advantage HMO' }, { sopt: '11' }],
  medicaid: [{ sopt: '2' }, { display: 'Illinois Medicaid' }, { sopt: '21' }],
  commercial: [{ sopt: '5' }, { sopt: '6' }, { display: 'Commercial PPO' }, { sopt: '511' }],
  'self-pay': [{ selfPay: true }, { sopt: '81' }],
  unknown: [{ none: true }, { sopt: '1' }, { display: 'Acme Health Plan' }],
};

/** Words a coverage's display would use for each kind, when the Coverage itself is not in the file. */
const KIND_WORDS: Record<PayerKind, string | undefined> = {
  medicare: 'Original Medicare',
  'medicare-advantage': 'Medicare Advantage PPO',
  medicaid: 'Medicaid managed care',
  commercial: 'Commercial insurance',
  'self-pay': 'Self-pay',
  unknown: undefined,
};

export type CoverageAt = 'contained' | 'entry-before' | 'entry-after' | 'display';

/** A Claim resource for an encounter, and the Coverage it references (contained, as a Bundle entry, or only a display). */
export function fhirClaim(
  encounter: Encounter,
  n: number,
  coverageAt: CoverageAt,
): { claim: Record<string, unknown>; coverage?: Record<string, unknown> } {
  const claim = asClaimCarries(encounter, 'fhir');
  const way = COVERAGE_BY_KIND[encounter.payer.kind][n % COVERAGE_BY_KIND[encounter.payer.kind].length]!;
  const type =
    'sopt' in way
      ? { coding: [{ system: SOPT, code: way.sopt }] }
      : 'selfPay' in way
        ? { coding: [{ system: SELF_PAY, code: 'pay', display: 'Self-pay' }] }
        : undefined;
  const coverageId = `cov-${n}`;
  const coverage: Record<string, unknown> = {
    resourceType: 'Coverage',
    id: coverageId,
    status: 'active',
    ...(type ? { type } : {}),
    beneficiary: { reference: 'Patient/pat-1' },
    payor: [{ display: claim.payer.name }],
  };
  const display =
    'display' in way ? way.display : coverageAt === 'display' ? KIND_WORDS[encounter.payer.kind] : undefined;
  const coverageRef =
    'display' in way || 'none' in way || coverageAt === 'display'
      ? { reference: `Coverage/${coverageId}-elsewhere`, ...(display ? { display } : {}) }
      : coverageAt === 'contained'
        ? { reference: `#${coverageId}` }
        : { reference: `urn:uuid:00000000-0000-0000-0000-${String(n).padStart(12, '0')}` };
  // Items alternate between their own servicedDate and the claim's billablePeriod.
  const datesOnItems = n % 2 === 0;
  const resource: Record<string, unknown> = {
    resourceType: 'Claim',
    id: `claim-${n}`,
    ...(coverageAt === 'contained' && !('display' in way) && !('none' in way) ? { contained: [coverage] } : {}),
    identifier: [{ system: 'urn:example:patient-control-number', value: claim.id }],
    status: 'active',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    use: 'claim',
    patient: { reference: 'Patient/pat-1' },
    created: '2026-03-06',
    ...(claim.dateOfService && !datesOnItems
      ? { billablePeriod: { start: claim.dateOfService, end: claim.dateOfService } }
      : {}),
    insurer: { display: claim.payer.name },
    provider: { reference: 'Organization/practice-1' },
    priority: { coding: [{ code: 'normal' }] },
    // Sequences out of order on purpose: the reader sorts them.
    diagnosis: claim.diagnoses
      .map((d, i) => ({ sequence: i + 1, diagnosisCodeableConcept: { coding: [{ system: ICD10CM, code: d.code }] } }))
      .reverse(),
    insurance: [
      ...(n % 3 === 0
        ? [{ sequence: 2, focal: false, coverage: { reference: 'Coverage/secondary', display: 'Medicare Part B' } }]
        : []),
      { sequence: 1, focal: true, coverage: coverageRef },
    ],
    item: claim.lines.map((line, i) => ({
      sequence: i + 1,
      productOrService: line.code ? { coding: [{ system: CPT, code: line.code }] } : { text: 'Retail item' },
      ...(line.modifiers
        ? { modifier: line.modifiers.map((m) => ({ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: m }] })) }
        : {}),
      quantity: { value: line.units ?? 1 },
      ...(line.dx ? { diagnosisSequence: line.dx } : {}),
      ...(line.site ? { bodySite: { text: line.site } } : {}),
      ...(claim.dateOfService && datesOnItems ? { servicedDate: claim.dateOfService } : {}),
    })),
  };
  return { claim: resource, ...(coverageAt === 'entry-before' || coverageAt === 'entry-after' ? { coverage } : {}) };
}

/** A Bundle of Claims (a collection, as an export); Coverage entries before or after the claims that reference them. */
export function fhirBundle(encounters: readonly Encounter[], coverageAt: CoverageAt): Record<string, unknown> {
  const claims: unknown[] = [];
  const coverages: unknown[] = [];
  encounters.forEach((encounter, n) => {
    const { claim, coverage } = fhirClaim(encounter, n, coverageAt);
    claims.push({ fullUrl: `urn:uuid:claim-${n}`, resource: claim });
    if (coverage)
      coverages.push({
        fullUrl: `urn:uuid:00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
        resource: coverage,
      });
  });
  const patient = {
    fullUrl: 'urn:uuid:patient-1',
    resource: { resourceType: 'Patient', id: 'pat-1', name: [{ family: 'Testpatient', given: ['Alex'] }] },
  };
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: coverageAt === 'entry-after' ? [patient, ...claims, ...coverages] : [patient, ...coverages, ...claims],
  };
}
