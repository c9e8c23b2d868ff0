/**
 * One finding painted beside its field: a pill (severity colour, icon, the
 * finding's title: what to do, in at most 32 characters)
 * that expands into what is wrong, why, the fix and the reference.
 * Keyboard reachable, announced to screen readers, never takes focus itself.
 * It lives on the EHR's page: only a person's own (trusted) click or key acts on
 * it, never an event the page's script dispatched. Where the fix is mechanical,
 * the open card offers it as a button ("Fix: add 25 to 99213").
 */
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../rules/schema';
import { SEVERITY_ICON, SEVERITY_WORD } from './finding-labels';

/** What a one-click fix did. */
export type FixOutcome =
  /** applied: the screen shows it; failed: tried, the screen does not show it; by-hand: the screen has no control for it, nothing was touched. */
  | { status: 'applied' | 'failed' | 'by-hand'; message: string }
  /** Not a person's own event, or a fix already running: nothing done. */
  | { status: 'ignored'; message?: undefined };

/** A finding's one-click fixes, as the content script offers them (components never send messages themselves). */
export interface FixHooks {
  /** Asked when the card opens: for each of the finding's suggestions, null when this screen can carry it out, else why not. */
  check(): Promise<(string | null)[]>;
  /** Carries out suggestion `index`; `event` is the click or key press that asked for it. */
  run(index: number, event: Event): Promise<FixOutcome>;
  /** What the last attempt said, when the warning was painted again since (the card opens with it). */
  note?: string;
}

/** "Add 25 to 99213" → "add 25 to 99213" (a code or an acronym keeps its case). */
const lowerFirst = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

export interface InlineWarningProps {
  finding: Finding;
  /** Why the rule exists, in a sentence (the rule's summary). */
  why?: string;
  /** A unique id for aria-controls. */
  uid: string;
  /** Raised by dermlint itself (the review panel's "show on screen"): the card opens. */
  openRequest?: number;
  /** One-click fixes (findings with suggestions on a screen that supports them). */
  fix?: FixHooks;
}

export function InlineWarning({ finding, why, uid, openRequest = 0, fix }: InlineWarningProps) {
  const [open, setOpen] = useState(!!fix?.note);
  /** Per suggestion, once the card is open: null when this screen can carry it out, else why not. */
  const [lacking, setLacking] = useState<(string | null)[]>();
  /** The last fix's outcome ('working' while it runs); a note from an earlier attempt to start with. */
  const [said, setSaid] = useState<FixOutcome | { status: 'working'; message: string } | undefined>(
    fix?.note ? { status: 'failed', message: fix.note } : undefined,
  );
  useEffect(() => {
    if (openRequest > 0) setOpen(true);
  }, [openRequest]);
  useEffect(() => void (open && fix && !lacking && fix.check().then(setLacking)), [open]);
  const cardId = `dl-card-${uid}`;
  // The worker gives every finding a title (a rule's short label where it has none yet).
  const title = finding.title ?? finding.rule;
  async function runFix(index: number, event: Event) {
    // A person's own click, Enter or Space only: the page's script cannot press this button.
    if (!fix || !event.isTrusted || said?.status === 'working') return;
    setSaid({ status: 'working', message: 'Applying…' });
    setSaid(await fix.run(index, event));
  }
  return (
    <div
      class={`dl dl-${finding.severity}`}
      onKeyDown={(e) => {
        if (e.isTrusted && e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        class="pill"
        aria-expanded={open}
        aria-controls={cardId}
        aria-label={`${SEVERITY_WORD[finding.severity]}: ${title}. ${finding.message}`}
        title={finding.message}
        onClick={(e) => e.isTrusted && setOpen(!open)}
      >
        <span class="icon" aria-hidden="true">
          {SEVERITY_ICON[finding.severity]}
        </span>
        <span class="label">{title}</span>
      </button>
      {open && (
        <div class="card" id={cardId} role="group" aria-label={`${SEVERITY_WORD[finding.severity]} details`}>
          {/* The rule's id on the title's line: the card stays short enough for the free space beside its pill. */}
          <p class="title">
            {title}
            <span class="rule">
              dermlint · <code>{finding.rule}</code>
            </span>
          </p>
          <p class="msg">{finding.message}</p>
          {finding.fix && (
            <p class="fix">
              <strong>Fix: </strong>
              {finding.fix}
            </p>
          )}
          {fix && (
            <div class="fixes">
              {finding.suggestions?.map(({ label }, i) =>
                lacking?.[i] ? (
                  <p>
                    <strong>Fix by hand: </strong>
                    {lowerFirst(label)} — {lacking[i]}
                  </p>
                ) : (
                  <button
                    type="button"
                    class="fixbtn"
                    aria-disabled={said?.status === 'working'}
                    onClick={(e) => void runFix(i, e)}
                  >
                    Fix: {lowerFirst(label)}
                  </button>
                ),
              )}
              <p class={said?.status} role="status">
                {said?.message}
              </p>
            </div>
          )}
          {why && (
            <p class="why">
              <strong>Why: </strong>
              {why}
            </p>
          )}
          {finding.reference && <p class="ref">{finding.reference}</p>}
        </div>
      )}
    </div>
  );
}
