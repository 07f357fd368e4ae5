/**
 * The admins' reports in French: the weekly figures (counts only).
 */
import { t } from '../../services/i18n';
import type { Breakdown, ReportNotice, WeeklyFigures } from '../../services/jobs/weeklyReport';
import type { NoticeRenderers } from './renderers';

/** The report's French text. */
export function formatWeeklyReport(figures: WeeklyFigures): string {
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long' });
  const list = (breakdown: Breakdown, label: (key: string) => string): string => {
    const items = Object.entries(breakdown).sort(([, a], [, b]) => b.week - a.week || b.total - a.total);
    if (items.length === 0) return t('jobs.weeklyReport.none');
    return items
      .map(([key, count]) => t('jobs.weeklyReport.item', { label: label(key), ...count }))
      .join(', ');
  };
  const median = figures.handovers.medianWaitMs;
  return [
    t('jobs.weeklyReport.title', { from: day.format(figures.from), to: day.format(figures.to) }),
    t('jobs.weeklyReport.entriesWeek', {
      count: figures.entries.week,
      offers: figures.entries.offersWeek,
      needs: figures.entries.needsWeek,
    }),
    t('jobs.weeklyReport.entriesTotal', { count: figures.entries.total }),
    t('jobs.weeklyReport.byCategory', { list: list(figures.byCategory, (key) => t(`categories.${key}`)) }),
    t('jobs.weeklyReport.byNeighbourhood', {
      list: list(figures.byNeighbourhood, (key) =>
        key === '' ? t('jobs.weeklyReport.unknownNeighbourhood') : key,
      ),
    }),
    t('jobs.weeklyReport.byStatus', { list: list(figures.byStatus, (key) => t(`status.${key}`)) }),
    t('jobs.weeklyReport.matches', figures.matches),
    t('jobs.weeklyReport.handoffs', {
      count: figures.handovers.week,
      answered: figures.handovers.answered,
      median: median === undefined ? t('jobs.weeklyReport.noMedian') : formatDuration(median),
    }),
  ].join('\n');
}

/** "12 min", "2 h 05", "moins d'1 min". */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 1) return t('jobs.weeklyReport.durationUnderMinute');
  if (minutes < 60) return t('jobs.weeklyReport.durationMinutes', { minutes });
  return t('jobs.weeklyReport.durationHours', {
    hours: Math.floor(minutes / 60),
    minutes: String(minutes % 60).padStart(2, '0'),
  });
}

/** The reports' notices. */
export const reportRenderers: NoticeRenderers<ReportNotice> = {
  'reports.weekly': ({ figures }) => ({ type: 'message', text: formatWeeklyReport(figures) }),
};
