/**
 * A resident's whole life with the bot, lived through the real code paths on the test
 * database, for the erasure and export tests: the real bot (`VoisinsBot`, the main dialog,
 * botbuilder state in the `bot_state` collection through `MongoStorage`), the real domain
 * and moderation services, the real inbox and outbox stores.
 */
import { createHash } from 'node:crypto';
import { strict as assert } from 'node:assert';
import { ConversationState, TurnContext, UserState, type Activity, TestAdapter } from 'botbuilder';
import type { Db } from 'mongodb';
import { VoisinsBot } from '../../bot/bot';
import { extractEvents } from '../../bot/messenger/events';
import { sharedContact } from '../../dialogs/matching/helperAnswer';
import { MainDialog } from '../../dialogs/mainDialog';
import { systemClock } from '../../services/clock';
import { MongoStorage, type StorageDocument } from '../../services/db/mongoStorage';
import { GraphError } from '../../services/graph';
import { t } from '../../services/i18n';
import { InboxStore } from '../../services/inbox/inboxStore';
import { silentLogger } from '../../services/logger';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { ModeratorRepository } from '../../services/moderation/moderatorRepository';
import { UndeliveredQueue } from '../../services/moderation/undeliveredQueue';
import { Outbox, OutboxStore } from '../../services/outbox';
import { PublicationStore } from '../../services/testimonials/publicationStore';
import { startHarness, sharedNlu, toActivity, type Harness, type Input } from '../dialogs/support/harness';
import { textsOf } from '../dialogs/support/table';
import { at, MIRAMAS, offset } from '../services/support';

/** The person whose data is erased or exported. */
export const PERSON = {
  psid: '7310000000000042',
  phone: '06 98 76 54 32',
  email: 'philomene.berthier@example.org',
  firstName: 'Philomène',
  /** What they told a referent during the handover. */
  transcript: 'Je suis Philomène, rappelez-moi au 06 98 76 54 32 svp',
  /** What the referent answered. */
  moderatorReply: 'Bonjour Philomène, je vous appelle demain matin.',
} as const;
/** The helper who accepted their need (contact through the Page only). */
export const HELPER = '7320000000000077';
/** An admin of the Page (a referent), who reviews testimonials. */
export const ADMIN = '3000000000000009';

const DAY_MS = 86_400_000;

/** What the seeding learnt. */
export interface Life {
  needId: string;
  offerId: string;
  matchId: string;
  testimonialId: string;
  handoverId: string;
  /** Where the need is, as stored ([longitude, latitude]). */
  coordinates: [number, number];
  storageConsentAt: Date;
  publicationConsentAt: Date;
}

/** The bot and the stores, over one test database. */
export interface World {
  harness: Harness;
  db: Db;
  /** Sends `input` as `psid` through the real bot; returns the texts of the replies. */
  say(psid: string, input: Input): Promise<string>;
  inbox: InboxStore;
  outbox: Outbox;
  dispose(): Promise<void>;
}

/**
 * Opens a world whose clock starts at the real time (so that nothing seeded is already past
 * its TTL when the test looks at it).
 */
export async function openWorld(): Promise<World> {
  const harness = await startHarness(sharedNlu());
  const { db } = harness.database;
  harness.clock.set(new Date(Math.floor(Date.now() / 1000) * 1000));
  const clock = harness.clock.now;
  const directory = new ConversationDirectory(db);
  await directory.ensureIndexes();
  const storage = new MongoStorage(db.collection<StorageDocument>('bot_state'), clock);
  const bot = new VoisinsBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    dialog: new MainDialog(harness.deps),
    directory,
    clock,
  });
  const adapter = new TestAdapter();
  const inbox = new InboxStore(db);
  await inbox.ensureIndexes();
  const outboxStore = new OutboxStore(db);
  await outboxStore.ensureIndexes();
  const outbox = new Outbox({
    store: outboxStore,
    clock: systemClock,
    logger: silentLogger,
    secret: 'person-life-test-secret',
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() },
    refused: new UndeliveredQueue(db, systemClock),
    sleep: () => Promise.resolve(),
  });
  return {
    harness,
    db,
    inbox,
    outbox,
    async say(psid, input) {
      const activity: Partial<Activity> = {
        ...toActivity(psid, input),
        channelId: 'facebook',
        conversation: { id: psid, isGroup: false, conversationType: 'personal', name: '' },
        recipient: { id: '5550001', name: 'page' },
        timestamp: clock(),
      };
      // As the Messenger adapter does: it alone records where a Messenger person can be written to.
      await directory.touch(psid, clock(), TurnContext.getConversationReference(activity));
      adapter.activeQueue.splice(0);
      await adapter.processActivity(activity, (context: TurnContext) => bot.run(context));
      return textsOf(adapter.activeQueue.splice(0));
    },
    dispose: () => harness.dispose(),
  };
}

/**
 * The person's life: consents, contact, a need matched with a helper who accepted, their
 * "no" to the follow-up (a complaint), a testimonial signed with their first name, a
 * handover with a transcript, notices that could not be delivered (one to them, one to the
 * helper with their phone), inbox events and outbox calls, and their own dialog state.
 */
export async function liveLife(world: World): Promise<Life> {
  const { harness, db } = world;
  const say = (psid: string, input: Input): Promise<string> => world.say(psid, input);
  const { residents, entries, matches } = harness.repositories;
  const clock = harness.clock;
  const moderators = new ModeratorRepository(db, clock.now);
  await moderators.upsert({ psid: ADMIN, name: 'Awa', quartiers: [], role: 'admin' });

  const storageConsentAt = clock.now();
  await residents.recordStorageConsent(PERSON.psid, {
    given: true,
    at: storageConsentAt,
    version: 'storage-v1',
    via: 'messenger',
  });
  clock.advance(DAY_MS);
  const publicationConsentAt = clock.now();
  await residents.recordPublicationConsent(PERSON.psid, {
    given: true,
    at: publicationConsentAt,
    version: 'publication-v1',
    via: 'messenger',
  });
  await residents.setContact(PERSON.psid, {
    channels: ['phone', 'email'],
    phone: PERSON.phone,
    email: PERSON.email,
  });
  const place = offset(MIRAMAS, 120, 45);
  const need = await entries.create({
    psid: PERSON.psid,
    kind: 'need',
    category: 'groceries',
    description: 'Des courses pour une dame de 84 ans au 3e étage',
    addressText: '12 rue des Capucines',
    location: at(place),
    locationSource: 'address',
    availability: 'le mardi matin',
    flags: [],
  });
  await entries.publish(need._id);

  await residents.recordStorageConsent(HELPER, {
    given: true,
    at: clock.now(),
    version: 'storage-v1',
    via: 'messenger',
  });
  await residents.setContact(HELPER, { channels: ['page'] });
  const offer = await entries.create({
    psid: HELPER,
    kind: 'offer',
    category: 'groceries',
    description: 'Je fais les courses en voiture le mardi',
    addressText: '8 avenue de la République',
    location: at(MIRAMAS),
    locationSource: 'address',
    availability: 'le mardi',
    flags: [],
  });
  await entries.publish(offer._id);
  const match = await matches.propose(need, offer, 180);
  const matchId = match._id.toHexString();

  // A handover to the referents, with what was said meanwhile; the admin takes it and hands
  // the conversation back (which clears the flags raised so far: those raised after stay).
  const handedOver = await harness.moderation.handover.handOver({
    psid: PERSON.psid,
    reason: 'asked_for_human',
    summary: '« je voudrais parler à quelqu’un pour mes courses »',
  });
  await harness.moderation.handover.onThreadEvent({
    kind: 'standby_message',
    psid: PERSON.psid,
    text: PERSON.transcript,
    mid: 'm_standby_1',
    at: clock.now(),
  });
  await harness.moderation.handover.onThreadEvent({
    kind: 'page_echo',
    psid: PERSON.psid,
    mid: 'm_echo_1',
    appId: '263902037430900',
    text: PERSON.moderatorReply,
    at: clock.now(),
  });
  await harness.moderation.handover.takeHandover(ADMIN, handedOver.handoverId.toHexString());
  await harness.moderation.handover.closeHandover(ADMIN, handedOver.handoverId.toHexString());

  // The helper accepts in their conversation: they are given the person's phone.
  const accepted = await say(HELPER, { payload: `MATCH_ACCEPT_${matchId}` });
  assert.ok(accepted.includes(PERSON.phone), 'the helper received the phone');
  clock.advance(DAY_MS);
  // The person answers the follow-up question: the help did not happen (a complaint).
  await say(PERSON.psid, { payload: `FOLLOWUP_NO_${matchId}` });

  // Their testimonial, signed with their first name.
  await say(PERSON.psid, { payload: 'MENU_TESTIMONIAL' });
  await say(PERSON.psid, 'Une voisine a fait mes courses pendant tout l’hiver, un grand merci à elle !');
  await say(PERSON.psid, { payload: 'SIGN_FIRST_NAME' });
  await say(PERSON.psid, PERSON.firstName);
  await say(PERSON.psid, 'maille 2');
  await say(PERSON.psid, { payload: 'YES' });
  const saved = await say(PERSON.psid, { payload: 'YES' });
  assert.match(saved, new RegExp(t('testimonialDialog.saved').slice(0, 20)));
  const testimonial = await db.collection('testimonials').findOne({ psid: PERSON.psid });
  assert.ok(testimonial, 'the testimonial was stored');

  // A second entry approved while their window is closed: the notice waits for a referent.
  const second = await entries.create({
    psid: PERSON.psid,
    kind: 'offer',
    category: 'conversation',
    description: 'Je peux discuter au téléphone avec une personne seule',
    neighbourhood: 'La Maille 2',
    location: at(place),
    locationSource: 'neighbourhood',
    availability: 'l’après-midi',
    flags: [],
  });
  harness.notifier.results.set(PERSON.psid, 'outside_window');
  await harness.moderation.qualification.approveEntry(ADMIN, second._id.toHexString());
  harness.notifier.results.delete(PERSON.psid);

  // Meta refused the helper's copy of the acceptance (their phone in it): kept for the referents.
  const contact = sharedContact(await residents.get(PERSON.psid)) ?? t('match.contactPrivate');
  const helperText = t('match.helperAccepted', { contact });
  await assert.rejects(
    world.outbox.runTurn(`mid:m_helper_${matchId}`, HELPER, (turn) =>
      turn.perform(
        { kind: 'message', psid: HELPER, body: { message: { text: helperText } }, text: helperText },
        () =>
          Promise.reject(
            new GraphError({ endpoint: '/me/messages', status: 400, graphCode: 10, subcode: 2018278 }),
          ),
      ),
    ),
  );
  // The bot's answer to one of their postbacks, journaled by the outbox.
  const answer = `${PERSON.firstName}, votre numéro ${PERSON.phone} est bien noté.`;
  await world.outbox.runTurn(`${PERSON.psid}:${clock.now().getTime()}:postback`, PERSON.psid, (turn) =>
    turn.perform(
      { kind: 'message', psid: PERSON.psid, body: { message: { text: answer } }, text: answer },
      () => Promise.resolve('m_out_1'),
    ),
  );
  // Their webhook events: one processed, one given up.
  const events = extractEvents({
    object: 'page',
    entry: [
      {
        id: '5550001',
        time: clock.now().getTime(),
        messaging: [
          {
            sender: { id: PERSON.psid },
            recipient: { id: '5550001' },
            timestamp: clock.now().getTime(),
            message: { mid: 'm_in_1', text: `C'est ${PERSON.firstName}, mon numéro : ${PERSON.phone}` },
          },
          {
            sender: { id: PERSON.psid },
            recipient: { id: '5550001' },
            timestamp: clock.now().getTime() + 1,
            postback: { title: 'Mes données', payload: 'MENU_PRIVACY' },
          },
        ],
      },
    ],
  });
  const realNow = new Date();
  await world.inbox.accept(events, realNow);
  const [processed, givenUp] = events;
  assert.ok(processed && givenUp, 'two events');
  await world.inbox.complete(processed.key, realNow);
  await world.inbox.fail(givenUp.key, 'Error: boom', realNow, null);

  // Their own conversation is under way.
  await say(PERSON.psid, { payload: 'MENU_MY_ENTRIES' });

  const stored = await db.collection('entries').findOne({ _id: need._id });
  return {
    needId: need._id.toHexString(),
    offerId: offer._id.toHexString(),
    matchId,
    testimonialId: testimonial._id.toHexString(),
    handoverId: handedOver.handoverId.toHexString(),
    coordinates: (stored?.location as { coordinates: [number, number] }).coordinates,
    storageConsentAt,
    publicationConsentAt,
  };
}

/**
 * Other people in the middle of a conversation that holds the person's name: the admin
 * reviewing their testimonial, and the helper whose dialog remembers their first name.
 */
export async function othersMidConversation(world: World, life: Life): Promise<void> {
  const reviewing = await world.say(ADMIN, { payload: 'ADMIN_TESTIMONIALS' });
  assert.ok(reviewing.length > 0);
  const shown = await world.say(ADMIN, { payload: `ADMIN_TESTIMONIAL_${life.testimonialId}` });
  assert.ok(shown.includes(PERSON.firstName), 'the admin sees the signature');
  const storage = new MongoStorage(
    world.db.collection<StorageDocument>('bot_state'),
    world.harness.clock.now,
  );
  await storage.write({
    [`facebook/conversations/${HELPER}/`]: {
      DialogState: {
        dialogStack: [
          {
            id: 'helperThanks',
            state: {
              options: { prompt: { text: `${PERSON.firstName} vous remercie, voulez-vous répondre ?` } },
            },
          },
        ],
      },
      ProcessedEventKeys: ['mid:m_helper_1'],
    },
  });
}

/** A second testimonial of theirs, published on the Page (as the publication job records it). */
export async function publishAnother(world: World): Promise<void> {
  const { db, harness } = world;
  const created = await harness.deps.testimonials.create({
    psid: PERSON.psid,
    text: 'Merci à tous les voisins de la résidence pour leur aide !',
    signature: {
      kind: 'first_name_neighbourhood',
      firstName: PERSON.firstName,
      neighbourhood: 'La Maille 2',
    },
    consentVersion: 'testimonial-v1',
  });
  await db.collection('testimonials').updateOne({ _id: created._id }, { $set: { status: 'approved' } });
  const store = new PublicationStore(db);
  const now = harness.clock.now();
  const message = `${created.text}\n— ${created.signature.text}`;
  const attempt = { id: 'attempt-1', message, startedAt: now, fromStatus: 'approved' as const };
  const begun = await store.begin(created._id, attempt, now);
  assert.ok(begun, 'the publication attempt was recorded');
  assert.equal(await store.published(begun._id, attempt.id, '5550001_9001', now), 'published');
}

/** One place where something of the person was found. */
export interface Finding {
  collection: string;
  id: string;
  what: string;
}

/** The strings that betray the person, and their usual hashes. */
function needles(): Array<{ what: string; text: string }> {
  const digits = PERSON.phone.replace(/\D/g, '');
  const variants = [
    { what: 'psid', text: PERSON.psid },
    { what: 'phone', text: PERSON.phone },
    { what: 'phone (digits)', text: digits },
    { what: 'phone (+33)', text: `+33${digits.slice(1)}` },
    { what: 'e-mail', text: PERSON.email },
    { what: 'first name', text: PERSON.firstName },
  ];
  const hashes = variants.flatMap(({ what, text }) =>
    ['md5', 'sha1', 'sha256'].map((algorithm) => ({
      what: `${algorithm} of ${what}`,
      text: createHash(algorithm).update(text).digest('hex'),
    })),
  );
  return [...variants, ...hashes];
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Every document of every collection of `db` (as listed by the server), searched for the
 * person's psid, phone, e-mail and first name, their md5/sha1/sha256, and any SHA-1 or
 * SHA-256 sized hex string (a fingerprint a phone could be brute-forced from).
 */
export async function scanDatabase(db: Db): Promise<{ collections: string[]; findings: Finding[] }> {
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
  const findings: Finding[] = [];
  const searched = needles();
  const folded = fold(PERSON.firstName);
  for (const name of collections) {
    for (const document of await db.collection(name).find({}).toArray()) {
      const json = JSON.stringify(document);
      const id = JSON.stringify(document._id);
      for (const needle of searched) {
        if (json.includes(needle.text)) findings.push({ collection: name, id, what: needle.what });
      }
      if (fold(json).includes(folded)) findings.push({ collection: name, id, what: 'first name (folded)' });
      const hex = /(?<![0-9a-f])(?:[0-9a-f]{64}|[0-9a-f]{40})(?![0-9a-f])/i.exec(json);
      if (hex)
        findings.push({ collection: name, id, what: `a hash-sized hex string (${hex[0].slice(0, 12)}…)` });
    }
  }
  return { collections, findings };
}

/** The findings, one per line, for an assertion message. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `  ${finding.collection} ${finding.id}: ${finding.what}`).join('\n');
}
