/**
 * Reviewing new offers and needs from Messenger: the list waiting in the referent's
 * neighbourhoods (never an address), one entry, publish it or refuse it with a reason.
 * The qualification service checks the moderator, audits and tells the resident.
 */
import type { Activity } from 'botbuilder';
import type { MatchingPort, ModerationPort, StoredEntry } from '../ports';
import { t } from '../../services/i18n';
import { REJECTION_REASONS, type QualificationResult } from '../../services/moderation';
import { categoryName, choice, withChoices } from '../replies';
import { backToMenu } from './moderatorMenu';
import { ModPayload, ModPrefix } from '../payload';
import { rejectPayload } from './modPayload';

/** What reviewing entries calls. */
export interface ReviewToolsDeps {
  moderation: Pick<ModerationPort, 'qualification'>;
  /** Published: an offer is suggested to the open needs near it, a need its best helper. */
  matching: Pick<MatchingPort, 'entryPublished'>;
}

/** Entries listed at once (one quick reply each, plus the menu). */
export const MAX_LISTED = 12;
const EXCERPT_LENGTH = 80;

/** The pending entries, one line and one quick reply each. */
export async function pendingList(deps: ReviewToolsDeps, psid: string): Promise<Partial<Activity>> {
  const pending = await deps.moderation.qualification.listPendingEntries(psid);
  if (pending.length === 0) return backToMenu(t('moderatorMenu.review.none'));
  const shown = pending.slice(0, MAX_LISTED);
  const lines = shown.map((entry, index) =>
    t('moderatorMenu.review.line', { index: index + 1, ...describe(entry, EXCERPT_LENGTH) }),
  );
  const header = t('moderatorMenu.review.intro', { shown: shown.length, total: pending.length });
  return backToMenu(
    [header, ...lines].join('\n'),
    shown.map((entry, index) =>
      choice(
        t('moderatorMenu.review.pick', { index: index + 1 }),
        `${ModPrefix.entry}${entry._id.toHexString()}`,
      ),
    ),
  );
}

/** One pending entry in full (but its address), with publish / refuse. */
export async function entryView(
  deps: ReviewToolsDeps,
  psid: string,
  entryId: string,
): Promise<Partial<Activity>> {
  const pending = await deps.moderation.qualification.listPendingEntries(psid);
  const entry = pending.find((candidate) => candidate._id.toHexString() === entryId);
  if (!entry) return backToMenu(t('moderatorMenu.review.gone'));
  const text = t('moderatorMenu.review.detail', {
    ...describe(entry, 500),
    availability: entry.availability,
    flags: entry.flags.includes('money') ? t('moderatorMenu.review.moneyFlag') : '',
    registered: entry.registeredBy ? t('moderatorMenu.review.registeredFlag') : '',
  });
  return withChoices(text, [
    choice(t('moderatorMenu.review.approve'), `${ModPrefix.approve}${entryId}`),
    choice(t('moderatorMenu.review.refuse'), `${ModPrefix.refuse}${entryId}`),
    choice(t('moderatorMenu.review.backToList'), ModPayload.pending),
  ]);
}

/** The reasons to refuse an entry. */
export function refuseReasons(entryId: string): Partial<Activity> {
  return withChoices(
    t('moderatorMenu.review.reasonQuestion'),
    REJECTION_REASONS.map((reason) =>
      choice(t(`moderatorMenu.review.reason.${reason}`), rejectPayload(reason, entryId)),
    ),
  );
}

/** Publishes the entry; the resident is told (or the notice waits for a referent). */
export async function approve(
  deps: ReviewToolsDeps,
  psid: string,
  entryId: string,
): Promise<Partial<Activity>> {
  const { residentNotified } = await publishEntry(deps, psid, entryId);
  return afterDecision(t('moderatorMenu.review.approved'), residentNotified);
}

/**
 * The approval itself, for Messenger and the console alike: the entry is published (audited,
 * the resident told) and matched at once.
 *
 * @throws ModerationError
 */
export async function publishEntry(
  deps: ReviewToolsDeps,
  psid: string,
  entryId: string,
): Promise<QualificationResult> {
  const result = await deps.moderation.qualification.approveEntry(psid, entryId);
  await deps.matching.entryPublished(entryId);
  return result;
}

/** Refuses the entry with `reason`; the resident is told why. */
export async function reject(
  deps: ReviewToolsDeps,
  psid: string,
  entryId: string,
  reason: (typeof REJECTION_REASONS)[number],
): Promise<Partial<Activity>> {
  const { residentNotified } = await deps.moderation.qualification.rejectEntry(psid, entryId, reason);
  const label = t(`moderatorMenu.review.reason.${reason}`);
  return afterDecision(t('moderatorMenu.review.rejected', { reason: label }), residentNotified);
}

function afterDecision(done: string, residentNotified: boolean): Partial<Activity> {
  const told = t(
    residentNotified ? 'moderatorMenu.review.residentTold' : 'moderatorMenu.review.residentQueued',
  );
  return backToMenu(`${done} ${told}`, [choice(t('moderatorMenu.review.next'), ModPayload.pending)]);
}

/** What a referent reads of an entry: never its address. */
function describe(
  entry: StoredEntry,
  length: number,
): { kind: string; category: string; quartier: string; description: string } {
  const description = Array.from(entry.description);
  return {
    kind: t(entry.kind === 'offer' ? 'form.kindOffer' : 'form.kindNeed'),
    category: categoryName(entry.category),
    quartier: entry.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
    description:
      description.length > length ? `${description.slice(0, length - 1).join('')}…` : entry.description,
  };
}
