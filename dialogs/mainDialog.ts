/**
 * The root dialog: answers what can arrive at any time, routes the menu payloads and the
 * understood free text to the dialogs, and waits for the next request in a loop that keeps
 * its counters in dialog state.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogState, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { Dialog, DialogSet, DialogTurnStatus, WaterfallDialog } from './botbuilderDialogs';
import { currentLocale, t, withLocale, type Locale } from '../services/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { EntryFormDeps } from './entry/entryFormDialog';
import { formInProgress } from './entry/formFieldsDialog';
import { expectedByActiveDialogs } from './expectedPayloads';
import { answerEmergency } from './emergency';
import {
  EmergencyQuestionDialog,
  isEmergencyQuestionResult,
  type CarriedRequest,
  type EmergencyQuestionDeps,
} from './emergencyQuestionDialog';
import { GlobalAnswers } from './globalAnswers';
import { DialogId } from './ids';
import { AssistedRegistrationDialog } from './moderation/assistedRegistrationDialog';
import { handOverAboutEntry, handOverToReferent, type EntryHandover } from './moderation/handOver';
import { MyEntriesDialog } from './myEntriesDialog';
import { NeedDialog } from './needDialog';
import { OfferDialog } from './offerDialog';
import type { NluPort, ResidentsPort } from './ports';
import { PrivacyDialog, isDataErased } from './privacy/privacyDialog';
import { AdminTestimonialsDialog } from './testimonials/adminTestimonialsDialog';
import { TestimonialDialog } from './testimonials/testimonialDialog';
import { WithdrawTestimonialDialog } from './testimonials/withdrawTestimonialDialog';
import { actsAnyTime, type AlsoRequest } from './laterPayloads';
import { detectLanguage, nextLanguage, readLanguageSwitch } from '../services/nlu';
import { readPayload, readReferral, readText } from './payload';
import { answerReferral, rememberOriginForTurn, type ReferralAnswerDeps } from './referralAnswer';
import { relocalizePendingQuestion } from './relocalize';
import { withMenu } from './replies';
import { Router } from './router';
import { alsoQuestion } from './routeReplies';
import { Turn } from './turn';
import type {
  ConversationAccessors,
  ConversationLanguage,
  ConversationServices,
  TurnOutcome,
} from './conversationServices';

export type {
  ConversationAccessors,
  ConversationLanguage,
  ConversationServices,
  TurnOutcome,
} from './conversationServices';

const MAIN_WATERFALL = 'mainWaterfall';

/** A conversation nobody switched: French, which an absent `locale` on the resident means. */
const FRENCH: ConversationLanguage = { locale: 'fr', onResident: true };

/** Options of one round of the main loop. */
interface MainOptions {
  /** Route the current message now (false: wait for the next one). */
  routeNow?: boolean;
  /** Misunderstandings in a row so far. */
  misunderstood?: number;
  /** The second request just offered ("on l'enregistre ?"): a typed yes or no answers it. */
  alsoOffered?: AlsoRequest;
  /** The emergency numbers were just given: "fausse alerte", "merci" are answered kindly. */
  afterEmergency?: boolean;
  /** Not an emergency after all: the request the first message carried, begun now. */
  carried?: CarriedRequest;
}

/** What one round remembers. */
interface MainValues {
  misunderstood?: number;
  /** The second request of the message routed, offered when its dialog ends. */
  also?: AlsoRequest;
}

/** The root dialog the bot runs on every message. */
export class MainDialog extends CancelAndHelpDialog {
  private readonly router: Router;
  private readonly globalAnswers: GlobalAnswers;
  private readonly nlu: NluPort;
  private readonly residents: ResidentsPort;
  private readonly entries: ConversationServices['entries'];
  private readonly referralDeps: ReferralAnswerDeps;
  /** Each running turn's facts, created by {@link run} (a turn's context is never reused). */
  private readonly turns = new WeakMap<TurnContext, Turn>();

  constructor(services: ConversationServices) {
    super(DialogId.main);
    const { nlu, geocoder, residents, moderation, attention, tasks, testimonials, clock, logger } = services;
    this.nlu = nlu;
    this.residents = residents;
    this.entries = services.entries;
    const form: EntryFormDeps = { nlu, geocoder, residents };
    const handover = { moderation, attention, tasks };
    const entryHandover: EntryHandover = {
      aboutEntry: (context, reason, entry, intro) =>
        handOverAboutEntry(context, handover, this.turnOf(context), reason, entry, intro),
    };
    this.router = new Router(services, handover);
    this.referralDeps = {
      referrals: services.referrals,
      matching: services.matching,
      welcome: (context, intro) => this.router.welcome(context, intro),
    };
    this.globalAnswers = new GlobalAnswers(handover, services, services, services);
    const emergencyQuestion: EmergencyQuestionDeps = {
      understanding: (context) => this.turnOf(context).understanding,
      emergency: (context) => answerEmergency(context, null, handover, this.turnOf(context)),
      handOver: (context, reason) => handOverToReferent(context, handover, this.turnOf(context), reason),
    };
    this.addDialog(new OfferDialog(form, services, entryHandover))
      .addDialog(new NeedDialog(form, services, services, entryHandover))
      .addDialog(new MyEntriesDialog(services))
      .addDialog(new PrivacyDialog(services.privacy, testimonials, logger))
      .addDialog(new TestimonialDialog(testimonials, nlu, logger))
      .addDialog(new WithdrawTestimonialDialog(testimonials, logger))
      .addDialog(new AdminTestimonialsDialog(testimonials, clock, logger))
      .addDialog(new AssistedRegistrationDialog(form, moderation.moderators, services))
      .addDialog(new EmergencyQuestionDialog(emergencyQuestion))
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
   * Handles one incoming message in the conversation's language, which a typed message can
   * change ({@link nextLanguage}: a resident who writes English is answered in English until
   * they switch back); the language is then recorded on the resident for the notices sent
   * outside a turn.
   */
  async run(context: TurnContext, accessors: ConversationAccessors): Promise<TurnOutcome> {
    const text = readText(context.activity);
    const before = await this.languageOf(context, accessors, text);
    const locale = text ? nextLanguage(before.locale, text) : before.locale;
    const language = locale === before.locale ? before : { locale, onResident: false };
    const asked = text ? readLanguageSwitch(text) : undefined;
    return withLocale(locale, async () => {
      const switchedFrom = locale === before.locale ? undefined : before.locale;
      const outcome = await this.runTurn(context, accessors, { asked: asked !== undefined, switchedFrom });
      if (outcome.stateDeleted) {
        await accessors.language.delete(context);
        return outcome;
      }
      if (!language.onResident) {
        language.onResident = await this.residents.setLocale(context.activity.from.id, locale);
      }
      await accessors.language.set(context, language);
      return outcome;
    });
  }

  /**
   * The conversation's language; when the conversation has none stored (its first turn, or
   * state gone) and the message does not say it (a tap, "ok"), the one recorded on the
   * resident, who may have talked English before.
   */
  private async languageOf(
    context: TurnContext,
    accessors: ConversationAccessors,
    text: string | undefined,
  ): Promise<ConversationLanguage> {
    const stored = await accessors.language.get(context);
    if (stored) return stored;
    if (text && detectLanguage(text)) return { ...FRENCH };
    const resident = await this.residents.get(context.activity.from.id);
    return resident?.locale === 'en' ? { locale: 'en', onResident: true } : { ...FRENCH };
  }

  /**
   * Handles one incoming message: understands it once; an entry form in progress reads it
   * first in the context of its question (an answer or a correction is never a global
   * message); otherwise answers it when it can arrive at any time (then asks the interrupted
   * question again), else continues the active dialog or starts the main loop. After a change
   * of language the pending question is put into the new one; a request to change is
   * answered, then the interrupted question is asked again.
   *
   * @remarks
   * An emergency ends the dialogs, except an entry form: the numbers are given and the
   * conversation handed to a referent (nothing more is said in that turn, since the page
   * inbox now owns the thread and Meta may refuse the bot's messages), and the form is kept:
   * when the resident writes again, after the referent handed the conversation back, the
   * interrupted question is asked again (see `FormFieldsDialog`), so nothing they wrote is
   * lost. The last texts are kept in their own state property for a handover's summary.
   * After a data erasure the dialog state and the texts are deleted, and the outcome says so.
   */
  private async runTurn(
    context: TurnContext,
    accessors: ConversationAccessors,
    language: { asked: boolean; switchedFrom?: Locale },
  ): Promise<TurnOutcome> {
    const turn = await this.startTurn(context, accessors);
    rememberOriginForTurn(context, await accessors.origin.get(context));
    const dialogSet = new DialogSet(accessors.dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const referral = readReferral(context.activity);
    if (referral !== undefined) {
      // An m.me link opened (or Get Started with one): a fresh start, answered by what it says.
      await dc.cancelAllDialogs();
      await answerReferral(context, referral, this.referralDeps, accessors.origin);
      await dc.beginDialog(this.id);
      return { stateDeleted: false };
    }
    const idle = !dc.activeDialog || dc.child?.activeDialog?.id === MAIN_WATERFALL;
    if (language.switchedFrom) relocalizePendingQuestion(dc.stack, language.switchedFrom, currentLocale());
    if (language.asked) {
      if (idle) {
        await context.sendActivity(withMenu(t('language.switched')));
      } else {
        await context.sendActivity(t('language.switchedResume'));
        await dc.repromptDialog();
      }
      return { stateDeleted: false };
    }
    const form = formInProgress(dc);
    // An answer to the form's question, or a correction of it, is never a global message.
    const answered = form?.readsInContext(context.activity)
      ? undefined
      : await this.globalAnswers.answer(context, turn, {
          idle,
          expects: (payload) => expectedByActiveDialogs(dc, payload),
        });
    let result: DialogTurnResult | undefined;
    const payload = readPayload(context.activity);
    if (answered === 'emergency') {
      if (form) form.resumeLater();
      else {
        await dc.cancelAllDialogs();
        // The next message is read knowing the numbers were given ("fausse alerte", "merci").
        await dc.beginDialog(this.id, { afterEmergency: true } satisfies MainOptions);
      }
    } else if (answered === 'answered') {
      if (!idle) await dc.repromptDialog();
    } else if (!idle && payload && actsAnyTime(payload) && !expectedByActiveDialogs(dc, payload)) {
      // A button of an earlier message that acts by itself ("Tout supprimer" under the
      // export): the question asked now gives way to it rather than ask for its own buttons.
      await dc.cancelAllDialogs();
      result = await dc.beginDialog(this.id, { routeNow: true } satisfies MainOptions);
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
    const options = step.options as MainOptions | undefined;
    const values = step.values as MainValues;
    if (options?.carried) {
      values.misunderstood = 0;
      values.also = options.carried.also;
      return step.beginDialog(options.carried.id, options.carried.options);
    }
    const outcome = await this.router.route(
      step.context,
      this.turnOf(step.context),
      options?.misunderstood ?? 0,
      options?.alsoOffered,
      options?.afterEmergency,
    );
    values.misunderstood = outcome.misunderstood;
    values.also = outcome.begin ? outcome.also : undefined;
    if (outcome.begin) return step.beginDialog(outcome.begin.id, outcome.begin.options);
    return step.next();
  }

  /**
   * Starts a new round, keeping the misunderstanding counter, after offering the second
   * request of the message when there was one; ends after a data erasure.
   */
  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isDataErased(step.result)) return step.endDialog(step.result);
    const result: unknown = step.result;
    if (isEmergencyQuestionResult(result)) {
      // "Est-ce une urgence ?" answered: the request goes on, or the numbers were given.
      if (result.outcome === 'notEmergency' && result.request)
        return step.replaceDialog(MAIN_WATERFALL, {
          routeNow: true,
          carried: result.request,
        } satisfies MainOptions);
      if (result.outcome === 'emergency')
        return step.replaceDialog(MAIN_WATERFALL, { afterEmergency: true } satisfies MainOptions);
    }
    const { misunderstood = 0, also } = step.values as MainValues;
    const offered = also && !(await this.alreadyOpen(step.context.activity.from.id, also)) ? also : undefined;
    if (offered) await step.context.sendActivity(alsoQuestion(offered));
    return step.replaceDialog(MAIN_WATERFALL, { misunderstood, alsoOffered: offered } satisfies MainOptions);
  }

  /**
   * True when the resident already has an open entry of the second request's kind and
   * category: the category the form asked for may be the one the message spoke of second
   * ("mon père… ses médicaments à la pharmacie" read as groceries, then pharmacy), and
   * offering to record it again would make a duplicate.
   */
  private async alreadyOpen(psid: string, also: AlsoRequest): Promise<boolean> {
    const entries = await this.entries.listByResident(psid);
    return entries.some(
      (entry) =>
        entry.kind === also.intent &&
        entry.category === also.category &&
        (entry.status === 'pending_review' || entry.status === 'published'),
    );
  }
}
