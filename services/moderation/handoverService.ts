/**
 * Handing a conversation to the referents and taking it back: thread control, the record
 * of what was said meanwhile, notices, reminders and the moderators' actions (who hears of
 * a new handover is handoverAnnouncement.ts; the reminders, handoverReminders.ts).
 */
import type { ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { AttentionFlags } from '../conversations';
import type { AttentionReason } from '../domain/types';
import type { RetryOptions, ThreadControl } from '../graph';
import { redactId, type Logger } from '../logger';
import type { ConversationDirectory } from '../messaging/conversationDirectory';
import type { Notifier } from '../messaging/notifier';
import type { AuditLog } from './audit';
import { ModeratorBroadcast, requireModerator, type KeepForModerator } from './broadcast';
import { ErrorCode } from '../errors';
import { ModerationError } from './errors';
import { announceHandover } from './handoverAnnouncement';
import type { HandoverRepository, StoredHandover } from './handoverRepository';
import { remindHandovers, type ReminderSummary } from './handoverReminders';
import type { ModerationNotice, ResidentHandoverNotice } from './notices';
import type { ModeratorRepository } from './moderatorRepository';
import { HandoverThreads } from './handoverThreads';
import type { ThreadEvent } from './threadEvents';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Collaborators of {@link HandoverService}. */
export interface HandoverDeps {
  handovers: HandoverRepository;
  moderators: ModeratorRepository;
  audit: AuditLog;
  handover: ThreadControl;
  /** Sends automated messages (to moderators and residents) inside their 24-hour window. */
  notifier: Notifier<ModerationNotice>;
  directory: Pick<ConversationDirectory, 'canMessage'>;
  clock: Clock;
  logger: Logger;
  /** Cleared when a moderator takes or closes a handover. */
  attention?: Pick<AttentionFlags, 'clear'>;
  /** Where a notice a moderator could not be sent is kept (a task); dropped when absent. */
  keepForModerator?: KeepForModerator;
}

/** Settings of {@link HandoverService}. */
export interface HandoverOptions {
  /** The Page Inbox's app id (263902037430900). */
  pageInboxAppId: string;
  /** This bot's Meta app id: its echoes are ignored and control passed to it means "back". */
  ourAppId?: string;
  /** Idle time after which the bot takes the conversation back; 24 h by default. */
  takeBackAfterMs?: number;
  /** Reminder to the moderators without a reply; 30 min by default. */
  reminderAfterMs?: number;
  /** Escalation to the admins without a reply; 4 h by default. */
  escalateAfterMs?: number;
  /** Retries of a transient Graph failure; 2 attempts by default. */
  retry?: RetryOptions;
}

/** What {@link HandoverService.handOver} needs; `summary` is built by the caller (≤ 500 chars). */
export interface HandOverRequest {
  psid: string;
  reason: AttentionReason;
  summary: string;
  scores?: Record<string, number>;
  neighbourhood?: string;
  /**
   * Violence, an address, a health detail: the summary goes only to the referents of the
   * neighbourhood and the admins; the others read that a sensitive conversation waits.
   */
  sensitive?: boolean;
}

/** What to tell the resident after a handover (rendered by the conversation layer). */
export interface HandOverResult {
  handoverId: ObjectId;
  /** False when an open handover was reused. */
  created: boolean;
  /** Whether thread control is with the page inbox. */
  passed: boolean;
  withinHours: boolean;
  nextOpening?: Date;
}

/** What a thread event led to; `resumed` means: say you are back and show the menu. */
export interface ChannelEventOutcome {
  recorded: boolean;
  resumed: boolean;
}

/** Hands conversations over to the page inbox and takes them back. */
export class HandoverService {
  private readonly broadcast: ModeratorBroadcast;
  private readonly control: HandoverThreads;
  private readonly settings: Required<Omit<HandoverOptions, 'ourAppId'>> & { ourAppId?: string };

  constructor(
    private readonly deps: HandoverDeps,
    options: HandoverOptions,
  ) {
    this.broadcast = new ModeratorBroadcast(
      deps.notifier,
      deps.directory,
      deps.logger,
      deps.keepForModerator,
    );
    this.settings = {
      takeBackAfterMs: 24 * HOUR_MS,
      reminderAfterMs: 30 * MINUTE_MS,
      escalateAfterMs: 4 * HOUR_MS,
      retry: { attempts: 2, baseDelayMs: 300, maxDelayMs: 1000 },
      ...options,
    };
    this.control = new HandoverThreads(
      deps.handover,
      options.pageInboxAppId,
      this.settings.retry,
      deps.logger,
    );
  }

  /**
   * Records a handover (reusing the open one of `psid`), passes thread control to the page
   * inbox and tells the moderators of the neighbourhood; a failed pass is logged and the
   * rest still happens.
   */
  async handOver(request: HandOverRequest): Promise<HandOverResult> {
    const { handovers, moderators, clock, logger } = this.deps;
    const now = clock();
    const { handover, created } = await handovers.openOrReuse(request, now);
    let passed = handover.passedAt !== undefined;
    if (!passed && (await this.control.pass(handover))) {
      await handovers.markPassed(handover._id, now);
      passed = true;
    }
    if (created) {
      const sent = await announceHandover(moderators, this.broadcast, handover, now);
      logger.info('handed over', { psid: redactId(handover.psid), reason: handover.reason, passed, ...sent });
    }
    return { handoverId: handover._id, created, passed, ...(await this.availability(now)) };
  }

  /**
   * Whether a referent is at work now, else when the next one starts: what the resident is
   * told. Send that text BEFORE {@link HandoverService.handOver}: once the page inbox owns
   * the thread, Meta may refuse the bot's messages.
   */
  async availability(now = this.deps.clock()): Promise<ResidentHandoverNotice> {
    const withinHours = await this.deps.moderators.isWithinActiveHours(now);
    const nextOpening = withinHours ? undefined : await this.deps.moderators.nextOpening(now);
    return { withinHours, ...(nextOpening ? { nextOpening } : {}) };
  }

  /**
   * Handles a resident's message on standby (→ transcript), the Page's echo of a
   * moderator's reply from the inbox (→ transcript, first reply time; this bot's own echoes
   * are ignored) and thread control back to this app (→ handover closed, `resumed`).
   * Never sends anything.
   */
  async onThreadEvent(event: ThreadEvent): Promise<ChannelEventOutcome> {
    const { handovers } = this.deps;
    const none: ChannelEventOutcome = { recorded: false, resumed: false };
    const line = {
      at: event.at,
      ...(event.kind !== 'thread_control' && event.mid ? { mid: event.mid } : {}),
    };
    switch (event.kind) {
      case 'standby_message': {
        const recorded = await handovers.append(event.psid, { from: 'resident', text: event.text, ...line });
        return { recorded, resumed: false };
      }
      case 'page_echo': {
        if (event.appId !== undefined && event.appId !== this.settings.pageInboxAppId) return none;
        return {
          recorded: await handovers.append(event.psid, { from: 'moderator', text: event.text, ...line }),
          resumed: false,
        };
      }
      case 'thread_control': {
        if (!this.isOurs(event.newOwnerAppId)) return none;
        const active = await handovers.active(event.psid);
        const closed = active ? await this.closeAndLog(active._id, event.at, 'inbox') : null;
        return { recorded: closed !== null, resumed: closed !== null };
      }
      default:
        return none;
    }
  }

  /**
   * Takes back the conversations idle for `takeBackAfterMs` (a transient failure waits for
   * the next run; a permanent refusal closes it anyway); returns the psids back with the bot.
   */
  async takeBackExpired(now: Date): Promise<string[]> {
    return (await this.takeBackExpiredHandovers(now)).map((handover) => handover.psid);
  }

  /** {@link HandoverService.takeBackExpired}, with the handovers themselves (was anyone answering?). */
  async takeBackExpiredHandovers(now: Date): Promise<StoredHandover[]> {
    const back: StoredHandover[] = [];
    const idle = await this.deps.handovers.idleSince(new Date(now.getTime() - this.settings.takeBackAfterMs));
    for (const handover of idle) {
      if ((await this.control.takeBack(handover, 'timeout')) === 'retry_later') continue;
      if (await this.closeAndLog(handover._id, now, 'timeout')) back.push(handover);
    }
    return back;
  }

  /** Reminders, escalations and the resident's "still with the referents" notice; see {@link remindHandovers}. */
  async remind(now: Date): Promise<ReminderSummary> {
    const { reminderAfterMs, escalateAfterMs } = this.settings;
    return remindHandovers(
      { ...this.deps, broadcast: this.broadcast, reminderAfterMs, escalateAfterMs },
      now,
    );
  }

  /** Open and taken handovers with their transcripts, for a moderator. */
  async openHandovers(moderatorPsid: string): Promise<StoredHandover[]> {
    await requireModerator(this.deps.moderators, moderatorPsid);
    return this.deps.handovers.listActive();
  }

  /** A moderator takes an open handover. @throws ModerationError */
  async takeHandover(moderatorPsid: string, id: string): Promise<StoredHandover> {
    const { handovers, audit, attention } = this.deps;
    await requireModerator(this.deps.moderators, moderatorPsid);
    const handover = await this.found(id);
    if (!(await handovers.take(handover._id, moderatorPsid))) {
      throw new ModerationError(ErrorCode.InvalidState, 'handover is not open');
    }
    await audit.record(moderatorPsid, 'handoff.take', { type: 'handoff', id: handover._id.toHexString() });
    await attention?.clear(handover.psid);
    return { ...handover, status: 'taken', takenBy: moderatorPsid };
  }

  /**
   * A moderator closes a handover: the bot takes the thread back (a failure is logged).
   * Tell the resident the bot is back (and show the menu) when this resolves.
   *
   * @throws ModerationError
   */
  async closeHandover(moderatorPsid: string, id: string): Promise<StoredHandover> {
    const { audit, attention, clock } = this.deps;
    await requireModerator(this.deps.moderators, moderatorPsid);
    const handover = await this.found(id);
    if (handover.status === 'closed')
      throw new ModerationError(ErrorCode.InvalidState, 'handover is already closed');
    await this.control.takeBack(handover, 'moderator_closed');
    const closed = await this.closeAndLog(handover._id, clock(), 'moderator');
    if (!closed) throw new ModerationError(ErrorCode.InvalidState, 'handover is already closed');
    await audit.record(moderatorPsid, 'handoff.close', { type: 'handoff', id: handover._id.toHexString() });
    await attention?.clear(handover.psid);
    return closed;
  }

  private isOurs(appId: string | undefined): boolean {
    if (appId === undefined) return false;
    return this.settings.ourAppId !== undefined
      ? appId === this.settings.ourAppId
      : appId !== this.settings.pageInboxAppId;
  }

  private async found(id: string): Promise<StoredHandover> {
    const handover = await this.deps.handovers.get(id);
    if (!handover) throw new ModerationError(ErrorCode.NotFound, 'no such handover');
    return handover;
  }

  private async closeAndLog(
    id: ObjectId,
    at: Date,
    by: 'inbox' | 'timeout' | 'moderator',
  ): Promise<StoredHandover | null> {
    const closed = await this.deps.handovers.close(id, at, by);
    if (closed) {
      this.deps.logger.info('handover closed', {
        psid: redactId(closed.psid),
        by,
        durationMs: closed.durationMs,
      });
    }
    return closed;
  }
}
