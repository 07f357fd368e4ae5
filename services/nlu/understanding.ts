/**
 * What `Nlu.understand` tells the bot about one message.
 */
import type { AlsoRequested } from './clauses';
import type { Scored } from './classifier';
import type { EmergencyKind } from './emergency';
import type { Category, Intent } from './labels';
import type { Urgency } from './urgency';

/** A neighbourhood found in a message. */
export interface NeighbourhoodMention {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** Everything the bot needs to know about one message. */
export interface Understanding {
  readonly intent: Intent;
  /** In [0, 1]; see `classifier.ts` for how it is normalised. */
  readonly intentConfidence: number;
  /** The category when the intent is `offer` or `need`, `'none'` otherwise. */
  readonly category: Category | 'none';
  /** Confidence of `category`; 0 when it is `'none'`. */
  readonly categoryConfidence: number;
  /** Best category whatever the intent, for when the bot asks for it later. */
  readonly categoryGuess: Scored<Category>;
  /**
   * Kind of emergency to show the numbers for at once, as the safety component decided
   * (`decideEmergency`: the rules, or the safety model when it is sure). When only the intent
   * classifier suspects an emergency, `intent` is `'emergency'` and this is `'medical'`
   * (15 / 112 are the general emergency numbers).
   */
  readonly emergency: EmergencyKind | null;
  /**
   * No numbers, but ask "Est-ce une urgence ?" first: the rules were unsure, the safety model
   * suspects one or doubted a sure rule, or the intent classifier alone suspected one below
   * `CLASSIFIER_EMERGENCY_CONFIDENCE` (`index.ts`).
   */
  readonly unsureEmergency: boolean;
  readonly urgency: Urgency;
  readonly money: boolean;
  readonly phones: string[];
  readonly emails: string[];
  readonly neighbourhood: NeighbourhoodMention | null;
  /**
   * A second request in the same message ("les courses et aussi imprimer un papier"): the
   * first is the message's intent and category (the first clause's), this one is offered
   * once the first is handled. Absent when there is only one.
   */
  readonly alsoRequested?: AlsoRequested;
}
