/**
 * `npm run jobs -- list`: the scheduled jobs (name, schedule, description).
 * `npm run jobs -- run NAME`: runs one job once, now, and prints its summary; the run is
 * recorded in `job_runs` like a scheduled one (trigger `manual`).
 *
 * Configuration as for the app (bot/config.ts): MONGODB_URI / MONGODB_DB (the local engine
 * when unset), Messenger variables and MESSENGER_PAGE_ID for messages and the Page feed.
 * Exit codes: 0 done, 1 the job failed, 2 bad usage or unknown job.
 */
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import { loadConfig, type AppConfig } from '../bot/config';
import { Container } from '../bot/container';
import { resolveDatabaseUri } from '../bot/devDatabase';
import { noticeText } from '../dialogs/notices';
import { connectDatabase } from '../services/db/connect';
import { runAndRecord, type Job } from '../services/jobs';
import { createLogger, type Logger } from '../services/logger';

const USAGE = 'Usage: npm run jobs -- list | npm run jobs -- run NAME';

/**
 * The application's parts over `db` (none for listing: the jobs reach their parts only when
 * they run). Admin notices are printed here as well as sent to the admins (through Messenger
 * when it is configured; otherwise they wait in the referents' queue).
 */
function containerFor(config: AppConfig, logger: Logger, db?: Db): Container {
  return new Container({
    config,
    db,
    logger,
    instanceId: `cli-${hostname()}-${process.pid}`,
    overrides: {
      notifyAdmins: (c) => {
        const toAdmins = Container.defaultPart('notifyAdmins', c);
        return async (notice) => {
          console.log(`[message to the admins]\n${noticeText(notice)}`);
          await toAdmins(notice);
        };
      },
    },
  });
}

function printList(jobs: readonly Job[], write: (line: string) => void): void {
  const width = Math.max(...jobs.map((job) => job.name.length));
  const schedules = Math.max(...jobs.map((job) => job.schedule.length));
  for (const job of jobs) {
    write(`${job.name.padEnd(width)}  ${job.schedule.padEnd(schedules)}  ${job.description}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, name] = argv;
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel === 'debug' ? 'debug' : 'warn' });
  // Listing and checking names needs no database: the jobs build their parts when they run.
  const known = containerFor(config, logger).get('jobs');
  if (command === 'list' && argv.length === 1) {
    printList(known, console.log);
    return 0;
  }
  if (command !== 'run' || name === undefined || argv.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  if (!known.some((job) => job.name === name)) {
    console.error(`Unknown job "${name}". The jobs are:`);
    printList(known, console.error);
    return 2;
  }
  console.log(`Connecting to the database…`);
  const { client } = await connectDatabase({
    uri: await resolveDatabaseUri(config, { log: (line) => console.log(line) }),
  });
  try {
    const db = client.db(config.mongodbDb);
    const container = containerFor(config, logger, db);
    await container.ensureIndexes();
    const job = container.get('jobs').find((item) => item.name === name)!;
    if (!config.messenger) console.log('Messenger is not configured: no message will reach a resident.');
    const now = new Date();
    console.log(`Running ${job.name} for ${now.toISOString()}…`);
    const record = await runAndRecord(db, job, now, container.instanceId, 'manual');
    if (record.status === 'failed') {
      console.error(
        `${job.name} failed after ${record.durationMs} ms: ${record.error?.name}: ${record.error?.message}`,
      );
      return 1;
    }
    console.log(`${job.name} done in ${record.durationMs} ms:`);
    for (const [key, value] of Object.entries(record.summary ?? {})) console.log(`  ${key}: ${value}`);
    return 0;
  } finally {
    await client.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
