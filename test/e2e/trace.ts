/**
 * What the content script costs the page's main thread, from a Chrome trace:
 * the script's own function calls (its event listeners, observer callbacks,
 * message handlers: FunctionCall events whose script is the extension's),
 * summed per top-level task of the renderer. A long task is attributable to
 * dermlint when dermlint's share of it is long, whatever the page did in it.
 * Thread time (tdur) when Chrome records it: CPU contention from other
 * processes on a shared machine does not count against us.
 *
 * Style and layout that our calls force are counted apart: reading a geometry
 * after the EHR re-rendered makes the browser do, inside our call, the style
 * and layout of the EHR's own new DOM that the next frame would do anyway
 * (seconds on a 2,000-row table). It is the page's work, moved earlier.
 */
import type { Page } from 'puppeteer-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

export interface ScriptTasks {
  /** dermlint's time in each top-level task it ran in (ms), longest first, without the style and layout it forced. */
  perTask: number[];
  /** The style and layout forced inside dermlint's calls, per task (ms), longest first. */
  forcedLayout: number[];
  /** The longest of them. */
  longest: number;
  /** Whether the durations are thread time (true) or wall time. */
  threadTime: boolean;
  /** Long tasks (> 50 ms, wall time) of the renderer main threads in the window, whoever ran them. */
  longTasks: number[];
}

export async function traceScriptTasks(
  page: Page,
  extensionId: string,
  during: () => Promise<void>,
): Promise<ScriptTasks> {
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  let raw: Uint8Array | undefined;
  try {
    await during();
  } finally {
    // Always stop, so a failing step does not leave tracing on for the next test.
    raw = await page.tracing.stop();
  }
  const parsed = JSON.parse(Buffer.from(raw!).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const prefix = `chrome-extension://${extensionId}/`;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && typeof e.dur === 'number');
  const ours = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && (e.args?.data?.url ?? '').startsWith(prefix))
    .sort((a, b) => a.ts - b.ts);
  const threadTime = ours.length > 0 && ours.every((e) => typeof e.tdur === 'number');
  const rendering = events.filter(
    (e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X' && typeof e.dur === 'number',
  );
  const time = (e: TraceEvent) => ((threadTime ? e.tdur : e.dur) ?? e.dur ?? 0) / 1000;
  const byTask = new Map<TraceEvent, number>();
  const layoutByTask = new Map<TraceEvent, number>();
  let last: TraceEvent | undefined;
  for (const call of ours) {
    // Only outermost calls: one of ours nested in another of ours is already counted.
    if (last && last.pid === call.pid && last.tid === call.tid && call.ts < last.ts + (last.dur ?? 0)) continue;
    last = call;
    const end = call.ts + (call.dur ?? 0);
    let forced = 0;
    let inner: TraceEvent | undefined;
    for (const r of rendering) {
      if (r.pid !== call.pid || r.tid !== call.tid || r.ts < call.ts || r.ts + r.dur! > end) continue;
      if (inner && r.ts < inner.ts + inner.dur!) continue; // nested in one already counted
      inner = r;
      forced += time(r);
    }
    const task = tasks.find(
      (t) => t.pid === call.pid && t.tid === call.tid && t.ts <= call.ts && call.ts <= t.ts + t.dur!,
    );
    const key = task ?? call;
    byTask.set(key, (byTask.get(key) ?? 0) + Math.max(0, time(call) - forced));
    layoutByTask.set(key, (layoutByTask.get(key) ?? 0) + forced);
  }
  const perTask = [...byTask.values()].sort((a, b) => b - a);
  const forcedLayout = [...layoutByTask.values()].sort((a, b) => b - a);
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const longTasks = tasks
    .filter((t) => mainThreads.has(`${t.pid}:${t.tid}`) && t.dur! > 50_000)
    .map((t) => t.dur! / 1000);
  return { perTask, forcedLayout, longest: perTask[0] ?? 0, threadTime, longTasks };
}
