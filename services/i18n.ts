/**
 * Texts residents read, from `locales/fr.json` and `locales/en.json`, looked up by dotted key
 * with `{name}` placeholders, in the locale of the running turn.
 *
 * @remarks
 * The locale follows the asynchronous flow of a conversation turn or of a notice's rendering
 * ({@link withLocale}), so `t()` needs no context argument; outside such a scope it is French.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

/** The languages the bot speaks. */
export const LOCALES = ['fr', 'en'] as const;

/** A language the bot speaks. */
export type Locale = (typeof LOCALES)[number];

/** The language used outside any {@link withLocale} scope. */
export const DEFAULT_LOCALE: Locale = 'fr';

/** Values substituted into `{placeholder}`s. */
export type TextVars = Record<string, string | number>;

const TEXTS: Readonly<Record<Locale, unknown>> = { fr, en };

/** The locale of the running scope (a turn, a notice); the only state of this module. */
const scope = new AsyncLocalStorage<Locale>();

/** True for a language the bot speaks. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Runs `fn` with `locale` as the language of every `t()` it calls, awaited or not. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  return scope.run(locale, fn);
}

/** The language of the running scope, French outside any. */
export function currentLocale(): Locale {
  return scope.getStore() ?? DEFAULT_LOCALE;
}

/**
 * Looks up a text in the running scope's language; throws on an unknown key so a typo
 * cannot reach a resident.
 */
export function t(key: string, vars: TextVars = {}): string {
  return textIn(currentLocale(), key, vars);
}

/** Looks up a text in the given language (see {@link t}). */
export function textIn(locale: Locale, key: string, vars: TextVars = {}): string {
  let node: unknown = TEXTS[locale];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`Unknown text key: ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
