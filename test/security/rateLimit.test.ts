/**
 * Per-person limits on what costs the Page's quota or others' attention, seen from outside:
 * a flooder writing through the signed webhook gets a few answers and one polite notice, not
 * an answer per message; other residents are answered as usual; an emergency still gets the
 * numbers; two instances on one database share the count, but for each instance's small local
 * allowance. And a resident cannot store more
 * than five needs a day, nor have the bot ask more than ten helpers a day for them.
 */
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, Limits } from '../../services/limits';
import { silentLogger } from '../../services/logger';
import type { Harness, Input } from '../dialogs/support/harness';
import { useHarness } from '../dialogs/support/harness';
import { keyPattern, runTable, textsOf, type Turn } from '../dialogs/support/table';
import { ASKER_PLACE, seedHelper } from '../dialogs/support/seed';
import { needForm, needNoMatch } from '../dialogs/testData/need';
import { at } from '../services/support';
import { MessengerUser, messagesTo, textOf, type SentMessage } from '../support/messengerUser';
import { startTestApp, textMessage, webhookBody, type TestApp } from '../support/testApp';

/** Messages a person gets answered in a burst (a minute) before the bot stops answering. */
const BURST = 20;
/** Messages of a burst an instance answers before asking the shared count (`localMessagesPerBurst`). */
const LOCAL_ALLOWANCE = DEFAULT_LIMITS.localMessagesPerBurst;
/** Needs one person may store a day. */
const NEEDS_PER_DAY = 5;
/** Helpers the bot asks a day on behalf of one person's needs. */
const MATCH_REQUESTS_PER_DAY = 10;

const FLOOD = 600;
const PER_POST = 50;

/** Posts `count` text messages of `psid` through the webhook, `PER_POST` per delivery. */
async function flood(test: TestApp, psid: string, count: number, tag: string): Promise<void> {
  const base = Date.now();
  for (let first = 0; first < count; first += PER_POST) {
    const items = Array.from({ length: Math.min(PER_POST, count - first) }, (_, offset) => {
      const index = first + offset;
      return textMessage(psid, 'bonjour', `m_${tag}_${index}`, base + index);
    });
    const response = await test.postWebhook(webhookBody(...items));
    assert.equal(response.status, 200);
  }
}

/** Waits until the bot processed `count` events of `psid`. */
async function processed(test: TestApp, psid: string, count: number, timeoutMs = 90_000): Promise<void> {
  const inbox = test.database.db.collection<{ psid: string; status: string }>('inbox');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await inbox.countDocuments({ psid, status: 'done' });
    if (done >= count) return;
    assert.ok(Date.now() < deadline, `only ${done} of ${count} events of the flood processed in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the bot sent a flooder: how many greetings (answers to "bonjour"), and the rest. */
function sorted(sent: SentMessage[]): { answers: number; rest: string[] } {
  const greeting = (message: SentMessage) => /bienvenue/i.test(message.text);
  return {
    answers: sent.filter(greeting).length,
    rest: sent.filter((message) => !greeting(message)).map((message) => message.text),
  };
}

/** How many of `texts` are the notice of a burst. */
function notices(texts: string[]): number {
  return texts.filter((text) => keyPattern('limits.messagesBurst').test(text)).length;
}

/** A need of a resident who already gave their consent: the form does not ask it again. */
function returningNeed(): Turn[] {
  const first = needNoMatch(false);
  const consentAsked = first.findIndex((turn) => turn.says?.includes('form.consent'));
  return [
    ...first.slice(0, consentAsked),
    { ...first[consentAsked], says: ['form.recap'] },
    ...first.slice(consentAsked + 2),
  ];
}

describe('security: per-person rate limits', function () {
  this.timeout(120_000);

  describe('messages answered, through the signed webhook', () => {
    let test: TestApp;
    before(async () => {
      test = await startTestApp();
    });
    after(async () => {
      await test.stop();
    });

    it(`answers ${BURST} of ${FLOOD} messages of a flooder, plus one notice, while a neighbour is answered as usual`, async () => {
      const flooder = '3000000000000001';
      const neighbour = new MessengerUser(test, '3000000000000002');
      const flooding = flood(test, flooder, FLOOD, 'flood');
      const answer = textOf(await neighbour.say('Bonjour'));
      await flooding;
      await processed(test, flooder, FLOOD);

      const sent = messagesTo(test.graph.calls, flooder);
      const { answers, rest } = sorted(sent);
      assert.ok(answers <= BURST, `${answers} of ${FLOOD} messages answered (at most ${BURST} expected)`);
      assert.equal(answers, BURST, 'the messages within the limit are answered');
      assert.equal(rest.length, 1, `one notice and nothing else, got: ${rest.join(' / ')}`);
      assert.equal(notices(rest), 1, 'the notice');
      assert.match(answer, /bienvenue/i, 'the neighbour is answered');
    });

    it('still gives the emergency numbers to a resident over the limit', async () => {
      const flooder = new MessengerUser(test, '3000000000000003');
      await flood(test, flooder.psid, BURST + 5, 'urgent');
      await processed(test, flooder.psid, BURST + 5);
      assert.equal(notices(sorted(messagesTo(test.graph.calls, flooder.psid)).rest), 1);

      assert.equal(sorted(messagesTo(test.graph.calls, flooder.psid)).answers, BURST);

      const reply = textOf(await flooder.say('Au secours ma voisine est tombée elle ne respire plus'));
      assert.match(reply, keyPattern('emergency.base'));
    });
  });

  describe('referents at work', () => {
    let test: TestApp;
    before(async () => {
      test = await startTestApp();
    });
    after(async () => {
      await test.stop();
    });

    it("answers every message of a registered referent, past the residents' limit", async () => {
      const referent = '3000000000000021';
      await test.app.container
        .get('moderation')
        .moderators.upsert({ psid: referent, name: 'Awa', quartiers: [] });
      await flood(test, referent, BURST + 5, 'referent');
      await processed(test, referent, BURST + 5);
      const texts = messagesTo(test.graph.calls, referent).map((message) => message.text);
      assert.equal(notices(texts), 0);
      assert.ok(texts.length >= BURST + 5, `${texts.length} answers to ${BURST + 5} messages`);
    });
  });

  describe('two instances on one database', () => {
    let first: TestApp;
    let second: TestApp;
    before(async () => {
      first = await startTestApp();
      // The second instance only takes webhooks in until the first one's worker stops.
      second = await startTestApp({ database: first.database, env: { INBOX_WORKER: 'off' } });
    });
    after(async () => {
      await second.stop();
      await first.stop();
    });

    it('share the count: a flooder stopped by one instance gets at most the local allowance from the other, unnoticed', async () => {
      const flooder = '3000000000000011';
      await flood(first, flooder, BURST + 10, 'first');
      await processed(first, flooder, BURST + 10);
      const byFirst = sorted(messagesTo(first.graph.calls, flooder));
      assert.equal(byFirst.answers, BURST);
      assert.equal(notices(byFirst.rest), 1);

      // Fewer than a burst: without the shared count, the second instance would answer them all.
      const again = BURST - 5;
      assert.ok(LOCAL_ALLOWANCE < again);
      await first.app.worker?.stop();
      second.app.worker?.start();
      await flood(second, flooder, again, 'second');
      const neighbour = new MessengerUser(second, '3000000000000012');
      assert.match(textOf(await neighbour.say('Bonjour')), /bienvenue/i, 'the second instance answers');
      await processed(second, flooder, BURST + 10 + again);
      const bySecond = sorted(messagesTo(second.graph.calls, flooder));
      assert.ok(
        bySecond.answers <= LOCAL_ALLOWANCE,
        `${bySecond.answers} of ${again} answered by the second instance (at most ${LOCAL_ALLOWANCE})`,
      );
      assert.deepEqual(bySecond.rest, [], 'the second instance must not tell the flooder again');
    });
  });

  describe('needs stored per day', () => {
    let harness: Harness;
    useHarness((started) => {
      harness = started;
    });
    const ASKER = 'resident-many-needs';
    const needsOf = (psid: string) =>
      harness.database.db.collection('entries').countDocuments({ psid, kind: 'need' });

    it(`stores ${NEEDS_PER_DAY} needs of one person, then refuses the next with a word about the referents`, async () => {
      for (let count = 1; count <= NEEDS_PER_DAY; count++) {
        await runTable(harness, ASKER, count === 1 ? needNoMatch(false) : returningNeed());
        assert.equal(await needsOf(ASKER), count);
      }
      const [first, ...rest] = needForm();
      const replies = await harness.say(ASKER, first.send as Input);
      const text = textsOf(replies);
      assert.doesNotMatch(text, keyPattern('form.categoryNeed'), 'the form must not start again');
      assert.match(text, keyPattern('limits.needsPerDay'));
      // Whatever the resident goes on typing, nothing more is stored.
      for (const turn of rest) await harness.say(ASKER, turn.send as Input);
      await harness.say(ASKER, { payload: 'YES' });
      assert.equal(await needsOf(ASKER), NEEDS_PER_DAY);
    });

    it("refuses a need confirmed after the day's needs were used up elsewhere (another instance)", async () => {
      const form = needNoMatch(false);
      await runTable(harness, ASKER, form.slice(0, -1));
      const elsewhere = new Limits({ db: harness.database.db, logger: silentLogger });
      for (let count = 0; count < NEEDS_PER_DAY; count++) await elsewhere.takeEntry(ASKER, 'need');

      const replies = await harness.say(ASKER, { payload: 'YES' });
      assert.match(textsOf(replies), keyPattern('limits.needsPerDay'));
      assert.doesNotMatch(textsOf(replies), keyPattern('need.saved'));
      assert.equal(await needsOf(ASKER), 0);
      assert.equal(
        await harness.repositories.residents.get(ASKER),
        null,
        'nothing stored, not even the consent',
      );
    });
  });

  describe('helpers asked per need author and day', () => {
    let harness: Harness;
    useHarness((started) => {
      harness = started;
    });

    it(`asks ${MATCH_REQUESTS_PER_DAY} helpers for one person's needs, then leaves the next to a referent`, async () => {
      const asker = 'resident-many-requests';
      const need = await harness.repositories.entries.create({
        psid: asker,
        kind: 'need',
        category: 'groceries',
        description: 'Des courses au supermarché',
        availability: 'samedi',
        addressText: 'place Jean Jaurès',
        location: at(ASKER_PLACE),
        locationSource: 'address',
        beneficiary: 'self',
        urgency: 'normal',
        flags: [],
      });
      const helpers = Array.from({ length: MATCH_REQUESTS_PER_DAY + 1 }, (_, index) => `helper-${index}`);
      const outcomes: boolean[] = [];
      for (const [index, psid] of helpers.entries()) {
        const offerId = await seedHelper(harness, {
          psid,
          category: 'groceries',
          meters: 100 + 20 * index,
          contact: { channels: ['page'] },
        });
        const offer = await harness.repositories.entries.get(offerId);
        assert.ok(offer);
        const { sent } = await harness.deps.matching.askHelper(need, {
          offer,
          distanceMeters: 100 + 20 * index,
        });
        outcomes.push(sent);
      }

      assert.deepEqual(outcomes, [...Array<boolean>(MATCH_REQUESTS_PER_DAY).fill(true), false]);
      const last = helpers[MATCH_REQUESTS_PER_DAY];
      assert.deepEqual(harness.notifier.to(last), [], 'the helper past the limit is not asked');
      const match = await harness.database.db.collection('matches').findOne({ offerPsid: last });
      assert.equal(match?.status, 'to_moderators');
      const flags = (await harness.attention.get(asker))?.reasons.map((flag) => flag.reason);
      assert.deepEqual(flags, ['asked_for_human']);
    });
  });
});
