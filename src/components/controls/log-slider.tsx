import { useId, useState } from 'react';
import { readNumber, type Reading } from './read-input';
import { useDraft } from './use-draft';

export interface LogSliderProps {
  label: string;
  /** What the value is called in a clamp note ("N"); default: the label in lower case. */
  noun?: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  /** Values the slider snaps to (ascending); the number field takes anything in [min, max]. */
  stops?: number[];
  /** Slider steps per decade when there are no stops. */
  resolution?: number;
  format(value: number): string;
  onChange(value: number): void;
  /** Extra text shown after the number field. */
  suffix?: string;
  integer?: boolean;
  /** Reads the number field's text (default: a number, clamped to [min, max] with a note saying so). */
  read?(text: string): Reading<number>;
}

/** A slider on a log scale with a number field beside it; both edit the same value. */
export function LogSlider({ label, noun, hint, value, min, max, stops, resolution = 12, format, onChange, suffix, integer, read }: LogSliderProps) {
  const id = useId();
  const [draft, setDraft, clearDraft] = useDraft(value, String);
  // What happened to the last typed value (clamped or refused), shown beside the field until the next change.
  const [note, setNote] = useState<string | null>(null);
  const positions = stops ? stops.length - 1 : Math.round(Math.log10(max / min) * resolution);
  const toPosition = (v: number) => {
    if (stops) {
      let best = 0;
      stops.forEach((s, i) => {
        if (Math.abs(Math.log(s) - Math.log(v)) < Math.abs(Math.log(stops[best]!) - Math.log(v))) best = i;
      });
      return best;
    }
    return Math.round((Math.log10(v / min) / Math.log10(max / min)) * positions);
  };
  const fromPosition = (p: number) => (stops ? stops[p]! : Number((min * (max / min) ** (p / positions)).toPrecision(2)));
  const commit = () => {
    if (draft === String(value)) return;
    const reading = read ? read(draft) : readNumber(draft, { min, max, integer: integer ?? false }, noun ?? label.toLowerCase());
    clearDraft();
    setNote(reading.note);
    if (reading.value !== null && reading.value !== value) onChange(reading.value);
  };
  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={`${id}-range`}>{label}</label>
        <output htmlFor={`${id}-range`}>{format(value)}</output>
      </div>
      <div className="slider-row">
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={positions}
          step={1}
          value={toPosition(value)}
          aria-valuetext={format(value)}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setNote(null);
            onChange(fromPosition(Number(e.target.value)));
          }}
        />
        <input
          type="number"
          className="number-field"
          aria-label={`${label} (number)`}
          aria-describedby={note ? `${id}-note` : undefined}
          value={draft}
          min={min}
          max={max}
          step="any"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {suffix ? <span className="suffix">{suffix}</span> : null}
      </div>
      {note ? (
        <p className="field-note" id={`${id}-note`} role="status">
          {note}
        </p>
      ) : null}
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
