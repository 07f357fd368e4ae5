import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, INTENTS, type EmergencyKind } from '../../services/nlu';
import { readCheckset, VOICES } from './checkset/checkset';

/** Every kind `detectEmergency` can name: the compiler checks this against `EmergencyKind`. */
const EMERGENCY_KINDS = Object.keys({
  medical: true,
  suicide: true,
  fire: true,
  violence: true,
} satisfies Record<EmergencyKind, true>);
const DATA_DIR = join(__dirname, '../../services/nlu/data');
const key = (text: string): string => text.trim().toLowerCase();

// Integrity only: the figures on this set are printed by `npm run nlu:check`, not asserted.
describe('nlu check set (test/nlu/checkset/messages.jsonl)', () => {
  const messages = readCheckset();

  it('has at least 320 messages, 40 emergencies and 200 ordinary messages', () => {
    assert.ok(messages.length >= 320, `${messages.length} messages`);
    const emergencies = messages.filter((message) => message.emergency !== null).length;
    assert.ok(emergencies >= 40, `${emergencies} emergencies`);
    assert.ok(messages.length - emergencies >= 200, `${messages.length - emergencies} ordinary`);
  });

  it('uses only labels the code knows, a category exactly on offers and needs, a kind exactly on emergencies', () => {
    for (const message of messages) {
      const where = JSON.stringify(message.text);
      assert.equal(typeof message.text, 'string', where);
      assert.ok(message.text.trim() !== '', where);
      assert.ok((VOICES as readonly string[]).includes(message.voice), `voice of ${where}`);
      assert.ok((INTENTS as readonly string[]).includes(message.intent), `intent of ${where}`);
      const carriesCategory = message.intent === 'offer' || message.intent === 'need';
      if (carriesCategory)
        assert.ok((CATEGORIES as readonly string[]).includes(String(message.category)), where);
      else assert.equal(message.category, null, `category of ${where}`);
      if (message.intent === 'emergency')
        assert.ok(EMERGENCY_KINDS.includes(String(message.emergency)), where);
      else assert.equal(message.emergency, null, `emergency of ${where}`);
    }
  });

  it('has at least 15 messages in every voice, every emergency kind, every category as offer and need', () => {
    for (const voice of VOICES) {
      const count = messages.filter((message) => message.voice === voice).length;
      assert.ok(count >= 15, `${voice}: ${count}`);
    }
    for (const kind of EMERGENCY_KINDS)
      assert.ok(
        messages.some((message) => message.emergency === kind),
        kind,
      );
    // `complaint` was settled after the check set was written: none of its lines carries it.
    for (const intent of INTENTS.filter((label) => label !== 'complaint'))
      assert.ok(
        messages.some((message) => message.intent === intent),
        intent,
      );
    for (const category of CATEGORIES)
      for (const intent of ['offer', 'need'])
        assert.ok(
          messages.some((message) => message.intent === intent && message.category === category),
          `${intent} ${category}`,
        );
  });

  it('never flags an ordinary answer as an emergency', () => {
    for (const message of messages.filter((line) => line.voice === 'ordinary_answers'))
      assert.equal(message.emergency, null, message.text);
  });

  it('has no duplicate text', () => {
    const seen = new Set<string>();
    for (const message of messages) {
      assert.ok(!seen.has(key(message.text)), `duplicate: ${message.text}`);
      seen.add(key(message.text));
    }
  });

  it('shares no text with the training data or the old check set', () => {
    const known = new Set<string>();
    for (const file of readdirSync(DATA_DIR).filter((name) => name.endsWith('.jsonl')))
      for (const line of readFileSync(join(DATA_DIR, file), 'utf8').split('\n'))
        if (line.trim() !== '') known.add(key((JSON.parse(line) as { text: string }).text));
    assert.ok(known.size > 0, 'no training data read');
    const shared = messages.filter((message) => known.has(key(message.text))).map((message) => message.text);
    assert.deepEqual(shared, []);
  });
});
