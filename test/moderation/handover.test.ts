import assert from 'node:assert/strict';
import { ErrorCode } from '../../services/errors';
import { PAGE_INBOX_APP_ID } from '../../services/graph';
import { residentHandoverText } from '../../dialogs/notices/moderation';
import { ModerationError, type HandOverRequest } from '../../services/moderation';
import {
  createWorld,
  echo,
  MONDAY_10H,
  OUR_APP_ID,
  passedTo,
  standbyMessage,
  textOf,
  type World,
} from './support/harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RESIDENT = '9000000001';
const MAILLE = '7000000001'; // follows La Maille 2, wrote recently
const MAILLE_SILENT = '7000000002'; // follows La Maille 2, never wrote
const MERCURE = '7000000003'; // follows Mercure, wrote recently
const ADMIN = '7000000009'; // admin, follows Mercure, wrote recently

const request = (overrides: Partial<HandOverRequest> = {}): HandOverRequest => ({
  psid: RESIDENT,
  reason: 'asked_for_human',
  summary: 'Demande de l’aide pour des courses, voudrait parler à quelqu’un.',
  neighbourhood: 'La Maille 2',
  scores: { ask_help: 0.41 },
  ...overrides,
});

describe('moderation/HandoverService', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
    const { moderators } = world.moderation;
    await moderators.upsert({ psid: MAILLE, name: 'Awa', quartiers: ['la-maille-2'] });
    await moderators.upsert({ psid: MAILLE_SILENT, name: 'Bruno', quartiers: ['La Maille 2'] });
    await moderators.upsert({ psid: MERCURE, name: 'Chloé', quartiers: ['Mercure'] });
    await moderators.upsert({ psid: ADMIN, name: 'Dominique', quartiers: ['Mercure'], role: 'admin' });
    for (const psid of [MAILLE, MERCURE, ADMIN])
      await world.wrote(psid, new Date(MONDAY_10H.getTime() - HOUR));
    await world.wrote(RESIDENT);
  });
  afterEach(() => world.dispose());

  it('passes the thread to the page inbox with the reason, notifies the neighbourhood inside its window, once', async () => {
    const result = await world.moderation.handover.handOver(request());
    assert.equal(result.withinHours, true);
    assert.equal(result.passed, true);
    assert.equal(result.created, true);

    const passes = world.callsTo('pass_thread_control');
    assert.equal(passes.length, 1);
    const body = passes[0]?.body as { recipient: { id: string }; target_app_id: string; metadata: string };
    assert.equal(body.recipient.id, RESIDENT);
    assert.equal(String(body.target_app_id), PAGE_INBOX_APP_ID);
    assert.equal((JSON.parse(body.metadata) as { reason: string }).reason, 'asked_for_human');

    assert.equal(world.messagesTo(MAILLE).length, 1);
    assert.match(textOf(world.messagesTo(MAILLE)[0]), /courses/);
    assert.equal(world.messagesTo(MAILLE_SILENT).length, 0, 'outside their 24-hour window');
    assert.equal(world.messagesTo(MERCURE).length, 0, 'another neighbourhood');
    assert.equal(world.messagesTo(RESIDENT).length, 0, 'the dialog tells the resident, not the service');

    const stored = await world.moderation.handovers.active(RESIDENT);
    assert.equal(stored?.status, 'open');
    assert.deepEqual(stored?.scores, { ask_help: 0.41 });
    assert.ok(stored?.passedAt);

    const again = await world.moderation.handover.handOver(request({ reason: 'complaint' }));
    assert.equal(again.created, false);
    assert.equal(again.handoverId.toHexString(), result.handoverId.toHexString());
    assert.equal(world.callsTo('pass_thread_control').length, 1);
    assert.equal(world.messagesTo(MAILLE).length, 1);
    assert.equal(await world.database.db.collection('handoffs').countDocuments({ psid: RESIDENT }), 1);
  });

  it('falls back to every moderator for a neighbourhood nobody follows, and records it when the pass fails', async () => {
    world.graph.failNext(1, { status: 400, code: 100, subcode: 2018001 });
    const result = await world.moderation.handover.handOver(request({ neighbourhood: 'Les Molières' }));
    assert.equal(result.passed, false);
    assert.equal((await world.moderation.handovers.active(RESIDENT))?.status, 'open');
    for (const psid of [MAILLE, MERCURE, ADMIN]) assert.equal(world.messagesTo(psid).length, 1, psid);
  });

  it('sends a sensitive summary to the neighbourhood and the admins only; the others read that one waits', async () => {
    await world.moderation.handover.handOver(
      request({ sensitive: true, summary: 'Mon mari me frappe, je suis au [adresse retirée]' }),
    );
    assert.equal(world.messagesTo(MAILLE).length, 1);
    assert.match(textOf(world.messagesTo(MAILLE)[0]), /frappe/);
    assert.match(textOf(world.messagesTo(ADMIN)[0]), /frappe/, 'admins read it');
    const other = world.messagesTo(MERCURE);
    assert.equal(other.length, 1);
    assert.doesNotMatch(textOf(other[0]), /frappe|adresse/);
    assert.match(textOf(other[0]), /conversation sensible attend un référent de La Maille 2/);
    const stored = await world.moderation.handovers.active(RESIDENT);
    assert.equal(stored?.sensitive, true);
  });

  it('reminds only the neighbourhood and the admins of a sensitive conversation, never a referent of every neighbourhood', async () => {
    const EVERYWHERE = '7000000004';
    await world.moderation.moderators.upsert({ psid: EVERYWHERE, name: 'Élie', quartiers: [] });
    await world.wrote(EVERYWHERE, new Date(MONDAY_10H.getTime() - HOUR));
    const { handover } = world.moderation;
    await handover.handOver(request({ sensitive: true, summary: 'Mon mari me frappe depuis hier soir' }));
    world.clock.set(new Date(MONDAY_10H.getTime() + 31 * MINUTE));
    assert.equal((await handover.remind(world.clock.now())).reminded, 1);
    assert.equal(world.messagesTo(MAILLE).length, 2, 'the brief, then the reminder');
    assert.match(textOf(world.messagesTo(MAILLE)[1]), /frappe/);
    const everywhere = world.messagesTo(EVERYWHERE).map(textOf);
    assert.equal(everywhere.length, 1, 'only that a sensitive conversation waits');
    assert.doesNotMatch(everywhere[0] ?? '', /frappe/);
  });

  it('tells when the referents will answer outside their hours', async () => {
    world.clock.set(new Date('2026-03-08T15:00:00.000Z')); // Sunday 16:00 in Paris
    const before = await world.moderation.handover.availability();
    const result = await world.moderation.handover.handOver(request());
    assert.deepEqual(before, { withinHours: false, nextOpening: result.nextOpening });
    assert.equal(result.withinHours, false);
    assert.equal(result.nextOpening?.toISOString(), '2026-03-09T08:00:00.000Z');
    const text = residentHandoverText(result);
    assert.match(text, /08000 13140/);
    assert.match(text, /lundi 9 mars à 09:00/);
    assert.doesNotMatch(residentHandoverText({ withinHours: true }), /08000/);
  });

  it('keeps standby messages and moderators’ echoes in the transcript without sending anything', async () => {
    const { handover, handovers } = world.moderation;
    await handover.handOver(request());
    const sendsBefore = world.graph.calls.length;
    const t1 = new Date(MONDAY_10H.getTime() + MINUTE);
    const t2 = new Date(MONDAY_10H.getTime() + 2 * MINUTE);

    assert.deepEqual(await handover.onThreadEvent(standbyMessage(RESIDENT, 'Vous êtes là ?', 'm.r1', t1)), {
      recorded: true,
      resumed: false,
    });
    await handover.onThreadEvent(standbyMessage(RESIDENT, 'Vous êtes là ?', 'm.r1', t1)); // redelivered
    await handover.onThreadEvent(echo(RESIDENT, 'Bonjour, je suis Awa.', 'm.m1', t2, PAGE_INBOX_APP_ID));
    await handover.onThreadEvent(echo(RESIDENT, 'Menu automatique', 'm.b1', t2, OUR_APP_ID));
    await handover.onThreadEvent(echo(RESIDENT, 'Je regarde.', 'm.m2', t2));

    const stored = await handovers.active(RESIDENT);
    assert.deepEqual(
      stored?.transcript.map((line) => [line.from, line.text]),
      [
        ['resident', 'Vous êtes là ?'],
        ['moderator', 'Bonjour, je suis Awa.'],
        ['moderator', 'Je regarde.'],
      ],
    );
    assert.equal(stored?.firstReplyAt?.getTime(), t2.getTime());
    assert.equal(world.graph.calls.length, sendsBefore, 'no Graph call at all');
  });

  it('closes the handover with its duration when the inbox passes the thread back', async () => {
    const { handover, handovers } = world.moderation;
    const { handoverId } = await handover.handOver(request());
    const back = new Date(MONDAY_10H.getTime() + 45 * MINUTE);
    assert.deepEqual(await handover.onThreadEvent(passedTo(RESIDENT, PAGE_INBOX_APP_ID, back)), {
      recorded: false,
      resumed: false,
    });
    assert.deepEqual(await handover.onThreadEvent(passedTo(RESIDENT, OUR_APP_ID, back)), {
      recorded: true,
      resumed: true,
    });
    const closed = await handovers.get(handoverId);
    assert.equal(closed?.status, 'closed');
    assert.equal(closed?.durationMs, 45 * MINUTE);
    assert.equal(closed?.closedBy, 'inbox');
    assert.equal(await handovers.active(RESIDENT), null);
  });

  it('takes the thread back after the timeout of inactivity, not before', async () => {
    const { handover, handovers } = world.moderation;
    const { handoverId } = await handover.handOver(request());
    await handover.onThreadEvent(
      standbyMessage(RESIDENT, 'Merci', 'm.r9', new Date(MONDAY_10H.getTime() + HOUR)),
    );

    assert.deepEqual(
      await handover.takeBackExpired(new Date(MONDAY_10H.getTime() + 24 * HOUR + 30 * MINUTE)),
      [],
    );
    assert.equal(world.callsTo('take_thread_control').length, 0);

    const later = new Date(MONDAY_10H.getTime() + 25 * HOUR + MINUTE);
    assert.deepEqual(await handover.takeBackExpired(later), [RESIDENT]);
    const takes = world.callsTo('take_thread_control');
    assert.equal(takes.length, 1);
    assert.equal((takes[0]?.body as { recipient: { id: string } }).recipient.id, RESIDENT);
    const closed = await handovers.get(handoverId);
    assert.equal(closed?.status, 'closed');
    assert.equal(closed?.closedBy, 'timeout');
    assert.equal(closed?.durationMs, 25 * HOUR + MINUTE);
    assert.deepEqual(await handover.takeBackExpired(later), []);
  });

  it('reminds the moderators, escalates to the admins and informs the resident, once each', async () => {
    const { handover } = world.moderation;
    await handover.handOver(request());
    const at = (ms: number): Date => new Date(MONDAY_10H.getTime() + ms);
    // The job runs with the clock's time, as the scheduler does.
    const runAt = (ms: number) => {
      world.clock.set(at(ms));
      return handover.remind(world.clock.now());
    };

    assert.equal((await runAt(29 * MINUTE)).reminded, 0);
    assert.deepEqual(await runAt(31 * MINUTE), {
      unanswered: 1,
      reminded: 1,
      escalated: 0,
      residentsInformed: 1,
    });
    await runAt(40 * MINUTE);
    assert.equal(world.messagesTo(MAILLE).length, 2, 'notice + one reminder');
    assert.match(textOf(world.messagesTo(MAILLE)[1]), /31 min/);
    assert.equal(world.messagesTo(RESIDENT).length, 1, 'resident informed once');
    assert.match(textOf(world.messagesTo(RESIDENT)[0]), /08000 13140/);

    await world.wrote(ADMIN, at(3 * HOUR)); // the admin's own window is still open at 4 h
    assert.equal((await runAt(4 * HOUR + MINUTE)).escalated, 1);
    assert.equal((await runAt(4 * HOUR + 10 * MINUTE)).escalated, 0);
    const adminTexts = world.messagesTo(ADMIN).map(textOf);
    assert.equal(adminTexts.length, 1);
    assert.match(adminTexts[0] ?? '', /4 h/);
    assert.equal(world.messagesTo(MAILLE).length, 2);
  });

  it('stops following up once a moderator answered', async () => {
    const { handover } = world.moderation;
    await handover.handOver(request());
    await handover.onThreadEvent(echo(RESIDENT, 'Bonjour', 'm.x', new Date(MONDAY_10H.getTime() + MINUTE)));
    assert.equal((await handover.remind(new Date(MONDAY_10H.getTime() + 5 * HOUR))).unanswered, 0);
    assert.equal(world.messagesTo(MAILLE).length, 1);
  });

  it('lets moderators list, take and close handovers (audited), and refuses anyone else', async () => {
    const { handover, audit } = world.moderation;
    const { handoverId } = await handover.handOver(request());
    const id = handoverId.toHexString();
    for (const attempt of [
      () => handover.openHandovers(RESIDENT),
      () => handover.takeHandover(RESIDENT, id),
      () => handover.closeHandover('not-a-psid', id),
    ]) {
      await assert.rejects(
        attempt(),
        (error: unknown) => error instanceof ModerationError && error.code === ErrorCode.NotModerator,
      );
    }
    assert.equal((await handover.openHandovers(MAILLE)).length, 1);
    assert.equal((await handover.takeHandover(MAILLE, id)).takenBy, MAILLE);
    await assert.rejects(handover.takeHandover(MERCURE, id), { code: 'invalid_state' });
    world.clock.advance(10 * MINUTE);
    const closed = await handover.closeHandover(MAILLE, id);
    assert.equal(closed.durationMs, 10 * MINUTE);
    assert.equal(world.callsTo('take_thread_control').length, 1);
    assert.deepEqual(
      (await audit.recent(10)).map((record) => [record.actor, record.action, record.target.id]),
      [
        [MAILLE, 'handoff.close', id],
        [MAILLE, 'handoff.take', id],
      ],
    );
    await assert.rejects(handover.closeHandover(MAILLE, id), { code: 'invalid_state' });
    await assert.rejects(handover.takeHandover(MAILLE, 'zzz'), { code: 'not_found' });
  });
});
