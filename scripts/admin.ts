/**
 * `npm run admin -- moderator add|edit|hours|email|list|show|remove …`: manages the referents who
 * answer in the Page inbox, their neighbourhoods, working hours and e-mail. Every change is
 * audited (actor `cli`). `npm run admin -- login-link --psid ID` prints a one-time sign-in
 * link to the referents' console as its last line.
 *
 * Reads the configuration like the app does (bot/config.ts): MONGODB_URI (unset: the local
 * engine) and MONGODB_DB. Exit status: 0 done, 1 failed, 2 bad usage.
 */
import { loadConfig } from '../bot/config';
import { resolveDatabaseUri } from '../bot/devDatabase';
import { Container } from '../bot/container';
import { consoleLinkUrl } from '../bot/console/links';
import { connectDatabase } from '../services/db/connect';
import { activeHoursText } from '../dialogs/moderation/hoursText';
import { createLogger } from '../services/logger';
import { ADMIN_USAGE, parseAdminCommand, runAdminCommand, UsageError } from '../services/moderation';

async function main(): Promise<number> {
  let command;
  try {
    command = parseAdminCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const { client } = await connectDatabase({
    uri: await resolveDatabaseUri(config, { log: (line) => console.error(line) }),
  });
  try {
    const container = new Container({
      config,
      db: client.db(config.mongodbDb),
      logger: createLogger({ level: 'warn' }),
    });
    const { moderators, audit } = container.get('moderation');
    await moderators.ensureIndexes();
    await audit.ensureIndexes();
    const staffAccess = container.get('staffAccess');
    await staffAccess.ensureIndexes();
    return await runAdminCommand(command, {
      moderators,
      audit,
      print: (line) => console.log(line),
      hoursText: activeHoursText,
      loginLink: async (psid) => consoleLinkUrl(config.publicUrl, (await staffAccess.issueLink(psid)).token),
    });
  } finally {
    await client.close();
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`admin failed: ${message}`);
    process.exitCode = 1;
  },
);
