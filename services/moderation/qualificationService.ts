/**
 * What moderators do with new offers and needs: see those waiting in their neighbourhoods,
 * publish them, or refuse them with a reason the resident is told.
 */
import type { EntryRepository, ReviewedEntry as StoredReview, StoredEntry } from '../entries';
import { redactId, type Logger } from '../logger';
import { reached, type Notifier } from '../messaging/notifier';
import type { AuditLog } from './audit';
import { ErrorCode } from '../errors';
import { ModerationError } from './errors';
import { REJECTION_REASONS, type ModerationNotice, type NoticeText, type RejectionReason } from './notices';
import { neighbourhoodKey, type ModeratorRepository } from './moderatorRepository';
import type { UndeliveredKind, UndeliveredQueue } from './undeliveredQueue';

/**
 * The entries module's door for the review: the queue, one entry with its review fields, and
 * the decision (the entries module stays the only reader and writer of `entries`).
 */
export type ReviewedEntries = Pick<
  EntryRepository,
  'listPendingReview' | 'getForReview' | 'recordReview' | 'clearReviewNotice' | 'lastRefusedOf'
>;

/** Days during which a resident's words after a refusal are taken as a reply to it. */
export const REFUSAL_REPLY_DAYS = 3;

/** A recent refusal of one of the resident's entries: who refused it, when and why. */
export interface RecentRefusal {
  entry: StoredEntry;
  reason: RejectionReason;
  /** The referent who refused it. */
  referent: string;
  at: Date;
}

/** Collaborators of {@link QualificationService}. */
export interface QualificationDeps {
  entries: ReviewedEntries;
  moderators: ModeratorRepository;
  audit: AuditLog;
  notifier: Notifier<ModerationNotice>;
  /** What the referents read of a notice that could not be delivered. */
  noticeText: NoticeText;
  undelivered: UndeliveredQueue;
  logger: Logger;
}

/** What an approval or a rejection did. */
export interface QualificationResult {
  entry: StoredEntry;
  /** False when the resident could not be told now: the message waits in `undelivered`. */
  residentNotified: boolean;
}

/**
 * That the resident must be told of a decision, kept until it is sent or queued (the notice
 * itself is rebuilt from the entry; documents written before kept a `text` too, unused now).
 */
interface ResidentNotice {
  kind: UndeliveredKind;
}

/**
 * An entry with the reason it was refused, and the notice of a decision while it is not yet
 * delivered (written by the same update as the decision, so that it cannot be lost).
 */
type ReviewedEntry = StoredEntry & {
  rejectedReason?: RejectionReason;
  rejectedBy?: string;
  rejectedAt?: Date;
  residentNotice?: ResidentNotice;
};

/** What this module wrote in the review fields of `entry`, read back with this module's types. */
function asReviewed(entry: StoredReview): ReviewedEntry {
  // The entries module stores the review fields as given: only recordReview (below) writes them.
  return entry as ReviewedEntry;
}

/** This module's decision, in the entries module's terms. */
interface Decision {
  status: 'published' | 'closed';
  rejectedReason?: RejectionReason;
  rejectedBy?: string;
  residentNotice?: ResidentNotice;
}

/** Most entries listed at once. */
const LIST_LIMIT = 200;

/**
 * Moderators' review of entries.
 *
 * @remarks
 * Every method first checks that the caller is an active moderator and throws
 * {@link ModerationError} `not_moderator` otherwise: nobody else can publish anything.
 */
export class QualificationService {
  /** The entries module's review door: it reads and writes the entries. */
  private readonly entries: ReviewedEntries;

  constructor(private readonly deps: QualificationDeps) {
    this.entries = deps.entries;
  }

  /**
   * Entries waiting for review in the caller's neighbourhoods, oldest first; also those of
   * no neighbourhood or of a neighbourhood nobody follows, so that none is forgotten.
   */
  async listPendingEntries(moderatorPsid: string): Promise<StoredEntry[]> {
    const moderator = await this.requireModerator(moderatorPsid);
    const pending = await this.entries.listPendingReview(LIST_LIMIT);
    if (moderator.quartierKeys.length === 0) return pending;
    const followed = new Set(
      (await this.deps.moderators.list()).filter((m) => m.active).flatMap((m) => m.quartierKeys),
    );
    return pending.filter((entry) => {
      const key = entry.neighbourhood ? neighbourhoodKey(entry.neighbourhood) : '';
      return key === '' || moderator.quartierKeys.includes(key) || !followed.has(key);
    });
  }

  /** Publishes a pending entry, audits it and tells the resident. @throws ModerationError */
  async approveEntry(moderatorPsid: string, entryId: string): Promise<QualificationResult> {
    await this.requireModerator(moderatorPsid);
    const entry = await this.reviewable(entryId, 'published');
    if (entry.status === 'pending_review') {
      const notice: ResidentNotice = { kind: 'entry_approved' };
      await this.decide(entry, { status: 'published', residentNotice: notice });
      await this.deps.audit.record(moderatorPsid, 'entry.approve', {
        type: 'entry',
        id: entry._id.toHexString(),
      });
      entry.residentNotice = notice;
    }
    const residentNotified = await this.deliverNotice(entry);
    return { entry: { ...entry, status: 'published' }, residentNotified };
  }

  /** Closes a pending entry with `reason`, audits it and tells the resident why. @throws ModerationError */
  async rejectEntry(
    moderatorPsid: string,
    entryId: string,
    reason: RejectionReason,
  ): Promise<QualificationResult> {
    await this.requireModerator(moderatorPsid);
    if (!REJECTION_REASONS.includes(reason))
      throw new ModerationError(ErrorCode.InvalidInput, 'unknown rejection reason');
    const entry = await this.reviewable(entryId, 'closed');
    if (entry.status === 'pending_review') {
      const notice: ResidentNotice = { kind: 'entry_rejected' };
      await this.decide(entry, {
        status: 'closed',
        rejectedReason: reason,
        rejectedBy: moderatorPsid,
        residentNotice: notice,
      });
      const target = { type: 'entry' as const, id: entry._id.toHexString() };
      await this.deps.audit.record(moderatorPsid, 'entry.reject', target, reason);
      entry.residentNotice = notice;
      entry.rejectedReason = reason;
    }
    const residentNotified = await this.deliverNotice(entry);
    return { entry: { ...entry, status: 'closed' }, residentNotified };
  }

  /**
   * The resident's entry refused within {@link REFUSAL_REPLY_DAYS} before `now` (the latest),
   * with the referent who refused it; null when there is none (or it was refused before who
   * refused was kept).
   */
  async recentRefusal(psid: string, now: Date): Promise<RecentRefusal | null> {
    const since = new Date(now.getTime() - REFUSAL_REPLY_DAYS * 24 * 60 * 60 * 1000);
    const stored = await this.entries.lastRefusedOf(psid, since);
    const entry = stored ? asReviewed(stored) : null;
    if (!entry?.rejectedBy || !entry.rejectedAt) return null;
    return {
      entry,
      reason: entry.rejectedReason ?? 'autre',
      referent: entry.rejectedBy,
      at: entry.rejectedAt,
    };
  }

  /** Applies a decision to an entry still pending review. @throws ModerationError */
  private async decide(entry: StoredEntry, decision: Decision): Promise<void> {
    if (!(await this.entries.recordReview(entry._id, decision)))
      throw new ModerationError(ErrorCode.InvalidState, 'entry is no longer pending review');
  }

  private async requireModerator(psid: string) {
    const moderator = await this.deps.moderators.get(psid);
    if (!moderator?.active)
      throw new ModerationError(ErrorCode.NotModerator, 'caller is not an active moderator');
    return moderator;
  }

  /**
   * The entry to decide on: pending review, or already given the decision `replayed` whose
   * notice was not delivered yet (the moderator's turn failed after deciding and runs again).
   */
  private async reviewable(entryId: string, replayed: 'published' | 'closed'): Promise<ReviewedEntry> {
    const stored = await this.entries.getForReview(entryId);
    const entry = stored ? asReviewed(stored) : null;
    if (!entry) throw new ModerationError(ErrorCode.NotFound, 'no such entry');
    if (entry.status === 'pending_review' || (entry.status === replayed && entry.residentNotice))
      return entry;
    throw new ModerationError(ErrorCode.InvalidState, 'entry is not pending review');
  }

  /** Tells the resident of the decision (or queues it for the moderators), then forgets the notice. */
  private async deliverNotice(entry: ReviewedEntry): Promise<boolean> {
    const notice = entry.residentNotice;
    if (!notice) return false;
    const notified = await this.tell(entry, notice.kind, decisionNotice(entry, notice.kind));
    await this.entries.clearReviewNotice(entry._id);
    return notified;
  }

  /** Tells the resident inside their window; otherwise keeps the text for the moderators. */
  private async tell(entry: StoredEntry, kind: UndeliveredKind, notice: ModerationNotice): Promise<boolean> {
    const ref = entry._id.toHexString();
    const text = this.deps.noticeText(notice);
    try {
      const outcome = await this.deps.notifier.notify(entry.psid, notice);
      if (reached(outcome)) return true;
      await this.deps.undelivered.queueForModerators(entry.psid, kind, outcome, { ref, text });
    } catch (error) {
      this.deps.logger.warn('resident notice refused', {
        psid: redactId(entry.psid),
        error: error instanceof Error ? error.name : 'unknown',
      });
      await this.deps.undelivered.queueForModerators(entry.psid, kind, 'refused', { ref, text });
    }
    return false;
  }
}

/** The notice of the decision recorded on `entry` (`kind` says which). */
function decisionNotice(entry: ReviewedEntry, kind: UndeliveredKind): ModerationNotice {
  const { kind: entryKind, category } = entry;
  if (kind === 'entry_rejected') {
    return {
      type: 'moderation.entryRejected',
      kind: entryKind,
      category,
      reason: entry.rejectedReason ?? 'autre',
    };
  }
  return { type: 'moderation.entryApproved', kind: entryKind, category };
}
