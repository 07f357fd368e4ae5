/**
 * The referents' tools in Messenger: their menu, publishing or refusing an entry (the
 * resident told), taking and closing a handover (the resident back with the bot),
 * registering someone who is not online; and nobody else reaching any of it.
 *
 * @remarks
 * The menu and the intruders run over in-memory fakes of the ports. The rest stays on the
 * database harness, end to end: publishing, refusing, taking and closing a handover and
 * registering someone offline are checked by what the moderation and entries modules store
 * (statuses, the refusal's reason, the audit log, the person's consent and phone) and by
 * their notices and thread-control calls.
 */
import { strict as assert } from 'node:assert';
import type { Entry } from '../../../services/domain/types';
import { AUDIT_COLLECTION, type AuditRecord } from '../../../services/moderation';
import { TASKS_COLLECTION, type Task } from '../../../services/tasks';
import { at, MIRAMAS } from '../../services/support';
import { startFakeConversation, type FakeConversation, type MemoryEntries } from '../support/fakes';
import { sharedNlu, useHarness, type Harness } from '../support/harness';
import { keyPattern, payloadsOf, runTable, type Ids } from '../support/table';
import { MENU } from '../testData/common';
import * as tables from './testData/moderator';

const REFERENT = '7000000001';
const OFFERER = 'resident-offer';
const ASKER = 'resident-asker';

describe('dialogs: the referents’ tools, on the database', function () {
  let harness: Harness;
  let ids: Ids;
  useHarness(async (started) => {
    harness = started;
    await harness.moderation.moderators.upsert({ psid: REFERENT, name: 'Awa', quartiers: ['La Maille 2'] });
    ids = await seedPending(harness);
  });

  const audit = () =>
    harness.database.db
      .collection<AuditRecord>(AUDIT_COLLECTION)
      .find({}, { projection: { _id: 0, actor: 1, action: 1, detail: 1 } })
      .toArray();
  const entry = (id: string) => harness.repositories.entries.get(id);

  /** The resident asks for a person and writes once on standby; learns the handover id. */
  async function residentHandedOver(): Promise<void> {
    await harness.say(ASKER, { payload: 'MENU_HUMAN' });
    const handover = await harness.moderation.handovers.active(ASKER);
    assert.ok(handover);
    await harness.moderation.handovers.append(ASKER, {
      from: 'resident',
      at: harness.clock.now(),
      text: 'Vous êtes là ?',
    });
    ids.handover = handover._id.toHexString();
  }

  it('sends a referent a one-time console link from their menu, and a resident none', async function () {
    const [menu] = await harness.say(REFERENT, 'menu');
    assert.ok(payloadsOf(menu).includes('MOD_CONSOLE'), 'the menu offers « Ouvrir la console »');
    const [reply] = await harness.say(REFERENT, { payload: 'MOD_CONSOLE' });
    const url = /http:\/\/localhost:\d+\/console\/lien\/([A-Za-z0-9_-]{43})/.exec(reply.text ?? '');
    assert.ok(url, 'the reply holds the link');
    const stored = await harness.database.db.collection('staff_links').findOne({});
    assert.equal(stored?.psid, REFERENT);
    assert.ok(!JSON.stringify(stored).includes(url[1]), 'only the hash of the token is stored');
    const [refused] = await harness.say(ASKER, { payload: 'MOD_CONSOLE' });
    assert.doesNotMatch(refused.text ?? '', /console\/lien/);
    assert.equal(await harness.database.db.collection('staff_links').countDocuments(), 1);
  });

  it('publishes an entry, tells its author, audits it, and never shows the address', async function () {
    await runTable(harness, REFERENT, tables.approve, ids);
    assert.equal((await entry(ids.offer))?.status, 'published');
    const [told] = harness.notifier.to(OFFERER);
    assert.match(told.activity.text ?? '', keyPattern('moderation.resident.approved'));
    assert.deepEqual(await audit(), [{ actor: REFERENT, action: 'entry.approve' }]);
  });

  it('refuses an entry with a reason the resident is told in French', async function () {
    await runTable(harness, REFERENT, tables.reject, ids);
    const refused = await harness.database.db
      .collection<Entry & { rejectedReason?: string }>('entries')
      .findOne({ psid: ASKER });
    assert.equal(refused?.status, 'closed');
    assert.equal(refused?.rejectedReason, 'payant');
    const [told] = harness.notifier.to(ASKER);
    assert.match(told.activity.text ?? '', keyPattern('moderation.resident.rejected'));
    assert.match(told.activity.text ?? '', /gratuite/);
    assert.deepEqual(await audit(), [{ actor: REFERENT, action: 'entry.reject', detail: 'payant' }]);
  });

  it('takes a handover, marks it done, and the resident is back with the bot and its menu', async function () {
    await residentHandedOver();
    await runTable(harness, REFERENT, tables.handover, ids);
    const closed = await harness.moderation.handovers.get(ids.handover);
    assert.equal(closed?.status, 'closed');
    assert.equal(closed?.takenBy, REFERENT);
    assert.equal(closed?.closedBy, 'moderator');
    assert.deepEqual(
      harness.threadControl.calls.map((call) => [call.kind, call.psid]),
      [
        ['pass', ASKER],
        ['take', ASKER],
      ],
    );
    const back = harness.notifier.to(ASKER).at(-1);
    assert.match(back?.activity.text ?? '', keyPattern('moderation.resident.back'));
    const offered = payloadsOf(back?.activity);
    for (const payload of MENU) assert.ok(offered.includes(payload), `${payload} offered again`);
    assert.deepEqual(
      (await audit()).map((record) => record.action),
      ['handoff.take', 'handoff.close'],
    );
  });

  it('turns the promise of a referent into a task the referent takes and ends; the resident is told the outcome', async function () {
    await harness.say(ASKER, 'mon frigo est vide, je voudrais parler a quelqu un svp');
    await harness.say(ASKER, { payload: 'MENU_HUMAN', text: 'Parler à un référent' });
    const stored = await harness.database.db
      .collection<Task>(TASKS_COLLECTION)
      .find({ psid: ASKER })
      .toArray();
    // The referent had not written to the Page: the notice they missed is a task of their own.
    const missed = await harness.database.db
      .collection<Task>(TASKS_COLLECTION)
      .find({ psid: REFERENT, reason: 'undelivered_notice' })
      .toArray();
    assert.equal(missed.length, 1, "the referent's missed notice is kept as their task");
    assert.equal(stored.length, 1, 'one task for one promise');
    const [task] = stored;
    assert.equal(task.reason, 'asked_for_human');
    assert.match(task.words ?? '', /mon frigo est vide/);
    assert.doesNotMatch(
      task.words ?? '',
      /Parler à un référent/,
      "a button title is not the resident's words",
    );
    ids.task = task._id.toHexString();

    await runTable(harness, REFERENT, tables.tasks, ids);
    const done = await harness.database.db.collection<Task>(TASKS_COLLECTION).findOne({ _id: task._id });
    assert.equal(done?.status, 'done');
    assert.equal(done?.outcome, 'helped');
    assert.equal(done?.takenBy, REFERENT);
    const told = harness.notifier.to(ASKER).at(-1);
    assert.match(told?.activity.text ?? '', keyPattern('tasks.resident.helped'));
  });

  it('registers an offer for someone offline: registeredBy, consent by phone, their phone, audited', async function () {
    await runTable(harness, REFERENT, tables.register, ids);
    const registered = await entry(ids.registered);
    assert.ok(registered);
    assert.equal(registered.registeredBy, REFERENT);
    assert.match(registered.psid, /^offline:[0-9a-f]{16}$/);
    assert.equal(registered.status, 'published');
    const person = await harness.repositories.residents.get(registered.psid);
    assert.equal(person?.consents.storage?.via, 'phone');
    assert.equal(person?.consents.storage?.given, true);
    assert.deepEqual(person?.contact.channels, ['phone']);
    assert.equal(person?.contact.phone?.replace(/\D/g, '').slice(-9), '698765432');
    assert.deepEqual(person?.offline, {
      name: 'Odette Lambert',
      addressAs: 'Mme Lambert',
      registeredBy: REFERENT,
      neighbourhood: 'Centre-ville',
    });
    assert.doesNotMatch(registered.description, /Lambert/);
    assert.equal(
      await harness.repositories.residents.get(REFERENT),
      null,
      'the referent gave no consent of their own',
    );
    assert.deepEqual(await audit(), [
      { actor: REFERENT, action: 'entry.register', detail: 'phone' },
      { actor: REFERENT, action: 'entry.approve' },
    ]);
  });

  it('asks for the phone number when the contact given was not one', async function () {
    await runTable(harness, REFERENT, tables.registerPhoneAsked, ids);
    const [registered] = await harness.database.db
      .collection<Entry>('entries')
      .find({ registeredBy: REFERENT })
      .toArray();
    assert.equal(registered.kind, 'need');
    const person = await harness.repositories.residents.get(registered.psid);
    assert.equal(person?.consents.storage?.via, 'in_person');
    assert.match(person?.contact.phone ?? '', /0490112233|04 ?90 ?11 ?22 ?33|\+33490112233/);
    assert.equal(person?.offline?.addressAs, 'Marcel');
  });
});

describe('dialogs: the referents’ tools, over fakes', function () {
  let harness: FakeConversation;
  let ids: Ids;
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
    harness.moderation.referents.set(REFERENT, 'moderator');
    ids = seedPendingInMemory(harness.entries);
  });

  /** The resident asks for a person; learns the handover id the port gave. */
  async function residentHandedOver(): Promise<void> {
    await harness.say(ASKER, { payload: 'MENU_HUMAN' });
    assert.equal(harness.handovers.length, 1);
    ids.handover = harness.moderation.handoverIds[0].toHexString();
  }

  it('shows a referent their menu on Get Started and "menu", and the residents’ menu on request', async function () {
    await runTable(harness, REFERENT, tables.menu, ids);
    const [first] = await harness.say(REFERENT, { payload: 'MOD_MENU' });
    assert.match(first.text ?? '', /2 annonce\(s\) à valider, 0 conversation/);
  });

  it('gives anyone else the residents’ menu for MOD_ payloads and changes nothing', async function () {
    await residentHandedOver();
    const before = JSON.stringify(harness.entries.stored);
    await runTable(harness, ASKER, [...tables.intruder, ...tables.intruderWithIds], ids);
    await runTable(harness, 'resident-other', tables.intruderWithIds, ids);
    assert.equal(JSON.stringify(harness.entries.stored), before);
    assert.deepEqual(harness.moderation.calls, [], 'no review or handover tool was called');
    assert.deepEqual(harness.moderation.audits, []);
    assert.equal(harness.notifier.to(OFFERER).length, 0);
  });
});

/** {@link seedPending} in memory. */
function seedPendingInMemory(entries: MemoryEntries): Ids {
  const base = {
    location: at(MIRAMAS),
    locationSource: 'address' as const,
    availability: 'le soir',
    flags: [],
  };
  const offer = entries.add(OFFERER, {
    ...base,
    kind: 'offer',
    category: 'groceries',
    description: 'Je fais vos courses en voiture',
    addressText: '8 avenue de la République',
    neighbourhood: 'La Maille 2',
  });
  const need = entries.add(
    ASKER,
    {
      ...base,
      kind: 'need',
      category: 'groceries',
      description: 'Courses contre 10 euros',
      flags: ['money'],
    },
    { createdAt: new Date('2048-04-06T09:00:01Z') },
  );
  return { offer: offer._id.toHexString(), need: need._id.toHexString() };
}

/** An offer in La Maille 2 (with a street address) and a need mentioning money, both pending. */
async function seedPending(harness: Harness): Promise<Ids> {
  const { entries } = harness.repositories;
  const base = {
    location: at(MIRAMAS),
    locationSource: 'address' as const,
    availability: 'le soir',
    flags: [],
  };
  const offer = await entries.create({
    ...base,
    psid: OFFERER,
    kind: 'offer',
    category: 'groceries',
    description: 'Je fais vos courses en voiture',
    addressText: '8 avenue de la République',
    neighbourhood: 'La Maille 2',
  });
  harness.clock.advance(1000);
  const need = await entries.create({
    ...base,
    psid: ASKER,
    kind: 'need',
    category: 'groceries',
    description: 'Courses contre 10 euros',
    flags: ['money'],
  });
  return { offer: offer._id.toHexString(), need: need._id.toHexString() };
}
