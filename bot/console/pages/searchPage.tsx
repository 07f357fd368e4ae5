/**
 * "Trouver un voisin": a resident who phones a referent, found by the name a referent
 * registered them with or by their phone number; only the residents the person may open.
 * The phone is never shown here; each page opened from a result is audited.
 */
import type { VNode } from 'preact';
import { t } from '../../../services/i18n';
import type { FoundResident } from '../../../services/residents';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout, consolePath } from '../layout';

/** What the search page shows. */
export interface SearchView {
  /** The text typed ('' before any search). */
  typed: string;
  /** The residents found, or null when nothing was searched (empty or too short). */
  found: readonly FoundResident[] | null;
  /** True when more residents matched than are shown. */
  more: boolean;
}

/** Where a result opens: the resident's page, marked as opened from the search. */
export function foundResidentPath(psid: string): string {
  return consolePath(`/residents/${encodeURIComponent(psid)}?depuis=recherche`);
}

/** The search page. */
export function searchPage(request: ConsoleRequest, view: SearchView): VNode {
  const { typed, found } = view;
  return (
    <ConsoleLayout
      staff={request.staff}
      csrf={request.csrf}
      section="residents"
      title={t('console.search.title')}
    >
      <form method="get" action={consolePath('/residents')} role="search">
        <label for="q">{t('console.search.label')}</label>
        <p id="q-hint" class="hint">
          {t('console.search.hint')}
        </p>
        <input id="q" name="q" type="search" value={typed} aria-describedby="q-hint" autocomplete="off" />
        <button type="submit">{t('console.search.submit')}</button>
      </form>
      {typed !== '' && found === null && <p role="status">{t('console.search.tooShort')}</p>}
      {found !== null && found.length === 0 && <p role="status">{t('console.search.none')}</p>}
      {found !== null && found.length > 0 && (
        <section aria-labelledby="found-title">
          <h2 id="found-title">{t('console.search.results', { count: String(found.length) })}</h2>
          <p>{t('console.search.audited')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.search.name')}</th>
                <th scope="col">{t('console.search.addressAs')}</th>
                <th scope="col">{t('console.search.neighbourhood')}</th>
                <th scope="col">{t('console.search.open')}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((resident) => {
                const name = resident.name ?? resident.firstName ?? t('console.resident.noName');
                return (
                  <tr key={resident.psid} id={`found-${resident.psid.replace(/\W/g, '-')}`}>
                    <td>
                      {name}
                      {resident.name && ` (${t('console.search.offline')})`}
                    </td>
                    <td>{resident.addressAs ?? ''}</td>
                    <td>{resident.neighbourhood ?? t('console.search.unknownNeighbourhood')}</td>
                    <td>
                      <a
                        href={foundResidentPath(resident.psid)}
                        aria-label={t('console.search.openOne', { name })}
                      >
                        {t('console.search.open')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {view.more && <p>{t('console.search.more')}</p>}
        </section>
      )}
    </ConsoleLayout>
  );
}
