/** Encounters behind the EMA adapter's variant snapshots (scripts/save-ema-variants.ts) and its tests. */

/** Text that must stay text: markup, script, entities, odd whitespace. */
export const HOSTILE = {
  id: 'hostile',
  dateOfService: '2026-02-03',
  payer: { kind: 'commercial', name: '<img src=x onerror="window.__pwned=1">Acme PPO' },
  diagnoses: [{ code: 'L57.0', description: '<script>window.__pwned=2</script>Actinic keratosis &amp; more' }],
  lines: [
    {
      code: '17000',
      dx: [1],
      site: '<svg onload="window.__pwned=3">left cheek',
      lesions: 1,
      description: '<b>Destruction</b> </td></tr><tr><td>99999',
    },
  ],
};

/** 60 lines: the size the adapter must read in well under a millisecond. */
export const SIXTY = {
  id: 'sixty',
  dateOfService: '2026-01-02',
  payer: { kind: 'medicare', name: 'Medicare Part B' },
  abn: { signed: true, lines: [1, 3] },
  diagnoses: [
    { code: 'L57.0', description: 'Actinic keratosis' },
    { code: 'L82.1', description: 'Other seborrheic keratosis' },
    { code: 'B07.8' },
  ],
  lines: Array.from({ length: 60 }, (_, i) => ({
    code: ['17000', '17110', '11102', '99213'][i % 4]!,
    ...(i % 3 ? { modifiers: ['59'] } : {}),
    units: 1 + (i % 3),
    dx: [1 + (i % 3)],
    site: ['left cheek', 'mid upper back', 'right forearm'][i % 3]!,
    sizeCm: 0.5,
    lesions: 2,
    description: `Line ${i + 1}`,
  })),
};
