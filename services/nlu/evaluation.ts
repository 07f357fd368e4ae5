/**
 * Held-out evaluation shared by `npm run nlu:eval` and the accuracy tests, so that both
 * report the very same numbers.
 */
import { DEFAULT_ENGINE, TextClassifier, type Engine } from './classifier';
import { CATEGORY_FEATURES, INTENT_FEATURES } from './features';
import { holdOutSplit, readCheckSet, readExamples, readTrainingData, type Example } from './dataset';
import { buildVocabulary, type FeatureOptions } from './features';
import { CATEGORIES, INTENTS } from './labels';
import type { SoftmaxOptions } from './softmax';

/** Precision, recall and F1 of one label. */
export interface LabelMetrics {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Held-out examples of this label. */
  readonly support: number;
}

/** Predictions whose confidence falls in `[from, to)`, and how often they were right. */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly accuracy: number;
  readonly meanConfidence: number;
}

/** Result of one evaluation. */
export interface Evaluation {
  readonly engine: Engine;
  readonly accuracy: number;
  readonly perLabel: readonly LabelMetrics[];
  /** Mean negative log-likelihood of the true label (lower is better calibrated). */
  readonly logLoss: number;
  /** Mean confidence of the predicted label (compare with accuracy). */
  readonly meanConfidence: number;
  /** Confidence bins of width 0.1 (empty ones left out) with their accuracy. */
  readonly reliability: readonly ReliabilityBin[];
  /** Softmax temperature the trained classifier applied. */
  readonly temperature: number;
  readonly trainMs: number;
  readonly heldOut: number;
  /** Misclassified held-out examples, for reviewers. */
  readonly errors: readonly { text: string; expected: string; predicted: string; confidence: number }[];
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  readonly engine?: Engine;
  /** Fixed softmax temperature; fitted on the training examples when absent. */
  readonly temperature?: number;
  /** Held-out period (every n-th example of each label); 5 by default. */
  readonly every?: number;
  readonly features?: FeatureOptions;
  readonly softmax?: SoftmaxOptions;
  /** Training texts left out of the typo vocabulary, as `Nlu.train` does. */
  readonly misspelt?: ReadonlySet<string>;
}

/** Trains on `train` and measures on `test` (labels end with their catch-all, `other`). */
export function evaluateSplit<L extends string>(
  train: readonly Example<L>[],
  test: readonly Example<L>[],
  labels: readonly L[],
  options: EvaluateOptions = {},
): Evaluation {
  const vocabulary = buildVocabulary(
    train.map((example) => example.text).filter((text) => !options.misspelt?.has(text)),
  );
  const started = performance.now();
  const classifier = TextClassifier.train(train, {
    ...options,
    vocabulary,
    fallback: labels[labels.length - 1],
  });
  const trainMs = performance.now() - started;
  const predictions = test.map((example) => {
    const ranked = classifier.rank(example.text);
    const truth = ranked.find((score) => score.label === example.label)?.confidence ?? 0;
    return { example, best: ranked[0], truth, right: ranked[0].label === example.label };
  });
  const perLabel = labels.map((label) => {
    const truePositives = predictions.filter((p) => p.right && p.example.label === label).length;
    const predicted = predictions.filter((p) => p.best.label === label).length;
    const support = predictions.filter((p) => p.example.label === label).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const mean = (values: readonly number[]): number =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  const reliability: ReliabilityBin[] = [];
  for (let bin = 0; bin < 10; bin += 1) {
    const inBin = predictions.filter((p) => Math.min(Math.floor(p.best.confidence * 10), 9) === bin);
    if (inBin.length === 0) continue;
    reliability.push({
      from: bin / 10,
      to: (bin + 1) / 10,
      count: inBin.length,
      accuracy: mean(inBin.map((p) => (p.right ? 1 : 0))),
      meanConfidence: mean(inBin.map((p) => p.best.confidence)),
    });
  }
  return {
    engine: options.engine ?? DEFAULT_ENGINE,
    accuracy: mean(predictions.map((p) => (p.right ? 1 : 0))),
    perLabel,
    logLoss: mean(predictions.map((p) => -Math.log(Math.max(p.truth, 1e-6)))),
    meanConfidence: mean(predictions.map((p) => p.best.confidence)),
    reliability,
    temperature: classifier.temperature,
    trainMs,
    heldOut: predictions.length,
    errors: predictions
      .filter((p) => !p.right)
      .map((p) => ({
        text: p.example.text,
        expected: p.example.label,
        predicted: p.best.label,
        confidence: p.best.confidence,
      })),
  };
}

/** Trains on all but every 5th example of each label and measures the rest. */
export function evaluate<L extends string>(
  examples: readonly Example<L>[],
  labels: readonly L[],
  options: EvaluateOptions = {},
): Evaluation {
  const { train, heldOut } = holdOutSplit(examples, options.every ?? 5);
  return evaluateSplit(train, heldOut, labels, options);
}

/** Reads a data file and evaluates it. */
export function evaluateFile<L extends string>(
  file: string,
  labels: readonly L[],
  options: EvaluateOptions = {},
): Evaluation {
  return evaluate(readExamples(file, labels), labels, options);
}

/**
 * Mean accuracy of k-fold cross-validation *within* `examples` (example i in fold i mod k),
 * for choosing hyper-parameters on the training part of the split without its held-out.
 */
export function crossValidate<L extends string>(
  examples: readonly Example<L>[],
  labels: readonly L[],
  options: EvaluateOptions = {},
  folds = 5,
): number {
  let correct = 0;
  for (let fold = 0; fold < folds; fold += 1) {
    const train = examples.filter((_, i) => i % folds !== fold);
    const test = examples.filter((_, i) => i % folds === fold);
    correct += evaluateSplit(train, test, labels, options).accuracy * test.length;
  }
  return correct / examples.length;
}

/** The four measures `npm run nlu:eval` reports and the accuracy tests check. */
export interface NluEvaluation {
  /** Held-out split of the intents of all the training data (every 5th example of each label). */
  readonly intents: Evaluation;
  /** Held-out split of the categories of all the training data. */
  readonly categories: Evaluation;
  /** Trained on all the intents, measured on the small check set (`data/check.jsonl`). */
  readonly checkIntents: Evaluation;
  /** Trained on all the categories, measured on its categories. */
  readonly checkCategories: Evaluation;
}

/** Evaluates the classifiers as `Nlu` trains them (same features and cues). */
export function evaluateNlu(engine?: Engine): NluEvaluation {
  const { intents, categories, misspelt } = readTrainingData(INTENTS, CATEGORIES);
  const check = readCheckSet(INTENTS, CATEGORIES);
  const intentOptions = { engine, features: INTENT_FEATURES, misspelt };
  const categoryOptions = { engine, features: CATEGORY_FEATURES, misspelt };
  return {
    intents: evaluate(intents, INTENTS, intentOptions),
    categories: evaluate(categories, CATEGORIES, categoryOptions),
    checkIntents: evaluateSplit(intents, check.intents, INTENTS, intentOptions),
    checkCategories: evaluateSplit(categories, check.categories, CATEGORIES, categoryOptions),
  };
}
