/**
 * The moderators' services, assembled over one database.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../clock';
import type { AttentionFlags } from '../conversations';
import type { ThreadControl } from '../graph';
import type { Logger } from '../logger';
import type { ConversationDirectory } from '../messaging/conversationDirectory';
import type { Notifier } from '../messaging/notifier';
import { AuditLog } from './audit';
import type { KeepForModerator } from './broadcast';
import { HandoverRepository } from './handoverRepository';
import { HandoverService, type HandoverOptions } from './handoverService';
import { ModeratorRepository } from './moderatorRepository';
import type { ModerationNotice, NoticeText } from './notices';
import { QualificationService, type ReviewedEntries } from './qualificationService';
import type { ScreeningWords } from '../screening/screenText';
import type { MailNotifier } from '../mail';
import { StaffMail } from './staffMail';
import { UndeliveredQueue } from './undeliveredQueue';

export * from './activeHours';
export * from './adminCli';
export * from './adminCommand';
export { parseClock, parseDays } from './adminHours';
export * from './audit';
export * from './broadcast';
export * from './threadEvents';
export * from './errors';
export * from './handoverRepository';
export * from './handoverFigures';
export * from './handoverReminders';
export * from './handoverService';
export * from './notices';
export * from './moderatorRepository';
export * from './qualificationService';
export * from './undeliveredQueue';
export * from './staffMail';
export * from './handoverThreads';
export * from './personalData';
export * from './staffAccess';

/** What {@link createModeration} needs. */
export interface ModerationOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handover: ThreadControl;
  /** The module's notices to moderators and residents, inside their 24-hour window. */
  notifier: Notifier<ModerationNotice>;
  /** What a referent reads of a notice that could not be delivered. */
  noticeText: NoticeText;
  directory: Pick<ConversationDirectory, 'canMessage'>;
  attention?: Pick<AttentionFlags, 'clear'>;
  /** Where a notice a moderator could not be sent is kept (the tasks module's task). */
  keepForModerator?: KeepForModerator;
  /** The entries module's door for the review of new entries. */
  entries: ReviewedEntries;
  /** The placeholders written where a handover summary held contact details (the locale's); neutral by default. */
  screening?: ScreeningWords;
  settings: HandoverOptions;
  /** E-mails the staff (rendered and stored in the mail outbox by bot/); nothing is e-mailed without it. */
  mail?: MailNotifier;
}

/** The moderators' services. */
export interface Moderation {
  moderators: ModeratorRepository;
  audit: AuditLog;
  handovers: HandoverRepository;
  undelivered: UndeliveredQueue;
  handover: HandoverService;
  qualification: QualificationService;
  /** Who among the staff is e-mailed what (referents on duty, admins, each one's digest). */
  staffMail: StaffMail;
  /** Creates the indexes of `moderators`, `audit`, `handoffs` and `undelivered` (idempotent). */
  ensureIndexes(): Promise<void>;
}

/** Builds every moderation service over `db`. */
export function createModeration(options: ModerationOptions): Moderation {
  const { db, clock, logger } = options;
  const moderators = new ModeratorRepository(db, clock);
  const audit = new AuditLog(db, clock);
  const handovers = new HandoverRepository(db, options.screening);
  const undelivered = new UndeliveredQueue(db, clock);
  const handover = new HandoverService(
    {
      handovers,
      moderators,
      audit,
      handover: options.handover,
      notifier: options.notifier,
      directory: options.directory,
      clock,
      logger,
      attention: options.attention,
      ...(options.keepForModerator ? { keepForModerator: options.keepForModerator } : {}),
    },
    options.settings,
  );
  const qualification = new QualificationService({
    entries: options.entries,
    moderators,
    audit,
    notifier: options.notifier,
    noticeText: options.noticeText,
    undelivered,
    logger,
  });
  const staffMail = new StaffMail({
    moderators,
    mail: options.mail ?? (() => Promise.resolve('off')),
    clock,
  });
  return {
    moderators,
    audit,
    handovers,
    undelivered,
    handover,
    qualification,
    staffMail,
    async ensureIndexes() {
      await moderators.ensureIndexes();
      await audit.ensureIndexes();
      await handovers.ensureIndexes();
      await undelivered.ensureIndexes();
    },
  };
}
