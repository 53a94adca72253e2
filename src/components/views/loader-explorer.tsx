import { useState } from 'react';
import { ordinal } from './loader-text';
import { FieldNote, NumberInput } from '../controls/number-input';
import { readNumber } from '../controls/read-input';
import { Segmented } from '../controls/segmented';
import { useNumberEntry } from '../controls/use-number-entry';
import { SHUFFLE_OPTIONS } from '../controls/shuffle-control';
import { copyText } from '../runs/copy-text';
import { EXPLORER_ITEMS, explorerCommand, explorerEpochs, INITIAL_EXPLORER, type ExplorerSettings } from './loader-explorer-model';

// The explorer's largest seed: six digits are plenty of different orders, and quick to type.
const EXPLORER_SEED_MAX = 999_999;

/** An item's colour: its number along a light-to-dark ramp, so the stored order reads as a smooth gradient. */
function itemColour(item: number): string {
  const t = item / (EXPLORER_ITEMS - 1);
  return `hsl(205 70% ${88 - 48 * t}%)`;
}

function Item({ item, dropped = false }: { item: number; dropped?: boolean }) {
  return (
    <span className={dropped ? 'item dropped' : 'item'} style={{ background: itemColour(item), color: item > 8 ? '#ffffff' : '#1d2733' }}>
      {item}
    </span>
  );
}

/** The source text's DataLoader(range(15), batch_size=5, shuffle=True), by hand: the same batches as the CLI prints. */
export function LoaderExplorer() {
  const [settings, setSettings] = useState<ExplorerSettings>(INITIAL_EXPLORER);
  const [copied, setCopied] = useState<string | null>(null);
  // Any setting other than the epoch count starts the loader over, like a new DataLoader would.
  const change = (next: Partial<ExplorerSettings>) => {
    setSettings((s) => ({ ...s, ...next, epochs: 1 }));
    setCopied(null);
  };
  const batchEntry = useNumberEntry(settings.batchSize, (text) => readNumber(text, { min: 1, max: EXPLORER_ITEMS, integer: true }, 'batch size'), (batchSize) => change({ batchSize }));
  const seedEntry = useNumberEntry(settings.seed, (text) => readNumber(text, { min: 0, max: EXPLORER_SEED_MAX, integer: true }, 'seed'), (seed) => change({ seed }));
  const command = explorerCommand(settings);
  const copy = async () => setCopied((await copyText(command)) ? 'Copied' : command);
  const epochs = explorerEpochs(settings);
  return (
    <section className="loader-explorer" aria-label="15 items, batch 5">
      <div className="explorer-controls">
        <label className="inline-field">
          <span>Batch size</span>
          <NumberInput entry={batchEntry} integer aria-describedby={batchEntry.note ? 'explorer-batch-note' : undefined} />
        </label>
        <Segmented label="Explorer shuffle" name="explorer-shuffle" options={SHUFFLE_OPTIONS} value={settings.shuffle} onChange={(shuffle) => change({ shuffle })} />
        <label className="toggle">
          <input type="checkbox" checked={settings.dropLast} onChange={(e) => change({ dropLast: e.target.checked })} />
          drop last
        </label>
        <label className="inline-field">
          <span>Seed</span>
          <NumberInput entry={seedEntry} integer aria-describedby={seedEntry.note ? 'explorer-seed-note' : undefined} />
        </label>
      </div>
      <FieldNote id="explorer-batch-note" note={batchEntry.note} />
      <FieldNote id="explorer-seed-note" note={seedEntry.note} />
      <ol className="explorer-epochs">
        {epochs.map((e) => (
          <li key={e.epoch} aria-label={`Epoch ${ordinal(e.epoch)}`}>
            <span className="explorer-epoch-label">epoch {ordinal(e.epoch)}</span>
            {e.batches.map((batch, b) => (
              <span key={b} className={batch.length < settings.batchSize ? 'explorer-batch partial' : 'explorer-batch'} aria-label={`Batch ${ordinal(b)}: ${batch.join(', ')}${batch.length < settings.batchSize ? ' (partial)' : ''}`} data-testid="explorer-batch">
                {batch.map((item) => (
                  <Item key={item} item={item} />
                ))}
              </span>
            ))}
            {e.dropped.length > 0 ? (
              <span className="explorer-batch dropped" aria-label={`Dropped: ${e.dropped.join(', ')}`}>
                {e.dropped.map((item) => (
                  <Item key={item} item={item} dropped />
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="explorer-actions">
        <button type="button" onClick={() => setSettings((s) => ({ ...s, epochs: s.epochs + 1 }))}>
          Next epoch
        </button>
        <button type="button" onClick={() => change({})} disabled={settings.epochs === 1}>
          Start over
        </button>
        <button type="button" onClick={() => void copy()} title="The experiment CLI's loader command that prints these batches">
          Copy as CLI
        </button>
        {copied ? (
          <span className="copied" role="status">
            {copied === 'Copied' ? 'Command copied.' : <code>{copied}</code>}
          </span>
        ) : null}
      </div>
      <p className="panel-note">
        {epochs.length < settings.epochs ? `The latest ${epochs.length} of ${settings.epochs} epochs. ` : ''}
        Same batches as <code>{command}</code>
      </p>
    </section>
  );
}
