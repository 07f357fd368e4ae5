/**
 * What the fault tests share: residents writing messages whose replies are known, and the
 * count of the replies the fake Graph API delivered to each of them.
 */
import type { Db } from 'mongodb';
import type { RecordedCall } from '../support/fake-graph';
import { webhookBody, textMessage } from '../support/testApp';

/**
 * What residents write, and a mark of the one reply each message gets (one Send API message),
 * whatever came before: the greeting, the menu and the help are answered in any state.
 */
export const SCRIPT: ReadonlyArray<{ text: string; reply: RegExp }> = [
  { text: 'Bonjour', reply: /bienvenue/i },
  { text: 'menu', reply: /Voici le menu/i },
  { text: 'aide', reply: /met en relation/i },
];

/** One message of one resident, with the webhook body that carries it. */
export interface ResidentMessage {
  psid: string;
  /** Position in {@link SCRIPT}. */
  step: number;
  body: Record<string, unknown>;
}

/** `residents` residents writing 2 or 3 messages each (timestamps increasing per resident). */
export function residentMessages(residents: number, prefix: string): ResidentMessage[][] {
  const base = Date.now();
  return Array.from({ length: residents }, (_, index) => {
    const psid = `${prefix}-${index}`;
    return SCRIPT.slice(0, 2 + (index % 2)).map((line, step) => ({
      psid,
      step,
      body: webhookBody(textMessage(psid, line.text, midOf({ psid, step }), base + step * 1_000 + index)),
    }));
  });
}

/** The mid of a resident's message. */
export function midOf(message: Pick<ResidentMessage, 'psid' | 'step'>): string {
  return `m_${message.psid}_${message.step}`;
}

/** Send API message calls delivered (answered 200) to each resident, as texts. */
export function deliveredTexts(
  calls: readonly RecordedCall[],
  undelivered: ReadonlySet<RecordedCall> = new Set(),
): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const call of calls) {
    const body = call.body as { recipient?: { id?: string }; message?: { text?: string } } | undefined;
    if (call.path !== '/me/messages' || !body?.message || call.status !== 200 || undelivered.has(call))
      continue;
    const psid = body.recipient?.id ?? '';
    texts.set(psid, [...(texts.get(psid) ?? []), body.message.text ?? '']);
  }
  return texts;
}

/**
 * What differs from "each message answered exactly once": one line per resident whose
 * delivered replies are not exactly the replies of the steps it sent. A message for which
 * `mayRepeat` is true may have its reply twice (a call Meta took just before a crash).
 */
export function exactlyOnceProblems(
  sent: readonly ResidentMessage[],
  delivered: ReadonlyMap<string, string[]>,
  mayRepeat: (message: ResidentMessage) => boolean = () => false,
): string[] {
  const repeatable = new Set(sent.filter(mayRepeat).map((message) => `${message.psid}/${message.step}`));
  const steps = new Map<string, number[]>();
  for (const message of sent) steps.set(message.psid, [...(steps.get(message.psid) ?? []), message.step]);
  const problems: string[] = [];
  for (const [psid, expected] of steps) {
    const texts = delivered.get(psid) ?? [];
    const counts = SCRIPT.map((line) => texts.filter((text) => line.reply.test(text)).length);
    const wrong = SCRIPT.some((_, step) => {
      const count = counts[step] ?? 0;
      if (!expected.includes(step)) return count !== 0;
      return count !== 1 && !(count === 2 && repeatable.has(`${psid}/${step}`));
    });
    const matched = counts.reduce((sum, count) => sum + count, 0);
    if (wrong || matched !== texts.length) {
      problems.push(
        `${psid}: expected steps ${expected.join(',')}, got ${JSON.stringify(texts.map((text) => text.slice(0, 40)))}`,
      );
    }
  }
  for (const psid of delivered.keys())
    if (!steps.has(psid)) problems.push(`${psid}: replies to nobody's message`);
  return problems;
}

/** Polls `check` until it is true; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True once `count` events are in the inbox and all of them are done. */
export async function inboxDone(db: Db, count: number): Promise<boolean> {
  const inbox = db.collection('inbox');
  const [total, done] = await Promise.all([
    inbox.countDocuments({}),
    inbox.countDocuments({ status: 'done' }),
  ]);
  return total === count && done === count;
}

/** Posts `body` until it is acknowledged with 200 (as Meta retries), at most `attempts` times. */
export async function deliverUntilAcknowledged(
  post: (body: unknown) => Promise<Response>,
  body: unknown,
  attempts = 100,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const status = await post(body).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (attempt >= attempts)
      throw new Error(`webhook not acknowledged after ${attempts} attempts (last ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `task` over `items`, `width` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await task(item);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
}
