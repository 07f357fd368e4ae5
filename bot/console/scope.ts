/**
 * Which neighbourhoods a signed-in person sees: admins and referents following every
 * neighbourhood see everything; a referent sees their neighbourhoods, what has no
 * neighbourhood, and what belongs to a neighbourhood nobody follows (so that nothing is
 * forgotten), the rule of the entries' review in Messenger.
 */
import { neighbourhoodKey, type ModeratorRepository } from '../../services/moderation';
import type { Staff } from './contract';

/** True when the person may see what belongs to `neighbourhood`. */
export type InScope = (neighbourhood: string | undefined) => boolean;

/** The scope of `staff`, given the moderators (to know which neighbourhoods are followed). */
export async function scopeOf(staff: Staff, moderators: Pick<ModeratorRepository, 'list'>): Promise<InScope> {
  if (staff.role === 'admin' || staff.quartierKeys.length === 0) return () => true;
  const mine = new Set(staff.quartierKeys);
  const followed = new Set(
    (await moderators.list())
      .filter((moderator) => moderator.active)
      .flatMap((moderator) => moderator.quartierKeys),
  );
  return (neighbourhood) => {
    const key = neighbourhood ? neighbourhoodKey(neighbourhood) : '';
    return key === '' || mine.has(key) || !followed.has(key);
  };
}

/**
 * True when the person may open the page of a resident known in `neighbourhoods` (their
 * entries', tasks' and hand-overs'): one of them in their own neighbourhoods, or none known
 * but the unfollowed or unknown ones.
 */
export function mayOpenResident(staff: Staff, inScope: InScope, neighbourhoods: readonly string[]): boolean {
  if (staff.role === 'admin' || staff.quartierKeys.length === 0) return true;
  const keys = neighbourhoods.map(neighbourhoodKey).filter((key) => key !== '');
  if (keys.length === 0) return true;
  return keys.some((key) => staff.quartierKeys.includes(key)) || keys.every((key) => inScope(key));
}
