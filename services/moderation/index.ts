/**
 * The moderators' services, assembled over one database.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../clock';
import type { AttentionFlags } from '../conversations/attention';
import type { ThreadControl } from '../graph';
import type { Logger } from '../logger';
import type { ConversationDirectory } from '../messaging/conversationDirectory';
import type { ResidentNotifier } from '../messaging/notifier';
import { AuditLog } from './audit';
import { HandoffRepository } from './handoffRepository';
import { HandoverService, type HandoverOptions } from './handoverService';
import { ModeratorRepository } from './moderatorRepository';
import { QualificationService } from './qualificationService';
import { UndeliveredQueue } from './undeliveredQueue';

export * from './activeHours';
export * from './adminCli';
export * from './audit';
export * from './channelEvents';
export * from './errors';
export * from './handoffRepository';
export * from './handoffReminders';
export * from './handoverService';
export * from './messages';
export * from './moderatorRepository';
export * from './qualificationService';
export * from './undeliveredQueue';
export * from './handoffThreads';

/** What {@link createModeration} needs. */
export interface ModerationOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handover: ThreadControl;
  notifier: ResidentNotifier;
  directory: Pick<ConversationDirectory, 'canMessage'>;
  attention?: Pick<AttentionFlags, 'clear'>;
  settings: HandoverOptions;
}

/** The moderators' services. */
export interface Moderation {
  moderators: ModeratorRepository;
  audit: AuditLog;
  handoffs: HandoffRepository;
  undelivered: UndeliveredQueue;
  handover: HandoverService;
  qualification: QualificationService;
  /** Creates the indexes of `moderators`, `audit`, `handoffs` and `undelivered` (idempotent). */
  ensureIndexes(): Promise<void>;
}

/** Builds every moderation service over `db`. */
export function createModeration(options: ModerationOptions): Moderation {
  const { db, clock, logger } = options;
  const moderators = new ModeratorRepository(db, clock);
  const audit = new AuditLog(db, clock);
  const handoffs = new HandoffRepository(db);
  const undelivered = new UndeliveredQueue(db, clock);
  const handover = new HandoverService(
    {
      handoffs,
      moderators,
      audit,
      handover: options.handover,
      notifier: options.notifier,
      directory: options.directory,
      clock,
      logger,
      attention: options.attention,
    },
    options.settings,
  );
  const qualification = new QualificationService({
    db,
    moderators,
    audit,
    notifier: options.notifier,
    undelivered,
    clock,
    logger,
  });
  return {
    moderators,
    audit,
    handoffs,
    undelivered,
    handover,
    qualification,
    async ensureIndexes() {
      await moderators.ensureIndexes();
      await audit.ensureIndexes();
      await handoffs.ensureIndexes();
      await undelivered.ensureIndexes();
    },
  };
}
