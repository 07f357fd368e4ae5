/**
 * `Nlu.load` from cold, in a process of its own: `npm run nlu:eval` runs this file as a child,
 * because in its own process the models and the rules' patterns are already warm. Prints one
 * JSON line: the CPU and wall milliseconds of the load, and of the first message read after.
 */
import { Nlu } from '../../services/nlu';

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const startedCpu = cpuMs();
const started = performance.now();
const nlu = Nlu.load();
const loadCpuMs = cpuMs() - startedCpu;
const loadMs = performance.now() - started;
const firstCpu = cpuMs();
nlu.understand('bonsoir je cherche quelqu un pour promener mon chien demain');
console.log(JSON.stringify({ loadCpuMs, loadMs, firstMessageCpuMs: cpuMs() - firstCpu }));
