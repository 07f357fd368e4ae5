/**
 * The `match-timeouts` job: a helper who never answers a request must not leave the
 * resident waiting. A match still `proposed` after the delay expires, then the need moves
 * on as after a decline: the next nearest offer, or the moderators.
 *
 * @remarks
 * The delay counts wall-clock time, nights included. The silent helper is sent nothing
 * more; a late answer on the expired match gets `match.stale`, like any settled match.
 */
import type { Job, JobSummary } from '../../services/jobs';
import { redactId } from '../../services/logger';
import type { MatchRepository } from '../../services/matching/matchRepository';
import type { UndeliveredQueue } from '../../services/moderation';
import { moveToNextHelper, type MoveOnDeps } from './askHelper';

/** Hours a helper has to answer before the request goes elsewhere. */
export const DEFAULT_MATCH_TIMEOUT_HOURS = 6;
/** Matches expired per run at most (the rest wait for the next run, 15 minutes later). */
export const DEFAULT_MATCH_TIMEOUTS_PER_RUN = 50;

/** What the job needs. */
export interface MatchTimeoutsDeps {
  /** The dialogs' collaborators: asking the next helper, telling the resident, handing over. */
  dialog: MoveOnDeps;
  matches: Pick<MatchRepository, 'expireProposedBefore'>;
  /** Where the resident's notices wait when their 24-hour window is closed. */
  undelivered: Pick<UndeliveredQueue, 'queueForModerators'>;
  /** Hours before an unanswered match expires; {@link DEFAULT_MATCH_TIMEOUT_HOURS} by default. */
  afterHours?: number;
  perRun?: number;
}

/**
 * Expires every match proposed at least `afterHours` before `now` and not answered, one at
 * a time (each claimed atomically, so two runs at once never act twice), and moves its need on.
 */
export async function expireUnansweredMatches(deps: MatchTimeoutsDeps, now: Date): Promise<JobSummary> {
  const hours = deps.afterHours ?? DEFAULT_MATCH_TIMEOUT_HOURS;
  const before = new Date(now.getTime() - hours * 3_600_000);
  const perRun = deps.perRun ?? DEFAULT_MATCH_TIMEOUTS_PER_RUN;
  const summary = {
    expired: 0,
    nextAsked: 0,
    nextUnreachable: 0,
    toModerators: 0,
    handedOver: 0,
    needSettled: 0,
    failed: 0,
  };
  while (summary.expired < perRun) {
    const [match] = await deps.matches.expireProposedBefore(before, 1);
    if (!match) break;
    summary.expired += 1;
    try {
      const outcome = await moveToNextHelper(deps.dialog, match, {
        cause: 'expired',
        undelivered: deps.undelivered,
      });
      if (outcome === 'next_asked') summary.nextAsked += 1;
      else if (outcome === 'next_unreachable') summary.nextUnreachable += 1;
      else if (outcome === 'to_moderators') summary.toModerators += 1;
      else if (outcome === 'handed_over') summary.handedOver += 1;
      else summary.needSettled += 1;
    } catch (error) {
      summary.failed += 1;
      deps.dialog.logger.error('expired match not moved on', {
        match: match._id.toHexString(),
        resident: redactId(match.needPsid),
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
  return summary;
}

/** The job, every 15 minutes (Europe/Paris). */
export function createMatchTimeoutsJob(deps: MatchTimeoutsDeps): Job {
  return {
    name: 'match-timeouts',
    description:
      'Expires requests a helper has not answered in time, then asks the next offer or the moderators',
    schedule: '*/15 * * * *',
    run: ({ now }) => expireUnansweredMatches(deps, now),
  };
}
