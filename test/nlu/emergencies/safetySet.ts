/**
 * The emergency sets: those the learned safety model trains on (`services/nlu/data/emergencies`)
 * and the held-out ones next to this file (`heldout2.jsonl`, `heldout3.jsonl`, `heldout4.jsonl`).
 *
 * @remarks
 * Written for the emergency rules, apart from the training data: emergencies of every kind
 * in the residents' voices (medical, suicide, violence, fire and gas; French and English;
 * SMS and typos) and ordinary messages chosen to look like them (past events, time
 * expressions, relatives named alone, "tombé en panne", "mort de rire", "ça me tue",
 * "l'ordinateur ne répond plus"). Each line is `{"text", "kind"}`, `kind` null for an
 * ordinary message. Measured by `npm run nlu:eval` and asserted by `safety.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmergencyKind, Understanding } from '../../../services/nlu';
import { EMERGENCY_DATA_DIR } from '../../../services/nlu/emergencyModel';

/** Path of the safety set (trained on by the learned safety model since round 4). */
export const SAFETY_FILE = join(EMERGENCY_DATA_DIR, 'safety.jsonl');
/**
 * The development set of issue 12: emergencies and look-alikes written apart from the rules,
 * in every voice, on which the rules were then improved (their misses may be read).
 */
export const DEVELOPMENT_FILE = join(EMERGENCY_DATA_DIR, 'development.jsonl');
/**
 * The held-out set of round 1 of issue 12, written with the development set and committed
 * before any rule change, never tuned on; since round 4 the learned safety model trains on it.
 */
export const HELD_OUT_FILE = join(EMERGENCY_DATA_DIR, 'heldout1.jsonl');

/**
 * The third batch of issue 12 (round 2): emergencies and hard negatives (past events, figures
 * of speech, "urgent" for groceries, relatives named alone, illnesses that are no emergency,
 * pets, news, offers of help to the sick) written fresh before the rules were generalised,
 * then used, with the first two batches, to generalise them.
 */
export const BATCH_3_FILE = join(EMERGENCY_DATA_DIR, 'batch3.jsonl');

/**
 * Batch 4 (round 3 of issue 12, set A): emergencies and hard negatives written fresh in every
 * voice before any rule change of round 3 (stroke signs told as symptoms, products swallowed,
 * people found unconscious, farewell messages, blows told in plain words, gas and CO...), then
 * used to generalise the rules by class; its misses may be read.
 */
export const BATCH_4_FILE = join(EMERGENCY_DATA_DIR, 'batch4.jsonl');

/**
 * The second held-out set of issue 12 (round 3, set B): written with batch 4 and committed
 * before any rule change of round 3, never read while tuning; measured once at the end of the
 * round (`npm run nlu:eval` prints its figures only, never its messages).
 */
export const HELD_OUT_2_FILE = join(__dirname, 'heldout2.jsonl');

/**
 * The held-out sets of round 4 (sets D and E): written by two writers who had read neither
 * the rules nor any earlier set, committed before the learned safety model was measured on
 * them, never trained or tuned on (`npm run nlu:eval` prints their figures only).
 */
export const HELD_OUT_3_FILE = join(__dirname, 'heldout3.jsonl');
/** See {@link HELD_OUT_3_FILE}. */
export const HELD_OUT_4_FILE = join(__dirname, 'heldout4.jsonl');

/** One message of the safety set. */
export interface SafetyMessage {
  readonly text: string;
  readonly kind: EmergencyKind | null;
  /** The resident's voice (elderly, sms, typos, dictation, non_native, english, plain), on the sets of issue 12. */
  readonly voice?: string;
}

/** Reads the safety set. */
export function readSafetySet(file = SAFETY_FILE): SafetyMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SafetyMessage);
}

/** What the understanding did with the safety set. */
export interface SafetyFigures {
  readonly emergencies: number;
  readonly ordinary: number;
  /** Emergencies answered with the numbers at once. */
  readonly caught: number;
  /** Of those, with the expected kind (the right numbers first). */
  readonly rightKind: number;
  /** Emergencies missed, but asked "Est-ce une urgence ?". */
  readonly asked: number;
  /** Ordinary messages answered with the numbers. */
  readonly falseAlarms: number;
  /** Ordinary messages asked "Est-ce une urgence ?". */
  readonly askedOrdinary: number;
  readonly missedTexts: readonly string[];
  readonly falseAlarmTexts: readonly string[];
}

/** Measures `understand` on the safety set. */
export function measureSafety(
  understand: (text: string) => Understanding,
  messages: readonly SafetyMessage[] = readSafetySet(),
): SafetyFigures {
  let caught = 0;
  let rightKind = 0;
  let asked = 0;
  let falseAlarms = 0;
  let askedOrdinary = 0;
  const missedTexts: string[] = [];
  const falseAlarmTexts: string[] = [];
  for (const message of messages) {
    const got = understand(message.text);
    if (message.kind !== null) {
      if (got.emergency !== null) {
        caught += 1;
        if (got.emergency === message.kind) rightKind += 1;
      } else {
        if (got.unsureEmergency) asked += 1;
        missedTexts.push(message.text);
      }
    } else if (got.emergency !== null) {
      falseAlarms += 1;
      falseAlarmTexts.push(message.text);
    } else if (got.unsureEmergency) askedOrdinary += 1;
  }
  const emergencies = messages.filter((message) => message.kind !== null).length;
  return {
    emergencies,
    ordinary: messages.length - emergencies,
    caught,
    rightKind,
    asked,
    falseAlarms,
    askedOrdinary,
    missedTexts,
    falseAlarmTexts,
  };
}
