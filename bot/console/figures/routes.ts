/**
 * The console's map, coverage table and dashboard as {@link ConsoleRoute}s.
 */
import { CATEGORIES, type Category } from '../../../services/domain/types';
import { t } from '../../../services/i18n';
import { BLOCK_METERS } from '../../../services/places';
import { isCategory } from '../../../services/validation';
import type { ConsoleRoute } from '../contract';
import { weekCsv } from './csv';
import { dashboardPage } from './dashboardPage';
import type { ConsoleFigures } from './figures';
import { mapPage } from './mapPage';

/** Weekly reports shown on the dashboard. */
const REPORTS_SHOWN = 12;

/** Options of {@link figuresRoutes}. */
export interface FiguresRoutesOptions {
  figures: ConsoleFigures;
  /** The map's tile server URL template, '' for no background. */
  tileUrl: string;
}

/** `/carte`, `/carte/donnees`, `/tableau`, `/tableau/donnees` and `/tableau/export.csv`. */
export function figuresRoutes({ figures, tileUrl }: FiguresRoutesOptions): ConsoleRoute[] {
  const categoryOf = (query: URLSearchParams): Category | undefined => {
    const value = query.get('categorie');
    return isCategory(value) ? value : undefined;
  };
  return [
    {
      method: 'GET',
      path: '/carte',
      async handle(request) {
        return {
          html: mapPage({
            request,
            categories: CATEGORIES,
            category: categoryOf(request.query),
            coverage: await figures.map.coverage(request.staff),
            tileUrl,
            blockMeters: BLOCK_METERS,
          }),
        };
      },
    },
    {
      method: 'GET',
      path: '/carte/donnees',
      async handle(request) {
        return { json: await figures.map.map(request.staff, categoryOf(request.query)) };
      },
    },
    {
      method: 'GET',
      path: '/tableau',
      async handle(request) {
        const [week, reports] = await Promise.all([
          figures.week.week(request.staff, figures.clock()),
          request.staff.role === 'admin' ? figures.reports.latest(REPORTS_SHOWN) : Promise.resolve([]),
        ]);
        return { html: dashboardPage({ request, week, reports }) };
      },
    },
    {
      method: 'GET',
      path: '/tableau/donnees',
      async handle(request) {
        const week = await figures.week.week(request.staff, figures.clock());
        return {
          json: {
            ...week,
            byCategory: week.byCategory.map((row) => ({ ...row, name: t(`categories.${row.key}`) })),
            byNeighbourhood: week.byNeighbourhood.map((row) => ({
              ...row,
              name: row.key === '' ? t('figures.unknownNeighbourhood') : row.name,
            })),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/tableau/export.csv',
      async handle(request) {
        const week = await figures.week.week(request.staff, figures.clock());
        return {
          csv: {
            filename: t('figures.csv.filename', { date: week.to.toISOString().slice(0, 10) }),
            body: weekCsv(week, (key) => t(`categories.${key}`)),
          },
        };
      },
    },
  ];
}
