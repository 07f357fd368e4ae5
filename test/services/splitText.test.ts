/**
 * The one rule that cuts a long text into Messenger-sized messages, used by the Messenger
 * edge and by "Mes données".
 */
import { strict as assert } from 'node:assert';
import { splitText } from '../../services/messaging/splitText';

describe('messaging/splitText', function () {
  it('leaves a short text alone', function () {
    assert.deepEqual(splitText('Bonjour !', 2000), ['Bonjour !']);
    assert.deepEqual(splitText('court'), ['court']);
  });

  it('splits long texts between lines into parts of at most 2,000 characters by default', function () {
    const lines = Array.from({ length: 60 }, (_, index) => `${index} ${'x'.repeat(60)}`);
    const parts = splitText(lines.join('\n'));
    assert.ok(parts.length > 1);
    assert.ok(parts.every((part) => part.length <= 2000));
    assert.equal(parts.join('\n'), lines.join('\n'));
  });

  it('prefers a line break to a sentence end or a space', function () {
    const text = `${'a'.repeat(30)}\n${'b'.repeat(10)}. ${'c'.repeat(10)} ${'d'.repeat(10)}`;
    assert.deepEqual(splitText(text, 60), [
      'a'.repeat(30),
      `${'b'.repeat(10)}. ${'c'.repeat(10)} ${'d'.repeat(10)}`,
    ]);
  });

  it('cuts at a space when there is no sentence end', function () {
    const words = Array.from({ length: 30 }, () => 'voisin').join(' ');
    const chunks = splitText(words, 50);
    for (const chunk of chunks) {
      assert.ok(chunk.length <= 50);
      assert.match(chunk, /^(voisin ?)+$/);
    }
    assert.equal(chunks.join(' '), words);
  });

  it('cuts hard a text without any space, never inside an emoji', function () {
    const chunks = splitText('a'.repeat(9) + '😀'.repeat(5), 10);
    for (const chunk of chunks) assert.ok(chunk.length <= 10 && !/[\ud800-\udbff]$/.test(chunk));
    assert.equal(chunks.join(''), 'a'.repeat(9) + '😀'.repeat(5));
    const huge = 'y'.repeat(4500);
    assert.equal(splitText(huge).join(''), huge);
  });
});
