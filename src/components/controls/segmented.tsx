/** One choice of a segmented switch; `title` is its tooltip. */
export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  title?: string;
}

/** A row of radio buttons drawn as joined segments (one tab stop, arrow keys move the choice). */
export function Segmented<T extends string>({ label, name, options, value, onChange, className }: { label: string; name: string; options: readonly SegmentedOption<T>[]; value: T; onChange(value: T): void; className?: string }) {
  return (
    <div className={className ? `segmented ${className}` : 'segmented'} role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} title={o.title} className={o.value === value ? 'selected' : undefined}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
