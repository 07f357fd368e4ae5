/**
 * The documents of the mutual-aid network, as stored in MongoDB.
 *
 * @remarks
 * Collection and field names here are relied upon by tools, exports and operators:
 * `residents` (`psid`, consents with dates), `entries` (`psid`, `kind`, `category`,
 * `status`, `location` as a GeoJSON Point at the centre of a block), `matches` (`needId`,
 * `offerId`, `status`).
 */
import type { ObjectId } from 'mongodb';

/** Categories of help, as the understanding service labels them. */
export const CATEGORIES = [
  'groceries',
  'pharmacy',
  'homework',
  'conversation',
  'pets',
  'printing',
  'it_admin',
  'connection',
  'masks',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Offer or need. */
export type EntryKind = 'offer' | 'need';

/** Life of an entry. */
export type EntryStatus = 'pending_review' | 'published' | 'matched' | 'closed' | 'withdrawn';

/** Paused entries keep their status and carry `paused: true`. */
export type ContactChannel = 'page' | 'phone' | 'email';

/** A GeoJSON point: coordinates are [longitude, latitude]. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** How a place was found. */
export type LocationSource = 'address' | 'neighbourhood' | 'shared_location' | 'neighbourhood_fallback';

/** A consent, kept with its date and the text version shown. */
export interface Consent {
  given: boolean;
  at: Date;
  /** Which wording was shown (for example `storage-v1`). */
  version: string;
  /** `messenger` when given in the conversation; `phone`/`in_person` when a referent recorded it. */
  via: 'messenger' | 'phone' | 'in_person';
}

/** A resident (collection `residents`). */
export interface Resident {
  _id?: ObjectId;
  psid: string;
  firstName?: string;
  consents: { storage?: Consent; publication?: Consent };
  contact: { channels: ContactChannel[]; phone?: string; email?: string };
  /** Last message the resident sent us: the 24-hour window starts here. */
  lastMessageAt?: Date;
  /** The language the resident talks to the bot in, for what is sent outside a turn; French when absent. */
  locale?: ResidentLocale;
  /** Set for someone without Messenger whom a referent registered (`offline:<hex>`): who to call. */
  offline?: OfflineProfile;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A resident without Messenger, as the referent who registered them recorded them: only
 * referents read it (never the entry's description, which helpers read).
 */
export interface OfflineProfile {
  /** Their name as they gave it ("Jeanne Martin"). */
  name: string;
  /** How to address them on the phone ("Mme Martin"). */
  addressAs: string;
  /** The referent who registered them: their steps are this referent's tasks first. */
  registeredBy: string;
  /** The neighbourhood of the entry they were registered with, when known. */
  neighbourhood?: string;
}

/** A language the bot speaks with a resident (the locales of `services/i18n`). */
export type ResidentLocale = 'fr' | 'en';

/** An offer or a need (collection `entries`). */
export interface Entry {
  _id?: ObjectId;
  psid: string;
  kind: EntryKind;
  category: Category;
  description: string;
  /** Street or address as typed, kept only to re-geocode; never shown to others. */
  addressText?: string;
  neighbourhood?: string;
  /** The centre of the entry's block of about 400 m (`services/places/blocks`), never the home itself. */
  location: GeoPoint;
  /** Side of the block `location` was rounded to; absent on entries stored before blocks, never matched. */
  locationBlockMeters?: number;
  locationSource: LocationSource;
  availability: string;
  /** For needs: for the resident themself or for a relative. */
  beneficiary?: 'self' | 'relative';
  urgency?: 'high' | 'normal';
  status: EntryStatus;
  paused?: boolean;
  /** Set when the description mentioned money after the reminder: moderators look at it. */
  flags: string[];
  /** Registered by a referent for someone who is not online. */
  registeredBy?: string;
  /**
   * Offers only: true for a recurring offer ("chaque samedi"), which stays published after a
   * match instead of being used up; absent or false for a one-off offer.
   */
  recurring?: boolean;
  /** Offers only: neighbours put in touch with this offer (matches accepted by its owner). */
  helpedCount?: number;
  /** Offers only: when the owner published this used-up one-off offer again as a new entry. */
  republishedAt?: Date;
  /**
   * Needs only: the author accepted the order ("demandez au suivant si besoin"): after a
   * decline or a timeout the next helper is asked without asking the author again.
   */
  orderAccepted?: boolean;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

/** Life of a match. */
export type MatchStatus =
  /** The need's author was offered this helper and has not chosen yet: the helper knows nothing. */
  | 'suggested'
  /** The author turned the suggestion down (or never answered it in time: `lapsed`). */
  | 'skipped'
  | 'lapsed'
  /** The helper was asked (the author chose them): waiting for the helper's answer. */
  | 'proposed'
  | 'accepted'
  | 'declined'
  | 'expired'
  | 'to_moderators';

/** A need put in touch with an offer (collection `matches`). */
export interface Match {
  _id?: ObjectId;
  needId: ObjectId;
  offerId: ObjectId;
  needPsid: string;
  offerPsid: string;
  category: Category;
  /** Between the centres of the two entries' blocks; residents only ever see its band. */
  distanceMeters: number;
  status: MatchStatus;
  createdAt: Date;
  updatedAt: Date;
  /** When the helper was asked (the match became `proposed`); the answer's delay counts from here. */
  askedAt?: Date;
  acceptedAt?: Date;
}

/** Why a conversation needs a person (the moderators' issue hands it over). */
export type AttentionReason =
  | 'asked_for_human'
  | 'misunderstood_twice'
  | 'emergency'
  | 'money'
  | 'no_match_urgent'
  | 'match_outside_window'
  | 'complaint'
  | 'offline_registration';

/** A conversation flagged for the moderators (collection `conversations`). */
export interface ConversationFlag {
  psid: string;
  reason: AttentionReason;
  at: Date;
  detail?: string;
}
