/**
 * "Mes annonces": the resident's entries (category, status in French, date; for an open
 * need, where it stands: "je cherche encore", "un voisin a accepté", "un référent s'en
 * occupe"; for a recurring offer, how many neighbours it helped), then pause, resume, renew
 * or withdraw one. The repository only acts on the resident's own entries; an entry resumed
 * or renewed is matched again at once.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { t } from '../services/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { expectPayloads } from './expectedPayloads';
import type { EntriesPort, MatchingPort, StoredEntry } from './ports';
import type { NeedState } from '../services/matching';
import { DialogId } from './ids';
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

/** What "Mes annonces" calls. */
export type MyEntriesPort = Pick<
  EntriesPort,
  'listByResident' | 'get' | 'pause' | 'resume' | 'renew' | 'withdraw'
>;

/** What "Mes annonces" calls of matching: where needs stand, and matching an entry published again. */
export type MyEntriesMatchingPort = Pick<MatchingPort, 'needStates' | 'entryPublished'>;

/** Lists and manages the resident's entries. */
export class MyEntriesDialog extends CancelAndHelpDialog {
  constructor(
    private readonly entries: MyEntriesPort,
    private readonly matching: MyEntriesMatchingPort,
  ) {
    super(DialogId.myEntries);
    this.addDialog(choicePrompt()).addDialog(
      new WaterfallDialog(WATERFALL, [
        this.listStep.bind(this),
        this.actionsStep.bind(this),
        this.actStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Lists the entries and asks which one to manage. */
  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const entries = await this.entries.listByResident(step.context.activity.from.id);
    if (entries.length === 0) {
      await step.context.sendActivity(withMenu(t('myEntries.none')));
      return step.endDialog();
    }
    const shown = entries.slice(0, MAX_QUICK_REPLIES - 1);
    const values = step.values as MyEntriesValues;
    values.entryIds = shown.map((entry) => entry._id.toHexString());
    const states = await this.matching.needStates(shown);
    const lines = shown.map((entry, index) => entryLine(entry, index, states.get(entry._id.toHexString())));
    const text = [t('myEntries.intro'), ...lines, t('myEntries.choose')].join('\n');
    return step.prompt(PromptId.choice, choiceOptions(text, entryChoices(shown), t('myEntries.retry')));
  }

  /** Offers what can be done with the chosen entry. */
  private async actionsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MyEntriesValues;
    const id = idAfter(readPayload(step.context.activity), PayloadPrefix.entry);
    const entry = id && values.entryIds?.includes(id) ? await this.entries.get(id) : null;
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

  /** Runs the chosen action, guarded by the owner's psid. */
  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MyEntriesValues;
    const offered = (values.actionPayloads ?? []).map((value) => choice(value, value));
    const payload = chosen(step.result, offered);
    const action = ACTIONS.find((candidate) => idAfter(payload, candidate.prefix) !== undefined);
    const id = action ? idAfter(payload, action.prefix) : undefined;
    const psid = step.context.activity.from.id;
    const done = action && id ? await this.entries[action.run](id, psid) : false;
    await step.context.sendActivity(withMenu(t(done && action ? action.done : 'myEntries.failed')));
    if (done && id && (action?.run === 'resume' || action?.run === 'renew')) {
      await this.matching.entryPublished(id);
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
  return wanted.map(({ prefix, title }) => choice(t(title), `${prefix}${id}`));
}
