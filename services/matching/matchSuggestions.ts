/**
 * Suggestions in the collection `matches`: a helper put to a need's author, who chooses
 * whether to ask them (status `suggested`), stored in batches, confirmed or skipped by the
 * author, or lapsed unanswered.
 *
 * @remarks
 * Reached through `MatchRepository`, the one writer of the collection.
 */
import { ObjectId, type Collection } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry } from '../domain/types';
import { toObjectId } from '../validation';
import type { MatchDocument } from './matchFollowUps';
import type { StoredMatch } from './matchDocuments';
import { validNewMatch } from './newMatch';

/** Suggestions stored by one insert command of {@link MatchSuggestions.store}. */
const SUGGESTIONS_PER_COMMAND = 1000;
/** Insert commands of {@link MatchSuggestions.store} running at once. */
const SUGGESTION_COMMANDS_AT_ONCE = 4;

/** Reads and writes of suggested matches. */
export class MatchSuggestions {
  constructor(
    private readonly collection: Collection<MatchDocument>,
    private readonly clock: Clock,
  ) {}

  /**
   * Records many suggestions in unordered commands of {@link SUGGESTIONS_PER_COMMAND}, up to
   * {@link SUGGESTION_COMMANDS_AT_ONCE} at a time (the scheduled re-examination: the engine
   * need not keep their order, and several commands use several of its connections); same
   * checks as `MatchRepository.suggest`.
   *
   * @throws the first command's failure once every command has been tried (the others'
   * suggestions are stored, as with one unordered command).
   */
  async store(
    pairs: ReadonlyArray<{ need: Entry; offer: Entry; distanceMeters: number }>,
  ): Promise<StoredMatch[]> {
    if (pairs.length === 0) return [];
    const matches: StoredMatch[] = pairs.map(({ need, offer, distanceMeters }) => ({
      _id: new ObjectId(),
      ...validNewMatch(need, offer, distanceMeters, 'suggested', this.clock()),
    }));
    const chunks: StoredMatch[][] = [];
    for (let at = 0; at < matches.length; at += SUGGESTIONS_PER_COMMAND)
      chunks.push(matches.slice(at, at + SUGGESTIONS_PER_COMMAND));
    const failures: unknown[] = [];
    const insertNext = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        await this.collection.insertMany(chunk, { ordered: false }).catch((error: unknown) => {
          failures.push(error);
        });
      }
    };
    await Promise.all(Array.from({ length: SUGGESTION_COMMANDS_AT_ONCE }, insertNext));
    if (failures.length > 0) throw failures[0];
    return matches;
  }

  /**
   * The need's author chooses the suggested helper: the match becomes `proposed` (asked now).
   *
   * @returns the match, or null when unknown, not `needPsid`'s, or no longer `suggested`.
   */
  async confirm(id: string | ObjectId, needPsid: string): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id || typeof needPsid !== 'string' || needPsid === '') return null;
    const now = this.clock();
    return await this.collection.findOneAndUpdate(
      { _id, needPsid, status: 'suggested' },
      { $set: { status: 'proposed', askedAt: now, updatedAt: now } },
      { returnDocument: 'after' },
    );
  }

  /** The need's author turns the suggestion down; null when not theirs or no longer `suggested`. */
  async skip(id: string | ObjectId, needPsid: string): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id || typeof needPsid !== 'string' || needPsid === '') return null;
    return await this.collection.findOneAndUpdate(
      { _id, needPsid, status: 'suggested' },
      { $set: { status: 'skipped', updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }

  /** Suggestions made at `before` or earlier and never answered become `lapsed`; how many. */
  async lapseBefore(before: Date): Promise<number> {
    const result = await this.collection.updateMany(
      { status: 'suggested', createdAt: { $lte: before } },
      { $set: { status: 'lapsed', updatedAt: this.clock() } },
    );
    return result.modifiedCount;
  }

  /** The latest helper suggested to `needPsid` and not answered yet (what a typed "oui" answers). */
  async latestTo(needPsid: string): Promise<StoredMatch | null> {
    if (typeof needPsid !== 'string' || needPsid === '') return null;
    return await this.collection.findOne(
      { needPsid, status: 'suggested' },
      { sort: { createdAt: -1, _id: -1 } },
    );
  }
}
