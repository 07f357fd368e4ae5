/**
 * An entry just published (approved by a referent), resumed or renewed: an offer is put
 * forward to the open needs around it, a need is suggested its best helper.
 */
import type { ObjectId } from 'mongodb';
import type { HelperSearch } from './helperSearch';
import type { MatchingPorts } from './ports';
import { rankScore } from './ranking';
import type { Suggestions } from './suggestions';

/** The ports {@link PublishedEntries} calls. */
export type PublishedEntryPorts = Pick<MatchingPorts, 'entries' | 'needs' | 'matches' | 'clock'>;

/** Matching an entry as soon as it is published. */
export class PublishedEntries {
  constructor(
    private readonly ports: PublishedEntryPorts,
    private readonly search: HelperSearch,
    private readonly suggestions: Suggestions,
  ) {}

  /**
   * An entry was published (approved by a referent), resumed or renewed: an offer is
   * suggested to the authors of the open needs of its category within reach (as many as
   * its helper may still be put forward today, urgent needs first, then best ranked); a need
   * is suggested its best helper, unless a match is under way.
   *
   * @returns how many authors were suggested a helper.
   */
  async entryPublished(entryId: string | ObjectId): Promise<number> {
    const entry = await this.ports.entries.get(entryId);
    if (!entry || entry.status !== 'published' || entry.paused === true) return 0;
    if (entry.expiresAt <= this.ports.clock()) return 0;
    if (entry.kind === 'need') return (await this.suggestions.suggestNext(entry._id, 'found', false)) ? 1 : 0;
    const nearby = await this.ports.needs.findNeedsNear(entry, {
      maxDistanceMeters: this.search.maxDistance(),
    });
    if (nearby.length === 0) return 0;
    const needIds = nearby.map(({ need }) => need._id);
    const [underWay, pairs, load] = await Promise.all([
      this.ports.matches.needsUnderWay(needIds),
      this.ports.matches.pairsOf(needIds),
      this.search.loadToday([entry.psid]),
    ]);
    const settings = this.search.rankSettings();
    let room = settings.helperAsksPerDay - (load.get(entry.psid) ?? 0);
    const offerHex = entry._id.toHexString();
    const candidates = nearby
      .filter(({ need }) => {
        const needHex = need._id.toHexString();
        return !underWay.has(needHex) && !pairs.has(`${needHex}:${offerHex}`);
      })
      .map((found) => ({
        ...found,
        score:
          rankScore(
            found.need.availability,
            { ...found, availability: entry.availability, askedToday: 0 },
            settings,
          ) ?? 0,
      }))
      .sort(
        (a, b) => Number(b.need.urgency === 'high') - Number(a.need.urgency === 'high') || a.score - b.score,
      );
    let suggested = 0;
    for (const { need, distanceMeters } of candidates) {
      if (room <= 0) break;
      await this.suggestions.suggestHelper(need, { offer: entry, distanceMeters }, 'found');
      suggested += 1;
      room -= 1;
    }
    return suggested;
  }
}
