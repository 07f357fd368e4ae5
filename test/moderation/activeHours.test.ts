import assert from 'node:assert/strict';
import {
  DEFAULT_ACTIVE_HOURS,
  isValidActiveHours,
  isWithinHours,
  nextOpeningOf,
} from '../../services/moderation/activeHours';

const at = (iso: string): Date => new Date(iso);

describe('moderation/activeHours (Europe/Paris)', () => {
  it('opens Monday to Friday 9:00–18:00 and Saturday 9:00–12:00, Paris time in winter', () => {
    // 9 March 2026: UTC+1.
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-09T07:59:00Z')), false); // 08:59
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-09T08:00:00Z')), true); // 09:00
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-09T16:59:00Z')), true); // 17:59
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-09T17:00:00Z')), false); // 18:00
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-14T10:59:00Z')), true); // Sat 11:59
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-14T11:00:00Z')), false); // Sat 12:00
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-03-15T10:00:00Z')), false); // Sunday
  });

  it('follows summer time: 9:00 in Paris is 07:00 UTC in July', () => {
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-07-06T06:59:00Z')), false);
    assert.equal(isWithinHours(DEFAULT_ACTIVE_HOURS, at('2026-07-06T07:00:00Z')), true);
  });

  it('finds the next opening across the spring and autumn clock changes', () => {
    // Saturday 28 March 2026 12:30 (UTC+1) → clocks go forward on Sunday → Monday 9:00 UTC+2.
    assert.equal(
      nextOpeningOf(DEFAULT_ACTIVE_HOURS, at('2026-03-28T11:30:00Z'))?.toISOString(),
      '2026-03-30T07:00:00.000Z',
    );
    // Saturday 24 October 2026 13:00 (UTC+2) → clocks go back on Sunday → Monday 9:00 UTC+1.
    assert.equal(
      nextOpeningOf(DEFAULT_ACTIVE_HOURS, at('2026-10-24T11:00:00Z'))?.toISOString(),
      '2026-10-26T08:00:00.000Z',
    );
    // Tuesday 7:00 in Paris → the same day at 9:00.
    assert.equal(
      nextOpeningOf(DEFAULT_ACTIVE_HOURS, at('2026-03-10T06:00:00Z'))?.toISOString(),
      '2026-03-10T08:00:00.000Z',
    );
    // Friday 20:00 → Saturday 9:00.
    assert.equal(
      nextOpeningOf(DEFAULT_ACTIVE_HOURS, at('2026-03-13T19:00:00Z'))?.toISOString(),
      '2026-03-14T08:00:00.000Z',
    );
    assert.equal(nextOpeningOf({ days: {} }, at('2026-03-13T19:00:00Z')), undefined);
  });

  it('rejects malformed hours', () => {
    assert.equal(isValidActiveHours(DEFAULT_ACTIVE_HOURS), true);
    assert.equal(isValidActiveHours({ days: { mon: [{ from: '18:00', to: '09:00' }] } }), false);
    assert.equal(isValidActiveHours({ days: { mon: [{ from: '9h', to: '12:00' }] } }), false);
    assert.equal(isValidActiveHours({ timeZone: 'Mars/Olympus', days: {} }), false);
  });
});
