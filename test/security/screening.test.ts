/**
 * Free text one resident types and another person reads goes through one screening:
 * Unicode normalised, invisible and bidirectional controls removed, then phones, premium
 * numbers, e-mails and links taken out, and ordinary French left as it was typed.
 *
 * The table checks the screening itself; the scenarios check each place that stores such
 * text, through the real dialogs and services: an offer's description and "quand", a need's
 * "quand" as the helper reads it, a testimonial as the Page publishes it, a handover summary
 * as the referent receives it, an entry registered by a referent.
 */
import { strict as assert } from 'node:assert';
import { ObjectId } from 'mongodb';
import type { Entry } from '../../services/domain/types';
import { createGraphClients } from '../../services/graph';
import { silentLogger } from '../../services/logger';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { screenText } from '../../dialogs/screening';
import { publishTestimonials } from '../../services/testimonials/publisher';
import { TESTIMONIALS_COLLECTION, type Testimonial } from '../../services/testimonials/types';
import { seedHelper } from '../dialogs/support/seed';
import { useHarness, type Harness } from '../dialogs/support/harness';
import { keyPattern, runTable, type Ids } from '../dialogs/support/table';
import { noWait } from '../jobs/support';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import * as rows from './testData/screening';
import * as homes from './testData/homeAddresses';
import { frenchPosts } from '../../dialogs/testimonials/signature';

const RESIDENT = 'resident-screening';
const HELPER = 'helper-near';
const REFERENT = '7000000001';
const ADMIN = '3000000000000001';
const PAGE_ID = '5550001';

/** The digits of `text`, for checks that no phone survives in any layout. */
const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** No phone of the scenarios, in any layout, and no address or link, is in `text`. */
function assertNoContacts(text: string): void {
  for (const phone of ['612345678', '490587979', '711223344', '698765432']) {
    assert.ok(!digitsOf(text).includes(phone), `a phone survived in «${text}»`);
  }
  assert.doesNotMatch(text, /@|＠|arobase|\[at\]|\(at\)|bit\.ly|wa\.me|mail\.fr|mail point/i);
  assert.doesNotMatch(text, /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFF10-\uFF19]/);
}

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

    it('has enough addresses and look-alikes to mean something', function () {
      assert.ok(homes.addresses.length >= 40, `${homes.addresses.length} addresses`);
      assert.ok(homes.ordinary.length >= 40, `${homes.ordinary.length} ordinary sentences`);
    });

    for (const row of homes.addresses) {
      it(`takes out the address: ${row.typed}`, function () {
        const screened = screenText(row.typed);
        assert.equal(screened.text, row.shown);
        assert.deepEqual(screened.removed, ['address']);
        assert.deepEqual(screenText(screened.text).removed, [], 'screening twice changes nothing more');
      });
    }

    for (const sentence of homes.ordinary) {
      it(`keeps what only looks like an address: ${sentence}`, function () {
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

  describe('the places that store it', function () {
    let graph: FakeGraph;
    let harness: Harness;
    let ids: Ids;

    before(async function () {
      graph = await startFakeGraph();
    });
    after(async function () {
      await graph.close();
    });
    useHarness(
      async (started) => {
        harness = started;
        ids = {};
        graph.reset();
        await harness.moderation.moderators.upsert({
          psid: REFERENT,
          name: 'Awa',
          quartiers: [],
          role: 'admin',
        });
        await new ConversationDirectory(harness.database.db).touch(REFERENT, harness.clock.now(), {});
      },
      () => ({ feed: feed(), feedRetry: noWait }),
    );

    const feed = () =>
      createGraphClients({
        graphApiUrl: graph.url,
        graphApiVersion: 'v25.0',
        accessToken: 'page-token',
        appSecret: 'app-secret',
        logger: silentLogger,
      }).feed;
    const entries = (filter: Partial<Entry>) =>
      harness.database.db.collection<Entry>('entries').find(filter).toArray();
    const testimonials = () => harness.database.db.collection<Testimonial>(TESTIMONIALS_COLLECTION);

    /** Publishes what is due (one testimonial per run) and returns every message posted on the fake Page so far. */
    async function publishedMessages(): Promise<string[]> {
      await publishTestimonials(
        {
          db: harness.database.db,
          feed: feed(),
          pageId: PAGE_ID,
          notifyAdmins: () => Promise.resolve(),
          composer: frenchPosts,
          logger: silentLogger,
          retry: noWait,
        },
        harness.clock.now(),
      );
      return graph.calls
        .filter((call) => call.method === 'POST' && call.path === `/${PAGE_ID}/feed`)
        .map((call) => String((call.body as { message?: unknown }).message));
    }

    it('an offer: the description and "quand" are stored screened, and the resident is told', async function () {
      await runTable(harness, RESIDENT, rows.offerWithContacts);
      const [offer, ...others] = await entries({ psid: RESIDENT });
      assert.equal(others.length, 0);
      assert.equal(offer.description, 'Je fais vos courses, appelez le [numéro retiré] ou [e-mail retiré]');
      assert.equal(offer.availability, 'le soir après 18h, sinon [numéro retiré] ou [lien retiré]');
    });

    it('a need: the helper asked reads its description and "quand" screened', async function () {
      ids.near = await seedHelper(harness, {
        psid: HELPER,
        category: 'groceries',
        meters: 300,
        contact: { channels: ['page'] },
      });
      await runTable(harness, RESIDENT, rows.needWithContacts, ids);
      const [need] = await entries({ psid: RESIDENT });
      assert.equal(need.description, 'Récupérer mes courses au drive, mon fixe [numéro retiré]');
      assert.equal(need.availability, 'demain matin, appelez le [numéro retiré] ou [e-mail retiré]');
      const [request] = harness.notifier.to(HELPER);
      const text = request?.activity.text ?? '';
      assert.match(text, keyPattern('match.helperAsk'));
      assert.match(text, /demain matin, appelez le \[numéro retiré\] ou \[e-mail retiré\]/);
      assertNoContacts(text);
    });

    it('a testimonial: stored, corrected and published on the Page without contacts', async function () {
      await runTable(harness, RESIDENT, rows.testimonialWithContacts);
      const stored = await testimonials().findOne({ psid: RESIDENT });
      assert.ok(stored);
      assert.equal(
        stored.text,
        'Nadia a fait mes courses, merci ! Son site : [lien retiré] et [e-mail retiré]',
      );
      assert.equal(stored.signature.text, 'Camille, La Maille 2');
      await harness.deps.testimonials.approve(
        stored._id.toHexString(),
        ADMIN,
        'Nadia a fait mes courses, merci ! Appelez-la au 06.12.34.56.78',
      );
      const [message] = await publishedMessages();
      assert.match(message ?? '', /Appelez-la au \[numéro retiré\]/);
      assertNoContacts(message ?? '');
    });

    it('a testimonial written straight to the repository, or stored before the screening, is published screened', async function () {
      await harness.deps.testimonials.create({
        psid: RESIDENT,
        text: 'Merci Nadia ! ０６ １２ ３４ ５６ ７８',
        signature: {
          kind: 'first_name_neighbourhood',
          firstName: 'Nadia jean@mail.fr',
          neighbourhood: 'wa.me/33612345678',
        },
        consentVersion: 'testimonial-v1',
      });
      const created = await testimonials().findOne({ psid: RESIDENT });
      assert.ok(created);
      assert.equal(created.text, 'Merci Nadia ! [numéro retiré]');
      assert.equal(created.signature.text, 'Nadia, Miramas');
      await harness.deps.testimonials.approve(created._id.toHexString(), ADMIN);
      await testimonials().insertOne({
        ...created,
        _id: new ObjectId(),
        text: 'Ancien témoignage, appelez le 0\u200B6 12 34 56 78',
        signature: { kind: 'first_name_neighbourhood', text: 'Jean, 06 12 34 56 78' },
        status: 'approved',
      });
      await publishedMessages();
      const messages = await publishedMessages();
      assert.equal(messages.length, 2);
      for (const message of messages) assertNoContacts(message);
    });

    it('a handover: the summary stored and sent to the referent is screened', async function () {
      await runTable(harness, RESIDENT, rows.handOverWithContacts);
      const handover = await harness.moderation.handovers.active(RESIDENT);
      assert.ok(handover);
      assert.match(handover.summary, /mon numéro est le \[numéro retiré\]/);
      assert.match(handover.summary, /ou écrivez à \[e-mail retiré\] ou \[lien retiré\]/);
      assertNoContacts(handover.summary);
      const [notice] = harness.notifier.to(REFERENT);
      assert.ok(notice, 'the referent was told');
      assertNoContacts(notice.activity.text ?? '');
    });

    it('a handover asked by a service: the summary is screened before it is stored or sent', async function () {
      await harness.moderation.handover.handOver({
        psid: RESIDENT,
        reason: 'no_match_urgent',
        summary: 'Courses : « appelez le 0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣ »',
      });
      const handover = await harness.moderation.handovers.active(RESIDENT);
      assert.equal(handover?.summary, 'Courses : « appelez le [numéro retiré] »');
      assertNoContacts(harness.notifier.to(REFERENT)[0]?.activity.text ?? '');
    });

    it('an entry registered by a referent: description and "quand" screened, the phone kept as contact', async function () {
      await runTable(harness, REFERENT, rows.registeredWithContacts);
      const [registered] = await entries({ registeredBy: REFERENT });
      assert.ok(registered);
      assert.equal(registered.description, 'Courses le mardi, son fils au [numéro retiré]');
      assert.equal(registered.availability, 'le mardi matin, ou [e-mail retiré]');
      const person = await harness.repositories.residents.get(registered.psid);
      assert.equal(person?.contact?.phone, '0698765432');
    });

    it('an entry created by any other path is screened by the repository', async function () {
      const offer = await harness.repositories.entries.create({
        psid: RESIDENT,
        kind: 'offer',
        category: 'groceries',
        description: 'Courses, appelez 𝟎𝟔 𝟏𝟐 𝟑𝟒 𝟓𝟔 𝟕𝟖',
        availability: 'le soir, jean(at)mail.fr',
        location: { type: 'Point', coordinates: [5.0017, 43.5833] },
        locationSource: 'address',
        flags: [],
      });
      assert.equal(offer.description, 'Courses, appelez [numéro retiré]');
      assert.equal(offer.availability, 'le soir, [e-mail retiré]');
    });
  });
});
