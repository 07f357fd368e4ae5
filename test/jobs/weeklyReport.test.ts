import assert from 'node:assert/strict';
import { noticeText } from '../../dialogs/notices';
import { formatDuration } from '../../dialogs/notices/reports';
import { computeWeeklyFigures, sendWeeklyReport } from '../../services/jobs/weeklyReport';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry } from '../services/support';

/** Monday 8 June 2026, 08:00 in Paris. */
const NOW = new Date('2026-06-08T06:00:00Z');
const HOUR = 3_600_000;
const ago = (hours: number): Date => new Date(NOW.getTime() - hours * HOUR);
const MINUTE = 60_000;

describe('weekly-report job', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('weekly_report');
    const { db } = database;
    const entry = (
      kind: 'offer' | 'need',
      category: string,
      neighbourhood: string | undefined,
      status: string,
      hoursAgo: number,
    ) => ({
      ...newEntry({ kind, psid: `p${hoursAgo}` }),
      category,
      status,
      flags: [],
      ...(neighbourhood ? { neighbourhood } : {}),
      createdAt: ago(hoursAgo),
      updatedAt: ago(hoursAgo),
      expiresAt: NOW,
    });
    await db.collection('entries').insertMany([
      entry('offer', 'groceries', 'La Maille 2', 'published', 10),
      entry('need', 'groceries', 'La Maille 2', 'matched', 20),
      entry('need', 'pharmacy', undefined, 'pending_review', 30),
      entry('offer', 'groceries', 'Centre-ville', 'closed', 200), // last week
      entry('offer', 'pets', 'Centre-ville', 'published', 24 * 7 + 1), // just before the week
    ]);
    await db
      .collection('matches')
      .insertMany([
        { status: 'accepted', acceptedAt: ago(5) },
        { status: 'accepted', acceptedAt: ago(300) },
        { status: 'proposed' },
      ]);
    const created = ago(48);
    await db.collection('handoffs').insertMany([
      {
        psid: 'h1',
        createdAt: created,
        firstReplyAt: new Date(created.getTime() + 10 * MINUTE),
        transcript: [],
      },
      {
        psid: 'h2',
        createdAt: created,
        firstReplyAt: new Date(created.getTime() + 50 * MINUTE),
        transcript: [],
      },
      {
        psid: 'h3',
        createdAt: created,
        firstReplyAt: new Date(created.getTime() + 30 * MINUTE),
        transcript: [],
      },
      { psid: 'h4', createdAt: created, transcript: [] },
      { psid: 'h5', createdAt: ago(400), firstReplyAt: ago(399), transcript: [] },
    ]);
  });
  after(async () => database.dispose());

  it('counts the week and the totals by category, neighbourhood and status', async () => {
    const figures = await computeWeeklyFigures(database.db, NOW);
    assert.deepEqual(figures.entries, { week: 3, total: 5, offersWeek: 1, needsWeek: 2 });
    assert.deepEqual(figures.byCategory, {
      groceries: { week: 2, total: 3 },
      pharmacy: { week: 1, total: 1 },
      pets: { week: 0, total: 1 },
    });
    assert.deepEqual(figures.byNeighbourhood, {
      'La Maille 2': { week: 2, total: 2 },
      'Centre-ville': { week: 0, total: 2 },
      '': { week: 1, total: 1 },
    });
    assert.deepEqual(figures.byStatus.published, { week: 1, total: 2 });
    assert.deepEqual(figures.byStatus.closed, { week: 0, total: 1 });
    assert.deepEqual(figures.matches, { week: 1, total: 2 });
    assert.deepEqual(figures.handovers, { week: 4, answered: 3, medianWaitMs: 30 * MINUTE });
  });

  it('sends the admins a French report built from those figures', async () => {
    const sent: string[] = [];
    const summary = await sendWeeklyReport(
      {
        db: database.db,
        notifyAdmins: (notice) => {
          sent.push(noticeText(notice));
          return Promise.resolve();
        },
      },
      NOW,
    );
    assert.deepEqual(summary, { entriesWeek: 3, entriesTotal: 5, matchesWeek: 1, handoffsWeek: 4 });
    assert.equal(sent.length, 1);
    const text = sent[0];
    assert.match(text, /^Bilan de la semaine du 1 juin au 8 juin/);
    assert.match(text, /Annonces créées cette semaine : 3 \(1 offres, 2 demandes\)/);
    assert.match(text, /Par catégorie \(semaine \/ total\) : Courses 2\/3, Pharmacie 1\/1, Animaux 0\/1/);
    assert.match(text, /La Maille 2 2\/2/);
    assert.match(text, /quartier non précisé 1\/1/);
    assert.match(text, /Mises en relation acceptées : 1 cette semaine, 2 au total/);
    assert.match(text, /Passages à un référent : 4 cette semaine, 3 avec réponse, attente médiane 30 min/);
    assert.ok(text.length < 2000, 'fits in one Messenger message');
  });

  it('formats waiting times', () => {
    assert.equal(formatDuration(20_000), "moins d'1 min");
    assert.equal(formatDuration(125 * MINUTE), '2 h 05');
  });
});
