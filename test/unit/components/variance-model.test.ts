import { describe, expect, it } from 'vitest';
import { beyondSample, varianceChart } from '../../../src/components/views/variance-model';
import type { GradientAnalysis } from '../../../src/runtime/protocol';

const analysis = (n: number, rows: number): GradientAnalysis => ({
  runId: 'full',
  step: 10,
  n,
  rows,
  parameters: 354,
  gradNormSq: 1,
  traceSigma: 4,
  variance: [1, 2, 4].map((b) => ({ batchSize: b, measured: 4 / b, theory: 4 / b, batches: 200 })),
  cloud: { batchSize: 32, kind: 'projection', points: [], full: [0, 0] },
  ms: 5,
});

const marks = [
  { id: 'single', label: 'B = 1', colour: '#E69F00', batchSize: 1 },
  { id: 'mini', label: 'B = 32', colour: '#0072B2', batchSize: 32 },
  { id: 'full', label: 'B = N (65,536)', colour: '#009E73', batchSize: 65_536 },
];

describe('the variance view at large N', () => {
  it('says which runs lie beyond the rows sampled, as the chart has no mark for them', () => {
    const sampled = analysis(65_536, 2_824);
    expect(varianceChart(sampled, '#0072B2', marks).marks.map((m) => m.id)).toEqual(['single', 'mini']);
    expect(beyondSample(sampled, marks)).toBe('B = N (65,536) takes more examples per step than the 2,824 sampled here, so it has no mark on the chart.');
    expect(beyondSample(analysis(512, 512), marks.slice(0, 2))).toBeNull();
  });
});
