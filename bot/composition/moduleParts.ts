/**
 * The modules of services/, each given the ports it speaks through: residents, entries,
 * matching, moderation, tasks, testimonials, privacy, understanding and places, and the
 * notices to the Page admins.
 */
import { UndeliveredNotices } from '../../dialogs/notices/undelivered';
import { UrgentNeedHandover } from '../../dialogs/moderation/handOver';
import { noticeText } from '../../dialogs/notices';
import { screeningWords } from '../../dialogs/screening';
import { frenchPosts } from '../../dialogs/testimonials/signature';
import { AttentionFlags } from '../../services/conversations';
import { Entries, EntryRepository } from '../../services/entries';
import { SINGLE_ATTEMPT } from '../../services/graph/retry';
import { Limits } from '../../services/limits';
import { Matcher, Matching, MatchRepository, NeedFinder } from '../../services/matching';
import { createModeration } from '../../services/moderation';
import { Nlu } from '../../services/nlu';
import { Geocoder } from '../../services/places';
import { PersonalDataRights } from '../../services/privacy';
import { ResidentRepository } from '../../services/residents';
import { createTasks, PromiseTracker } from '../../services/tasks';
import { Testimonials } from '../../services/testimonials';
import { adminNotifier } from '../adminNotifier';
import { helperMail } from '../helperMail';
import type { NotifyAdmins } from '../../services/messaging/notifier';
import type { PartBuilder, PartFactories, Parts } from '../parts';

/** The platform floor a module is built on: the database, the clock and the logger. */
const floorOf = (c: PartBuilder): Pick<Parts, 'db'> & Pick<PartBuilder, 'clock' | 'logger'> => ({
  db: c.get('db'),
  clock: c.clock,
  logger: c.logger,
});

/**
 * Notices to the admins, their notifier resolved at each call rather than when the part is
 * built: it is built on the moderation, which builds on the tasks (a circle otherwise).
 */
const adminsAtTheCall =
  (c: PartBuilder): NotifyAdmins =>
  (notice) =>
    c.get('notifyAdmins')(notice);

/** The modules' parts, by name. */
export const moduleParts = {
  nlu: () => Nlu.load(),
  geocoder: (c) => new Geocoder({ baseUrl: c.config.geocoderUrl, logger: c.logger }),
  attention: (c) => new AttentionFlags(c.get('db'), c.clock),
  limits: (c) => new Limits({ db: c.get('db'), logger: c.logger }),
  residents: (c) => new ResidentRepository(c.get('db'), c.clock),
  entryRepository: (c) => new EntryRepository(c.get('db'), c.clock, { screening: screeningWords() }),
  matchRepository: (c) => new MatchRepository(c.get('db'), c.clock),
  moderation: (c) =>
    createModeration({
      ...floorOf(c),
      handover: c.get('threadControl'),
      notifier: c.get('notices'),
      noticeText,
      directory: c.get('directory'),
      attention: c.get('attention'),
      // A notice a referent cannot be sent (outside their window) is never dropped: it is a task.
      keepForModerator: async (psid, notice) => {
        await c.get('tasks').tasks.create({
          psid,
          reason: 'undelivered_notice',
          subject: notice.type,
          words: noticeText(notice),
        });
      },
      entries: c.get('entryRepository'),
      screening: screeningWords(),
      // Thread control is retried by the outbox, the one retry layer of Graph calls: a single attempt here.
      settings: {
        pageInboxAppId: c.config.pageInboxAppId,
        ourAppId: c.config.messengerAppId,
        retry: SINGLE_ATTEMPT,
      },
      // Urgent tasks, digests and reports are e-mailed to the staff (off without SMTP_URL).
      mail: (recipients, notice, key) => c.get('staffMailer').notify(recipients, notice, key),
    }),
  entries: (c) =>
    new Entries({
      repository: c.get('entryRepository'),
      residents: c.get('residents'),
      limits: c.get('limits'),
      audit: c.get('moderation').audit,
      notices: c.get('notices'),
      clock: c.clock,
      logger: c.logger,
    }),
  matching: (c) => {
    const moderation = c.get('moderation');
    return new Matching({
      matches: c.get('matchRepository'),
      offers: new Matcher(c.get('db'), c.clock),
      needs: new NeedFinder(c.get('db'), c.clock),
      entries: c.get('entries'),
      residents: c.get('residents'),
      limits: c.get('limits'),
      // Every promise of a referent the matching makes is flagged and becomes a task.
      attention: c.get('promises'),
      notices: c.get('notices'),
      // A helper outside their window who chose e-mail is e-mailed the request and its link.
      reachHelper: helperMail({
        residents: c.get('residents'),
        outbox: c.get('mailOutbox'),
        pageName: c.config.messengerPageName,
        linkSecret: c.config.linkSecret,
        answerHours: c.config.matchTimeoutHours,
        clock: c.clock,
        logger: c.logger,
      }),
      undelivered: new UndeliveredNotices(moderation.undelivered),
      handover: new UrgentNeedHandover({
        moderation,
        notifier: c.get('transport'),
        attention: c.get('promises'),
        undelivered: moderation.undelivered,
      }),
      clock: c.clock,
      logger: c.logger,
      settings: { helperAsksPerDay: c.config.helperAsksPerDay },
    });
  },
  testimonials: (c) =>
    new Testimonials({
      ...floorOf(c),
      moderators: c.get('moderation').moderators,
      feed: c.get('feed'),
      notifyAdmins: adminsAtTheCall(c),
      composer: frenchPosts,
    }),
  tasks: (c) =>
    createTasks({
      ...floorOf(c),
      referents: c.get('moderation').moderators,
      notices: c.get('notices'),
      notifyAdmins: adminsAtTheCall(c),
      screening: screeningWords(),
      staffMail: c.get('moderation').staffMail,
      settings: { dueMinutes: c.config.taskDueMinutes, urgentDueMinutes: c.config.urgentTaskDueMinutes },
    }),
  promises: (c) =>
    new PromiseTracker({
      tasks: c.get('tasks').tasks,
      attention: c.get('attention'),
      entries: c.get('entryRepository'),
      matches: c.get('matchRepository'),
      residents: c.get('residents'),
      logger: c.logger,
    }),
  privacy: (c) => new PersonalDataRights(c.get('db'), c.clock, frenchPosts),
  notifyAdmins: (c) =>
    adminNotifier({
      moderation: c.get('moderation'),
      notices: c.get('notices'),
      directory: c.get('directory'),
      clock: c.clock,
      logger: c.logger,
    }),
} satisfies Partial<PartFactories>;
