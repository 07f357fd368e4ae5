/**
 * The per-person limits on a real database: counts, the notice on the first refusal of a
 * period only, counts shared by two instances, the local tier (no store command within its
 * allowance, the catch-up charge, the bounded slack between instances), what is stored, and
 * what happens when the store is down.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
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

/** The same with no local allowance: every message is counted in the store, as it comes. */
const SHARED: Partial<LimitSettings> = { ...SMALL, localMessagesPerBurst: 0, localMessagesPerDay: 0 };

/** The defaults' figures and allowances, which a short conversation stays within. */
const ROOMY: Partial<LimitSettings> = {
  messagesPerBurst: 20,
  messagesPerDay: 300,
  localMessagesPerBurst: 5,
  localMessagesPerDay: 30,
};

const ADMITTED: MessageVerdict = { admitted: true };
const REFUSED: MessageVerdict = { admitted: false };

/** The counter document of `limit` for `psid`, as rate-limiter-flexible keys it (a hash of the id). */
function counterKey(limit: string, psid: string): string {
  return `${limit}:${createHash('sha256').update(psid).digest('hex').slice(0, 32)}`;
}

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

  const admit = async (psid: string, times: number, by = limits): Promise<MessageVerdict[]> => {
    const verdicts: MessageVerdict[] = [];
    for (let index = 0; index < times; index++) verdicts.push(await by.admitMessage(psid));
    return verdicts;
  };
  const stored = async (limit: string, psid: string): Promise<number | undefined> => {
    const counters = database.db.collection<{ key: string; points: number }>(RATE_LIMITS_COLLECTION);
    return (await counters.findOne({ key: counterKey(limit, psid) }))?.points;
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
    const roomy = { ...SHARED, messagesPerBurst: 100 };
    const day = new Limits({ db: database.db, logger: silentLogger, settings: roomy });
    // One at a time, as the inbox gives one person's messages: on the local engine, concurrent
    // first writes of one counter can fail, and the limiter then counts in memory.
    for (let count = 1; count <= 5; count++) assert.deepEqual(await day.admitMessage('busy'), ADMITTED);
    assert.deepEqual(await day.admitMessage('busy'), { admitted: false, notice: 'day' });
    assert.deepEqual(await day.admitMessage('busy'), { admitted: false });

    // Ten messages, seven refused by the burst of 3, count 3 in the day. Once the burst's
    // period is over (its counters gone), 2 more are answered before the day's limit of 5.
    const shared = new Limits({ db: database.db, logger: silentLogger, settings: SHARED });
    await admit('flood', 10, shared);
    await database.db.collection(RATE_LIMITS_COLLECTION).deleteMany({ key: { $regex: /^messages_burst:/ } });
    const later = new Limits({ db: database.db, logger: silentLogger, settings: roomy });
    assert.deepEqual(await later.admitMessage('flood'), ADMITTED);
    assert.deepEqual(await later.admitMessage('flood'), ADMITTED);
    assert.deepEqual(await later.admitMessage('flood'), { admitted: false, notice: 'day' });
  });

  it('shares the counts between two instances on one database', async () => {
    const one = new Limits({ db: database.db, logger: silentLogger, settings: SHARED });
    const other = new Limits({ db: database.db, logger: silentLogger, settings: SHARED });
    await admit('shared', 2, one);
    assert.deepEqual(await other.admitMessage('shared'), ADMITTED);
    assert.deepEqual(await other.admitMessage('shared'), { admitted: false, notice: 'burst' });
    assert.deepEqual(await one.admitMessage('shared'), REFUSED);
  });

  it('asks nothing of the store for a person within the local allowances', async () => {
    const monitored = new MongoClient(database.uri, { monitorCommands: true });
    const commands: string[] = [];
    monitored.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.command[event.commandName] === RATE_LIMITS_COLLECTION) commands.push(event.commandName);
    });
    try {
      const db = monitored.db(database.name);
      const local = new Limits({ db, logger: silentLogger, settings: ROOMY });
      assert.deepEqual(await admit('quiet', 5, local), Array<MessageVerdict>(5).fill(ADMITTED));
      assert.equal(await local.mayCreateEntry('quiet', 'need'), true);
      assert.deepEqual(commands, [], 'no command on the counters');
      assert.equal(await stored('messages_burst', 'quiet'), undefined);

      assert.deepEqual(await local.admitMessage('quiet'), ADMITTED);
      assert.deepEqual(commands, ['findAndModify'], 'the sixth message is counted in the store, once');
    } finally {
      await monitored.close();
    }
  });

  it('charges the store with every message seen when the allowance is crossed, then one by one', async () => {
    const local = new Limits({ db: database.db, logger: silentLogger, settings: ROOMY });
    await admit('chatty', 5, local);
    assert.equal(await stored('messages_burst', 'chatty'), undefined);
    await local.admitMessage('chatty');
    assert.equal(await stored('messages_burst', 'chatty'), 6, 'the five seen and this one');
    await local.admitMessage('chatty');
    assert.equal(await stored('messages_burst', 'chatty'), 7);

    // The day's allowance (30) crosses the same way, the burst out of the way.
    const day = new Limits({
      db: database.db,
      logger: silentLogger,
      settings: { ...ROOMY, messagesPerBurst: 100 },
    });
    assert.deepEqual(await admit('daylong', 30, day), Array<MessageVerdict>(30).fill(ADMITTED));
    assert.equal(await stored('messages_day', 'daylong'), undefined);
    await day.admitMessage('daylong');
    assert.equal(await stored('messages_day', 'daylong'), 31);
  });

  it('gives the notice when a catch-up charge goes over the limit, then refuses in memory', async () => {
    // Another instance counted 2 of the burst of 3; this one saw 2 (its allowance) and crosses.
    const elsewhere = new Limits({ db: database.db, logger: silentLogger, settings: SHARED });
    await admit('jump', 2, elsewhere);
    assert.deepEqual(await admit('jump', 4), [
      ADMITTED,
      ADMITTED,
      { admitted: false, notice: 'burst' },
      REFUSED,
    ]);
    assert.equal(await stored('messages_burst', 'jump'), 5, 'the refusal after the notice asked no store');
  });

  it('lets a person blocked on one instance get at most the local allowance answered on another, unnoticed', async () => {
    // Allowance 2 of a burst of 3: without the store, the second instance would answer 3 of 5.
    assert.deepEqual(await admit('roaming', 5), [
      ADMITTED,
      ADMITTED,
      ADMITTED,
      { admitted: false, notice: 'burst' },
      REFUSED,
    ]);
    const other = new Limits({ db: database.db, logger: silentLogger, settings: SMALL });
    assert.deepEqual(await admit('roaming', 5, other), [ADMITTED, ADMITTED, REFUSED, REFUSED, REFUSED]);
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

  it('looks at entries in memory; the store decides when one is stored', async () => {
    const other = new Limits({ db: database.db, logger: silentLogger, settings: SMALL });
    assert.equal(await limits.takeEntry('elsewhere', 'offer'), true);
    assert.equal(await other.mayCreateEntry('elsewhere', 'offer'), true, 'this instance counted none');
    assert.equal(await other.takeEntry('elsewhere', 'offer'), false, 'the store refuses');
    assert.equal(await other.mayCreateEntry('elsewhere', 'offer'), false, 'and the refusal is kept');
  });

  it('stores a hash of the person, never the page-scoped id, with an expiry', async () => {
    const psid = '4000000000000042';
    const counters = database.db.collection(RATE_LIMITS_COLLECTION);
    const before = await counters.countDocuments();
    const shared = new Limits({ db: database.db, logger: silentLogger, settings: SHARED });
    await shared.admitMessage(psid);
    await shared.takeEntry(psid, 'need');
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
