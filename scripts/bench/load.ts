/**
 * A small closed-loop HTTP load generator: N requests, C in flight, latencies recorded.
 */
import { Agent, request } from 'node:http';

/** One request to send. */
export interface LoadRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** What a load run measured. */
export interface LoadResult {
  count: number;
  failures: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/** Sends `requests` to `port` on 127.0.0.1 with `concurrency` in flight; resolves when all answered. */
export async function runLoad(
  port: number,
  requests: LoadRequest[],
  concurrency: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  let failures = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  async function lane(): Promise<void> {
    while (next < requests.length) {
      const item = requests[next++];
      const sent = process.hrtime.bigint();
      const status = await post(agent, port, item);
      latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (status !== 200) failures += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => lane()));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { count: requests.length, failures, seconds, perSecond: requests.length / seconds, latenciesMs };
}

/** Posts one request through `agent` (keep-alive connections, as Meta's deliveries reuse). */
export function post(agent: Agent, port: number, item: LoadRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: '127.0.0.1', port, path: item.path, method: 'POST', headers: item.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(item.body);
  });
}

/** The q-th quantile (0..1) of `values`, in their unit. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
