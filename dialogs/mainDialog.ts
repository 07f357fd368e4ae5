/**
 * The root dialog: answers what can arrive at any time, routes the menu payloads and the
 * understood free text to the dialogs, and waits for the next request in a loop that keeps
 * its counters in dialog state.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { Dialog, DialogSet, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { ResidentNotifier } from '../services/messaging/notifier';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { EntryFormDeps } from './entry/entryFormDialog';
import { expectedByActiveDialogs } from './expectedPayloads';
import { GlobalAnswers } from './globalAnswers';
import { DialogId } from './ids';
import { AssistedRegistrationDialog } from './moderation/assistedRegistrationDialog';
import { handOverAboutEntry, type EntryHandover } from './moderation/handOver';
import { MyEntriesDialog } from './myEntriesDialog';
import { NeedDialog } from './needDialog';
import { OfferDialog } from './offerDialog';
import type {
  AttentionPort,
  EntriesPort,
  MatchingPort,
  GeocoderPort,
  ModerationPort,
  NluPort,
  PrivacyPort,
  ResidentsPort,
  TestimonialsPort,
} from './ports';
import { PrivacyDialog, isDataErased } from './privacy/privacyDialog';
import { AdminTestimonialsDialog } from './testimonials/adminTestimonialsDialog';
import { TestimonialDialog } from './testimonials/testimonialDialog';
import { WithdrawTestimonialDialog } from './testimonials/withdrawTestimonialDialog';
import { Router } from './router';
import { Turn } from './turn';

const MAIN_WATERFALL = 'mainWaterfall';

/**
 * The services the conversation layer is composed from, given once to the root dialog,
 * which passes each dialog only the ports it calls.
 */
export interface ConversationServices {
  nlu: NluPort;
  geocoder: GeocoderPort;
  residents: ResidentsPort;
  entries: EntriesPort;
  matching: MatchingPort;
  attention: AttentionPort;
  moderation: ModerationPort;
  notifier: ResidentNotifier;
  clock: Clock;
  logger: Logger;
  testimonials: TestimonialsPort;
  privacy: PrivacyPort;
}

/** Where the conversation's state lives (properties of the bot's conversation state). */
export interface ConversationAccessors {
  /** The dialog stack. */
  dialogState: StatePropertyAccessor<DialogState>;
  /** The resident's last texts, screened, for a handover's summary (property `recentTexts`). */
  recentTexts: StatePropertyAccessor<string[]>;
}

/** What a turn ended with, for the bot. */
export interface TurnOutcome {
  /** The resident had their data erased: every state of theirs must go (the caller deletes the rest). */
  stateDeleted: boolean;
}

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
  private readonly globalAnswers: GlobalAnswers;
  private readonly nlu: NluPort;
  /** Each running turn's facts, created by {@link run} (a turn's context is never reused). */
  private readonly turns = new WeakMap<TurnContext, Turn>();

  constructor(services: ConversationServices) {
    super(DialogId.main);
    const { nlu, geocoder, residents, moderation, attention, testimonials, clock, logger } = services;
    this.nlu = nlu;
    const form: EntryFormDeps = { nlu, geocoder, residents };
    const handover = { moderation, attention };
    const entryHandover: EntryHandover = {
      aboutEntry: (context, reason, entry, intro) =>
        handOverAboutEntry(context, handover, this.turnOf(context), reason, entry, intro),
    };
    this.router = new Router(services, handover);
    this.globalAnswers = new GlobalAnswers(handover, services, services);
    this.addDialog(new OfferDialog(form, services, entryHandover))
      .addDialog(new NeedDialog(form, services, services, entryHandover))
      .addDialog(new MyEntriesDialog(services.entries, services.matching))
      .addDialog(new PrivacyDialog(services.privacy, testimonials, logger))
      .addDialog(new TestimonialDialog(testimonials, nlu, logger))
      .addDialog(new WithdrawTestimonialDialog(testimonials, logger))
      .addDialog(new AdminTestimonialsDialog(testimonials, clock, logger))
      .addDialog(new AssistedRegistrationDialog(form, moderation.moderators, services))
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
   * Handles one incoming message: understands it once, answers it when it can arrive at
   * any time (then asks the interrupted question again, or ends the dialogs after an
   * emergency), else continues the active dialog or starts the main loop. The last texts
   * are kept in their own state property for a handover's summary. After a data erasure
   * the dialog state and the texts are deleted, and the outcome says so.
   */
  async run(context: TurnContext, accessors: ConversationAccessors): Promise<TurnOutcome> {
    const turn = await this.startTurn(context, accessors);
    const dialogSet = new DialogSet(accessors.dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const idle = !dc.activeDialog || dc.child?.activeDialog?.id === MAIN_WATERFALL;
    const answered = await this.globalAnswers.answer(context, turn, {
      idle,
      expects: (payload) => expectedByActiveDialogs(dc, payload),
    });
    let result: DialogTurnResult | undefined;
    if (answered === 'emergency') {
      await dc.cancelAllDialogs();
    } else if (answered === 'answered') {
      if (!idle) await dc.repromptDialog();
    } else {
      result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        result = await dc.beginDialog(this.id, { routeNow: true } satisfies MainOptions);
      }
    }
    if (!isDataErased(result?.result)) return { stateDeleted: false };
    await Promise.all([accessors.dialogState.delete(context), accessors.recentTexts.delete(context)]);
    return { stateDeleted: true };
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

  /** Understands the message and keeps its text with the last ones. */
  private async startTurn(context: TurnContext, accessors: ConversationAccessors): Promise<Turn> {
    const stored = await accessors.recentTexts.get(context, []);
    // Before they had their own property, the texts were kept inside the dialog state.
    const dialogState: DialogState & { recentTexts?: unknown } = await accessors.dialogState.get(context, {
      dialogStack: [],
    });
    const legacy = dialogState.recentTexts;
    delete dialogState.recentTexts;
    const turn = Turn.start(context.activity, this.nlu, stored.length > 0 ? stored : legacy);
    await accessors.recentTexts.set(context, [...turn.recentTexts]);
    this.turns.set(context, turn);
    return turn;
  }

  /** The facts of the running turn (understood now if {@link run} did not start it). */
  private turnOf(context: TurnContext): Turn {
    let turn = this.turns.get(context);
    if (!turn) {
      turn = Turn.start(context.activity, this.nlu, []);
      this.turns.set(context, turn);
    }
    return turn;
  }

  /** Waits for the next request, unless this one must be routed now. */
  private async waitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.options as MainOptions | undefined)?.routeNow) return step.next();
    return Dialog.EndOfTurn;
  }

  /** Routes the request to a dialog, or answers it directly. */
  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const before = (step.options as MainOptions | undefined)?.misunderstood ?? 0;
    const outcome = await this.router.route(step.context, this.turnOf(step.context), before);
    (step.values as MainValues).misunderstood = outcome.misunderstood;
    if (outcome.begin) return step.beginDialog(outcome.begin.id, outcome.begin.options);
    return step.next();
  }

  /** Starts a new round, keeping the misunderstanding counter; ends after a data erasure. */
  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isDataErased(step.result)) return step.endDialog(step.result);
    const misunderstood = (step.values as MainValues).misunderstood ?? 0;
    return step.replaceDialog(MAIN_WATERFALL, { misunderstood } satisfies MainOptions);
  }
}
