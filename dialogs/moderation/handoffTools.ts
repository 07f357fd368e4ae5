/**
 * Conversations handed to the referents, from Messenger: the list, one of them with its
 * summary and last lines, "je m'en occupe" and "terminé" (the bot takes the thread back and
 * tells the resident). The hand-over service checks the moderator and audits.
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import { reasonLabel, type StoredHandoff } from '../../services/moderation';
import type { ResidentNotifier } from '../../services/messaging/notifier';
import type { ModerationPort } from '../ports';
import { choice, frenchDate, withChoices, withMenu } from '../replies';
import { backToMenu } from './moderatorMenu';
import { ModPayload, ModPrefix } from '../payload';
import { MAX_LISTED } from './reviewTools';

const EXCERPT_LENGTH = 80;

/** What the hand-over tools call. */
export interface HandoffToolsDeps {
  moderation: Pick<ModerationPort, 'handover'>;
  notifier: ResidentNotifier;
}
const LAST_LINES = 3;

/** Open and taken hand-overs, one line and one quick reply each. */
export async function handoffList(
  deps: Pick<HandoffToolsDeps, 'moderation'>,
  psid: string,
): Promise<Partial<Activity>> {
  const handoffs = await deps.moderation.handover.openHandoffs(psid);
  if (handoffs.length === 0) return backToMenu(t('moderatorMenu.handoffs.none'));
  const shown = handoffs.slice(0, MAX_LISTED);
  const lines = shown.map((handoff, index) =>
    t('moderatorMenu.handoffs.line', {
      index: index + 1,
      ...describe(handoff, psid),
      summary: cut(handoff.summary),
    }),
  );
  const header = t('moderatorMenu.handoffs.intro', { shown: shown.length, total: handoffs.length });
  return backToMenu(
    [header, ...lines].join('\n'),
    shown.map((handoff, index) =>
      choice(
        t('moderatorMenu.handoffs.pick', { index: index + 1 }),
        `${ModPrefix.handoff}${handoff._id.toHexString()}`,
      ),
    ),
  );
}

/** One hand-over: reason, neighbourhood, state, summary and its last lines. */
export async function handoffView(
  deps: Pick<HandoffToolsDeps, 'moderation'>,
  psid: string,
  id: string,
): Promise<Partial<Activity>> {
  const handoff = (await deps.moderation.handover.openHandoffs(psid)).find(
    (candidate) => candidate._id.toHexString() === id,
  );
  if (!handoff) return backToMenu(t('moderatorMenu.handoffs.gone'));
  const last = handoff.transcript.slice(-LAST_LINES).map((line) =>
    t(
      line.from === 'resident'
        ? 'moderatorMenu.handoffs.fromResident'
        : 'moderatorMenu.handoffs.fromModerator',
      {
        text: cut(line.text),
      },
    ),
  );
  const text = [
    t('moderatorMenu.handoffs.detail', { ...describe(handoff, psid), summary: handoff.summary }),
    ...last,
  ].join('\n');
  const actions = [
    ...(handoff.status === 'open'
      ? [choice(t('moderatorMenu.handoffs.take'), `${ModPrefix.take}${id}`)]
      : []),
    choice(t('moderatorMenu.handoffs.close'), `${ModPrefix.close}${id}`),
    choice(t('moderatorMenu.handoffs.backToList'), ModPayload.handoffs),
  ];
  return withChoices(Array.from(text).slice(0, 2000).join(''), actions);
}

/** The referent takes the hand-over: they answer in the page inbox. */
export async function take(
  deps: Pick<HandoffToolsDeps, 'moderation'>,
  psid: string,
  id: string,
): Promise<Partial<Activity>> {
  await deps.moderation.handover.takeHandoff(psid, id);
  return backToMenu(t('moderatorMenu.handoffs.taken'), [
    choice(t('moderatorMenu.handoffs.close'), `${ModPrefix.close}${id}`),
  ]);
}

/** The referent marks it done: the bot has the thread back and tells the resident, with the menu. */
export async function close(deps: HandoffToolsDeps, psid: string, id: string): Promise<Partial<Activity>> {
  const closed = await deps.moderation.handover.closeHandoff(psid, id);
  const told = await deps.notifier.notify(closed.psid, withMenu(t('moderation.resident.back')));
  const key = told === 'sent' ? 'moderatorMenu.handoffs.closed' : 'moderatorMenu.handoffs.closedNotTold';
  return backToMenu(t(key), [choice(t('moderatorMenu.handoffs.next'), ModPayload.handoffs)]);
}

function describe(
  handoff: StoredHandoff,
  psid: string,
): { reason: string; quartier: string; state: string; since: string } {
  const state =
    handoff.status === 'open'
      ? t('moderatorMenu.handoffs.stateOpen')
      : handoff.takenBy === psid
        ? t('moderatorMenu.handoffs.stateMine')
        : t('moderatorMenu.handoffs.stateTaken');
  return {
    reason: reasonLabel(handoff.reason),
    quartier: handoff.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
    state,
    since: frenchDate(handoff.createdAt),
  };
}

function cut(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' '));
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH - 1).join('')}…` : text;
}
