/**
 * Runs tables of turns: what a resident sends and what the bot must answer (locale texts,
 * offered payloads, words that must or must not appear).
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { t } from '../../../services/i18n';
import type { Input } from './harness';

/** Anything a resident can talk to: the harness on a database, or the dialogs over fakes. */
export interface Conversation {
  say(psid: string, input: Input): Promise<Partial<Activity>[]>;
}

/** Ids learnt during a scenario (offers, matches, entries), for payloads built later. */
export type Ids = Record<string, string>;

/** A value, or a function of the ids learnt so far. */
export type Dynamic<T> = T | ((ids: Ids) => T);

/** One turn of a table. */
export interface Turn {
  /** Who speaks (a psid); the scenario's resident by default. */
  as?: string;
  send: Dynamic<Input>;
  /** Locale keys whose text must appear in a reply (placeholders match anything). */
  says?: string[];
  /** Payloads the last reply must offer as quick replies. */
  offers?: Dynamic<string>[];
  /** Quick-reply types the last reply must offer (`user_phone_number`, `user_email`). */
  offersTypes?: string[];
  /** Texts that must appear in the replies. */
  contains?: Dynamic<string>[];
  /** Texts that must not appear in the replies. */
  hides?: Dynamic<string>[];
  /** Called after the turn, e.g. to learn an id. */
  then?: (replies: Partial<Activity>[], ids: Ids) => Promise<void> | void;
}

const resolve = <T>(value: Dynamic<T>, ids: Ids): T =>
  typeof value === 'function' ? (value as (ids: Ids) => T)(ids) : value;

/** A regular expression matching the text of `key` whatever its placeholders hold. */
export function keyPattern(key: string): RegExp {
  const template = t(key);
  const escaped = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(escaped);
}

/** All texts of the replies. */
export function textsOf(replies: Partial<Activity>[]): string {
  return replies.map((reply) => reply.text ?? '').join('\n');
}

/** Payloads offered by a reply. */
export function payloadsOf(reply: Partial<Activity> | undefined): string[] {
  return (reply?.suggestedActions?.actions ?? []).map((action) => String(action.value));
}

/** Runs the turns in order, asserting each. */
export async function runTable(
  harness: Conversation,
  resident: string,
  turns: Turn[],
  ids: Ids = {},
): Promise<Ids> {
  for (const [index, turn] of turns.entries()) {
    const input = resolve(turn.send, ids);
    const replies = await harness.say(turn.as ?? resident, input);
    const where = `turn ${index + 1} (${JSON.stringify(input)})`;
    const text = textsOf(replies);
    if (process.env.TRANSCRIPT) {
      const offered = replies.map((reply) => payloadsOf(reply).join(' | ')).filter(Boolean);
      process.stderr.write(`\n> ${JSON.stringify(input)}\n${text}\n   [${offered.join(' ; ')}]\n`);
    }
    assert.ok(replies.length > 0, `${where}: the bot must answer`);
    for (const key of turn.says ?? []) {
      assert.match(text, keyPattern(key), `${where}: expected the text of ${key}, got:\n${text}`);
    }
    const last = replies[replies.length - 1];
    const offered = payloadsOf(last);
    for (const payload of turn.offers ?? []) {
      const wanted = resolve(payload, ids);
      assert.ok(
        offered.includes(wanted),
        `${where}: expected quick reply ${wanted}, got ${offered.join(', ')}`,
      );
    }
    const types = (last.suggestedActions?.actions ?? []).map((action) => action.type);
    for (const type of turn.offersTypes ?? [])
      assert.ok(types.includes(type), `${where}: expected a ${type} quick reply`);
    for (const needle of turn.contains ?? []) {
      const wanted = resolve(needle, ids);
      assert.ok(text.includes(wanted), `${where}: expected «${wanted}» in:\n${text}`);
    }
    for (const needle of turn.hides ?? []) {
      const hidden = resolve(needle, ids);
      assert.ok(!text.includes(hidden), `${where}: «${hidden}» must not appear in:\n${text}`);
    }
    for (const reply of replies) {
      assert.ok((reply.text ?? '').length <= 2000, `${where}: a text is longer than 2,000 characters`);
      const actions = reply.suggestedActions?.actions ?? [];
      assert.ok(actions.length <= 13, `${where}: more than 13 quick replies`);
      for (const action of actions)
        assert.ok(action.title.length <= 20, `${where}: title too long: ${action.title}`);
    }
    await turn.then?.(replies, ids);
  }
  return ids;
}
