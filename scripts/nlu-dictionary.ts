/**
 * Regenerates `services/nlu/data/fr-words.txt.gz`, the accent-folded French word list the
 * typo corrector must never rewrite (see `services/nlu/dictionary.ts`).
 *
 * @remarks
 * Expands the Hunspell dictionary of `dictionary-fr` (Grammalecte's, MPL-2.0) with `nspell`,
 * keeps every single-word form (nspell's internal `data`, the expanded forms) (elided forms such as "l'eau" are split by the tokenizer
 * anyway), folds accents like `normalizeTokens` does, sorts and gzips them. It takes about
 * 12 s and 350 MB, which is why the bot reads this file instead of loading nspell.
 * Run it after upgrading `dictionary-fr`: `npm run nlu:dictionary`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nspell from 'nspell';
import { DICTIONARY_FILE, dictionaryHeader } from '../services/nlu/dictionary';
import { foldAccents } from '../services/nlu/normalize';

/** The folder of the installed `dictionary-fr` package (it exports no `package.json`). */
function dictionaryFolder(): string {
  for (const base of require.resolve.paths('dictionary-fr') ?? []) {
    const folder = join(base, 'dictionary-fr');
    if (existsSync(join(folder, 'index.dic'))) return folder;
  }
  throw new Error('dictionary-fr is not installed (npm ci)');
}

function main(): void {
  const folder = dictionaryFolder();
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  const spell = nspell(readFileSync(join(folder, 'index.aff')), readFileSync(join(folder, 'index.dic')));
  const words = new Set<string>();
  for (const form of Object.keys((spell as unknown as { data: Record<string, unknown> }).data)) {
    if (/^[\p{L}]+$/u.test(form)) words.add(foldAccents(form));
  }
  const sorted = [...words].filter((word) => /^[a-z]+$/.test(word)).sort();
  const text = `${dictionaryHeader(version)}\n${sorted.join('\n')}\n`;
  writeFileSync(DICTIONARY_FILE, gzipSync(text, { level: 9 }));
  console.log(`${sorted.length} words from dictionary-fr ${version} written to ${DICTIONARY_FILE}`);
}

main();
