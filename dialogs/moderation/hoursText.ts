/**
 * A referent's working hours as people say them in French: "du lundi au vendredi 9 h – 18 h ;
 * samedi 9 h – 12 h" (used by `npm run admin -- moderator list|show`).
 */
import type { ActiveHours, TimeRange, Weekday } from '../../services/moderation';
import { t } from '../../services/i18n';

/** Monday first, as the week is read in France. */
const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `09:00` → "9 h", `18:30` → "18 h 30". */
function clock(hhmm: string): string {
  const [hours, minutes] = hhmm.split(':');
  const vars = { hours: Number(hours), minutes: minutes ?? '00' };
  return minutes === '00' ? t('activeHours.hour', vars) : t('activeHours.hourMinutes', vars);
}

function rangesText(ranges: readonly TimeRange[]): string {
  return ranges
    .map((range) => t('activeHours.range', { from: clock(range.from), to: clock(range.to) }))
    .join(t('activeHours.rangeJoin'));
}

/**
 * The week in French, consecutive days with the same hours grouped ("du lundi au
 * vendredi"); "aucune permanence" when there is none.
 */
export function activeHoursText(hours: ActiveHours): string {
  const runs: { days: Weekday[]; text: string }[] = [];
  for (const day of WEEK) {
    const ranges = hours.days[day] ?? [];
    if (ranges.length === 0) continue;
    const text = rangesText(ranges);
    const last = runs[runs.length - 1];
    const previousDay = WEEK[WEEK.indexOf(day) - 1];
    if (last && last.text === text && last.days[last.days.length - 1] === previousDay) last.days.push(day);
    else runs.push({ days: [day], text });
  }
  if (runs.length === 0) return t('activeHours.none');
  return runs
    .map((run) => {
      const name = (day: Weekday | undefined): string => t(`activeHours.day.${day ?? 'mon'}`);
      const days =
        run.days.length === 1
          ? name(run.days[0])
          : run.days.length === 2
            ? t('activeHours.dayList', { days: run.days.map(name).join(t('activeHours.rangeJoin')) })
            : t('activeHours.dayRange', {
                first: name(run.days[0]),
                last: name(run.days[run.days.length - 1]),
              });
      return t('activeHours.line', { days, ranges: run.text });
    })
    .join(t('activeHours.lineJoin'));
}
