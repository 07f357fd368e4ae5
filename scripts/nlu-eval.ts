/**
 * Held-out evaluation of the two classifiers: `npm run nlu:eval [-- --logistic]`.
 *
 * Holds out every 5th example of each label, trains on the rest, and prints precision,
 * recall, F1 and support per label, overall accuracy, calibration figures (log-loss and
 * mean confidence for a few softmax temperatures) and the misclassified sentences.
 * Logistic regression is only run with `--logistic`: it takes minutes to train.
 */
import { DEFAULT_TEMPERATURE, type Engine } from '../services/nlu/classifier';
import { Nlu } from '../services/nlu';
import { CATEGORIES_FILE, INTENTS_FILE, readExamples } from '../services/nlu/dataset';
import { evaluateFile, type Evaluation } from '../services/nlu/evaluation';
import { CATEGORIES, INTENTS } from '../services/nlu/labels';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function printTable(title: string, evaluation: Evaluation): void {
  console.log(
    `\n## ${title} (${evaluation.engine}, ${evaluation.heldOut} held-out, trained in ${Math.round(evaluation.trainMs)} ms)`,
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
}

const engines: Engine[] = process.argv.includes('--logistic') ? ['bayes', 'logistic'] : ['bayes'];
for (const engine of engines) {
  const intents = evaluateFile(INTENTS_FILE, INTENTS, { engine });
  const categories = evaluateFile(CATEGORIES_FILE, CATEGORIES, { engine });
  printTable('Intents', intents);
  printTable('Categories', categories);
  if (process.argv.includes('--errors')) {
    for (const error of [...intents.errors, ...categories.errors]) {
      console.log(`  ${error.expected} → ${error.predicted}: ${error.text}`);
    }
  }
}

console.log(`\n## Bayes calibration by softmax temperature (current: ${DEFAULT_TEMPERATURE})`);
console.log('   T   intents log-loss / mean conf (acc)   categories log-loss / mean conf (acc)');
for (const temperature of [0.5, 0.75, 1, 1.5, 2, 4]) {
  const intents = evaluateFile(INTENTS_FILE, INTENTS, { engine: 'bayes', temperature });
  const categories = evaluateFile(CATEGORIES_FILE, CATEGORIES, { engine: 'bayes', temperature });
  console.log(
    `${String(temperature).padStart(4)}   ${intents.logLoss.toFixed(3)} / ${pct(intents.meanConfidence)} (${pct(intents.accuracy)})` +
      `          ${categories.logLoss.toFixed(3)} / ${pct(categories.meanConfidence)} (${pct(categories.accuracy)})`,
  );
}

// The emergency rules are not trained, so every example of the intents file is unseen by them.
const nlu = Nlu.load();
const allIntents = readExamples(INTENTS_FILE, INTENTS);
const flagged = (text: string): boolean => nlu.understand(text).emergency !== null;
const emergencies = allIntents.filter((example) => example.label === 'emergency');
const others = allIntents.filter((example) => example.label !== 'emergency');
const caught = emergencies.filter((example) => flagged(example.text)).length;
const falseAlarms = others.filter((example) => flagged(example.text));
console.log('\n## Emergency detection by Nlu.understand (rules + classifier), all intent examples');
console.log(`recall ${caught}/${emergencies.length}   false alarms ${falseAlarms.length}/${others.length}`);
for (const example of falseAlarms) console.log(`  false alarm (${example.label}): ${example.text}`);
