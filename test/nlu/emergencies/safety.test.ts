import assert from 'node:assert/strict';
import { Nlu } from '../../../services/nlu';
import { assessEmergency } from '../../../services/nlu/emergency';
import { readEmergencyData } from '../../../services/nlu/emergencyModel';
import {
  BATCH_3_FILE,
  BATCH_4_FILE,
  DEVELOPMENT_FILE,
  HELD_OUT_2_FILE,
  HELD_OUT_3_FILE,
  HELD_OUT_4_FILE,
  HELD_OUT_FILE,
  measureSafety,
  readSafetySet,
} from './safetySet';

describe('nlu safety set (services/nlu/data/emergencies/safety.jsonl)', () => {
  const messages = readSafetySet();

  it('holds at least 150 emergencies of every kind and 300 ordinary look-alikes, no duplicate', () => {
    const emergencies = messages.filter((message) => message.kind !== null);
    assert.ok(emergencies.length >= 150, `${emergencies.length} emergencies`);
    assert.ok(
      messages.length - emergencies.length >= 300,
      `${messages.length - emergencies.length} ordinary`,
    );
    for (const kind of ['medical', 'suicide', 'violence', 'fire'] as const)
      assert.ok(emergencies.filter((message) => message.kind === kind).length >= 20, kind);
    assert.equal(new Set(messages.map((message) => message.text)).size, messages.length);
  });

  // Measured on 2026-12-01 (npm run nlu:eval): the rules answer all 162 emergencies with the
  // numbers, 162 with the right kind; no ordinary message gets the numbers from the rules, 3
  // are asked "urgence ?". The set was written with the rules, so these are the rules' own
  // figures; the independent ones come from `npm run nlu:check`.
  it('rules: recall at least 97 %, the right kind at least 95 %', () => {
    const emergencies = messages.filter((message) => message.kind !== null);
    const verdicts = emergencies.map((message) => ({ message, verdict: assessEmergency(message.text) }));
    const caught = verdicts.filter(({ verdict }) => verdict?.sure === true);
    const rightKind = caught.filter(({ message, verdict }) => verdict?.kind === message.kind);
    assert.ok(caught.length >= 0.97 * emergencies.length, `${caught.length}/${emergencies.length}`);
    assert.ok(rightKind.length >= 0.95 * emergencies.length, `${rightKind.length}/${emergencies.length}`);
  });

  it('rules: at most 1 false alarm per 200 ordinary messages, at most 3 % asked', () => {
    const ordinary = messages.filter((message) => message.kind === null);
    const verdicts = ordinary.map((message) => assessEmergency(message.text));
    const alarms = ordinary.filter((_, i) => verdicts[i]?.sure === true).map((message) => message.text);
    const asked = verdicts.filter((verdict) => verdict !== null && !verdict.sure).length;
    assert.ok((200 * alarms.length) / ordinary.length <= 1, alarms.join(' | '));
    assert.ok(asked <= 0.03 * ordinary.length, `${asked} asked`);
  });

  it('Nlu.understand (rules and classifier): recall at least 97 %, at most 1.5 false alarms per 200', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), messages);
    assert.ok(figures.caught >= 0.97 * figures.emergencies, figures.missedTexts.join(' | '));
    assert.ok((200 * figures.falseAlarms) / figures.ordinary <= 1.5, figures.falseAlarmTexts.join(' | '));
  });
});

describe('nlu emergency sets of issue 12 (development.jsonl, heldout.jsonl)', () => {
  const development = readSafetySet(DEVELOPMENT_FILE);
  const heldOut = readSafetySet(HELD_OUT_FILE);

  it('cover every kind in every voice, with look-alikes, and share no message', () => {
    for (const [name, set] of [
      ['development', development],
      ['held-out', heldOut],
    ] as const) {
      const emergencies = set.filter((message) => message.kind !== null);
      assert.ok(emergencies.length >= 100, `${name}: ${emergencies.length} emergencies`);
      assert.ok(
        set.length - emergencies.length >= 90,
        `${name}: ${set.length - emergencies.length} ordinary`,
      );
      for (const kind of ['medical', 'suicide', 'violence', 'fire'] as const)
        assert.ok(emergencies.filter((message) => message.kind === kind).length >= 15, `${name}: ${kind}`);
      for (const voice of ['elderly', 'sms', 'typos', 'dictation', 'non_native', 'english', 'plain'])
        assert.ok(
          emergencies.some((message) => message.voice === voice),
          `${name}: ${voice}`,
        );
    }
    const key = (text: string): string => text.trim().toLowerCase();
    const all = [
      ...readSafetySet(),
      ...development,
      ...heldOut,
      ...readSafetySet(BATCH_3_FILE),
      ...readSafetySet(BATCH_4_FILE),
      ...readSafetySet(HELD_OUT_2_FILE),
    ].map((message) => key(message.text));
    assert.equal(new Set(all).size, all.length);
  });

  // Measured on 2026-12-01 (npm run nlu:eval). Held-out, written before any rule change and
  // never tuned on: 51/108 with the numbers and 4 false alarms of 99 before, 102/108 and 2
  // after round 1, 103/108 and 2 after round 2 (batch 3). Development (the rules were improved on it): 102/199 and 5 of 153 before, 199/199
  // and none after.
  it('held-out: recall at least 92 %, at most 5 false alarms per 200 ordinary messages', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), heldOut);
    assert.ok(figures.caught >= 0.92 * figures.emergencies, `${figures.caught}/${figures.emergencies}`);
    assert.ok(
      (200 * figures.falseAlarms) / figures.ordinary <= 5,
      `${figures.falseAlarms}/${figures.ordinary}`,
    );
  });

  it('development: recall at least 97 %, at most 1 false alarm per 200', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), development);
    assert.ok(figures.caught >= 0.97 * figures.emergencies, figures.missedTexts.join(' | '));
    assert.ok((200 * figures.falseAlarms) / figures.ordinary <= 1, figures.falseAlarmTexts.join(' | '));
  });
});

describe('nlu emergency batch 3 (batch3.jsonl, round 2 of issue 12)', () => {
  const batch = readSafetySet(BATCH_3_FILE);

  it('holds at least 150 emergencies of every kind and 150 hard negatives, in every voice', () => {
    const emergencies = batch.filter((message) => message.kind !== null);
    assert.ok(emergencies.length >= 150, `${emergencies.length} emergencies`);
    assert.ok(batch.length - emergencies.length >= 150, `${batch.length - emergencies.length} ordinary`);
    for (const kind of ['medical', 'suicide', 'violence', 'fire'] as const)
      assert.ok(emergencies.filter((message) => message.kind === kind).length >= 20, kind);
    for (const voice of ['elderly', 'sms', 'typos', 'dictation', 'non_native', 'english', 'plain']) {
      assert.ok(
        emergencies.some((message) => message.voice === voice),
        `emergency: ${voice}`,
      );
      assert.ok(
        batch.some((message) => message.kind === null && message.voice === voice),
        `ordinary: ${voice}`,
      );
    }
  });

  // Measured on 2026-12-01 (npm run nlu:eval). Written before any change of round 2: the rules
  // of round 1 answered 112 of its 167 emergencies with the numbers (5 more asked) and gave
  // the numbers to 10 of its 165 ordinary messages; after round 2, 167 of 167 and none (1 asked).
  it('recall at least 97 %, at most 1 false alarm per 200, at most 3 % of ordinary messages asked', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), batch);
    assert.ok(figures.caught >= 0.97 * figures.emergencies, figures.missedTexts.join(' | '));
    assert.ok((200 * figures.falseAlarms) / figures.ordinary <= 1, figures.falseAlarmTexts.join(' | '));
    assert.ok(figures.askedOrdinary <= 0.03 * figures.ordinary, `${figures.askedOrdinary} asked`);
  });
});

describe('nlu emergency round 3 (batch4.jsonl: set A, heldout2.jsonl: set B)', () => {
  const setA = readSafetySet(BATCH_4_FILE);
  const setB = readSafetySet(HELD_OUT_2_FILE);

  it('hold emergencies of every kind and hard negatives, in every voice', () => {
    for (const [name, set, emergencies, ordinary] of [
      ['set A', setA, 120, 150],
      ['set B', setB, 60, 80],
    ] as const) {
      const found = set.filter((message) => message.kind !== null);
      assert.ok(found.length >= emergencies, `${name}: ${found.length} emergencies`);
      assert.ok(set.length - found.length >= ordinary, `${name}: ${set.length - found.length} ordinary`);
      for (const kind of ['medical', 'suicide', 'violence', 'fire'] as const)
        assert.ok(found.filter((message) => message.kind === kind).length >= 10, `${name}: ${kind}`);
      for (const voice of ['elderly', 'sms', 'typos', 'dictation', 'non_native', 'english', 'plain']) {
        assert.ok(
          found.some((message) => message.voice === voice),
          `${name} emergency: ${voice}`,
        );
        assert.ok(
          set.some((message) => message.kind === null && message.voice === voice),
          `${name} ordinary: ${voice}`,
        );
      }
    }
  });

  // Measured on 2026-12-01 (npm run nlu:eval). Set A, written before any change of round 3:
  // the rules of round 2 answered 78 of its 152 emergencies with the numbers (8 more asked) and
  // gave the numbers to 12 of its 160 ordinary messages; after round 3, 152 of 152 and none
  // (8 asked, among them suicide told in the past, which is asked on purpose).
  it('set A: recall at least 97 %, at most 1 false alarm per 200, at most 6 % of ordinary messages asked', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), setA);
    assert.ok(figures.caught >= 0.97 * figures.emergencies, figures.missedTexts.join(' | '));
    assert.ok((200 * figures.falseAlarms) / figures.ordinary <= 1, figures.falseAlarmTexts.join(' | '));
    assert.ok(figures.askedOrdinary <= 0.06 * figures.ordinary, `${figures.askedOrdinary} asked`);
  });

  // Never read nor trained on (2026-12-01, npm run nlu:eval; its aggregate figures were part of
  // the pool the safety model's thresholds were chosen on, sets D and E were not): 45 of its 70
  // emergencies with the numbers and 5 of its 85 ordinary messages with them under the rules of
  // round 2; 54 of 70 (77 %) and 6 of 85 after round 3; with round 4's safety model, 68 of 70
  // (97 %, the other two asked) and 5 of 85.
  it('set B (held out): recall at least 93 %, at most 6 false alarms of its 85 ordinary messages', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), setB);
    assert.ok(figures.caught >= 0.93 * figures.emergencies, `${figures.caught}/${figures.emergencies}`);
    assert.ok(figures.falseAlarms <= 6, `${figures.falseAlarms}/${figures.ordinary}`);
  });
});

describe('nlu emergency round 4 (heldout3.jsonl: set D, heldout4.jsonl: set E)', () => {
  const sets = [readSafetySet(HELD_OUT_3_FILE), readSafetySet(HELD_OUT_4_FILE)];

  it('hold emergencies of every kind and hard negatives, in every voice, apart from the training sets', () => {
    const training = new Set(readEmergencyData().map((example) => example.text.trim().toLowerCase()));
    for (const set of sets) {
      const found = set.filter((message) => message.kind !== null);
      assert.ok(found.length >= 120, `${found.length} emergencies`);
      assert.ok(set.length - found.length >= 150, `${set.length - found.length} ordinary`);
      for (const kind of ['medical', 'suicide', 'violence', 'fire'] as const)
        assert.ok(found.filter((message) => message.kind === kind).length >= 20, kind);
      for (const voice of ['elderly', 'sms', 'typos', 'dictation', 'non_native', 'english', 'plain', 'mixed'])
        assert.ok(
          found.some((message) => message.voice === voice),
          `emergency: ${voice}`,
        );
      for (const message of set) assert.ok(!training.has(message.text.trim().toLowerCase()), 'trained on');
    }
  });

  // Written by two writers who had read neither the rules nor any earlier set, committed with
  // the safety model and measured once (2026-12-01, npm run nlu:eval), never trained or tuned
  // on: set D 128 of 130 emergencies with the numbers and 3 of 170 look-alikes given them,
  // set E 134 of 139 and 5 of 168 (the rules alone: 71 % of round 4's fresh emergencies).
  it('sets D and E (held out): recall at least 94 %, at most 6 false alarms per 200 look-alikes', () => {
    const nlu = Nlu.load();
    const figures = measureSafety((text) => nlu.understand(text), sets.flat());
    assert.ok(figures.caught >= 0.94 * figures.emergencies, `${figures.caught}/${figures.emergencies}`);
    assert.ok(
      (200 * figures.falseAlarms) / figures.ordinary <= 6,
      `${figures.falseAlarms}/${figures.ordinary}`,
    );
  });
});
