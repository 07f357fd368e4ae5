/**
 * Registering an offer or a need: what the resident confirmed at the end of the form
 * (consent, contact, entry), within the day's limit of entries of its kind, and a used-up
 * one-off offer published again.
 */
import type { ObjectId } from 'mongodb';
import type { EntryKind, Resident } from '../domain/types';
import type { NewEntry } from './newEntry';
import type { EntriesPorts } from './ports';
import type { StoredEntry } from './types';

/** The wording version of the storage consent shown in `form.consent`. */
export const STORAGE_CONSENT_VERSION = 'storage-v1';

/** An entry as the resident describes it; the module sets the owner. */
export type EntryInput = Omit<NewEntry, 'psid' | 'registeredBy'>;

/** What a resident confirmed at the end of the form. */
export interface Registration {
  entry: EntryInput;
  /** True when the storage consent was given in this form (it is then recorded). */
  consentGiven: boolean;
  contact: Resident['contact'];
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

/** The ports {@link Registrations} calls. */
export type RegistrationPorts = Pick<
  EntriesPorts,
  'repository' | 'residents' | 'limits' | 'clock' | 'logger'
>;

/** Residents' registrations of entries. */
export class Registrations {
  constructor(private readonly ports: RegistrationPorts) {}

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

  /** How many entries of `kind` a resident may store a day. */
  private perDay(kind: EntryKind): number {
    const { needsPerDay, offersPerDay } = this.ports.limits.settings;
    return kind === 'need' ? needsPerDay : offersPerDay;
  }
}
