/** The saved field maps, each with its hosts and whether dermlint runs there yet. */
import { useState } from 'preact/hooks';
import type { FieldMap } from '../adapters/generic/fieldmap';

export interface FieldMapListProps {
  maps: readonly FieldMap[];
  /** Is dermlint enabled (and granted) on this match pattern? */
  isEnabled(pattern: string): boolean;
  onEdit(index: number): void;
  onDelete(index: number): void;
  onEnable(pattern: string): void;
  /** The index being edited (its row is marked). */
  editing?: number | null;
}

export function FieldMapList({ maps, isEnabled, onEdit, onDelete, onEnable, editing }: FieldMapListProps) {
  const [confirming, setConfirming] = useState<number | null>(null);
  if (maps.length === 0) return <p class="hint">No field maps yet.</p>;
  return (
    <ul class="fm-list" aria-label="Field maps">
      {maps.map((m, i) => (
        <li key={m.name} aria-current={editing === i ? true : undefined}>
          <span class="grow">
            <span class="name">{m.name}</span>
            {editing === i && <span class="small muted"> (editing)</span>}
            <br />
            {m.matches.map((p) => (
              <span key={p} class="row small" style={{ marginTop: '2px' }}>
                <code>{p}</code>
                {isEnabled(p) ? (
                  <span class="badge on">Enabled</span>
                ) : (
                  <>
                    <span class="badge off">Not enabled</span>
                    <button
                      type="button"
                      class="link"
                      onClick={() => onEnable(p)}
                      aria-label={`Enable dermlint on ${p}`}
                    >
                      Enable
                    </button>
                  </>
                )}
              </span>
            ))}
          </span>
          <button type="button" onClick={() => onEdit(i)} aria-label={`Edit ${m.name}`}>
            Edit
          </button>
          {confirming === i ? (
            <>
              <button type="button" class="danger" onClick={() => (setConfirming(null), onDelete(i))}>
                Delete “{m.name}”
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(i)} aria-label={`Delete ${m.name}`}>
              Delete…
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
