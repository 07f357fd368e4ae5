/**
 * Measures the understanding on the independent check set: `npm run nlu:check`.
 *
 * Loads the real model (`Nlu.load()`, trained on `services/nlu/data`) and prints, on
 * `test/nlu/checkset/messages.jsonl` only: intent accuracy, category accuracy on the lines
 * that carry a category, intent accuracy per voice, emergency recall (lines flagged with any
 * kind) and false alarms per 200 ordinary messages, then every emergency missed and every
 * false alarm. Measures only: nothing here trains or tunes on the check set.
 */
import { Nlu, type Understanding } from '../services/nlu';
import { readCheckset, VOICES, type CheckMessage } from '../test/nlu/checkset/checkset';

const pct = (part: number, whole: number): string =>
  whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1)}%`.padStart(6);

const messages = readCheckset();
const nlu = Nlu.load();
const results: { message: CheckMessage; got: Understanding }[] = messages.map((message) => ({
  message,
  got: nlu.understand(message.text),
}));

const intentRight = results.filter(({ message, got }) => got.intent === message.intent).length;
console.log(`## Check set (${messages.length} messages, test/nlu/checkset/messages.jsonl)`);
console.log(
  `intent accuracy          ${pct(intentRight, results.length)}  (${intentRight}/${results.length})`,
);

const withCategory = results.filter(({ message }) => message.category !== null);
const guessRight = withCategory.filter(
  ({ message, got }) => got.categoryGuess.label === message.category,
).length;
const endToEnd = withCategory.filter(
  ({ message, got }) => got.intent === message.intent && got.category === message.category,
).length;
console.log(
  `category accuracy        ${pct(guessRight, withCategory.length)}  (${guessRight}/${withCategory.length}, category classifier whatever the intent)`,
);
console.log(
  `intent and category      ${pct(endToEnd, withCategory.length)}  (${endToEnd}/${withCategory.length}, both right on offer/need lines)`,
);

console.log('\n## Intent accuracy per voice');
console.log(`${'voice'.padEnd(18)}accuracy   right/lines`);
for (const voice of VOICES) {
  const lines = results.filter(({ message }) => message.voice === voice);
  const right = lines.filter(({ message, got }) => got.intent === message.intent).length;
  console.log(`${voice.padEnd(18)}${pct(right, lines.length)}   ${right}/${lines.length}`);
}

const emergencies = results.filter(({ message }) => message.emergency !== null);
const ordinary = results.filter(({ message }) => message.emergency === null);
const missed = emergencies.filter(({ got }) => got.emergency === null);
const falseAlarms = ordinary.filter(({ got }) => got.emergency !== null);
// Suspected by the classifier alone: the bot asks "est-ce une urgence ?" instead of the numbers.
const askedOfMissed = missed.filter(({ got }) => got.unsureEmergency).length;
const askedOfOrdinary = ordinary.filter(({ got }) => got.unsureEmergency).length;
const rightKind = emergencies.filter(({ message, got }) => got.emergency === message.emergency).length;
console.log('\n## Emergencies (Nlu.understand: rules + classifier)');
console.log(
  `recall                   ${pct(emergencies.length - missed.length, emergencies.length)}  (${emergencies.length - missed.length}/${emergencies.length} flagged with any kind, ${rightKind} with the expected kind)`,
);
console.log(
  `false alarms             ${((200 * falseAlarms.length) / Math.max(1, ordinary.length)).toFixed(1)} per 200 ordinary messages  (${falseAlarms.length}/${ordinary.length})`,
);
console.log(
  `asked "urgence ?"       ${askedOfMissed} of the emergencies missed, ${askedOfOrdinary} ordinary messages (the bot asks before any number)`,
);
console.log('\n## Emergencies missed (expected → got intent)');
for (const { message, got } of missed)
  console.log(`  [${message.voice}] ${message.emergency} → ${got.intent}: ${message.text}`);
console.log('\n## False alarms (expected intent → got kind)');
for (const { message, got } of falseAlarms)
  console.log(`  [${message.voice}] ${message.intent} → ${got.emergency}: ${message.text}`);

if (process.argv.includes('--errors')) {
  console.log('\n## Intent errors (expected → got, confidence)');
  for (const { message, got } of results)
    if (got.intent !== message.intent)
      console.log(
        `  [${message.voice}] ${message.intent} → ${got.intent} (${got.intentConfidence.toFixed(2)}): ${message.text}`,
      );
}
