import { describe, expect, it } from 'vitest';
import { knownPayerName, payerKindFromName, payerWords } from './payer-names';
import type { PayerKind } from './schema';

/** Insurer and plan names as claim screens, eligibility responses and insurance cards show them. */
const NAMES: [string, PayerKind][] = [
  // Original Medicare and its contractors (MACs)
  ['Medicare', 'medicare'],
  ['MEDICARE PART B', 'medicare'],
  ['Medicare Part B - Novitas JL', 'medicare'],
  ['Novitas Solutions', 'medicare'],
  ['Noridian JF Part B', 'medicare'],
  ['Noridian Healthcare Solutions', 'medicare'],
  ['Palmetto GBA JM', 'medicare'],
  ['First Coast Service Options (JN)', 'medicare'],
  ['CGS Administrators J15', 'medicare'],
  ['NGS Medicare J6', 'medicare'],
  ['National Government Services', 'medicare'],
  ['WPS Medicare J5', 'medicare'],
  ['Wisconsin Physicians Service J8', 'medicare'],
  ['Railroad Medicare', 'medicare'],
  ['Traditional Medicare', 'medicare'],
  ['Original Medicare (FFS)', 'medicare'],
  ['Medicare B of Texas', 'medicare'],
  ['Medicare - Novitas', 'medicare'],
  ['RRB Medicare Part B', 'medicare'],
  // Medigap policies ride on original Medicare
  ['AARP Medicare Supplement Plan G', 'medicare'],
  ['Mutual of Omaha Medicare Supplement', 'medicare'],
  ['BCBS Medigap Plan N', 'medicare'],
  ['Cigna Medicare Supplement', 'medicare'],
  ['Humana Med Supp Plan F', 'medicare'],
  // Medicare Advantage
  ['Humana Gold Plus HMO', 'medicare-advantage'],
  ['Humana Choice PPO Medicare', 'medicare-advantage'],
  ['Humana Medicare Employer PPO', 'medicare-advantage'],
  ['AARP Medicare Advantage from UHC', 'medicare-advantage'],
  ['UnitedHealthcare Dual Complete', 'medicare-advantage'],
  ['UHC Medicare Advantage Choice', 'medicare-advantage'],
  ['AARP MedicareComplete', 'medicare-advantage'],
  ['Aetna Medicare Advantage PPO', 'medicare-advantage'],
  ['Aetna Medicare Eagle PPO', 'medicare-advantage'],
  ['Aetna Medicare Value Plus', 'medicare-advantage'],
  ['Cigna Medicare Advantage', 'medicare-advantage'],
  ['Cigna Preferred Medicare', 'medicare-advantage'],
  ['Anthem MediBlue Plus', 'medicare-advantage'],
  ['Anthem Medicare Preferred', 'medicare-advantage'],
  ['Highmark Freedom Blue PPO', 'medicare-advantage'],
  ['Highmark Community Blue Medicare HMO', 'medicare-advantage'],
  ['BCBS Medicare Advantage', 'medicare-advantage'],
  ['Blue Cross Medicare Advantage PPO', 'medicare-advantage'],
  ['Blue Medicare HMO', 'medicare-advantage'],
  ['Florida Blue Medicare', 'medicare-advantage'],
  ['Kaiser Permanente Senior Advantage', 'medicare-advantage'],
  ['SecureHorizons', 'medicare-advantage'],
  ['WellCare Value Script', 'medicare-advantage'],
  ['Wellcare by Allwell', 'medicare-advantage'],
  ['Devoted Health', 'medicare-advantage'],
  ['Clover Health PPO', 'medicare-advantage'],
  ['Alignment Health Plan', 'medicare-advantage'],
  ['SCAN Health Plan', 'medicare-advantage'],
  ['Essence Healthcare', 'medicare-advantage'],
  ['Peoples Health Secure Health', 'medicare-advantage'],
  ['Molina Medicare Complete Care', 'medicare-advantage'],
  ['Humana Medicare Part C', 'medicare-advantage'],
  ['Medicare Advantage', 'medicare-advantage'],
  ['MAPD - Regence', 'medicare-advantage'],
  ['Regence MedAdvantage', 'medicare-advantage'],
  ['Sierra Health Senior Dimensions', 'medicare-advantage'],
  ['Zing Health', 'medicare-advantage'],
  ['Care N Care', 'medicare-advantage'],
  ['Simply Medicare', 'medicare-advantage'],
  ['Medica Dual Solution', 'medicare-advantage'],
  ['Medicare-Medicaid Plan (MMP)', 'medicare-advantage'],
  ['UHC D-SNP', 'medicare-advantage'],
  ['Aetna Medicare Dual (HMO D-SNP)', 'medicare-advantage'],
  ['Humana Gold Choice PFFS', 'medicare-advantage'],
  ['EmblemHealth Medicare HMO', 'medicare-advantage'],
  ['Tufts Medicare Preferred', 'medicare-advantage'],
  // Medicaid: state programs and managed Medicaid plans
  ['Medicaid', 'medicaid'],
  ['Texas Medicaid', 'medicaid'],
  ['NY Medicaid', 'medicaid'],
  ['Medi-Cal', 'medicaid'],
  ['MediCal', 'unknown'],
  ['MassHealth', 'medicaid'],
  ['TennCare', 'medicaid'],
  ['SoonerCare', 'medicaid'],
  ['AHCCCS', 'medicaid'],
  ['BadgerCare Plus', 'medicaid'],
  ['HUSKY Health', 'medicaid'],
  ['Apple Health (Medicaid)', 'medicaid'],
  ['NJ FamilyCare', 'medicaid'],
  ['Healthy Louisiana', 'medicaid'],
  ['MO HealthNet', 'medicaid'],
  ['KanCare', 'medicaid'],
  ['Texas STAR', 'medicaid'],
  ['STAR+PLUS', 'medicaid'],
  ['Virginia Medallion 4.0', 'medicaid'],
  ['Hoosier Healthwise', 'medicaid'],
  ['Healthy Indiana Plan', 'medicaid'],
  ['HIP 2.0', 'medicaid'],
  ['Healthy Michigan Plan', 'medicaid'],
  ['Health First Colorado', 'medicaid'],
  ['Centennial Care', 'medicaid'],
  ['Dr. Dynasaur', 'medicaid'],
  ['MaineCare', 'medicaid'],
  ['PeachCare for Kids', 'medicaid'],
  ['Oregon Health Plan', 'medicaid'],
  ['Iowa Health Link', 'medicaid'],
  ['Heritage Health', 'medicaid'],
  ['Healthy Blue', 'medicaid'],
  ['UnitedHealthcare Community Plan', 'medicaid'],
  ['UHC Community Plan of Ohio', 'medicaid'],
  ['Aetna Better Health of Illinois', 'medicaid'],
  ['Anthem Medicaid', 'medicaid'],
  ['Amerigroup', 'medicaid'],
  ['Amerigroup Texas', 'medicaid'],
  ['AmeriHealth Caritas', 'medicaid'],
  ['CareSource', 'medicaid'],
  ['Keystone First', 'medicaid'],
  ['Molina Healthcare', 'medicaid'],
  ['Molina Healthcare of California', 'medicaid'],
  ['Sunshine Health', 'medicaid'],
  ['Superior HealthPlan', 'medicaid'],
  ['Buckeye Health Plan', 'medicaid'],
  ['Peach State Health Plan', 'medicaid'],
  ['Meridian Health Plan', 'medicaid'],
  ['Magnolia Health', 'medicaid'],
  ['Louisiana Healthcare Connections', 'medicaid'],
  ['Home State Health', 'medicaid'],
  ['Fidelis Care', 'medicaid'],
  ['MetroPlus Health', 'medicaid'],
  ['Healthfirst', 'medicaid'],
  ['Simply Healthcare Plans', 'medicaid'],
  ['L.A. Care Health Plan', 'medicaid'],
  ['IEHP', 'medicaid'],
  ['CalOptima', 'medicaid'],
  ['Passport Health Plan', 'medicaid'],
  ['Horizon NJ Health', 'medicaid'],
  ['WellCare of Georgia Medicaid', 'medicaid'],
  ['Cardinal Care', 'medicaid'],
  ['CHIP', 'medicaid'],
  ['Title XIX', 'medicaid'],
  ['Medical Assistance (PA)', 'medicaid'],
  ['Community Health Choice', 'medicaid'],
  // Commercial carriers, abbreviations and plans
  ['Cigna', 'commercial'],
  ['CIGNA HEALTHCARE', 'commercial'],
  ['Cigna Open Access Plus', 'commercial'],
  ['Cigna LocalPlus', 'commercial'],
  ['Aetna', 'commercial'],
  ['Aetna Choice POS II', 'commercial'],
  ['Aetna Open Access Managed Choice', 'commercial'],
  ['Aetna HMO', 'commercial'],
  ['UnitedHealthcare', 'commercial'],
  ['United Healthcare Choice Plus', 'commercial'],
  ['UHC Options PPO', 'commercial'],
  ['UHC Navigate', 'commercial'],
  ['UMR', 'commercial'],
  ['Golden Rule', 'commercial'],
  ['Oxford Health Plans', 'commercial'],
  ['Surest', 'commercial'],
  ['BCBS', 'commercial'],
  ['BCBS of Texas', 'commercial'],
  ['BC&BS of Alabama', 'commercial'],
  ['BC & BS Michigan', 'commercial'],
  ['Blue Cross Blue Shield of Illinois', 'commercial'],
  ['Blue Cross of Idaho', 'commercial'],
  ['Blue Shield of California', 'commercial'],
  ['Anthem Blue Cross', 'commercial'],
  ['Anthem BCBS PPO', 'commercial'],
  ['Empire BlueCross BlueShield', 'commercial'],
  ['Highmark BCBS', 'commercial'],
  ['Premera Blue Cross', 'commercial'],
  ['Regence BlueShield', 'commercial'],
  ['CareFirst BlueCross BlueShield', 'commercial'],
  ['Horizon BCBSNJ', 'commercial'],
  ['Independence Blue Cross', 'commercial'],
  ['Florida Blue', 'commercial'],
  ['Excellus BCBS', 'commercial'],
  ['Wellmark', 'commercial'],
  ['Capital Blue Cross', 'commercial'],
  ['BCBS Federal Employee Program', 'commercial'],
  ['FEP Blue Standard', 'commercial'],
  ['Humana', 'commercial'],
  ['Humana ChoiceCare PPO', 'commercial'],
  ['Kaiser Permanente', 'commercial'],
  ['Kaiser Foundation Health Plan', 'commercial'],
  ['Health Net', 'commercial'],
  ['Ambetter from Sunshine Health', 'commercial'],
  ['Oscar Health', 'commercial'],
  ['Harvard Pilgrim Health Care', 'commercial'],
  ['Tufts Health Plan', 'commercial'],
  ['EmblemHealth', 'commercial'],
  ['GHI', 'commercial'],
  ['Geisinger Health Plan', 'commercial'],
  ['UPMC Health Plan', 'commercial'],
  ['Priority Health', 'commercial'],
  ['Health Alliance Plan (HAP)', 'commercial'],
  ['Medica', 'commercial'],
  ['HealthPartners', 'commercial'],
  ['Blue Care Network', 'commercial'],
  ['Presbyterian Health Plan', 'commercial'],
  ['SelectHealth', 'commercial'],
  ['Moda Health', 'commercial'],
  ['PacificSource', 'commercial'],
  ['Providence Health Plan', 'commercial'],
  ['Baylor Scott & White Health Plan', 'commercial'],
  ['Quartz', 'commercial'],
  ['Sanford Health Plan', 'commercial'],
  ['HMSA', 'commercial'],
  ['Meritain Health', 'commercial'],
  ['Allegiance Benefit Plan', 'commercial'],
  ['MultiPlan', 'commercial'],
  ['PHCS', 'commercial'],
  ['GEHA', 'commercial'],
  ['NALC Health Benefit Plan', 'commercial'],
  ['AvMed', 'commercial'],
  ['MVP Health Care', 'commercial'],
  ['Medical Mutual of Ohio', 'commercial'],
  ['Paramount', 'commercial'],
  ['SummaCare', 'commercial'],
  ['Tricare East', 'commercial'],
  ['TRICARE For Life', 'commercial'],
  ['CHAMPVA', 'commercial'],
  ['Workers Compensation', 'commercial'],
  ['Molina Marketplace', 'commercial'],
  ['Ambetter Health Marketplace', 'commercial'],
  ['Self-funded employer plan', 'commercial'],
  ['PPO', 'commercial'],
  ['Blue Advantage HMO', 'commercial'],
  ['Health Advantage', 'commercial'],
  // Self-pay
  ['Self Pay', 'self-pay'],
  ['SELF-PAY', 'self-pay'],
  ['Cash', 'self-pay'],
  ['Uninsured', 'self-pay'],
  ['No Insurance', 'self-pay'],
  ['Private Pay', 'self-pay'],
  // Truly unknown: no guess
  ['', 'unknown'],
  ['Insurance', 'unknown'],
  ['Other', 'unknown'],
  ['See card', 'unknown'],
  ['Primary', 'unknown'],
  ['Acme Benefits Trust', 'unknown'],
  ['Self', 'unknown'],
  ['Advantage', 'unknown'],
  ['Blue', 'unknown'],
];

describe('payerKindFromName', () => {
  it('is tested on at least 150 real-world insurer and plan names', () =>
    expect(NAMES.length).toBeGreaterThanOrEqual(150));
  it.each(NAMES)('%s → %s', (name, kind) => expect(payerKindFromName(name)).toBe(kind));

  it("the practice's own entries decide first", () => {
    expect(payerKindFromName('Blue Medicare HMO')).toBe('medicare-advantage');
    expect(payerKindFromName('Acme Benefits Trust', [{ phrase: 'acme benefits', kind: 'commercial' }])).toBe(
      'commercial',
    );
    expect(payerKindFromName('Humana Gold Plus', [{ phrase: 'gold plus', kind: 'commercial' }])).toBe('commercial');
  });

  it('reads a long junk string in linear time and only its first 300 characters', () => {
    const junk = 'medicare '.repeat(200_000);
    const start = performance.now();
    expect(payerKindFromName(junk)).toBe('medicare');
    expect(performance.now() - start).toBeLessThan(50);
    expect(payerWords('x'.repeat(1000)).join('').length).toBe(300);
  });
});

describe('effectivePayerKind (the engine)', async () => {
  const { effectivePayerKind, run } = await import('./index');
  const encounter = (payer: { kind: PayerKind; name?: string }) => ({
    id: 'p',
    payer,
    diagnoses: [{ code: 'L82.1' }],
    lines: [{ code: '17110', dx: [1] }],
  });
  it('the screen’s kind first', () =>
    expect(effectivePayerKind(encounter({ kind: 'commercial', name: 'Medicare' }))).toBe('commercial'));
  it('then the name', () =>
    expect(
      effectivePayerKind(encounter({ kind: 'unknown', name: 'Cigna Open Access Plus' }), {
        rules: {},
        defaultPayerKind: 'medicare',
      }),
    ).toBe('commercial'));
  it('then the practice’s own names', () =>
    expect(
      effectivePayerKind(encounter({ kind: 'unknown', name: 'Acme Trust' }), {
        rules: {},
        payerNames: [{ phrase: 'acme trust', kind: 'medicare-advantage' }],
      }),
    ).toBe('medicare-advantage'));
  it('then the default', () =>
    expect(
      effectivePayerKind(encounter({ kind: 'unknown', name: 'Acme Trust' }), {
        rules: {},
        defaultPayerKind: 'medicaid',
      }),
    ).toBe('medicaid'));
  it('a Medicare name read off the screen brings the Medicare rules: a cosmetic skin-tag removal needs an ABN', () => {
    const rules = (name: string) => run(encounter({ kind: 'unknown', name })).map((f) => f.rule);
    expect(rules('Novitas Solutions')).toContain('abn-missing');
    expect(rules('Cigna')).not.toContain('abn-missing');
  });
});

describe('knownPayerName: the words of a name the tables know, never other text', () => {
  it.each([
    ['Cigna Open Access Plus', [], 'Cigna Open Access Plus'],
    ['Humana Gold Plus HMO', [], 'Humana Gold Plus HMO'],
    ['BC&BS of Texas (PPO)', [], 'BC & BS PPO'],
    ['BCBS of Texas PPO', [], 'BCBS PPO'],
    ['ZQ Acme Health Plan', [], ''],
    ['pt ZQWINSLOW Medicare #00987654', [], 'Medicare'],
    ['Acme Trust Gold', [{ phrase: 'acme trust', kind: 'commercial' as const }], 'Acme Trust'],
    ['', [], ''],
  ])('%s → %j', (name, own, known) => expect(knownPayerName(name, own)).toBe(known));
});
