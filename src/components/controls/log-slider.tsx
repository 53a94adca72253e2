import { useId } from 'react';
import { useDraft } from './use-draft';

export interface LogSliderProps {
  label: string;
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
}

/** A slider on a log scale with a number field beside it; both edit the same value. */
export function LogSlider({ label, hint, value, min, max, stops, resolution = 12, format, onChange, suffix, integer }: LogSliderProps) {
  const id = useId();
  const [draft, setDraft, clearDraft] = useDraft(value, String);
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
    const parsed = Number(draft);
    clearDraft();
    if (draft.trim() === '' || !Number.isFinite(parsed)) return;
    const clamped = Math.min(max, Math.max(min, integer ? Math.round(parsed) : parsed));
    if (clamped !== value) onChange(clamped);
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
          onChange={(e) => onChange(fromPosition(Number(e.target.value)))}
        />
        <input
          type="number"
          className="number-field"
          aria-label={`${label} (number)`}
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
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
