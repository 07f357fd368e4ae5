/**
 * The two locale files hold the same texts: every key in both, with the same placeholders,
 * and the English quick-reply titles fit Messenger's 20 characters.
 */
import assert from 'node:assert/strict';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import { currentLocale, t, textIn, withLocale } from '../../services/i18n';

/** Every dotted key of a locale tree with its text. */
function flatten(node: unknown, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'string') texts.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) texts.set(inner, text);
  }
  return texts;
}

/** The sorted placeholder names of a text. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** Keys shown as quick-reply titles (Messenger cuts them at 20 characters). */
const TITLE_KEYS = [
  /^menu\./,
  /^categories\./,
  /^emergency\.ask(Yes|No)$/,
  /^form\.(yes|no|forMe|forRelative|urgent|notUrgent|rewrite|keep|contactPage|contactPhone|contactEmail|accept|refuse|save|dontSave)$/,
  /^need\.(noneFits|pickTitle)$/,
  /^match\.(accept|decline)$/,
  /^form\.(recurrenceOnce|recurrenceRegular)$/,
  /^offerUsedUp\.(republish|regular)$/,
  /^suggest\.inOrder$/,
  /^myEntries\.(entryTitle|pause|resume|renew|withdraw)$/,
  /^privacy\.(export|delete|deleteYes|deleteNo)$/,
  /^jobs\.(followUp\.(yes|no)|expireEntries\.(renew|close))$/,
  /^testimonialDialog\.(sign(Name|Initials|Anonymous)|skipNeighbourhood|consentYes|consentNo|send|cancel)$/,
  /^testimonialWithdraw\.(privacyTitle|title|confirmYes|confirmNo)$/,
  /^testimonialAdmin\.(menuTitle|title|approve|edit|schedule|reject|back|dateYes|dateNo)$/,
  /^moderatorMenu\.(menu\.(pending|handoffs|register|residentMenu|back|testimonials))$/,
  /^moderatorMenu\.review\.(pick|approve|refuse|backToList|next|reason\.\w+)$/,
  /^moderatorMenu\.handoffs\.(pick|take|close|backToList|next)$/,
  /^moderatorMenu\.register\.(offer|need|byPhone|inPerson|noConsent|approveNow)$/,
];

describe('locales', function () {
  const french = flatten(fr);
  const english = flatten(en);

  it('has every French key in English and no English key without a French one', function () {
    assert.deepEqual(
      [...french.keys()].filter((key) => !english.has(key)),
      [],
    );
    assert.deepEqual(
      [...english.keys()].filter((key) => !french.has(key)),
      [],
    );
  });

  it('keeps the same placeholders in both languages', function () {
    const different = [...french].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
    );
    assert.deepEqual(
      different.map(([key]) => key),
      [],
    );
  });

  it('keeps the helplines, the CCAS number and the service name as they are', function () {
    for (const [key, text] of french) {
      const translated = english.get(key) ?? '';
      const numbers = /^(emergency|limits)\./.test(key) ? /\b(3114|3919|119|112|114|15|17|18)\b/g : /$^/g;
      for (const fixed of [...(text.match(/08000 13140/g) ?? []), ...(text.match(numbers) ?? [])]) {
        assert.ok(translated.includes(fixed), `${key}: ${fixed} is missing in English`);
      }
      if (text.includes('Voisins Solidaires')) assert.ok(translated.includes('Voisins Solidaires'), key);
    }
  });

  it('gives quick replies English titles of at most 20 characters', function () {
    const titles = [...english].filter(([key]) => TITLE_KEYS.some((pattern) => pattern.test(key)));
    assert.ok(titles.length >= 60, `only ${titles.length} titles checked`);
    // Titles with a placeholder are measured with a short value in it, as residents see them.
    const tooLong = titles
      .map(([key, text]) => [key, text.replace(/\{\w+\}/g, '12')] as const)
      .filter(([, text]) => Array.from(text).length > 20);
    assert.deepEqual(tooLong, []);
  });

  it('answers in the scope’s language and in French outside any scope', async function () {
    assert.equal(currentLocale(), 'fr');
    assert.equal(t('form.yes'), 'Oui');
    const inside = await withLocale('en', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return [currentLocale(), t('form.yes'), t('need.pickTitle', { index: 2, distance: '< 300 m' })];
    });
    assert.deepEqual(inside, ['en', 'Yes', 'Neighbour 2 (< 300 m)']);
    assert.equal(t('form.yes'), 'Oui');
    assert.equal(textIn('en', 'form.no'), 'No');
    assert.throws(() => withLocale('en', () => t('form.nope')), /Unknown text key: form\.nope/);
  });
});
