/**
 * "J'ai besoin d'aide": the form, the need stored for review, then up to three published
 * offers of the same kind within 1 km, nearest first, shown with a distance band only.
 * The resident picks one and the helper is asked through the bot. A need that still
 * mentions money, or an urgent one with nobody near, goes to a referent. A resident who
 * switched to an offer in the form is passed to the offer dialog with the confirmed draft.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from './botbuilderDialogs';
import { t } from '../services/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { EntriesPort, MatchingPort, NearbyOffer, PromisesPort, StoredEntry } from './ports';
import type { EntryDialogOptions, EntryDraft } from './entry/draft';
import { isComplete } from './entry/draft';
import { entryAllowedToday } from './entry/dailyLimit';
import type { EntryFormDeps, EntryFormOptions } from './entry/entryFormDialog';
import { EntryFormDialog } from './entry/entryFormDialog';
import { saveEntry } from './entry/saveEntry';
import { DialogId } from './ids';
import { distanceShort, distanceText } from './matching/distanceText';
import type { EntryHandover } from './moderation/handOver';
import type { EntrySavingDeps } from './offerDialog';
import { Payload, PayloadPrefix, idAfter } from './payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from './prompts';
import { categoryName, choice, withMenu } from './replies';

const WATERFALL = 'needWaterfall';

/** What the waterfall remembers between steps. */
interface NeedValues {
  needId?: string;
  offers?: Array<{ offerId: string; distanceMeters: number }>;
}

/**
 * What matching a need calls: the offers near it, asking the chosen helper, and the task a
 * referent sees when the resident is promised one.
 */
export interface NeedMatchingDeps {
  matching: Pick<MatchingPort, 'findOffersFor' | 'askHelper'>;
  entries: Pick<EntriesPort, 'get'>;
  promises: PromisesPort;
}

/** Asks for help. */
export class NeedDialog extends CancelAndHelpDialog {
  constructor(
    form: EntryFormDeps,
    private readonly saving: EntrySavingDeps,
    private readonly matching: NeedMatchingDeps,
    private readonly handover: EntryHandover,
  ) {
    super(DialogId.need);
    this.addDialog(new EntryFormDialog(form))
      .addDialog(choicePrompt())
      .addDialog(
        new WaterfallDialog(WATERFALL, [
          this.formStep.bind(this),
          this.matchStep.bind(this),
          this.pickStep.bind(this),
        ]),
      );
    this.initialDialogId = WATERFALL;
  }

  /** Runs the form for a need, unless the resident already stored the day's maximum. */
  private async formStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as EntryDialogOptions;
    if (options.draft) return step.next(options.draft);
    if (!(await entryAllowedToday(step.context, this.saving, 'need'))) return step.endDialog();
    return step.beginDialog(DialogId.entryForm, { ...options, kind: 'need' } satisfies EntryFormOptions);
  }

  /** Stores the need and proposes the nearest offers, or says what happens next. */
  private async matchStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.result as EntryDraft | null;
    if (!draft || !isComplete(draft)) return step.endDialog();
    // Switched to an offer in the form: stored as one.
    if (draft.kind === 'offer')
      return step.replaceDialog(DialogId.offer, { draft } satisfies EntryDialogOptions);
    const need = await saveEntry(step.context, this.saving, draft);
    if (!need) return step.endDialog();
    if (need.flags.includes('money')) {
      await this.handover.aboutEntry(step.context, 'money', need, t('handover.savedMoney'));
      return step.endDialog();
    }
    await step.context.sendActivity(t('need.saved'));
    const offers = await this.matching.matching.findOffersFor(need);
    if (offers.length === 0) {
      await this.noMatch(step, need);
      return step.endDialog();
    }
    const values = step.values as NeedValues;
    values.needId = need._id.toHexString();
    values.offers = offers.map(({ offer, distanceMeters }) => ({
      offerId: offer._id.toHexString(),
      distanceMeters,
    }));
    const lines = offers.map((found, index) => offerLine(found, index));
    const text = [t('need.offersIntro'), ...lines, t('need.offersChoose')].join('\n');
    return step.prompt(PromptId.choice, choiceOptions(text, pickChoices(values), t('need.pickRetry')));
  }

  /** Asks the chosen helper, or hands the need to a referent. */
  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as NeedValues;
    const picked = idAfter(chosen(step.result, pickChoices(values)), PayloadPrefix.matchPick);
    const offer = values.offers?.find((candidate) => candidate.offerId === picked);
    const [need, offerEntry] = await Promise.all([
      values.needId ? this.matching.entries.get(values.needId) : null,
      offer ? this.matching.entries.get(offer.offerId) : null,
    ]);
    if (!need || !offer || !offerEntry) {
      await step.context.sendActivity(withMenu(t('need.noneChosen')));
      // "Un référent va regarder votre demande": the promise is a task.
      await this.matching.promises.promise(step.context.activity.from.id, 'declined_all', {
        told: 'need.noneChosen',
        ...(values.needId ? { subject: values.needId } : {}),
      });
      return step.endDialog();
    }
    const { sent } = await this.matching.matching.askHelper(need, {
      offer: offerEntry,
      distanceMeters: offer.distanceMeters,
    });
    await step.context.sendActivity(withMenu(t(sent ? 'need.asked' : 'need.toReferent')));
    return step.endDialog();
  }

  /** Nobody near: a referent looks; urgent needs are handed to a referent at once. */
  private async noMatch(step: WaterfallStepContext, need: StoredEntry): Promise<void> {
    if (need.urgency === 'high') {
      await this.handover.aboutEntry(step.context, 'no_match_urgent', need, t('handover.noMatchUrgent'));
      return;
    }
    await step.context.sendActivity(withMenu(t('need.noMatch')));
    // "Un référent de la ville va chercher une solution": the promise is a task.
    await this.matching.promises.promise(need.psid, 'no_match', {
      subject: need._id.toHexString(),
      told: 'need.noMatch',
    });
  }
}

/** One offer as the resident sees it in the list of offers: no address, a distance band. */
export function offerLine({ offer, distanceMeters }: NearbyOffer, index: number): string {
  return t('need.offerLine', {
    index: index + 1,
    category: categoryName(offer.category),
    distance: distanceText(distanceMeters),
    description: offer.description,
    availability: offer.availability,
  });
}

/** One quick reply per offer, plus "none fits". */
function pickChoices(values: NeedValues): CardAction[] {
  const offers = values.offers ?? [];
  return [
    ...offers.map((offer, index) =>
      choice(
        t('need.pickTitle', { index: index + 1, distance: distanceShort(offer.distanceMeters) }),
        `${PayloadPrefix.matchPick}${offer.offerId}`,
      ),
    ),
    choice(t('need.noneFits'), Payload.matchNone),
  ];
}
