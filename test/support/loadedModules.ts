/**
 * Which files a fresh Node process loads when it requires some of our modules (no database is
 * reached: MONGODB_URI points nowhere).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The paths in `require.cache` after requiring `modules` (paths from the project root). */
export function modulesLoadedBy(modules: readonly string[]): string[] {
  const requires = modules.map((path) => `require(${JSON.stringify(path)});`).join(' ');
  return JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `${requires} process.stdout.write(JSON.stringify(Object.keys(require.cache)))`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MONGODB_URI: 'mongodb://127.0.0.1:9/' } },
    ),
  ) as string[];
}
