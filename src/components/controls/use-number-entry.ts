import { useState } from 'react';
import type { Reading } from './read-input';
import { useDraft } from './use-draft';

/** A number field's state: the text being typed, committing it, and what happened to the last committed text. */
export interface NumberEntry {
  text: string;
  /** The user typed: the draft changes and the last note goes (it spoke of the old text). */
  type(text: string): void;
  /**
   * Enter (`confirmed`) or leaving the field: read the text, apply it if it changes the value, and say what was done
   * to it. Enter on the value already in place confirms it: a note about an earlier refused text goes.
   */
  commit(confirmed?: boolean): void;
  note: string | null;
  /** The value was changed another way (its slider): the note no longer applies. */
  dismiss(): void;
}

/**
 * Typed text committed on Enter or blur (never on every keystroke: a field that restarts training must not restart
 * it at "1", "12", "123"), read by `read`, which clamps or refuses with a note shown beside the field.
 */
export function useNumberEntry(value: number, read: (text: string) => Reading<number>, onChange: (value: number) => void): NumberEntry {
  const [draft, setDraft, clearDraft] = useDraft(value, String);
  const [note, setNote] = useState<string | null>(null);
  return {
    text: draft,
    type(text) {
      setDraft(text);
      setNote(null);
    },
    commit(confirmed = false) {
      if (draft === String(value)) {
        if (confirmed) setNote(null);
        return;
      }
      const reading = read(draft);
      clearDraft();
      setNote(reading.note);
      if (reading.value !== null && reading.value !== value) onChange(reading.value);
    },
    note,
    dismiss: () => setNote(null),
  };
}
