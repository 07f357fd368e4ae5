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
import { loadSoftmax, saveSoftmax, type SavedSoftmax } from './savedSoftmax';
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

/** A trained softmax classifier as shipped: its labels, temperature and numbers. */
export interface SavedClassifier {
  readonly labels: readonly string[];
  readonly temperature: number;
  readonly softmax: SavedSoftmax;
}

/** A trained classifier; immutable once built. */
export class TextClassifier<L extends string> {
  private constructor(
    private readonly labels: readonly L[],
    private readonly scorer: Scorer,
    private readonly options: TextClassifierOptions<L>,
    /** Softmax temperature actually applied. */
    readonly temperature: number,
    /** The softmax model behind `scorer`, when the engine is ours (what {@link saved} saves). */
    private readonly model?: SoftmaxModel,
  ) {}

  /**
   * A classifier from its shipped numbers (see {@link TextClassifier.saved}); `labels` are
   * checked against the saved ones, so a label added since is never silently misread.
   */
  static fromSaved<L extends string>(
    saved: SavedClassifier,
    labels: readonly L[],
    options: TextClassifierOptions<L>,
  ): TextClassifier<L> {
    const known = new Set<string>(labels);
    const unknown = saved.labels.filter((label) => !known.has(label));
    if (unknown.length > 0) throw new RangeError(`saved labels not known: ${unknown.join(', ')}`);
    const model = loadSoftmax(saved.softmax, saved.labels.length);
    return new TextClassifier(
      saved.labels as readonly L[],
      (features) => model.logits(features),
      options,
      saved.temperature,
      model,
    );
  }

  /** Its numbers, to ship (softmax engine only). */
  saved(): SavedClassifier {
    if (this.model === undefined) throw new Error('only the softmax engine is saved');
    return { labels: this.labels, temperature: this.temperature, softmax: saveSoftmax(this.model) };
  }

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
    const softmaxOptions = options.softmax ?? DEFAULT_SOFTMAX;
    let model: SoftmaxModel | undefined;
    let scorer: Scorer;
    if (engine === 'softmax') {
      const indexed = documents.map((features, i) => ({
        features,
        label: labels.indexOf(examples[i].label),
      }));
      const trained = SoftmaxModel.train(indexed, labels.length, softmaxOptions);
      model = trained;
      scorer = (features) => trained.logits(features);
    } else scorer = trainNatural(engine, documents, examples, labels);
    const temperature =
      options.temperature ??
      (engine === 'softmax'
        ? fitTemperature(
            documents,
            examples.map((example) => labels.indexOf(example.label)),
            labels.length,
            (train, size) => softmaxScorer(train, size, softmaxOptions),
          )
        : 1);
    return new TextClassifier(labels, scorer, options, temperature, model);
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

/** Trains one of natural's engines on featurised documents. */
function trainNatural<L extends string>(
  engine: Exclude<Engine, 'softmax'>,
  documents: string[][],
  examples: readonly Example<L>[],
  labels: readonly L[],
): Scorer {
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
