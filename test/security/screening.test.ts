/**
 * Free text one resident types and another person reads goes through one screening:
 * Unicode normalised, invisible and bidirectional controls removed, then phones, premium
 * numbers, e-mails and links taken out, and ordinary French left as it was typed.
 */
import { strict as assert } from 'node:assert';
import { screenText } from '../../services/privacy/screenText';
import * as rows from './testData/screening';

describe('security: one screening for text shown to others', function () {
  describe('the table', function () {
    const adversarial = [...rows.phones, ...rows.premium, ...rows.emails, ...rows.links, ...rows.mixed];

    it('has enough rows to mean something', function () {
      assert.ok(adversarial.length >= 40, `${adversarial.length} adversarial rows`);
      assert.ok(rows.ordinary.length >= 15, `${rows.ordinary.length} ordinary sentences`);
    });

    for (const row of adversarial) {
      it(`takes out ${row.removed.join(' and ')}: ${row.name}`, function () {
        const screened = screenText(row.typed);
        assert.equal(screened.text, row.stored);
        assert.deepEqual([...screened.removed].sort(), [...row.removed].sort());
        const again = screenText(screened.text);
        assert.equal(again.text, screened.text, 'screening twice changes nothing more');
        assert.deepEqual(again.removed, []);
      });
    }

    for (const sentence of rows.ordinary) {
      it(`keeps ordinary French: ${sentence}`, function () {
        assert.deepEqual(screenText(sentence), { text: sentence, removed: [] });
      });
    }

    it('removes without a placeholder when asked (a signature)', function () {
      assert.deepEqual(screenText('Camille 06 12 34 56 78', { replacement: 'nothing' }), {
        text: 'Camille',
        removed: ['phone'],
      });
    });

    it('screens a long message quickly', function () {
      const long = `${'Je fais les courses le mardi, '.repeat(300)}${'a'.repeat(5000)}@`;
      const started = process.hrtime.bigint();
      screenText(long);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 500, `${ms.toFixed(1)} ms`);
    });
  });
});
