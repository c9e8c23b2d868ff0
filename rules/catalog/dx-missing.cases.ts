import { defineCases, enc } from '../cases';

export default defineCases({
  valid: [
    { name: 'every pointer names a diagnosis', encounter: enc({ dx: ['L57.0', 'L40.0'], lines: [{ code: '99213', modifiers: ['25'], dx: [2] }, { code: '17000', dx: [1] }] }) },
    { name: 'no pointers: linked to every diagnosis', encounter: enc({ dx: ['L57.0'], lines: ['17000', '99212'] }) },
    { name: 'an empty pointer array: linked to every diagnosis', encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [] }] }) },
    { name: 'no diagnoses on a self-pay encounter: no claim', encounter: enc({ payer: 'self-pay', lines: ['99213', '17110'] }) },
    { name: 'no diagnoses when every line is billed to the patient', encounter: enc({ lines: [{ code: '17110', billTo: 'patient' }, { code: '', category: 'retail', billTo: 'patient' }] }) },
    { name: 'a bad pointer on a line billed to the patient', encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [1] }, { code: '17110', dx: [2], billTo: 'patient' }] }) },
    { name: 'duplicate diagnoses, pointing to the second', encounter: enc({ dx: ['L57.0', 'L57.0'], lines: [{ code: '17000', dx: [2] }] }) },
    { name: 'an invalid diagnosis is still linked (dx-invalid speaks)', encounter: enc({ dx: ['L57'], lines: [{ code: '17000', dx: [1] }] }) },
    { name: 'a pointer to the last diagnosis', encounter: enc({ dx: ['L57.0', 'L82.1', 'D22.5', 'L40.0'], lines: [{ code: '99214', dx: [4, 1] }] }) },
  ],
  invalid: [
    { name: 'no diagnoses at all', encounter: enc({ payer: 'unknown', lines: ['99213'] }), findings: [{ line: 0, severity: 'error', messageIncludes: '99213 has no diagnosis linked', fixIncludes: 'point the line to it' }] },
    { name: 'no diagnoses: every line on the claim fires, none billed to the patient', encounter: enc({ lines: [{ code: '99213', modifiers: ['25'] }, { code: '17110', dx: [1] }, { code: '11200', billTo: 'patient' }] }), findings: [{ line: 0 }, { line: 1, messageIncludes: '17110 has no diagnosis linked' }] },
    { name: 'no diagnoses and an empty pointer array', encounter: enc({ lines: [{ code: '17000', dx: [] }] }), findings: [{ line: 0 }] },
    { name: 'a pointer beyond the list', encounter: enc({ dx: ['B07.8', 'L40.0'], lines: [{ code: '99213', modifiers: ['25'], dx: [2] }, { code: '17110', dx: [3] }] }), findings: [{ line: 1, messageIncludes: '17110 points to diagnosis 3, but the encounter lists 2', fixIncludes: 'Point 17110 to the diagnosis it treats (diagnosis 1 or 2)' }] },
    { name: 'one good pointer and one beyond the list', encounter: enc({ dx: ['L20.9'], lines: [{ code: '99214', dx: [1, 2] }] }), findings: [{ line: 0, messageIncludes: '99214 points to diagnosis 2, but the encounter lists 1', fixIncludes: 'Remove pointer 2 from 99214' }] },
    { name: 'pointer 0', encounter: enc({ dx: ['L57.0'], lines: [{ code: '17000', dx: [0] }] }), findings: [{ line: 0, messageIncludes: 'numbered from 1', fixIncludes: 'Point 17000 to the diagnosis it treats (diagnosis 1)' }] },
    { name: 'a negative pointer beside a good one', encounter: enc({ dx: ['L57.0', 'L82.0'], lines: [{ code: '17110', dx: [2, -1] }] }), findings: [{ line: 0, messageIncludes: 'diagnosis -1', fixIncludes: 'Remove pointer -1 from 17110.' }] },
    { name: 'pointers below and beyond the list', encounter: enc({ dx: ['L57.0', 'L82.0'], lines: [{ code: '17000', dx: [1] }, { code: '17110', dx: [0, 3, 3] }] }), findings: [{ line: 1, messageIncludes: '17110 points to diagnoses 0 and 3, but the encounter lists 2 (numbered from 1)' }] },
    { name: 'a retail item without a code on the claim, and no diagnoses', encounter: enc({ lines: [{ code: '', category: 'retail' }] }), findings: [{ line: 0, messageIncludes: 'The item on line 1 has no diagnosis linked' }] },
  ],
});
