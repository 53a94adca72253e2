import { useState } from 'react';

/**
 * Text being typed into a field that edits `value`: the draft shows until committed or until `value`
 * changes elsewhere, after which the field shows the new value again.
 */
export function useDraft<T>(value: T, toText: (value: T) => string): [string, (text: string) => void, () => void] {
  const [draft, setDraft] = useState<{ source: T; text: string } | null>(null);
  const text = draft !== null && Object.is(draft.source, value) ? draft.text : toText(value);
  return [text, (next) => setDraft({ source: value, text: next }), () => setDraft(null)];
}
