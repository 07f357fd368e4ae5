/**
 * The town's referents (collection `moderators`): who they are, which neighbourhoods they
 * follow, their role and their working hours.
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import {
  DEFAULT_ACTIVE_HOURS,
  PARIS,
  isValidActiveHours,
  isWithinHours,
  nextOpeningOf,
  type ActiveHours,
} from './activeHours';
import { ErrorCode } from '../errors';
import { isEmailAddress } from '../mail';
import { ModerationError } from './errors';

/** Name of the moderators collection. */
export const MODERATORS_COLLECTION = 'moderators';

/** What a moderator may do: admins also receive escalations. */
export type ModeratorRole = 'moderator' | 'admin';
/** The accepted roles. */
export const MODERATOR_ROLES: readonly ModeratorRole[] = ['moderator', 'admin'];

/** A referent. */
export interface Moderator {
  _id?: ObjectId;
  /** Their page-scoped id (they write to the Page like anyone). */
  psid: string;
  name: string;
  /** Neighbourhood ids or names as given; empty means every neighbourhood. */
  quartiers: string[];
  /** {@link neighbourhoodKey} of each quartier, for lookups. */
  quartierKeys: string[];
  role: ModeratorRole;
  activeHours: ActiveHours;
  active: boolean;
  /** Where urgent tasks, the daily digest and (admins) the weekly report are e-mailed. */
  email?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What is needed to register a moderator. */
export interface NewModerator {
  psid: string;
  name: string;
  quartiers: string[];
  role?: ModeratorRole;
  activeHours?: ActiveHours;
  active?: boolean;
  /** An e-mail address; undefined keeps the stored one, null removes it. */
  email?: string | null;
}

/** `La Maille 2`, `la-maille-2` and `LA MAILLE 2` all become `la-maille-2`. */
export function neighbourhoodKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True for a page-scoped id as Messenger gives them (digits). */
export function isPsid(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,32}$/.test(value);
}

/**
 * Reads and maintains the moderators.
 *
 * @remarks
 * Only `active` moderators count for every question asked here (is this a moderator,
 * who follows this neighbourhood, are we open).
 */
export class ModeratorRepository {
  private readonly collection: Collection<Moderator>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<Moderator>(MODERATORS_COLLECTION);
  }

  /** Creates the unique index on `psid` (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { psid: 1 }, name: 'psid_unique', unique: true },
      { key: { quartierKeys: 1 }, name: 'quartierKeys' },
    ]);
  }

  /**
   * Registers a moderator, or updates the one with this psid.
   *
   * @throws ModerationError `invalid_moderator` for a malformed psid, name, role or hours.
   */
  async upsert(input: NewModerator): Promise<{ moderator: Moderator; created: boolean }> {
    const { email, ...fields } = validate(input);
    const now = this.clock();
    const result = await this.collection.findOneAndUpdate(
      { psid: fields.psid },
      {
        $set: { ...fields, ...(email ? { email } : {}), updatedAt: now },
        $setOnInsert: { createdAt: now },
        ...(email === null ? { $unset: { email: '' as const } } : {}),
      },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    if (!result.value) throw new ModerationError(ErrorCode.InvalidModerator, 'moderator was not stored');
    return { moderator: result.value, created: result.lastErrorObject?.updatedExisting !== true };
  }

  /**
   * Sets (or, with null, removes) a moderator's e-mail address; false when there is no
   * moderator with this psid.
   *
   * @throws ModerationError `invalid_moderator` for a malformed address.
   */
  async setEmail(psid: string, email: string | null): Promise<boolean> {
    if (!isPsid(psid)) return false;
    const clean = email === null ? null : cleanEmail(email);
    const now = this.clock();
    const result = await this.collection.updateOne(
      { psid },
      clean === null
        ? { $unset: { email: '' }, $set: { updatedAt: now } }
        : { $set: { email: clean, updatedAt: now } },
    );
    return result.matchedCount === 1;
  }

  /** Removes a moderator; false when there was none with this psid. */
  async remove(psid: string): Promise<boolean> {
    if (!isPsid(psid)) return false;
    return (await this.collection.deleteOne({ psid })).deletedCount === 1;
  }

  /** The moderator with this psid (active or not), or null. */
  async get(psid: string): Promise<Moderator | null> {
    return isPsid(psid) ? this.collection.findOne({ psid }) : null;
  }

  /** Every moderator, by name. */
  async list(): Promise<Moderator[]> {
    return this.collection.find({}).sort({ name: 1, psid: 1 }).toArray();
  }

  /** True for an active moderator (admins included). */
  async isModerator(psid: string): Promise<boolean> {
    return isPsid(psid) && (await this.collection.countDocuments({ psid, active: true }, { limit: 1 })) === 1;
  }

  /** True for an active admin. */
  async isAdmin(psid: string): Promise<boolean> {
    return (
      isPsid(psid) &&
      (await this.collection.countDocuments({ psid, active: true, role: 'admin' }, { limit: 1 })) === 1
    );
  }

  /**
   * Active moderators following `quartier` (and those following every neighbourhood); all
   * active moderators when none follows it or `quartier` is unknown.
   */
  async forNeighbourhood(quartier: string | undefined): Promise<Moderator[]> {
    const key = quartier === undefined ? '' : neighbourhoodKey(quartier);
    if (key !== '') {
      const following = await this.collection
        .find({ active: true, $or: [{ quartierKeys: key }, { quartierKeys: { $size: 0 } }] })
        .toArray();
      if (following.some((moderator) => moderator.quartierKeys.includes(key))) return following;
    }
    return this.collection.find({ active: true }).toArray();
  }

  /** Active admins. */
  async admins(): Promise<Moderator[]> {
    return this.collection.find({ active: true, role: 'admin' }).toArray();
  }

  /** True when at least one active moderator is within their working hours at `now`. */
  async isWithinActiveHours(now: Date): Promise<boolean> {
    const all = await this.collection.find({ active: true }).toArray();
    return all.some((moderator) => isWithinHours(moderator.activeHours, now));
  }

  /** The earliest time after `now` at which an active moderator starts working, if any. */
  async nextOpening(now: Date): Promise<Date | undefined> {
    const all = await this.collection.find({ active: true }).toArray();
    const openings = all
      .map((moderator) => nextOpeningOf(moderator.activeHours, now))
      .filter((date): date is Date => date !== undefined);
    return openings.sort((a, b) => a.getTime() - b.getTime())[0];
  }
}

/**
 * A trimmed e-mail address with its domain lower-cased.
 *
 * @throws ModerationError `invalid_moderator` when it is not an address.
 */
export function cleanEmail(value: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!isEmailAddress(trimmed)) throw new ModerationError(ErrorCode.InvalidModerator, 'email is invalid');
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

function validate(
  input: NewModerator,
): Omit<Moderator, '_id' | 'createdAt' | 'updatedAt' | 'email'> & { email?: string | null } {
  const invalid = (what: string): never => {
    throw new ModerationError(ErrorCode.InvalidModerator, `${what} is invalid`);
  };
  if (!isPsid(input.psid)) invalid('psid');
  const name = typeof input.name === 'string' ? input.name.trim().slice(0, 80) : '';
  if (name === '') invalid('name');
  if (!Array.isArray(input.quartiers) || !input.quartiers.every((q) => typeof q === 'string')) {
    invalid('quartiers');
  }
  const quartiers = [...new Set(input.quartiers.map((q) => q.trim()).filter(Boolean))].slice(0, 30);
  const role = input.role ?? 'moderator';
  if (!MODERATOR_ROLES.includes(role)) invalid('role');
  const activeHours = input.activeHours ?? DEFAULT_ACTIVE_HOURS;
  if (!isValidActiveHours(activeHours)) invalid('activeHours');
  return {
    psid: input.psid,
    name,
    quartiers,
    quartierKeys: [...new Set(quartiers.map(neighbourhoodKey).filter(Boolean))],
    role,
    activeHours: { timeZone: activeHours.timeZone ?? PARIS, days: { ...activeHours.days } },
    active: input.active ?? true,
    ...(input.email === undefined ? {} : { email: input.email === null ? null : cleanEmail(input.email) }),
  };
}
