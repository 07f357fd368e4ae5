/**
 * Residents (collection `residents`): consents with their dates, contact preferences, and
 * the rights of access and erasure over everything stored about them.
 */
import type { Collection, Db, UpdateFilter } from 'mongodb';
import type { Clock } from '../clock';
import { CONVERSATIONS_COLLECTION, type ConversationAttention } from '../conversations/attention';
import type { Consent, ContactChannel, Entry, Match, Resident } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import { cleanOptionalText, requirePsid } from '../entries/validation';
import { MATCHES_COLLECTION } from '../matching/matchRepository';
import { toExportedMatch, type ExportedMatch } from './exportedMatch';

/** Name of the collection of residents. */
export const RESIDENTS_COLLECTION = 'residents';

export type { ExportedMatch } from './exportedMatch';

/** Everything stored about one person (right of access). */
export interface ResidentExport {
  exportedAt: Date;
  resident: Resident | null;
  entries: Entry[];
  /** Matches they are part of, from their side only: nothing about the other person. */
  matches: ExportedMatch[];
  /** Moderator flags on their conversation. */
  attention: ConversationAttention | null;
}

/** What {@link ResidentRepository.deleteAll} removed. */
export interface DeletionReport {
  resident: number;
  entries: number;
  matches: number;
  attention: number;
}

const CHANNELS: readonly ContactChannel[] = ['page', 'phone', 'email'];
const VIA: readonly Consent['via'][] = ['messenger', 'phone', 'in_person'];
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

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.residents = db.collection<Resident>(RESIDENTS_COLLECTION);
  }

  /** Creates the unique index on `psid` (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.residents.createIndex({ psid: 1 }, { name: 'psid_unique', unique: true });
  }

  /** The resident, or null. */
  async get(psid: string): Promise<Resident | null> {
    return this.residents.findOne({ psid: requirePsid(psid) });
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

  /** Everything stored about `psid`: resident, entries, their side of matches, attention flags. */
  async exportData(psid: string): Promise<ResidentExport> {
    const person = requirePsid(psid);
    const [resident, entries, matches, attention] = await Promise.all([
      this.residents.findOne({ psid: person }),
      this.db.collection<Entry>(ENTRIES_COLLECTION).find({ psid: person }).sort({ createdAt: 1 }).toArray(),
      this.db
        .collection<Match>(MATCHES_COLLECTION)
        .find({ $or: [{ needPsid: person }, { offerPsid: person }] })
        .sort({ createdAt: 1 })
        .toArray(),
      this.db.collection<ConversationAttention>(CONVERSATIONS_COLLECTION).findOne({ psid: person }),
    ]);
    return {
      exportedAt: this.clock(),
      resident,
      entries,
      matches: matches.map((match) => toExportedMatch(match, person)),
      attention,
    };
  }

  /**
   * Erases `psid`: the resident, their entries, every match they are part of and their
   * attention flags. Returns what was deleted.
   */
  async deleteAll(psid: string): Promise<DeletionReport> {
    const person = requirePsid(psid);
    const matches = await this.db
      .collection<Match>(MATCHES_COLLECTION)
      .deleteMany({ $or: [{ needPsid: person }, { offerPsid: person }] });
    const entries = await this.db.collection<Entry>(ENTRIES_COLLECTION).deleteMany({ psid: person });
    const attention = await this.db
      .collection<ConversationAttention>(CONVERSATIONS_COLLECTION)
      .deleteMany({ psid: person });
    const resident = await this.residents.deleteMany({ psid: person });
    return {
      resident: resident.deletedCount,
      entries: entries.deletedCount,
      matches: matches.deletedCount,
      attention: attention.deletedCount,
    };
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
