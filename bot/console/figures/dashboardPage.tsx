/**
 * `/console/tableau`: the week's figures, as charts (drawn by a static script from
 * `/console/tableau/donnees`) and as the tables they are made of; the CSV export; the weekly
 * reports kept (admins, who receive them).
 */
import type { VNode } from 'preact';
import { formatDuration, formatWeeklyReport } from '../../../dialogs/notices/reports';
import { t } from '../../../services/i18n';
import type { KeptReport } from '../../../services/jobs';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout, consolePath } from '../layout';
import { scopeText } from './scopeText';
import type { FigureRow, WeekFigures } from './weekData';

/** What the dashboard shows. */
export interface DashboardProps {
  request: ConsoleRequest;
  week: WeekFigures;
  /** The weekly reports kept, newest first (admins only; empty for referents). */
  reports: readonly KeptReport[];
}

const DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The dashboard page. */
export function dashboardPage({ request, week, reports }: DashboardProps): VNode {
  const { total } = week;
  return (
    <ConsoleLayout
      staff={request.staff}
      csrf={request.csrf}
      section="dashboard"
      title={t('figures.dashboard.title')}
      scripts={['chart.umd.min.js', 'figures-dashboard.js']}
      styles={['figures.css']}
    >
      <p>
        {t('figures.dashboard.period', { from: DAY.format(week.from), to: DAY.format(week.to) })}.{' '}
        {scopeText(request.staff, 'figures.dashboard')}
      </p>
      <section aria-labelledby="semaine">
        <h2 id="semaine">{t('figures.dashboard.summary')}</h2>
        <dl class="figures-summary">
          <Figure label="needs" value={total.needs} />
          <Figure label="offers" value={total.offers} />
          <Figure label="matches" value={total.matches} />
          <Figure label="medianMatch" value={duration(total.medianMatchMs)} />
          <Figure label="handovers" value={total.handovers ?? 0} />
          <Figure label="handoversAnswered" value={total.handoversAnswered ?? 0} />
          <Figure label="medianFirstAnswer" value={duration(total.medianFirstAnswerMs)} />
          <Figure label="tasks" value={total.tasks} />
          <Figure label="tasksOpen" value={total.tasksOpen} />
        </dl>
        <p>
          <a href={consolePath('/tableau/export.csv')} download>
            {t('figures.dashboard.export')}
          </a>{' '}
          <span class="note">{t('figures.dashboard.exportNote')}</span>
        </p>
      </section>
      <section aria-labelledby="par-categorie">
        <h2 id="par-categorie">{t('figures.dashboard.byCategory')}</h2>
        <Chart id="chart-category" label="chartCategory" />
        <FigureTable
          id="table-category"
          head={t('figures.dashboard.category')}
          rows={week.byCategory.map((row) => ({ label: t(`categories.${row.key}`), row }))}
          withHandovers={false}
        />
      </section>
      <section aria-labelledby="par-quartier">
        <h2 id="par-quartier">{t('figures.dashboard.byNeighbourhood')}</h2>
        <Chart id="chart-neighbourhood" label="chartNeighbourhood" />
        <Chart id="chart-delays" label="chartDelays" />
        <FigureTable
          id="table-neighbourhood"
          head={t('figures.dashboard.neighbourhood')}
          rows={week.byNeighbourhood.map((row) => ({
            label: row.key === '' ? t('figures.unknownNeighbourhood') : row.name,
            row,
          }))}
          withHandovers
        />
      </section>
      {request.staff.role === 'admin' ? <Reports reports={reports} /> : null}
      <div
        id="figures-dashboard"
        hidden
        data-src={consolePath('/tableau/donnees')}
        data-labels={JSON.stringify({
          needs: t('figures.dashboard.needs'),
          offers: t('figures.dashboard.offers'),
          matches: t('figures.dashboard.matches'),
          medianMatch: t('figures.dashboard.medianMatch'),
          medianFirstAnswer: t('figures.dashboard.medianFirstAnswer'),
          minutes: t('figures.dashboard.minutesAxis'),
        })}
      ></div>
    </ConsoleLayout>
  );
}

function duration(ms: number | null): string {
  return ms === null ? t('figures.dashboard.notMeasured') : formatDuration(ms);
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt>{t(`figures.dashboard.${label}`)}</dt>
      <dd data-figure={label}>{value}</dd>
    </div>
  );
}

function Chart({ id, label }: { id: string; label: string }) {
  return (
    <div class="figures-chart">
      <canvas id={id} role="img" aria-label={t(`figures.dashboard.${label}`)}></canvas>
    </div>
  );
}

function FigureTable(props: {
  id: string;
  head: string;
  rows: { label: string; row: FigureRow }[];
  withHandovers: boolean;
}) {
  const columns = [
    'needs',
    'offers',
    'matches',
    'medianMatch',
    ...(props.withHandovers ? ['handovers', 'handoversAnswered', 'medianFirstAnswer'] : []),
    'tasks',
    'tasksOpen',
  ];
  const value = (row: FigureRow, column: string): string | number => {
    if (column === 'medianMatch') return duration(row.medianMatchMs);
    if (column === 'medianFirstAnswer') return duration(row.medianFirstAnswerMs);
    const figure = row[column as keyof FigureRow];
    return typeof figure === 'number' ? figure : t('figures.dashboard.notApplicable');
  };
  return (
    <div class="table-scroll">
      <table id={props.id} class="figures">
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`figures.dashboard.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ label, row }) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{label}</th>
              {columns.map((column) => (
                <td key={column} data-column={column}>
                  {value(row, column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reports({ reports }: { reports: readonly KeptReport[] }) {
  return (
    <section aria-labelledby="bilans">
      <h2 id="bilans">{t('figures.dashboard.reports')}</h2>
      {reports.length === 0 ? (
        <p>{t('figures.dashboard.noReports')}</p>
      ) : (
        reports.map((report, index) => (
          <details key={report._id} open={index === 0}>
            <summary>{t('figures.dashboard.reportOf', { date: DAY.format(report.figures.to) })}</summary>
            <pre class="report">{formatWeeklyReport(report.figures)}</pre>
          </details>
        ))
      )}
    </section>
  );
}
