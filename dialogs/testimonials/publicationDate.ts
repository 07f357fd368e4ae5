/**
 * The publication day an admin types: "aujourd'hui", "demain", "après-demain", a weekday
 * ("samedi": the next one, a week later when it is today), "25/12", "25/12/2026" or
 * "25 décembre". Days are Paris days; the post goes out at the Page's first publication
 * run on or after 0 h that day.
 */

const PARIS = 'Europe/Paris';
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];
/** Furthest day accepted, counted from today. */
const MAX_DAYS_AHEAD = 366;
const DAY_MS = 86_400_000;

/** A calendar day. */
interface Day {
  year: number;
  month: number;
  day: number;
}

/** The Paris day of `date`. */
function parisDay(date: Date): Day {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: PARIS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: string): number => Number(parts.find((item) => item.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** 0 h in Paris on `day`, as an instant. */
export function parisMidnight(day: Day): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day);
  const wall = parisDay(new Date(guess));
  const hours = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(guess),
    ),
  );
  // Paris is ahead of UTC (1 or 2 hours): UTC midnight is 1 h or 2 h in Paris the same day.
  const offsetHours = wall.day === day.day ? hours : hours - 24;
  return new Date(guess - offsetHours * 3_600_000);
}

function addDays(day: Day, days: number): Day {
  const shifted = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function isValidDay(day: Day): boolean {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return date.getUTCMonth() === day.month - 1 && date.getUTCDate() === day.day;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The day a typed date names, at or after today; undefined when not understood or in the past. */
function readDay(text: string, today: Day): Day | undefined {
  const typed = fold(text);
  if (/\baujourd ?hui\b|\bce soir\b/.test(typed)) return today;
  if (/\bapres[- ]demain\b/.test(typed)) return addDays(today, 2);
  if (/\bdemain\b/.test(typed)) return addDays(today, 1);
  const weekday = WEEKDAYS.findIndex((name) => new RegExp(`\\b${name}\\b`).test(typed));
  if (weekday >= 0) {
    const current = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    return addDays(today, (weekday - current + 7) % 7 || 7);
  }
  const numeric = /\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\b/.exec(typed);
  const named = new RegExp(`\\b(\\d{1,2})(?:er)? (${MONTHS.join('|')})(?: (\\d{4}))?\\b`).exec(typed);
  const found = numeric
    ? { day: Number(numeric[1]), month: Number(numeric[2]), year: numeric[3] }
    : named
      ? { day: Number(named[1]), month: MONTHS.indexOf(named[2] ?? '') + 1, year: named[3] }
      : undefined;
  if (!found) return undefined;
  const explicitYear = found.year === undefined ? undefined : Number(found.year.padStart(4, '20'));
  const candidate = { day: found.day, month: found.month, year: explicitYear ?? today.year };
  if (!isValidDay(candidate)) return undefined;
  const before = (a: Day, b: Day): boolean =>
    Date.UTC(a.year, a.month - 1, a.day) < Date.UTC(b.year, b.month - 1, b.day);
  if (!before(candidate, today)) return candidate;
  if (explicitYear !== undefined) return undefined;
  const nextYear = { ...candidate, year: today.year + 1 };
  return isValidDay(nextYear) ? nextYear : undefined;
}

/**
 * The instant (0 h Paris) of the day typed by an admin, seen from `now`; undefined when
 * the text is not a date, names a past day or a day more than a year ahead.
 */
export function parsePublicationDate(text: string, now: Date): Date | undefined {
  const today = parisDay(now);
  const day = readDay(text, today);
  if (!day) return undefined;
  const date = parisMidnight(day);
  const ahead = (date.getTime() - parisMidnight(today).getTime()) / DAY_MS;
  return ahead > MAX_DAYS_AHEAD ? undefined : date;
}

/** "samedi 11 avril 2020", as admins read a publication day. */
export function longFrenchDate(date: Date): string {
  return date.toLocaleDateString('fr-FR', {
    timeZone: PARIS,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
