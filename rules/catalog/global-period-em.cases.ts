import { defineCases, enc } from '../cases';
import type { Encounter, Line, PriorService } from '../schema';

/** A visit on `date` with its diagnoses and modifiers, after the `history` the screen shows. */
const visit = (
  date: string | undefined,
  dx: string[],
  history: PriorService[],
  em: Partial<Line> = {},
  code = '99213',
): Encounter => ({
  ...enc({ dx, lines: [{ code, dx: dx.map((_, i) => i + 1), ...em }], ...(date ? { dateOfService: date } : {}) }),
  history,
});
const excision = (date: string, dx?: string[], code = '11602'): PriorService => ({
  dateOfService: date,
  code,
  ...(dx ? { dx } : {}),
});

export default defineCases({
  valid: [
    {
      name: 'an unrelated visit inside the global period, with 24 (ex88)',
      encounter: visit(
        '2026-06-15',
        ['L71.9'],
        [excision('2026-06-08', ['D48.5'], '11402'), excision('2026-06-08', ['D48.5'], '12032')],
        { modifiers: ['24'] },
      ),
    },
    {
      name: 'a biopsy has no global period; the 17000 period ended on day 10 (ex89)',
      encounter: visit(
        '2026-06-20',
        ['C44.519'],
        [excision('2026-06-16', ['D48.5'], '11102'), excision('2026-06-09', ['L57.0'], '17000')],
      ),
    },
    {
      name: 'day 11 after a 10-day procedure is outside',
      encounter: visit('2026-06-14', ['L25.9'], [excision('2026-06-03', ['C44.519'])]),
    },
    {
      name: 'day 91 after a 90-day procedure is outside',
      encounter: visit('2026-08-17', ['L40.0'], [excision('2026-05-18', ['C44.319'], '14040')]),
    },
    {
      name: 'the same day is day 0: a visit beside its own procedure is judged by section 4, not here',
      encounter: visit('2026-06-03', ['L25.9'], [excision('2026-06-03', ['C44.519'])]),
    },
    {
      name: 'a history service after the date of service opens nothing',
      encounter: visit('2026-06-03', ['L25.9'], [excision('2026-06-05', ['C44.519'])]),
    },
    {
      name: 'no date of service: the days cannot be counted',
      encounter: visit(undefined, ['L25.9'], [excision('2026-06-03', ['C44.519'])]),
    },
    {
      name: 'no calendar day (2026-02-30) in the history',
      encounter: visit('2026-03-05', ['L25.9'], [excision('2026-02-30', ['C44.519'])]),
    },
    {
      name: 'the history lists no diagnoses, the visit none post-operative: related or not is unknown',
      encounter: visit('2026-06-10', ['L25.9'], [excision('2026-06-03')]),
    },
    {
      name: 'one of two procedures in the window lists no diagnoses: an unrelated problem cannot be told',
      encounter: visit(
        '2026-06-10',
        ['L25.9'],
        [excision('2026-06-03', ['C44.519']), excision('2026-06-03', undefined, '12032')],
      ),
    },
    {
      name: '25 on the visit: not judged here',
      encounter: visit('2026-06-10', ['L25.9'], [excision('2026-06-03', ['C44.519'])], { modifiers: ['25'] }),
    },
    {
      name: '57 on the visit (the decision for another surgery): not judged here',
      encounter: visit('2026-06-10', ['C44.319'], [excision('2026-06-03', ['C44.519'])], { modifiers: ['57'] }),
    },
    {
      name: '24 with 25: not judged here',
      encounter: visit('2026-06-10', ['Z48.02'], [excision('2026-06-03', ['C44.519'])], { modifiers: ['24', '25'] }),
    },
    {
      name: 'no modifier, one diagnosis of the procedure and one unrelated: partly related, silent',
      encounter: visit('2026-06-10', ['C44.519', 'L25.9'], [excision('2026-06-03', ['C44.519'])]),
    },
    {
      name: '24 with a diagnosis of the procedure and an unrelated one',
      encounter: visit('2026-06-10', ['C44.519', 'L25.9'], [excision('2026-06-03', ['C44.519'])], {
        modifiers: ['24'],
      }),
    },
    {
      name: 'history codes without a global period judged (Mohs 000, a visit, a biopsy)',
      encounter: visit(
        '2026-06-10',
        ['L25.9'],
        [
          excision('2026-06-05', ['C44.319'], '17311'),
          excision('2026-06-05', ['C44.319'], '99213'),
          excision('2026-06-05', ['D48.5'], '11104'),
        ],
      ),
    },
    {
      name: 'the visit is billed to the patient',
      encounter: visit('2026-06-10', ['L25.9'], [excision('2026-06-03', ['C44.519'])], { billTo: 'patient' }),
    },
    {
      name: 'the visit links no diagnosis (dx-missing speaks)',
      encounter: visit('2026-06-10', ['L25.9'], [excision('2026-06-03', ['C44.519'])], { dx: [3] }),
    },
    { name: 'no history', encounter: visit('2026-06-10', ['L25.9'], []) },
    {
      name: '99024 itself is no E/M of section 3',
      encounter: visit('2026-06-10', ['Z48.02'], [excision('2026-06-03', ['C44.519'])], {}, '99024'),
    },
  ],
  invalid: [
    {
      name: 'contact dermatitis 7 days after an excision, no 24 (ex85)',
      encounter: visit(
        '2026-06-10',
        ['L25.9'],
        [excision('2026-06-03', ['C44.519']), excision('2026-06-03', ['C44.519'], '88305')],
      ),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'suture removal with 24 (ex86)',
      encounter: visit(
        '2026-06-12',
        ['Z48.02'],
        [excision('2026-06-05', ['C44.319'], '11642'), excision('2026-06-05', ['C44.319'], '12052')],
        { modifiers: ['24'], code: '99212' },
      ),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'postOperative24',
          title: 'Post-op: bill 99024, not 99212',
          field: 'code',
          suggestions: ['Change 99212 to 99024'],
        },
      ],
    },
    {
      name: 'psoriasis 63 days after a flap; the Mohs beside it opens no period (ex87)',
      encounter: visit(
        '2026-07-20',
        ['L40.0'],
        [excision('2026-05-18', ['C44.319'], '17311'), excision('2026-05-18', ['C44.319'], '14040')],
      ),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'day 10 after a 10-day procedure is inside',
      encounter: visit('2026-06-13', ['L25.9'], [excision('2026-06-03', ['C44.519'])]),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'day 1 is inside',
      encounter: visit('2026-06-04', ['L25.9'], [excision('2026-06-03', ['C44.519'])]),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'day 90 after a 90-day procedure is inside',
      encounter: visit('2026-08-16', ['L40.0'], [excision('2026-05-18', ['C44.319'], '14040')]),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'across a leap day: 2028-02-28 to 2028-03-09 is day 10',
      encounter: visit('2028-03-09', ['L25.9'], [excision('2028-02-28', ['C44.519'])]),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'across the new year: day 8',
      encounter: visit('2026-01-05', ['L25.9'], [excision('2025-12-28', ['C44.519'], '17110')]),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'no modifier, the diagnosis of the procedure (dotless in the history): post-operative care',
      encounter: visit('2026-06-10', ['C44.519'], [excision('2026-06-03', ['C44519'])]),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'postOperative',
          title: 'Post-op: bill 99024, not 99213',
          field: 'code',
          suggestions: ['Change 99213 to 99024'],
        },
      ],
    },
    {
      name: 'no modifier, a post-operative diagnosis while the history lists none',
      encounter: visit('2026-06-10', ['T81.40XA'], [excision('2026-06-03')]),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'postOperative',
          title: 'Post-op: bill 99024, not 99213',
          field: 'code',
          suggestions: ['Change 99213 to 99024'],
        },
      ],
    },
    {
      name: 'no modifier, the procedure diagnosis and aftercare (Z48.817)',
      encounter: visit('2026-06-10', ['C44.519', 'Z48.817'], [excision('2026-06-03', ['C44.519'])]),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'postOperative',
          title: 'Post-op: bill 99024, not 99213',
          field: 'code',
          suggestions: ['Change 99213 to 99024'],
        },
      ],
    },
    {
      name: "24 on a visit for the procedure's own diagnosis: warning",
      encounter: visit('2026-06-10', ['C44.519'], [excision('2026-06-03', ['C44.519'])], { modifiers: ['24'] }),
      findings: [
        {
          line: 0,
          severity: 'warning',
          messageId: 'sameDiagnosis24',
          title: 'Keep 24 only for a new lesion',
          field: 'modifiers',
        },
      ],
    },
    {
      name: "24 on a visit for the procedure's diagnosis and a wound complication (L76.82): warning",
      encounter: visit('2026-06-10', ['C44.519', 'L76.82'], [excision('2026-06-03', ['C44.519'])], {
        modifiers: ['-24'],
      }),
      findings: [{ line: 0, severity: 'warning', messageId: 'sameDiagnosis24', field: 'modifiers' }],
    },
    {
      name: '24 on a post-operative infection (T81.41XA): error',
      encounter: visit('2026-06-10', ['T81.41XA'], [excision('2026-06-03', ['C44.519'])], { modifiers: ['24'] }),
      findings: [
        {
          line: 0,
          severity: 'error',
          messageId: 'postOperative24',
          title: 'Post-op: bill 99024, not 99213',
          field: 'code',
          suggestions: ['Change 99213 to 99024'],
        },
      ],
    },
    {
      name: 'an expired 10-day period and an open 90-day one: the open one decides',
      encounter: visit(
        '2026-06-30',
        ['L40.0'],
        [excision('2026-06-10', ['L40.0'], '17110'), excision('2026-05-18', ['C44.319'], '14040')],
      ),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99213'],
        },
      ],
    },
    {
      name: 'the diagnosis of the second of two open periods makes it post-operative care',
      encounter: visit(
        '2026-06-30',
        ['C44.319'],
        [excision('2026-06-25', ['L57.0'], '17000'), excision('2026-05-18', ['C44.319'], '14040')],
      ),
      findings: [
        {
          line: 0,
          messageId: 'postOperative',
          title: 'Post-op: bill 99024, not 99213',
          field: 'code',
          suggestions: ['Change 99213 to 99024'],
        },
      ],
    },
    {
      name: 'history codes written loosely (lower case, spaces) and a new-patient visit',
      encounter: visit(
        '2026-06-10',
        ['L25.9'],
        [{ dateOfService: '2026-06-03', code: ' 11602 ', dx: ['c44.519'] }],
        {},
        '99203',
      ),
      findings: [
        {
          line: 0,
          messageId: 'unrelated',
          title: 'Add modifier 24',
          field: 'modifiers',
          suggestions: ['Add 24 to 99203'],
        },
      ],
    },
  ],
});
