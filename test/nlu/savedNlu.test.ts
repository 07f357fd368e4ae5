import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Nlu } from '../../services/nlu';
import { NLU_MODEL_FILE, readSavedModels, writeSavedModels } from '../../services/nlu/savedNlu';
import { HELD_OUT_2_FILE, readSafetySet } from './emergencies/safetySet';

describe('nlu shipped models (data/nlu-model.json)', function () {
  // Training the three models takes two to four seconds of CPU, more on a busy machine.
  this.timeout(120_000);
  const inputs = Nlu.inputs();

  it('were trained on the data of today (else run npm run nlu:train)', () => {
    assert.notEqual(
      readSavedModels(Nlu.trainingHash(inputs)),
      null,
      `${NLU_MODEL_FILE} was trained on other data or code: run npm run nlu:train`,
    );
  });

  it('are refused when trained on other data, and read back as written', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nlu-model-')), 'model.json');
    const fewer = { ...inputs, emergencies: inputs.emergencies.slice(0, 800) };
    const hash = Nlu.trainingHash(fewer);
    assert.notEqual(hash, Nlu.trainingHash(inputs));
    assert.equal(readSavedModels(hash, file), null, 'no file yet');
    writeFileSync(file, JSON.stringify({ version: 1, hash: 'other data' }));
    assert.equal(readSavedModels(hash, file), null, 'another training');
    const trained = Nlu.train(fewer);
    writeSavedModels(trained.saved(), hash, file);
    const saved = readSavedModels(hash, file);
    assert.ok(saved !== null);
    const shipped = Nlu.fromSaved(saved, fewer);
    // The shipped numbers are rounded to bytes: the same answers, confidences within a few hundredths.
    const texts = readSafetySet(HELD_OUT_2_FILE).map((message) => message.text);
    // A near tie may fall the other way (a category guessed for an emergency, 0.41 against 0.40).
    let sameIntent = 0;
    let sameCategory = 0;
    for (const text of texts) {
      const a = trained.understand(text);
      const b = shipped.understand(text);
      if (a.intent === b.intent) sameIntent += 1;
      if (a.categoryGuess.label === b.categoryGuess.label) sameCategory += 1;
      assert.equal(a.emergency, b.emergency, text);
      assert.ok(Math.abs(a.intentConfidence - b.intentConfidence) < 0.05, text);
    }
    assert.ok(sameIntent >= 0.97 * texts.length, `${sameIntent}/${texts.length} same intents`);
    assert.ok(sameCategory >= 0.97 * texts.length, `${sameCategory}/${texts.length} same categories`);
  });
});
