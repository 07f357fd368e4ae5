/**
 * Evaluation of the two classifiers: `npm run nlu:eval [-- --errors] [-- --bayes] [-- --no-nlpjs]`.
 *
 * Holds out every 5th example of each label, trains on the rest as `Nlu` does (same
 * features and cues), and prints precision, recall, F1 and support per label, accuracy,
 * log-loss, mean confidence and a reliability table (confidence bins vs accuracy). Then
 * the same for the check set (`data/check.jsonl`, trained on all the data), and the
 * emergency detection of `Nlu.understand`, intent accuracy per voice on the held-out lines of
 * the voice files, and the emergency sets (see `nlu-compare/safetyReport.ts`). `--bayes` also evaluates natural's naive Bayes
 * on the same features, for comparison; `--errors` lists the misclassified sentences.
 *
 * Last, the independent check set (`test/nlu/checkset/messages.jsonl`), printed as aggregate
 * figures only (never its messages, so that nobody tunes on it): intents and categories side
 * by side for this component, NLP.js (`node-nlp`, French; `--no-nlpjs` skips its two minutes
 * of training) and a TF-IDF nearest-centroid baseline, all trained on the same data, overall
 * and per voice; the component's reliability table per voice; its emergency recall and false
 * alarms.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Nlu } from '../services/nlu';
import type { Engine } from '../services/nlu/classifier';
import { holdOutSplit, readTagged, readTrainingData } from '../services/nlu/dataset';
import { readCheckset, VOICES } from '../test/nlu/checkset/checkset';
import { compareOnCheckset, reliabilityByVoice } from './nlu-compare/compare';
import { printSafetyReport } from './nlu-compare/safetyReport';
import { evaluateNlu, type Evaluation } from '../services/nlu/evaluation';
import { CATEGORIES, INTENTS } from '../services/nlu/labels';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function printTable(title: string, evaluation: Evaluation): void {
  console.log(
    `\n## ${title} (${evaluation.engine}, ${evaluation.heldOut} sentences, trained in ${Math.round(evaluation.trainMs)} ms, T = ${evaluation.temperature})`,
  );
  console.log(`${'label'.padEnd(14)}precision  recall      F1  support`);
  for (const row of evaluation.perLabel) {
    console.log(
      `${row.label.padEnd(14)}${pct(row.precision)}  ${pct(row.recall)}  ${pct(row.f1)}  ${String(row.support).padStart(7)}`,
    );
  }
  const macroF1 = evaluation.perLabel.reduce((sum, row) => sum + row.f1, 0) / evaluation.perLabel.length;
  console.log(`accuracy ${pct(evaluation.accuracy)}   macro-F1 ${pct(macroF1)}`);
  console.log(
    `log-loss ${evaluation.logLoss.toFixed(3)}   mean confidence ${pct(evaluation.meanConfidence)}`,
  );
  console.log('confidence   count  mean conf  accuracy');
  for (const bin of evaluation.reliability) {
    console.log(
      `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}    ${String(bin.count).padStart(5)}   ${pct(bin.meanConfidence)}   ${pct(bin.accuracy)}`,
    );
  }
  if (process.argv.includes('--errors')) {
    for (const error of evaluation.errors) {
      console.log(`  ${error.expected} → ${error.predicted} (${error.confidence.toFixed(2)}): ${error.text}`);
    }
  }
}

const engines: Engine[] = process.argv.includes('--bayes') ? ['softmax', 'bayes'] : ['softmax'];
for (const engine of engines) {
  const result = evaluateNlu(engine);
  printTable('Intents, held-out', result.intents);
  printTable('Categories, held-out', result.categories);
  printTable('Intents, check set', result.checkIntents);
  printTable('Categories, check set', result.checkCategories);
}

/** CPU time of this process, in ms: the figures of one core, whatever else the machine runs. */
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const nlu = Nlu.load();
// Loading is measured from cold, in a child process: here everything is warm already.
const cold = JSON.parse(
  execFileSync(process.execPath, [...process.execArgv, join(__dirname, 'nlu-compare', 'coldLoad.ts')], {
    encoding: 'utf8',
  }),
) as { loadCpuMs: number; loadMs: number; firstMessageCpuMs: number };
const allIntents = readTrainingData(INTENTS, CATEGORIES).intents;
const texts = allIntents.map((example) => example.text);
const timing = performance.now();
const timingCpu = cpuMs();
for (let round = 0; round < 5; round += 1) for (const text of texts) nlu.understand(text);
const perSecond = (5 * texts.length) / ((performance.now() - timing) / 1000);
const perCpuSecond = (5 * texts.length) / ((cpuMs() - timingCpu) / 1000);
console.log(
  `\n## Speed (goal: load < 1 s, at least 2,000 texts/s on one core)\nNlu.load from cold ${Math.round(cold.loadCpuMs)} ms CPU (${Math.round(cold.loadMs)} ms wall, first message then ${Math.round(cold.firstMessageCpuMs)} ms)   understand ${Math.round(perCpuSecond)} texts/s on one core (${Math.round(perSecond)}/s wall)`,
);

// The emergency rules are not trained, so every example of the intents file is unseen by them.
const flagged = (text: string): boolean => nlu.understand(text).emergency !== null;
const emergencies = allIntents.filter((example) => example.label === 'emergency');
const others = allIntents.filter((example) => example.label !== 'emergency');
const caught = emergencies.filter((example) => flagged(example.text)).length;
const falseAlarms = others.filter((example) => flagged(example.text));
console.log('\n## Emergency detection by Nlu.understand (rules + models), all intent examples (trained on)');
console.log(`recall ${caught}/${emergencies.length}   false alarms ${falseAlarms.length}/${others.length}`);
for (const example of falseAlarms) console.log(`  false alarm (${example.label}): ${example.text}`);

// Per voice: trained on the training part of the split, measured on the held-out voice lines.
const data = readTrainingData(INTENTS, CATEGORIES);
const voiceOf = new Map(readTagged(INTENTS, CATEGORIES).map((line) => [line.text, line.voice]));
const heldOutIntents = holdOutSplit(data.intents).heldOut;
const split = Nlu.train({
  intents: holdOutSplit(data.intents).train,
  categories: holdOutSplit(data.categories).train,
  misspelt: data.misspelt,
});
console.log('\n## Intents per voice, held-out lines of the voice files');
console.log(`${'voice'.padEnd(18)}accuracy   right/lines`);
for (const voice of [...new Set(voiceOf.values())].sort()) {
  const lines = heldOutIntents.filter((example) => voiceOf.get(example.text) === voice);
  const right = lines.filter((example) => split.rankIntents(example.text)[0]?.label === example.label).length;
  console.log(`${voice.padEnd(18)}${pct(right / Math.max(lines.length, 1))}   ${right}/${lines.length}`);
}

const { intents: trainIntents, categories: trainCategories, misspelt } = data;
printSafetyReport(nlu, { intents: trainIntents, categories: trainCategories, misspelt });

void printCheckset();

/** The check set, side by side: aggregate figures only. */
async function printCheckset(): Promise<void> {
  const messages = readCheckset();
  const comparison = await compareOnCheckset(messages, data, {
    nlu,
    nlpjs: !process.argv.includes('--no-nlpjs'),
  });
  console.log(
    `\n## Check set, side by side (${messages.length} messages, trained on the same ${data.intents.length} intent and ${data.categories.length} category examples)`,
  );
  const engines = comparison.engines;
  console.log(`${'measure'.padEnd(28)}${engines.map((engine) => engine.name.padStart(14)).join('')}`);
  const row = (label: string, value: (engine: (typeof engines)[number]) => string): void =>
    console.log(`${label.padEnd(28)}${engines.map((engine) => value(engine).padStart(14)).join('')}`);
  row('intents', (engine) => pct(engine.intents.right / engine.intents.total));
  row('categories (offer/need)', (engine) => pct(engine.categories.right / engine.categories.total));
  for (const voice of VOICES) {
    row(`  intents, ${voice}`, (engine) => {
      const figures = engine.intentsByVoice.get(voice);
      return figures ? pct(figures.right / Math.max(figures.total, 1)) : 'n/a';
    });
  }
  row('training (s)', (engine) => (engine.trainMs / 1000).toFixed(1));

  console.log(
    '\n## Reliability per voice (this component, intents on the check set: confidence bin → lines, accuracy)',
  );
  const reliability = reliabilityByVoice(comparison.component, VOICES);
  console.log(
    `${'voice'.padEnd(18)}${reliability.bins.map((bin) => `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`.padStart(16)).join('')}       ECE`,
  );
  for (const line of reliability.rows) {
    const cells = line.bins.map((bin) =>
      bin.count === 0
        ? '—'.padStart(16)
        : `${String(bin.count).padStart(4)} ${pct(bin.accuracy)}/${pct(bin.meanConfidence).trim()}`.padStart(
            16,
          ),
    );
    console.log(`${line.voice.padEnd(18)}${cells.join('')}  ${pct(line.ece)}`);
  }
  console.log('(each cell: lines, accuracy/mean confidence; ECE: expected calibration error)');

  const emergency = comparison.emergencies;
  console.log('\n## Check set emergencies (Nlu.understand: rules + models)');
  console.log(
    `recall ${pct(emergency.caught / emergency.emergencies)}  (${emergency.caught}/${emergency.emergencies} with the numbers, ${emergency.rightKind} of the expected kind, ${emergency.asked} more asked)`,
  );
  console.log(
    `false alarms ${((200 * emergency.falseAlarms) / emergency.ordinary).toFixed(1)} per 200 ordinary  (${emergency.falseAlarms}/${emergency.ordinary}, ${emergency.askedOrdinary} asked "urgence ?")`,
  );
}
