/**
 * A text classifier with confidences that add up to one, over our softmax regression
 * (the default) or natural's naive Bayes / logistic regression (kept for comparison).
 *
 * @remarks
 * Engine choice, measured by `npm run nlu:eval` on the held-out split (every 5th example):
 * see `DEFAULT_ENGINE`. Confidence, and why a threshold on it means something:
 * - `softmax`: the model's logits divided by a temperature `T`, then normalised. `T` is
 *   chosen at training time by {@link fitTemperature}: k-fold cross-validation *inside the
 *   training examples* (never the held-out ones) minimising the out-of-fold log-loss, so
 *   that a confidence of 0.7 means "right about 7 times in 10" on messages like the data.
 * - `bayes`: natural's scores recomputed in log space from the trained counts (natural's
 *   own `exp` underflows to 0 on long messages) and normalised with the same softmax.
 * - `logistic`: natural's one-vs-rest sigmoids divided by their sum (it trains in minutes).
 * A message with no known feature at all gets the `fallback` label with confidence 0.
 */
import { fitTemperature } from './calibration';
import type { Example } from './dataset';
import { DEFAULT_FEATURES, textFeatures, type FeatureOptions } from './features';
import { BayesClassifier, LogisticRegressionClassifier } from './natural';
import { DEFAULT_SOFTMAX, SoftmaxModel, softmaxInPlace, type SoftmaxOptions } from './softmax';
import type { Vocabulary } from './typo';

/** Which engine to train. */
export type Engine = 'softmax' | 'bayes' | 'logistic';

/**
 * Measured by `npm run nlu:eval` (held-out intents / categories, same features and cues):
 * softmax 82.0 % / 91.2 %, natural Bayes 71.9 % / 82.4 %; before the cues and softmax, Bayes
 * scored 70.2 % / 74.7 %. natural's logistic regression took 134 s to train. The softmax
 * also has the lower held-out log-loss, so its confidences are the better calibrated.
 */
export const DEFAULT_ENGINE: Engine = 'softmax';

/** Options of {@link TextClassifier.train}. */
export interface TextClassifierOptions<L extends string> {
  readonly engine?: Engine;
  /** Vocabulary for typo correction, usually built from the same training texts. */
  readonly vocabulary: Vocabulary;
  /** Label returned, with confidence 0, when a message has no known feature. */
  readonly fallback: L;
  /** Softmax temperature; fitted by cross-validation on the training examples if absent. */
  readonly temperature?: number;
  readonly features?: FeatureOptions;
  readonly softmax?: SoftmaxOptions;
}

/** A label with its normalised confidence in [0, 1]. */
export interface Scored<L extends string> {
  readonly label: L;
  readonly confidence: number;
}

/** Label logits of a message's features, or null when none is known. */
type Scorer = (features: string[]) => Float64Array | null;

/** A trained classifier; immutable once built. */
export class TextClassifier<L extends string> {
  private constructor(
    private readonly labels: readonly L[],
    private readonly scorer: Scorer,
    private readonly options: TextClassifierOptions<L>,
    /** Softmax temperature actually applied. */
    readonly temperature: number,
  ) {}

  /** Trains a classifier on the examples (synchronously). */
  static train<L extends string>(
    examples: readonly Example<L>[],
    options: TextClassifierOptions<L>,
  ): TextClassifier<L> {
    const labels = [...new Set(examples.map((example) => example.label))];
    const featureOptions = options.features ?? DEFAULT_FEATURES;
    const documents = examples.map((example) =>
      textFeatures(example.text, options.vocabulary, featureOptions),
    );
    const engine = options.engine ?? DEFAULT_ENGINE;
    const scorer = trainScorer(engine, documents, examples, labels, options.softmax ?? DEFAULT_SOFTMAX);
    const temperature =
      options.temperature ??
      (engine === 'softmax'
        ? fitTemperature(
            documents,
            examples.map((example) => labels.indexOf(example.label)),
            labels.length,
            (train, size) => softmaxScorer(train, size, options.softmax ?? DEFAULT_SOFTMAX),
          )
        : 1);
    return new TextClassifier(labels, scorer, options, temperature);
  }

  /**
   * Every label with its confidence, best first; the confidences add up to one.
   *
   * @param emergency - the emergency rules' verdict on `text`, when already known (see `textFeatures`).
   */
  rank(text: string, emergency?: boolean): Scored<L>[] {
    const features = textFeatures(
      text,
      this.options.vocabulary,
      this.options.features ?? DEFAULT_FEATURES,
      emergency,
    );
    const logits = this.scorer(features);
    if (logits === null) return [{ label: this.options.fallback, confidence: 0 }];
    softmaxInPlace(logits, this.temperature);
    return this.labels
      .map((label, c) => ({ label, confidence: logits[c] }))
      .sort((a, b) => b.confidence - a.confidence);
  }

  /** The best label and its confidence (`emergency` as in {@link TextClassifier.rank}). */
  classify(text: string, emergency?: boolean): Scored<L> {
    const [best] = this.rank(text, emergency);
    return best ?? { label: this.options.fallback, confidence: 0 };
  }
}

/** Trains our softmax regression on featurised documents. */
function softmaxScorer(
  documents: readonly { features: readonly string[]; label: number }[],
  size: number,
  options: SoftmaxOptions,
): Scorer {
  const model = SoftmaxModel.train(documents, size, options);
  return (features) => model.logits(features);
}

function trainScorer<L extends string>(
  engine: Engine,
  documents: string[][],
  examples: readonly Example<L>[],
  labels: readonly L[],
  softmax: SoftmaxOptions,
): Scorer {
  if (engine === 'softmax') {
    const indexed = documents.map((features, i) => ({ features, label: labels.indexOf(examples[i].label) }));
    return softmaxScorer(indexed, labels.length, softmax);
  }
  const model = engine === 'bayes' ? new BayesClassifier() : new LogisticRegressionClassifier();
  documents.forEach((features, i) => model.addDocument(features, examples[i].label));
  model.train();
  return (features) => {
    const vector = model.textToFeatures(features);
    if (!vector.some((value) => value === 1)) return null;
    if (model instanceof BayesClassifier) return bayesLogits(model, vector, labels);
    const raw = model.getClassifications(features);
    const sum = raw.reduce((acc, score) => acc + score.value, 0) || 1;
    // Logits whose softmax (at T = 1) gives back the normalised sigmoids.
    return Float64Array.from(labels, (label) =>
      Math.log(Math.max((raw.find((score) => score.label === label)?.value ?? 0) / sum, 1e-12)),
    );
  };
}

/** `log P(c) + Σ log P(f|c)` from natural's trained counts, in label order. */
function bayesLogits(model: BayesClassifier, vector: number[], labels: readonly string[]): Float64Array {
  const inner = model.classifier;
  return Float64Array.from(labels, (label) => {
    const counts = inner.classFeatures[label] ?? {};
    const total = inner.classTotals[label] ?? 1;
    let log = Math.log(total / inner.totalExamples);
    vector.forEach((present, index) => {
      if (present === 1) log += Math.log((counts[index] ?? inner.smoothing) / total);
    });
    return log;
  });
}
