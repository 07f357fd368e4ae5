/**
 * A resident's page: their entries, matches, tasks, hand-overs and consents as the staff may
 * see them (never an address, never a phone: "Appeler" on a task shows it). Every view is
 * audited; a referent cannot open a resident of another neighbourhood (403).
 *
 * And the search of a resident who phones (by the name a referent registered them with, or
 * by phone number), which lists only the residents whose page the person may open.
 */
import { isOfflinePsid, type EntryRepository } from '../../services/entries';
import { CodedError, ErrorCode } from '../../services/errors';
import type { MatchRepository } from '../../services/matching';
import type { AuditLog, HandoverRepository, ModeratorRepository } from '../../services/moderation';
import { isPsid } from '../../services/moderation';
import {
  readResidentQuery,
  type FoundResident,
  type ResidentRepository,
  type ResidentSearch,
} from '../../services/residents';
import type { Tasks } from '../../services/tasks';
import type { Testimonials } from '../../services/testimonials';
import type { ConsoleRequest, ConsoleRoute } from './contract';
import { residentPage } from './pages/residentPage';
import { searchPage } from './pages/searchPage';
import { errorPage } from './publicPages';
import { mayOpenResident, scopeOf, type InScope } from './scope';

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
  search: Pick<ResidentSearch, 'find'>;
}

/** Residents read for one search (before the scope is applied). */
const SEARCHED = 40;
/** Residents shown for one search. */
const SHOWN = 20;

/** The id of a resident: a Messenger psid, or one a referent registered (`offline:<hex>`). */
export function isResidentId(psid: string): boolean {
  return isPsid(psid) || (isOfflinePsid(psid) && /^offline:[0-9a-f]{1,64}$/.test(psid));
}

/**
 * The neighbourhoods a resident is known in: the one they were registered with, and their
 * entries', tasks' and hand-overs' (what decides who may open their page).
 */
function knownNeighbourhoods(
  registered: string | undefined,
  ...lists: readonly (readonly { neighbourhood?: string }[])[]
): string[] {
  return [registered, ...lists.flat().map((item) => item.neighbourhood)].filter(
    (value): value is string => typeof value === 'string',
  );
}

/** `GET /residents` (the search) and `GET /residents/:psid`. */
export function residentRoutes(deps: ResidentRouteDeps): ConsoleRoute[] {
  /** Whether `staff` may open the page of the resident found. */
  const mayOpen = async (
    request: ConsoleRequest,
    inScope: InScope,
    found: FoundResident,
  ): Promise<boolean> => {
    const [entries, tasks, handovers] = await Promise.all([
      deps.entries.listByResident(found.psid),
      deps.tasks.listByResident(found.psid),
      deps.handovers.byResident(found.psid),
    ]);
    const neighbourhoods = knownNeighbourhoods(found.neighbourhood, entries, tasks, handovers);
    return mayOpenResident(request.staff, inScope, neighbourhoods);
  };
  return [
    {
      method: 'GET',
      path: '/residents',
      handle: async (request) => {
        const typed = (request.query.get('q') ?? '').trim().slice(0, 100);
        const query = readResidentQuery(typed);
        if (!query) return { html: searchPage(request, { typed, found: null, more: false }) };
        const [inScope, candidates] = await Promise.all([
          scopeOf(request.staff, deps.moderators),
          deps.search.find(query, SEARCHED),
        ]);
        const allowed = await Promise.all(candidates.map((found) => mayOpen(request, inScope, found)));
        const found = candidates.filter((_, i) => allowed[i]);
        return {
          html: searchPage(request, {
            typed,
            found: found.slice(0, SHOWN),
            // Only what the person may see: never that residents elsewhere match too.
            more: found.length > SHOWN,
          }),
        };
      },
    },
    {
      method: 'GET',
      path: '/residents/:psid',
      handle: async (request) => {
        const psid = request.params.psid ?? '';
        if (!isResidentId(psid)) throw new CodedError(ErrorCode.NotFound, 'not a psid');
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
        const neighbourhoods = knownNeighbourhoods(
          resident?.offline?.neighbourhood,
          entries,
          tasks,
          handovers,
        );
        const inScope = await scopeOf(request.staff, deps.moderators);
        if (!mayOpenResident(request.staff, inScope, neighbourhoods)) {
          return { status: 403, html: errorPage('forbidden') };
        }
        // Opened from the search: the record says so (a short code, never what was typed).
        const fromSearch = request.query.get('depuis') === 'recherche' ? 'search' : undefined;
        await deps.audit.record(
          request.staff.psid,
          'resident.view',
          { type: 'resident', id: psid },
          fromSearch,
        );
        return {
          html: residentPage(request, { psid, resident, entries, matches, tasks, handovers, testimonials }),
        };
      },
    },
  ];
}
