import assert from 'node:assert/strict';
import { Nlu } from '../../services/nlu';
import {
  CATEGORIES_FILE,
  INTENTS_FILE,
  holdOutSplit,
  parseExamples,
  readExamples,
} from '../../services/nlu/dataset';
import { evaluateFile } from '../../services/nlu/evaluation';
import { CATEGORIES, INTENTS } from '../../services/nlu/labels';

describe('nlu training data', () => {
  it('has at least 45 examples of every label', () => {
    for (const [file, labels] of [
      [INTENTS_FILE, INTENTS],
      [CATEGORIES_FILE, CATEGORIES],
    ] as const) {
      const examples = readExamples<string>(file, labels);
      for (const label of labels) {
        const count = examples.filter((example) => example.label === label).length;
        assert.ok(count >= 45, `${label} in ${file}: ${count}`);
      }
    }
  });

  it('rejects a malformed line or an unknown label, naming the line', () => {
    assert.throws(() => parseExamples('{"text":"a","label":"offer"}\nnope', INTENTS, 'f'), /f:2: not JSON/);
    assert.throws(() => parseExamples('{"text":"a","label":"shopping"}', INTENTS, 'f'), /f:1/);
  });

  it('holds out every 5th example of each label, deterministically', () => {
    const examples = [...Array(10).keys()].map((i) => ({ text: `t${i}`, label: i % 2 === 0 ? 'a' : 'b' }));
    const { train, heldOut } = holdOutSplit(examples);
    assert.deepEqual(
      heldOut.map((example) => example.text),
      ['t8', 't9'],
    );
    assert.equal(train.length, 8);
  });
});

describe('nlu held-out accuracy (same split as npm run nlu:eval)', () => {
  // Measured when the data was written: intents 70.2 % of 84 held-out sentences,
  // categories 74.7 % of 91 (chance: 11 % and 10 %). The thresholds sit about five points
  // below, i.e. four sentences: a data or feature change that loses more than that fails.
  it('classifies at least 65 % of held-out intents correctly', () => {
    const result = evaluateFile(INTENTS_FILE, INTENTS, { engine: 'bayes' });
    assert.ok(result.accuracy >= 0.65, `intent accuracy ${result.accuracy}`);
  });

  it('classifies at least 70 % of held-out categories correctly', () => {
    const result = evaluateFile(CATEGORIES_FILE, CATEGORIES, { engine: 'bayes' });
    assert.ok(result.accuracy >= 0.7, `category accuracy ${result.accuracy}`);
  });

  it('keeps confidences calibrated: mean confidence within 10 points of accuracy', () => {
    for (const [file, labels] of [
      [INTENTS_FILE, INTENTS],
      [CATEGORIES_FILE, CATEGORIES],
    ] as const) {
      const result = evaluateFile<string>(file, labels, { engine: 'bayes' });
      assert.ok(
        Math.abs(result.meanConfidence - result.accuracy) <= 0.1,
        `${file}: ${JSON.stringify(result)}`,
      );
    }
  });
});

describe('Nlu', () => {
  let nlu: Nlu;
  let loadMs: number;
  before(() => {
    const started = performance.now();
    nlu = Nlu.load();
    loadMs = performance.now() - started;
  });

  it('loads well under a second', () => {
    assert.ok(loadMs < 1000, `loaded in ${loadMs} ms`);
  });

  it('understands an offer with its category', () => {
    const result = nlu.understand('jpeux faire les courses pr les personnes agées');
    assert.equal(result.intent, 'offer');
    assert.equal(result.category, 'groceries');
    assert.ok(result.intentConfidence > 0.5 && result.intentConfidence <= 1);
  });

  it('understands a need with typos, place, phone and urgency', () => {
    const result = nlu.understand(
      "besoin dun coup de main pr imprimmer mon attestation, jsuis a la maile 2, 06 12 34 56 78, c'est urgent",
    );
    assert.equal(result.intent, 'need');
    assert.equal(result.category, 'printing');
    assert.equal(result.neighbourhood?.id, 'la-maille-2');
    assert.deepEqual(result.phones, ['0612345678']);
    assert.equal(result.urgency, 'high');
    assert.equal(result.money, false);
  });

  it('forces an emergency from the rules, whatever the classifier says', () => {
    const result = nlu.understand('jpeux pas faire les courses, mon pere est tombé il respire mal');
    assert.equal(result.intent, 'emergency');
    assert.equal(result.emergency, 'medical');
    assert.equal(result.urgency, 'high');
    assert.equal(result.category, 'none');
  });

  it('gives no category outside offers and needs, but still a guess', () => {
    const result = nlu.understand('merci a ma voisine pour les courses');
    assert.equal(result.intent, 'testimonial');
    assert.equal(result.category, 'none');
    assert.equal(result.categoryConfidence, 0);
    assert.equal(result.categoryGuess.label, 'groceries');
  });

  it('recognises greetings, deletion requests and requests for a human', () => {
    assert.equal(nlu.understand('slt').intent, 'greeting');
    assert.equal(nlu.understand('supprimez mes donnees svp').intent, 'delete_data');
    assert.equal(nlu.understand('je veux parler a un humain').intent, 'human');
  });

  it('answers "other" with no confidence for empty or emoji-only text', () => {
    for (const text of ['', '   ', '😀🙏👍']) {
      const result = nlu.understand(text);
      assert.equal(result.intent, 'other');
      assert.equal(result.intentConfidence, 0);
      assert.equal(result.emergency, null);
    }
  });

  it('handles a 10,000-character message quickly and still sees its contacts', () => {
    const huge =
      `${'je peux faire les courses '.repeat(400)}marie@exemple.fr`.slice(0, 10_000 - 16) +
      'marie@exemple.fr';
    assert.equal(huge.length, 10_000);
    const started = performance.now();
    const result = nlu.understand(huge);
    assert.ok(performance.now() - started < 200, 'under 200 ms');
    assert.equal(result.intent, 'offer');
    assert.deepEqual(result.emails, ['marie@exemple.fr']);
  });

  it('classifies at least 500 short messages per second', () => {
    const texts = readExamples(INTENTS_FILE, INTENTS).map((example) => example.text);
    const started = performance.now();
    for (const text of texts) nlu.understand(text);
    const perSecond = texts.length / ((performance.now() - started) / 1000);
    assert.ok(perSecond >= 500, `${Math.round(perSecond)} per second`);
  });
});
