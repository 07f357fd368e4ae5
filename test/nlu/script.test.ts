import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function runNlu(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'nlu.ts')], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('scripts/nlu.ts', () => {
  it('answers one JSON line per input line, in order, with an error line for a malformed one', async () => {
    const input = [
      JSON.stringify({ text: 'ma mere est seule elle a besoin de parler a qqn' }),
      '{"text": oops',
      JSON.stringify({ text: 'bonjour' }),
    ].join('\n');
    const { stdout, stderr, code } = await runNlu(`${input}\n`);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, stdout);
    const [first, second, third] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(Object.keys(first).sort(), ['category', 'confidence', 'intent', 'text']);
    assert.equal(first.text, 'ma mere est seule elle a besoin de parler a qqn');
    assert.equal(first.intent, 'need');
    assert.equal(first.category, 'conversation');
    assert.ok(typeof first.confidence === 'number' && first.confidence > 0 && first.confidence <= 1);
    assert.deepEqual(Object.keys(second), ['error']);
    assert.equal(third.text, 'bonjour');
    assert.equal(third.intent, 'greeting');
    assert.equal(third.category, 'none');
  });
});
