/**
 * The admins' list of referents: name, role, neighbourhoods, active or not, and a button to
 * deactivate one (adding one stays on the command line).
 */
import type { VNode } from 'preact';
import { t } from '../../../services/i18n';
import type { Moderator } from '../../../services/moderation';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout, consolePath } from '../layout';

/** The referents' page. */
export function referentsPage(request: ConsoleRequest, moderators: readonly Moderator[]): VNode {
  return (
    <ConsoleLayout
      staff={request.staff}
      csrf={request.csrf}
      section="referents"
      title={t('console.referents.title')}
    >
      <p>{t('console.referents.add')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('console.referents.name')}</th>
            <th scope="col">{t('console.referents.role')}</th>
            <th scope="col">{t('console.referents.neighbourhoods')}</th>
            <th scope="col">{t('console.referents.state')}</th>
            <th scope="col">{t('console.referents.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {moderators.map((moderator) => (
            <tr key={moderator.psid}>
              <td>{moderator.name}</td>
              <td>{t(moderator.role === 'admin' ? 'console.role.admin' : 'console.role.moderator')}</td>
              <td>
                {moderator.quartiers.length > 0 ? moderator.quartiers.join(', ') : t('console.referents.all')}
              </td>
              <td>{t(moderator.active ? 'console.referents.active' : 'console.referents.inactive')}</td>
              <td>
                {moderator.active && moderator.psid !== request.staff.psid && (
                  <form method="post" action={consolePath(`/referents/${moderator.psid}/desactiver`)}>
                    <input type="hidden" name="_csrf" value={request.csrf} />
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t('console.referents.deactivateOne', { name: moderator.name })}
                    >
                      {t('console.referents.deactivate')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}
