/**
 * The entries module's use cases: registering an offer or a need (by the resident or by a
 * referent for someone who is not online), the owner's actions, and the expiry of entries.
 *
 * @remarks
 * The only writer of the collection `entries` with {@link EntryRepository} (which the
 * moderators' review also calls). No French here: the resident is told through
 * {@link EntryNotice}s and the dialogs render the outcomes.
 */
import { randomBytes } from 'node:crypto';
import type { ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Consent, EntryKind, OfflineProfile, Resident } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { redactId, type Logger } from '../logger';
import { reached, type Notifier, type NotifyResult } from '../messaging/notifier';
import type { EntryRepository } from './entryRepository';
import type { NewEntry } from './newEntry';
import type { EntryNotice } from './notices';
import type { ExpiringEntry, StoredEntry } from './types';

/** The wording version of the storage consent shown in `form.consent`. */
export const STORAGE_CONSENT_VERSION = 'storage-v1';
/** Days an owner has to answer the renewal question before the entry is closed. */
export const DEFAULT_RENEWAL_GRACE_DAYS = 3;

const DAY_MS = 86_400_000;

/** The residents' consents and contact preferences (`ResidentRepository`). */
export interface EntryResidentsPort {
  recordStorageConsent(psid: string, consent: Consent): Promise<unknown>;
  setContact(psid: string, contact: Resident['contact']): Promise<void>;
  /** Who a resident without Messenger is (their name, how to address them, their referent). */
  setOfflineProfile(psid: string, profile: OfflineProfile): Promise<void>;
}

/** The per-person daily limits on entries stored (`Limits` in services/limits). */
export interface EntryLimitsPort {
  readonly settings: { readonly needsPerDay: number; readonly offersPerDay: number };
  mayCreateEntry(psid: string, kind: EntryKind): Promise<boolean>;
  takeEntry(psid: string, kind: EntryKind): Promise<boolean>;
}

/** The moderators' audit trail (`AuditLog`): who registered an entry for someone offline. */
export interface EntryAuditPort {
  record(
    actor: string,
    action: 'entry.register',
    target: { type: 'entry'; id: string },
    detail?: string,
  ): Promise<void>;
}

/** What {@link Entries} is built from. */
export interface EntriesPorts {
  repository: EntryRepository;
  residents: EntryResidentsPort;
  limits: EntryLimitsPort;
  audit: EntryAuditPort;
  /** The owner's notices (the renewal question), inside their 24-hour window only. */
  notices: Notifier<EntryNotice>;
  clock: Clock;
  logger: Logger;
}

/** An entry as the resident describes it; the module sets the owner. */
export type EntryInput = Omit<NewEntry, 'psid' | 'registeredBy'>;

/** What a resident confirmed at the end of the form. */
export interface Registration {
  entry: EntryInput;
  /** True when the storage consent was given in this form (it is then recorded). */
  consentGiven: boolean;
  contact: Resident['contact'];
}

/** How the person gave their consent to a referent registering for them. */
export type OfflineConsentVia = Extract<Consent['via'], 'phone' | 'in_person'>;

/** What a referent collected for someone who is not online. */
export interface OnBehalfRegistration {
  moderatorPsid: string;
  entry: EntryInput;
  via: OfflineConsentVia;
  /** The phone number the person gave: their only contact. */
  phone: string;
  /**
   * Their name and how to address them ("Mme Martin"), for the referents only: never in the
   * entry's description, which helpers read.
   */
  person: Pick<OfflineProfile, 'name' | 'addressAs'>;
}

/** Whether a resident may store one more entry of a kind today. */
export type DailyAllowance = { allowed: true } | { allowed: false; perDay: number };

/** What became of a registration. */
export type RegistrationOutcome =
  | { status: 'stored'; entry: StoredEntry }
  /** The resident already stored `perDay` entries of this kind today: nothing was stored. */
  | { status: 'limit_reached'; perDay: number };

/** What became of publishing a used-up one-off offer again. */
export type RepublishOutcome =
  | RegistrationOutcome
  /** Not the resident's used-up one-off offer (withdrawn, already published again, recurring…). */
  | { status: 'unavailable' };

/** Figures of an `expire-entries` run. */
export interface ExpirySummary {
  /** Owners asked whether to renew. */
  asked: number;
  /** Entries closed (owner unreachable, or no renewal within the grace period). */
  closed: number;
  /** Owners told their entry was closed (the others could not be written to). */
  closedTold: number;
  /** Entries whose owner was asked and still has time to answer. */
  waiting: number;
  [figure: string]: number;
}

/** The use cases of offers and needs. */
export class Entries {
  constructor(private readonly ports: EntriesPorts) {}

  /** Whether `psid` may still store an entry of `kind` today (looked at before the form starts). */
  async dailyAllowance(psid: string, kind: EntryKind): Promise<DailyAllowance> {
    if (await this.ports.limits.mayCreateEntry(psid, kind)) return { allowed: true };
    return { allowed: false, perDay: this.perDay(kind) };
  }

  /**
   * Stores what the resident confirmed: the consent (when given in this form), the contact
   * preferences and the entry, pending review; nothing past the day's limit of entries of
   * this kind.
   *
   * @throws CodedError `payload_invalid` when a field of the entry is invalid.
   */
  async register(psid: string, registration: Registration): Promise<RegistrationOutcome> {
    const { entry: input, consentGiven, contact } = registration;
    if (!(await this.ports.limits.takeEntry(psid, input.kind))) {
      return { status: 'limit_reached', perDay: this.perDay(input.kind) };
    }
    if (consentGiven) {
      await this.ports.residents.recordStorageConsent(psid, {
        given: true,
        at: this.ports.clock(),
        version: STORAGE_CONSENT_VERSION,
        via: 'messenger',
      });
    }
    await this.ports.residents.setContact(psid, contact);
    const entry = await this.ports.repository.create({ ...input, psid });
    this.ports.logger.info('entry saved', {
      entry: entry._id.toHexString(),
      kind: entry.kind,
      category: entry.category,
    });
    return { status: 'stored', entry };
  }

  /**
   * Stores an entry a referent registered for someone who is not online: a resident of
   * their own (`offline:<random>`), the consent as the referent recorded it, the phone number
   * as their contact, their name and their referent (`registeredBy`) on the resident, the
   * entry with `registeredBy`, and an audit record.
   *
   * @throws CodedError `payload_invalid` when a field of the entry is invalid.
   */
  async registerOnBehalf(registration: OnBehalfRegistration): Promise<StoredEntry> {
    const { moderatorPsid, via } = registration;
    const psid = offlinePsid();
    await this.ports.residents.recordStorageConsent(psid, {
      given: true,
      at: this.ports.clock(),
      version: STORAGE_CONSENT_VERSION,
      via,
    });
    await this.ports.residents.setContact(psid, { channels: ['phone'], phone: registration.phone });
    await this.ports.residents.setOfflineProfile(psid, {
      ...registration.person,
      registeredBy: moderatorPsid,
      ...(registration.entry.neighbourhood ? { neighbourhood: registration.entry.neighbourhood } : {}),
    });
    const entry = await this.ports.repository.create({
      ...registration.entry,
      psid,
      registeredBy: moderatorPsid,
    });
    const id = entry._id.toHexString();
    await this.ports.audit.record(moderatorPsid, 'entry.register', { type: 'entry', id }, via);
    this.ports.logger.info('entry registered on behalf', { entry: id, kind: entry.kind, via });
    return entry;
  }

  /** The entry with this id, or null (also for a malformed id). */
  get(id: string | ObjectId): Promise<StoredEntry | null> {
    return this.ports.repository.get(id);
  }

  /** The resident's entries: the ones not withdrawn first, most recent first within each group. */
  listByResident(psid: string): Promise<StoredEntry[]> {
    return this.ports.repository.listByResident(psid);
  }

  /**
   * The entries of `psid` whose renewal question ("still wanted?") was asked and is still
   * waiting for an answer (the entry active, its expiry not moved since), most recent first:
   * what a typed "oui toujours" or "non c'est bon" answers until the entry is closed.
   */
  async awaitingRenewal(psid: string): Promise<StoredEntry[]> {
    const entries: ExpiringEntry[] = await this.ports.repository.listByResident(psid);
    return entries.filter(
      (entry) =>
        (entry.status === 'pending_review' || entry.status === 'published') &&
        entry.renewalAskedAt !== undefined &&
        entry.renewalAskedAt >= entry.expiresAt,
    );
  }

  /** Pauses an active entry of `psid`; false if not theirs or not active. */
  pause(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ports.repository.pause(id, psid);
  }

  /** Resumes a paused entry of `psid`; false if not theirs or not paused. */
  resume(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ports.repository.resume(id, psid);
  }

  /** Pushes the expiry of an entry of `psid`; false if not theirs or closed. */
  renew(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ports.repository.renew(id, psid);
  }

  /** Closes an entry of `psid` (no longer needed); false if not theirs or not active. */
  close(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ports.repository.close(id, psid);
  }

  /** Withdraws an entry of `psid` for good; false if not theirs or already withdrawn. */
  withdraw(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ports.repository.withdraw(id, psid);
  }

  /**
   * Makes an offer of `psid` recurring (it stays available after each match, and counts the
   * neighbours it helped) or one-off (used up by its first match); false if not theirs,
   * not an offer, or no longer active.
   */
  setRecurring(id: string | ObjectId, psid: string, recurring: boolean): Promise<boolean> {
    return this.ports.repository.setRecurring(id, psid, recurring);
  }

  /**
   * Publishes again a one-off offer of `psid` used up by its match: a new entry with the same
   * content, reviewed like any new one and counted in the day's limit; once per used-up offer.
   */
  async republish(id: string | ObjectId, psid: string): Promise<RepublishOutcome> {
    const { repository, limits } = this.ports;
    const used = await repository.claimRepublish(id, psid);
    if (!used) return { status: 'unavailable' };
    if (!(await limits.takeEntry(psid, 'offer'))) {
      await repository.releaseRepublish(used._id);
      return { status: 'limit_reached', perDay: this.perDay('offer') };
    }
    const entry = await repository.create({
      psid,
      kind: 'offer',
      category: used.category,
      description: used.description,
      addressText: used.addressText,
      neighbourhood: used.neighbourhood,
      location: used.location,
      locationSource: used.locationSource,
      availability: used.availability,
      flags: used.flags,
    });
    this.ports.logger.info('offer published again', {
      entry: entry._id.toHexString(),
      from: used._id.toHexString(),
      category: entry.category,
    });
    return { status: 'stored', entry };
  }

  /**
   * Makes a one-off offer of `psid` recurring: an active one stays as it is, one used up by
   * its match is available again at once (it was reviewed when first published); false if
   * not a one-off offer of theirs, active or used up. The caller matches it again
   * (`Matching.entryPublished`).
   */
  async makeRegular(id: string | ObjectId, psid: string): Promise<boolean> {
    const { repository } = this.ports;
    return (await repository.setRecurring(id, psid, true)) || repository.reopenRecurring(id, psid);
  }

  /**
   * The author of the need `id` accepts the order of helpers: after a decline or a timeout the
   * next one is asked directly (the matching module calls it); false if not theirs.
   */
  acceptOrder(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ports.repository.acceptOrder(id, psid);
  }

  /**
   * Marks the need of an accepted match `matched`, and its offer unless recurring (a
   * recurring offer stays available); counts the neighbour helped on the offer (the
   * matching module calls it).
   */
  markMatched(needId: ObjectId, offerId: ObjectId): Promise<void> {
    return this.ports.repository.markMatched([needId, offerId]);
  }

  /**
   * Every active entry past its expiry at `now`: its owner is asked once (inside their
   * window) whether to renew it; it is closed when they cannot be asked, or did not renew
   * within `graceDays` of the question.
   */
  async expireOverdue(now: Date, graceDays = DEFAULT_RENEWAL_GRACE_DAYS): Promise<ExpirySummary> {
    const { repository } = this.ports;
    const graceMs = graceDays * DAY_MS;
    const summary: ExpirySummary = { asked: 0, closed: 0, closedTold: 0, waiting: 0 };
    const closed = async (entry: ExpiringEntry): Promise<void> => {
      summary.closed += 1;
      if (reached(await this.tellClosed(entry))) summary.closedTold += 1;
    };
    for (const entry of await repository.listExpired(now)) {
      const askedAt = entry.renewalAskedAt;
      if (askedAt !== undefined && askedAt >= entry.expiresAt) {
        if (now.getTime() - askedAt.getTime() >= graceMs) {
          if (await repository.closeExpired(entry, now)) await closed(entry);
        } else {
          summary.waiting += 1;
        }
        continue;
      }
      const result = await this.askRenewal(entry, graceMs);
      if (reached(result)) {
        await repository.markRenewalAsked(entry, now);
        summary.asked += 1;
      } else if (await repository.closeExpired(entry, now)) {
        await closed(entry);
      }
    }
    return summary;
  }

  /**
   * Tells the owner their entry was closed at its expiry, when they can be written to (an
   * owner without Messenger through their referent: the notice becomes the referent's task).
   */
  private async tellClosed(entry: ExpiringEntry): Promise<NotifyResult | 'failed'> {
    try {
      return await this.ports.notices.notify(entry.psid, {
        type: 'entries.closedByExpiry',
        entryId: entry._id.toHexString(),
        kind: entry.kind,
        category: entry.category,
      });
    } catch (error) {
      if (!isRefusedMessage(error)) throw error;
      this.ports.logger.warn('expiry notice refused by Messenger', {
        resident: redactId(entry.psid),
        code: refusalCode(error),
      });
      return 'failed';
    }
  }

  private async askRenewal(entry: ExpiringEntry, graceMs: number): Promise<NotifyResult | 'failed'> {
    try {
      return await this.ports.notices.notify(entry.psid, {
        type: 'entries.renewalAsked',
        entryId: entry._id.toHexString(),
        category: entry.category,
        graceDays: Math.round(graceMs / DAY_MS),
      });
    } catch (error) {
      if (!isRefusedMessage(error)) throw error;
      this.ports.logger.warn('renewal question refused by Messenger', {
        resident: redactId(entry.psid),
        code: refusalCode(error),
      });
      return 'failed';
    }
  }

  private perDay(kind: EntryKind): number {
    const { needsPerDay, offersPerDay } = this.ports.limits.settings;
    return kind === 'need' ? needsPerDay : offersPerDay;
  }
}

const OFFLINE_PREFIX = 'offline:';

/** A new id for someone who is not on Messenger. */
export function offlinePsid(): string {
  return `${OFFLINE_PREFIX}${randomBytes(8).toString('hex')}`;
}

/** True for the id of someone who is not on Messenger (registered by a referent). */
export function isOfflinePsid(psid: string): boolean {
  return psid.startsWith(OFFLINE_PREFIX);
}

/** True when the channel refused the message (a Graph request that failed). */
export function isRefusedMessage(error: unknown): error is CodedError {
  return error instanceof CodedError && error.code === ErrorCode.GraphRequestFailed;
}

/** The channel's own code of a refusal, for the logs. */
export function refusalCode(error: CodedError): number | undefined {
  const code: unknown = (error as CodedError & { graphCode?: unknown }).graphCode;
  return typeof code === 'number' ? code : undefined;
}
