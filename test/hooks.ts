/**
 * Mocha root hooks: every test talks to a real MongoDB-compatible server.
 *
 * With MONGODB_URI set, tests use it as it is (for example a real MongoDB). Otherwise the
 * local engine's separate `test` instance is started for the run and stopped afterwards,
 * leaving any engine started by `npm run db:start` alone.
 */
import { startLocalEngine, stopLocalEngine } from '../tools/localdb/engine';

let startedHere = false;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60 * 1000);
    if (process.env.MONGODB_URI) return;
    const { uri } = await startLocalEngine({
      instance: 'test',
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.env.MONGODB_URI = uri;
    startedHere = true;
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60 * 1000);
    if (startedHere) await stopLocalEngine({ instance: 'test' });
  },
};
