/**
 * Emergency detection by rules, independent of the classifiers: the safety component.
 *
 * @remarks
 * A life-threatening message must never depend on a statistical model, so these rules run
 * on every message. They read the resident's own words (lower-case, no accents, SMS and
 * elisions expanded by `normalizeText`: "j'ai" is "je ai", "n'arrive" is "ne arrive"), never
 * the classifiers' typo-corrected form, so a correction can never create an emergency ("vient"
 * once became "violent"); and the same words read for the rules alone (`emergencyReading.ts`:
 * SMS forms in full, a non-French word one or two edits from an emergency word read as it).
 * The patterns combine lexicons (medicines, household products, blows and victims, places
 * that burn, stroke signs) rather than list sentences. Recall comes first, then precision:
 * - {@link assessEmergency} cuts the message into clauses (punctuation, "mais", "et là",
 *   "maintenant"...) and gives a verdict per clause: `sure` (the bot shows the numbers at
 *   once) or not (the bot asks "Est-ce une urgence ?" first).
 * - Sure rules: medical (chest pain, breathing, falls with an injury or someone who cannot
 *   get up, stroke signs, poisoning, unconscious person, heavy bleeding, seizures),
 *   suicidal intent (the words, the methods, "j'ai préparé les cachets"), violence at home
 *   or against children, fire and gas; in French and in English.
 * - Signs of distress counted in pairs ("devenu tout blanc" and "affalé", "couché dans
 *   l'escalier" and "ne bouge pas"): sure, or asked when a common illness explains them;
 *   none for a pet, sleep or exercise.
 * - Suspect rules, which only ask: a fall with neither a person nor an injury said ("il est
 *   tombé"), "du mal à respirer", "je
 *   n'en peux plus", "j'ai peur de lui", "ça sent le brûlé", "au secours" next to papers,
 *   "je ne serai plus là", medicines set aside "pour ce soir", neighbours who "se battent"...
 * - Near misses ("j'ai failli tomber"), news ("aux infos"), figures of speech ("ça me tape
 *   sur les nerfs", "le prof va me tuer") and jokes ("mdr" next to a fight asked about) give none.
 * - A clause telling a past event ("il y a deux ans", "l'hiver dernier", "en 2019") or
 *   one settled ("tout va bien maintenant", "ça va mieux", "c'est normal") gives no
 *   verdict, except suicide, which is then asked about rather than dropped.
 * - Look-alike words are excluded in the patterns themselves: "tombé sur votre page",
 *   "tombé en panne", "feu d'artifice", "au feu rouge", "mort de rire", "se jeter à l'eau",
 *   "l'ordinateur ne répond plus", "en danger de rater mon train", "agression sonore".
 * Suicide and violence are checked before medical, because "il me frappe, je suis
 * tombée" should show the violence numbers first. Measured on the sets of
 * `test/nlu/emergencies/` (`messages.jsonl`, `development.jsonl`, `batch3.jsonl`, `batch4.jsonl`
 * and the held-out `heldout.jsonl` and `heldout2.jsonl`) and on the check set (see
 * `npm run nlu:eval`).
 * - Facts ordinary alone count in pairs (`pairedVerdict`): two signs of a seizure, diabetes
 *   with distress, a burn with blisters or screams, an accident with blood, a burning
 *   appliance with headaches (carbon monoxide). A lasting complaint ("depuis des années") or
 *   breathlessness on the stairs is asked about rather than given the numbers.
 */

import { readForRules } from './emergencyReading';

import { SUSPECT, SURE, type EmergencyKind, type EmergencyVerdict } from './emergencyRules';
import {
  ACCIDENT,
  ACCIDENT_SIGNS,
  AT_REST,
  BROKEN,
  BURN,
  BURN_SEVERE,
  CHRONIC,
  CLAUSE_SPLIT,
  COMBUSTION,
  CO_SYMPTOMS,
  DESPAIR,
  DIABETIC,
  DIABETIC_SIGNS,
  DISTRESS_SIGNS,
  EVERYDAY_PATTERN,
  EXERTION,
  FALL_PATTERN,
  FIGURE,
  HISTORY,
  ILLNESS,
  INJURY_PATTERN,
  JOKE,
  JUMP,
  JUMP_PLACE,
  MEDS_AT_HAND,
  MEDS_MENTIONED,
  METHOD_CONTEXT,
  NEAR_MISS,
  OWNED,
  PAST_PATTERN,
  PERSON_FELL_PATTERN,
  READY,
  READY_TONIGHT,
  SETTLED_PATTERN,
  SEIZURE_SIGNS,
  SET_ASIDE,
  STROKE_SIGNS,
  STRONG_METHOD,
  SUDDEN,
  SWALLOW_ALL,
  THING_FELL,
} from './emergencyLexicon';

export { EMERGENCY_PATTERNS, type EmergencyKind, type EmergencyVerdict } from './emergencyRules';
export { EMERGENCY_STEMS, isEmergencyWord } from './emergencyStems';

/** Words of breathing: breathlessness on the stairs is asked about, not recited numbers for. */
const BREATH = /\b(?:respir\w*|souffle\w*|essouffl\w*|breath\w*|air)\b/;

/** The verdict on one normalised clause, before the past-event guard. */
function clauseVerdict(clause: string): EmergencyVerdict | null {
  for (const rule of SURE) if (rule.pattern.test(clause)) return { kind: rule.kind, sure: true };
  // Each reading below may be unsure ("il tombe presque", one stroke sign): a sure one found
  // by another reading of the same clause wins, so an unsure fall never hides "tout gris".
  const verdicts = [
    fallVerdict(clause),
    strokeVerdict(clause),
    pairedVerdict(clause),
    distressVerdict(clause),
  ];
  const found = verdicts.filter((verdict): verdict is EmergencyVerdict => verdict !== null);
  const sure = found.find((verdict) => verdict.sure);
  if (sure !== undefined) return sure;
  if (THING_FELL.test(clause) && FALL_PATTERN.test(clause) && found.length === 0) return null;
  if (found.length > 0) return found[0];
  for (const rule of SUSPECT) {
    if (!rule.pattern.test(clause)) continue;
    return { kind: rule.kind, sure: false };
  }
  return null;
}

/** A fall: sure with an injury or a person who fell, asked otherwise; none for a thing that fell. */
function fallVerdict(clause: string): EmergencyVerdict | null {
  if (!FALL_PATTERN.test(clause)) return null;
  const injured = INJURY_PATTERN.test(clause);
  // A thing that fell may break ("my phone fell, the screen is broken"): only a hurt person counts.
  if (THING_FELL.test(clause) && !INJURY_PATTERN.test(clause.replace(BROKEN, ''))) return null;
  return { kind: 'medical', sure: injured || PERSON_FELL_PATTERN.test(clause) };
}

/** Two signs of distress: sure, or asked when a common illness explains them; none at rest. */
function distressVerdict(clause: string): EmergencyVerdict | null {
  if (DISTRESS_SIGNS.filter((sign) => sign.test(clause)).length < 2 || AT_REST.test(clause)) return null;
  return { kind: 'medical', sure: !ILLNESS.test(clause) };
}

/**
 * Stroke signs, counted over a clause or a whole sentence ("il parle bizarre et la main ne
 * marche plus"): two signs, or one with a sudden start, are sure; one alone is asked about.
 */
function strokeVerdict(text: string): EmergencyVerdict | null {
  const strokeSigns = STROKE_SIGNS.filter((sign) => sign.test(text)).length;
  return strokeSigns > 0 ? { kind: 'medical', sure: strokeSigns > 1 || SUDDEN.test(text) } : null;
}

/**
 * Emergencies told by two facts that are ordinary alone: two signs of a seizure ("fait une
 * crise", "tremble de partout", "bave"), diabetes with a sign of distress, a burn with
 * blisters or screams, an accident with blood or someone who does not move, a burning
 * appliance with headaches and vomiting (carbon monoxide).
 */
function pairedVerdict(text: string): EmergencyVerdict | null {
  if (COMBUSTION.test(text) && CO_SYMPTOMS.test(text)) return { kind: 'fire', sure: true };
  if (SEIZURE_SIGNS.filter((sign) => sign.test(text)).length > 1) return { kind: 'medical', sure: true };
  if (DIABETIC.test(text) && DIABETIC_SIGNS.test(text)) return { kind: 'medical', sure: true };
  if (BURN.test(text) && BURN_SEVERE.test(text)) return { kind: 'medical', sure: true };
  if (ACCIDENT.test(text) && ACCIDENT_SIGNS.test(text)) return { kind: 'medical', sure: true };
  return null;
}

/** Applies the guards: past, settled or told events, "au secours" next to papers. */
function guarded(
  clause: string,
  verdict: EmergencyVerdict | null,
  sentence = clause,
): EmergencyVerdict | null {
  if (verdict === null || NEAR_MISS.test(clause)) return null;
  if (PAST_PATTERN.test(clause) || SETTLED_PATTERN.test(sentence)) {
    return verdict.kind === 'suicide' ? { kind: 'suicide', sure: false } : null;
  }
  // "c'est fini" settles a crisis that was told, but is itself a word of despair.
  if (verdict.kind !== 'suicide' && /\bce est fini\b/.test(sentence)) return null;
  if (verdict.kind === 'violence' && FIGURE.test(sentence)) return null;
  if (!verdict.sure && verdict.kind === 'violence' && JOKE.test(sentence)) return null;
  if (verdict.kind === 'medical' && HISTORY.test(clause)) return { kind: 'medical', sure: false };
  // A lasting complaint ("depuis des années") or breathlessness on the stairs: asked about.
  if (
    verdict.kind === 'medical' &&
    (CHRONIC.test(sentence) || (EXERTION.test(clause) && BREATH.test(clause)))
  )
    return { kind: 'medical', sure: false };
  if (EVERYDAY_PATTERN.test(clause) && /\b(?:au secours|a le aide|sos|help)\b/.test(clause)) return null;
  return verdict;
}

/** Normalised clauses of a normalised text (split on "mais", "et là", "maintenant"...). */
function splitNormalized(normalized: string): string[] {
  return normalized.split(CLAUSE_SPLIT).filter((clause) => clause !== '');
}

/** Verdicts on the clauses of one sentence, read as written and as corrected for the rules. */
function sentenceVerdicts(sentence: string): (EmergencyVerdict | null)[] {
  const { raw, corrected } = readForRules(sentence);
  const readings = raw === corrected ? [raw] : [raw, corrected];
  return readings.flatMap((text) => [
    ...splitNormalized(text).map((clause) => guarded(clause, clauseVerdict(clause), text)),
    guarded(text, strokeVerdict(text)),
  ]);
}

/**
 * Suicidal intent told across sentences: a method at hand ("j'ai la corde", "j'ai les
 * médocs") and readiness ("je suis prêt", "ce soir", "en finir") anywhere in the message.
 */
function methodAndReadiness(message: string): EmergencyVerdict | null {
  if (PAST_PATTERN.test(message)) return null;
  const strong = STRONG_METHOD.test(message) && OWNED.test(message);
  const ready = READY.test(message);
  if (
    (strong && (ready || READY_TONIGHT.test(message) || METHOD_CONTEXT.test(message))) ||
    (MEDS_AT_HAND.test(message) && ready) ||
    (JUMP_PLACE.test(message) && (JUMP.test(message) || DESPAIR.test(message))) ||
    (MEDS_MENTIONED.test(message) &&
      (ready || SWALLOW_ALL.test(message)) &&
      (READY_TONIGHT.test(message) || ready))
  )
    return { kind: 'suicide', sure: true };
  // Medicines set aside "for tonight": maybe a plan, maybe the evening dose; asked.
  if (MEDS_MENTIONED.test(message) && SET_ASIDE.test(message) && READY_TONIGHT.test(message))
    return { kind: 'suicide', sure: false };
  return null;
}

/**
 * Combines clause verdicts: the first sure one wins (in rule order: suicide, violence,
 * fire, medical), else the first unsure one.
 */
function combine(verdicts: readonly (EmergencyVerdict | null)[]): EmergencyVerdict | null {
  const found = verdicts.filter((verdict): verdict is EmergencyVerdict => verdict !== null);
  const order: readonly EmergencyKind[] = ['suicide', 'violence', 'fire', 'medical'];
  const sure = found.filter((verdict) => verdict.sure);
  if (sure.length > 0) return sure.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  return found[0] ?? null;
}

/** The verdict on an already normalised text (no punctuation left, so clauses by words only). */
export function assessNormalized(normalized: string): EmergencyVerdict | null {
  return combine([...sentenceVerdicts(normalized), methodAndReadiness(readForRules(normalized).corrected)]);
}

/**
 * The rules' verdict on a resident's message, or `null`: clauses are cut at punctuation
 * first, then at "mais", "et là", "maintenant"..., so "il y a deux ans mon père a fait un
 * AVC. Là il ne répond plus" is judged on its second sentence. Each clause is read as
 * written and as corrected for the rules (`readForRules`: SMS forms, misspelt emergency
 * words), and the whole message is checked for a suicide method at hand with readiness.
 *
 * @param text - the message as written.
 */
export function assessEmergency(text: string): EmergencyVerdict | null {
  const sentences = text.split(/[.!?;\n]+/);
  return combine([...sentences.flatMap(sentenceVerdicts), methodAndReadiness(readForRules(text).corrected)]);
}

/**
 * The kind of emergency described by a normalised text, when the rules are sure of it,
 * or `null` (unsure verdicts included: see {@link assessNormalized}).
 *
 * @param normalized - output of `normalizeText` on the resident's own words (never the
 * typo-corrected tokens).
 */
export function detectEmergency(normalized: string): EmergencyKind | null {
  const verdict = assessNormalized(normalized);
  return verdict?.sure ? verdict.kind : null;
}
