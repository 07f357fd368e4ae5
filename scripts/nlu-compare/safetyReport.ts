/**
 * The emergency part of `npm run nlu:eval`: the sets the safety model trains on, the held-out
 * sets (figures only, never their messages), and each training set left out in turn.
 *
 * @remarks
 * "Answered" is what `Nlu.understand` does with the message: the numbers at once
 * (`emergency`), or the question "Est-ce une urgence ?" (`unsureEmergency`), which shows the
 * numbers on « oui ». Recall is printed both ways; false alarms count the numbers given to an
 * ordinary message, and the questions put to one are printed beside them.
 */
import { basename } from 'node:path';
import { Nlu, type NluTrainingOptions } from '../../services/nlu';
import { EMERGENCY_DATA_DIR, readEmergencyData } from '../../services/nlu/emergencyModel';
import {
  HELD_OUT_2_FILE,
  HELD_OUT_3_FILE,
  HELD_OUT_4_FILE,
  measureSafety,
  readSafetySet,
  type SafetyFigures,
  type SafetyMessage,
} from '../../test/nlu/emergencies/safetySet';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

/** One line of figures: numbers, numbers or asked, false alarms and questions per 200 ordinary. */
export function safetyLine(figures: SafetyFigures): string {
  const per200 = (count: number): string => ((200 * count) / Math.max(figures.ordinary, 1)).toFixed(1);
  const share = (count: number): string =>
    figures.emergencies === 0 ? '      —' : pct(count / figures.emergencies);
  return (
    `numbers ${share(figures.caught)} (${figures.caught}/${figures.emergencies}, ${figures.rightKind} of the kind)` +
    `   numbers or asked ${share(figures.caught + figures.asked)}` +
    `   false alarms ${per200(figures.falseAlarms)}/200 (${figures.falseAlarms}/${figures.ordinary}, ${figures.askedOrdinary} asked)`
  );
}

/** The training sets of the safety model, by file name. */
function trainingSets(): Map<string, SafetyMessage[]> {
  return new Map(
    readdirSync(EMERGENCY_DATA_DIR)
      .filter((file) => file.endsWith('.jsonl'))
      .sort()
      .map((file) => [basename(file, '.jsonl'), readSafetySet(join(EMERGENCY_DATA_DIR, file))]),
  );
}

/** Prints the whole emergency report for a loaded model and the data it was trained on. */
export function printSafetyReport(nlu: Nlu, training: Omit<NluTrainingOptions, 'emergencies'>): void {
  const understand = (text: string) => nlu.understand(text);
  const heldOut: [string, SafetyMessage[]][] = [
    ['heldout2 (round 3, set B)', readSafetySet(HELD_OUT_2_FILE)],
    ['heldout3 (round 4, set D)', readSafetySet(HELD_OUT_3_FILE)],
    ['heldout4 (round 4, set E)', readSafetySet(HELD_OUT_4_FILE)],
  ];
  console.log('\n## Emergencies, held-out sets (never trained or tuned on; Nlu.understand)');
  for (const [name, set] of heldOut)
    console.log(`${name.padEnd(28)}${safetyLine(measureSafety(understand, set))}`);
  const pooled = heldOut.flatMap(([, set]) => set);
  console.log(`${'all held-out'.padEnd(28)}${safetyLine(measureSafety(understand, pooled))}`);
  console.log('per voice (all held-out):');
  for (const voice of [...new Set(pooled.map((message) => message.voice ?? 'none'))].sort()) {
    const set = pooled.filter((message) => (message.voice ?? 'none') === voice);
    console.log(`  ${voice.padEnd(26)}${safetyLine(measureSafety(understand, set))}`);
  }

  const sets = trainingSets();
  console.log(
    `\n## Emergencies, training sets of the safety model (${EMERGENCY_DATA_DIR}; trained on, so its own figures)`,
  );
  for (const [name, set] of sets) {
    const figures = measureSafety(understand, set);
    console.log(`${name.padEnd(28)}${safetyLine(figures)}`);
    if (process.argv.includes('--errors'))
      for (const text of [...figures.missedTexts, ...figures.falseAlarmTexts]) console.log(`  ${text}`);
  }

  // Each training set measured by a model trained on all the others: how the model does on
  // wordings it has not seen, set by set (the rules were tuned on most of these sets).
  console.log('\n## Emergencies, each training set left out of the safety model in turn');
  const all = readEmergencyData();
  for (const [name, set] of sets) {
    const texts = new Set(set.map((message) => message.text));
    const without = Nlu.train({
      ...training,
      emergencies: all.filter((example) => !texts.has(example.text)),
    });
    console.log(`${name.padEnd(28)}${safetyLine(measureSafety((text) => without.understand(text), set))}`);
  }
}
