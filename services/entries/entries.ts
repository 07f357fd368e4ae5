/**
 * The entries module's use cases in one object (`Entries`), what the composition root builds
 * and the dialogs, the matching module and the jobs call: registering an offer or a need (by
 * the resident, or by a referent for someone who is not online), the owner's actions, and
 * the expiry of entries.
 *
 * @remarks
 * The use cases with more than a step live in files of their own, which this class hands
 * each call to: registration.ts (the form's registration, an offer published again),
 * offlineResidents.ts (registered by a referent), renewals.ts (the expiry). The owner's
 * actions go straight to the repository.
 *
 * The only writer of the collection `entries` with `EntryRepository` (which the
 * moderators' review also calls). No French here: the resident is told through
 * `EntryNotice`s and the dialogs render the outcomes.
 */
import type { ObjectId } from 'mongodb';
import type { EntryKind } from '../domain/types';
import { registerOnBehalf, type OnBehalfRegistration } from './offlineResidents';
import type { EntriesPorts } from './ports';
import {
  Registrations,
  type DailyAllowance,
  type Registration,
  type RegistrationOutcome,
  type RepublishOutcome,
} from './registration';
import { Renewals, type ExpirySummary } from './renewals';
import type { StoredEntry } from './types';

/** The use cases of offers and needs. */
export class Entries {
  private readonly registrations: Registrations;
  private readonly renewals: Renewals;

  constructor(private readonly ports: EntriesPorts) {
    this.registrations = new Registrations(ports);
    this.renewals = new Renewals(ports);
  }

  /** Whether `psid` may still store an entry of `kind` today (looked at before the form starts). */
  dailyAllowance(psid: string, kind: EntryKind): Promise<DailyAllowance> {
    return this.registrations.dailyAllowance(psid, kind);
  }

  /** Stores what the resident confirmed: see {@link Registrations.register}. */
  register(psid: string, registration: Registration): Promise<RegistrationOutcome> {
    return this.registrations.register(psid, registration);
  }

  /** Stores an entry a referent registered for someone who is not online: see `registerOnBehalf`. */
  registerOnBehalf(registration: OnBehalfRegistration): Promise<StoredEntry> {
    return registerOnBehalf(this.ports, registration);
  }

  /** The entry with this id, or null (also for a malformed id). */
  get(id: string | ObjectId): Promise<StoredEntry | null> {
    return this.ports.repository.get(id);
  }

  /** The resident's entries: the ones not withdrawn first, most recent first within each group. */
  listByResident(psid: string): Promise<StoredEntry[]> {
    return this.ports.repository.listByResident(psid);
  }

  /** The entries of `psid` whose renewal question waits for an answer: see {@link Renewals.awaitingRenewal}. */
  awaitingRenewal(psid: string): Promise<StoredEntry[]> {
    return this.renewals.awaitingRenewal(psid);
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

  /** Publishes again a one-off offer of `psid` used up by its match: see {@link Registrations.republish}. */
  republish(id: string | ObjectId, psid: string): Promise<RepublishOutcome> {
    return this.registrations.republish(id, psid);
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

  /** Asks the owners of expired entries whether to renew, or closes them: see {@link Renewals.expireOverdue}. */
  expireOverdue(now: Date, graceDays?: number): Promise<ExpirySummary> {
    return this.renewals.expireOverdue(now, graceDays);
  }
}
