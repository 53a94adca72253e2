import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LossChartView } from '../../src/components/charts/loss-chart';
import { runSeries } from '../../src/store/chart-series';
import { defaultRuns } from '../../src/store/run-settings';
import { evalPoint } from './fixtures';

const evals = [evalPoint({ step: 0, examples: 0, trainLoss: 0.7 }), evalPoint({ step: 50, examples: 1600, trainLoss: 0.41 }), evalPoint({ step: 100, examples: 3200, trainLoss: 0.3 })];

describe('loss chart', () => {
  it('invites the user to press Play before there is data', () => {
    render(<LossChartView runs={defaultRuns(32)} n={512} series={{}} pinned={[]} xAxis="steps" logY />);
    expect(screen.getByText(/Press ▶ Play/)).toBeInTheDocument();
  });

  it('has a text alternative with each run’s latest training loss on the chosen axis', () => {
    const series = { mini: runSeries({ chunks: [], evals, events: [] }, 'examples', false), single: runSeries({ chunks: [], evals: [], events: [] }, 'examples', false) };
    render(<LossChartView runs={defaultRuns(32)} n={512} series={series} pinned={[]} xAxis="examples" logY={false} />);
    expect(screen.getByRole('img', { name: /B = 32: training loss 0.3 at 3,200 examples seen/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /B = 1: no data yet/ })).toBeInTheDocument();
  });
});
