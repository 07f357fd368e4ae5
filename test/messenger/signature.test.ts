import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { verifyHandshake, verifySignature } from '../../bot/messenger/signature';
import { ErrorCode } from '../../services/errors';

const SECRET = 'b5f1c0ffee-app-secret';
const body = Buffer.from('{"object":"page","entry":[{"id":"555","time":1,"messaging":[]}]}', 'utf8');
const sign = (bytes: Buffer, secret = SECRET): string =>
  `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;
const isCode =
  (code: ErrorCode) =>
  (error: unknown): boolean =>
    (error as { code?: unknown }).code === code;

describe('messenger/signature: verifySignature', () => {
  it('accepts the HMAC-SHA256 of the raw bytes', () => {
    assert.doesNotThrow(() => verifySignature(body, sign(body), SECRET));
  });

  it('accepts an upper-case hex digest', () => {
    assert.doesNotThrow(() =>
      verifySignature(body, sign(body).toUpperCase().replace('SHA256=', 'sha256='), SECRET),
    );
  });

  it('refuses a signature made with another secret', () => {
    assert.throws(
      () => verifySignature(body, sign(body, 'other-secret'), SECRET),
      isCode(ErrorCode.SignatureInvalid),
    );
  });

  it('refuses a body changed after signing (re-serialised JSON included)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())) + ' ', 'utf8');
    assert.throws(
      () => verifySignature(reserialised, sign(body), SECRET),
      isCode(ErrorCode.SignatureInvalid),
    );
  });

  it('refuses a missing header', () => {
    assert.throws(() => verifySignature(body, undefined, SECRET), isCode(ErrorCode.SignatureInvalid));
    assert.throws(() => verifySignature(body, '', SECRET), isCode(ErrorCode.SignatureInvalid));
  });

  it('refuses malformed headers', () => {
    const hex = createHmac('sha256', SECRET).update(body).digest('hex');
    for (const header of [
      hex,
      `sha256=${hex.slice(2)}`,
      `sha256=${hex}00`,
      `sha256=${'z'.repeat(64)}`,
      'sha256=',
    ]) {
      assert.throws(() => verifySignature(body, header, SECRET), isCode(ErrorCode.SignatureInvalid), header);
    }
  });

  it('refuses a legacy SHA-1 signature', () => {
    const sha1 = `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`;
    assert.throws(() => verifySignature(body, sha1, SECRET), isCode(ErrorCode.SignatureInvalid));
  });
});

describe('messenger/signature: verifyHandshake', () => {
  const query = (token: unknown, mode: unknown = 'subscribe', challenge: unknown = '1158201444') => ({
    'hub.mode': mode,
    'hub.verify_token': token,
    'hub.challenge': challenge,
  });

  it('returns the challenge for the right token', () => {
    assert.equal(verifyHandshake(query('mon-jeton'), 'mon-jeton'), '1158201444');
  });

  it('refuses a wrong, missing or differently sized token', () => {
    for (const token of ['mon-jetom', 'mon-jeton-plus-long', '', undefined, ['mon-jeton']]) {
      assert.throws(() => verifyHandshake(query(token), 'mon-jeton'), isCode(ErrorCode.VerifyTokenInvalid));
    }
  });

  it('refuses another mode or a missing challenge', () => {
    assert.throws(
      () => verifyHandshake(query('mon-jeton', 'unsubscribe'), 'mon-jeton'),
      isCode(ErrorCode.VerifyTokenInvalid),
    );
    assert.throws(
      () => verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'mon-jeton' }, 'mon-jeton'),
      isCode(ErrorCode.VerifyTokenInvalid),
    );
  });
});
