/**
 * `/console/carte`: the map of open offers and needs (drawn by a static script from
 * `/console/carte/donnees`) and the coverage table, which gives the same figures to anyone
 * who cannot use the map.
 */
import type { VNode } from 'preact';
import type { Category } from '../../../services/domain/types';
import { t } from '../../../services/i18n';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout, consolePath } from '../layout';
import { REPEATED_SURPLUS, type Coverage, type CoverageCell } from './mapData';
import { scopeText } from './scopeText';

/** What the map page shows. */
export interface MapPageProps {
  request: ConsoleRequest;
  categories: readonly Category[];
  category: Category | undefined;
  coverage: Coverage;
  tileUrl: string;
  blockMeters: number;
}

/** The map page. */
export function mapPage(props: MapPageProps): VNode {
  const { request, category } = props;
  const data = consolePath(`/carte/donnees${category ? `?categorie=${category}` : ''}`);
  return (
    <ConsoleLayout
      staff={request.staff}
      csrf={request.csrf}
      section="map"
      title={t('figures.map.title')}
      scripts={['leaflet.js', 'figures-map.js']}
      styles={['leaflet.css', 'figures.css']}
    >
      <p>{scopeText(request.staff, 'figures.map')}</p>
      <form method="get" action={consolePath('/carte')} class="figures-filter">
        <label for="categorie">{t('figures.map.filterLabel')}</label>
        <select id="categorie" name="categorie">
          <option value="">{t('figures.allCategories')}</option>
          {props.categories.map((key) => (
            <option key={key} value={key} selected={key === category}>
              {t(`categories.${key}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('figures.map.filter')}</button>
      </form>
      <div
        id="figures-map"
        class="figures-map"
        role="region"
        aria-label={t('figures.map.region')}
        data-src={data}
        data-tiles={props.tileUrl}
        data-offers={t('figures.map.popupOffers')}
        data-needs={t('figures.map.popupNeeds')}
        data-categories={JSON.stringify(
          Object.fromEntries(props.categories.map((key) => [key, t(`categories.${key}`)])),
        )}
      >
        <noscript>{t('figures.map.noScript')}</noscript>
      </div>
      <ul class="figures-legend">
        <li>
          <span class="dot offer" aria-hidden="true"></span> {t('figures.map.legendOffers')}
        </li>
        <li>
          <span class="dot need" aria-hidden="true"></span> {t('figures.map.legendNeeds')}
        </li>
        <li>
          <span class="dot place" aria-hidden="true"></span> {t('figures.map.legendNeighbourhoods')}
        </li>
      </ul>
      <p class="note">{t('figures.map.privacy', { meters: props.blockMeters })}</p>
      {props.tileUrl === '' ? <p class="note">{t('figures.map.noTiles')}</p> : null}
      <p>
        <a href={data}>{t('figures.map.dataLink')}</a>
      </p>
      <CoverageTable coverage={props.coverage} />
    </ConsoleLayout>
  );
}

/** The coverage table: neighbourhoods in rows, categories in columns, offers / needs in cells. */
export function CoverageTable({ coverage }: { coverage: Coverage }) {
  return (
    <section aria-labelledby="couverture">
      <h2 id="couverture">{t('figures.coverage.title')}</h2>
      <p>{t('figures.coverage.explain', { surplus: REPEATED_SURPLUS })}</p>
      <div class="table-scroll">
        <table class="coverage">
          <caption>{t('figures.coverage.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.coverage.neighbourhood')}</th>
              {coverage.categories.map((key) => (
                <th key={key} scope="col">
                  {t(`categories.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((row) => (
              <tr key={row.key} data-neighbourhood={row.key}>
                <th scope="row">{row.key === '' ? t('figures.unknownNeighbourhood') : row.name}</th>
                {coverage.categories.map((key) => (
                  <Cell key={key} category={key} cell={row.cells[key]} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('figures.coverage.total')}</th>
              {coverage.categories.map((key) => (
                <Cell key={key} category={key} cell={coverage.totals[key]} />
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Cell({ cell, category }: { cell: CoverageCell; category: Category }) {
  if (cell.state === 'empty') {
    return (
      <td class="empty" data-category={category} data-state="empty">
        {t('figures.coverage.empty')}
      </td>
    );
  }
  const mark =
    cell.state === 'missing' || cell.state === 'repeated' ? t(`figures.coverage.${cell.state}`) : '';
  return (
    <td
      class={cell.state}
      data-category={category}
      data-state={cell.state}
      title={t('figures.coverage.cellLabel', { offers: cell.offers, needs: cell.needs })}
    >
      {t('figures.coverage.cell', { offers: cell.offers, needs: cell.needs })}
      {mark ? <strong class="mark"> {mark}</strong> : null}
    </td>
  );
}
