/**
 * Trains the learned safety model on `services/nlu/data` and saves it where `Nlu.load` reads
 * it: `npm run nlu:train`, after any change to the emergency sets or the intent examples
 * (a test fails while the shipped model was trained on other data).
 */
import { readTrainingData } from '../services/nlu/dataset';
import { EMERGENCY_MODEL_FILE, EmergencyModel, readEmergencyData } from '../services/nlu/emergencyModel';
import { CATEGORIES, INTENTS } from '../services/nlu/labels';

const started = process.cpuUsage();
const emergencies = readEmergencyData();
const { intents } = readTrainingData(INTENTS, CATEGORIES);
const model = EmergencyModel.train(emergencies, intents);
model.save();
const cpu = process.cpuUsage(started);
console.log(
  `Trained the safety model on ${emergencies.length} emergency-set messages and ${intents.length} intent examples in ${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU; saved to ${EMERGENCY_MODEL_FILE}.`,
);
