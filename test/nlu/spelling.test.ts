import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Nlu } from '../../services/nlu';
import { readTrainingData } from '../../services/nlu/dataset';
import {
  dictionaryHeader,
  DICTIONARY_FILE,
  frenchWords,
  SortedWordList,
} from '../../services/nlu/dictionary';
import { EMERGENCY_PATTERNS, EMERGENCY_STEMS, isEmergencyWord } from '../../services/nlu/emergency';
import { buildVocabulary, spelledTokens } from '../../services/nlu/features';
import { CATEGORIES, INTENTS } from '../../services/nlu/labels';
import { normalizeTokens } from '../../services/nlu/normalize';
import { COMMON_FRENCH_WORDS } from './commonFrench';

/** The vocabulary `Nlu.load` corrects against: every word of the training data. */
const training = readTrainingData(INTENTS, CATEGORIES);
const trainingVocabulary = buildVocabulary(
  [...training.intents, ...training.categories]
    .map((example) => example.text)
    .filter((text) => !training.misspelt.has(text)),
);

/** Every literal word of four letters or more in the emergency rules' patterns. */
const ruleWords = [
  ...new Set(
    EMERGENCY_PATTERNS.flatMap(
      (pattern) => pattern.source.replace(/\\[a-zA-Z]/g, ' ').match(/[a-z]{4,}/g) ?? [],
    ),
  ),
];

describe('nlu French dictionary', () => {
  it('knows the common French words, folded like the tokens', () => {
    const words = frenchWords();
    assert.ok(words.size > 400_000, `${words.size} words`);
    const unknown = COMMON_FRENCH_WORDS.filter((word) => !words.has(word));
    assert.deepEqual(unknown, ['aujourd', 'hui', 'svp', 'week']);
    for (const word of ['vient', 'mere', 'mari', 'semaine', 'vite', 'devoir', 'tombe', 'coures'])
      assert.ok(words.has(word), word);
    for (const word of ['pharmacy', 'coursses', 'imprimmer', 'jpeux', 'zzz', ''])
      assert.ok(!words.has(word), word);
  });

  it('comes from the installed dictionary-fr (else run npm run nlu:dictionary)', function () {
    const folder = (require.resolve.paths('dictionary-fr') ?? [])
      .map((base) => join(base, 'dictionary-fr'))
      .find((candidate) => existsSync(join(candidate, 'package.json')));
    if (folder === undefined) this.skip();
    const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      version: string;
    };
    const header = gunzipSync(readFileSync(DICTIONARY_FILE)).subarray(0, 200).toString('utf8').split('\n')[0];
    assert.equal(header, dictionaryHeader(version));
  });

  it('searches a sorted list in place, skipping the header', () => {
    const list = new SortedWordList(new TextEncoder().encode('# header\nabc\nabd\nb\nba\n'));
    assert.equal(list.size, 4);
    for (const word of ['abc', 'abd', 'b', 'ba']) assert.ok(list.has(word), word);
    for (const word of ['ab', 'abcd', 'a', 'bb', '# header', '']) assert.ok(!list.has(word), word);
  });

  it('answers like a set across many front-coded blocks', () => {
    const stems = ['mange', 'manger', 'mangea', 'marche', 'z', 'zz'];
    const endings = ['', 'a', 'ai', 'aient', 'ais', 'ait', 'ons', 'r', 'rent', 's', 'ssent'];
    const words = [...new Set(stems.flatMap((stem) => endings.map((ending) => stem + ending)))].sort();
    const list = new SortedWordList(new TextEncoder().encode(`# header\n${words.join('\n')}\n`));
    assert.equal(list.size, words.length);
    const known = new Set(words);
    for (const word of words) {
      for (const probe of [word, word.slice(0, -1), `${word}a`, `${word}z`, `a${word}`, word.slice(1)]) {
        assert.equal(list.has(probe), known.has(probe), probe);
      }
    }
    assert.throws(() => new SortedWordList(new TextEncoder().encode('abc\nab\n')), RangeError);
  });
});

describe('nlu typo correction never rewrites French', () => {
  it(`leaves the ${COMMON_FRENCH_WORDS.length} common French words as they are`, () => {
    const rewritten = COMMON_FRENCH_WORDS.filter((word) => trainingVocabulary.correct(word) !== word);
    assert.deepEqual(rewritten, []);
  });

  it('leaves every word of the emergency rules as it is', () => {
    assert.ok(ruleWords.length > 60, `${ruleWords.length} words`);
    const rewritten = ruleWords.filter((word) => trainingVocabulary.correct(word) !== word);
    assert.deepEqual(rewritten, []);
  });

  it('never corrects a misspelling into an emergency word', () => {
    const attempts = [...ruleWords, ...EMERGENCY_STEMS, 'vient', 'violant', 'tonber', 'frapee', 'secour'];
    for (const word of attempts) {
      for (let i = 0; i < word.length; i += 1) {
        const typo = word.slice(0, i) + word.slice(i + 1);
        const corrected = trainingVocabulary.correct(typo);
        assert.ok(corrected === typo || !isEmergencyWord(corrected), `${typo} → ${corrected}`);
      }
    }
  });

  it('still corrects words that are not French, and keeps SMS forms expanded', () => {
    const corrected = (text: string): string => spelledTokens(text, trainingVocabulary).corrected.join(' ');
    assert.equal(corrected('jpeux fair les coursses'), 'je peux faire les courses');
    assert.equal(corrected('pharmacei'), 'pharmacie');
    // English words of the training data (written in English for English-speaking residents)
    // are known words now, kept as written.
    assert.equal(corrected('pharmacy'), 'pharmacy');
    assert.equal(corrected('devoir'), 'devoir');
    assert.equal(corrected('medicamens'), 'medicaments');
    // "coures" is French ("que tu coures"): kept, however likely a typo of "courses".
    assert.equal(corrected('coures'), 'coures');
  });

  it('keeps the words as written next to the corrected ones', () => {
    const { raw, corrected } = spelledTokens('merci il vient, jpeux imprimmer', trainingVocabulary);
    assert.deepEqual(raw, normalizeTokens('merci il vient, jpeux imprimmer'));
    assert.deepEqual(corrected, ['merci', 'il', 'vient', 'je', 'peux', 'imprimer']);
  });
});

describe('nlu emergencies from words that merely look alike', () => {
  let nlu: Nlu;
  before(() => {
    nlu = Nlu.load();
  });

  for (const text of [
    'vient',
    'merci il vient demain',
    'merci beaucoup il vient de me installer la wifi',
    'dans la semaine',
    'le plus vite possible',
    'ma mère',
    'mon mari',
    'ma mere',
  ]) {
    it(`gives no emergency for "${text}"`, () => {
      const result = nlu.understand(text);
      assert.equal(result.emergency, null);
      assert.notEqual(result.intent, 'emergency');
    });
  }

  it('still sees the emergencies written with typos', () => {
    assert.equal(nlu.understand('il respir plus').emergency, 'medical');
    assert.equal(nlu.understand('mon mari a du mal a respirer il devient bleu').emergency, 'medical');
  });
});
