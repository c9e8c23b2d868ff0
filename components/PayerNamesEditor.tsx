/**
 * The practice's own insurer and plan names (options → General): a phrase as
 * the screens show it and the kind of payer it is. dermlint looks at these
 * before its built-in table of 350 names and marks (rules/payer-names.ts), so a
 * practice can say that its local "Blue Advantage" is a commercial plan. A
 * box tries any name and says what dermlint would read it as, and why.
 */
import { useState } from 'preact/hooks';
import { payerKindFromName, type PayerNameEntry } from '../rules/payer-names';
import { PAYER_LABEL } from './encounter-labels';

type Kind = PayerNameEntry['kind'];
const KINDS: Kind[] = ['commercial', 'medicare', 'medicare-advantage', 'medicaid', 'self-pay'];
const MAX = 500;

export interface PayerNamesEditorProps {
  entries: readonly { phrase: string; kind: Kind }[];
  onChange(entries: { phrase: string; kind: Kind }[]): void;
}

export function PayerNamesEditor({ entries, onChange }: PayerNamesEditorProps) {
  const [phrase, setPhrase] = useState('');
  const [kind, setKind] = useState<Kind>('commercial');
  const [problem, setProblem] = useState<string | null>(null);
  const [trial, setTrial] = useState('');

  function add(e: Event) {
    e.preventDefault();
    const p = phrase.replace(/\s+/g, ' ').trim();
    if (!p) return setProblem('Type a name as your screens show it, e.g. “Blue Advantage”.');
    if (p.length > 100) return setProblem('At most 100 characters.');
    if (!/[a-z0-9]/i.test(p)) return setProblem('A name needs letters or digits.');
    if (entries.some((x) => x.phrase.toLowerCase() === p.toLowerCase()))
      return setProblem(`“${p}” is already on your list.`);
    if (entries.length >= MAX) return setProblem(`At most ${MAX} names.`);
    setProblem(null);
    setPhrase('');
    onChange([...entries, { phrase: p, kind }]);
  }

  const ownKind = trial.trim() ? payerKindFromName(trial, entries) : null;
  const builtInKind = trial.trim() ? payerKindFromName(trial) : null;

  return (
    <div class="stack payer-names">
      <h3 id="payer-names-h">Your insurers’ names</h3>
      <p class="hint">
        When a screen shows an insurer or plan name but no category, dermlint tells Medicare, Medicare Advantage,
        Medicaid, commercial and self-pay apart from the name. It knows the common carriers, Medicare contractors and
        state Medicaid programs; add the names it does not know, or that mean something else at your practice. Yours are
        looked at first.
      </p>
      {entries.length > 0 ? (
        <table class="payer-table" aria-labelledby="payer-names-h">
          <thead>
            <tr>
              <th scope="col">Name on the screen</th>
              <th scope="col">Kind of payer</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((x, i) => (
              <tr key={x.phrase}>
                <td>{x.phrase}</td>
                <td>
                  <select
                    aria-label={`Kind of payer for ${x.phrase}`}
                    value={x.kind}
                    onChange={(e) =>
                      onChange(
                        entries.map((y, j) =>
                          j === i ? { ...y, kind: (e.target as HTMLSelectElement).value as Kind } : y,
                        ),
                      )
                    }
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {PAYER_LABEL[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Remove ${x.phrase}`}
                    onClick={() => onChange(entries.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hint">None yet: dermlint uses its built-in names only.</p>
      )}
      <form class="row wrap" onSubmit={add} noValidate>
        <div class="field">
          <label for="payer-phrase">Name as the screen shows it</label>
          <input
            id="payer-phrase"
            type="text"
            value={phrase}
            maxLength={100}
            placeholder="e.g. Blue Advantage"
            aria-invalid={problem !== null}
            aria-describedby="payer-problem"
            onInput={(e) => {
              setPhrase((e.target as HTMLInputElement).value);
              setProblem(null);
            }}
          />
        </div>
        <div class="field">
          <label for="payer-kind">Kind of payer</label>
          <select id="payer-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {PAYER_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <span class="field-label" aria-hidden="true">
            &nbsp;
          </span>
          <button type="submit">Add name</button>
        </div>
      </form>
      <span id="payer-problem" class="error-text" role="alert">
        {problem ?? ''}
      </span>
      <div class="field">
        <label for="payer-try">Try a name</label>
        <input
          id="payer-try"
          type="text"
          value={trial}
          maxLength={300}
          placeholder="e.g. Cigna Open Access Plus"
          onInput={(e) => setTrial((e.target as HTMLInputElement).value)}
          aria-describedby="payer-try-out"
        />
        <span id="payer-try-out" class="hint" role="status" aria-live="polite">
          {ownKind === null
            ? 'Type an insurer or plan name to see what dermlint reads it as.'
            : ownKind === 'unknown'
              ? 'Not known: dermlint uses the payer for screens that show none (above).'
              : `${PAYER_LABEL[ownKind]}${ownKind !== builtInKind ? ' (from your names)' : ''}.`}
        </span>
      </div>
    </div>
  );
}
