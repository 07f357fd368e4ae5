/**
 * Matching over time on the test database: an offer published later is suggested to the
 * authors of open needs near it (never to a helper before the author chooses), the scheduled
 * re-examination, ranking and fairness, and a recurring offer that serves two needs.
 */
import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import { AttentionFlags } from '../../services/conversations/attention';
import { Entries } from '../../services/entries/entries';
import { EntryRepository, type NewEntry, type StoredEntry } from '../../services/entries';
import { Limits } from '../../services/limits';
import { silentLogger } from '../../services/logger';
import { availabilityFit, readTimeWindow } from '../../services/matching/availability';
import { MatchRepository } from '../../services/matching/matchRepository';
import { Matcher, NeedFinder } from '../../services/matching/matcher';
import { Matching } from '../../services/matching/matching';
import type { HelperSuggestedNotice, MatchingNotice } from '../../services/matching/notices';
import { rankCandidates } from '../../services/matching/ranking';
import type { Notifier, NotifyResult } from '../../services/messaging/notifier';
import { ResidentRepository } from '../../services/residents/residentRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MIRAMAS, T0, at, newEntry, offset } from './support';

class RecordingNotices implements Notifier<MatchingNotice> {
  readonly sent: Array<{ psid: string; notice: MatchingNotice }> = [];
  notify(psid: string, notice: MatchingNotice): Promise<NotifyResult> {
    this.sent.push({ psid, notice });
    return Promise.resolve('sent');
  }
  to(psid: string): MatchingNotice[] {
    return this.sent.filter((item) => item.psid === psid).map((item) => item.notice);
  }
  suggestionsTo(psid: string): HelperSuggestedNotice[] {
    return this.to(psid).filter(
      (notice): notice is HelperSuggestedNotice => notice.type === 'matching.helperSuggested',
    );
  }
}

describe('Matching over time', () => {
  let database: TestDatabase;
  let repository: EntryRepository;
  let notices: RecordingNotices;
  let matching: Matching;
  const clock = manualClock(T0);

  /** A published entry of `psid`, `meters` north of the town centre. */
  async function published(
    psid: string,
    meters: number,
    overrides: Partial<NewEntry> = {},
  ): Promise<StoredEntry> {
    const created = await repository.create(
      newEntry({ psid, location: at(offset(MIRAMAS, meters, 0)), ...overrides }),
    );
    await repository.publish(created._id);
    return (await repository.get(created._id))!;
  }
  const need = (psid: string, meters: number, overrides: Partial<NewEntry> = {}) =>
    published(psid, meters, { kind: 'need', description: `Besoin de ${psid}`, ...overrides });

  function build(helperAsksPerDay = 3): Matching {
    const residents = new ResidentRepository(database.db, clock.now);
    const limits = new Limits({ db: database.db, logger: silentLogger });
    const entries = new Entries({
      repository,
      residents,
      limits,
      audit: { record: () => Promise.resolve() },
      notices: { notify: () => Promise.resolve('sent') },
      clock: clock.now,
      logger: silentLogger,
    });
    return new Matching({
      matches: new MatchRepository(database.db, clock.now),
      offers: new Matcher(database.db, clock.now),
      needs: new NeedFinder(database.db, clock.now),
      entries,
      residents,
      limits,
      attention: new AttentionFlags(database.db, clock.now),
      notices,
      undelivered: { keepForModerators: () => Promise.resolve() },
      handover: { handOverUrgentNeed: () => Promise.resolve() },
      clock: clock.now,
      logger: silentLogger,
      settings: { helperAsksPerDay },
    });
  }

  before(async () => {
    database = await openTestDatabase('matching_over_time');
    repository = new EntryRepository(database.db, clock.now);
    await repository.ensureIndexes();
    await new MatchRepository(database.db, clock.now).ensureIndexes();
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    for (const name of ['entries', 'matches', 'residents', 'conversations', 'limits']) {
      await database.db.collection(name).deleteMany({});
    }
    notices = new RecordingNotices();
    matching = build();
  });

  it('suggests an offer published later to the author of an open need within 1 km, and asks its helper only once chosen', async () => {
    const waiting = await need('asker', 0);
    await need('far-away', 3000);
    const offer = await published('helper', 400);
    assert.equal(await matching.entryPublished(offer._id), 1);
    assert.deepEqual(notices.to('helper'), [], 'the helper learns nothing before the author chooses');
    assert.deepEqual(notices.to('far-away'), []);
    const [suggestion] = notices.suggestionsTo('asker');
    assert.equal(suggestion.cause, 'found');
    assert.equal(suggestion.description, offer.description);
    assert.deepEqual(
      await matching.needStates([waiting]),
      new Map([[waiting._id.toHexString(), 'suggested']]),
    );

    const answer = await matching.answerSuggestion(suggestion.matchId, 'asker', true);
    assert.equal(answer.status, 'asked');
    const [asked] = notices.to('helper');
    assert.ok(asked.type === 'matching.helperAsked');
    assert.equal(asked.description, 'Besoin de asker');
    assert.deepEqual(await matching.needStates([waiting]), new Map([[waiting._id.toHexString(), 'asked']]));
    assert.equal(await matching.entryPublished(offer._id), 0, 'never suggested twice for one need');
  });

  it('leaves a need open after its author says no, and suggests another helper later, never the same one', async () => {
    const waiting = await need('asker', 0);
    const first = await published('helper-a', 200);
    await matching.entryPublished(first._id);
    const [suggestion] = notices.suggestionsTo('asker');
    assert.deepEqual(await matching.answerSuggestion(suggestion.matchId, 'asker', false), {
      status: 'skipped',
      next: false,
    });
    assert.deepEqual(
      await matching.needStates([waiting]),
      new Map([[waiting._id.toHexString(), 'searching']]),
    );
    assert.equal((await repository.get(waiting._id))?.status, 'published', 'still open');
    const quiet = await matching.reexamineOpenNeeds(clock.now());
    assert.equal(quiet.suggested, 0, 'the skipped helper is not suggested again');
    await published('helper-b', 500);
    const summary = await matching.reexamineOpenNeeds(clock.now());
    assert.equal(summary.suggested, 1);
    assert.equal(summary.authorsTold, 1);
    const latest = notices.suggestionsTo('asker').at(-1)!;
    assert.equal(latest.distanceMeters > 300, true, 'helper-b, 500 m north');
    assert.deepEqual(notices.to('helper-a'), []);
    assert.deepEqual(notices.to('helper-b'), []);
  });

  it('re-examines open needs in one pass: one suggestion per need, nothing while one is under way, lapsed after 48 h', async () => {
    await need('asker-1', 0);
    await need('asker-2', 300);
    await need('asker-3', 100, { category: 'pets' });
    await published('helper', 200);
    const summary = await matching.reexamineOpenNeeds(clock.now());
    assert.equal(summary.openNeeds, 3);
    assert.equal(summary.suggested, 2);
    assert.equal(summary.nobody, 1, 'nobody for the pets need');
    assert.equal(notices.suggestionsTo('asker-1').length, 1);
    assert.equal(notices.suggestionsTo('asker-2').length, 1);
    const again = await matching.reexamineOpenNeeds(clock.now());
    assert.equal(again.underWay, 2);
    assert.equal(again.suggested, 0);
    clock.advance(49 * 3_600_000);
    const later = await matching.reexamineOpenNeeds(clock.now());
    assert.equal(later.lapsed, 2);
    assert.equal(later.suggested, 0, 'a lapsed helper is not suggested again to the same need');
  });

  it('never puts a helper forward more than the configured number of times a day', async () => {
    matching = build(2);
    for (const [psid, meters] of [
      ['asker-1', 0],
      ['asker-2', 100],
      ['asker-3', 200],
    ] as const) {
      await need(psid, meters);
    }
    const offer = await published('helper', 300);
    assert.equal(await matching.entryPublished(offer._id), 2);
    const summary = await matching.reexamineOpenNeeds(clock.now());
    assert.equal(summary.suggested, 0, 'the helper already reached 2 today');
    clock.advance(25 * 3_600_000);
    assert.equal((await matching.reexamineOpenNeeds(clock.now())).suggested, 1, 'a day later, the third');
  });

  it('ranks a helper whose time fits the need before a nearer one whose time clashes', async () => {
    const waiting = await need('asker', 0, { availability: 'samedi matin de preference' });
    await published('near-tuesday', 150, { availability: 'le mardi soir' });
    const fits = await published('far-saturday', 700, { availability: 'sam. matin' });
    const [best, second] = await matching.findOffersFor(waiting);
    assert.equal(best.offer._id.toHexString(), fits._id.toHexString());
    assert.equal(second.offer.psid, 'near-tuesday');
  });

  it('keeps a recurring offer available: it serves two needs and counts them', async () => {
    const offer = await published('helper', 200, { recurring: true });
    const needs = [await need('asker-1', 0), await need('asker-2', 400)];
    assert.equal(await matching.entryPublished(offer._id), 2);
    for (const waiting of needs) {
      const [suggestion] = notices.suggestionsTo(waiting.psid);
      assert.equal((await matching.answerSuggestion(suggestion.matchId, waiting.psid, true)).status, 'asked');
      const asked = notices.to('helper').at(-1)!;
      assert.ok(asked.type === 'matching.helperAsked');
      assert.equal((await matching.answerRequest(asked.matchId, 'helper', true)).status, 'accepted');
      assert.equal((await repository.get(waiting._id))?.status, 'matched');
    }
    const after = await repository.get(offer._id);
    assert.equal(after?.status, 'published', 'still available');
    assert.equal(after?.helpedCount, 2);
  });
});

describe('availability heuristics', () => {
  it('reads days and parts of the day from free text, accents or not', () => {
    const window = readTimeWindow('Le Samedi matin ou dimanche apres-midi');
    assert.deepEqual([...window.days].sort(), [5, 6]);
    assert.deepEqual([...window.parts].sort(), ['afternoon', 'morning']);
    assert.deepEqual([...readTimeWindow('en semaine après 18h').days].sort(), [0, 1, 2, 3, 4]);
    assert.deepEqual([...readTimeWindow('en semaine après 18h').parts], ['evening']);
    assert.equal(readTimeWindow('quand vous voulez').days.size, 7);
    assert.equal(readTimeWindow('dès que possible').days.size, 0);
  });

  it('says whether a helper fits, clashes or cannot be told', () => {
    assert.equal(availabilityFit('samedi matin', 'le week-end'), 'fits');
    assert.equal(availabilityFit('samedi matin', 'mardi soir'), 'clashes');
    assert.equal(availabilityFit('samedi', 'le soir'), 'unknown');
    assert.equal(availabilityFit('urgent', 'tous les jours'), 'unknown');
  });

  it('ranks by distance at equal fit, and leaves out helpers at the daily limit', () => {
    const settings = { maxDistanceMeters: 1000, helperAsksPerDay: 3 };
    const ranked = rankCandidates(
      'samedi',
      [
        { id: 'far', distanceMeters: 900, availability: 'samedi', askedToday: 0 },
        { id: 'busy', distanceMeters: 100, availability: 'samedi', askedToday: 3 },
        { id: 'near', distanceMeters: 300, availability: 'samedi', askedToday: 0 },
      ],
      settings,
    );
    assert.deepEqual(
      ranked.map((candidate) => candidate.id),
      ['near', 'far'],
    );
  });
});
