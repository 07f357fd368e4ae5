/**
 * The scheduled pass over every open need (the `reexamine-needs` job): unanswered
 * suggestions lapse, the pass is planned in batches (`planReexamination`), then the planned
 * suggestions are stored and their authors told.
 */
import type { StoredEntry } from '../entries';
import { reached } from '../messaging/notifier';
import type { HelperSearch } from './helperSearch';
import type { MatchingPorts } from './ports';
import { planReexamination } from './reexamination';
import type { Suggestions } from './suggestions';

/** Hours a suggestion waits for its author's choice before the need can be suggested another helper. */
export const DEFAULT_SUGGESTION_LAPSE_HOURS = 48;

const HOUR_MS = 3_600_000;

/** Figures of a `reexamine-needs` run. */
export interface ReexaminationSummary {
  openNeeds: number;
  underWay: number;
  groups: number;
  suggested: number;
  authorsTold: number;
  nobody: number;
  lapsed: number;
  [figure: string]: number;
}

/** The ports {@link NeedReexamination} calls. */
export type NeedReexaminationPorts = Pick<MatchingPorts, 'matches' | 'needs' | 'settings'>;

/** The re-examination of open needs. */
export class NeedReexamination {
  constructor(
    private readonly ports: NeedReexaminationPorts,
    private readonly search: HelperSearch,
    private readonly suggestions: Suggestions,
  ) {}

  /**
   * The scheduled pass over every open need (see `planReexamination`): unanswered
   * suggestions lapse, then each open need with nothing under way is suggested its best
   * helper not suggested before, within the helpers' daily limit.
   */
  async reexamineOpenNeeds(now: Date): Promise<ReexaminationSummary> {
    const { matches, needs } = this.ports;
    const lapseHours = this.ports.settings?.suggestionLapseHours ?? DEFAULT_SUGGESTION_LAPSE_HOURS;
    const lapsed = await matches.lapseSuggestionsBefore(new Date(now.getTime() - lapseHours * HOUR_MS));
    const plan = await planReexamination(
      {
        openNeeds: (at) => needs.openNeeds(at),
        offersWithin: (category, centre, radius, at) => needs.offersWithin(category, centre, radius, at),
        allNeedsUnderWay: () => matches.allNeedsUnderWay(),
        pairsOf: (ids) => matches.pairsOf(ids),
        helperLoadSince: (since) => matches.helperLoadSince(since),
      },
      now,
      this.search.rankSettings(),
    );
    const stored = await matches.suggestMany(
      plan.suggestions.map(({ need, offer, distanceMeters }) => ({
        need: need as StoredEntry,
        offer: offer as StoredEntry,
        distanceMeters,
      })),
    );
    let authorsTold = 0;
    for (const [index, match] of stored.entries()) {
      const told = await this.suggestions.tell(match, plan.suggestions[index].offer, 'found');
      if (reached(told)) authorsTold += 1;
    }
    return {
      openNeeds: plan.openNeeds,
      underWay: plan.underWay,
      groups: plan.groups,
      suggested: stored.length,
      authorsTold,
      nobody: plan.nobody,
      lapsed,
    };
  }
}
