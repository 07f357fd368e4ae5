/**
 * The TF-IDF nearest-centroid baseline of `npm run nlu:eval`: development only.
 *
 * @remarks
 * Each text becomes the TF-IDF vector of its normalised, stemmed words (the same
 * `normalizeTokens` and French Porter stemmer as the component, so that only the model
 * differs), L2-normalised; each label is the normalised mean of its examples' vectors; a text
 * gets the label of the closest centroid by cosine. Its confidence is the softmax of the
 * cosines (temperature 0.1), for the reliability figures.
 */
import { normalizeTokens } from '../../services/nlu';
import { PorterStemmerFr } from '../../services/nlu/natural';

type Vector = Map<string, number>;

const terms = (text: string): string[] => normalizeTokens(text).map((token) => PorterStemmerFr.stem(token));

function normalise(vector: Vector): Vector {
  const norm = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0)) || 1;
  for (const [term, value] of vector) vector.set(term, value / norm);
  return vector;
}

/** A nearest-centroid classifier over TF-IDF vectors. */
export class TfIdfCentroids {
  private constructor(
    private readonly idf: ReadonlyMap<string, number>,
    private readonly centroids: ReadonlyMap<string, Vector>,
  ) {}

  /** Trains on labelled texts. */
  static train(examples: readonly { text: string; label: string }[]): TfIdfCentroids {
    const documents = examples.map((example) => terms(example.text));
    const frequency = new Map<string, number>();
    for (const document of documents)
      for (const term of new Set(document)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const idf = new Map<string, number>();
    for (const [term, count] of frequency) idf.set(term, Math.log((1 + documents.length) / (1 + count)) + 1);
    const sums = new Map<string, Vector>();
    examples.forEach((example, index) => {
      const sum = sums.get(example.label) ?? new Map<string, number>();
      for (const [term, value] of TfIdfCentroids.vectorOf(documents[index], idf))
        sum.set(term, (sum.get(term) ?? 0) + value);
      sums.set(example.label, sum);
    });
    for (const sum of sums.values()) normalise(sum);
    return new TfIdfCentroids(idf, sums);
  }

  private static vectorOf(document: readonly string[], idf: ReadonlyMap<string, number>): Vector {
    const vector: Vector = new Map();
    for (const term of document) {
      const weight = idf.get(term);
      if (weight !== undefined) vector.set(term, (vector.get(term) ?? 0) + weight);
    }
    return normalise(vector);
  }

  /** The closest label and its confidence. */
  classify(text: string): { label: string; confidence: number } {
    const vector = TfIdfCentroids.vectorOf(terms(text), this.idf);
    const scores = [...this.centroids].map(([label, centroid]) => {
      let cosine = 0;
      for (const [term, value] of vector) cosine += value * (centroid.get(term) ?? 0);
      return { label, cosine };
    });
    scores.sort((a, b) => b.cosine - a.cosine);
    const exps = scores.map((score) => Math.exp((score.cosine - scores[0].cosine) / 0.1));
    const total = exps.reduce((sum, value) => sum + value, 0);
    return { label: scores[0].label, confidence: exps[0] / total };
  }
}
