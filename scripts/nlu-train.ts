/**
 * Trains the understanding on `services/nlu/data` and ships it where `Nlu.load` reads it
 * (`data/nlu-model.json`): `npm run nlu:train`, after any change to the examples, the emergency
 * sets or the training code (a test fails while the shipped models were trained on other data).
 */
import { Nlu } from '../services/nlu';
import { NLU_MODEL_FILE, writeSavedModels } from '../services/nlu/savedNlu';

const started = process.cpuUsage();
const inputs = Nlu.inputs();
const nlu = Nlu.train(inputs);
writeSavedModels(nlu.saved(), Nlu.trainingHash(inputs));
const cpu = process.cpuUsage(started);
console.log(
  `Trained on ${inputs.intents.length} intent, ${inputs.categories.length} category and ${inputs.emergencies.length} emergency-set examples in ${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU; saved to ${NLU_MODEL_FILE}.`,
);
