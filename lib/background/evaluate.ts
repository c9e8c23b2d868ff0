/**
 * Judging a screen's encounter: the engine run with the user's settings and
 * imported tables, its findings keyed and matched against dismissals, the tab's
 * review state and badge written, and the page's answer made.
 */
import {
  effectivePayerKind,
  findingSubject,
  run,
  RULES_BY_ID,
  type RuleModule,
  type RunOptions,
} from '../../rules/index';
import { knownPayerName } from '../../rules/payer-names';
import type { Encounter, Finding } from '../../rules/schema';
import { normalizeCode, normalizeModifier, quotableCode } from '../../rules/codes';
import { siteGroupOf } from '../../rules/sites';
import type { EvaluateResponse, FindingView, LineView } from '../messages';
import type { ContentProtocol } from '../protocol';
import type { ExtensionSettings } from '../extension-settings';
import { ANY_MESSAGE, findingKey, type Dismissal, type DismissalStore } from './dismissals';
import type { EncounterIds } from './encounter-ids';
import type { TabStates } from './tab-states';
import { shortLabel } from '../../components/finding-labels';

export interface EvaluateDeps {
  /** `refresh`: read them from storage now, not from a copy kept in memory. */
  settings(refresh?: boolean): Promise<ExtensionSettings> | ExtensionSettings;
  dismissals?: DismissalStore;
  /** Imported code tables (lib/tables/engine.ts): NCCI tables and ICD-10-CM code sets by fiscal year; the built-in ones without. */
  engineTables?(): Promise<Pick<RunOptions, 'tables' | 'icdSets'>>;
  /** Rules to run instead of the catalog (tests). */
  rules?: readonly RuleModule[];
  now(): Date;
}

/**
 * Stable keys, never the wording: rule, message id, the line's code (when shaped like one: keys are
 * kept in the tab state and IndexedDB), and which finding of those it is — the nth on lines of that
 * code, or for an encounter-level finding a hash of its message id and data (which diagnosis).
 * `legacyKey`: the key a dismissal made before message ids has for it (message-id-keys.ts).
 */
export function keyFindings(
  encounter: Encounter,
  findings: Finding[],
): { finding: Finding; code: string; subject: string; key: string; legacyKey: string }[] {
  const seen = new Map<string, number>();
  const nth = (of: string) => {
    const n = (seen.get(of) ?? 0) + 1;
    seen.set(of, n);
    return String(n);
  };
  return findings.map((finding) => {
    const code = finding.line === null ? '' : quotableCode(normalizeCode(encounter.lines[finding.line]?.code ?? ''));
    const messageId = finding.messageId ?? '';
    const encounterLevel = finding.line === null;
    const subject = encounterLevel
      ? shortHash(findingSubject(messageId, finding.data))
      : nth(`${finding.rule}|${messageId}|${code}`);
    const legacySubject = encounterLevel ? shortHash(finding.message) : nth(`legacy|${finding.rule}|${code}`);
    return {
      finding,
      code,
      subject,
      key: findingKey(encounter.id, finding.rule, messageId, code, subject),
      legacyKey: findingKey(encounter.id, finding.rule, ANY_MESSAGE, code, legacySubject),
    };
  });
}

/** FNV-1a of a text, base 36: a short, stable subject (never reversed to anything: it hashes codes and counts). */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Judges the encounter a frame sent, for that frame of that tab. */
export function createEvaluator(deps: EvaluateDeps, tabs: TabStates, ids: EncounterIds) {
  return async function evaluate(
    request: ContentProtocol['evaluate']['parsed'],
    tabId: number,
    frameId: number,
  ): Promise<EvaluateResponse> {
    const { adapter, refresh = false } = request;
    const arrival = tabs.arrive(tabId, frameId);
    const encounter: Encounter = { ...request.encounter, id: await ids.pseudonymOf(request.encounter.id) };
    // What the engine needs, fetched side by side (each is kept in memory after its first read).
    const [settings, extra, dismissals] = await Promise.all([
      deps.settings(refresh),
      Promise.resolve(deps.engineTables?.()).catch(() => undefined),
      Promise.resolve(deps.dismissals?.forEncounter(encounter.id)).catch(() => undefined),
    ]);
    // An encounter without a date of service is judged with the ICD-10-CM set in force today (the engine reads no clock).
    const findings = run(encounter, {
      settings,
      ...(extra ?? {}),
      icdAsOf: localDay(deps.now()),
      ...(deps.rules ? { rules: deps.rules } : {}),
    });
    const dismissed = new Map<string, Dismissal>();
    for (const d of dismissals ?? []) dismissed.set(d.key, d);
    const views: FindingView[] = keyFindings(encounter, findings).map(({ finding, key, legacyKey }) => {
      // A dismissal made before message ids holds too; the finding then goes by that record's key (undo finds it).
      const d = dismissed.get(key) ?? dismissed.get(legacyKey);
      const view: FindingView = {
        ...finding,
        key: d?.key ?? key,
        why: RULES_BY_ID.get(finding.rule)?.meta.summary ?? '',
      };
      if (d)
        view.dismissed = d.comment
          ? { reason: d.reason, comment: d.comment, at: d.at }
          : { reason: d.reason, at: d.at };
      return view;
    });
    const live = views.filter((v) => !v.dismissed);
    const errors = live.filter((f) => f.severity === 'error').length;
    // The badge and the review state follow the newest encounter the frame sent, never an older one finishing late.
    const newest = tabs.keepIfNewest(tabId, frameId, arrival);
    if (newest) tabs.recordErrors(tabId, frameId, errors);
    const payerKind = effectivePayerKind(encounter, settings);
    // The review state (side panel, popup) is written before the page gets its answer: a worker stopped
    // in between leaves the page without an answer (it asks again), never an answer without its state.
    if (newest)
      await tabs.save({
        tabId,
        frameId,
        adapter,
        status: 'ok',
        encounterId: encounter.id,
        payerKind,
        // The insurer's name only as dermlint's tables know it (their phrases, found in the name), never the text as shown.
        ...(encounter.payer.name?.trim()
          ? { payerName: knownPayerName(encounter.payer.name, settings.payerNames) }
          : {}),
        lines: encounter.lines.map((l) => lineView(l, payerKind)),
        // The note and the history are judged in memory and never kept: their size, at most.
        ...(encounter.note ? { noteChars: encounter.note.length } : {}),
        ...(encounter.history?.length ? { history: encounter.history.length } : {}),
        findings: views,
        counts: {
          error: errors,
          warning: live.filter((f) => f.severity === 'warning').length,
          info: live.filter((f) => f.severity === 'info').length,
          dismissed: views.length - live.length,
        },
        updatedAt: deps.now().toISOString(),
      });
    const why: Record<string, string> = {};
    for (const f of live) why[f.rule] ??= f.why;
    return {
      ok: true,
      // The inline pill shows a finding's title; a rule that has none yet gets its short label here, so the page carries no table of them.
      findings: live.map(({ key: _k, why: _w, dismissed: _d, ...f }) => ({
        ...f,
        title: f.title ?? shortLabel(f.rule),
      })),
      showInfoInline: settings.showInfoInline,
      why,
      errors,
      signoffPrompt: settings.signoffPrompt,
    };
  };
}

/**
 * A line as the review list shows and exports it, kept in the tab state: codes shaped like codes,
 * the site's group, never text the page showed (a site, a code field holding a name).
 */
function lineView(l: Encounter['lines'][number], payerKind: string): LineView {
  const site = l.site ? siteGroupOf(l.site) : 'unknown';
  return {
    code: quotableCode(normalizeCode(l.code)),
    modifiers: (l.modifiers ?? []).map(normalizeModifier).filter((m) => /^[A-Z0-9]{2}$/.test(m)),
    units: l.units ?? 1,
    ...(site !== 'unknown' ? { siteGroup: site } : {}),
    billTo: l.billTo ?? (payerKind === 'self-pay' ? 'patient' : 'insurance'),
  };
}

/** YYYY-MM-DD of the computer's own calendar. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
