import assert from 'node:assert/strict';
import { assessEmergency, isEmergencyWord } from '../../services/nlu/emergency';
import {
  editDistance,
  EMERGENCY_LEXICON,
  readForRules,
  RULE_SPELLINGS,
} from '../../services/nlu/emergencyReading';
import { COMMON_FRENCH_WORDS } from './commonFrench';

describe('nlu emergency reading (raw and corrected for the rules)', () => {
  it('never rewrites a word of the French dictionary among the 1,000 most common', () => {
    const changed = COMMON_FRENCH_WORDS.filter((word) => {
      if (RULE_SPELLINGS[word] !== undefined) return false; // the listed SMS forms, checked below
      return readForRules(word).corrected !== readForRules(word).raw;
    });
    assert.deepEqual(changed, []);
  });

  it('spells out forms that never give the numbers by themselves', () => {
    // A few forms are also rare French words ("plu", "meuf", "daron"): read in full, none
    // of them alone, nor in an ordinary sentence, is sure ("jpp", "j'en peux plus", is asked about).
    for (const [form, spelt] of Object.entries(RULE_SPELLINGS)) {
      if (spelt.split(' ').some(isEmergencyWord)) continue; // "incosient" is meant to read "inconscient"
      assert.notEqual(assessEmergency(form)?.sure, true, form);
      assert.notEqual(assessEmergency(`il a ${form} hier soir`)?.sure, true, form);
    }
  });

  it('reads SMS forms and misspelt emergency words', () => {
    assert.equal(readForRules('jveu mourir').corrected, 'je veux mourir');
    assert.equal(readForRules('mon fr é incosient').corrected, 'mon frere est inconscient');
    assert.equal(readForRules('ma mere a fait une chutte').corrected, 'ma mere a fait une chute');
    assert.equal(readForRules('il y a une fuitte de gaz').corrected, 'il y a une fuite de gaz');
    assert.equal(readForRules('mal a la poitine').corrected, 'mal a la poitrine');
  });

  it('keeps the words as written in the raw reading, and leaves unknown words far from the lexicon alone', () => {
    const reading = readForRules('jveu mourir');
    assert.equal(reading.raw, 'jveu mourir');
    assert.equal(readForRules('vient').corrected, 'vient');
    assert.equal(readForRules('blablabla zorglub').corrected, 'blablabla zorglub');
  });

  it('only ever produces words of the lexicon from a misspelling', () => {
    const lexicon = new Set(EMERGENCY_LEXICON);
    for (const typo of ['incosient', 'poitine', 'suisider', 'chutte', 'asthmme', 'medicamant', 'agrese']) {
      const corrected = readForRules(typo).corrected;
      assert.ok(corrected === typo || lexicon.has(corrected), `${typo} → ${corrected}`);
    }
  });

  it('measures edits with adjacent swaps, stopping past the limit', () => {
    assert.equal(editDistance('poitrine', 'poirtine'), 1);
    assert.equal(editDistance('chute', 'chutte'), 1);
    assert.equal(editDistance('incosient', 'inconscient'), 2);
    assert.equal(editDistance('abc', 'xyzuvw'), 3);
  });
});
