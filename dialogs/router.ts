/**
 * What the main dialog does with a request: a menu payload (or a button whose question has
 * ended, ./laterPayloads.ts), a command, small talk, a request about one's data or entries
 * in words, or free text understood by the NLU (asking rather than guessing when unsure).
 * Referents get their own menu on "menu", Get Started and greetings, and their `MOD_…`
 * payloads; a returning resident is greeted as known (./welcome.ts).
 *
 * @remarks
 * Emergencies, helpers' answers and job answers never reach it: they are answered before
 * the dialogs run (./globalAnswers.ts). A message only suspected of an emergency is met
 * with "Est-ce une urgence ?" (./emergencyQuestionDialog.ts), keeping the offer or need it
 * asked for; the message just after the numbers is read knowing them ("fausse alerte").
 */
import type { TurnContext } from 'botbuilder';
import type { AttentionReason } from '../services/domain/types';
import { t } from '../services/i18n';
import type { Understanding } from './ports';
import { answerEmergency } from './emergency';
import { carriedRequest } from './entry/carriedRequest';
import type { EmergencyQuestionOptions } from './emergencyQuestionDialog';
import { DialogId } from './ids';
import {
  asksForMyEntries,
  asksToDelete,
  readCommand,
  readDataRequest,
  readSmallTalk,
  readsAsReassurance,
  readYesNo,
} from './keywords';
import { handleLaterPayload, startAlso, type AlsoRequest, type LaterPayloadDeps } from './laterPayloads';
import { handOverToReferent, type HandOverDeps } from './moderation/handOver';
import { handoverReasonOf } from './moderation/handoverReason';
import { answerRefusalReply } from './moderation/refusalReply';
import { isModeratorPayload } from './moderation/modPayload';
import {
  handleModeratorPayload,
  showModeratorMenu,
  type ModeratorToolsDeps,
} from './moderation/moderatorTools';
import { MenuPayload, TestimonialPayload, readPayload, readText } from './payload';
import type { PrivacyOptions } from './privacy/privacyDialog';
import { withMenu } from './replies';
import { attachmentReply } from './routeReplies';
import { asksTestimonialWithdrawal } from './testimonials/residentTestimonials';
import type { Turn } from './turn';
import { CONFIDENCE_THRESHOLD } from './understanding';
import { welcomeText, type WelcomeDeps } from './welcome';

/** What routing calls besides the referents' tools. */
export type RouterDeps = ModeratorToolsDeps & WelcomeDeps & LaterPayloadDeps;

/** What routing decided. */
export interface RouteOutcome {
  /** A dialog to start, with its options. */
  begin?: { id: string; options?: object };
  /** Misunderstandings in a row after this message. */
  misunderstood: number;
  /** A second request of the same message, to offer once the dialog started has ended. */
  also?: AlsoRequest;
}

/** Routes requests. */
export class Router {
  constructor(
    private readonly tools: RouterDeps,
    private readonly handover: HandOverDeps,
  ) {}

  /**
   * Routes the current message; `misunderstood` counts the misunderstandings just before it,
   * `offered` is the second request just offered ("on l'enregistre ?"), which a typed yes or
   * no answers.
   */
  async route(
    context: TurnContext,
    turn: Turn,
    misunderstood: number,
    offered?: AlsoRequest,
    afterEmergency = false,
  ): Promise<RouteOutcome> {
    const { understanding } = turn;
    const payload = readPayload(context.activity);
    if (isModeratorPayload(payload)) {
      return { ...(await handleModeratorPayload(context, this.tools, payload)), misunderstood: 0 };
    }
    if (payload) return this.routePayload(context, turn, payload);
    const text = readText(context.activity);
    if (!text || !understanding) {
      await context.sendActivity(withMenu(t(attachmentReply(context))));
      return { misunderstood };
    }
    if (afterEmergency) {
      // Just after the numbers: "fausse alerte", "ça va mieux", "merci" are answered kindly.
      const talk = readSmallTalk(text);
      if (talk === 'thanks' || talk === 'acknowledgement' || readsAsReassurance(text)) {
        const key = talk ? 'emergency.afterThanks' : 'emergency.reassured';
        await context.sendActivity(withMenu(t(key)));
        return { misunderstood: 0 };
      }
    }
    if (understanding.unsureEmergency) return this.askEmergency(context, understanding);
    const yes = offered ? readYesNo(text) : undefined;
    if (offered && yes !== undefined) {
      if (yes) return { begin: startAlso(offered), misunderstood: 0 };
      await context.sendActivity(withMenu(t('also.dropped')));
      return { misunderstood: 0 };
    }
    const command = readCommand(text);
    if (command === 'help') return this.help(context);
    if (command) {
      if (!(await showModeratorMenu(context, this.tools)))
        await context.sendActivity(withMenu(t('interrupt.menu')));
      return { misunderstood: 0 };
    }
    const smallTalk = readSmallTalk(text);
    // "pourquoi doublon ?" after a refusal reaches the referent who refused; thanks and nods do not.
    if (
      smallTalk !== 'thanks' &&
      smallTalk !== 'acknowledgement' &&
      (await answerRefusalReply(context, this.tools, text, understanding))
    ) {
      return { misunderstood: 0 };
    }
    if (smallTalk === 'question') return this.welcome(context);
    if (smallTalk) {
      // Thanks and "ok" are answered, never read as a testimonial or a misunderstanding.
      await context.sendActivity(withMenu(t(`smallTalk.${smallTalk}`)));
      return { misunderstood: 0 };
    }
    const data = readDataRequest(text);
    if (data) {
      return {
        begin: { id: DialogId.privacy, options: { start: data } satisfies PrivacyOptions },
        misunderstood: 0,
      };
    }
    if (asksForMyEntries(text)) return { begin: { id: DialogId.myEntries }, misunderstood: 0 };
    const reason = handoverReasonOf(text);
    if (reason) return this.human(context, turn, reason);
    if (asksTestimonialWithdrawal(text))
      return { begin: { id: DialogId.withdrawTestimonial }, misunderstood: 0 };
    return this.routeText(context, turn, understanding, misunderstood);
  }

  private async routePayload(context: TurnContext, turn: Turn, payload: string): Promise<RouteOutcome> {
    switch (payload) {
      case MenuPayload.getStarted:
        return this.welcome(context);
      case MenuPayload.offer:
        return { begin: { id: DialogId.offer, options: {} }, misunderstood: 0 };
      case MenuPayload.need:
        return { begin: { id: DialogId.need, options: {} }, misunderstood: 0 };
      case MenuPayload.human:
        return this.human(context, turn);
      case MenuPayload.myEntries:
        return { begin: { id: DialogId.myEntries }, misunderstood: 0 };
      case MenuPayload.privacy:
        return { begin: { id: DialogId.privacy, options: {} }, misunderstood: 0 };
      case MenuPayload.help:
        return this.help(context);
      case MenuPayload.testimonial:
        return { begin: { id: DialogId.testimonial, options: {} }, misunderstood: 0 };
      case TestimonialPayload.adminList:
        // The dialog serves admins only; anyone else gets the resident menu.
        return { begin: { id: DialogId.adminTestimonials, options: {} }, misunderstood: 0 };
      default:
        return this.laterPayload(context, payload);
    }
  }

  /** A button whose question has ended; "plus d'actualité" only for a payload the bot never offers. */
  private async laterPayload(context: TurnContext, payload: string): Promise<RouteOutcome> {
    const later = await handleLaterPayload(context, this.tools, payload);
    if (later === 'answered') return { misunderstood: 0 };
    if (later) return { begin: later, misunderstood: 0 };
    await context.sendActivity(withMenu(t('understanding.unknownPayload')));
    return { misunderstood: 0 };
  }

  /**
   * The referents' menu, or the welcome (as known for a returning resident), after `intro`
   * when given (where an m.me link came from: dialogs/referralAnswer.ts).
   */
  async welcome(context: TurnContext, intro?: string): Promise<RouteOutcome> {
    if (intro !== undefined) await context.sendActivity(intro);
    if (!(await showModeratorMenu(context, this.tools)))
      await context.sendActivity(withMenu(await welcomeText(this.tools, context.activity.from.id)));
    return { misunderstood: 0 };
  }

  private async routeText(
    context: TurnContext,
    turn: Turn,
    understanding: Understanding,
    misunderstood: number,
  ): Promise<RouteOutcome> {
    const { intent, intentConfidence } = understanding;
    if (intent === 'other' || intentConfidence < CONFIDENCE_THRESHOLD) {
      return this.misunderstood(context, turn, misunderstood + 1, intent === 'other');
    }
    switch (intent) {
      case 'offer':
      case 'need': {
        const { id, options, also } = carriedRequest(context.activity.text, intent, understanding);
        return { begin: { id, options }, misunderstood: 0, also };
      }
      case 'human':
        return this.human(context, turn);
      case 'help':
        return this.help(context);
      case 'delete_data': {
        // "voir mes données" reaches this intent too: the "Mes données" menu (see or delete)
        // unless the resident asked to delete.
        const deleteNow = asksToDelete(context.activity.text ?? '');
        return {
          begin: { id: DialogId.privacy, options: { deleteNow } satisfies PrivacyOptions },
          misunderstood: 0,
        };
      }
      case 'emergency':
        await answerEmergency(context, null, this.handover, turn);
        return { misunderstood: 0 };
      case 'testimonial':
        // "je voulais dire merci à ma voisine": straight to the story ("annuler" leaves it).
        return { begin: { id: DialogId.testimonial, options: {} }, misunderstood: 0 };
      case 'complaint':
        // A complaint about the service or a helper goes to a referent, like the typed ones.
        return this.human(context, turn, 'complaint');
      case 'greeting':
        return this.welcome(context);
    }
  }

  /**
   * "Est-ce une urgence ?" (./emergencyQuestionDialog.ts), keeping the offer or need the
   * message asked for, to go on with when the answer is no.
   */
  private askEmergency(context: TurnContext, understanding: Understanding): RouteOutcome {
    const { intent, intentConfidence } = understanding;
    const request =
      (intent === 'offer' || intent === 'need') && intentConfidence >= CONFIDENCE_THRESHOLD
        ? carriedRequest(context.activity.text, intent, understanding)
        : undefined;
    return {
      begin: { id: DialogId.emergencyQuestion, options: { request } satisfies EmergencyQuestionOptions },
      misunderstood: 0,
    };
  }

  /** Asks the resident to choose; the second time in a row, the conversation goes to a referent. */
  private async misunderstood(
    context: TurnContext,
    turn: Turn,
    count: number,
    notUnderstood: boolean,
  ): Promise<RouteOutcome> {
    if (count >= 2) {
      await context.sendActivity(t('handover.misunderstood'));
      return this.human(context, turn, 'misunderstood_twice');
    }
    await context.sendActivity(
      withMenu(t(notUnderstood ? 'fallback.notUnderstood' : 'understanding.choose')),
    );
    return { misunderstood: count };
  }

  /** Hands the conversation to a referent: nothing more is said in this turn. */
  private async human(
    context: TurnContext,
    turn: Turn,
    reason: AttentionReason = 'asked_for_human',
  ): Promise<RouteOutcome> {
    await handOverToReferent(context, this.handover, turn, reason);
    return { misunderstood: 0 };
  }

  private async help(context: TurnContext): Promise<RouteOutcome> {
    await context.sendActivity(withMenu(t('help.text')));
    return { misunderstood: 0 };
  }
}
