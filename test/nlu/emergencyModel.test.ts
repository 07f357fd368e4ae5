import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Nlu } from '../../services/nlu';
import { readTrainingData } from '../../services/nlu/dataset';
import { assessEmergency } from '../../services/nlu/emergency';
import {
  decideEmergency,
  EmergencyModel,
  MODEL_DOUBT_PROBABILITY,
  MODEL_SURE_PROBABILITY,
  parseSafetyExamples,
  readEmergencyData,
  type SafetyExample,
} from '../../services/nlu/emergencyModel';
import { CATEGORIES, INTENTS } from '../../services/nlu/labels';
import { HELD_OUT_2_FILE, measureSafety, readSafetySet } from './emergencies/safetySet';

describe('nlu safety model (the learned half of the emergency component)', function () {
  // Training takes one to three seconds of CPU, more on a busy machine.
  this.timeout(60_000);
  const { intents } = readTrainingData(INTENTS, CATEGORIES);
  const sets = readEmergencyData();

  it('judges, once shipped, like the model just trained, message by message', () => {
    const fresh = EmergencyModel.train(sets, intents);
    const shipped = EmergencyModel.fromSaved(fresh.saved());
    for (const { text } of readSafetySet(HELD_OUT_2_FILE)) {
      const a = shipped.assess(text)?.probability ?? -1;
      const b = fresh.assess(text)?.probability ?? -1;
      assert.ok(Math.abs(a - b) < 0.02, `${a} vs ${b}`);
    }
  });

  // Measured on 2026-12-01 by leaving each training set of round 4 out in turn (see
  // `npm run nlu:eval`): this one, written by a writer who had read neither the rules nor any
  // set, 220 emergencies and 220 hard look-alikes: the rules alone answered 159 with the
  // numbers and gave them to 14 look-alikes; with the model left blind to it, 211 and 6.
  it('catches, on a set it never saw, what the rules alone miss, without more false alarms', () => {
    const name = 'round4-all-kinds.jsonl';
    const unseen = parseSafetyExamples(
      readFileSync(join(__dirname, '../../services/nlu/data/emergencies', name), 'utf8'),
    );
    const texts = new Set(unseen.map((example) => example.text));
    const blind = Nlu.train({
      intents,
      categories: readTrainingData(INTENTS, CATEGORIES).categories,
      emergencies: sets.filter((example) => !texts.has(example.text)),
    });
    const withModel = measureSafety((text) => blind.understand(text), unseen);
    const emergencies = unseen.filter((example) => example.kind !== null);
    const rulesAlone = emergencies.filter((example) => assessEmergency(example.text)?.sure).length;
    const rulesAlarms = unseen.filter(
      (example) => example.kind === null && assessEmergency(example.text)?.sure,
    ).length;
    assert.ok(
      withModel.caught >= 0.93 * withModel.emergencies,
      `${withModel.caught}/${withModel.emergencies}`,
    );
    assert.ok(withModel.caught >= rulesAlone + 40, `${withModel.caught} against ${rulesAlone} for the rules`);
    assert.ok(withModel.falseAlarms <= rulesAlarms, `${withModel.falseAlarms} against ${rulesAlarms}`);
  });

  it('leaves messages of one or two words to the rules', () => {
    const model = EmergencyModel.train(sets.slice(0, 1_500), intents);
    for (const text of ['Mme Lambert', 'Sandrine', 'oui', 'au secours', 'feu cuisine'])
      assert.equal(model.assess(text), null, text);
    assert.ok(model.assess('il ne respire plus du tout') !== null);
  });

  it('decides: a sure rule unless the model is sure it is ordinary, the model alone when it is sure', () => {
    const sure = { kind: 'fire', sure: true } as const;
    const unsure = { kind: 'medical', sure: false } as const;
    const probable = { probability: MODEL_SURE_PROBABILITY, kind: 'violence' } as const;
    const ordinary = { probability: MODEL_DOUBT_PROBABILITY / 2, kind: 'medical' } as const;
    const doubtful = { probability: 0.2, kind: 'medical' } as const;
    assert.deepEqual(decideEmergency(sure, doubtful), { emergency: 'fire', ask: false });
    assert.deepEqual(decideEmergency(sure, ordinary), { emergency: null, ask: true });
    assert.deepEqual(decideEmergency(sure, null), { emergency: 'fire', ask: false });
    assert.deepEqual(decideEmergency(null, probable), { emergency: 'violence', ask: false });
    assert.deepEqual(decideEmergency(unsure, doubtful), { emergency: null, ask: true });
    assert.deepEqual(decideEmergency(unsure, null), { emergency: null, ask: true });
    assert.deepEqual(decideEmergency(null, doubtful), { emergency: null, ask: false });
    assert.deepEqual(decideEmergency(null, null), { emergency: null, ask: false });
  });

  it('reads its sets strictly, naming the bad line', () => {
    const good: SafetyExample[] = parseSafetyExamples(
      '{"text":"au feu","kind":"fire","voice":"plain"}\n\n{"text":"bonjour","kind":null}\n',
    );
    assert.deepEqual(good, [
      { text: 'au feu', kind: 'fire', voice: 'plain' },
      { text: 'bonjour', kind: null },
    ]);
    assert.throws(
      () => parseSafetyExamples('{"text":"a","kind":null}\n{"text":"b","kind":"flood"}', 'x.jsonl'),
      /x\.jsonl:2/,
    );
    assert.throws(
      () => parseSafetyExamples('{"text":"a","kind":null}\n{"text":', 'y.jsonl'),
      /y\.jsonl:2: not JSON/,
    );
  });
});
