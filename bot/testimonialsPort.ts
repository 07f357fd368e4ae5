/**
 * The testimonials as the dialogs use them: the repository, a resident's own list, the
 * withdrawal that deletes published posts (also the first step of "supprimer mes données")
 * and who may review them (admins).
 */
import type { Db } from 'mongodb';
import type { TestimonialsPort } from '../dialogs/ports';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { ModeratorRepository } from '../services/moderation/moderatorRepository';
import {
  TestimonialRepository,
  type NewTestimonial,
  type WithdrawalTarget,
} from '../services/testimonials/testimonialRepository';
import {
  TESTIMONIALS_COLLECTION,
  type StoredTestimonial,
  type Testimonial,
} from '../services/testimonials/types';
import {
  withdrawTestimonialConsent,
  type PageFeed,
  type WithdrawalReport,
} from '../services/testimonials/withdrawal';
import type { RetryOptions } from '../services/graph';
import type { NotifyAdmins } from '../services/messaging/notifier';
import type { PostComposer, TestimonialNotice } from '../services/testimonials/notices';

/** Options of {@link DialogTestimonials}. */
export interface DialogTestimonialsOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Who is an admin. */
  moderators: Pick<ModeratorRepository, 'isAdmin'>;
  /** The Page feed; undefined without Messenger (nothing was ever published then). */
  feed: PageFeed | undefined;
  /** Tells the Page admins (ids and codes, no personal data). */
  notifyAdmins: NotifyAdmins<TestimonialNotice>;
  /** The Page's texts (signatures). */
  composer: PostComposer;
  /** Retries of the post deletion; the withdrawal's defaults otherwise. */
  retry?: RetryOptions;
}

/** The dialogs' {@link TestimonialsPort} over the database. */
export class DialogTestimonials implements TestimonialsPort {
  private readonly repository: TestimonialRepository;

  constructor(private readonly options: DialogTestimonialsOptions) {
    this.repository = new TestimonialRepository(options.db, options.clock, options.composer);
  }

  create(input: NewTestimonial): Promise<StoredTestimonial> {
    return this.repository.create(input);
  }

  get(id: string): Promise<StoredTestimonial | null> {
    return this.repository.get(id);
  }

  listPending(limit?: number): Promise<StoredTestimonial[]> {
    return this.repository.listPending(limit);
  }

  /** The resident's testimonials, newest first. */
  listByResident(psid: string): Promise<StoredTestimonial[]> {
    return this.collection().find({ psid }).sort({ createdAt: -1, _id: -1 }).toArray();
  }

  approve(id: string, adminPsid: string, correctedText?: string): Promise<StoredTestimonial | null> {
    return this.repository.approve(id, adminPsid, correctedText);
  }

  reject(id: string, adminPsid: string): Promise<StoredTestimonial | null> {
    return this.repository.reject(id, adminPsid);
  }

  schedule(id: string, date: Date): Promise<StoredTestimonial | null> {
    return this.repository.schedule(id, date);
  }

  canReview(psid: string): Promise<boolean> {
    return this.options.moderators.isAdmin(psid);
  }

  /** Withdraws the consent; published posts are deleted (without a feed, none was published). */
  async withdraw(target: WithdrawalTarget): Promise<WithdrawalReport> {
    const { db, feed, notifyAdmins, logger, retry, clock } = this.options;
    if (feed) return withdrawTestimonialConsent({ db, feed, notifyAdmins, logger, retry }, target, clock());
    const withdrawn = await this.repository.withdrawConsent(target);
    return { withdrawn: withdrawn.length, postsDeleted: 0, deleteFailed: 0 };
  }

  private collection() {
    return this.options.db.collection<Testimonial>(TESTIMONIALS_COLLECTION);
  }
}
