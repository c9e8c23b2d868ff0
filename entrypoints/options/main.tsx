/**
 * The options page: rules, payer, toggles, EHR hosts, field maps, the audit
 * log, import and export. Loads and saves settings through settings-store
 * (the worker and content scripts follow storage themselves); asks for host
 * permissions inside the click that adds a host.
 */
import '../../lib/zod-jitless'; // first: before any zod schema is built
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import '../../assets/pages.css';
import {
  SavedSettingsSchema,
  parseSettingsFile,
  settingsFile,
  type ExtensionSettings,
} from '../../lib/extension-settings';
import {
  forgetSetAsideSettings,
  loadSettings,
  onSettingsChanged,
  saveSettings,
  setAsideSettings,
  type SetAsideSettings,
} from '../../lib/settings-store';
import { PRESETS } from '../../lib/rule-level-presets';
import { RULES } from '../../rules/catalog/index';
import { BUILTIN_MATCHES } from '../../adapters/index';
import { ECW_FIELD_MAP } from '../../adapters/generic/presets';
import type { FieldMap } from '../../adapters/generic/fieldmap';
import { matchesAny } from '../../lib/match-patterns';
import type { Dismissal, FixRecord } from '../../lib/background/dismissals';
import { auditToCsv, downloadText, exportFileName } from '../../lib/export';
import type { RuleLevel } from '../../rules/settings';
import { GeneralSettings, type GeneralSettingsValue } from '../../components/GeneralSettings';
import { PayerNamesEditor } from '../../components/PayerNamesEditor';
import { PresetPicker, RuleSettingsTable } from '../../components/RuleSettingsTable';
import { HostList, hostPatternError, toHostPattern } from '../../components/HostList';
import { FieldMapList } from '../../components/FieldMapList';
import { FieldMapEditor } from '../../components/FieldMapEditor';
import type { ProbeReport, ProbeSummary } from '../../components/FieldMapPreview';
import { AuditTable } from '../../components/AuditTable';
import { SettingsTransfer } from '../../components/SettingsTransfer';
import { ask } from '../sidepanel/tab-view';
import { hostScriptsStatus, onHostScriptsStatusChanged, type HostScriptsStatus } from '../../lib/host-scripts-status';
import { CodeTablesSection } from './tables';
import { readSettingsFileText } from '../../lib/settings-file-read';
import { teachTab } from '../../lib/teach/start';

type Message = { text: string; bad?: boolean } | null;

const SECTIONS = [
  ['general', 'General'],
  ['rules', 'Rules'],
  ['hosts', 'EHR hosts'],
  ['fieldmaps', 'Field maps'],
  ['tables', 'Code tables'],
  ['audit', 'Audit log'],
  ['backup', 'Import / export'],
] as const;

const RULE_ROWS = RULES.map((r) => ({
  id: r.meta.id,
  summary: r.meta.summary,
  severity: r.meta.severity,
  reference: r.meta.reference,
}));
const RULE_SUMMARY: Record<string, string> = Object.fromEntries(RULE_ROWS.map((r) => [r.id, r.summary]));

/** A URL a match pattern covers, to ask whether the enabled hosts cover it too ('https://*.x.com/*' → 'https://a.x.com/'). */
function sampleUrl(pattern: string): string {
  return pattern
    .replace(/^\*:\/\//, 'https://')
    .replace(/:\/\/\*\./, '://a.')
    .replace(/\*/g, '');
}

/** Host patterns a field map's match pattern needs ('*://' and paths become a host pattern). */
function hostPatternFor(match: string): string {
  return toHostPattern(match.replace(/^\*:\/\//, 'https://'));
}

async function grantedMap(patterns: readonly string[]): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const p of patterns) out[p] = await browser.permissions.contains({ origins: [p] }).catch(() => false);
  return out;
}

interface TestTab {
  id: number;
  /** Known only where dermlint has host access (built-in or granted hosts). */
  url?: string;
}

/** Tabs to test on: the other tabs of this window, most recently used first (this page excluded). */
async function candidateTabs(): Promise<TestTab[]> {
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  const tabs = await browser.tabs.query({ currentWindow: true });
  return tabs
    .filter((t) => typeof t.id === 'number' && t.id !== self?.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((t) => ({ id: t.id!, ...(t.url ? { url: t.url } : {}) }));
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host || null : null;
  } catch {
    return null;
  }
}

const RANK: Record<ProbeSummary['status'], number> = { ok: 0, unreadable: 1, absent: 2 };

async function probe(map: FieldMap): Promise<ProbeReport> {
  let lastError = '';
  for (const tab of (await candidateTabs()).slice(0, 3)) {
    try {
      await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: (m: unknown) => {
          (window as unknown as { __dermlintFieldMap?: unknown }).__dermlintFieldMap = m;
        },
        args: [map],
      });
      const results = await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        files: ['/fieldmap-probe.js'],
      });
      const frames = results
        .map((r) => r.result as (ProbeSummary & { host: string }) | undefined)
        .filter((r): r is ProbeSummary & { host: string } => !!r && typeof r === 'object');
      if (frames.length === 0) throw new Error('the screen gave no answer');
      const best = [...frames].sort((a, b) => RANK[a.status] - RANK[b.status])[0]!;
      const top = frames.find((f) => f.host) ?? best;
      const { host: _h, ...summary } = best;
      return { host: top.host, frames: frames.length, best: summary };
    } catch (e) {
      lastError = (e as Error).message;
    }
  }
  throw new Error(
    `dermlint could not read a tab in this window${lastError ? ` (${lastError})` : ''}. Open the EHR screen in a tab of this window, on a host that is enabled or listed in this field map, then test again.`,
  );
}

function Options() {
  const [settings, setSettings] = useState<ExtensionSettings | null>(null);
  const [saved, setSaved] = useState<Message>(null);
  const [undo, setUndo] = useState<ExtensionSettings | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [hostMessage, setHostMessage] = useState<Message>(null);
  const [transferMessage, setTransferMessage] = useState<Message>(null);
  const [dismissals, setDismissals] = useState<Dismissal[] | null>(null);
  const [fixes, setFixes] = useState<FixRecord[]>([]);
  const [auditError, setAuditError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ index: number | null; initial?: Partial<FieldMap>; nonce: number } | null>(
    null,
  );
  const [fmMessage, setFmMessage] = useState<Message>(null);
  const [testing, setTesting] = useState(false);
  const [preview, setPreview] = useState<ProbeReport | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [section, setSection] = useState<string>(location.hash.slice(1) || 'general');
  const [target, setTarget] = useState<TestTab | null>(null);
  const savedTimer = useRef<number | undefined>(undefined);
  const [aside, setAside] = useState<SetAsideSettings[]>([]);
  const [hostScripts, setHostScripts] = useState<HostScriptsStatus | undefined>(undefined);

  useEffect(() => {
    const load = () => void hostScriptsStatus().then(setHostScripts, () => undefined);
    load();
    return onHostScriptsStatusChanged(load);
  }, []);

  const reload = useCallback(async () => {
    const s = await loadSettings();
    setSettings(s);
    setAside(await setAsideSettings().catch(() => []));
    setGranted(await grantedMap(s.extraHosts));
  }, []);

  const loadAudit = useCallback(async () => {
    const reply = await ask({ type: 'audit' });
    if (reply.ok) {
      setDismissals(reply.dismissals ?? []);
      setFixes(reply.fixes ?? []);
      setAuditError(null);
    } else setAuditError(`The audit log could not be read: ${reply.error}`);
  }, []);

  // Which tab "Test on the open tab" would read, kept current so the click knows at once whether to ask for access.
  useEffect(() => {
    const refresh = () =>
      void candidateTabs().then(
        (tabs) => setTarget(tabs[0] ?? null),
        () => setTarget(null),
      );
    refresh();
    const onRemoved = () => refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    browser.tabs.onRemoved.addListener(onRemoved);
    window.addEventListener('focus', refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(onRemoved);
      window.removeEventListener('focus', refresh);
    };
  }, []);

  useEffect(() => {
    void reload();
    void loadAudit();
    const off = onSettingsChanged(() => void reload());
    const perms = () => void reload();
    browser.permissions.onAdded.addListener(perms);
    browser.permissions.onRemoved.addListener(perms);
    const hash = () => setSection(location.hash.slice(1) || 'general');
    window.addEventListener('hashchange', hash);
    return () => {
      off();
      browser.permissions.onAdded.removeListener(perms);
      browser.permissions.onRemoved.removeListener(perms);
      window.removeEventListener('hashchange', hash);
    };
  }, [reload, loadAudit]);

  /** The corner note: a success fades after a while (with its undo), a failure stays until the next change. */
  function announce(message: Message, ms = 4000) {
    setSaved(message);
    window.clearTimeout(savedTimer.current);
    if (message && !message.bad) {
      savedTimer.current = window.setTimeout(() => {
        setSaved(null);
        setUndo(null);
      }, ms);
    }
  }

  /** Checks and stores; a value the schema rejects is never written (storage would fall back to defaults). */
  async function save(next: ExtensionSettings, what = 'Saved.', ms?: number): Promise<boolean> {
    const parsed = SavedSettingsSchema.safeParse(next);
    if (!parsed.success) {
      announce({ text: `Not saved: ${parsed.error.issues[0]?.message ?? 'invalid settings'}`, bad: true });
      return false;
    }
    setSettings(parsed.data);
    try {
      await saveSettings(parsed.data);
      announce({ text: what }, ms);
      return true;
    } catch (e) {
      announce({ text: `Not saved: ${(e as Error).message}`, bad: true });
      return false;
    }
  }

  const enabledPatterns = useMemo(
    () => [...BUILTIN_MATCHES, ...(settings?.extraHosts.filter((h) => granted[h]) ?? [])],
    [settings, granted],
  );

  if (!settings) {
    return (
      <main class="options-main">
        <p role="status">Loading settings…</p>
      </main>
    );
  }
  const s = settings;

  /** Resolves to why the host was not added (also shown under the list), or null. */
  function addHost(pattern: string): Promise<string | null> {
    // Inside the click: the browser shows its prompt only during a user gesture.
    return browser.permissions.request({ origins: [pattern] }).then(
      async (ok) => {
        if (!ok) {
          const why = `Access to ${pattern} was not allowed (the browser's prompt was refused or closed), so it was not added.`;
          setHostMessage({ text: why, bad: true });
          return why;
        }
        const fresh = await loadSettings();
        if (!fresh.extraHosts.includes(pattern)) {
          if (!(await save({ ...fresh, extraHosts: [...fresh.extraHosts, pattern] }))) {
            const why = `${pattern} is allowed but could not be saved; try again.`;
            setHostMessage({ text: why, bad: true });
            return why;
          }
        }
        setGranted((g) => ({ ...g, [pattern]: true }));
        setHostMessage({ text: `Added ${pattern}. dermlint now runs on it, in the tabs already open too.` });
        return null;
      },
      (e: Error) => {
        const why = `The browser refused ${pattern}: ${e.message}`;
        setHostMessage({ text: why, bad: true });
        return why;
      },
    );
  }

  function grantHost(pattern: string) {
    browser.permissions.request({ origins: [pattern] }).then(
      (ok) => {
        setGranted((g) => ({ ...g, [pattern]: ok }));
        setHostMessage(
          ok ? { text: `Access to ${pattern} allowed.` } : { text: `Access to ${pattern} was not allowed.`, bad: true },
        );
      },
      (e: Error) => setHostMessage({ text: `The browser refused ${pattern}: ${e.message}`, bad: true }),
    );
  }

  async function removeHost(pattern: string) {
    const fresh = await loadSettings();
    if (!(await save({ ...fresh, extraHosts: fresh.extraHosts.filter((h) => h !== pattern) }))) return;
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    setHostMessage({ text: `Removed ${pattern}; dermlint no longer runs there.` });
  }

  function testMap(map: FieldMap) {
    // No address for the tab means no access to it: ask for the map's hosts, inside the click (the browser
    // prompts only during a user gesture), then read the tab.
    const origins = target?.url
      ? []
      : [...new Set(map.matches.map(hostPatternFor))].filter(
          (p) => !hostPatternError(p) && !matchesAny(BUILTIN_MATCHES, sampleUrl(p)),
        );
    const asked = origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true);
    setTesting(true);
    setPreviewError(null);
    setPreview(null);
    void asked
      .then(
        (ok) => {
          if (!ok)
            throw new Error(
              `Access to ${origins.join(', ')} was not allowed (the browser’s prompt was refused or closed), so the tab could not be read.`,
            );
        },
        (e: Error) => {
          throw new Error(`The browser refused access to ${origins.join(', ')}: ${e.message}`);
        },
      )
      .then(() => probe(map))
      .then(
        (report) => setPreview(report),
        (e: Error) => setPreviewError(e.message),
      )
      .finally(() => setTesting(false));
  }

  async function saveMap(map: FieldMap, index: number | null) {
    const fresh = await loadSettings();
    const maps = [...fresh.fieldMaps];
    if (index === null) maps.push(map);
    else maps[index] = map;
    if (await save({ ...fresh, fieldMaps: maps }, `Saved field map “${map.name}”.`)) {
      setEditing(null);
      setPreview(null);
      setPreviewError(null);
      const missing = map.matches.filter((p) => !matchesAny(enabledPatterns, sampleUrl(p)));
      setFmMessage({
        text: `Saved “${map.name}”.${missing.length ? ' Enable its hosts (below) for dermlint to read them.' : ''}`,
      });
    }
  }

  const general: GeneralSettingsValue = {
    defaultPayerKind: s.defaultPayerKind,
    showInfoInline: s.showInfoInline,
    signoffPrompt: s.signoffPrompt,
  };

  return (
    <>
      <header class="options-head">
        <div class="inner">
          <h1 class="brand">
            <span class="brand-mark" aria-hidden="true">
              d
            </span>
            dermlint options
          </h1>
          <nav class="options-nav" aria-label="Sections">
            <ul>
              {SECTIONS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`} aria-current={section === id ? 'true' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main class="options-main">
        <div class="save-status">
          <p class={`status${saved?.bad ? ' bad' : saved ? ' ok' : ''}`} role="status" aria-live="polite">
            {saved?.text ?? ''}
            {undo && saved && !saved.bad && (
              <>
                {' '}
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    const previous = undo;
                    setUndo(null);
                    void save(previous, 'Preset undone.');
                  }}
                >
                  Undo
                </button>
              </>
            )}
          </p>
        </div>

        {aside.length > 0 && (
          <section class="notice warn" role="alert" aria-labelledby="aside-h">
            <h2 id="aside-h">Some stored settings could not be read</h2>
            <p>dermlint kept every setting it could read and set the rest aside, unchanged:</p>
            <ul>
              {aside
                .flatMap((entry) => entry.problems)
                .slice(0, 10)
                .map((problem, i) => (
                  <li key={i}>
                    <code>{problem}</code>
                  </li>
                ))}
            </ul>
            <div class="row">
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    exportFileName('settings-set-aside', 'json'),
                    JSON.stringify(aside, null, 2),
                    'application/json',
                  )
                }
              >
                Download the set-aside copy
              </button>
              <button type="button" onClick={() => void forgetSetAsideSettings().then(() => setAside([]))}>
                Forget it
              </button>
            </div>
          </section>
        )}

        <section id="general" class="card" aria-labelledby="general-h">
          <h2 id="general-h">General</h2>
          <p class="hint">Changes are saved at once and reach open EHR tabs by themselves.</p>
          <GeneralSettings value={general} onChange={(patch) => void save({ ...s, ...patch })} />
          <PayerNamesEditor
            entries={s.payerNames ?? []}
            onChange={(payerNames) => void save({ ...s, payerNames }, 'Saved your insurers’ names.')}
          />
        </section>

        <section id="rules" class="card" aria-labelledby="rules-h">
          <h2 id="rules-h">Rules</h2>
          <p class="hint">
            A payer profile sets several rules at once; each rule can then be turned off, or its findings shown as needs
            review, warning or error.
          </p>
          <PresetPicker
            presets={PRESETS}
            current={s.preset}
            onApply={(id) => {
              const preset = PRESETS.find((p) => p.id === id);
              if (!preset) return;
              setUndo(s);
              void save(preset.apply(s), `Applied “${preset.name}”.`, 15000);
            }}
          />
          <RuleSettingsTable
            rules={RULE_ROWS}
            levels={s.rules}
            onChange={(id, level: RuleLevel) => {
              const rules = { ...s.rules };
              if (level === 'default') delete rules[id];
              else rules[id] = level;
              setUndo(null);
              void save({ ...s, rules }, `${id}: ${level === 'default' ? 'back to its own severity' : level}.`);
            }}
          />
        </section>

        <section id="hosts" class="card" aria-labelledby="hosts-h">
          <h2 id="hosts-h">Enabled EHR hosts</h2>
          <p class="hint">
            dermlint reads screens only on these hosts. Add your EHR’s host if it is not built in; the browser asks you
            to allow it.
          </p>
          <HostList
            builtin={BUILTIN_MATCHES}
            extra={s.extraHosts.map((pattern) => ({ pattern, granted: granted[pattern] }))}
            onAdd={addHost}
            onRemove={(p) => void removeHost(p)}
            onGrant={grantHost}
            message={hostMessage}
          />
          {hostScripts && !hostScripts.ok && (
            <p class="notice bad" role="alert">
              dermlint could not start on the added hosts: {hostScripts.error}. It tries again whenever the hosts or
              their access change.
            </p>
          )}
        </section>

        <section id="fieldmaps" class="card" aria-labelledby="fieldmaps-h">
          <h2 id="fieldmaps-h">Field maps (other EHRs)</h2>
          <p class="hint">
            For an EHR dermlint has no reader of its own for: show dermlint where its claim screen keeps each part of an
            encounter. The easiest way is to teach it by clicking: open a claim with two lines or more in another tab,
            then press “Teach dermlint a screen…” (or use the dermlint button in the toolbar on that tab). Power users
            can write CSS selectors instead.
          </p>
          <p id="fm-teach-hint" class="hint">
            Teaching opens on the tab you used last in this window
            {target ? ` (${hostOf(target.url) ?? 'a tab dermlint has no access to yet'})` : ''}.
          </p>
          <FieldMapList
            maps={s.fieldMaps}
            editing={editing?.index ?? null}
            isEnabled={(p) => matchesAny(enabledPatterns, sampleUrl(p))}
            onEnable={(p) => {
              const pattern = hostPatternFor(p);
              const error = hostPatternError(pattern);
              if (error) setFmMessage({ text: `${p} cannot be enabled as it is: ${error}`, bad: true });
              else void addHost(pattern).then((why) => why && setFmMessage({ text: why, bad: true }));
              document.getElementById('hosts')?.scrollIntoView({ block: 'start' });
            }}
            onEdit={(i) => {
              setPreview(null);
              setPreviewError(null);
              setEditing({ index: i, initial: s.fieldMaps[i], nonce: Date.now() });
            }}
            onDelete={(i) => {
              const name = s.fieldMaps[i]?.name;
              if (editing?.index === i) setEditing(null);
              void save({ ...s, fieldMaps: s.fieldMaps.filter((_, j) => j !== i) }, `Deleted field map “${name}”.`);
            }}
          />
          {!editing && (
            <div class="row">
              <button
                type="button"
                class="primary"
                aria-describedby="fm-teach-hint"
                onClick={() => {
                  // Inside the click: the browser asks for the host's access only during it.
                  setFmMessage(null);
                  if (!target)
                    return setFmMessage({
                      text: 'Open the EHR’s claim screen in a tab of this window first.',
                      bad: true,
                    });
                  const tab = target;
                  void teachTab(tab).then((why) => {
                    if (why) return setFmMessage({ text: why, bad: true });
                    setFmMessage({
                      text: `Teaching started on ${hostOf(tab.url) ?? 'the tab'}: click the fields there, then Save.`,
                    });
                    void browser.tabs.update(tab.id, { active: true }).catch(() => {});
                  });
                }}
              >
                Teach dermlint a screen…
              </button>
              <button type="button" onClick={() => setEditing({ index: null, nonce: Date.now() })}>
                New field map
              </button>
              <button
                type="button"
                onClick={() => {
                  const taken = new Set(s.fieldMaps.map((m) => m.name));
                  let name = ECW_FIELD_MAP.name;
                  for (let n = 2; taken.has(name); n++) name = `${ECW_FIELD_MAP.name} ${n}`;
                  setEditing({ index: null, initial: { ...ECW_FIELD_MAP, name }, nonce: Date.now() });
                }}
              >
                Start from the eClinicalWorks example
              </button>
            </div>
          )}
          <p class={`status${fmMessage?.bad ? ' bad' : fmMessage ? ' ok' : ''}`} role="status" aria-live="polite">
            {fmMessage?.text ?? ''}
          </p>
          {editing && (
            <FieldMapEditor
              key={editing.nonce}
              initial={editing.initial}
              editing={editing.index !== null}
              takenNames={s.fieldMaps.filter((_, i) => i !== editing.index).map((m) => m.name)}
              onSave={(map) => void saveMap(map, editing.index)}
              onCancel={() => {
                setEditing(null);
                setPreview(null);
                setPreviewError(null);
              }}
              onTest={testMap}
              testTarget={
                target ? (hostOf(target.url) ?? 'a tab dermlint has no access to yet') : 'no other tab in this window'
              }
              testing={testing}
              preview={preview}
              previewError={previewError}
            />
          )}
        </section>

        <section id="tables" class="card" aria-labelledby="tables-h">
          <h2 id="tables-h">Code tables</h2>
          <p class="hint">
            The NCCI edits and the ICD-10-CM code sets the rules check against. dermlint ships a dermatology subset of
            the NCCI tables and the FY2026 code set; import CMS’s own files each quarter (NCCI) or year (ICD-10-CM).
          </p>
          <CodeTablesSection />
        </section>

        <section id="audit" class="card" aria-labelledby="audit-h">
          <h2 id="audit-h">Audit log</h2>
          <p class="hint">
            Every dismissed finding, every sign-off with errors remaining and every one-click fix: rule, code, reason or
            change, and when. Kept on this computer only; no patient details.
          </p>
          <AuditTable
            dismissals={dismissals}
            fixes={fixes}
            error={auditError}
            ruleSummary={RULE_SUMMARY}
            onRefresh={() => void loadAudit()}
            onExport={() =>
              dismissals && downloadText(exportFileName('audit', 'csv'), auditToCsv(dismissals, fixes), 'text/csv')
            }
            onClear={async () => {
              const reply = await ask({ type: 'clear-audit' });
              if (!reply.ok) setAuditError(`The audit log was not cleared: ${reply.error}`);
              await loadAudit();
            }}
          />
        </section>

        <section id="backup" class="card" aria-labelledby="backup-h">
          <h2 id="backup-h">Import / export settings</h2>
          <SettingsTransfer
            message={transferMessage}
            onExport={() => {
              downloadText(exportFileName('settings', 'json'), settingsFile(s), 'application/json');
              setTransferMessage({ text: 'Settings exported.' });
            }}
            onImport={async (file) => {
              const read = await readSettingsFileText(file);
              if (!read.ok) {
                setTransferMessage({ text: `Nothing changed: ${read.error}.`, bad: true });
                return;
              }
              const parsed = parseSettingsFile(read.text);
              if (!parsed.ok) {
                setTransferMessage({ text: `Nothing changed: ${file.name}: ${parsed.error}`, bad: true });
                return;
              }
              if (await save(parsed.value, 'Settings imported.')) {
                const v = parsed.value;
                const now = await grantedMap(v.extraHosts);
                setGranted(now);
                const missing = v.extraHosts.filter((h) => !now[h]).length;
                setTransferMessage({
                  text: `Imported ${file.name}: ${count(Object.keys(v.rules).length, 'rule level')}, ${count(v.extraHosts.length, 'host')}, ${count(v.fieldMaps.length, 'field map')}.${
                    missing
                      ? ` ${missing} ${missing === 1 ? 'host needs' : 'hosts need'} access: use “Grant access” under Enabled EHR hosts.`
                      : ''
                  }`,
                });
              }
            }}
          />
        </section>
      </main>
    </>
  );
}

render(<Options />, document.getElementById('app')!);
