import { Nlu } from './services/nlu';
const nlu = Nlu.load();
for (const s of process.argv.slice(2)) {
  const u = nlu.understand(s);
  console.log(JSON.stringify(s), u.intent, u.intentConfidence.toFixed(2), u.category, u.categoryConfidence.toFixed(2), u.emergency, u.unsureEmergency);
}
