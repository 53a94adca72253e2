import { useUiStore, type XAxis } from '../../store/ui-store';
import { ZoomButtons } from './zoom-buttons';
import { Segmented } from '../controls/segmented';

const AXES: { value: XAxis; label: string; meaning: string }[] = [
  { value: 'steps', label: 'steps', meaning: 'Per step: every weight update counts the same, however many examples it looked at.' },
  { value: 'epochs', label: 'epochs', meaning: 'Per epoch: one pass over the data. B = 1 takes N steps per epoch, B = N just one.' },
  { value: 'examples', label: 'examples', meaning: 'Per example seen: the same amount of data read, split into few large or many small steps.' },
  { value: 'seconds', label: 'seconds', meaning: 'Per second of compute, each run timed on its own: what the device makes of each batch size.' },
];

/** The x-axis switch, log-y toggle and zoom buttons; the sentence under it says what the current axis compares. */
export function AxisSwitch() {
  const xAxis = useUiStore((s) => s.xAxis);
  const logY = useUiStore((s) => s.logY);
  const { setXAxis, setLogY } = useUiStore.getState();
  const current = AXES.find((a) => a.value === xAxis)!;
  return (
    <div className="axis-switch">
      <Segmented label="Loss chart x-axis" name="x-axis" options={AXES} value={xAxis} onChange={setXAxis} />
      <label className="toggle">
        <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} />
        log y
      </label>
      <ZoomButtons />
      <p className="axis-meaning" aria-live="polite">
        {current.meaning}
      </p>
    </div>
  );
}
