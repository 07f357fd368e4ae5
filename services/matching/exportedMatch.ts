/**
 * A match as shown to one of its two parties in a data export.
 */
import type { ObjectId } from 'mongodb';
import type { Match } from '../domain/types';
import { distanceBand } from './distanceBand';

/** One match from the exporting person's side: nothing identifies the other person or their entry. */
export interface ExportedMatch extends Pick<
  Match,
  'category' | 'status' | 'createdAt' | 'updatedAt' | 'acceptedAt'
> {
  matchId?: ObjectId;
  /** Whether the person asked (`need`) or offered (`offer`). */
  role: 'need' | 'offer';
  /** Their own entry in this match. */
  entryId: ObjectId;
  /** The upper bound of the band they were shown (500: « à moins de 500 m »). */
  distanceMeters: number;
}

/** `match` seen from `psid`'s side. */
export function toExportedMatch(match: Match, psid: string): ExportedMatch {
  const role = match.needPsid === psid ? 'need' : 'offer';
  const exported: ExportedMatch = {
    matchId: match._id,
    role,
    entryId: role === 'need' ? match.needId : match.offerId,
    category: match.category,
    distanceMeters: distanceBand(match.distanceMeters),
    status: match.status,
    createdAt: match.createdAt,
    updatedAt: match.updatedAt,
  };
  if (match.acceptedAt) exported.acceptedAt = match.acceptedAt;
  return exported;
}
