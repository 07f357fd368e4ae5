/**
 * Conversations handed to the referents, from Messenger: the list, one of them with its
 * summary and last lines, "je m'en occupe" and "terminé" (the bot takes the thread back and
 * tells the resident). The handover service checks the moderator and audits.
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import type { StoredHandover } from '../../services/moderation';
import type { ResidentNotifier } from '../../services/messaging/notifier';
import { reasonLabel } from '../notices/moderation';
import type { ModerationPort } from '../ports';
import { choice, frenchDate, withChoices, withMenu } from '../replies';
import { backToMenu } from './moderatorMenu';
import { ModPayload, ModPrefix } from '../payload';
import { MAX_LISTED } from './reviewTools';

const EXCERPT_LENGTH = 80;

/** What the handover tools call. */
export interface HandoverToolsDeps {
  moderation: Pick<ModerationPort, 'handover'>;
  notifier: ResidentNotifier;
}
const LAST_LINES = 3;

/** Open and taken handovers, one line and one quick reply each. */
export async function handoverList(
  deps: Pick<HandoverToolsDeps, 'moderation'>,
  psid: string,
): Promise<Partial<Activity>> {
  const handovers = await deps.moderation.handover.openHandovers(psid);
  if (handovers.length === 0) return backToMenu(t('moderatorMenu.handoffs.none'));
  const shown = handovers.slice(0, MAX_LISTED);
  const lines = shown.map((handover, index) =>
    t('moderatorMenu.handoffs.line', {
      index: index + 1,
      ...describe(handover, psid),
      summary: cut(handover.summary),
    }),
  );
  const header = t('moderatorMenu.handoffs.intro', { shown: shown.length, total: handovers.length });
  return backToMenu(
    [header, ...lines].join('\n'),
    shown.map((handover, index) =>
      choice(
        t('moderatorMenu.handoffs.pick', { index: index + 1 }),
        `${ModPrefix.handover}${handover._id.toHexString()}`,
      ),
    ),
  );
}

/** One handover: reason, neighbourhood, state, summary and its last lines. */
export async function handoverView(
  deps: Pick<HandoverToolsDeps, 'moderation'>,
  psid: string,
  id: string,
): Promise<Partial<Activity>> {
  const handover = (await deps.moderation.handover.openHandovers(psid)).find(
    (candidate) => candidate._id.toHexString() === id,
  );
  if (!handover) return backToMenu(t('moderatorMenu.handoffs.gone'));
  const last = handover.transcript.slice(-LAST_LINES).map((line) =>
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
    t('moderatorMenu.handoffs.detail', { ...describe(handover, psid), summary: handover.summary }),
    ...last,
  ].join('\n');
  const actions = [
    ...(handover.status === 'open'
      ? [choice(t('moderatorMenu.handoffs.take'), `${ModPrefix.take}${id}`)]
      : []),
    choice(t('moderatorMenu.handoffs.close'), `${ModPrefix.close}${id}`),
    choice(t('moderatorMenu.handoffs.backToList'), ModPayload.handovers),
  ];
  return withChoices(Array.from(text).slice(0, 2000).join(''), actions);
}

/** The referent takes the handover: they answer in the page inbox. */
export async function take(
  deps: Pick<HandoverToolsDeps, 'moderation'>,
  psid: string,
  id: string,
): Promise<Partial<Activity>> {
  await deps.moderation.handover.takeHandover(psid, id);
  return backToMenu(t('moderatorMenu.handoffs.taken'), [
    choice(t('moderatorMenu.handoffs.close'), `${ModPrefix.close}${id}`),
  ]);
}

/** The referent marks it done: the bot has the thread back and tells the resident, with the menu. */
export async function close(deps: HandoverToolsDeps, psid: string, id: string): Promise<Partial<Activity>> {
  const { told } = await closeHandover(deps, psid, id);
  const key = told ? 'moderatorMenu.handoffs.closed' : 'moderatorMenu.handoffs.closedNotTold';
  return backToMenu(t(key), [choice(t('moderatorMenu.handoffs.next'), ModPayload.handovers)]);
}

/**
 * Closing itself, for Messenger and the console alike: the bot takes the thread back (audited)
 * and tells the resident it is back, with the menu; `told` is false when they could not be told.
 *
 * @throws ModerationError
 */
export async function closeHandover(
  deps: HandoverToolsDeps,
  psid: string,
  id: string,
): Promise<{ closed: StoredHandover; told: boolean }> {
  const closed = await deps.moderation.handover.closeHandover(psid, id);
  const told = await deps.notifier.notify(closed.psid, withMenu(t('moderation.resident.back')));
  return { closed, told: told === 'sent' };
}

function describe(
  handover: StoredHandover,
  psid: string,
): { reason: string; quartier: string; state: string; since: string } {
  const state =
    handover.status === 'open'
      ? t('moderatorMenu.handoffs.stateOpen')
      : handover.takenBy === psid
        ? t('moderatorMenu.handoffs.stateMine')
        : t('moderatorMenu.handoffs.stateTaken');
  return {
    reason: reasonLabel(handover.reason),
    quartier: handover.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
    state,
    since: frenchDate(handover.createdAt),
  };
}

function cut(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' '));
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH - 1).join('')}…` : text;
}
