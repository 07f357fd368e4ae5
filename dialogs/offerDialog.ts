/**
 * "Je propose mon aide": the form, then the offer is stored for a referent to review; an
 * offer that still mentions money goes to a referent at once. A resident who switched to a
 * need in the form is passed to the need dialog with the confirmed draft.
 */
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from './botbuilderDialogs';
import { t } from '../services/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { EntryDialogOptions, EntryDraft } from './entry/draft';
import { isComplete } from './entry/draft';
import { entryAllowedToday, type EntryLimitDeps } from './entry/dailyLimit';
import type { EntryFormDeps, EntryFormOptions } from './entry/entryFormDialog';
import { EntryFormDialog } from './entry/entryFormDialog';
import { saveEntry, type SaveEntryDeps } from './entry/saveEntry';
import { DialogId } from './ids';
import type { EntryHandover } from './moderation/handOver';
import { withMenu } from './replies';

const WATERFALL = 'offerWaterfall';

/** What storing an entry calls, the daily limit included (offers and needs). */
export type EntrySavingDeps = SaveEntryDeps & EntryLimitDeps;

/** Offers help. */
export class OfferDialog extends CancelAndHelpDialog {
  constructor(
    form: EntryFormDeps,
    private readonly saving: EntrySavingDeps,
    private readonly handover: EntryHandover,
  ) {
    super(DialogId.offer);
    this.addDialog(new EntryFormDialog(form)).addDialog(
      new WaterfallDialog(WATERFALL, [this.formStep.bind(this), this.saveStep.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Runs the form for an offer, unless the resident already stored the day's maximum. */
  private async formStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as EntryDialogOptions;
    if (options.draft) return step.next(options.draft);
    if (!(await entryAllowedToday(step.context, this.saving, 'offer'))) return step.endDialog();
    return step.beginDialog(DialogId.entryForm, { ...options, kind: 'offer' } satisfies EntryFormOptions);
  }

  /** Stores the confirmed offer as pending review. */
  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.result as EntryDraft | null;
    if (!draft || !isComplete(draft)) return step.endDialog();
    // Switched to a need in the form: stored and matched as one.
    if (draft.kind === 'need')
      return step.replaceDialog(DialogId.need, { draft } satisfies EntryDialogOptions);
    const offer = await saveEntry(step.context, this.saving, draft);
    if (!offer) return step.endDialog();
    if (offer.flags.includes('money')) {
      await this.handover.aboutEntry(step.context, 'money', offer, t('handover.savedMoney'));
      return step.endDialog();
    }
    await step.context.sendActivity(withMenu(t('offer.saved')));
    return step.endDialog();
  }
}
