import type { InputHTMLAttributes } from 'react';
import type { NumberEntry } from './use-number-entry';

type NumberInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'onBlur' | 'onKeyDown'> & {
  entry: NumberEntry;
  integer?: boolean;
};

/**
 * A text field for a number, not `type="number"`: the browser's number field hands the page an empty string for
 * "abc" and drops a typed "−", so the page could neither quote what was refused nor say why.
 */
export function NumberInput({ entry, integer = false, ...rest }: NumberInputProps) {
  return (
    <input
      {...rest}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellCheck={false}
      value={entry.text}
      onChange={(e) => entry.type(e.target.value)}
      onBlur={() => entry.commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') entry.commit(true);
      }}
    />
  );
}

/** What happened to the last typed value (clamped or refused), beside its field until the user types again. */
export function FieldNote({ id, note }: { id: string; note: string | null }) {
  return note ? (
    <p className="field-note" id={id} role="status">
      {note}
    </p>
  ) : null;
}
