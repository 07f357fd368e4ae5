/**
 * The trained understanding as shipped: `data/nlu-model.json`, written by `npm run nlu:train`.
 *
 * @remarks
 * Training the intent, category and safety models takes about two seconds of CPU from cold
 * (featurising 9,000 messages with the emergency rules' reading is most of it), so `Nlu.load`
 * reads their numbers instead, when they were trained on exactly today's data: the file
 * carries the {@link trainingHash} of the examples and of the training settings. When the
 * data changed since, `Nlu.load` trains at start instead and logs `nlu.model_stale`, and a
 * test fails until the file is written again. Bump {@link MODEL_VERSION} with any change to the
 * features or the training code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedClassifier } from './classifier';
import { DATA_DIR, type Example } from './dataset';
import type { SafetyExample } from './emergencyModel';
import type { SavedSoftmax } from './savedSoftmax';
import * as lexicon from './emergencyLexicon';
import { SURE, SUSPECT } from './emergencyRules';
import { RULE_SPELLINGS } from './ruleSpellings';
import { DEFAULT_SOFTMAX } from './softmax';

/** Where the trained understanding is shipped. */
export const NLU_MODEL_FILE = join(DATA_DIR, 'nlu-model.json');

/** Bumped with any change to the features or the training code, so a saved model is not reused. */
export const MODEL_VERSION = 1;

/** The three trained models' numbers. */
export interface SavedModels {
  readonly intents: SavedClassifier;
  readonly categories: SavedClassifier;
  readonly safety: SavedSoftmax;
}

/** The shipped file. */
interface SavedNlu extends SavedModels {
  readonly version: number;
  readonly hash: string;
}

/** Everything the models are trained on. */
export interface TrainingInputs {
  readonly intents: readonly Example[];
  readonly categories: readonly Example[];
  /** Texts left out of the typo vocabulary. */
  readonly misspelt: ReadonlySet<string>;
  readonly emergencies: readonly SafetyExample[];
}

/**
 * The fingerprint of a training: the code's version, the settings (`settings`: the caller's
 * own, such as the classifiers' temperatures) and every example, in order.
 */
export function trainingHash(inputs: TrainingInputs, settings: unknown): string {
  const hash = createHash('sha256').update(
    JSON.stringify({ version: MODEL_VERSION, softmax: DEFAULT_SOFTMAX, settings }),
  );
  for (const [name, examples] of [
    ['intents', inputs.intents],
    ['categories', inputs.categories],
  ] as const) {
    hash.update(`\n#${name}\n`);
    for (const example of examples) hash.update(`${example.label}\t${example.text}\n`);
  }
  hash.update('\n#misspelt\n');
  for (const text of [...inputs.misspelt].sort()) hash.update(`${text}\n`);
  hash.update('\n#emergencies\n');
  for (const example of inputs.emergencies) hash.update(`${example.kind ?? ''}\t${example.text}\n`);
  return hash.digest('hex');
}

/** The emergency rules as text (every pattern and spelling), for a training's hash. */
export function rulesFingerprint(): string {
  const text = (value: unknown): string =>
    value instanceof RegExp
      ? value.source
      : Array.isArray(value)
        ? value.map(text).join('\n')
        : typeof value === 'string'
          ? value
          : '';
  return createHash('sha256')
    .update(Object.values(lexicon).map(text).join('\n'))
    .update([...SURE, ...SUSPECT].map((rule) => `${rule.kind}:${rule.pattern.source}`).join('\n'))
    .update(JSON.stringify(RULE_SPELLINGS))
    .digest('hex');
}

/** The shipped models when they were trained on inputs of this hash, else null. */
export function readSavedModels(hash: string, file = NLU_MODEL_FILE): SavedModels | null {
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedNlu>;
  if (saved.version !== MODEL_VERSION || saved.hash !== hash) return null;
  return saved as SavedNlu;
}

/** Ships the models, with the hash of what they were trained on. */
export function writeSavedModels(models: SavedModels, hash: string, file = NLU_MODEL_FILE): void {
  const saved: SavedNlu = { version: MODEL_VERSION, hash, ...models };
  writeFileSync(file, `${JSON.stringify(saved)}\n`);
}
