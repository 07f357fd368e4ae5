/**
 * Understanding benchmark: model load time, classifications per second, p99.
 *
 * @remarks
 * Both in wall time and in CPU time of this process (`process.cpuUsage`): the CPU figures
 * are those of one core whatever else the machine runs, the goal of issue 12 (load < 1 s,
 * at least 2,000 texts/s on one core).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Nlu } from '../../services/nlu';
import { quantile } from './load';

/** Rows of the understanding benchmark. */
export function benchUnderstanding(): Array<{
  benchmark: string;
  figures: string;
  baseline: string;
  ratio: string;
  goal: string;
}> {
  const cpuMs = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const started = performance.now();
  const startedCpu = cpuMs();
  const nlu = Nlu.load();
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMs() - startedCpu;
  const texts = readFileSync(join(__dirname, '..', '..', 'services', 'nlu', 'data', 'intents.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const latencies: number[] = [];
  const rounds = Math.ceil(5000 / texts.length);
  const all = performance.now();
  const allCpu = cpuMs();
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const one = performance.now();
      nlu.understand(text);
      latencies.push(performance.now() - one);
    }
  }
  const seconds = (performance.now() - all) / 1000;
  const cpuSeconds = (cpuMs() - allCpu) / 1000;
  return [
    {
      benchmark: 'understanding (intent, category, emergency rules, extractors)',
      figures: `${(latencies.length / cpuSeconds).toFixed(0)} texts/s on one core (${(latencies.length / seconds).toFixed(0)}/s wall), p50 ${quantile(latencies, 0.5).toFixed(2)} ms, p99 ${quantile(latencies, 0.99).toFixed(2)} ms`,
      baseline: `model load ${loadCpuMs.toFixed(0)} ms CPU (${loadMs.toFixed(0)} ms wall)`,
      ratio: '',
      goal: 'load < 1 s, ≥ 2,000 texts/s on one core',
    },
  ];
}
