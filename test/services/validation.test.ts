import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import { CodedError, ErrorCode } from '../../services/errors';
import { cleanText, requirePoint, requirePsid, toObjectId } from '../../services/validation';

describe('domain input validation', () => {
  it('accepts 24-hex strings and ObjectIds as ids, nothing else', () => {
    const id = new ObjectId();
    assert.ok(toObjectId(id)?.equals(id));
    assert.ok(toObjectId(id.toHexString())?.equals(id));
    for (const bad of [
      'aaaaaaaaaaaa',
      '{"$ne": null}',
      '',
      'zz'.repeat(12),
      { $ne: null },
      42,
      null,
      undefined,
    ]) {
      assert.equal(toObjectId(bad), null, `accepted ${JSON.stringify(bad)}`);
    }
  });

  it('rejects a psid that is not a string with a coded error', () => {
    assert.equal(requirePsid('123'), '123');
    for (const bad of [{ $ne: null }, '', 'x'.repeat(129), 12]) {
      assert.throws(
        () => requirePsid(bad),
        (error: unknown) => error instanceof CodedError && error.code === ErrorCode.PayloadInvalid,
      );
    }
  });

  it('trims, collapses blanks and caps texts; an object is not a text', () => {
    assert.equal(cleanText('  Des   courses\t le samedi  ', 500), 'Des courses le samedi');
    assert.equal(cleanText('é'.repeat(600), 500).length, 500);
    assert.equal(cleanText('{"$ne": null}', 500), '{"$ne": null}');
    assert.throws(() => cleanText({ $ne: null }, 500), CodedError);
  });

  it('rebuilds points and rejects out-of-range coordinates', () => {
    const extra = { type: 'Point', coordinates: [5, 43.5], $where: 'x' };
    assert.deepEqual(requirePoint(extra), { type: 'Point', coordinates: [5, 43.5] });
    assert.throws(() => requirePoint({ type: 'Point', coordinates: [5, 95] }), CodedError);
    assert.throws(() => requirePoint({ type: 'Polygon', coordinates: [5, 43] }), CodedError);
    assert.throws(() => requirePoint({ type: 'Point', coordinates: [Number.NaN, 43] }), CodedError);
  });
});
