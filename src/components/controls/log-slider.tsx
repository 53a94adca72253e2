import { useId } from 'react';
import { FieldNote, NumberInput } from './number-input';
import { readNumber, type Reading } from './read-input';
import { useNumberEntry } from './use-number-entry';

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
  const entry = useNumberEntry(value, (text) => (read ? read(text) : readNumber(text, { min, max, integer: integer ?? false }, noun ?? label.toLowerCase())), onChange);
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
            entry.dismiss();
            onChange(fromPosition(Number(e.target.value)));
          }}
        />
        <NumberInput entry={entry} integer={integer} className="number-field" aria-label={`${label} (number)`} aria-describedby={entry.note ? `${id}-note` : undefined} />
        {suffix ? <span className="suffix">{suffix}</span> : null}
      </div>
      <FieldNote id={`${id}-note`} note={entry.note} />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
