/**
 * The procedure note and the visit history, end to end in Chromium with the built extension, on the
 * three demo screens (EMA: rich text beside the picklist; athenaNet: the procedure documentation in a
 * frame of its own; eCW: the progress note's Procedures box, read through the example field map):
 *  - a note typed into the screen is read as it is, reaches the worker, and the tab keeps its
 *    length only;
 *  - the note's rules (docs/note.md) and the history's (docs/rules.md) paint their warnings beside the line,
 *    and follow an edit of the note. Those need the rules themselves: each such test names its rule
 *    and is skipped while the engine does not have it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launch, waitForWarnings, type Session } from './harness';
import { openExtensionPage } from './pages';
import { until } from './extension-data';
import { keptTabState, NOTE_SCREENS, openOnNoteScreen, saveEcwFieldMap, typeNote } from './note-screens';
import { RULES_BY_ID } from '../../rules/index';
import type { Encounter } from '../../rules/schema';

const cases: { encounter: Encounter }[] = JSON.parse(
  readFileSync(new URL('../fixtures/examples/encounters.json', import.meta.url), 'utf8'),
);
const example = (id: string) => cases.find((c) => c.encounter.id === id)!.encounter;
/** A note or history rule the engine has (built by another branch): tests of its warnings run only then. */
const hasRule = (id: string) => RULES_BY_ID.has(id);

/** ex51's visit documented the other way: a shave biopsy, as its code 11102 says. */
const SHAVE_NOTE =
  'Procedure: Shave biopsy\nLocation: left upper back\nTechnique: the lesion was sampled tangentially with a flexible blade to the mid dermis\nHemostasis: aluminum chloride';

let session: Session;
let ehr: Page;

beforeAll(async () => {
  session = await launch();
  const options = await openExtensionPage(session, 'options.html');
  await saveEcwFieldMap(options);
  await options.close();
  ehr = await session.browser.newPage();
  await ehr.setViewport({ width: 1400, height: 900 });
});
afterAll(async () => session?.close());

/** Waits until the worker judged this tab's encounter with a note of `chars` characters. */
async function judgedNote(chars: number | undefined, what: string) {
  return until(
    () => keptTabState(session, ehr),
    (s) => s?.status === 'ok' && s.noteChars === chars,
    what,
  );
}

describe.each(NOTE_SCREENS)('%s: the note as typed', (screen) => {
  it('is read off the screen, reaches the worker as typed, and the tab keeps its length only', async () => {
    const ex51 = example('ex51');
    const frame = await openOnNoteScreen(ehr, screen, session.baseUrl, 'ex51');
    let kept = await judgedNote(ex51.note!.length, `${screen}: ex51's note read`);
    expect(JSON.stringify(kept)).not.toMatch(/Punch biopsy|lidocaine|alcohol prep/);

    await typeNote(frame, screen, SHAVE_NOTE);
    kept = await judgedNote(SHAVE_NOTE.length, `${screen}: the typed note read`);
    expect(JSON.stringify(kept)).not.toMatch(/Shave biopsy|aluminum|tangentially/);

    // A visit without a note, and one with a visit history: the history's size only.
    await openOnNoteScreen(ehr, screen, session.baseUrl, 'ex87');
    kept = await judgedNote(undefined, `${screen}: ex87 without a note`);
    expect(kept).toMatchObject({ history: example('ex87').history!.length });
    // The history itself is not kept: its dates, codes and diagnoses appear nowhere but in a finding that names a
    // code (global-period-em: "on day 63 of the 90-day global period of 14040"), and no finding names a date.
    expect(JSON.stringify({ ...kept, findings: undefined })).not.toMatch(/2026-05-18|14040|C44\.319/);
    expect(JSON.stringify(kept)).not.toMatch(/2026-05-18/);
  });

  it.skipIf(!hasRule('note-technique-mismatch'))(
    'note-technique-mismatch: ex51 (punch biopsy documented, 11102 billed) is warned on line 1; a note documenting a shave biopsy clears it',
    async () => {
      const frame = await openOnNoteScreen(ehr, screen, session.baseUrl, 'ex51');
      await waitForWarnings(frame, ['note-technique-mismatch@1'], 15_000);
      await typeNote(frame, screen, SHAVE_NOTE);
      await waitForWarnings(frame, [], 15_000);
    },
  );

  it.skipIf(!hasRule('note-closure-mismatch'))(
    'note-closure-mismatch: ex57 (Mohs defect closed without sutures, a repair billed) is warned on the repair line',
    async () => {
      const frame = await openOnNoteScreen(ehr, screen, session.baseUrl, 'ex57');
      await waitForWarnings(frame, ['note-closure-mismatch@1'], 15_000);
    },
  );

  it.skipIf(!hasRule('global-period-em'))(
    'global-period-em: ex85 (a visit 7 days after an excision, from the visit history) is an error on the visit',
    async () => {
      const frame = await openOnNoteScreen(ehr, screen, session.baseUrl, 'ex85');
      await waitForWarnings(frame, ['global-period-em@0'], 15_000);
    },
  );
});
