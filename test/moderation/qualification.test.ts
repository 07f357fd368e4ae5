import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import { noticeText } from '../../dialogs/notices';
import { ErrorCode } from '../../services/errors';
import { silentLogger } from '../../services/logger';
import { ModerationError, QualificationService, UndeliveredQueue } from '../../services/moderation';
import { newEntry } from '../services/support';
import { createWorld, MONDAY_10H, textOf, type World } from './support/harness';

const HOUR = 3_600_000;
const RESIDENT = '9000000002';
const OTHER_RESIDENT = '9000000003';
const MODERATOR = '7000000011';
const RETIRED = '7000000012';

describe('moderation/QualificationService', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
    await world.moderation.moderators.upsert({ psid: MODERATOR, name: 'Awa', quartiers: ['La Maille 2'] });
    await world.moderation.moderators.upsert({ psid: RETIRED, name: 'Yves', quartiers: [], active: false });
    await world.wrote(RESIDENT, new Date(MONDAY_10H.getTime() - HOUR));
  });
  afterEach(() => world.dispose());

  const pendingEntry = (psid = RESIDENT, neighbourhood = 'la-maille-2') =>
    world.entries.create(newEntry({ psid, neighbourhood, kind: 'offer', category: 'groceries' }));

  it('refuses everything to someone who is not an active moderator', async () => {
    const entry = await pendingEntry();
    const id = entry._id.toHexString();
    const { qualification } = world.moderation;
    for (const caller of [RESIDENT, RETIRED, '', 'abc']) {
      for (const attempt of [
        () => qualification.approveEntry(caller, id),
        () => qualification.rejectEntry(caller, id, 'payant'),
        () => qualification.listPendingEntries(caller),
      ]) {
        await assert.rejects(
          attempt(),
          (error: unknown) => error instanceof ModerationError && error.code === ErrorCode.NotModerator,
        );
      }
    }
    assert.equal((await world.entries.get(id))?.status, 'pending_review');
    assert.equal(await world.database.db.collection('audit').countDocuments(), 0);
    assert.equal(world.messagesTo(RESIDENT).length, 0);
  });

  it('publishes an entry, audits it and tells the resident in French', async () => {
    const entry = await pendingEntry();
    const id = entry._id.toHexString();
    const result = await world.moderation.qualification.approveEntry(MODERATOR, id);
    assert.equal(result.residentNotified, true);
    assert.equal((await world.entries.get(id))?.status, 'published');
    const [record] = await world.moderation.audit.recent(1);
    assert.deepEqual(
      [record?.actor, record?.action, record?.target],
      [MODERATOR, 'entry.approve', { type: 'entry', id }],
    );
    const messages = world.messagesTo(RESIDENT);
    assert.equal(messages.length, 1);
    assert.match(textOf(messages[0]), /proposition d'aide « Courses » a été validée/);
    await assert.rejects(world.moderation.qualification.approveEntry(MODERATOR, id), {
      code: 'invalid_state',
    });
  });

  it('closes a refused entry with its reason and tells the resident why', async () => {
    const entry = await pendingEntry();
    const id = entry._id.toHexString();
    await world.moderation.qualification.rejectEntry(MODERATOR, id, 'payant');
    const stored = await world.database.db.collection('entries').findOne({ _id: entry._id });
    assert.equal(stored?.status, 'closed');
    assert.equal(stored?.rejectedReason, 'payant');
    const [record] = await world.moderation.audit.recent(1);
    assert.equal(record?.action, 'entry.reject');
    assert.equal(record?.detail, 'payant');
    assert.match(textOf(world.messagesTo(RESIDENT)[0]), /gratuite/);
    await assert.rejects(world.moderation.qualification.rejectEntry(MODERATOR, id, 'because' as never), {
      code: 'invalid_input',
    });
  });

  it('tells the resident when the moderator’s turn runs again after the database failed mid-way', async () => {
    const entry = await pendingEntry();
    const id = entry._id.toHexString();
    // The decision is saved, then the database goes: neither the notice nor its fallback for
    // the moderators can be written, and the moderator's turn fails (the inbox replays it).
    const gone = await MongoClient.connect(world.database.uri);
    await gone.close();
    const duringOutage = new QualificationService({
      entries: world.entries,
      moderators: world.moderation.moderators,
      audit: world.moderation.audit,
      notifier: { notify: () => Promise.reject(new Error('server selection timed out')) },
      noticeText,
      undelivered: new UndeliveredQueue(gone.db(world.database.name), world.clock.now),
      logger: silentLogger,
    });
    await assert.rejects(duringOutage.rejectEntry(MODERATOR, id, 'payant'));
    assert.equal((await world.entries.get(id))?.status, 'closed');
    assert.equal(world.messagesTo(RESIDENT).length, 0);

    const replay = await world.moderation.qualification.rejectEntry(MODERATOR, id, 'payant');
    assert.equal(replay.residentNotified, true);
    assert.equal(world.messagesTo(RESIDENT).length, 1);
    assert.match(textOf(world.messagesTo(RESIDENT)[0]), /gratuite/);
    assert.equal(
      (await world.moderation.audit.recent(5)).filter((record) => record.action === 'entry.reject').length,
      1,
      'the decision is audited once',
    );
    await assert.rejects(world.moderation.qualification.rejectEntry(MODERATOR, id, 'payant'), {
      code: 'invalid_state',
    });
  });

  it('keeps the notice for the moderators when the resident’s window is closed', async () => {
    const entry = await pendingEntry(OTHER_RESIDENT);
    await world.wrote(OTHER_RESIDENT, new Date(MONDAY_10H.getTime() - 25 * HOUR));
    const result = await world.moderation.qualification.approveEntry(MODERATOR, entry._id.toHexString());
    assert.equal(result.residentNotified, false);
    assert.equal(world.messagesTo(OTHER_RESIDENT).length, 0);
    const [queued] = await world.moderation.undelivered.pending();
    assert.equal(queued?.psid, OTHER_RESIDENT);
    assert.equal(queued?.kind, 'entry_approved');
    assert.equal(queued?.reason, 'outside_window');
    assert.equal(queued?.ref, entry._id.toHexString());
  });

  it('lists the pending entries of the moderator’s neighbourhoods and those nobody follows', async () => {
    await world.moderation.moderators.upsert({ psid: '7000000013', name: 'Chloé', quartiers: ['Mercure'] });
    const mine = await pendingEntry(RESIDENT, 'La Maille 2');
    await pendingEntry(RESIDENT, 'Mercure');
    const orphan = await pendingEntry(RESIDENT, 'Les Molières');
    const published = await pendingEntry(RESIDENT, 'la-maille-2');
    await world.entries.publish(published._id);
    const listed = await world.moderation.qualification.listPendingEntries(MODERATOR);
    assert.deepEqual(
      listed.map((entry) => entry._id.toHexString()).sort(),
      [mine._id.toHexString(), orphan._id.toHexString()].sort(),
    );
  });
});
