/**
 * Every page of the console, as {@link ConsoleRoute}s built from the application's parts.
 */
import { ResidentSearch } from '../../services/residents';
import type { PartSource } from '../parts';
import type { ConsoleRoute } from './contract';
import { figuresRoutes } from './figures/routes';
import { queueRoutes } from './queueRoutes';
import { referentRoutes } from './referentRoutes';
import { residentRoutes } from './residentRoutes';

/** The console's routes over `parts`. */
export function consoleRoutes(parts: PartSource & { clock: () => Date }): ConsoleRoute[] {
  const moderation = parts.get('moderation');
  const tasks = parts.get('tasks').tasks;
  const entries = parts.get('entryRepository');
  return [
    ...queueRoutes({
      sources: {
        tasks,
        qualification: moderation.qualification,
        entries,
        handover: moderation.handover,
        handovers: moderation.handovers,
        testimonials: parts.get('testimonials'),
        undelivered: moderation.undelivered,
        moderators: moderation.moderators,
        entryNeighbourhood: async (id) => (await entries.get(id))?.neighbourhood,
      },
      tasks,
      review: { moderation, matching: parts.get('matching') },
      handovers: { moderation, notifier: parts.get('transport') },
      testimonials: parts.get('testimonials'),
      undelivered: moderation.undelivered,
      audit: moderation.audit,
      clock: parts.clock,
      pageInboxUrl: parts.config.pageInboxUrl,
    }),
    ...residentRoutes({
      residents: parts.get('residents'),
      entries,
      matches: parts.get('matchRepository'),
      tasks,
      handovers: moderation.handovers,
      testimonials: parts.get('testimonials'),
      moderators: moderation.moderators,
      audit: moderation.audit,
      search: new ResidentSearch(parts.get('db')),
    }),
    ...referentRoutes({ moderators: moderation.moderators, audit: moderation.audit }),
    ...figuresRoutes({ figures: parts.get('figures'), tileUrl: parts.config.mapTileUrl }),
  ];
}
