/**
 * `npm run db:stop [-- --instance <name>]`: stops, by pid, the gateway and PostgreSQL that
 * `npm run db:start` started.
 */
import { parseArgs } from 'node:util';
import { stopLocalEngine } from '../tools/localdb/engine';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { instance: { type: 'string', default: 'default' } } });
  await stopLocalEngine({ instance: values.instance, force: true });
  console.error(`Local engine "${values.instance}" stopped.`);
}

main().catch((error: unknown) => {
  console.error(`db:stop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
