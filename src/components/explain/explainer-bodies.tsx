import { Formula } from './formula';

/** What the noise view shows, in a few sentences, with its formulas. */
export function NoiseExplainerBody() {
  return (
    <>
      <p>
        <Formula tex="G" label="G" /> is the gradient over the whole training set: the direction a full-batch step would take.{' '}
        <Formula tex="g_B" label="g B" /> is the gradient of the batch a run is about to train on. One example’s gradient can point almost
        anywhere; averaging more examples pulls it towards <Formula tex="G" label="G" />.
      </p>
      <p>
        Left: how far the batch gradient misses, <Formula tex="\lvert g_B - G\rvert / \lvert G\rvert" label="the length of g B minus G, over the length of G" />{' '}
        (or the cosine of the angle between them). Dots are single measurements, the bold line their running root mean square. The dashed line is what a
        batch drawn at random misses by on average, from
      </p>
      <Formula
        block
        tex="\mathbb{E}\,\lvert g_B - G\rvert^2 = \frac{\operatorname{tr}(\Sigma)}{B}\cdot\frac{N - B}{N - 1}"
        label="expected squared error equals the trace of Sigma over B, times N minus B over N minus 1"
      />
      <p>
        where <Formula tex="\operatorname{tr}(\Sigma)" label="trace of Sigma" /> is how much single examples’ gradients scatter around{' '}
        <Formula tex="G" label="G" />. Doubling B halves the squared error; at B = N it is zero. B = N is not drawn on the log axis for that reason.
      </p>
      <p>Right: the noise scale, the batch size at which a step holds about as much noise as signal.</p>
      <Formula block tex="B_{\text{simple}} = \frac{\operatorname{tr}(\Sigma)}{\lvert G\rvert^2}" label="B simple equals trace of Sigma over the squared length of G" />
      <p>
        The solid line uses every example’s own gradient. The dashed line estimates it the way one could on a large model, from just two batch sizes
        (this run’s B and one ten times larger, McCandlish et al., 2018); it appears once ten estimates have been averaged and both of its terms are
        positive. A batch below the noise scale mostly buys a better direction by growing; well above it, more examples per step change little.
      </p>
      <p>
        Near a minimum <Formula tex="\lvert G\rvert" label="the length of G" /> shrinks towards 0 while single examples still disagree, so both
        ratios grow without bound: late in training every batch looks noisy next to a vanishing signal.
      </p>
    </>
  );
}

/** What the variance view shows. */
export function VarianceExplainerBody() {
  return (
    <>
      <p>
        Every example has its own gradient <Formula tex="g_i" label="g i" />; a batch’s gradient is their average. For each batch size the app draws 200
        batches without replacement from the chosen run’s per-example gradients, averages their rows (no extra backward passes), and measures how far each
        lands from the full gradient <Formula tex="G" label="G" />. For random batches, sampling theory says
      </p>
      <Formula
        block
        tex="\mathbb{E}\,\lvert g_B - G\rvert^2 = \frac{\operatorname{tr}(\Sigma)}{B}\cdot\frac{N - B}{N - 1}, \qquad \operatorname{tr}(\Sigma) = \frac{1}{N}\sum_i \lvert g_i - G\rvert^2"
        label="expected squared error equals trace of Sigma over B times N minus B over N minus 1, where trace of Sigma is the mean squared distance of the examples' gradients from G"
      />
      <p>
        On log-log axes that is a line of slope −1 (twice the batch, half the squared error) that bends down to 0 at B = N, where the batch is the whole set.
        The second factor is there because a batch drawn without replacement covers more of a finite set.
      </p>
    </>
  );
}

/** What the cloud view shows. */
export function CloudExplainerBody() {
  return (
    <>
      <p>
        Each dot is the gradient of one randomly drawn batch at the chosen run’s current weights; the ringed dot is the full gradient{' '}
        <Formula tex="G" label="G" />. With two parameters the dots sit where they are, at <Formula tex="(\partial_w, \partial_b)" label="d w, d b" />.
        With many, each batch gradient is drawn by its part along <Formula tex="G" label="G" /> and by the size of everything else:
      </p>
      <Formula
        block
        tex="\Big(\, g_B\cdot u,\ \big\lvert g_B - (g_B\cdot u)\,u \big\rvert \,\Big), \qquad u = G / \lvert G\rvert"
        label="g B dot u, and the length of g B minus its part along u, where u is G over its length"
      />
      <p>
        so a cloud cannot look tight while its directions disagree. Small batches scatter widely; as B grows the cloud closes in on{' '}
        <Formula tex="G" label="G" /> (its typical distance shrinks like <Formula tex="1/\sqrt{B}" label="one over root B" />), and at B = N it is the single point G.
      </p>
    </>
  );
}

/** What the loss landscape shows. */
export function LandscapeExplainerBody() {
  return (
    <>
      <p>The linear model has two parameters, so its whole loss fits on a map. The coloured bands are heights of the exact full-batch loss</p>
      <Formula block tex="L(w, b) = \frac{1}{N}\sum_{i=1}^{N} \big(w\,x_i + b - y_i\big)^2" label="L of w and b equals the mean over all examples of w x i plus b minus y i, squared" />
      <p>
        and × is its lowest point, the least-squares fit. Full-batch descent always steps straight downhill. A single example’s gradient points downhill for
        that example only, so B = 1 zig-zags. With a constant learning rate the small batches never settle: near the optimum their steps are mostly noise, and they
        wander in a “noise ball” (dashed) whose size grows with lr / B. A smaller lr or a larger batch shrinks it.
      </p>
    </>
  );
}

/** What the DataLoader view shows: why shuffle, why every epoch, what a partial last batch is. */
export function LoaderExplainerBody() {
  return (
    <>
      <p>
        A loader hands the training set to the optimiser in pieces: it puts the N examples in some order, then cuts that order into runs of B. One pass over
        all of them is an epoch, so an epoch has ⌈N / B⌉ steps. Shuffling happens first, before the cut; that is what decides which examples end up
        together.
      </p>
      <p>
        <strong>Why shuffle.</strong> A mini-batch step is only a good stand-in for the full gradient if the batch looks like the data as a whole. The
        data here is stored sorted (by class, or by x on “line”), so without shuffling a batch holds one class: its step pushes the model towards that
        class, the next class’s batches push it back, and the batch loss swings from one end of the epoch to the other. The composition chart shows the
        cause (each batch’s class mix) above the effect (its loss).
      </p>
      <p>
        <strong>Why every epoch.</strong> Shuffling once fixes the batches for good: the same batches, with the same quirks, come round in the same order
        every epoch. A new order every epoch gives each batch new company, so no batch’s quirk is repeated epoch after epoch.
      </p>
      <p>
        <strong>The last batch.</strong> When B does not divide N, the last batch of each epoch is short. Its gradient is noisier than the others’, yet its
        step counts as much. “Drop last” skips it instead; with shuffling on, different examples are skipped each epoch, so none is left out for long.
      </p>
    </>
  );
}

/** What the throughput view shows: steps per second against examples per second. */
export function ThroughputExplainerBody() {
  return (
    <>
      <p>
        Two speeds, read from the same timed steps. Steps per second is how often a run updates its weights; examples per second is how much data it
        gets through. Examples per second is steps per second times B.
      </p>
      <p>
        A step costs a fixed amount however small the batch (launching the work, reading the loss back) plus an amount that grows with B. While the
        fixed part dominates, a bigger batch costs little extra per step, so examples per second climb with B; B = 1 takes the most steps but gets
        through the fewest examples, and a full batch is the other way round. A GPU has many units working in parallel and the largest fixed cost, so
        it needs many examples per step before it is busy; a CPU reaches that point much sooner. Compare the two charts’ gaps on this device.
      </p>
      <p>Which matters depends on the question: progress per update (the loss chart’s steps axis) or progress per second (its seconds axis).</p>
    </>
  );
}

/** What the batch-size sweep shows: fixed cost per step, saturation, and memory. */
export function SweepExplainerBody() {
  return (
    <>
      <p>
        Every step pays a fixed price before any example is touched: the browser hands the work to the backend, a GPU starts its programs, and the
        loss comes back. On top of that each example costs a little. While the fixed price dominates, doubling B barely lengthens a step, so examples
        per second double too: the flat, <em>overhead-bound</em> part of the left chart. Once the per-example work dominates, a step takes twice as long
        for twice the examples and examples per second stop growing: the device is <em>saturated</em>.
      </p>
      <p>
        A GPU has thousands of arithmetic units and the highest fixed price per step, so it only pays off when each step gives it enough examples to keep
        them busy. With one example per step it mostly waits, and the CPU, which starts work cheaply, can win. Where the lines cross is where the
        accelerator starts to earn its keep on this machine; a wider model (try 256 or 1,024) gives each example more work and moves that point.
      </p>
      <p>
        Memory is the other limit. A step keeps every layer’s activations for each example in the batch until the backward pass has used them, so its
        peak grows in a straight line with B on top of what is always there (the data, the weights, their gradients). The bytes per example come from
        fitting that line to the measured peaks; the budget then says which batch sizes would fit. Past that point the step fails to allocate, and the
        sweep stops there and says so. The largest usable batch is set by memory, the smallest sensible one by the fixed cost per step.
      </p>
    </>
  );
}
