/**
 * Hyper-parameter search for the softmax classifiers: `npm run nlu:tune`.
 *
 * Scores each candidate (feature families, cues, epochs, step size, L2) by 5-fold
 * cross-validation inside the *training part* of the `nlu:eval` split, so the held-out
 * sentences play no part in the choice. Prints one line per candidate, best last.
 */
import { CATEGORY_CUES, INTENT_CUES } from '../services/nlu/cues';
import { holdOutSplit, readTrainingData } from '../services/nlu/dataset';
import { crossValidate, type EvaluateOptions } from '../services/nlu/evaluation';
import type { FeatureOptions } from '../services/nlu/features';
import { CATEGORIES, INTENTS } from '../services/nlu/labels';
import { DEFAULT_SOFTMAX, type SoftmaxOptions } from '../services/nlu/softmax';

const data = readTrainingData(INTENTS, CATEGORIES);
const intents = holdOutSplit(data.intents).train;
const categories = holdOutSplit(data.categories).train;

interface Candidate {
  readonly name: string;
  readonly intent: EvaluateOptions;
  readonly category: EvaluateOptions;
}

function softmax(name: string, base: FeatureOptions, cues: boolean, model: SoftmaxOptions): Candidate {
  return {
    name: `${name} cues=${cues}`,
    intent: {
      temperature: 1,
      softmax: model,
      features: cues ? { ...base, cues: INTENT_CUES, emergencyCue: true } : base,
    },
    category: { temperature: 1, softmax: model, features: cues ? { ...base, cues: CATEGORY_CUES } : base },
  };
}

const bayes: EvaluateOptions = { engine: 'bayes', temperature: 1 };
const candidates: Candidate[] = [{ name: 'bayes (natural)', intent: bayes, category: bayes }];
for (const words of [false, true])
  for (const negation of [false, true])
    for (const charGrams of [false, true])
      for (const cues of [false, true])
        candidates.push(
          softmax(
            `words=${words} negation=${negation} charGrams=${charGrams}`,
            { words, negation, charGrams },
            cues,
            DEFAULT_SOFTMAX,
          ),
        );
const all = { words: false, negation: true, charGrams: false };
for (const epochs of [20, 40])
  for (const learningRate of [0.1, 0.3, 1])
    for (const l2 of [0, 1e-4, 1e-3])
      candidates.push(
        softmax(`negation only, epochs=${epochs} rate=${learningRate} l2=${l2}`, all, true, {
          ...DEFAULT_SOFTMAX,
          epochs,
          learningRate,
          l2,
        }),
      );

const results = candidates.map(({ name, intent, category }) => {
  const i = crossValidate(intents, INTENTS, intent);
  const c = crossValidate(categories, CATEGORIES, category);
  return { name, intent: i, category: c, mean: (i + c) / 2 };
});
results.sort((a, b) => a.mean - b.mean);
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(6);
console.log('cross-validated accuracy (intents / categories / mean), training part only');
for (const r of results) console.log(`${pct(r.intent)} ${pct(r.category)} ${pct(r.mean)}  ${r.name}`);
