/**
 * `npm run db:start [-- --instance <name>]`: starts (or reuses) the local MongoDB-compatible
 * engine and prints its connection string as the last line of standard output; progress goes
 * to standard error.
 */
import { parseArgs } from 'node:util';
import { startLocalEngine } from '../tools/localdb/engine';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { instance: { type: 'string', default: 'default' } } });
  const started = Date.now();
  const { uri, reused } = await startLocalEngine({
    instance: values.instance,
    log: (line) => console.error(line),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(
    `${reused ? 'Reused the running' : 'Started the'} local engine "${values.instance}" in ${seconds} s.`,
  );
  console.error('Use it with: export MONGODB_URI=<the line below>; stop it with: npm run db:stop');
  console.log(uri);
}

main().catch((error: unknown) => {
  console.error(`db:start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
