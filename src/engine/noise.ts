/**
 * Gradient-noise statistics (pure maths). With G the full-training-set gradient and g_i the per-example gradients,
 * tr(Σ) = (1/N) Σ_i |g_i − G|² (population covariance) and a batch of B drawn without replacement has
 * E|g_B − G|² = tr(Σ)/B · (N − B)/(N − 1).
 */

/** (N − B) / (B (N − 1)): how much of tr(Σ) a batch of B out of N keeps as error; 1 at B = 1, 0 at B = N. */
export function samplingVarianceFactor(n: number, batchSize: number): number {
  if (batchSize >= n || n <= 1) return 0;
  return (n - batchSize) / (batchSize * (n - 1));
}

/** Expected |g_B − G|² for a batch of B drawn without replacement from N (squared gradient units). */
export function expectedBatchErrorSq(traceSigma: number, n: number, batchSize: number): number {
  return traceSigma * samplingVarianceFactor(n, batchSize);
}

/** The simple noise scale B_simple = tr(Σ)/|G|² (examples); infinite when the gradient vanishes. */
export function simpleNoiseScale(traceSigma: number, gradNormSq: number): number {
  return gradNormSq > 0 ? traceSigma / gradNormSq : Number.POSITIVE_INFINITY;
}

/** cos(a, b) from a·b, |a|², |b|²; 0 when either vector is zero. */
export function cosineFromDots(dot: number, normSqA: number, normSqB: number): number {
  const denominator = Math.sqrt(normSqA * normSqB);
  return denominator > 0 ? dot / denominator : 0;
}

/** A batch gradient's size and squared norm, as seen by the two-batch estimator. */
export interface BatchGradientSample {
  batchSize: number;
  normSq: number;
}

/** Unbiased one-shot estimates of |G|² and tr(Σ). */
export interface NoiseEstimate {
  gradNormSq: number;
  traceSigma: number;
}

/**
 * McCandlish et al. (2018, appendix A.1) from two batch sizes, with the finite-population correction:
 * E|g_B|² = |G|² + c_B tr(Σ), c_B = samplingVarianceFactor(N, B); two sizes give two equations in two unknowns.
 * Returns null when both sizes have the same c_B (e.g. both are the full set).
 */
export function twoBatchEstimate(n: number, small: BatchGradientSample, big: BatchGradientSample): NoiseEstimate | null {
  const cSmall = samplingVarianceFactor(n, small.batchSize);
  const cBig = samplingVarianceFactor(n, big.batchSize);
  if (cSmall - cBig <= 0) return null;
  const traceSigma = (small.normSq - big.normSq) / (cSmall - cBig);
  return { gradNormSq: big.normSq - cBig * traceSigma, traceSigma };
}

/** The estimator's smoothed output: moving averages of |G|² and tr(Σ), and their ratio. */
export interface SmoothedNoiseEstimate extends NoiseEstimate {
  bSimple: number;
  samples: number;
}

/** Keeps bias-corrected exponential moving averages of each term; the noise scale is the ratio of the averages. */
export interface NoiseScaleEstimator {
  update(n: number, small: BatchGradientSample, big: BatchGradientSample): SmoothedNoiseEstimate | null;
}

/** Creates an estimator; `smoothing` in [0, 1) is the EMA decay per measurement. */
export function createNoiseScaleEstimator(smoothing = 0.9): NoiseScaleEstimator {
  let gradNormSqAverage = 0;
  let traceSigmaAverage = 0;
  let samples = 0;
  return {
    update(n, small, big) {
      const estimate = twoBatchEstimate(n, small, big);
      if (!estimate) return null;
      samples++;
      gradNormSqAverage = smoothing * gradNormSqAverage + (1 - smoothing) * estimate.gradNormSq;
      traceSigmaAverage = smoothing * traceSigmaAverage + (1 - smoothing) * estimate.traceSigma;
      const correction = 1 - smoothing ** samples;
      const gradNormSq = gradNormSqAverage / correction;
      const traceSigma = traceSigmaAverage / correction;
      return { gradNormSq, traceSigma, bSimple: simpleNoiseScale(traceSigma, gradNormSq), samples };
    },
  };
}

/** Estimates averaged before the two-batch figure is shown as a number. */
export const SETTLED_SAMPLES = 10;

/**
 * Whether a two-batch estimate can be read as a number: enough samples averaged, and both averaged terms positive
 * (early on, or by bad luck, the differences can make |G|² or tr(Σ) negative, and their ratio meaningless).
 */
export function estimateSettled(estimate: SmoothedNoiseEstimate): boolean {
  return estimate.samples >= SETTLED_SAMPLES && estimate.gradNormSq > 0 && estimate.traceSigma > 0 && Number.isFinite(estimate.bSimple);
}

/** √(|g_B − G|² / |G|²): how far the batch gradient is from the full one, relative to the full one's length. */
export function relativeError(errorSq: number, gradNormSq: number): number {
  return gradNormSq > 0 ? Math.sqrt(errorSq / gradNormSq) : Number.POSITIVE_INFINITY;
}
