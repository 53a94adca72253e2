import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ViewTab<K extends string> {
  key: K;
  label: string;
}

/**
 * Tabs over one panel (the WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs, one tab stop).
 * Only the selected view is rendered: a hidden chart would still be redrawn at every update.
 */
export function ViewTabs<K extends string>({ tabs, selected, onSelect, label, children }: { tabs: readonly ViewTab<K>[]; selected: K; onSelect(key: K): void; label: string; children: ReactNode }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(0, tabs.findIndex((t) => t.key === selected));
  const move = (event: KeyboardEvent) => {
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + tabs.length) % tabs.length;
    onSelect(tabs[next]!.key);
    buttons.current[next]?.focus();
  };
  return (
    <section className="panel views-panel" aria-label={label}>
      <div className="view-tabs" role="tablist" aria-label={label} onKeyDown={move}>
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(element) => {
              buttons.current[i] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`view-${tab.key}`}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="view-body" role="tabpanel" id={`view-${tabs[index]!.key}`} aria-labelledby={`tab-${tabs[index]!.key}`}>
        {children}
      </div>
    </section>
  );
}
