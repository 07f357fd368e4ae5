/**
 * Working hours on the operators' command line (`moderator hours --days lun-ven --from 9:00
 * --to 18:00 …`): day names and ranges, times of day, and the week they set, in Paris time.
 */
import { PARIS, type ActiveHours, type TimeRange, type Weekday } from './activeHours';
import { UsageError } from './errors';

/** French (and English) day names, as the command line accepts them. */
const DAY_NAMES: Record<string, Weekday> = {
  lun: 'mon',
  lundi: 'mon',
  mon: 'mon',
  mar: 'tue',
  mardi: 'tue',
  tue: 'tue',
  mer: 'wed',
  mercredi: 'wed',
  wed: 'wed',
  jeu: 'thu',
  jeudi: 'thu',
  thu: 'thu',
  ven: 'fri',
  vendredi: 'fri',
  fri: 'fri',
  sam: 'sat',
  samedi: 'sat',
  sat: 'sat',
  dim: 'sun',
  dimanche: 'sun',
  sun: 'sun',
};
/** Monday first, as the days are read in France. */
const WEEK_FROM_MONDAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `lun-ven`, `lun,mer,ven`, `sam`, `ven-lun` (over the weekend): the days meant. */
export function parseDays(spec: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of spec
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [first, last, extra] = part.split('-').map((p) => p.trim().replace(/\.$/, ''));
    const from = DAY_NAMES[first ?? ''];
    const to = last === undefined ? from : DAY_NAMES[last];
    if (!from || !to || extra !== undefined) {
      throw new UsageError(`--days "${spec}" is not a day, a range (lun-ven) or a list (lun,mer,ven)`);
    }
    let index = WEEK_FROM_MONDAY.indexOf(from);
    for (;;) {
      const day = WEEK_FROM_MONDAY[index];
      days.add(day);
      if (day === to) break;
      index = (index + 1) % WEEK_FROM_MONDAY.length;
    }
  }
  if (days.size === 0) throw new UsageError('--days needs at least one day');
  return WEEK_FROM_MONDAY.filter((day) => days.has(day));
}

/** `9:00`, `09:00`, `9h`, `18h30`, `9` → `HH:MM`; throws {@link UsageError} otherwise. */
export function parseClock(option: string, value: string): string {
  const match = /^(\d{1,2})(?:[:h](\d{2})?)?$/i.exec(value.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? '0');
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new UsageError(`--${option} "${value}" is not a time of day (9:00, 9h, 18h30)`);
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The week set by the `--days`/`--from`/`--to` groups, in Paris time; throws {@link UsageError}. */
export function parseHoursOptions(options: Map<string, string[]>): ActiveHours {
  const days = options.get('days') ?? [];
  const froms = options.get('from') ?? [];
  const tos = options.get('to') ?? [];
  if (days.length === 0) throw new UsageError('--days, --from and --to are required');
  if (froms.length !== days.length || tos.length !== days.length) {
    throw new UsageError('each --days needs its own --from and --to');
  }
  const week: Partial<Record<Weekday, TimeRange[]>> = {};
  days.forEach((spec, index) => {
    const range = {
      from: parseClock('from', froms[index]),
      to: parseClock('to', tos[index]),
    };
    if (range.from >= range.to) throw new UsageError(`--from ${range.from} must be before --to ${range.to}`);
    for (const day of parseDays(spec)) {
      const ranges = [...(week[day] ?? []), range].sort((a, b) => a.from.localeCompare(b.from));
      if (ranges.some((r, i) => i > 0 && r.from < ranges[i - 1].to)) {
        throw new UsageError(`the hours given overlap on ${spec}`);
      }
      week[day] = ranges;
    }
  });
  return { timeZone: PARIS, days: week };
}
