/**
 * The audit trail of moderator actions (collection `audit`): who did what, when, on what.
 *
 * @remarks
 * One document per action. Never a message text: a target is a type and an id.
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import type { Clock } from '../clock';

/** Name of the audit collection. */
export const AUDIT_COLLECTION = 'audit';

/** Who acted: a moderator's psid, or `cli` for the operator's command line. */
export type AuditActor = string;

/** What was done (stored values: the handover actions keep their historical `handoff.` names). */
export type AuditAction =
  | 'moderator.add'
  | 'moderator.update'
  | 'moderator.hours'
  | 'moderator.remove'
  | 'entry.approve'
  | 'entry.reject'
  /** A referent registered an entry for someone who is not online (detail: `phone`/`in_person`). */
  | 'entry.register'
  | 'handoff.take'
  | 'handoff.close'
  /** A referent signed in to the console. */
  | 'console.signin'
  /** A referent opened a resident's page in the console. */
  | 'resident.view'
  /** A referent was shown a resident's phone number to call them. */
  | 'contact.reveal'
  /** A referent marked a message that could not be sent as passed on. */
  | 'undelivered.handled';

/** What the action was about (stored values: a handover is `handoff`). */
export interface AuditTarget {
  type: 'moderator' | 'entry' | 'handoff' | 'resident' | 'task' | 'undelivered';
  id: string;
}

/** One audited action. */
export interface AuditRecord {
  _id?: ObjectId;
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget;
  at: Date;
  /** A short code (a rejection reason, a role), never free text. */
  detail?: string;
}

/** Appends to and reads the audit trail. */
export class AuditLog {
  private readonly collection: Collection<AuditRecord>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<AuditRecord>(AUDIT_COLLECTION);
  }

  /** Creates the lookup indexes (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { at: -1 }, name: 'at' },
      { key: { 'target.type': 1, 'target.id': 1 }, name: 'target' },
    ]);
  }

  /** Records an action now. */
  async record(actor: AuditActor, action: AuditAction, target: AuditTarget, detail?: string): Promise<void> {
    const record: AuditRecord = { actor, action, target, at: this.clock() };
    if (detail !== undefined) record.detail = detail;
    await this.collection.insertOne(record);
  }

  /** The latest actions, most recent first (optionally about one target). */
  async recent(limit = 50, target?: AuditTarget): Promise<AuditRecord[]> {
    const filter = target ? { 'target.type': target.type, 'target.id': target.id } : {};
    return this.collection.find(filter).sort({ at: -1, _id: -1 }).limit(limit).toArray();
  }
}
