/**
 * The e-mail way to a helper outside their window (bot/helperMail.ts), over a recording mail
 * outbox: who is e-mailed, what the message says and hides, and the signed link it carries.
 */
import assert from 'node:assert/strict';
import { helperMail } from '../../bot/helperMail';
import type { Resident } from '../../services/domain/types';
import { silentLogger } from '../../services/logger';
import type { MailMessage, MailOutboxResult } from '../../services/mail';
import type { HelperAskedNotice } from '../../services/matching';
import { readRef } from '../../services/referrals';

const NOW = new Date('2026-04-06T09:00:00Z');
const SECRET = 'a-link-secret-for-the-tests';
const NOTICE: HelperAskedNotice = {
  type: 'matching.helperAsked',
  matchId: '0123456789abcdef01234567',
  category: 'groceries',
  distanceMeters: 420,
  description: 'Mon pack de lait au 3 rue des Lilas',
  availability: 'jeudi matin',
};

function setUp(
  contact: Resident['contact'] | undefined,
  options: { enabled?: boolean; result?: MailOutboxResult } = {},
) {
  const sent: Array<{ key: string; message: MailMessage }> = [];
  const reach = helperMail({
    residents: {
      get: () => Promise.resolve(contact ? ({ psid: 'h1', contact } as Resident) : null),
      localeOf: () => Promise.resolve('fr'),
    },
    outbox: {
      enabled: options.enabled ?? true,
      send: (key, message) => {
        sent.push({ key, message });
        return Promise.resolve(options.result ?? 'sent');
      },
    },
    pageName: 'voisinsmiramas',
    linkSecret: SECRET,
    answerHours: 6,
    clock: () => NOW,
    logger: silentLogger,
  });
  return { reach, sent };
}

describe('mail: a request e-mailed to a helper outside the window', () => {
  it('e-mails the request in a few words with a signed link valid until the answer timeout', async () => {
    const { reach, sent } = setUp({ channels: ['email'], email: 'helper@example.org' });
    assert.equal(await reach('h1', NOTICE), true);
    assert.equal(sent.length, 1);
    const [{ key, message }] = sent;
    assert.equal(key, `helper-ask:${NOTICE.matchId}`);
    assert.equal(message.to, 'helper@example.org');
    assert.equal(message.subject, 'Un voisin a besoin de votre aide (courses)');
    assert.match(message.text, /à moins de 500 m de chez vous/);
    assert.match(message.text, /quand : jeudi matin/);
    // Never the asker's own words nor their address.
    assert.doesNotMatch(message.text, /lait|Lilas/);
    const link = /https:\/\/m\.me\/voisinsmiramas\?ref=\S+/.exec(message.text)?.[0];
    assert.ok(link, message.text);
    const read = readRef(new URL(link).searchParams.get('ref'), SECRET, NOW);
    assert.ok(read.ok);
    assert.deepEqual(read.ref, {
      kind: 'match',
      subject: NOTICE.matchId,
      expiresAt: new Date(NOW.getTime() + 6 * 3_600_000),
    });
    assert.equal(readRef(new URL(link).searchParams.get('ref'), 'another-secret-entirely', NOW).ok, false);
  });

  it('reaches nobody without an e-mail chosen, with e-mail off, or when the server refused it for good', async () => {
    assert.equal(await setUp({ channels: ['page'] }).reach('h1', NOTICE), false);
    assert.equal(await setUp({ channels: ['phone'], phone: '0612345678' }).reach('h1', NOTICE), false);
    assert.equal(await setUp(undefined).reach('h1', NOTICE), false);
    const off = setUp({ channels: ['email'], email: 'helper@example.org' }, { enabled: false });
    assert.equal(await off.reach('h1', NOTICE), false);
    assert.equal(off.sent.length, 0);
    const refused = setUp({ channels: ['email'], email: 'helper@example.org' }, { result: 'failed' });
    assert.equal(await refused.reach('h1', NOTICE), false);
    // Already e-mailed (the same request asked again on a replay): still reached.
    const replay = setUp({ channels: ['email'], email: 'helper@example.org' }, { result: 'duplicate' });
    assert.equal(await replay.reach('h1', NOTICE), true);
  });
});
