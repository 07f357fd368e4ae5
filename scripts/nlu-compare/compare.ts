/**
 * The side by side of `npm run nlu:eval` on the independent check set: this component,
 * NLP.js and a TF-IDF baseline trained on the same data. Development only.
 *
 * @remarks
 * Returns aggregate figures only (counts per engine and voice, reliability bins), so that
 * the script never prints a check-set message.
 */
import type { Nlu } from '../../services/nlu';
import type { Example } from '../../services/nlu/dataset';
import type { CheckMessage } from '../../test/nlu/checkset/checkset';
import { trainNlpJs } from './nlpjs';
import { TfIdfCentroids } from './tfidf';

/** Right answers out of a total. */
export interface Tally {
  right: number;
  total: number;
}

/** One prediction of an engine, with its confidence. */
export interface Scored {
  readonly voice: string;
  readonly right: boolean;
  readonly confidence: number;
}

/** Figures of one engine on the check set. */
export interface EngineFigures {
  readonly name: string;
  readonly intents: Tally;
  readonly categories: Tally;
  readonly intentsByVoice: ReadonlyMap<string, Tally>;
  readonly trainMs: number;
  /** Intent predictions, for the reliability table. */
  readonly predictions: readonly Scored[];
}

/** The component's emergency figures on the check set. */
export interface CheckEmergencies {
  readonly emergencies: number;
  readonly ordinary: number;
  readonly caught: number;
  readonly rightKind: number;
  readonly asked: number;
  readonly falseAlarms: number;
  readonly askedOrdinary: number;
}

/** What {@link compareOnCheckset} measured. */
export interface Comparison {
  readonly engines: readonly EngineFigures[];
  /** This component's intent predictions. */
  readonly component: readonly Scored[];
  readonly emergencies: CheckEmergencies;
}

type Classify = (text: string) => Promise<{ intent: string; intentConfidence: number; category: string }>;

async function measure(
  name: string,
  messages: readonly CheckMessage[],
  classify: Classify,
  trainMs: number,
): Promise<EngineFigures> {
  const intents: Tally = { right: 0, total: 0 };
  const categories: Tally = { right: 0, total: 0 };
  const intentsByVoice = new Map<string, Tally>();
  const predictions: Scored[] = [];
  for (const message of messages) {
    const got = await classify(message.text);
    const right = got.intent === message.intent;
    intents.total += 1;
    if (right) intents.right += 1;
    const voice = intentsByVoice.get(message.voice) ?? { right: 0, total: 0 };
    voice.total += 1;
    if (right) voice.right += 1;
    intentsByVoice.set(message.voice, voice);
    predictions.push({ voice: message.voice, right, confidence: got.intentConfidence });
    if (message.category !== null) {
      categories.total += 1;
      if (got.category === message.category) categories.right += 1;
    }
  }
  return { name, intents, categories, intentsByVoice, trainMs, predictions };
}

/** Silences a library's console chatter ("contains only stop words") while `run` runs. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, warn: console.warn, info: console.info };
  console.log = console.warn = console.info = () => undefined;
  try {
    return await run();
  } finally {
    Object.assign(console, saved);
  }
}

/**
 * Measures this component (the loaded `nlu`), the TF-IDF baseline and, unless `nlpjs` is
 * false, NLP.js on the check set, each trained on `data`.
 */
export async function compareOnCheckset(
  messages: readonly CheckMessage[],
  data: { intents: readonly Example[]; categories: readonly Example[] },
  options: { nlu: Nlu; nlpjs: boolean },
): Promise<Comparison> {
  const { nlu } = options;
  const engines: EngineFigures[] = [];
  const component = await measure(
    'component',
    messages,
    (text) => {
      const got = nlu.understand(text);
      return Promise.resolve({
        intent: got.intent,
        intentConfidence: got.intentConfidence,
        category: got.categoryGuess.label,
      });
    },
    0,
  );
  engines.push(component);

  let started = performance.now();
  const tfidfIntents = TfIdfCentroids.train(data.intents);
  const tfidfCategories = TfIdfCentroids.train(data.categories);
  engines.push(
    await measure(
      'TF-IDF',
      messages,
      (text) => {
        const intent = tfidfIntents.classify(text);
        return Promise.resolve({
          intent: intent.label,
          intentConfidence: intent.confidence,
          category: tfidfCategories.classify(text).label,
        });
      },
      performance.now() - started,
    ),
  );

  if (options.nlpjs) {
    started = performance.now();
    const [nlpIntents, nlpCategories] = await quietly(() =>
      Promise.all([trainNlpJs(data.intents, 'other'), trainNlpJs(data.categories, 'other')]),
    );
    const trainMs = performance.now() - started;
    engines.push(
      await quietly(() =>
        measure(
          'NLP.js',
          messages,
          async (text) => {
            const intent = await nlpIntents.classify(text);
            return {
              intent: intent.label,
              intentConfidence: intent.confidence,
              category: (await nlpCategories.classify(text)).label,
            };
          },
          trainMs,
        ),
      ),
    );
  }

  const figures = {
    emergencies: 0,
    ordinary: 0,
    caught: 0,
    rightKind: 0,
    asked: 0,
    falseAlarms: 0,
    askedOrdinary: 0,
  };
  for (const message of messages) {
    const got = nlu.understand(message.text);
    if (message.emergency !== null) {
      figures.emergencies += 1;
      if (got.emergency !== null) {
        figures.caught += 1;
        if (got.emergency === message.emergency) figures.rightKind += 1;
      } else if (got.unsureEmergency) figures.asked += 1;
    } else {
      figures.ordinary += 1;
      if (got.emergency !== null) figures.falseAlarms += 1;
      else if (got.unsureEmergency) figures.askedOrdinary += 1;
    }
  }
  return { engines, component: component.predictions, emergencies: figures };
}

/** One bin of a reliability table. */
export interface ReliabilityCell {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly accuracy: number;
  readonly meanConfidence: number;
}

/** Confidence bins of the reliability table per voice: wide enough to hold a few lines each. */
export const RELIABILITY_BINS: readonly (readonly [number, number])[] = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.9],
  [0.9, 1.0001],
];

/**
 * The reliability table per voice (and `all`): for each confidence bin, the lines, their
 * accuracy and mean confidence, and the expected calibration error of the voice.
 */
export function reliabilityByVoice(
  predictions: readonly Scored[],
  voices: readonly string[],
): {
  bins: readonly { from: number; to: number }[];
  rows: readonly { voice: string; bins: readonly ReliabilityCell[]; ece: number }[];
} {
  const mean = (values: readonly number[]): number =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  const rowOf = (voice: string, lines: readonly Scored[]) => {
    const cells = RELIABILITY_BINS.map(([from, to]) => {
      const inBin = lines.filter((line) => line.confidence >= from && line.confidence < to);
      return {
        from,
        to: Math.min(to, 1),
        count: inBin.length,
        accuracy: mean(inBin.map((line) => (line.right ? 1 : 0))),
        meanConfidence: mean(inBin.map((line) => line.confidence)),
      };
    });
    const ece = cells.reduce(
      (sum, cell) =>
        sum + (cell.count / Math.max(lines.length, 1)) * Math.abs(cell.accuracy - cell.meanConfidence),
      0,
    );
    return { voice, bins: cells, ece };
  };
  const rows = voices.map((voice) =>
    rowOf(
      voice,
      predictions.filter((line) => line.voice === voice),
    ),
  );
  rows.push(rowOf('all', predictions));
  return { bins: RELIABILITY_BINS.map(([from, to]) => ({ from, to: Math.min(to, 1) })), rows };
}
