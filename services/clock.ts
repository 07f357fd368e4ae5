/**
 * The current time, injected everywhere time matters (windows, leases, jobs) so that
 * tests can move it.
 */
export type Clock = () => Date;

/** The machine's clock. */
export const systemClock: Clock = () => new Date();

/** A clock that tests move by hand. */
export interface ManualClock {
  readonly now: Clock;
  set(date: Date): void;
  advance(milliseconds: number): void;
}

/** Creates a {@link ManualClock} starting at `start`. */
export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}
