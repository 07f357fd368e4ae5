/**
 * How soon the resident needs something.
 *
 * @remarks
 * `high` when the normalised text says "urgent", "urgence", "asap", "vite", "rapidement",
 * "tout de suite", "immédiatement", "maintenant", "aujourd'hui", "ce soir", "ce matin",
 * "cet après-midi" or "dès que possible"; `normal` otherwise, and also when the urgency
 * word is negated ("pas urgent", "rien d'urgent", "pas pressé", "pas très urgent"). Emergencies are a separate matter (see `detectEmergency`).
 */

/** Urgency level of a request. */
export type Urgency = 'high' | 'normal';

const URGENT =
  /\b(?:urgent\w*|urgence|asap|vite|rapide\w*|tout de suite|immediatement|maintenant|aujourd hui|ce soir|ce matin|cet apres midi|des que possible|au plus tot|presse\w*)\b/g;
const NEGATED =
  /\b(?:pas|rien|non|sans|aucune?)\s+(?:(?:tres|trop|si|de|du|vraiment|super|hyper|encore)\s+)?$/;

/**
 * Urgency of a message.
 *
 * @param normalized - output of `normalizeText`.
 */
export function detectUrgency(normalized: string): Urgency {
  for (const match of normalized.matchAll(URGENT)) {
    const before = normalized.slice(Math.max(0, match.index - 40), match.index);
    if (!NEGATED.test(before)) return 'high';
  }
  return 'normal';
}
