/**
 * `npm run conversations:transcript`: plays the scripted conversations (test/conversations)
 * and writes those marked `transcript` to docs/conversations.md, as a resident reads them.
 *
 * @remarks
 * Uses MONGODB_URI when set, else the local engine's test instance (like `npm test`). The
 * conversations must pass: a failing one leaves the document as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';

const TARGET = join(__dirname, '..', 'docs', 'conversations.md');

const HEADER = `# Conversations, as residents read them

Written by \`npm run conversations:transcript\` from the scripted conversations of
\`test/conversations/\` marked \`transcript: true\` (do not edit by hand). Each was written in a
resident's voice for the conversation issue and is played through the real dialogs on the
database; the test suite asserts what each one leaves behind. Buttons the resident could tap
are shown in brackets; a tapped button is shown as \`[Titre]\`.

`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'transcript-'));
  const file = join(dir, 'conversations.md');
  writeFileSync(file, '');
  try {
    const run = spawnSync('npx', ['mocha', 'test/conversations/**/*.test.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, CONVERSATIONS_TRANSCRIPT: file },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) {
      console.error('Some conversations failed: docs/conversations.md is unchanged.');
      process.exitCode = 1;
      return;
    }
    // Formatted like the rest of the repository, so `prettier --check` stays clean.
    writeFileSync(TARGET, await format(HEADER + readFileSync(file, 'utf8'), { filepath: TARGET }));
    console.error(`Wrote ${TARGET}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`conversations:transcript failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
