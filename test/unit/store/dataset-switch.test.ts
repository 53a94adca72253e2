import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/experiment/config';
import { initialSettings, useSettingsStore } from '../../../src/store/settings-store';

const experiment = () => useSettingsStore.getState().experiment;
const { setExperiment } = useSettingsStore.getState();

describe('switching dataset', () => {
  beforeEach(() => useSettingsStore.setState(initialSettings()));

  it('moves noise, model, hidden and activation still at the old dataset’s defaults to the new one’s', () => {
    setExperiment({ dataset: 'spiral' });
    expect(experiment()).toEqual(defaultConfig('spiral'));
    setExperiment({ dataset: 'line' });
    expect(experiment()).toEqual(defaultConfig('line'));
    setExperiment({ dataset: 'moons' });
    expect(experiment()).toEqual(defaultConfig('moons'));
  });

  it('keeps the values the user changed and moves the rest', () => {
    setExperiment({ noise: 0.3, hidden: [8] });
    setExperiment({ dataset: 'spiral' });
    expect(experiment()).toMatchObject({ dataset: 'spiral', noise: 0.3, hidden: [8], activation: 'relu', model: 'mlp' });
    setExperiment({ activation: 'tanh' });
    setExperiment({ dataset: 'circles' });
    expect(experiment()).toMatchObject({ dataset: 'circles', noise: 0.3, hidden: [8], activation: 'tanh', model: 'mlp' });
  });

  it('lets values set in the same change win over the new dataset’s defaults', () => {
    setExperiment({ dataset: 'spiral', noise: 0.1, hidden: [16] });
    expect(experiment()).toMatchObject({ dataset: 'spiral', noise: 0.1, hidden: [16], activation: 'relu' });
  });

  it('applies the same rule to the model, and never leaves the linear model off line', () => {
    setExperiment({ dataset: 'line' });
    setExperiment({ model: 'mlp', hidden: [4] });
    setExperiment({ dataset: 'blobs' });
    expect(experiment()).toMatchObject({ model: 'mlp', hidden: [4] });
    // On blobs the MLP is the default again, so it moves back to line's linear model; the widths the user set stay.
    setExperiment({ dataset: 'line' });
    expect(experiment()).toMatchObject({ model: 'linear', hidden: [4] });
    setExperiment({ dataset: 'spiral', model: 'linear' });
    expect(experiment().model).toBe('mlp');
  });

  it('leaves the settings alone when the dataset does not change', () => {
    setExperiment({ noise: 0.3 });
    setExperiment({ dataset: 'moons' });
    expect(experiment().noise).toBe(0.3);
  });
});
