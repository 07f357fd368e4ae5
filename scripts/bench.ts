/**
 * `npm run bench`: speed and memory figures of the bot, printed as one table.
 *
 * Runs against MONGODB_URI when set, otherwise the local engine's `bench` instance. Each row
 * shows the figures of the same run side by side (for example the bot next to a bare server).
 * Sections alone: `--only=turns`, `--only=reexamine`, `--only=outage [--outage-runs=N]` (the
 * database-outage fault test N times, 20 by default; `--outage-starve=RUN/PAUSE` pauses the bot
 * PAUSE ms after every RUN ms, as a machine at a high load starves it); `--engine=<instance>` names the local
 * engine instance MONGODB_URI points to, so that the re-examination prints its CPU time.
 */
import { cpus, loadavg } from 'node:os';
import { MongoClient } from 'mongodb';
import { startLocalEngine } from '../tools/localdb/engine';
import { engineCpuMeter } from './bench/engineCpu';
import { benchConsole } from './bench/console';
import { benchMatching } from './bench/matching';
import { benchOutages } from './bench/outage';
import { benchReexamination } from './bench/reexamine';
import { benchUnderstanding } from './bench/understanding';
import { quantile, runLoad, type LoadResult } from './bench/load';
import { spawnBare, spawnBot, type Child } from './bench/processes';
import { startGraphSink } from './bench/sink';
import { offerTurns, sustainedFigures, turnFigures } from './bench/turns';
import { signedMessage } from './bench/webhook';

const SECRET = 'bench-secret';

interface Row {
  benchmark: string;
  figures: string;
  baseline: string;
  ratio: string;
  goal: string;
}

function progress(line: string): void {
  process.stderr.write(`… ${line}\n`);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const uri = process.env.MONGODB_URI ?? (await startLocalEngine({ instance: 'bench', log: progress })).uri;
  // With MONGODB_URI, `--engine=<instance>` names the local engine instance it points to (for its CPU time).
  const instance = process.argv.find((arg) => arg.startsWith('--engine='))?.slice('--engine='.length);
  const cpu = engineCpuMeter(process.env.MONGODB_URI ? (instance ?? '') : 'bench');
  const dbName = `bench_${Date.now()}`;
  const client = await MongoClient.connect(uri);
  if (process.argv.includes('--only=console')) {
    // `npm run bench -- --only=console`: « À traiter » and the map's data alone.
    rows.push(...(await benchConsole(client.db(`${dbName}_console`), uri, progress)));
    await client.db(`${dbName}_console`).dropDatabase();
    await client.close();
    printTable(rows);
    return;
  }
  if (process.argv.includes('--only=reexamine')) {
    // `npm run bench -- --only=reexamine`: the scheduled re-examination alone.
    rows.push(...(await benchReexamination(client.db(`${dbName}_reexamine`), progress, undefined, cpu)));
    await client.db(`${dbName}_reexamine`).dropDatabase();
    await client.close();
    printTable(rows);
    return;
  }
  const outageRuns = Number(
    process.argv.find((arg) => arg.startsWith('--outage-runs='))?.slice('--outage-runs='.length) ?? 20,
  );
  if (process.argv.includes('--only=outage')) {
    // `npm run bench -- --only=outage [--outage-runs=N] [--outage-starve=RUN/PAUSE]`: the
    // database-outage fault test, N times; with a CPU-starved bot (RUN ms running, PAUSE ms paused).
    const starve = process.argv
      .find((arg) => arg.startsWith('--outage-starve='))
      ?.slice('--outage-starve='.length)
      .split('/')
      .map(Number);
    rows.push(
      ...(await benchOutages(
        uri,
        progress,
        outageRuns,
        starve && { runningMs: starve[0] ?? 100, pausedMs: starve[1] ?? 900 },
      )),
    );
    await client.close();
    printTable(rows);
    return;
  }
  const sink = await startGraphSink();
  const botEnv = (db: string, inboxWorker: 'on' | 'off'): Record<string, string> => ({
    MONGODB_URI: uri,
    MONGODB_DB: db,
    MESSENGER_APP_SECRET: SECRET,
    MESSENGER_VERIFY_TOKEN: 'bench',
    MESSENGER_PAGE_ACCESS_TOKEN: 'bench-token',
    GRAPH_API_URL: sink.url,
    GEOCODER_URL: 'http://127.0.0.1:9',
    INBOX_WORKER: inboxWorker,
  });
  const ackCount = 6000;
  const concurrency = 32;
  const ackRequests = (tag: string) =>
    Array.from({ length: ackCount }, (_, i) =>
      signedMessage(SECRET, `ack-${i % 500}`, `mid.${tag}.${i}`, 'merci'),
    );
  const ackFigures = (run: LoadResult): string =>
    `${run.perSecond.toFixed(0)} ev/s, p50 ${quantile(run.latenciesMs, 0.5).toFixed(1)} ms, p99 ${quantile(run.latenciesMs, 0.99).toFixed(1)} ms${run.failures ? `, ${run.failures} failed` : ''}`;

  // `npm run bench -- --only=turns`: the whole turns and the bot's memory alone (about a minute).
  const turnsOnly = process.argv.includes('--only=turns');
  progress('starting a bare restify server');
  const bare = await spawnBare(SECRET);
  const bareIdleMiB = await settledRssMiB(bare);
  let bareRun: LoadResult | undefined;
  if (!turnsOnly) {
    progress('starting an ingest-only bot (INBOX_WORKER=off)');
    const ingest = await spawnBot(botEnv(`${dbName}_ingest`, 'off'));
    progress(`webhook acknowledgement: ${ackCount} signed events, ${concurrency} in flight`);
    // A short warm-up of each server first, so that both are measured with their code optimised.
    await runLoad(bare.port, ackRequests('bare-warm').slice(0, 1000), concurrency);
    bareRun = await runLoad(bare.port, ackRequests('bare'), concurrency);
    await runLoad(ingest.port, ackRequests('ingest-warm').slice(0, 1000), concurrency);
    const ingestRun = await runLoad(ingest.port, ackRequests('ingest'), concurrency);
    await ingest.stop();
    rows.push({
      benchmark: 'webhook ack, stored in MongoDB (ingest-only instance)',
      figures: ackFigures(ingestRun),
      baseline: `bare restify: ${ackFigures(bareRun)}`,
      ratio: `${(ingestRun.perSecond / bareRun.perSecond).toFixed(2)}× throughput`,
      goal: '≥ 3,000 ev/s, p99 < 50 ms',
    });
  }

  progress('starting the bot');
  const bot = await spawnBot(botEnv(dbName, 'on'));
  const botIdleMiB = await settledRssMiB(bot);
  rows.push({
    benchmark: 'bot memory (RSS) at idle after start-up',
    figures: `${botIdleMiB.toFixed(0)} MiB`,
    baseline: `bare restify: ${bareIdleMiB.toFixed(0)} MiB`,
    ratio: `${(botIdleMiB / bareIdleMiB).toFixed(1)}×`,
    goal: '≤ 150 MiB',
  });
  try {
    if (bareRun) {
      // 1b. The same while the instance also processes what it acknowledges (one instance does all).
      const botRun = await runLoad(bot.port, ackRequests('full'), concurrency);
      rows.push({
        benchmark: 'webhook ack while the same instance processes the events',
        figures: ackFigures(botRun),
        baseline: `bare restify: ${ackFigures(bareRun)}`,
        ratio: `${(botRun.perSecond / bareRun.perSecond).toFixed(2)}× throughput`,
        goal: '',
      });
      progress('letting the bot drain the acknowledged events');
      await drain(client, dbName, 300_000);
    }

    // 2. Whole turns: webhook in → Send API out. New residents greeting the bot at Meta's
    // per-page send rate, then the same residents going on with their conversation, then
    // twice that rate to find how many turns a second the instance can take.
    const residents = (tag: string, count: number): string[] =>
      Array.from({ length: count }, (_, index) => `${tag}-${index}`);
    const turnRate = 300;
    const greeters = residents('turn', 3000);
    const scenarios = [
      {
        benchmark: 'whole turns: new residents say hello (webhook → dialogs → Send API)',
        residents: greeters,
        text: 'bonjour',
        rate: turnRate,
      },
      {
        benchmark: 'whole turns: the same residents ask for help (state read and advanced)',
        residents: greeters,
        text: "j'ai besoin d'aide pour mes courses",
        rate: turnRate,
      },
      {
        benchmark: 'whole turns: capacity (offered more than the instance takes)',
        residents: residents('capacity', 6000),
        text: 'bonjour',
        rate: 2 * turnRate,
      },
    ];
    for (const [index, scenario] of scenarios.entries()) {
      progress(`${scenario.benchmark}: ${scenario.residents.length} messages at ${scenario.rate}/s`);
      const run = await offerTurns({
        port: bot.port,
        secret: SECRET,
        sink,
        ...scenario,
        tag: `turns${index}`,
      });
      const sustained = scenario.rate === turnRate;
      rows.push({
        benchmark: scenario.benchmark,
        figures: sustained ? sustainedFigures(run, turnRate) : turnFigures(run),
        baseline: `offered ${scenario.rate}/s`,
        ratio: sustained
          ? `${(run.perSecond / turnRate).toFixed(2)}× offered`
          : `${(run.perSecond / turnRate).toFixed(2)}× the 300/s goal`,
        goal: sustained ? '≥ 300 turns/s sustained' : 'above 300 turns/s',
      });
    }
    rows.push({
      benchmark: 'bot peak memory (RSS) during the load',
      figures: `${bot.peakRssMiB().toFixed(0)} MiB`,
      baseline: `bare restify: ${bare.peakRssMiB().toFixed(0)} MiB`,
      ratio: `${(bot.peakRssMiB() / bare.peakRssMiB()).toFixed(1)}×`,
      goal: '≤ 250 MiB',
    });
  } finally {
    await Promise.all([bot.stop(), bare.stop(), sink.close()]);
  }
  if (turnsOnly) {
    await client.db(dbName).dropDatabase();
    await client.close();
    printTable(rows);
    return;
  }

  // 3. Understanding, in this process.
  progress('understanding');
  rows.push(...benchUnderstanding());

  // 4. Matching among 100,000 entries.
  progress('matching: inserting 100,000 entries');
  rows.push(...(await benchMatching(client.db(`${dbName}_geo`), progress)));
  rows.push(...(await benchConsole(client.db(`${dbName}_console`), uri, progress)));

  // 5. The scheduled re-examination of open needs.
  rows.push(...(await benchReexamination(client.db(`${dbName}_reexamine`), progress, undefined, cpu)));

  // 6. The database-outage fault test, many times in a row.
  progress(`database outage: ${outageRuns} runs`);
  rows.push(...(await benchOutages(uri, progress, outageRuns)));

  await client.db(dbName).dropDatabase();
  await client.db(`${dbName}_reexamine`).dropDatabase();
  await client.db(`${dbName}_ingest`).dropDatabase();
  await client.db(`${dbName}_geo`).dropDatabase();
  await client.db(`${dbName}_console`).dropDatabase();
  await client.close();
  printTable(rows);
}

/** The resident memory of a freshly started process once its start-up work has settled. */
async function settledRssMiB(child: Child): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return child.rssMiB();
}

async function drain(client: MongoClient, dbName: string, timeoutMs: number): Promise<void> {
  const inbox = client.db(dbName).collection('inbox');
  const deadline = Date.now() + timeoutMs;
  while ((await inbox.countDocuments({ status: 'pending' })) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function printTable(rows: Row[]): void {
  const header: Row = {
    benchmark: 'benchmark',
    figures: 'this run',
    baseline: 'baseline (same run)',
    ratio: 'ratio',
    goal: 'goal',
  };
  const keys = Object.keys(header) as Array<keyof Row>;
  const line = (row: Row): string => `| ${keys.map((key) => row[key]).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${keys.map(() => ' --- ').join('|')}|`);
  rows.forEach((row) => console.log(line(row)));
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${process.version}, ${cpus().length} cores, load average at the end ${load} (1, 5, 15 min)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
