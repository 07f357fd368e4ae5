/**
 * Weekly opening hours in a time zone (Europe/Paris by default), computed with `Intl` so
 * that summer and winter time are handled without any date library.
 */

/** Days of the week, as keys of {@link ActiveHours.days}. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening range of a day, in local `HH:MM` (24-hour clock); `to` is exclusive. */
export interface TimeRange {
  from: string;
  to: string;
}

/** When someone works: ranges per weekday, in `timeZone`. */
export interface ActiveHours {
  /** IANA time zone; Europe/Paris by default. */
  timeZone?: string;
  days: Partial<Record<Weekday, TimeRange[]>>;
}

/** The town's time zone. */
export const PARIS = 'Europe/Paris';

/** Monday to Friday 9:00–18:00 and Saturday 9:00–12:00, Paris time. */
export const DEFAULT_ACTIVE_HOURS: ActiveHours = Object.freeze({
  timeZone: PARIS,
  days: Object.freeze({
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
    sat: [{ from: '09:00', to: '12:00' }],
  }),
});

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const MINUTE_MS = 60_000;

/** Minutes since local midnight of `HH:MM`, or NaN when malformed. */
function minutesOf(hhmm: string): number {
  const match = HHMM.exec(hhmm);
  if (!match) return Number.NaN;
  return hhmm === '24:00' ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

/** True when every range is well formed (`HH:MM`, `from` before `to`) and the zone is known. */
export function isValidActiveHours(hours: ActiveHours): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone ?? PARIS });
  } catch {
    return false;
  }
  return Object.entries(hours.days).every(
    ([day, ranges]) =>
      (WEEKDAYS as readonly string[]).includes(day) &&
      Array.isArray(ranges) &&
      ranges.every((range) => minutesOf(range.from) < minutesOf(range.to)),
  );
}

/** Local calendar fields of an instant in a zone. */
interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone = PARIS): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const weekday = (parts.weekday ?? '').toLowerCase().slice(0, 3) as Weekday;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Offset of `timeZone` from UTC at `instantMs`, in milliseconds (Paris: +1 h or +2 h). */
function offsetMs(instantMs: number, timeZone: string): number {
  const local = localTime(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
  return asUtc - Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
}

/** The instant at which the wall clock of `timeZone` shows that date and minute. */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(second);
}

/** True when `now` falls inside one of the ranges of its local weekday. */
export function isWithinHours(hours: ActiveHours, now: Date): boolean {
  const local = localTime(now, hours.timeZone ?? PARIS);
  return (hours.days[local.weekday] ?? []).some(
    (range) => minutesOf(range.from) <= local.minutes && local.minutes < minutesOf(range.to),
  );
}

/**
 * The next start of a range strictly after `now` (within 8 days), or undefined when the
 * schedule has no range at all.
 */
export function nextOpeningOf(hours: ActiveHours, now: Date): Date | undefined {
  const timeZone = hours.timeZone ?? PARIS;
  const today = localTime(now, timeZone);
  for (let offset = 0; offset <= 7; offset += 1) {
    // Noon avoids landing on the wrong date around a DST change.
    const noon = Date.UTC(today.year, today.month - 1, today.day + offset, 12);
    const date = new Date(noon);
    const weekday = WEEKDAYS[date.getUTCDay()];
    const starts = (hours.days[weekday] ?? []).map((range) => minutesOf(range.from)).sort((a, b) => a - b);
    for (const start of starts) {
      const instant = zonedInstant(
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        start,
        timeZone,
      );
      if (instant.getTime() > now.getTime()) return instant;
    }
  }
  return undefined;
}
