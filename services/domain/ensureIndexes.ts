/**
 * Creates every index of the domain collections, once at start-up (idempotent).
 */
import type { Db } from 'mongodb';
import { systemClock } from '../clock';
import { AttentionFlags } from '../conversations';
import { EntryRepository } from '../entries';
import { MatchRepository } from '../matching';
import { ResidentRepository } from '../residents';
import { TestimonialRepository } from '../testimonials';

/**
 * Ensures the indexes of `residents`, `entries`, `matches`, `conversations` and `testimonials`.
 *
 * @remarks
 * Safe to call on every start: creating an index that already exists with the same
 * options does nothing.
 */
export async function ensureDomainIndexes(db: Db): Promise<void> {
  await new ResidentRepository(db, systemClock).ensureIndexes();
  await new EntryRepository(db, systemClock).ensureIndexes();
  await new MatchRepository(db, systemClock).ensureIndexes();
  await new AttentionFlags(db, systemClock).ensureIndexes();
  await new TestimonialRepository(db, systemClock).ensureIndexes();
}
