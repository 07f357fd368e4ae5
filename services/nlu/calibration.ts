/**
 * Choosing the softmax temperature from the training examples alone.
 *
 * @remarks
 * The examples are dealt into {@link CALIBRATION_FOLDS} folds (example i goes to fold
 * i mod k, so every label is spread over all folds); a model trained on the other folds
 * scores each fold, and the temperature minimising the log-loss of those out-of-fold
 * scores is kept. The held-out sentences of `npm run nlu:eval` never take part.
 */

/** Number of cross-validation folds used to fit the temperature. */
export const CALIBRATION_FOLDS = 4;
/** Temperatures tried, from sharpening (< 1) to flattening (> 1). */
export const TEMPERATURE_GRID: readonly number[] = [
  0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3,
];

type Trainer = (
  documents: readonly { features: readonly string[]; label: number }[],
  size: number,
) => (features: string[]) => Float64Array | null;

/** Mean negative log-likelihood of the true labels for logits at a temperature. */
export function logLoss(
  scored: readonly { logits: Float64Array; label: number }[],
  temperature: number,
): number {
  let total = 0;
  for (const { logits, label } of scored) {
    let max = -Infinity;
    for (const value of logits) max = Math.max(max, value / temperature);
    let sum = 0;
    for (const value of logits) sum += Math.exp(value / temperature - max);
    total -= logits[label] / temperature - max - Math.log(sum);
  }
  return total / Math.max(scored.length, 1);
}

/** The temperature of {@link TEMPERATURE_GRID} with the lowest out-of-fold log-loss. */
export function fitTemperature(
  documents: readonly string[][],
  labels: readonly number[],
  size: number,
  train: Trainer,
  folds = CALIBRATION_FOLDS,
): number {
  const scored: { logits: Float64Array; label: number }[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const inFold = (i: number): boolean => i % folds === fold;
    const scorer = train(
      documents.flatMap((features, i) => (inFold(i) ? [] : [{ features, label: labels[i] }])),
      size,
    );
    documents.forEach((features, i) => {
      if (!inFold(i)) return;
      const logits = scorer(features);
      if (logits !== null) scored.push({ logits, label: labels[i] });
    });
  }
  let best = 1;
  let bestLoss = Infinity;
  for (const temperature of TEMPERATURE_GRID) {
    const loss = logLoss(scored, temperature);
    if (loss < bestLoss) {
      best = temperature;
      bestLoss = loss;
    }
  }
  return best;
}
