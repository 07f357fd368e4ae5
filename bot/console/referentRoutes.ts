/**
 * The admins' page of referents: who they are, their neighbourhoods and role, and
 * deactivating one (adding stays on the command line: `npm run admin -- moderator add`).
 */
import { CodedError, ErrorCode } from '../../services/errors';
import type { AuditLog, ModeratorRepository } from '../../services/moderation';
import type { ConsoleRoute } from './contract';
import { referentsPage } from './pages/referentsPage';

/** What the referents' page calls. */
export interface ReferentRouteDeps {
  moderators: Pick<ModeratorRepository, 'list' | 'get' | 'upsert'>;
  audit: Pick<AuditLog, 'record'>;
}

/** `GET /referents` and `POST /referents/:psid/desactiver`, admins only. */
export function referentRoutes(deps: ReferentRouteDeps): ConsoleRoute[] {
  return [
    {
      method: 'GET',
      path: '/referents',
      adminOnly: true,
      handle: async (request) => ({ html: referentsPage(request, await deps.moderators.list()) }),
    },
    {
      method: 'POST',
      path: '/referents/:psid/desactiver',
      adminOnly: true,
      handle: async (request) => {
        const psid = request.params.psid ?? '';
        if (psid === request.staff.psid) throw new CodedError(ErrorCode.InvalidInput, 'not oneself');
        const moderator = await deps.moderators.get(psid);
        if (!moderator) throw new CodedError(ErrorCode.NotFound, 'no such moderator');
        if (!moderator.active) throw new CodedError(ErrorCode.InvalidState, 'already inactive');
        await deps.moderators.upsert({ ...moderator, active: false });
        await deps.audit.record(
          request.staff.psid,
          'moderator.update',
          { type: 'moderator', id: psid },
          'inactive',
        );
        return { redirect: '/referents' };
      },
    },
  ];
}
