/**
 * Held-out evaluation shared by `npm run nlu:eval` and the accuracy tests, so that both
 * report the very same numbers.
 */
import { TextClassifier, type Engine } from './classifier';
import { holdOutSplit, readExamples, type Example } from './dataset';
import { buildVocabulary } from './features';

/** Precision, recall and F1 of one label. */
export interface LabelMetrics {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Held-out examples of this label. */
  readonly support: number;
}

/** Result of one held-out evaluation. */
export interface Evaluation {
  readonly engine: Engine;
  readonly accuracy: number;
  readonly perLabel: readonly LabelMetrics[];
  /** Mean negative log-likelihood of the true label (lower is better calibrated). */
  readonly logLoss: number;
  /** Mean confidence of the predicted label (compare with accuracy). */
  readonly meanConfidence: number;
  readonly trainMs: number;
  readonly heldOut: number;
  /** Misclassified held-out examples, for reviewers. */
  readonly errors: readonly { text: string; expected: string; predicted: string }[];
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  readonly engine: Engine;
  readonly temperature?: number;
  /** Held-out period (every n-th example of each label); 5 by default. */
  readonly every?: number;
}

/** Trains on all but every 5th example of each label and measures the rest. */
export function evaluate<L extends string>(
  examples: readonly Example<L>[],
  labels: readonly L[],
  options: EvaluateOptions,
): Evaluation {
  const { train, heldOut } = holdOutSplit(examples, options.every ?? 5);
  const vocabulary = buildVocabulary(train.map((example) => example.text));
  const started = performance.now();
  const classifier = TextClassifier.train(train, {
    engine: options.engine,
    vocabulary,
    // Both label lists end with their catch-all label, `other`.
    fallback: labels[labels.length - 1],
    temperature: options.temperature,
  });
  const trainMs = performance.now() - started;
  const predictions = heldOut.map((example) => {
    const ranked = classifier.rank(example.text);
    const truth = ranked.find((score) => score.label === example.label)?.confidence ?? 0;
    return { example, best: ranked[0], truth };
  });
  const perLabel = labels.map((label) => {
    const truePositives = predictions.filter(
      (p) => p.best.label === label && p.example.label === label,
    ).length;
    const predicted = predictions.filter((p) => p.best.label === label).length;
    const support = predictions.filter((p) => p.example.label === label).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const correct = predictions.filter((p) => p.best.label === p.example.label);
  return {
    engine: options.engine,
    accuracy: correct.length / predictions.length,
    perLabel,
    logLoss: predictions.reduce((sum, p) => sum - Math.log(Math.max(p.truth, 1e-6)), 0) / predictions.length,
    meanConfidence: predictions.reduce((sum, p) => sum + p.best.confidence, 0) / predictions.length,
    trainMs,
    heldOut: predictions.length,
    errors: predictions
      .filter((p) => p.best.label !== p.example.label)
      .map((p) => ({ text: p.example.text, expected: p.example.label, predicted: p.best.label })),
  };
}

/** Reads a data file and evaluates it. */
export function evaluateFile<L extends string>(
  file: string,
  labels: readonly L[],
  options: EvaluateOptions,
): Evaluation {
  return evaluate(readExamples(file, labels), labels, options);
}
