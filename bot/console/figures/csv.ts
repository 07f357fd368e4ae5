/**
 * The week's figures as CSV (RFC 4180: commas, CRLF, French headers): numbers
 * per category and neighbourhood, never anything about a person.
 */
import { t } from '../../../services/i18n';
import type { FigureRow, WeekFigures } from './weekData';

/** One CSV field, quoted when it holds a comma, a quote or a line break; formulas defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 60_000));

/** The figures of `week` as a CSV document (CRLF line ends, one header line). */
export function weekCsv(week: WeekFigures, categoryName: (key: string) => string): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const header = [
    'dimension',
    'key',
    'label',
    'from',
    'to',
    'needs',
    'offers',
    'matches',
    'medianMatch',
    'handovers',
    'handoversAnswered',
    'medianFirstAnswer',
    'tasks',
    'tasksOpen',
  ].map((name) => t(`figures.csv.${name}`));
  const line = (dimension: string, label: string, row: FigureRow) =>
    [
      t(`figures.csv.${dimension}`),
      row.key,
      label,
      day(week.from),
      day(week.to),
      row.needs,
      row.offers,
      row.matches,
      minutes(row.medianMatchMs),
      row.handovers,
      row.handoversAnswered,
      minutes(row.medianFirstAnswerMs),
      row.tasks,
      row.tasksOpen,
    ]
      .map(csvField)
      .join(',');
  const lines = [
    header.map(csvField).join(','),
    line('total', t('figures.csv.total'), week.total),
    ...week.byCategory.map((row) => line('byCategory', categoryName(row.key), row)),
    ...week.byNeighbourhood.map((row) =>
      line('byNeighbourhood', row.key === '' ? t('figures.unknownNeighbourhood') : row.name, row),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
