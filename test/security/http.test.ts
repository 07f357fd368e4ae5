/**
 * The HTTP server against slow, idle and curious clients: no banner, no internal text in
 * errors, slow bodies and silent connections cut within seconds, and signed webhooks
 * answered while 20,000 idle connections are held open against it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { PAGE_ID, startTestApp, textMessage, webhookBody, type TestApp } from '../support/testApp';

/** Seconds until the server closes `socket`, or Infinity after `limitMs`. */
function secondsUntilClosed(socket: Socket, limitMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Infinity);
    }, limitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve((Date.now() - started) / 1000);
    });
    socket.on('error', () => undefined);
    socket.resume(); // read what the server answers, so that its close is seen
  });
}

/** Open file descriptors of this process (the server runs in it). */
function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('security: the HTTP server', () => {
  let test: TestApp;
  let port: number;
  before(async () => {
    test = await startTestApp();
    port = Number(new URL(test.baseUrl).port);
  });
  after(async () => {
    await test.stop();
  });

  it('names no server software and answers errors without internal text', async () => {
    const health = await fetch(`${test.baseUrl}/healthz`);
    assert.equal(health.headers.get('server'), null);
    const missing = await fetch(`${test.baseUrl}/api/some-secret-path-42`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('server'), null);
    assert.doesNotMatch(await missing.text(), /some-secret-path-42|does not exist|Error:|at .*\.js/);
    const wrongMethod = await fetch(`${test.baseUrl}/api/messenger`, { method: 'DELETE' });
    assert.ok(wrongMethod.status >= 400 && wrongMethod.status < 500);
    assert.doesNotMatch(await wrongMethod.text(), /DELETE|allowed|api\/messenger/);
  });

  it('cuts a body sent one byte every 2 s, and a connection that never asks anything, within seconds', async function () {
    this.timeout(40_000);
    const slow = connect({ port, host: '127.0.0.1' });
    slow.write(
      `POST /api/messenger HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
    );
    const trickle = setInterval(() => slow.writable && slow.write('{'), 2_000);
    const silent = connect({ port, host: '127.0.0.1' });
    const [slowSeconds, silentSeconds] = await Promise.all([
      secondsUntilClosed(slow, 30_000),
      secondsUntilClosed(silent, 30_000),
    ]);
    clearInterval(trickle);
    assert.ok(slowSeconds <= 15, `the slow body was cut after ${slowSeconds} s`);
    assert.ok(silentSeconds <= 15, `the silent connection was cut after ${silentSeconds} s`);
  });

  it('keeps idle kept-alive connections as long as Meta needs (65 s) but bounds each request (15 s at most)', () => {
    // Node's keepAliveTimeout is what governs it: read it rather than wait a minute.
    assert.ok(test.app.server.server.keepAliveTimeout >= 60_000);
    assert.ok(test.app.server.server.requestTimeout <= 15_000 && test.app.server.server.requestTimeout > 0);
  });

  it('answers signed webhooks while 20,000 idle connections are held open', async function () {
    this.timeout(120_000);
    const children: ChildProcess[] = [];
    const reports = new Map<ChildProcess, { connected: number; closed: number; failed: number }>();
    let peak = openDescriptors();
    const sampler = setInterval(() => (peak = Math.max(peak, openDescriptors())), 50);
    try {
      for (let i = 0; i < 2; i += 1) {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(__dirname, 'support', 'idleConnections.ts'), String(port), '10000'],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        children.push(child);
        child.stdout?.on('data', (chunk: Buffer) => {
          const last = chunk.toString('utf8').trim().split('\n').at(-1);
          if (last)
            reports.set(child, JSON.parse(last) as { connected: number; closed: number; failed: number });
        });
      }
      const deadline = Date.now() + 90_000;
      while (reports.size < 2) {
        assert.ok(Date.now() < deadline, 'the idle connections were not all opened in time');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const connected = [...reports.values()].reduce((sum, report) => sum + report.connected, 0);
      assert.equal(connected, 20_000, JSON.stringify([...reports.values()]));

      for (let i = 0; i < 5; i += 1) {
        const started = Date.now();
        const response = await test.postWebhook(
          webhookBody(textMessage('2000000000000401', 'bonjour', `m.idle.${i}.${started}`)),
        );
        assert.equal(response.status, 200);
        assert.ok(Date.now() - started < 2_000, `a delivery took ${Date.now() - started} ms`);
      }
      assert.ok(peak < 19_000, `the server held ${peak} file descriptors (the limit is 20,000 here)`);
    } finally {
      clearInterval(sampler);
      for (const child of children) child.kill('SIGKILL');
    }
  });
});

describe('security: the Messenger webhook', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(async () => {
    await test.stop();
  });

  const stored = (psid: string) => test.database.db.collection('inbox').countDocuments({ psid });

  it('ignores events for another page id (acknowledged, not stored)', async () => {
    const body = {
      object: 'page',
      entry: [
        {
          id: '999999999',
          time: Date.now(),
          messaging: [textMessage('2000000000000402', 'bonjour', 'm.other')],
        },
      ],
    };
    assert.equal((await test.postWebhook(body)).status, 200);
    assert.equal(await stored('2000000000000402'), 0);
    assert.notEqual(PAGE_ID, '999999999');
  });

  it('ignores events older than the configured age (acknowledged, not stored), and takes recent ones', async () => {
    const fourHoursAgo = Date.now() - 4 * 60 * 60 * 1000;
    const old = textMessage('2000000000000403', 'bonjour', 'm.old', fourHoursAgo);
    assert.equal((await test.postWebhook(webhookBody(old))).status, 200);
    assert.equal(await stored('2000000000000403'), 0);

    const halfAnHourAgo = Date.now() - 30 * 60 * 1000;
    const retried = textMessage('2000000000000404', 'bonjour', 'm.retried', halfAnHourAgo);
    assert.equal((await test.postWebhook(webhookBody(retried))).status, 200);
    assert.equal(await stored('2000000000000404'), 1, 'a delivery Meta is still retrying is taken');
  });
});
