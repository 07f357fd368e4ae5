/**
 * What the main dialog does with a request: a menu payload, a command, or free text
 * understood by the NLU (asking rather than guessing when unsure). Referents get their own
 * menu on "menu", Get Started and greetings, and their `MOD_…` payloads.
 *
 * @remarks
 * Emergencies, helpers' answers and job answers never reach it: they are answered before
 * the dialogs run (./globalAnswers.ts).
 */
import type { TurnContext } from 'botbuilder';
import type { AttentionReason } from '../services/domain/types';
import { t } from '../services/i18n';
import type { Understanding } from './ports';
import { answerEmergency } from './emergency';
import type { EntryDialogOptions } from './entry/draft';
import { DialogId } from './ids';
import { asksToDelete, readCommand, readSmallTalk } from './keywords';
import { handOverToReferent, type HandOverDeps } from './moderation/handOver';
import { handoverReasonOf } from './moderation/handoverReason';
import { isModeratorPayload } from './moderation/modPayload';
import {
  handleModeratorPayload,
  showModeratorMenu,
  type ModeratorToolsDeps,
} from './moderation/moderatorTools';
import { MenuPayload, TestimonialPayload, readLocation, readPayload, readText } from './payload';
import type { PrivacyOptions } from './privacy/privacyDialog';
import { withMenu } from './replies';
import { asksTestimonialWithdrawal } from './testimonials/residentTestimonials';
import type { Turn } from './turn';
import { CATEGORY_CARRY_THRESHOLD, CONFIDENCE_THRESHOLD } from './understanding';

/** What routing decided. */
export interface RouteOutcome {
  /** A dialog to start, with its options. */
  begin?: { id: string; options?: object };
  /** Misunderstandings in a row after this message. */
  misunderstood: number;
}

/** Routes requests. */
export class Router {
  constructor(
    private readonly tools: ModeratorToolsDeps,
    private readonly handover: HandOverDeps,
  ) {}

  /** Routes the current message; `misunderstood` counts the misunderstandings just before it. */
  async route(context: TurnContext, turn: Turn, misunderstood: number): Promise<RouteOutcome> {
    const { understanding } = turn;
    const payload = readPayload(context.activity);
    if (isModeratorPayload(payload)) {
      return { ...(await handleModeratorPayload(context, this.tools, payload)), misunderstood: 0 };
    }
    if (payload) return this.routePayload(context, turn, payload);
    const text = readText(context.activity);
    if (!text || !understanding) {
      const key = readLocation(context.activity) ? 'interrupt.menu' : 'fallback.unsupportedAttachment';
      await context.sendActivity(withMenu(t(key)));
      return { misunderstood };
    }
    const command = readCommand(text);
    if (command === 'help') return this.help(context);
    if (command) {
      if (!(await showModeratorMenu(context, this.tools)))
        await context.sendActivity(withMenu(t('interrupt.menu')));
      return { misunderstood: 0 };
    }
    const smallTalk = readSmallTalk(text);
    if (smallTalk) {
      // Thanks and "ok" are answered, never read as a testimonial or a misunderstanding.
      await context.sendActivity(withMenu(t(`smallTalk.${smallTalk}`)));
      return { misunderstood: 0 };
    }
    const reason = handoverReasonOf(text);
    if (reason) return this.human(context, turn, reason);
    if (asksTestimonialWithdrawal(text))
      return { begin: { id: DialogId.withdrawTestimonial }, misunderstood: 0 };
    return this.routeText(context, turn, understanding, misunderstood);
  }

  private async routePayload(context: TurnContext, turn: Turn, payload: string): Promise<RouteOutcome> {
    switch (payload) {
      case MenuPayload.getStarted:
        if (!(await showModeratorMenu(context, this.tools)))
          await context.sendActivity(withMenu(t('greeting.welcomeNoName')));
        return { misunderstood: 0 };
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
        await context.sendActivity(withMenu(t('understanding.unknownPayload')));
        return { misunderstood: 0 };
    }
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
    const options: EntryDialogOptions = {
      // "Autre" is what vague messages get ("besoin d'un coup de main"): ask rather than assume it.
      category:
        understanding.category !== 'none' &&
        understanding.category !== 'other' &&
        understanding.categoryConfidence >= CATEGORY_CARRY_THRESHOLD
          ? understanding.category
          : undefined,
      urgency: understanding.urgency,
    };
    switch (intent) {
      case 'offer':
        return { begin: { id: DialogId.offer, options: { category: options.category } }, misunderstood: 0 };
      case 'need':
        return { begin: { id: DialogId.need, options }, misunderstood: 0 };
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
        if (!(await showModeratorMenu(context, this.tools)))
          await context.sendActivity(withMenu(t('greeting.welcomeNoName')));
        return { misunderstood: 0 };
    }
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
