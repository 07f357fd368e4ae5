/**
 * Who hears of a new handover: the referents of its neighbourhood, or, for a sensitive one,
 * its brief to the referents who follow the neighbourhood and the admins only, the others
 * told just that a sensitive conversation waits.
 */
import type { BroadcastResult, ModeratorBroadcast } from './broadcast';
import type { StoredHandover } from './handoverRepository';
import type { ModeratorRepository } from './moderatorRepository';
import { handoverBrief, type ModerationNotice } from './notices';

/** Tells the moderators who should hear of `handover`, just opened; how many were sent the notice. */
export async function announceHandover(
  moderators: Pick<ModeratorRepository, 'forNeighbourhood' | 'trustedFor' | 'list'>,
  broadcast: ModeratorBroadcast,
  handover: StoredHandover,
  now: Date,
): Promise<BroadcastResult> {
  const notice: ModerationNotice = { type: 'moderation.handoverOpened', ...handoverBrief(handover) };
  if (!handover.sensitive) {
    return broadcast.send(await moderators.forNeighbourhood(handover.neighbourhood), notice, now);
  }
  const trusted = await moderators.trustedFor(handover.neighbourhood);
  const trustedIds = new Set(trusted.map((moderator) => moderator.psid));
  const others = (await moderators.list()).filter(
    (moderator) => moderator.active && !trustedIds.has(moderator.psid),
  );
  const brief = await broadcast.send(trusted, notice, now);
  const waiting = await broadcast.send(
    others,
    {
      type: 'moderation.sensitiveWaiting',
      ...(handover.neighbourhood ? { neighbourhood: handover.neighbourhood } : {}),
    },
    now,
  );
  return {
    sent: brief.sent + waiting.sent,
    skipped: brief.skipped + waiting.skipped,
    failed: brief.failed + waiting.failed,
  };
}
