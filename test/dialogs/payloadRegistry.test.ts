/**
 * The payload registry (`dialogs/payload.ts`): every payload and prefix is defined once, no
 * two mean the same string, and the jobs' buttons carry prefixes the dialogs read.
 */
import { strict as assert } from 'node:assert';
import {
  ADMIN_NAMESPACE,
  MOD_NAMESPACE,
  MenuPayload,
  ModPayload,
  ModPrefix,
  OnBehalfPayload,
  Payload,
  PayloadPrefix,
  TestimonialPayload,
  TestimonialPrefix,
} from '../../dialogs/payload';
import { JobPayloadPrefix } from '../../services/domain/jobPayloads';

describe('dialogs: payload registry', function () {
  const payloads = [MenuPayload, Payload, ModPayload, OnBehalfPayload, TestimonialPayload].flatMap(
    Object.values,
  );
  const prefixes = [PayloadPrefix, ModPrefix, TestimonialPrefix].flatMap(Object.values);

  it('gives every payload and prefix its own string', function () {
    assert.equal(new Set(payloads).size, payloads.length, 'a payload is defined twice');
    assert.equal(new Set(prefixes).size, prefixes.length, 'a prefix is defined twice');
    for (const payload of payloads) assert.ok(!prefixes.includes(payload), `${payload} is also a prefix`);
  });

  it('reads the prefixes the jobs put on their buttons', function () {
    for (const prefix of Object.values(JobPayloadPrefix)) assert.ok(prefixes.includes(prefix), prefix);
  });

  it('keeps referents’ and admins’ payloads in their namespaces', function () {
    for (const value of [...Object.values(ModPayload), ...Object.values(ModPrefix)]) {
      assert.ok(value.startsWith(MOD_NAMESPACE), value);
    }
    for (const value of Object.values(OnBehalfPayload)) assert.ok(!value.startsWith(MOD_NAMESPACE), value);
    const admin = [
      TestimonialPayload.adminList,
      ...Object.values(TestimonialPrefix).filter((p) => p !== TestimonialPrefix.withdraw),
    ];
    for (const value of admin) assert.ok(value.startsWith(ADMIN_NAMESPACE), value);
  });
});
