/**
 * A resident's page: their entries, matches, tasks, hand-overs and consents as the staff may
 * see them (never an address, never a phone: "Appeler" on a task shows it). Every view is
 * audited; a referent cannot open a resident of another neighbourhood (403).
 */
import type { EntryRepository } from '../../services/entries';
import { CodedError, ErrorCode } from '../../services/errors';
import type { MatchRepository } from '../../services/matching';
import type { AuditLog, HandoverRepository, ModeratorRepository } from '../../services/moderation';
import { isPsid } from '../../services/moderation';
import type { ResidentRepository } from '../../services/residents';
import type { Tasks } from '../../services/tasks';
import type { Testimonials } from '../../services/testimonials';
import type { ConsoleRoute } from './contract';
import { residentPage } from './pages/residentPage';
import { errorPage } from './publicPages';
import { mayOpenResident, scopeOf } from './scope';

/** What the resident's page reads. */
export interface ResidentRouteDeps {
  residents: Pick<ResidentRepository, 'get'>;
  entries: Pick<EntryRepository, 'listByResident'>;
  matches: Pick<MatchRepository, 'byResident'>;
  tasks: Pick<Tasks, 'listByResident'>;
  handovers: Pick<HandoverRepository, 'byResident'>;
  testimonials: Pick<Testimonials, 'listByResident'>;
  moderators: Pick<ModeratorRepository, 'list'>;
  audit: Pick<AuditLog, 'record'>;
}

/** `GET /residents/:psid`. */
export function residentRoutes(deps: ResidentRouteDeps): ConsoleRoute[] {
  return [
    {
      method: 'GET',
      path: '/residents/:psid',
      handle: async (request) => {
        const psid = request.params.psid ?? '';
        if (!isPsid(psid)) throw new CodedError(ErrorCode.NotFound, 'not a psid');
        const [resident, entries, matches, tasks, handovers, testimonials] = await Promise.all([
          deps.residents.get(psid),
          deps.entries.listByResident(psid),
          deps.matches.byResident(psid),
          deps.tasks.listByResident(psid),
          deps.handovers.byResident(psid),
          deps.testimonials.listByResident(psid),
        ]);
        if (!resident && entries.length === 0 && tasks.length === 0 && handovers.length === 0) {
          throw new CodedError(ErrorCode.NotFound, 'no such resident');
        }
        const neighbourhoods = [...entries, ...tasks, ...handovers]
          .map((item) => item.neighbourhood)
          .filter((value): value is string => typeof value === 'string');
        const inScope = await scopeOf(request.staff, deps.moderators);
        if (!mayOpenResident(request.staff, inScope, neighbourhoods)) {
          return { status: 403, html: errorPage('forbidden') };
        }
        await deps.audit.record(request.staff.psid, 'resident.view', { type: 'resident', id: psid });
        return {
          html: residentPage(request, { psid, resident, entries, matches, tasks, handovers, testimonials }),
        };
      },
    },
  ];
}
