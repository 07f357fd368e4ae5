/**
 * A new match's document, checked: a stored need and offer of one category, a distance that
 * is a number of metres, both residents' psids.
 */
import type { Entry, Match, MatchStatus } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { requirePsid, toObjectId } from '../validation';

/**
 * The match of `need` and `offer`, `distanceMeters` apart, in `status`, created at `now`
 * (asked at `now` too when `proposed`).
 *
 * @throws CodedError `payload_invalid` when the entries are not a stored need and offer of
 * the same category, or the distance is not a finite number of metres.
 */
export function validNewMatch(
  need: Entry,
  offer: Entry,
  distanceMeters: number,
  status: MatchStatus,
  now: Date,
): Match {
  const needId = toObjectId(need._id);
  const offerId = toObjectId(offer._id);
  if (
    !needId ||
    !offerId ||
    need.kind !== 'need' ||
    offer.kind !== 'offer' ||
    need.category !== offer.category
  ) {
    throw new CodedError(ErrorCode.PayloadInvalid, 'a match needs a stored need and offer of one category');
  }
  if (!Number.isFinite(distanceMeters) || distanceMeters < 0) {
    throw new CodedError(ErrorCode.PayloadInvalid, 'distanceMeters is invalid');
  }
  return {
    needId,
    offerId,
    needPsid: requirePsid(need.psid),
    offerPsid: requirePsid(offer.psid),
    category: need.category,
    distanceMeters: Math.round(distanceMeters),
    status,
    createdAt: now,
    updatedAt: now,
    ...(status === 'proposed' ? { askedAt: now } : {}),
  };
}
