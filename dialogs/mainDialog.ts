/**
 * The root dialog: routes the menu payloads and the understood free text to the dialogs,
 * and waits for the next request in a loop that keeps its counters in dialog state.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { Dialog, DialogSet, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { DialogDeps } from './deps';
import { DialogId } from './ids';
import { AssistedRegistrationDialog } from './moderation/assistedRegistrationDialog';
import { rememberTurn, type RecentTextsHolder } from './moderation/recentTexts';
import { MyEntriesDialog } from './myEntriesDialog';
import { NeedDialog } from './needDialog';
import { OfferDialog } from './offerDialog';
import { PrivacyDialog } from './privacy/privacyDialog';
import { AdminTestimonialsDialog } from './testimonials/adminTestimonialsDialog';
import { TestimonialDialog } from './testimonials/testimonialDialog';
import { WithdrawTestimonialDialog } from './testimonials/withdrawTestimonialDialog';
import { Router } from './router';
import { stateDeletionRequested } from './stateDeletion';

const MAIN_WATERFALL = 'mainWaterfall';

/** Options of one round of the main loop. */
interface MainOptions {
  /** Route the current message now (false: wait for the next one). */
  routeNow?: boolean;
  /** Misunderstandings in a row so far. */
  misunderstood?: number;
}

/** What one round remembers. */
interface MainValues {
  misunderstood?: number;
}

/** The root dialog the bot runs on every message. */
export class MainDialog extends CancelAndHelpDialog {
  private readonly router: Router;

  constructor(deps: DialogDeps) {
    super(DialogId.main, deps);
    this.router = new Router(deps);
    this.addDialog(new OfferDialog(deps))
      .addDialog(new NeedDialog(deps))
      .addDialog(new MyEntriesDialog(deps))
      .addDialog(new PrivacyDialog(deps))
      .addDialog(new TestimonialDialog(deps))
      .addDialog(new WithdrawTestimonialDialog(deps))
      .addDialog(new AdminTestimonialsDialog(deps))
      .addDialog(new AssistedRegistrationDialog(deps))
      .addDialog(
        new WaterfallDialog(MAIN_WATERFALL, [
          this.waitStep.bind(this),
          this.routeStep.bind(this),
          this.loopStep.bind(this),
        ]),
      );
    this.initialDialogId = MAIN_WATERFALL;
  }

  /**
   * Handles one incoming message: continues the active dialog or starts the main loop.
   * The last texts are kept with the dialog state for a handover's summary. After a data
   * deletion the dialog state is deleted too.
   */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const state: DialogState & RecentTextsHolder = await accessor.get(context, { dialogStack: [] });
    rememberTurn(context, state);
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dialogContext.beginDialog(this.id, { routeNow: true } satisfies MainOptions);
    }
    if (stateDeletionRequested(context)) await accessor.delete(context);
  }

  /** Idle when the main loop is waiting for a request. */
  protected override isIdle(innerDc: DialogContext): boolean {
    return innerDc.activeDialog?.id === MAIN_WATERFALL;
  }

  /** A menu payload in the middle of a dialog: stop it and route the payload. */
  protected override async onMenuPayload(
    innerDc: DialogContext,
    _payload: string,
  ): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MAIN_WATERFALL, { routeNow: true } satisfies MainOptions);
  }

  /** Waits for the next request, unless this one must be routed now. */
  private async waitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.options as MainOptions | undefined)?.routeNow) return step.next();
    return Dialog.EndOfTurn;
  }

  /** Routes the request to a dialog, or answers it directly. */
  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const before = (step.options as MainOptions | undefined)?.misunderstood ?? 0;
    const outcome = await this.router.route(step.context, before);
    (step.values as MainValues).misunderstood = outcome.misunderstood;
    if (outcome.begin) return step.beginDialog(outcome.begin.id, outcome.begin.options);
    return step.next();
  }

  /** Starts a new round, keeping the misunderstanding counter. */
  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const misunderstood = (step.values as MainValues).misunderstood ?? 0;
    return step.replaceDialog(MAIN_WATERFALL, { misunderstood } satisfies MainOptions);
  }
}
