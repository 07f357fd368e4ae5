/**
 * A trained softmax regression as shipped in `data/nlu-model.json`: its features in row order
 * and its weights rounded to bytes, so that loading the understanding reads numbers instead of
 * training (about two seconds of CPU from cold).
 *
 * @remarks
 * One scale for all the weights of a model (the largest weight is 127): the probabilities move
 * by about a hundredth, far less than the data's own noise (`test/nlu/savedNlu.test.ts`).
 */
import { FeatureIndex, SoftmaxModel } from './softmax';

/** A model's numbers as saved. */
export interface SavedSoftmax {
  /** Features in row order. */
  readonly features: readonly string[];
  /** Multiplies every byte of `weights`. */
  readonly scale: number;
  readonly bias: readonly number[];
  /** Row-major `features × labels` weights as signed bytes, in base64. */
  readonly weights: string;
}

/** The numbers of a trained model, to save. */
export function saveSoftmax(model: SoftmaxModel): SavedSoftmax {
  const { weights, bias, features } = model.saved();
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest / 127 || 1;
  const bytes = Int8Array.from(weights, (weight) => Math.round(weight / scale));
  return {
    features,
    scale,
    bias: Array.from(bias),
    weights: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** A model from saved numbers, over `size` labels. */
export function loadSoftmax(saved: SavedSoftmax, size: number): SoftmaxModel {
  const bytes = new Int8Array(Buffer.from(saved.weights, 'base64'));
  return SoftmaxModel.fromWeights(FeatureIndex.of(saved.features), size, {
    weights: Float32Array.from(bytes, (byte) => byte * saved.scale),
    bias: Float32Array.from(saved.bias),
  });
}
