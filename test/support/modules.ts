/**
 * The entries and matching modules' use cases over a test database, wired as bot/core.ts
 * wires them (notices rendered to French and sent through the given transport).
 */
import type { Db } from 'mongodb';
import { NoticeNotifier } from '../../bot/noticeNotifier';
import { UrgentNeedHandover } from '../../dialogs/moderation/handOver';
import { renderNotice } from '../../dialogs/notices';
import { UndeliveredNotices } from '../../dialogs/notices/undelivered';
import type { Clock } from '../../services/clock';
import { AttentionFlags } from '../../services/conversations/attention';
import { Entries } from '../../services/entries/entries';
import { EntryRepository } from '../../services/entries/entryRepository';
import { screeningWords } from '../../dialogs/screening';
import { CodedError, ErrorCode } from '../../services/errors';
import { Limits } from '../../services/limits';
import type { Logger } from '../../services/logger';
import { MatchRepository } from '../../services/matching/matchRepository';
import { Matcher } from '../../services/matching/matcher';
import { Matching } from '../../services/matching/matching';
import type { ResidentNotifier } from '../../services/messaging/notifier';
import type { Moderation } from '../../services/moderation';
import { ResidentRepository } from '../../services/residents/residentRepository';

/** What {@link buildModules} needs. */
export interface ModulesOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where rendered notices go. */
  transport: ResidentNotifier;
  /** The moderation services; without them, handovers, undelivered notices and audits throw. */
  moderation?: Moderation;
  attention?: AttentionFlags;
  limits?: Limits;
}

/** The modules' use cases and the repositories behind them. */
export interface Modules {
  entries: Entries;
  matching: Matching;
  repositories: { residents: ResidentRepository; entries: EntryRepository; matches: MatchRepository };
}

const missing = (what: string) => () =>
  Promise.reject(new CodedError(ErrorCode.NotSupported, `${what} is not wired in this test`));

/** Builds the entries and matching use cases. */
export function buildModules(options: ModulesOptions): Modules {
  const { db, clock, logger, moderation } = options;
  const repositories = {
    residents: new ResidentRepository(db, clock),
    entries: new EntryRepository(db, clock, { screening: screeningWords() }),
    matches: new MatchRepository(db, clock),
  };
  const notices = new NoticeNotifier(options.transport, renderNotice);
  const attention = options.attention ?? new AttentionFlags(db, clock);
  const limits = options.limits ?? new Limits({ db, logger });
  const entries = new Entries({
    repository: repositories.entries,
    residents: repositories.residents,
    limits,
    audit: moderation?.audit ?? { record: missing('the audit log') },
    notices,
    clock,
    logger,
  });
  const matching = new Matching({
    matches: repositories.matches,
    offers: new Matcher(db, clock),
    entries,
    residents: repositories.residents,
    limits,
    attention,
    notices,
    undelivered: moderation
      ? new UndeliveredNotices(moderation.undelivered)
      : { keepForModerators: missing('the undelivered queue') },
    handover: moderation
      ? new UrgentNeedHandover({
          moderation,
          notifier: options.transport,
          attention,
          undelivered: moderation.undelivered,
        })
      : { handOverUrgentNeed: missing('the handover') },
    clock,
    logger,
  });
  return { entries, matching, repositories };
}
