/**
 * "Mes annonces" (list, pause, resume, withdraw, owner-guarded) and "Mes données"
 * (export as French text, deletion that really deletes, the bot's state included).
 *
 * @remarks
 * Over in-memory fakes of the ports, except the deletion: it stays on the database harness
 * because what it checks is that every collection holding the resident's data (residents,
 * entries, matches, directory, conversations, handovers, undelivered notices) is emptied
 * of them and only of them, and that the bot's stored dialog state goes too.
 */
import { strict as assert } from 'node:assert';
import type { Entry, Match, Resident } from '../../services/domain/types';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { startFakeConversation, type FakeConversation } from './support/fakes';
import { sharedNlu, useHarness, type Harness } from './support/harness';
import { seedHelper } from './support/seed';
import { runTable, type Ids } from './support/table';
import * as tables from './testData/account';
import { at, MIRAMAS } from '../services/support';

const PSID = 'resident-account';

describe('dialogs: my entries and my data, over fakes', function () {
  let harness: FakeConversation;
  let ids: Ids;
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
    ids = {};
  });

  /** The resident with an offer (pending review) and a published need; a helper's offer. */
  async function seedResident(): Promise<void> {
    const { residents, entries, clock } = harness;
    await residents.recordStorageConsent(PSID, {
      given: true,
      at: clock.now(),
      version: 'storage-v1',
      via: 'messenger',
    });
    await residents.setContact(PSID, { channels: ['phone'], phone: '0612345678' });
    const base = {
      availability: 'le soir',
      location: at(MIRAMAS),
      locationSource: 'address' as const,
    };
    const offer = entries.add(
      PSID,
      { ...base, kind: 'offer', category: 'groceries', description: 'Je peux faire vos courses en voiture' },
      { createdAt: clock.now() },
    );
    clock.advance(60_000);
    const need = entries.add(
      PSID,
      { ...base, kind: 'need', category: 'pharmacy', description: 'Ordonnance' },
      { createdAt: clock.now(), status: 'published' },
    );
    entries.add(
      'helper',
      { ...base, kind: 'offer', category: 'pharmacy', description: 'Je vais à la pharmacie' },
      { status: 'published' },
    );
    ids.offer = offer._id.toHexString();
    ids.need = need._id.toHexString();
  }

  const entry = (id: string) => harness.entries.stored.find((stored) => stored._id.toHexString() === id);

  it('lists the entries with their status in French and withdraws one', async function () {
    await seedResident();
    await runTable(harness, PSID, tables.withdrawEntry, ids);
    assert.equal(entry(ids.offer)?.status, 'withdrawn');
    assert.equal(entry(ids.need)?.status, 'published');
  });

  it('pauses and resumes an entry', async function () {
    await seedResident();
    await runTable(harness, PSID, tables.pauseAndResume, ids);
    assert.notEqual(entry(ids.offer)?.paused, true);
  });

  it('says when there is nothing, and never acts on someone else\u2019s entry', async function () {
    await runTable(harness, PSID, tables.noEntries);
    await seedResident();
    await runTable(harness, 'someone-else', tables.othersEntry, ids);
    assert.equal(entry(ids.offer)?.status, 'pending_review');
  });

  it('exports the resident\u2019s data as a French message', async function () {
    await seedResident();
    await runTable(harness, PSID, tables.exportData, ids);
  });

  it('shows what is stored, not the deletion, when "voir mes données" is typed', async function () {
    await runTable(harness, 'resident-who-looks', tables.seeTypedThenExported, ids);
  });

  it('asks for confirmation when "supprimer mes données" is typed, and keeps everything on "non"', async function () {
    await seedResident();
    await runTable(harness, PSID, tables.deleteTypedThenKept, ids);
    assert.equal((await harness.entries.listByResident(PSID)).length, 2);
    assert.deepEqual(harness.privacy.erasures, []);
    assert.deepEqual(harness.testimonials.withdrawals, []);
  });
});

describe('dialogs: my data deleted, on the database', function () {
  let harness: Harness;
  let ids: Ids;
  useHarness((started) => {
    harness = started;
    ids = {};
  });

  /** The resident with an offer (pending review) and a published need, plus a match with a helper. */
  async function seedResident(): Promise<void> {
    const { residents, entries, matches } = harness.repositories;
    await residents.recordStorageConsent(PSID, {
      given: true,
      at: harness.clock.now(),
      version: 'storage-v1',
      via: 'messenger',
    });
    await residents.setContact(PSID, { channels: ['phone'], phone: '0612345678' });
    const base = {
      psid: PSID,
      availability: 'le soir',
      location: at(MIRAMAS),
      locationSource: 'address' as const,
    };
    const offer = await entries.create({
      ...base,
      kind: 'offer',
      category: 'groceries',
      description: 'Je peux faire vos courses en voiture',
    });
    harness.clock.advance(60_000);
    const need = await entries.create({
      ...base,
      kind: 'need',
      category: 'pharmacy',
      description: 'Ordonnance',
    });
    await entries.publish(need._id);
    ids.offer = offer._id.toHexString();
    ids.need = need._id.toHexString();
    const helperOffer = await seedHelper(harness, {
      psid: 'helper',
      category: 'pharmacy',
      meters: 200,
      contact: { channels: ['page'] },
    });
    const helperEntry = await entries.get(helperOffer);
    await matches.propose(need, helperEntry!, 200);
  }

  const db = () => harness.database.db;
  const count = (collection: string, filter: object) => db().collection(collection).countDocuments(filter);

  it('deletes everything after confirmation: documents, directory and dialog state', async function () {
    await seedResident();
    await new ConversationDirectory(db()).touch(PSID, harness.clock.now(), {});
    await harness.attention.flag(PSID, 'asked_for_human');
    await db()
      .collection('handoffs')
      .insertMany([
        {
          psid: PSID,
          reason: 'asked_for_human',
          status: 'closed',
          transcript: [{ from: 'resident', text: 'à l’aide' }],
        },
        { psid: 'someone-else', reason: 'asked_for_human', status: 'open', transcript: [] },
      ]);
    await db()
      .collection('undelivered')
      .insertOne({ psid: PSID, kind: 'other', reason: 'outside_window', text: 'x' });
    await runTable(harness, PSID, tables.deleteData.slice(0, 2), ids);
    assert.ok(await harness.dialogStateOf(PSID), 'a dialog is under way before the deletion');
    await runTable(harness, PSID, tables.deleteData.slice(2, 3), ids);
    assert.equal(await harness.dialogStateOf(PSID), undefined, 'the dialog state is deleted');
    assert.equal(await db().collection<Resident>('residents').countDocuments({ psid: PSID }), 0);
    assert.equal(await db().collection<Entry>('entries').countDocuments({ psid: PSID }), 0);
    assert.equal(await db().collection<Match>('matches').countDocuments({ needPsid: PSID }), 0);
    assert.equal(await count('conversation_refs', { _id: PSID }), 0);
    assert.equal(await count('conversations', { psid: PSID }), 0);
    assert.equal(await count('handoffs', { psid: PSID }), 0, 'handover transcripts are erased');
    assert.equal(await count('undelivered', { psid: PSID }), 0, 'undelivered notices are erased');
    assert.equal(await count('handoffs', { psid: 'someone-else' }), 1);
    assert.equal(await count('entries', { psid: 'helper' }), 1, 'other residents keep their data');
    await runTable(harness, PSID, tables.deleteData.slice(3), ids);
  });
});
