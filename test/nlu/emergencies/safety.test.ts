import assert from 'node:assert/strict';
import { Nlu } from '../../../services/nlu';
import { assessEmergency } from '../../../services/nlu/emergency';
import { measureSafety, readSafetySet } from './safetySet';

describe('nlu safety set (test/nlu/emergencies/messages.jsonl)', () => {
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
