import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { LandscapeView } from '../../src/components/views/landscape-view';
import { useMetricsStore } from '../../src/store/metrics-store';
import { useSettingsStore } from '../../src/store/settings-store';
import { resetStores } from './fixtures';

describe('loss landscape view', () => {
  beforeEach(resetStores);

  it('offers to switch to line with the linear model where the landscape cannot be drawn', () => {
    render(<LandscapeView />);
    fireEvent.click(screen.getByRole('button', { name: 'Switch to line with the linear model' }));
    expect(useSettingsStore.getState().experiment.dataset).toBe('line');
    expect(useSettingsStore.getState().experiment.model).toBe('linear');
  });

  it('describes the optimum and where each run stands; a run settled long enough reports its noise ball', () => {
    useSettingsStore.getState().setExperiment({ dataset: 'line', model: 'linear' });
    const around = (r: number) => Array.from({ length: 40 }, (_, i) => ({ step: i, w: 2 + r * Math.cos(i), b: 0.45 + r * Math.sin(i) }));
    useMetricsStore.setState({ paths: { single: around(0.1), mini: around(0.01).slice(0, 10), full: [{ step: 0, w: 0, b: 0 }] } });
    render(<LandscapeView />);
    const canvas = screen.getByRole('img', { name: /^Loss landscape of the linear model on line: the least-squares optimum at w = [\d.]+, b = [-\d.]+, loss [\d.]+\. B = 1 at w = .*; B = 32 at w = .*; B = N \(512\) at w = 0, b = 0/ });
    expect(canvas.tagName).toBe('CANVAS');
    expect(screen.getByText(/wanders [\d.]+ from the optimum \(RMS of its last 20 points/)).toBeInTheDocument();
    expect(screen.getByText(/its noise ball is measured once it has 40 points/)).toBeInTheDocument();
  });
});
