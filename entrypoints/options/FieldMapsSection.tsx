/**
 * "Field maps (other EHRs)": the saved maps, teaching a screen by clicking, and
 * the editor for writing a map by hand, with its test on the open tab.
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { hostPatternError, hostPatternFor, sampleUrl } from '../../lib/extra-hosts';
import { matchesAny } from '../../lib/match-patterns';
import type { ExtensionSettings } from '../../lib/extension-settings';
import { loadSettings } from '../../lib/settings-store';
import { teachTab } from '../../lib/teach/start';
import { FieldMapEditor } from '../../components/FieldMapEditor';
import { FieldMapList } from '../../components/FieldMapList';
import type { ProbeReport } from '../../components/FieldMapPreview';
import { StatusLine, type StatusMessage } from '../../components/StatusLine';
import { hostOf, testFieldMap, useTestTab } from './field-map-probe';
import type { HostAccess } from './host-access';
import type { SaveSettings } from './saved-settings';

export interface FieldMapsSectionProps {
  settings: ExtensionSettings;
  save: SaveSettings;
  hosts: HostAccess;
}

/** The map in the editor: its index among the saved ones (null: a new one); `nonce` starts the editor afresh. */
interface Editing {
  index: number | null;
  initial?: Partial<FieldMap>;
  nonce: number;
}

export function FieldMapsSection({ settings, save, hosts }: FieldMapsSectionProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const [testing, setTesting] = useState(false);
  const [preview, setPreview] = useState<ProbeReport | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const target = useTestTab();
  const maps = settings.fieldMaps;

  function clearPreview() {
    setPreview(null);
    setPreviewError(null);
  }

  function test(map: FieldMap) {
    const report = testFieldMap(map, target); // first: it may ask for access inside the click
    setTesting(true);
    clearPreview();
    void report
      .then(
        (r) => setPreview(r),
        (e: Error) => setPreviewError(e.message),
      )
      .finally(() => setTesting(false));
  }

  async function saveMap(map: FieldMap, index: number | null) {
    const fresh = await loadSettings();
    const next = [...fresh.fieldMaps];
    if (index === null) next.push(map);
    else next[index] = map;
    if (await save({ ...fresh, fieldMaps: next }, `Saved field map “${map.name}”.`)) {
      setEditing(null);
      clearPreview();
      const missing = map.matches.filter((p) => !matchesAny(hosts.enabledPatterns, sampleUrl(p)));
      setMessage({
        text: `Saved “${map.name}”.${missing.length ? ' Enable its hosts (below) for dermlint to read them.' : ''}`,
      });
    }
  }

  function teach() {
    // Inside the click: the browser asks for the host's access only during it.
    setMessage(null);
    if (!target) return setMessage({ text: 'Open the EHR’s claim screen in a tab of this window first.', bad: true });
    const tab = target;
    void teachTab(tab).then((why) => {
      if (why) return setMessage({ text: why, bad: true });
      setMessage({ text: `Teaching started on ${hostOf(tab.url) ?? 'the tab'}: click the fields there, then Save.` });
      void browser.tabs.update(tab.id, { active: true }).catch(() => {});
    });
  }

  function startFromExample() {
    const taken = new Set(maps.map((m) => m.name));
    let name = ECW_FIELD_MAP.name;
    for (let n = 2; taken.has(name); n++) name = `${ECW_FIELD_MAP.name} ${n}`;
    setEditing({ index: null, initial: { ...ECW_FIELD_MAP, name }, nonce: Date.now() });
  }

  return (
    <section id="fieldmaps" class="card" aria-labelledby="fieldmaps-h">
      <h2 id="fieldmaps-h">Field maps (other EHRs)</h2>
      <p class="hint">
        For an EHR dermlint has no reader of its own for: show dermlint where its claim screen keeps each part of an
        encounter. The easiest way is to teach it by clicking: open a claim with two lines or more in another tab, then
        press “Teach dermlint a screen…” (or use the dermlint button in the toolbar on that tab). Power users can write
        CSS selectors instead.
      </p>
      <p id="fm-teach-hint" class="hint">
        Teaching opens on the tab you used last in this window
        {target ? ` (${hostOf(target.url) ?? 'a tab dermlint has no access to yet'})` : ''}.
      </p>
      <FieldMapList
        maps={maps}
        editing={editing?.index ?? null}
        isEnabled={(p) => matchesAny(hosts.enabledPatterns, sampleUrl(p))}
        onEnable={(p) => {
          const pattern = hostPatternFor(p);
          const error = hostPatternError(pattern);
          if (error) setMessage({ text: `${p} cannot be enabled as it is: ${error}`, bad: true });
          else void hosts.add(pattern).then((why) => why && setMessage({ text: why, bad: true }));
          document.getElementById('hosts')?.scrollIntoView({ block: 'start' });
        }}
        onEdit={(i) => {
          clearPreview();
          setEditing({ index: i, initial: maps[i], nonce: Date.now() });
        }}
        onDelete={(i) => {
          const name = maps[i]?.name;
          if (editing?.index === i) setEditing(null);
          void save({ ...settings, fieldMaps: maps.filter((_, j) => j !== i) }, `Deleted field map “${name}”.`);
        }}
      />
      {!editing && (
        <div class="row">
          <button type="button" class="primary" aria-describedby="fm-teach-hint" onClick={teach}>
            Teach dermlint a screen…
          </button>
          <button type="button" onClick={() => setEditing({ index: null, nonce: Date.now() })}>
            New field map
          </button>
          <button type="button" onClick={startFromExample}>
            Start from the eClinicalWorks example
          </button>
        </div>
      )}
      <StatusLine message={message} />
      {editing && (
        <FieldMapEditor
          key={editing.nonce}
          initial={editing.initial}
          editing={editing.index !== null}
          takenNames={maps.filter((_, i) => i !== editing.index).map((m) => m.name)}
          onSave={(map) => void saveMap(map, editing.index)}
          onCancel={() => {
            setEditing(null);
            clearPreview();
          }}
          onTest={test}
          testTarget={
            target ? (hostOf(target.url) ?? 'a tab dermlint has no access to yet') : 'no other tab in this window'
          }
          testing={testing}
          preview={preview}
          previewError={previewError}
        />
      )}
    </section>
  );
}
