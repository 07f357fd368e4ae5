/**
 * Testimonials as the dialogs see them: a resident's words with their consent, reviewed by
 * an admin, scheduled, or withdrawn.
 */
import type { Collection, Db, Filter, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import { CodedError, ErrorCode } from '../errors';
import { cleanShownText, NEUTRAL_SCREENING_WORDS } from '../screening/screenText';
import { cleanText, requirePsid, toObjectId } from '../validation';
import type { PostComposer } from './notices';
import {
  TESTIMONIALS_COLLECTION,
  type StoredTestimonial,
  type SignatureChoice,
  type Testimonial,
  type TestimonialStatus,
} from './types';

/** Longest testimonial kept, in characters (a post stays readable, well under Meta's limits). */
export const MAX_TESTIMONIAL_LENGTH = 1500;

/** What a dialog provides to record a testimonial. */
export interface NewTestimonial {
  psid: string;
  text: string;
  signature: SignatureChoice;
  /** Version of the consent wording the resident agreed to (for example `testimonial-v1`). */
  consentVersion: string;
}

/** Whose consent is taken back: one testimonial, or every testimonial of a resident. */
export type WithdrawalTarget = { id: string | ObjectId } | { psid: string };

const REVIEWABLE: TestimonialStatus[] = ['pending', 'approved', 'scheduled'];
const ALIVE: TestimonialStatus[] = ['pending', 'approved', 'scheduled', 'publishing', 'published'];

/**
 * Stores testimonials.
 *
 * @remarks
 * Ids arrive from payloads as strings: a malformed id finds nothing (null / empty result).
 * Publishing itself belongs to `publisher.ts`; withdrawing a published testimonial here
 * only records it: {@link withdrawTestimonialConsent} then deletes the post.
 */
export class TestimonialRepository {
  private readonly collection: Collection<Testimonial>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    /**
     * Renders the chosen signature (only {@link TestimonialRepository.create} needs it) and
     * gives the screening's placeholders (neutral tokens without it).
     */
    private readonly composer?: Pick<PostComposer, 'signature' | 'screening'>,
  ) {
    this.collection = db.collection<Testimonial>(TESTIMONIALS_COLLECTION);
  }

  /** Creates the lookup indexes (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { status: 1, publishAt: 1 }, name: 'status_publishAt' },
      { key: { psid: 1 }, name: 'psid' },
    ]);
  }

  /**
   * Records a testimonial, `pending` until an admin reviews it; its text and signature are
   * screened (contact details, links and premium numbers removed).
   *
   * @throws CodedError `payload_invalid` for an empty text, a bad psid or signature, or no consent version.
   */
  async create(input: NewTestimonial): Promise<StoredTestimonial> {
    if (!this.composer) throw new CodedError(ErrorCode.NotSupported, 'no signature composer');
    const now = this.clock();
    const text = cleanShownText(input.text, MAX_TESTIMONIAL_LENGTH, 'text', this.composer.screening);
    const version = cleanText(input.consentVersion, 40, 'consentVersion');
    if (text === '' || version === '')
      throw new CodedError(ErrorCode.PayloadInvalid, 'text or consent missing');
    const testimonial: Testimonial = {
      psid: requirePsid(input.psid),
      text,
      signature: this.composer.signature(input.signature),
      consent: { given: true, at: now, version },
      status: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    const { insertedId } = await this.collection.insertOne(testimonial);
    return { ...testimonial, _id: insertedId };
  }

  /** The testimonial, or null (also for a malformed id). */
  async get(id: string | ObjectId): Promise<StoredTestimonial | null> {
    const _id = toObjectId(id);
    return _id ? this.collection.findOne({ _id }) : null;
  }

  /** The resident's testimonials, newest first. */
  async listByResident(psid: string): Promise<StoredTestimonial[]> {
    return await this.collection.find({ psid }).sort({ createdAt: -1, _id: -1 }).toArray();
  }

  /** Testimonials waiting for an admin, oldest first. */
  async listPending(limit = 20): Promise<StoredTestimonial[]> {
    return this.collection.find({ status: 'pending' }).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray();
  }

  /**
   * An admin approves a pending testimonial, optionally correcting its text (the resident's
   * words are kept in `originalText`); it is published at the next run of the job.
   *
   * @returns the approved testimonial, or null when unknown or not pending.
   */
  async approve(
    id: string | ObjectId,
    adminPsid: string,
    correctedText?: string,
  ): Promise<StoredTestimonial | null> {
    const current = await this.get(id);
    if (!current || current.status !== 'pending') return null;
    const changes: Partial<Testimonial> = { status: 'approved', reviewedBy: requirePsid(adminPsid) };
    if (correctedText !== undefined) {
      const text = cleanShownText(
        correctedText,
        MAX_TESTIMONIAL_LENGTH,
        'correctedText',
        this.composer?.screening ?? NEUTRAL_SCREENING_WORDS,
      );
      if (text === '') throw new CodedError(ErrorCode.PayloadInvalid, 'correctedText is empty');
      if (text !== current.text)
        Object.assign(changes, { text, originalText: current.originalText ?? current.text });
    }
    return this.move(current._id, ['pending'], changes);
  }

  /** An admin rejects a testimonial not yet published; null when unknown or too late. */
  async reject(id: string | ObjectId, adminPsid: string): Promise<StoredTestimonial | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    return this.move(_id, REVIEWABLE, { status: 'rejected', reviewedBy: requirePsid(adminPsid) });
  }

  /** Publishes an approved (or already scheduled) testimonial at the first run at or after `date`. */
  async schedule(id: string | ObjectId, date: Date): Promise<StoredTestimonial | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw new CodedError(ErrorCode.PayloadInvalid, 'publication date is invalid');
    return this.move(_id, ['approved', 'scheduled'], { status: 'scheduled', publishAt: date });
  }

  /**
   * The resident takes their consent back, for one testimonial or all of theirs: each one
   * still alive becomes `withdrawn`.
   *
   * @returns the withdrawn testimonials as they are now; those with a `postId` must have
   * their post deleted ({@link withdrawTestimonialConsent} does it).
   */
  async withdrawConsent(target: WithdrawalTarget): Promise<StoredTestimonial[]> {
    let filter: Filter<Testimonial>;
    if ('psid' in target) filter = { psid: requirePsid(target.psid) };
    else {
      const _id = toObjectId(target.id);
      if (!_id) return [];
      filter = { _id };
    }
    const found = await this.collection.find({ ...filter, status: { $in: ALIVE } }).toArray();
    const now = this.clock();
    const withdrawn: StoredTestimonial[] = [];
    for (const testimonial of found) {
      const updated = await this.collection.findOneAndUpdate(
        { _id: testimonial._id, status: { $in: ALIVE } },
        {
          $set: {
            status: 'withdrawn',
            withdrawnAt: now,
            'consent.given': false,
            'consent.withdrawnAt': now,
            updatedAt: now,
          },
        },
        { returnDocument: 'after' },
      );
      if (updated) withdrawn.push(updated);
    }
    return withdrawn;
  }

  private async move(
    _id: ObjectId,
    from: TestimonialStatus[],
    changes: Partial<Testimonial>,
  ): Promise<StoredTestimonial | null> {
    const now = this.clock();
    const review = changes.reviewedBy === undefined ? {} : { reviewedAt: now };
    return this.collection.findOneAndUpdate(
      { _id, status: { $in: from } },
      { $set: { ...changes, ...review, updatedAt: now } },
      { returnDocument: 'after' },
    );
  }
}
