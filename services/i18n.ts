/**
 * French texts from `locales/fr.json`, looked up by dotted key with `{name}` placeholders.
 */
import fr from '../locales/fr.json';

/** Values substituted into `{placeholder}`s. */
export type TextVars = Record<string, string | number>;

/** Looks up a French text; throws on an unknown key so a typo cannot reach a resident. */
export function t(key: string, vars: TextVars = {}): string {
  let node: unknown = fr;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`Unknown text key: ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
