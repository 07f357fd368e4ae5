/**
 * Signing referents in to the console without passwords: one-time links and sessions
 * (collections `staff_links` and `staff_sessions`).
 *
 * @remarks
 * Only hashes of the secrets are stored (SHA-256 of 32 random bytes): a copy of the database
 * signs nobody in. A link is valid {@link LOGIN_LINK_MINUTES} minutes and usable once (claimed
 * atomically); a session lasts {@link SESSION_HOURS} hours and both collections forget expired
 * documents by a TTL index. Only active moderators (admins included) get a link, and every
 * session is checked against the moderator again on each use: a deactivated referent is out
 * at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Clock } from '../clock';
import { ErrorCode } from '../errors';
import type { AuditLog } from './audit';
import { ModerationError } from './errors';
import type { Moderator, ModeratorRepository } from './moderatorRepository';

/** Name of the one-time links collection. */
export const STAFF_LINKS_COLLECTION = 'staff_links';
/** Name of the sessions collection. */
export const STAFF_SESSIONS_COLLECTION = 'staff_sessions';
/** How long a sign-in link is valid. */
export const LOGIN_LINK_MINUTES = 15;
/** How long a console session lasts. */
export const SESSION_HOURS = 12;
/** Links a referent may be sent by e-mail in an hour, through the sign-in page's form. */
export const EMAILED_LINKS_PER_HOUR = 3;

/** A one-time link (only the token's hash is kept). */
interface LoginLink {
  _id: string;
  psid: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
}

/** A console session (only the session id's hash is kept). */
interface StaffSession {
  _id: string;
  psid: string;
  /** The session's CSRF token (not a secret from the signed-in person). */
  csrf: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Why a sign-in link was refused. */
export type LinkRefusal = 'unknown' | 'expired' | 'used' | 'not_moderator';

/** What redeeming a link gave: a session, or why not. */
export type LinkRedemption =
  | { ok: true; session: string; csrf: string; expiresAt: Date; moderator: Moderator }
  | { ok: false; refusal: LinkRefusal };

/** A live session: the moderator as stored now, and the session's CSRF token. */
export interface LiveSession {
  moderator: Moderator;
  csrf: string;
}

/** Collaborators of {@link StaffAccess}. */
export interface StaffAccessDeps {
  db: Db;
  clock: Clock;
  moderators: Pick<ModeratorRepository, 'get' | 'list'>;
  audit: Pick<AuditLog, 'record'>;
}

/** A token as given to a person: 32 random bytes, base64url. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sign-in links and sessions of the referents' console. */
export class StaffAccess {
  private readonly links: Collection<LoginLink>;
  private readonly sessions: Collection<StaffSession>;

  constructor(private readonly deps: StaffAccessDeps) {
    this.links = deps.db.collection<LoginLink>(STAFF_LINKS_COLLECTION);
    this.sessions = deps.db.collection<StaffSession>(STAFF_SESSIONS_COLLECTION);
  }

  /** Creates the TTL indexes that forget expired links and sessions (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.links.createIndexes([{ key: { expiresAt: 1 }, name: 'expire', expireAfterSeconds: 0 }]);
    await this.sessions.createIndexes([
      { key: { expiresAt: 1 }, name: 'expire', expireAfterSeconds: 0 },
      { key: { psid: 1 }, name: 'psid' },
    ]);
  }

  /**
   * A new one-time sign-in token for `psid` (to put in a link), valid {@link LOGIN_LINK_MINUTES}
   * minutes.
   *
   * @throws ModerationError `not_moderator` unless `psid` is an active moderator or admin.
   */
  async issueLink(psid: string): Promise<{ token: string; expiresAt: Date }> {
    const moderator = await this.deps.moderators.get(psid);
    if (!moderator?.active) throw new ModerationError(ErrorCode.NotModerator, 'not an active moderator');
    const token = newToken();
    const now = this.deps.clock();
    const expiresAt = new Date(now.getTime() + LOGIN_LINK_MINUTES * 60_000);
    await this.links.insertOne({ _id: hashToken(token), psid, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /**
   * A sign-in token for the active moderator whose e-mail address is `email` (compared
   * without case), or null: no such moderator, or {@link EMAILED_LINKS_PER_HOUR} links already
   * issued to them in the last hour (a form anyone can fill must not flood a referent's inbox).
   */
  async issueLinkByEmail(
    email: string,
  ): Promise<{ token: string; expiresAt: Date; moderator: Moderator } | null> {
    const wanted = email.trim().toLowerCase();
    if (wanted === '') return null;
    const moderator = (await this.deps.moderators.list()).find(
      (candidate) => candidate.active && candidate.email?.toLowerCase() === wanted,
    );
    if (!moderator) return null;
    const hourAgo = new Date(this.deps.clock().getTime() - 3_600_000);
    const recent = await this.links.countDocuments({ psid: moderator.psid, createdAt: { $gt: hourAgo } });
    if (recent >= EMAILED_LINKS_PER_HOUR) return null;
    return { ...(await this.issueLink(moderator.psid)), moderator };
  }

  /** Uses a sign-in token (once) and opens a session; says why when it cannot. */
  async redeem(token: string): Promise<LinkRedemption> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, refusal: 'unknown' };
    const now = this.deps.clock();
    const id = hashToken(token);
    const claimed = await this.links.findOneAndUpdate(
      { _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { returnDocument: 'after' },
    );
    if (!claimed) {
      const link = await this.links.findOne({ _id: id });
      if (!link) return { ok: false, refusal: 'unknown' };
      return { ok: false, refusal: link.usedAt ? 'used' : 'expired' };
    }
    const moderator = await this.deps.moderators.get(claimed.psid);
    if (!moderator?.active) return { ok: false, refusal: 'not_moderator' };
    const session = newToken();
    const csrf = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    await this.sessions.insertOne({
      _id: hashToken(session),
      psid: moderator.psid,
      csrf,
      createdAt: now,
      expiresAt,
    });
    await this.deps.audit.record(moderator.psid, 'console.signin', { type: 'moderator', id: moderator.psid });
    return { ok: true, session, csrf, expiresAt, moderator };
  }

  /** The live session of this cookie value, or null (unknown, expired, moderator no longer active). */
  async session(session: string): Promise<LiveSession | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(session)) return null;
    const found = await this.sessions.findOne({
      _id: hashToken(session),
      expiresAt: { $gt: this.deps.clock() },
    });
    if (!found) return null;
    const moderator = await this.deps.moderators.get(found.psid);
    return moderator?.active ? { moderator, csrf: found.csrf } : null;
  }

  /** Ends a session (signing out); true when there was one. */
  async signOut(session: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(session)) return false;
    return (await this.sessions.deleteOne({ _id: hashToken(session) })).deletedCount === 1;
  }
}
