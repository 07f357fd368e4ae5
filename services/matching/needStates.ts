/**
 * Where a need stands: still looking for help ({@link isOpenNeed}), and what its author is
 * told of it in "Mes annonces" ({@link needStatesOf}).
 */
import type { StoredEntry } from '../entries';
import type { MatchRepository } from './matchRepository';

/** What a need's author is told of where their need stands. */
export type NeedState =
  /** Nobody yet: the need stays open and is re-examined. */
  | 'searching'
  /** A helper was suggested to the author, who has not chosen yet. */
  | 'suggested'
  /** The author chose a helper, who has not answered yet. */
  | 'asked'
  /** A helper accepted. */
  | 'accepted'
  /** A referent takes it (nobody left, or a helper who cannot be written to). */
  | 'referent';

/** True for a need still looking for help. */
export function isOpenNeed(need: StoredEntry): boolean {
  return need.status === 'published' || need.status === 'pending_review';
}

/** Where each of `needs` stands, by need id, from its latest match (offers are left out). */
export async function needStatesOf(
  matches: Pick<MatchRepository, 'latestByNeed'>,
  needs: readonly StoredEntry[],
): Promise<Map<string, NeedState>> {
  const open = needs.filter((entry) => entry.kind === 'need');
  const latest = await matches.latestByNeed(open.map((need) => need._id));
  const states = new Map<string, NeedState>();
  for (const need of open) {
    const id = need._id.toHexString();
    const status = latest.get(id)?.status;
    states.set(
      id,
      need.status === 'matched' || status === 'accepted'
        ? 'accepted'
        : status === 'proposed'
          ? 'asked'
          : status === 'suggested'
            ? 'suggested'
            : status === 'to_moderators'
              ? 'referent'
              : 'searching',
    );
  }
  return states;
}
