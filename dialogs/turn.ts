/**
 * What the conversation layer knows of one turn, computed once when the turn starts:
 * the understanding of the typed text and the resident's last texts.
 *
 * @remarks
 * `MainDialog.run` creates it for each message and hands it explicitly to the global
 * answers and the router; the dialogs that hand a conversation over receive it through
 * their handover port. Nothing of it is kept in `turnState`.
 */
import type { Activity } from 'botbuilder';
import type { TurnFacts } from './moderation/handOver';
import { withTurnText } from './moderation/recentTexts';
import type { NluPort, Understanding } from './ports';
import { understandingOf } from './understanding';

/** One turn's facts. */
export class Turn implements TurnFacts {
  private constructor(
    /** What the NLU made of the typed text; null for a tap (payload) or no text. */
    readonly understanding: Understanding | null,
    /** The resident's last texts, screened, this turn's included. */
    readonly recentTexts: readonly string[],
  ) {}

  /** Understands `activity` (once) and adds its text to `previousTexts` (what was stored). */
  static start(activity: Partial<Activity>, nlu: Pick<NluPort, 'understand'>, previousTexts: unknown): Turn {
    return new Turn(understandingOf(activity, nlu), withTurnText(previousTexts, activity));
  }
}
