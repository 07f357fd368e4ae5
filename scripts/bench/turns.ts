/**
 * Whole-turn benchmark: residents' messages offered at a fixed rate to the running bot,
 * each timed from its webhook delivery to the bot's first Send API call back to that person.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { post, quantile } from './load';
import type { GraphSink } from './sink';
import { signedMessage } from './webhook';

/** One run of {@link offerTurns}. */
export interface TurnRun {
  offered: number;
  answered: number;
  /** Answers per second, from the first answer to the last. */
  perSecond: number;
  latenciesMs: number[];
}

/** What to offer. */
export interface TurnLoad {
  port: number;
  secret: string;
  sink: GraphSink;
  /** Residents' ids; each sends one message. */
  residents: readonly string[];
  text: string;
  /** Deliveries per second. */
  rate: number;
  /** Distinguishes this run's message ids. */
  tag: string;
  timeoutMs?: number;
}

/** Delivers one message per resident at `rate`, and waits for every answer (or the timeout). */
export async function offerTurns(load: TurnLoad): Promise<TurnRun> {
  const { residents, rate, sink } = load;
  const requests = residents.map((psid, index) =>
    signedMessage(load.secret, psid, `mid.${load.tag}.${index}`, load.text),
  );
  const sentAt = new Map<string, bigint>();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const started = performance.now();
  const posts: Array<Promise<number>> = [];
  for (let index = 0; index < requests.length; index++) {
    const wait = started + (index * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt.set(residents[index], process.hrtime.bigint());
    posts.push(post(agent, load.port, requests[index]));
  }
  await Promise.all(posts);
  agent.destroy();
  const answer = (psid: string, sent: bigint): bigint | undefined => sink.replyAfter(psid, sent);
  await sink.waitUntil(
    () => [...sentAt].every(([psid, sent]) => answer(psid, sent) !== undefined),
    load.timeoutMs ?? 300_000,
  );
  const answers = [...sentAt].flatMap(([psid, sent]) => {
    const replied = answer(psid, sent);
    return replied === undefined ? [] : [{ sent, replied }];
  });
  const replies = answers.map(({ replied }) => replied).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seconds = replies.length > 1 ? Number(replies[replies.length - 1] - replies[0]) / 1e9 : Number.NaN;
  return {
    offered: residents.length,
    answered: answers.length,
    perSecond: (replies.length - 1) / seconds,
    latenciesMs: answers.map(({ sent, replied }) => Number(replied - sent) / 1e6),
  };
}

/** The figures of a run, as the table shows them. */
export function turnFigures(run: TurnRun): string {
  const missing = run.offered - run.answered;
  return `${run.perSecond.toFixed(0)} turns/s, ${latencyFigures(run)}${missing > 0 ? `, ${missing} unanswered` : ''}`;
}

/**
 * The figures of a run at a rate the bot should sustain: whether it kept up (every message
 * answered, answers coming out at the offered rate within 2 %), then the latencies.
 */
export function sustainedFigures(run: TurnRun, rate: number): string {
  const keptUp = run.answered === run.offered && run.perSecond >= 0.98 * rate;
  if (!keptUp) return `fell behind: ${turnFigures(run)}`;
  return `kept up: ${run.answered} of ${run.offered} answered at ${run.perSecond.toFixed(0)}/s, ${latencyFigures(run)}`;
}

function latencyFigures(run: TurnRun): string {
  return `p50 ${quantile(run.latenciesMs, 0.5).toFixed(0)} ms, p99 ${quantile(run.latenciesMs, 0.99).toFixed(0)} ms`;
}
