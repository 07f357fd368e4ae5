/**
 * Understanding benchmark: model load time, classifications per second, p99.
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
  const started = performance.now();
  const nlu = Nlu.load();
  const loadMs = performance.now() - started;
  const texts = readFileSync(join(__dirname, '..', '..', 'services', 'nlu', 'data', 'intents.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const latencies: number[] = [];
  const rounds = Math.ceil(5000 / texts.length);
  const all = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const one = performance.now();
      nlu.understand(text);
      latencies.push(performance.now() - one);
    }
  }
  const seconds = (performance.now() - all) / 1000;
  return [
    {
      benchmark: 'understanding (intent, category, extractors)',
      figures: `${(latencies.length / seconds).toFixed(0)} texts/s, p50 ${quantile(latencies, 0.5).toFixed(2)} ms, p99 ${quantile(latencies, 0.99).toFixed(2)} ms`,
      baseline: `model load ${loadMs.toFixed(0)} ms`,
      ratio: '',
      goal: 'load < 1 s',
    },
  ];
}
