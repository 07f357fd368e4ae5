/**
 * When a resident is free or needs help, read from the free text of an entry's
 * availability ("le samedi matin", "en semaine apres 18h", "ce week-end"): a simple,
 * documented heuristic, enough to rank helpers, never to exclude one.
 *
 * @remarks
 * The text is lower-cased and stripped of accents, then looked up for whole words:
 * - days: `lundi` … `dimanche` (and `lun`, `mar`, `mer`, `jeu`, `ven`, `sam`, `dim` followed
 *   by a dot or a space), `semaine` / `en semaine` (Monday to Friday), `week-end` / `we`
 *   (Saturday and Sunday), `tous les jours` / `chaque jour` / `quand vous voulez` /
 *   `n'importe quand` / `dispo tout le temps` (every day and every part of the day);
 * - parts of the day: `matin` / `matinee` (morning), `midi` (noon), `apres-midi` / `aprem` /
 *   `apres midi` (afternoon), `soir` / `soiree` / `apres 18h` and later hours (evening).
 *   An hour `8h` … `11h` reads as morning, `12h`/`13h` as noon, `14h` … `17h` as afternoon,
 *   `18h` … `22h` as evening.
 * Nothing found means "unknown", which ranks between a fit and a clash.
 */

/** Days of the week, Monday first (0) to Sunday (6). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** Parts of the day. */
export type DayPart = 'morning' | 'noon' | 'afternoon' | 'evening';

/** What a text says of a time: the days and parts of the day it names (empty: not said). */
export interface TimeWindow {
  days: ReadonlySet<Weekday>;
  parts: ReadonlySet<DayPart>;
}

/** How well a helper's availability fits the time of a need. */
export type AvailabilityFit = 'fits' | 'unknown' | 'clashes';

const ALL_DAYS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const ALL_PARTS: DayPart[] = ['morning', 'noon', 'afternoon', 'evening'];

const DAY_WORDS: Array<[RegExp, Weekday[]]> = [
  [/\blun(di|\.|\s)/, [0]],
  [/\bmar(di|\.|\s)/, [1]],
  [/\bmer(credi|\.|\s)/, [2]],
  [/\bjeu(di|\.|\s)/, [3]],
  [/\bven(dredi|\.|\s)/, [4]],
  [/\bsam(edi|\.|\s)/, [5]],
  [/\bdim(anche|\.|\s)/, [6]],
  [/\b(en |la |de )?semaine\b/, [0, 1, 2, 3, 4]],
  [/\b(week[- ]?end|we|weekend)s?\b/, [5, 6]],
];
const ANY_TIME =
  /\b(tous les jours|chaque jour|quand vous voulez|n ?importe quand|tout le temps|7j\/7|toute la semaine)\b/;
const PART_WORDS: Array<[RegExp, DayPart]> = [
  [/\bmatin(ee|s)?\b/, 'morning'],
  [/\bmidi\b/, 'noon'],
  [/\b(apres[- ]?midi|aprem|aprm)\b/, 'afternoon'],
  [/\bsoir(ee|s)?\b/, 'evening'],
];

/** Lower case, no accents, apostrophes as spaces: what the word lists above expect. */
function normalise(text: string): string {
  return `${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')} `;
}

function partOfHour(hour: number): DayPart | undefined {
  if (hour >= 7 && hour <= 11) return 'morning';
  if (hour === 12 || hour === 13) return 'noon';
  if (hour >= 14 && hour <= 17) return 'afternoon';
  if (hour >= 18 && hour <= 23) return 'evening';
  return undefined;
}

/** The days and parts of the day `text` names (see the module's remarks for the words read). */
export function readTimeWindow(text: string | undefined): TimeWindow {
  const days = new Set<Weekday>();
  const parts = new Set<DayPart>();
  if (!text) return { days, parts };
  const plain = normalise(text);
  if (ANY_TIME.test(plain)) return { days: new Set(ALL_DAYS), parts: new Set(ALL_PARTS) };
  // "apres-midi" must not also read as "midi".
  const withoutAfternoon = plain.replace(/\b(apres[- ]?midi|aprem|aprm)\b/g, ' aprem ');
  for (const [pattern, named] of DAY_WORDS) if (pattern.test(plain)) named.forEach((day) => days.add(day));
  for (const [pattern, part] of PART_WORDS) if (pattern.test(withoutAfternoon)) parts.add(part);
  for (const hourMatch of plain.matchAll(/\b([01]?\d|2[0-3]) ?h/g)) {
    const part = partOfHour(Number(hourMatch[1]));
    if (part) parts.add(part);
  }
  return { days, parts };
}

/** A text read with {@link readTimeWindow}; a window already read is taken as it is. */
function windowOf(time: string | TimeWindow | undefined): TimeWindow {
  return typeof time === 'object' ? time : readTimeWindow(time);
}

function overlaps<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean | undefined {
  if (a.size === 0 || b.size === 0) return undefined;
  for (const value of a) if (b.has(value)) return true;
  return false;
}

/**
 * How the helper's availability fits the need's time: `clashes` when both name days (or
 * both name parts of the day) and none is shared; `fits` when something named on both sides
 * is shared and nothing clashes; `unknown` otherwise. Either side may be given already read
 * (a batch reads each text once, not once per pair).
 */
export function availabilityFit(
  needTime: string | TimeWindow | undefined,
  helperTime: string | TimeWindow | undefined,
): AvailabilityFit {
  const need = windowOf(needTime);
  const helper = windowOf(helperTime);
  const days = overlaps(need.days, helper.days);
  const parts = overlaps(need.parts, helper.parts);
  if (days === false || parts === false) return 'clashes';
  if (days === true || parts === true) return 'fits';
  return 'unknown';
}
