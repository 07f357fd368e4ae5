/**
 * Understanding residents' free French text: what they want (intent), what kind of help
 * (category), and what the message contains (emergency, urgency, money, contacts, place).
 *
 * @remarks
 * Three models learn from `data/`: the intent and category classifiers (our softmax
 * regression, see `classifier.ts` for the measured choice) and the safety model beside the
 * emergency rules (`emergencyModel.ts`). They ship trained in `data/nlu-model.json`
 * (`npm run nlu:train`, see `savedNlu.ts`); `Nlu.load()` reads them when they were trained on
 * today's data, and trains them otherwise. The intent classifier also sees the intent cues and the emergency rules as features,
 * the category classifier the category cues (see `cues.ts`). Classification reads at most `MAX_CLASSIFY_CHARS` characters;
 * rules and extractors read the whole message. Nothing here logs message text.
 */
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { loadNeighbourhoods, type Neighbourhood } from '../places';
import { TextClassifier, type Engine, type Scored } from './classifier';
import { CATEGORY_FEATURES, INTENT_FEATURES } from './features';
import { extractEmails, extractPhones } from './contacts';
import { readTrainingData, type Example } from './dataset';
import { findAlsoRequested } from './clauses';
import { assessEmergency } from './emergency';
import { decideEmergency, EmergencyModel, readEmergencyData, type SafetyExample } from './emergencyModel';
import {
  readSavedModels,
  rulesFingerprint,
  trainingHash,
  type SavedModels,
  type TrainingInputs,
} from './savedNlu';
import { buildVocabulary, MAX_CLASSIFY_CHARS } from './features';
import { CATEGORIES, INTENTS, type Category, type Intent } from './labels';
import { mentionsMoney } from './money';
import { NeighbourhoodMatcher } from './neighbourhood';
import { normalizeText } from './normalize';
import type { Understanding } from './understanding';
import { detectUrgency } from './urgency';

export { CATEGORIES, INTENTS, type Category, type Intent } from './labels';
export type { EmergencyKind, EmergencyVerdict } from './emergency';
export type { AlsoRequested } from './clauses';
export { findAlsoRequested, splitClauses } from './clauses';
export type { Urgency } from './urgency';
export type { NeighbourhoodMention, Understanding } from './understanding';
export type { Scored } from './classifier';
export { extractEmails, extractPhones } from './contacts';
export { mentionsMoney } from './money';
export { assessEmergency, detectEmergency } from './emergency';
export { detectUrgency } from './urgency';
export { normalizeText, normalizeTokens, foldAccents } from './normalize';
export { detectLanguage, nextLanguage, readLanguageSwitch, scoreLanguage, type Language } from './language';

/** The learned safety model reads this many characters of a message at most. */
const MAX_SAFETY_CHARS = 2_000;

/** Confidence given to an intent forced by the emergency rules or the safety model. */
export const RULE_CONFIDENCE = 0.99;

/**
 * Below this confidence, an emergency the classifier alone suspects (no rule fired) gives way
 * to the next intent and is reported as {@link Understanding.unsureEmergency}, for the
 * dialogs to ask rather than recite the numbers. Raised from 0.6 once the rules covered
 * poisoning, stroke signs, suicide methods and violence in plain words: on the safety set
 * (`test/nlu/emergencies`) the rules alone catch every emergency, and the classifier's only
 * contributions there were two false alarms at 0.63 and 0.69 ("une coupure d'électricité",
 * "une odeur d'égout").
 */
export const CLASSIFIER_EMERGENCY_CONFIDENCE = 0.9;

/**
 * Softmax temperatures of the two classifiers, as fitted by cross-validation inside the
 * training data (`npm run nlu:eval` prints the fitted `T`): fixed here so that loading does
 * not train four more models per classifier (model load stays under a second).
 */
export const INTENT_TEMPERATURE = 0.8;
/** See {@link INTENT_TEMPERATURE}. */
export const CATEGORY_TEMPERATURE = 0.7;

/** A message read once at load, so that no resident waits for the first reading. */
const WARM_UP = "bonjour, je voudrais de l'aide pour mes courses demain, ma mère est tombée";

/**
 * The settings of `Nlu.train` that are not examples, part of the shipped models' hash: the
 * temperatures, and the emergency rules' patterns, which the intent classifier learns from
 * (`cue:emergency`), so that editing a rule asks for `npm run nlu:train` too.
 */
const TRAINING_SETTINGS = {
  temperatures: [INTENT_TEMPERATURE, CATEGORY_TEMPERATURE],
  rules: rulesFingerprint(),
};

/** Options of {@link Nlu.train}. */
export interface NluTrainingOptions {
  readonly intents: readonly Example<Intent>[];
  readonly categories: readonly Example<Category>[];
  readonly neighbourhoods?: readonly Neighbourhood[];
  /** Defaults to `DEFAULT_ENGINE`, the best on held-out data (see `npm run nlu:eval`). */
  readonly engine?: Engine;
  /**
   * Emergency sets the learned safety model trains on, besides the intent examples
   * (`readEmergencyData()` for `data/emergencies`); none by default.
   */
  readonly emergencies?: readonly SafetyExample[];
  /** A safety model already trained (the shipped one, see `EmergencyModel.load`); else trained on `emergencies`. */
  readonly safety?: EmergencyModel;
  /** Texts whose words are no correction targets (deliberate misspellings, see `MISSPELT_VOICES`). */
  readonly misspelt?: ReadonlySet<string>;
  /** Softmax temperatures; {@link INTENT_TEMPERATURE} and {@link CATEGORY_TEMPERATURE} by default. */
  readonly temperatures?: { readonly intents?: number; readonly categories?: number };
}

/** Options of {@link Nlu.load}. */
export interface NluLoadOptions {
  /** Receives one `nlu.loaded` line with the duration and example counts. */
  readonly logger?: Logger;
}

/** The trained understanding service; build it once and share it. */
export class Nlu {
  private constructor(
    private readonly intents: TextClassifier<Intent>,
    private readonly categories: TextClassifier<Category>,
    private readonly places: NeighbourhoodMatcher,
    private readonly safety: EmergencyModel,
  ) {}

  /**
   * The understanding of `services/nlu/data` (label files, voice files, emergency sets) and
   * the Miramas neighbourhoods: the shipped models when they were trained on exactly this
   * data (see `savedNlu.ts`), else trained now, with a `nlu.model_stale` warning.
   */
  static load(options: NluLoadOptions = {}): Nlu {
    const started = performance.now();
    const inputs = Nlu.inputs();
    const saved = readSavedModels(Nlu.trainingHash(inputs));
    const logger = options.logger ?? silentLogger;
    if (saved === null) logger.warn('nlu.model_stale', { fix: 'npm run nlu:train' });
    const nlu = saved ? Nlu.fromSaved(saved, inputs) : Nlu.train(inputs);
    // The rules' patterns are compiled on their first use (about 0.4 s of CPU): here, rather
    // than while the first resident waits.
    nlu.understand(WARM_UP);
    logger.info('nlu.loaded', {
      durationMs: Math.round(performance.now() - started),
      trained: saved === null,
      intentExamples: inputs.intents.length,
      categoryExamples: inputs.categories.length,
      emergencyExamples: inputs.emergencies.length,
    });
    return nlu;
  }

  /** What the shipped models are trained on: the data files. */
  static inputs(): TrainingInputs & NluTrainingOptions {
    const { intents, categories, misspelt } = readTrainingData(INTENTS, CATEGORIES);
    return { intents, categories, misspelt, emergencies: readEmergencyData() };
  }

  /** The {@link trainingHash} of what the shipped models must have been trained on. */
  static trainingHash(inputs: TrainingInputs = Nlu.inputs()): string {
    return trainingHash(inputs, TRAINING_SETTINGS);
  }

  /** Trains on the given examples (used by `load`, the evaluation and the tests). */
  static train(options: NluTrainingOptions): Nlu {
    const engine = options.engine;
    const vocabulary = Nlu.vocabulary(options);
    return new Nlu(
      TextClassifier.train(options.intents, {
        engine,
        vocabulary,
        fallback: 'other',
        features: INTENT_FEATURES,
        temperature: options.temperatures?.intents ?? INTENT_TEMPERATURE,
      }),
      TextClassifier.train(options.categories, {
        engine,
        vocabulary,
        fallback: 'other',
        features: CATEGORY_FEATURES,
        temperature: options.temperatures?.categories ?? CATEGORY_TEMPERATURE,
      }),
      new NeighbourhoodMatcher(options.neighbourhoods ?? loadNeighbourhoods()),
      options.safety ?? EmergencyModel.train(options.emergencies ?? [], options.intents),
    );
  }

  /** The shipped models, reading messages with the typo vocabulary of the examples they were trained on. */
  static fromSaved(
    saved: SavedModels,
    examples: Pick<NluTrainingOptions, 'intents' | 'categories' | 'misspelt'>,
  ): Nlu {
    const vocabulary = Nlu.vocabulary(examples);
    return new Nlu(
      TextClassifier.fromSaved(saved.intents, INTENTS, {
        vocabulary,
        fallback: 'other',
        features: INTENT_FEATURES,
      }),
      TextClassifier.fromSaved(saved.categories, CATEGORIES, {
        vocabulary,
        fallback: 'other',
        features: CATEGORY_FEATURES,
      }),
      new NeighbourhoodMatcher(loadNeighbourhoods()),
      EmergencyModel.fromSaved(saved.safety),
    );
  }

  /** The three models' numbers, to ship (`npm run nlu:train`). */
  saved(): SavedModels {
    return {
      intents: this.intents.saved(),
      categories: this.categories.saved(),
      safety: this.safety.saved(),
    };
  }

  /** The typo vocabulary: every word of the examples, but those of deliberately misspelt lines. */
  private static vocabulary(examples: Pick<NluTrainingOptions, 'intents' | 'categories' | 'misspelt'>) {
    return buildVocabulary(
      [...examples.intents, ...examples.categories]
        .map((example) => example.text)
        .filter((text) => !examples.misspelt?.has(text)),
    );
  }

  /** Understands one message; never throws on empty, huge or emoji-only text. */
  understand(text: string): Understanding {
    const message = typeof text === 'string' ? text : '';
    const normalized = normalizeText(message);
    // The rules read the resident's words, never the typo-corrected ones: a correction
    // must not be able to create an emergency. An unsure verdict asks rather than recites.
    // They run once per message: the classifiers' `cue:emergency` reuses this verdict.
    const verdict = assessEmergency(message);
    // The learned safety model beside the rules (see `emergencyModel.ts`): it catches wordings
    // the rules miss, and a sure rule it doubts is asked about rather than dropped.
    const safety = decideEmergency(verdict, this.safety.assess(message.slice(0, MAX_SAFETY_CHARS)));
    const { predicted, unsure } = this.predictIntent(message, safety.emergency !== null);
    const intent: Scored<Intent> = safety.emergency
      ? { label: 'emergency', confidence: Math.max(RULE_CONFIDENCE, predicted.confidence) }
      : predicted;
    const emergency = safety.emergency ?? (intent.label === 'emergency' ? 'medical' : null);
    const categoryGuess = this.classifyCategory(message);
    const withCategory = intent.label === 'offer' || intent.label === 'need';
    const place = this.places.match(message.slice(0, MAX_CLASSIFY_CHARS));
    const two =
      !emergency && (intent.label === 'offer' || intent.label === 'need')
        ? findAlsoRequested(message.slice(0, MAX_CLASSIFY_CHARS), intent.label, {
            intent: (clause) => this.intents.classify(clause, false),
            category: (clause) => this.categories.classify(clause),
          })
        : null;
    const category = two?.first ?? categoryGuess;
    return {
      intent: intent.label,
      intentConfidence: intent.confidence,
      category: withCategory ? category.label : 'none',
      categoryConfidence: withCategory ? category.confidence : 0,
      ...(two ? { alsoRequested: two.also } : {}),
      categoryGuess,
      emergency,
      unsureEmergency: !emergency && (unsure || safety.ask),
      urgency: emergency ? 'high' : detectUrgency(normalized),
      money: mentionsMoney(message),
      phones: extractPhones(message),
      emails: extractEmails(message),
      neighbourhood: place
        ? { id: place.id, name: place.name, lat: place.centre.lat, lon: place.centre.lon }
        : null,
    };
  }

  /**
   * The classifier's intent; an unsure emergency gives way to the next intent and is said
   * `unsure` (see {@link CLASSIFIER_EMERGENCY_CONFIDENCE}).
   */
  private predictIntent(message: string, emergency: boolean): { predicted: Scored<Intent>; unsure: boolean } {
    const [best, next] = this.intents.rank(message, emergency);
    if (best.label === 'emergency' && best.confidence < CLASSIFIER_EMERGENCY_CONFIDENCE && next) {
      return { predicted: next, unsure: true };
    }
    return { predicted: best, unsure: false };
  }

  /** The most likely category of a message, whatever its intent. */
  classifyCategory(text: string): Scored<Category> {
    return this.categories.classify(typeof text === 'string' ? text : '');
  }

  /** Every intent with its confidence, best first (classifier only, no rules). */
  rankIntents(text: string): Scored<Intent>[] {
    return this.intents.rank(typeof text === 'string' ? text : '');
  }
}
