/**
 * Mocha root hooks: every test talks to a real MongoDB-compatible server, and the Debian
 * programs the tests drive (Chromium, Poppler) are installed on first use.
 *
 * With MONGODB_URI set, tests use it as it is (for example a real MongoDB). Otherwise the
 * local engine's separate `test` instance is started for the run and stopped afterwards,
 * leaving any engine started by `npm run db:start` alone.
 */
import { startLocalEngine, stopLocalEngine } from '../tools/localdb/engine';
import { TEST_PROGRAMS, ensureSystemPrograms } from '../tools/system/packages';

let startedHere = false;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60 * 1000);
    const log = (line: string): boolean => process.stderr.write(`${line}\n`);
    const missing = await ensureSystemPrograms(TEST_PROGRAMS, log);
    for (const program of missing)
      log(`${program.binary} is missing: install the Debian package ${program.debianPackage}.`);
    if (process.env.MONGODB_URI) return;
    const { uri } = await startLocalEngine({
      instance: 'test',
      log,
    });
    process.env.MONGODB_URI = uri;
    startedHere = true;
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60 * 1000);
    if (startedHere) await stopLocalEngine({ instance: 'test' });
  },
};
