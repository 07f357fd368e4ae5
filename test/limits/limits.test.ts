/**
 * The per-person limits on a real database: counts, the notice on the first refusal of a
 * period only, counts shared by two instances, what is stored, and what happens when the
 * store is down.
 */
import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import {
  Limits,
  RATE_LIMITS_COLLECTION,
  type LimitSettings,
  type MessageVerdict,
} from '../../services/limits';
import { silentLogger, type Logger } from '../../services/logger';
import { openTestDatabase, type TestDatabase } from '../support/db';

/** Small figures, so that a test goes over them in a few calls. */
const SMALL: Partial<LimitSettings> = {
  messagesPerBurst: 3,
  messagesPerDay: 5,
  needsPerDay: 2,
  offersPerDay: 1,
  matchRequestsPerDay: 2,
};

const ADMITTED: MessageVerdict = { admitted: true };

/** A logger that keeps its warnings and errors. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string): void => {
    lines.push(message);
  };
  return { lines, debug: () => undefined, info: () => undefined, warn: keep, error: keep };
}

describe('limits: per-person counts in MongoDB', () => {
  let database: TestDatabase;
  let limits: Limits;
  before(async () => {
    database = await openTestDatabase('limits');
    limits = new Limits({ db: database.db, logger: silentLogger, settings: SMALL });
    await limits.ensureIndexes();
  });
  after(async () => {
    await database.dispose();
  });

  const admit = async (psid: string, times: number): Promise<MessageVerdict[]> => {
    const verdicts: MessageVerdict[] = [];
    for (let index = 0; index < times; index++) verdicts.push(await limits.admitMessage(psid));
    return verdicts;
  };

  it('answers a burst, then refuses, with the notice on the first refusal only', async () => {
    assert.deepEqual(await admit('p1', 6), [
      ADMITTED,
      ADMITTED,
      ADMITTED,
      { admitted: false, notice: 'burst' },
      { admitted: false },
      { admitted: false },
    ]);
    assert.deepEqual(await limits.admitMessage('p2'), ADMITTED, 'another person is not affected');
  });

  it('counts the day only for the messages the burst lets through', async () => {
    const roomy = { ...SMALL, messagesPerBurst: 100 };
    const day = new Limits({ db: database.db, logger: silentLogger, settings: roomy });
    // One at a time, as the inbox gives one person's messages: on the local engine, concurrent
    // first writes of one counter can fail, and the limiter then counts in memory.
    for (let count = 1; count <= 5; count++) assert.deepEqual(await day.admitMessage('busy'), ADMITTED);
    assert.deepEqual(await day.admitMessage('busy'), { admitted: false, notice: 'day' });
    assert.deepEqual(await day.admitMessage('busy'), { admitted: false });

    // Ten messages, seven refused by the burst of 3, count 3 in the day. Once the burst's
    // period is over (its counters gone), 2 more are answered before the day's limit of 5.
    await admit('flood', 10);
    await database.db.collection(RATE_LIMITS_COLLECTION).deleteMany({ key: { $regex: /^messages_burst:/ } });
    const later = new Limits({ db: database.db, logger: silentLogger, settings: roomy });
    assert.deepEqual(await later.admitMessage('flood'), ADMITTED);
    assert.deepEqual(await later.admitMessage('flood'), ADMITTED);
    assert.deepEqual(await later.admitMessage('flood'), { admitted: false, notice: 'day' });
  });

  it('shares the counts between two instances on one database', async () => {
    const other = new Limits({ db: database.db, logger: silentLogger, settings: SMALL });
    await admit('shared', 2);
    assert.deepEqual(await other.admitMessage('shared'), ADMITTED);
    assert.deepEqual(await other.admitMessage('shared'), { admitted: false, notice: 'burst' });
    assert.deepEqual(await limits.admitMessage('shared'), { admitted: false });
  });

  it('counts needs and offers apart, and looking counts nothing', async () => {
    assert.equal(await limits.mayCreateEntry('r', 'need'), true);
    assert.equal(await limits.mayCreateEntry('r', 'need'), true);
    assert.equal(await limits.takeEntry('r', 'need'), true);
    assert.equal(await limits.takeEntry('r', 'need'), true);
    assert.equal(await limits.mayCreateEntry('r', 'need'), false);
    assert.equal(await limits.takeEntry('r', 'need'), false);
    assert.equal(await limits.mayCreateEntry('r', 'offer'), true);
    assert.equal(await limits.takeEntry('r', 'offer'), true);
    assert.equal(await limits.takeEntry('r', 'offer'), false);
    assert.equal(await limits.takeMatchRequest('r'), true);
    assert.equal(await limits.takeMatchRequest('r'), true);
    assert.equal(await limits.takeMatchRequest('r'), false);
  });

  it('stores a hash of the person, never the page-scoped id, with an expiry', async () => {
    const psid = '4000000000000042';
    const counters = database.db.collection(RATE_LIMITS_COLLECTION);
    const before = await counters.countDocuments();
    await limits.admitMessage(psid);
    await limits.takeEntry(psid, 'need');
    assert.equal((await counters.countDocuments()) - before, 3, 'burst, day and needs');
    const documents = await counters.find({}).toArray();
    for (const document of documents) {
      assert.ok(!JSON.stringify(document).includes(psid), JSON.stringify(document));
      assert.ok(document.expire instanceof Date);
    }
    const indexes = await counters.indexes();
    assert.ok(indexes.some((index) => index.key.expire !== undefined && index.expireAfterSeconds === 0));
    assert.ok(indexes.some((index) => index.key.key === 1 && index.unique === true));
  });
});

describe('limits: when the store is down', () => {
  let client: MongoClient;
  beforeEach(() => {
    // Nothing listens on port 1: every command fails.
    client = new MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 200 });
  });
  afterEach(async () => {
    await client.close();
  });

  it('limits each instance in memory with the same figures, never throws, and says so', async () => {
    const logger = recordingLogger();
    const limits = new Limits({ db: client.db('down'), logger, settings: SMALL, timeoutMs: 100 });
    const verdicts: MessageVerdict[] = [];
    for (let index = 0; index < 4; index++) verdicts.push(await limits.admitMessage('offline-store'));
    assert.deepEqual(verdicts, [ADMITTED, ADMITTED, ADMITTED, { admitted: false, notice: 'burst' }]);
    assert.equal(await limits.takeEntry('offline-store', 'offer'), true);
    assert.equal(await limits.takeEntry('offline-store', 'offer'), false);
    assert.equal(await limits.mayCreateEntry('offline-store', 'need'), true);
    assert.ok(logger.lines.includes('rate limit store unavailable, limiting in memory'));
    assert.ok(!logger.lines.some((line) => line.includes('offline-store')), 'no id in the logs');
  });
});
