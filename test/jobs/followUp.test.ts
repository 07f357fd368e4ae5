import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import type { ConversationAttention } from '../../services/conversations/attention';
import type { Match } from '../../services/domain/types';
import { createFollowUpJob } from '../../services/matching/jobs';
import type { FollowUp } from '../../services/matching';
import { openJobsHarness, payloadsOf, type JobsHarness } from './support';

const ACCEPTED = new Date('2026-05-04T09:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number): Date => new Date(ACCEPTED.getTime() + hours * HOUR);

describe('follow-up job', () => {
  let h: JobsHarness;
  const matches = () => h.database.db.collection<Match & { followUp?: FollowUp }>('matches');
  const run = (hours: number) => {
    h.clock.set(at(hours));
    return createFollowUpJob(h.modules.matching).run({ now: at(hours) });
  };
  const insertMatch = async (status: Match['status'] = 'accepted'): Promise<ObjectId> => {
    const { insertedId } = await matches().insertOne({
      needId: new ObjectId(),
      offerId: new ObjectId(),
      needPsid: 'asker',
      offerPsid: 'helper',
      category: 'groceries',
      distanceMeters: 600,
      status,
      createdAt: at(-1),
      updatedAt: ACCEPTED,
      acceptedAt: ACCEPTED,
    });
    return insertedId;
  };

  before(async () => {
    h = await openJobsHarness('follow_up', ACCEPTED);
  });
  after(async () => h.dispose());
  beforeEach(async () => {
    h.resetGraph();
    await matches().deleteMany({});
    await h.database.db.collection('conversation_refs').deleteMany({});
    await h.database.db.collection('conversations').deleteMany({});
  });

  it('asks both residents once, about 20 hours after acceptance, with yes/no quick replies', async () => {
    const id = await insertMatch();
    await insertMatch('proposed');
    await h.wrote('asker', at(6));
    await h.wrote('helper', at(10));
    assert.deepEqual(await run(19), { matches: 0, sent: 0, notReachable: 0, failed: 0 });
    assert.deepEqual(await run(20), { matches: 1, sent: 2, notReachable: 0, failed: 0 });
    for (const psid of ['asker', 'helper']) {
      const sent = h.messagesTo(psid);
      assert.equal(sent.length, 1);
      assert.deepEqual(payloadsOf(sent[0]), [
        `FOLLOWUP_YES_${id.toHexString()}`,
        `FOLLOWUP_NO_${id.toHexString()}`,
      ]);
    }
    assert.deepEqual(await run(21), { matches: 0, sent: 0, notReachable: 0, failed: 0 }, 'never twice');
    assert.equal(h.messagesTo('asker').length, 1);
    const stored = await matches().findOne({ _id: id });
    assert.equal(stored?.followUp?.need?.result, 'sent');
    assert.equal(stored?.followUp?.offer?.result, 'sent');
  });

  it('records a resident outside the 24-hour window as not reachable, without writing to them', async () => {
    const id = await insertMatch();
    await h.wrote('asker', at(-10));
    await h.wrote('helper', at(12));
    assert.deepEqual(await run(20), { matches: 1, sent: 1, notReachable: 1, failed: 0 });
    assert.equal(h.messagesTo('asker').length, 0);
    const stored = await matches().findOne({ _id: id });
    assert.equal(stored?.followUp?.need?.result, 'outside_window');
    assert.equal(stored?.followUp?.offer?.result, 'sent');
  });

  it('stores answers; a "no" flags the conversation for the moderators', async () => {
    const id = await insertMatch();
    const { matching } = h.modules;
    assert.equal(await matching.recordFollowUp(id.toHexString(), 'helper', true), true);
    assert.equal(await matching.recordFollowUp(id.toHexString(), 'asker', false), true);
    assert.equal(await matching.recordFollowUp(id.toHexString(), 'stranger', false), false);
    assert.equal(await matching.recordFollowUp('nope', 'asker', false), false);
    const stored = await matches().findOne({ _id: id });
    assert.equal(stored?.followUp?.answers?.offer?.yes, true);
    assert.equal(stored?.followUp?.answers?.need?.yes, false);
    const flags = await h.database.db.collection<ConversationAttention>('conversations').find().toArray();
    assert.deepEqual(
      flags.map((flag) => [flag.psid, flag.reasons.map((reason) => reason.reason)]),
      [['asker', ['complaint']]],
    );
  });
});
