import assert from 'node:assert/strict';
import { Geocoder } from '../../services/places/geocoder';
import type { LogFields, Logger } from '../../services/logger';
import { startFakeGeocoder, type FakeGeocoder } from '../support/fake-geocoder';

/** A logger keeping every line, to check that no address is logged. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (message: string, fields: LogFields = {}) => {
      lines.push(JSON.stringify({ level, message, ...fields }));
    };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

describe('Geocoder (against a fake BAN server)', () => {
  let fake: FakeGeocoder;
  let logger: ReturnType<typeof recordingLogger>;
  let geocoder: Geocoder;

  before(async () => {
    fake = await startFakeGeocoder();
  });
  after(async () => fake.close());
  beforeEach(() => {
    fake.mode = 'up';
    fake.requests.length = 0;
    logger = recordingLogger();
    geocoder = new Geocoder({ baseUrl: `${fake.url}/`, timeoutMs: 400, logger });
  });

  it('finds a known address, restricted to Miramas', async () => {
    const found = await geocoder.geocode('  12 avenue de la République ');
    assert.deepEqual(found, { lat: 43.5818, lon: 5.0035, label: 'Avenue de la République 13140 Miramas' });
    assert.deepEqual(fake.requests, [{ q: '12 avenue de la République', citycode: '13063', limit: '1' }]);
  });

  it('gives null for an unknown address and for a low-score guess', async () => {
    assert.equal(await geocoder.geocode('3 impasse inconnue'), null);
    assert.equal(await geocoder.geocode('chemin trucmuche'), null);
    assert.deepEqual(await geocoder.lookup('chemin trucmuche'), { status: 'unknown' });
    assert.equal(await geocoder.geocode('ab'), null);
    assert.equal(fake.requests.length, 3, 'texts under 3 characters are not sent');
  });

  it('gives null when the server answers 500 or garbage, and logs without the address', async () => {
    fake.mode = 'error';
    assert.deepEqual(await geocoder.lookup('place Jean Jaurès'), { status: 'unavailable' });
    fake.mode = 'garbage';
    assert.equal(await geocoder.geocode('place Jean Jaurès'), null);
    assert.equal(logger.lines.length, 2);
    assert.match(logger.lines[0], /"reason":"http_status","status":500/);
    assert.match(logger.lines[1], /"reason":"invalid_response"/);
    for (const line of logger.lines) assert.ok(!/jaur/i.test(line), `address logged: ${line}`);
  });

  it('gives null within the timeout when the server hangs', async () => {
    fake.mode = 'hang';
    const started = Date.now();
    assert.equal(await geocoder.geocode('place Jean Jaurès'), null);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 350 && elapsed < 1000, `waited ${elapsed} ms`);
    assert.match(logger.lines[0], /"reason":"timeout"/);
  });

  it('never waits more than 2.5 s, whatever it is configured with', async function () {
    this.timeout(6000);
    fake.mode = 'hang';
    const slow = new Geocoder({ baseUrl: fake.url, timeoutMs: 60_000, logger });
    const started = Date.now();
    assert.equal(await slow.geocode('place Jean Jaurès'), null);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 2400 && elapsed < 3000, `waited ${elapsed} ms`);
  });

  it('gives null when nothing listens', async () => {
    const nowhere = new Geocoder({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 400, logger });
    assert.deepEqual(await nowhere.lookup('place Jean Jaurès'), { status: 'unavailable' });
    assert.match(logger.lines[0], /"reason":"network"/);
  });
});
