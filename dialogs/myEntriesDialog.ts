/**
 * "Mes annonces": the questions still waiting for the resident's answer (a neighbour's
 * request, "did the help happen?", an entry to renew), then their entries (category, status
 * in French, date; for an open need, where it stands: "je cherche encore", "un voisin a
 * accepté", "un référent s'en occupe"; for a recurring offer, how many neighbours it helped)
 * to pause, resume, renew or withdraw one, make a one-off offer regular, or publish again a
 * one-off offer used up by its match. The repository only acts on the resident's own
 * entries; an entry resumed, renewed or made regular is matched again at once.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from './botbuilderDialogs';
import { t } from '../services/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { expectPayloads } from './expectedPayloads';
import { handleJobAnswer, isJobAnswer, type JobAnswerDeps } from './jobAnswers/jobAnswer';
import { handleUsedUpOfferAnswer, isUsedUpOfferAnswer } from './entry/usedUpOffer';
import { handleHelperAnswer, isHelperAnswer, type HelperAnswerDeps } from './matching/helperAnswer';
import type { EntriesPort, MatchingPort, StoredEntry } from './ports';
import type { NeedState } from '../services/matching';
import { DialogId } from './ids';
import { suggestionChoices } from './notices/matching';
import { PayloadPrefix, idAfter, readPayload } from './payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from './prompts';
import { MAX_QUICK_REPLIES, categoryName, choice, frenchDate, withMenu } from './replies';

const WATERFALL = 'myEntriesWaterfall';

/** Owner actions, by payload prefix. */
const ACTIONS = [
  { prefix: PayloadPrefix.entryPause, title: 'myEntries.pause', done: 'myEntries.donePause', run: 'pause' },
  {
    prefix: PayloadPrefix.entryResume,
    title: 'myEntries.resume',
    done: 'myEntries.doneResume',
    run: 'resume',
  },
  { prefix: PayloadPrefix.entryRenew, title: 'myEntries.renew', done: 'myEntries.doneRenew', run: 'renew' },
  {
    prefix: PayloadPrefix.entryWithdraw,
    title: 'myEntries.withdraw',
    done: 'myEntries.doneWithdraw',
    run: 'withdraw',
  },
] as const;

/** What the waterfall remembers. */
interface MyEntriesValues {
  entryIds?: string[];
  actionPayloads?: string[];
}

/** What "Mes annonces" calls of the entries. */
export type MyEntriesPort = Pick<
  EntriesPort,
  | 'listByResident'
  | 'get'
  | 'pause'
  | 'resume'
  | 'renew'
  | 'withdraw'
  | 'close'
  | 'awaitingRenewal'
  | 'republish'
  | 'makeRegular'
>;

/** What "Mes annonces" calls: the entries, and the questions waiting for an answer. */
export interface MyEntriesDeps extends HelperAnswerDeps, JobAnswerDeps {
  entries: MyEntriesPort;
  matching: HelperAnswerDeps['matching'] &
    JobAnswerDeps['matching'] &
    Pick<MatchingPort, 'pendingFollowUpFor' | 'needStates' | 'entryPublished'>;
}

/** Options of "Mes annonces". */
export interface MyEntriesOptions {
  /** Start at this entry's actions (its button tapped after the list was closed). */
  entryId?: string;
}

/** Lists and manages the resident's entries. */
export class MyEntriesDialog extends CancelAndHelpDialog {
  private readonly entries: MyEntriesPort;

  constructor(private readonly deps: MyEntriesDeps) {
    super(DialogId.myEntries);
    this.entries = deps.entries;
    this.addDialog(choicePrompt()).addDialog(
      new WaterfallDialog(WATERFALL, [
        this.listStep.bind(this),
        this.actionsStep.bind(this),
        this.actStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Lists the questions waiting and the entries, and asks which one to answer or manage. */
  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const psid = step.context.activity.from.id;
    const values = step.values as MyEntriesValues;
    const start = (step.options as MyEntriesOptions | undefined)?.entryId;
    if (start) {
      values.entryIds = [start];
      return step.next();
    }
    const [entries, waiting] = await Promise.all([this.entries.listByResident(psid), this.waiting(psid)]);
    if (entries.length === 0 && waiting.choices.length === 0) {
      await step.context.sendActivity(withMenu(t('myEntries.none')));
      return step.endDialog();
    }
    const shown = entries.slice(0, MAX_QUICK_REPLIES - 1 - waiting.choices.length);
    values.entryIds = shown.map((entry) => entry._id.toHexString());
    const states = await this.deps.matching.needStates(shown);
    const lines = shown.map((entry, index) => entryLine(entry, index, states.get(entry._id.toHexString())));
    const choices = [...waiting.choices, ...entryChoices(shown)];
    // The waiting questions' buttons are global answers: this question takes them.
    expectPayloads(
      step,
      choices.map((action) => String(action.value)),
    );
    const text = [
      ...waiting.lines,
      ...(shown.length > 0
        ? [t('myEntries.intro'), ...lines, t('myEntries.choose')]
        : [t('myEntries.pendingOnly')]),
    ].join('\n');
    return step.prompt(PromptId.choice, choiceOptions(text, choices, t('myEntries.retry')));
  }

  /** Answers a waiting question, or offers what can be done with the chosen entry. */
  private async actionsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MyEntriesValues;
    const payload = readPayload(step.context.activity);
    if (isHelperAnswer(payload)) {
      await handleHelperAnswer(step.context, this.deps, payload ?? '', true);
      return step.endDialog();
    }
    if (isJobAnswer(payload)) {
      await handleJobAnswer(step.context, this.deps, payload ?? '', true);
      return step.endDialog();
    }
    const id = idAfter(payload, PayloadPrefix.entry);
    const found = id && values.entryIds?.includes(id) ? await this.entries.get(id) : null;
    const entry = found?.psid === step.context.activity.from.id ? found : null;
    const choices = entry ? actionChoices(entry) : [];
    if (!entry || choices.length === 0) {
      await step.context.sendActivity(withMenu(t('myEntries.failed')));
      return step.endDialog();
    }
    values.actionPayloads = choices.map((action) => String(action.value));
    // "Prolonger" sends the same payload as the expiry job's button: this question takes it.
    expectPayloads(step, values.actionPayloads);
    const text = t('myEntries.actions', { category: categoryName(entry.category) });
    return step.prompt(PromptId.choice, choiceOptions(text, choices, t('myEntries.retry')));
  }

  /** The questions waiting for `psid`'s answer: a request, a follow-up, the latest renewal. */
  private async waiting(psid: string): Promise<{ lines: string[]; choices: CardAction[] }> {
    const [suggestion, request, followUp, renewals] = await Promise.all([
      this.deps.matching.pendingSuggestionFor(psid),
      this.deps.matching.pendingRequestFor(psid),
      this.deps.matching.pendingFollowUpFor(psid),
      this.entries.awaitingRenewal(psid),
    ]);
    const lines: string[] = [];
    const choices: CardAction[] = [];
    if (suggestion) {
      lines.push(t('myEntries.pendingSuggestion'));
      choices.push(...suggestionChoices(suggestion));
    }
    if (request) {
      lines.push(t('myEntries.pendingRequest'));
      choices.push(
        choice(t('myEntries.acceptTitle'), `${PayloadPrefix.matchAccept}${request}`),
        choice(t('myEntries.declineTitle'), `${PayloadPrefix.matchDecline}${request}`),
      );
    }
    if (followUp) {
      lines.push(t('myEntries.pendingFollowUp', { category: categoryName(followUp.category) }));
      choices.push(
        choice(t('myEntries.followUpYesTitle'), `${PayloadPrefix.followUpYes}${followUp.matchId}`),
        choice(t('myEntries.followUpNoTitle'), `${PayloadPrefix.followUpNo}${followUp.matchId}`),
      );
    }
    const [renewal] = renewals;
    if (renewal) {
      const id = renewal._id.toHexString();
      lines.push(t('myEntries.pendingRenewal', { category: categoryName(renewal.category) }));
      choices.push(
        choice(t('myEntries.renewTitle'), `${PayloadPrefix.entryRenew}${id}`),
        choice(t('myEntries.closeTitle'), `${PayloadPrefix.entryClose}${id}`),
      );
    }
    return { lines: lines.length > 0 ? [t('myEntries.pendingIntro'), ...lines] : [], choices };
  }

  /** Runs the chosen action, guarded by the owner's psid. */
  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MyEntriesValues;
    const offered = (values.actionPayloads ?? []).map((value) => choice(value, value));
    const payload = chosen(step.result, offered);
    if (isUsedUpOfferAnswer(payload)) {
      await handleUsedUpOfferAnswer(step.context, this.deps, payload ?? '', true);
      return step.endDialog();
    }
    const action = ACTIONS.find((candidate) => idAfter(payload, candidate.prefix) !== undefined);
    const id = action ? idAfter(payload, action.prefix) : undefined;
    const psid = step.context.activity.from.id;
    const done = action && id ? await this.entries[action.run](id, psid) : false;
    await step.context.sendActivity(withMenu(t(done && action ? action.done : 'myEntries.failed')));
    if (done && id && (action?.run === 'resume' || action?.run === 'renew')) {
      await this.deps.matching.entryPublished(id);
    }
    return step.endDialog();
  }
}

/** One entry as its owner reads it; `state`: where a need stands. */
function entryLine(entry: StoredEntry, index: number, state: NeedState | undefined): string {
  const open = entry.status === 'pending_review' || entry.status === 'published';
  const extras: string[] = [];
  if (entry.kind === 'need' && open && state) extras.push(t(`myEntries.needState.${state}`));
  if (entry.kind === 'offer' && entry.recurring) {
    extras.push(t('myEntries.recurring', { count: entry.helpedCount ?? 0 }));
  }
  const line = t('myEntries.line', {
    index: index + 1,
    kind: t(entry.kind === 'offer' ? 'form.kindOffer' : 'form.kindNeed'),
    category: categoryName(entry.category),
    status: t(`status.${entry.status}`),
    paused: entry.paused ? t('myEntries.paused') : '',
    date: frenchDate(entry.createdAt),
  });
  return extras.length > 0 ? `${line} · ${extras.join(' · ')}` : line;
}

/** One quick reply per entry. */
function entryChoices(entries: StoredEntry[]): CardAction[] {
  return entries.map((entry, index) =>
    choice(
      t('myEntries.entryTitle', { index: index + 1, category: categoryName(entry.category) }),
      `${PayloadPrefix.entry}${entry._id.toHexString()}`,
    ),
  );
}

/** The actions that make sense for `entry`. */
function actionChoices(entry: StoredEntry): CardAction[] {
  const id = entry._id.toHexString();
  const active = entry.status === 'pending_review' || entry.status === 'published';
  const wanted = ACTIONS.filter(({ run }) => {
    if (run === 'withdraw') return entry.status !== 'withdrawn';
    if (!active) return false;
    return run === 'pause' ? !entry.paused : run === 'resume' ? entry.paused === true : true;
  });
  const offerChoices: CardAction[] = [];
  if (entry.kind === 'offer' && entry.recurring !== true) {
    const usedUp = entry.status === 'matched' && entry.republishedAt === undefined;
    // A one-off offer used up by its match: publish it again, or make it regular.
    if (usedUp) offerChoices.push(choice(t('offerUsedUp.republish'), `${PayloadPrefix.entryRepublish}${id}`));
    if (usedUp || active)
      offerChoices.push(choice(t('offerUsedUp.regular'), `${PayloadPrefix.entryRegular}${id}`));
  }
  return [...offerChoices, ...wanted.map(({ prefix, title }) => choice(t(title), `${prefix}${id}`))];
}
