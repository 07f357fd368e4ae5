/**
 * The question a resident has not answered yet, put into the language they just switched
 * to: a prompt's text, its retry and its quick-reply titles are kept rendered in the dialog
 * state, so asking it again after a switch would repeat the old language.
 */
import type { Activity, CardAction } from 'botbuilder';
import type { DialogInstance } from 'botbuilder-dialogs';
import fr from '../locales/fr.json';
import { LOCALES, textIn, type Locale } from '../services/i18n';
import { shortTitle } from './replies';

/** Every dotted key of a locale tree whose text has no placeholder. */
function fixedKeys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([name, child]) => {
    const key = `${prefix}${name}`;
    if (typeof child === 'string') return /\{\w+\}/.test(child) ? [] : [key];
    return fixedKeys(child, `${key}.`);
  });
}

const FIXED_KEYS = fixedKeys(fr);

/** For each pair of languages, each fixed text (and its cut title) in the other. */
const TRANSLATIONS = new Map<string, Map<string, string>>(
  LOCALES.flatMap((from) =>
    LOCALES.filter((to) => to !== from).map((to) => {
      const table = new Map<string, string>();
      for (const key of FIXED_KEYS) {
        table.set(textIn(from, key), textIn(to, key));
        table.set(shortTitle(textIn(from, key)), shortTitle(textIn(to, key)));
      }
      return [`${from}>${to}`, table] as const;
    }),
  ),
);

/** `text` in the other language when it is a fixed text, or lines of fixed texts; else as it is. */
function translate(text: string, table: Map<string, string>): string {
  const whole = table.get(text);
  if (whole !== undefined) return whole;
  return text
    .split('\n')
    .map((line) => table.get(line) ?? line)
    .join('\n');
}

function translateActions(actions: CardAction[] | undefined, table: Map<string, string>): void {
  for (const action of actions ?? []) action.title = translate(action.title, table);
}

function translateActivity(activity: unknown, table: Map<string, string>): void {
  if (typeof activity !== 'object' || activity === null) return;
  const message = activity as Partial<Activity>;
  if (typeof message.text === 'string') message.text = translate(message.text, table);
  translateActions(message.suggestedActions?.actions, table);
}

/** What a prompt keeps in its state (`ActivityPrompt`): the options it was begun with. */
interface PromptState {
  options?: { prompt?: unknown; retryPrompt?: unknown; validations?: { choices?: CardAction[] } };
  dialogs?: { dialogStack?: DialogInstance[] };
}

/**
 * Rewrites, in place, the innermost pending question of `stack` (a dialog set's stack, the
 * active dialog last, component dialogs holding their own) from `from` into `to`. Texts
 * with values in them (a recap) stay as they were asked.
 */
export function relocalizePendingQuestion(stack: DialogInstance[], from: Locale, to: Locale): void {
  const table = TRANSLATIONS.get(`${from}>${to}`);
  let instance = stack.at(-1);
  if (!table || !instance) return;
  for (;;) {
    const state = instance.state as PromptState | undefined;
    const inner = state?.dialogs?.dialogStack?.at(-1);
    if (!inner) break;
    instance = inner;
  }
  const options = (instance.state as PromptState | undefined)?.options;
  if (!options) return;
  translateActivity(options.prompt, table);
  translateActivity(options.retryPrompt, table);
  translateActions(options.validations?.choices, table);
}
