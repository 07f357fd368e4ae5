/**
 * Residents (collection `residents`): consents with their dates and contact preferences.
 *
 * @remarks
 * The rights of access and erasure over everything stored about a person are
 * `services/privacy/export.ts` and `services/privacy/erasure.ts`.
 */
import type { Collection, Db, UpdateFilter } from 'mongodb';
import type { Clock } from '../clock';
import { Batcher } from '../db/batcher';
import type { Consent, ContactChannel, OfflineProfile, Resident, ResidentLocale } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { cleanOptionalText, requirePsid } from '../validation';

/** Name of the collection of residents. */
export const RESIDENTS_COLLECTION = 'residents';

const CHANNELS: readonly ContactChannel[] = ['page', 'phone', 'email'];
const VIA: readonly Consent['via'][] = ['messenger', 'phone', 'in_person'];
const LOCALES: readonly ResidentLocale[] = ['fr', 'en'];
const DUPLICATE_KEY = 11000;

/**
 * Stores residents.
 *
 * @remarks
 * A resident document exists only once storage consent was given:
 * {@link ResidentRepository.recordStorageConsent} creates it.
 */
export class ResidentRepository {
  private readonly residents: Collection<Resident>;
  /** Reads of concurrent turns, one `find` per batch (see {@link ResidentRepository.get}). */
  private readonly reads: Batcher<string, Resident | null>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.residents = db.collection<Resident>(RESIDENTS_COLLECTION);
    this.reads = new Batcher<string, Resident | null>(async (psids) => {
      const found: Resident[] = await this.residents.find({ psid: { $in: [...new Set(psids)] } }).toArray();
      const byPsid = new Map(found.map((resident) => [resident.psid, resident]));
      // Each reader gets its own copy, even when two asked for the same person.
      return psids.map((psid) => {
        const resident = byPsid.get(psid);
        return { value: resident ? { ...resident } : null };
      });
    });
  }

  /** Creates the unique index on `psid` (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.residents.createIndex({ psid: 1 }, { name: 'psid_unique', unique: true });
  }

  /**
   * The resident, or null.
   *
   * @remarks
   * Almost every turn reads its resident (the welcome, the forms), so the reads of concurrent
   * turns share one `find` (as the bot state's do): a read goes out on the next turn of the
   * event loop, or with the next batch while one is under way, never with a batch sent before
   * it was asked, so it sees every write that ended before it.
   */
  async get(psid: string): Promise<Resident | null> {
    return this.reads.submit(requirePsid(psid));
  }

  /**
   * Records the storage consent (given or refused) with its date, creating the resident.
   *
   * @throws CodedError `payload_invalid` when the consent is malformed.
   */
  async recordStorageConsent(psid: string, consent: Consent): Promise<Resident> {
    return this.recordConsent(psid, 'storage', consent);
  }

  /** Records the consent to publish their entries (given or refused), creating the resident if needed. */
  async recordPublicationConsent(psid: string, consent: Consent): Promise<Resident> {
    return this.recordConsent(psid, 'publication', consent);
  }

  /**
   * Sets how the resident wants to be contacted.
   *
   * @throws CodedError `payload_invalid` for an unknown channel or when the resident does not exist
   * (no storage consent recorded yet).
   */
  async setContact(psid: string, contact: Resident['contact']): Promise<void> {
    const channels = Array.isArray(contact?.channels) ? contact.channels : [];
    if (channels.length === 0 || !channels.every((channel) => CHANNELS.includes(channel))) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'contact channels are invalid');
    }
    const clean: Resident['contact'] = { channels: [...new Set(channels)] };
    const phone = cleanOptionalText(contact.phone, 32, 'phone');
    const email = cleanOptionalText(contact.email, 254, 'email');
    if (phone) clean.phone = phone;
    if (email) clean.email = email;
    const result = await this.residents.updateOne(
      { psid: requirePsid(psid) },
      { $set: { contact: clean, updatedAt: this.clock() } },
    );
    if (result.matchedCount !== 1) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'no resident: record the storage consent first');
    }
  }

  /**
   * Records who a resident without Messenger is and who registered them (their name, how to
   * address them, their referent).
   *
   * @throws CodedError `payload_invalid` when a field is missing or when the resident does not
   * exist (no storage consent recorded yet).
   */
  async setOfflineProfile(psid: string, profile: OfflineProfile): Promise<void> {
    const name = cleanOptionalText(profile?.name, 100, 'name');
    const addressAs = cleanOptionalText(profile?.addressAs, 100, 'addressAs') ?? name;
    if (!name || !addressAs) throw new CodedError(ErrorCode.PayloadInvalid, 'offline name is missing');
    const clean: OfflineProfile = { name, addressAs, registeredBy: requirePsid(profile.registeredBy) };
    const neighbourhood = cleanOptionalText(profile.neighbourhood, 100, 'neighbourhood');
    if (neighbourhood) clean.neighbourhood = neighbourhood;
    const result = await this.residents.updateOne(
      { psid: requirePsid(psid) },
      { $set: { offline: clean, updatedAt: this.clock() } },
    );
    if (result.matchedCount !== 1) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'no resident: record the storage consent first');
    }
  }

  /**
   * Records the language the resident talks in; false when there is no resident yet (no
   * storage consent), so the caller can record it again later.
   *
   * @throws CodedError `payload_invalid` for a language the bot does not speak.
   */
  async setLocale(psid: string, locale: ResidentLocale): Promise<boolean> {
    if (!LOCALES.includes(locale)) throw new CodedError(ErrorCode.PayloadInvalid, 'locale is invalid');
    const result = await this.residents.updateOne({ psid: requirePsid(psid) }, { $set: { locale } });
    return result.matchedCount === 1;
  }

  /** The language to write to the resident in outside a conversation turn (French by default). */
  async localeOf(psid: string): Promise<ResidentLocale> {
    const resident = await this.residents.findOne(
      { psid: requirePsid(psid) },
      { projection: { _id: 0, locale: 1 } },
    );
    return resident?.locale === 'en' ? 'en' : 'fr';
  }

  private async recordConsent(
    psid: string,
    kind: 'storage' | 'publication',
    consent: Consent,
  ): Promise<Resident> {
    const person = requirePsid(psid);
    const clean = cleanConsent(consent);
    const now = this.clock();
    const update: UpdateFilter<Resident> = {
      $set: { [`consents.${kind}`]: clean, updatedAt: now },
      $setOnInsert: { psid: person, contact: { channels: ['page'] }, createdAt: now },
    };
    const upsert = async (): Promise<Resident | null> =>
      this.residents.findOneAndUpdate({ psid: person }, update, { upsert: true, returnDocument: 'after' });
    let stored: Resident | null;
    try {
      stored = await upsert();
    } catch (error) {
      // Another turn created the resident at the same moment: update theirs.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      stored = await upsert();
    }
    if (!stored) throw new CodedError(ErrorCode.DatabaseUnavailable, 'consent was not stored');
    return stored;
  }
}

function cleanConsent(consent: Consent): Consent {
  const at = consent?.at;
  if (
    typeof consent?.given !== 'boolean' ||
    !(at instanceof Date) ||
    Number.isNaN(at.getTime()) ||
    !VIA.includes(consent.via)
  ) {
    throw new CodedError(ErrorCode.PayloadInvalid, 'consent is invalid');
  }
  const version = cleanOptionalText(consent.version, 40, 'version');
  if (!version) throw new CodedError(ErrorCode.PayloadInvalid, 'consent version is missing');
  return { given: consent.given, at, version, via: consent.via };
}
