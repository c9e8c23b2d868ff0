/**
 * When the watcher (./watch) runs: its reads in a task of their own, and its
 * repairs before the next frame. Timing only; what runs is the watcher's.
 */

/**
 * The read task. Reads run in a task of their own, never as a microtask at the end of the EHR's
 * task (its re-render plus our read would make one long task), and once for all the changes of a
 * task: a MessageChannel message is the quickest such task (timers may be clamped); a zero timer
 * where there is none.
 *
 * After an edit (`request({ afterPageTimers: true })`), the read waits one more turn, behind the
 * zero-delay timers the page set while handling the event: EHRs re-render an edited row or the whole
 * screen right after the event (both demo screens in a zero timer, Angular in the same task), and one
 * read after the re-render serves both the edit and the re-render, where reading at once meant a
 * second full read once the rows were replaced.
 */
export function readTask(run: () => void, signal: AbortSignal) {
  let pending = false;
  let afterPageTimers = false;
  function fire() {
    if (!pending) return; // the read ran meanwhile (a recheck)
    if (afterPageTimers) {
      afterPageTimers = false;
      setTimeout(fire, 0);
      return;
    }
    run();
  }
  let channel: MessageChannel | null = null;
  try {
    channel = new MessageChannel();
    channel.port1.onmessage = fire;
  } catch {
    channel = null;
  }
  signal.addEventListener('abort', () => {
    channel?.port1.close();
    channel?.port2.close();
  });
  return {
    /** A read is wanted: one task for all the requests until it runs. */
    request(options?: { afterPageTimers?: boolean }) {
      if (options?.afterPageTimers) afterPageTimers = true;
      if (pending || signal.aborted) return;
      pending = true;
      if (channel) channel.port2.postMessage(null);
      else setTimeout(fire, 0);
    },
    /** A read was requested and has not run yet. */
    get pending() {
      return pending;
    },
    /** The read runs now (from its task or not): a request from here on asks for another. */
    taken() {
      pending = false;
      afterPageTimers = false;
    },
  };
}

/**
 * Runs `run` once before the next frame is drawn (a frame callback), or after 100 ms where frames
 * are not drawn (a tab in the background); requests until then are one.
 */
export function beforeNextFrame(win: Window | null, run: () => void) {
  let pending = false;
  const fire = () => {
    if (!pending) return;
    pending = false;
    run();
  };
  return () => {
    if (pending) return;
    pending = true;
    win?.requestAnimationFrame(fire);
    setTimeout(fire, 100);
  };
}
