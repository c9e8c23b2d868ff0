/**
 * The settings as the options page holds them: loaded from settings-store and
 * followed as they change (the worker, another options tab, an import), saved
 * only when the schema accepts them, and the corner note that says how each
 * save went, with the undo a preset offers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { SavedSettingsSchema, type ExtensionSettings } from '../../lib/extension-settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../lib/settings-store';
import type { StatusMessage } from '../../components/StatusLine';

/** Checks and stores `next`; `what` is the corner note on success (shown `ms` long). Resolves to whether it was stored. */
export type SaveSettings = (next: ExtensionSettings, what?: string, ms?: number) => Promise<boolean>;

export interface SavedSettings {
  /** null until the first load. */
  settings: ExtensionSettings | null;
  save: SaveSettings;
  /** The corner note. */
  status: StatusMessage | null;
  /** Offers "Undo" back to `previous` beside the next note (null: none). */
  offerUndo: (previous: ExtensionSettings | null) => void;
  /** Restores the settings the undo was offered for, if it still is. */
  undo: (() => void) | null;
}

export function useSavedSettings(): SavedSettings {
  const [settings, setSettings] = useState<ExtensionSettings | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [undoTo, setUndoTo] = useState<ExtensionSettings | null>(null);
  const statusTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const reload = () => void loadSettings().then(setSettings);
    reload();
    return onSettingsChanged(reload);
  }, []);

  /** A success fades after a while (with its undo), a failure stays until the next change. */
  function announce(message: StatusMessage, ms = 4000) {
    setStatus(message);
    window.clearTimeout(statusTimer.current);
    if (!message.bad) {
      statusTimer.current = window.setTimeout(() => {
        setStatus(null);
        setUndoTo(null);
      }, ms);
    }
  }

  /** A value the schema rejects is never written (storage would fall back to defaults). */
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

  const undo = undoTo
    ? () => {
        setUndoTo(null);
        void save(undoTo, 'Preset undone.');
      }
    : null;

  return { settings, save, status, offerUndo: setUndoTo, undo };
}
