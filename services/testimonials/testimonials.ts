/**
 * The testimonials module's use cases: a resident's story, its review by the admins, a
 * resident's own list, and the withdrawal that deletes published posts (also the first step
 * of "supprimer mes données").
 */
import type { Db } from 'mongodb';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { TestimonialRepository, type NewTestimonial, type WithdrawalTarget } from './testimonialRepository';
import type { StoredTestimonial } from './types';
import { withdrawTestimonialConsent, type PageFeed, type WithdrawalReport } from './withdrawal';
import type { RetryOptions } from '../graph';
import type { NotifyAdmins } from '../messaging/notifier';
import type { PostComposer, TestimonialNotice } from './notices';

/** Options of {@link Testimonials}. */
export interface TestimonialsOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Who is an admin. */
  moderators: { isAdmin(psid: string): Promise<boolean> };
  /** The Page feed; undefined without Messenger (nothing was ever published then). */
  feed: PageFeed | undefined;
  /** Tells the Page admins (ids and codes, no personal data). */
  notifyAdmins: NotifyAdmins<TestimonialNotice>;
  /** The Page's texts (signatures). */
  composer: PostComposer;
  /** Retries of the post deletion; the withdrawal's defaults otherwise. */
  retry?: RetryOptions;
}

/** What the conversation layer (and the console) does with testimonials. */
export class Testimonials {
  private readonly repository: TestimonialRepository;

  constructor(private readonly options: TestimonialsOptions) {
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
    return this.repository.listByResident(psid);
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
}
