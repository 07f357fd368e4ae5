/**
 * Scripted conversations: a resident's messages, in their own voice, played through the real
 * dialogs on the database harness, each turn checked, and the outcome asserted on what was
 * stored, asked or notified.
 *
 * @remarks
 * Every conversation is also held to the rules every resident is owed, whatever the script
 * says: no emergency numbers unless the script says the resident is in danger, at most one
 * "Je n'ai pas compris", never "Ce bouton n'est plus d'actualité". With
 * `CONVERSATIONS_TRANSCRIPT=<file>`, the conversations marked `transcript` are written there
 * as a resident reads them (see `npm run conversations:transcript`).
 */
import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import fr from '../../../locales/fr.json';
import { menuChoices } from '../../../dialogs/replies';
import { useHarness, type Harness, type Input } from '../../dialogs/support/harness';
import { keyPattern, runTable, textsOf, type Ids, type Turn } from '../../dialogs/support/table';

/** Whose voice a conversation is written in. */
export type Voice =
  | 'senior'
  | 'sms'
  | 'typos'
  | 'dictation'
  | 'non-native'
  | 'changes-mind'
  | 'helper'
  | 'english'
  | 'referent';

/** One scripted conversation. */
export interface Script {
  /** What the resident does, for the test's name. */
  title: string;
  voice: Voice;
  /** The resident's psid (a fresh one per script by default). */
  psid?: string;
  /** Prepares the world (helpers nearby, an open request) before the first message. */
  setup?: (harness: Harness, ids: Ids) => Promise<void>;
  turns: ScriptTurn[];
  /** Asserts what the conversation left behind. */
  outcome: (harness: Harness, ids: Ids) => Promise<void>;
  /** The resident is in danger somewhere in the conversation: the numbers may appear. */
  emergency?: boolean;
  /** Written to the transcript of `docs/conversations.md`. */
  transcript?: boolean;
}

/** A turn of a script. */
export type ScriptTurn = Turn;

/** Texts that say the bot did not understand: every question's retry, and the main loop's. */
const NOT_UNDERSTOOD: RegExp[] = localeKeys(fr)
  .filter(([key, text]) => /Retry$|retryButtons$/.test(key) || /^Je n'ai pas (bien )?compris/.test(text))
  .map(([key]) => keyPattern(key));

const STALE_BUTTON = keyPattern('understanding.unknownPayload');
const EMERGENCY = keyPattern('emergency.intro');

/** Every `[key, text]` of a locale tree. */
function localeKeys(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([name, child]) =>
    localeKeys(child, prefix ? `${prefix}.${name}` : name),
  );
}

/** Plays each script as its own test, on a fresh database. */
export function playScripts(suite: string, scripts: readonly Script[]): void {
  describe(suite, function () {
    let harness: Harness;
    useHarness((started) => {
      harness = started;
    });
    for (const [index, script] of scripts.entries()) {
      it(`${script.voice}: ${script.title}`, async function () {
        await play(harness, script, `resident-${index + 1}`);
      });
    }
  });
}

/** Plays one script and checks the rules every conversation is held to. */
async function play(harness: Harness, script: Script, defaultPsid: string): Promise<void> {
  const psid = script.psid ?? defaultPsid;
  const ids: Ids = {};
  await script.setup?.(harness, ids);
  const heard: { input: Input; replies: Partial<Activity>[]; speaker: string }[] = [];
  const recording = {
    async say(speaker: string, input: Input) {
      const replies = await harness.say(speaker, input);
      heard.push({ input, replies, speaker });
      return replies;
    },
  };
  try {
    await runTable(recording, psid, script.turns, ids);
  } finally {
    if (script.transcript && process.env.CONVERSATIONS_TRANSCRIPT)
      appendFileSync(process.env.CONVERSATIONS_TRANSCRIPT, transcriptOf(script, psid, heard));
  }
  let misunderstood = 0;
  for (const [index, { input, replies }] of heard.entries()) {
    const text = textsOf(replies);
    const where = `turn ${index + 1} (${JSON.stringify(input)})`;
    if (!script.emergency)
      assert.doesNotMatch(text, EMERGENCY, `${where}: emergency numbers where there is no emergency`);
    assert.doesNotMatch(text, STALE_BUTTON, `${where}: a button the bot offered is "plus d'actualité"`);
    if (NOT_UNDERSTOOD.some((pattern) => pattern.test(text))) misunderstood += 1;
  }
  assert.ok(misunderstood <= 1, `${misunderstood} "Je n'ai pas compris" in one conversation`);
  await script.outcome(harness, ids);
}

/** The conversation as the resident read it, in Markdown. */
function transcriptOf(
  script: Script,
  psid: string,
  heard: { input: Input; replies: Partial<Activity>[]; speaker: string }[],
): string {
  const lines = [`## ${script.title}`, '', `*Voix : ${script.voice}*`, ''];
  let offered: Partial<Activity>[] = [];
  for (const { input, replies, speaker } of heard) {
    const who = speaker === psid ? 'Habitant' : `Autre habitant (${speaker})`;
    lines.push(`**${who}** : ${describeInput(input, offered)}`, '');
    for (const reply of replies) {
      if (!reply.text) continue;
      lines.push(...reply.text.split('\n').map((line) => `> ${line}`));
      const buttons = (reply.suggestedActions?.actions ?? []).map((action) => `[${action.title}]`);
      if (buttons.length > 0) lines.push('>', `> ${buttons.join(' ')}`);
      lines.push('');
    }
    offered = replies;
  }
  return `${lines.join('\n')}\n`;
}

/** What the resident sent, as they saw it: a tapped button by its title. */
function describeInput(input: Input, previousReplies: Partial<Activity>[]): string {
  if (typeof input === 'string') return input;
  if ('referral' in input) return `(ouvre le lien m.me, ref=${input.referral})`;
  if ('payload' in input) {
    // A button of an earlier message, or of the page's persistent menu.
    const button = [
      ...previousReplies.flatMap((reply) => reply.suggestedActions?.actions ?? []),
      ...menuChoices(),
    ].find((action) => String(action.value) === input.payload);
    return `[${button?.title ?? input.text ?? input.payload}]`;
  }
  if ('location' in input) return '(partage sa position)';
  if (input.contentType?.startsWith('audio')) return '(envoie un message vocal)';
  return '(envoie une photo)';
}
