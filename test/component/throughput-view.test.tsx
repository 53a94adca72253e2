import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThroughputView } from '../../src/components/views/throughput-view';
import { useMetricsStore } from '../../src/store/metrics-store';
import { throughputSeries } from '../../src/store/throughput-series';
import { resetStores } from './fixtures';

/** Recorded speeds: B = 1 at 280 steps/s, B = 32 at 240, B = N (512) at 157. */
function recorded(stepsPerSecond: number, batchSize: number) {
  return throughputSeries(
    Array.from({ length: 20 }, (_, i) => ({ step: 10 * i, epoch: (10 * i * batchSize) / 512, examples: 10 * i * batchSize, seconds: i / 10, stepsPerSecond, examplesPerSecond: stepsPerSecond * batchSize })),
    'steps',
  );
}

describe('the throughput view', () => {
  beforeEach(resetStores);

  it('says to press Play before anything is measured', () => {
    render(<ThroughputView />);
    expect(screen.getAllByText('Press ▶ Play: each run’s speed is read from its timed blocks of steps, after its first 10 s of warm-up (first use runs slower).')).toHaveLength(2);
  });

  it('draws steps/s and examples/s for every run, with text alternatives and the reading of the extremes', () => {
    useMetricsStore.setState({ throughput: { single: recorded(280, 1), mini: recorded(240, 32), full: recorded(157, 512) } });
    render(<ThroughputView />);
    expect(screen.getByRole('img', { name: 'Steps per second of each run over training, on its own compute clock. Latest: B = 1 280; B = 32 240; B = N (512) 157.' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Examples per second of each run over training, on its own compute clock. Latest: B = 1 280; B = 32 7,680; B = N (512) 80,384.' })).toBeInTheDocument();
    expect(screen.getByText('Right now B = 1 takes 1.8× as many steps per second as B = N (512), whose 512-example steps get through 287× as many examples per second.')).toBeInTheDocument();
  });
});
