/**
 * Whether a hand-over is sensitive (violence, an address, a health detail, an emergency or a
 * complaint): its summary then goes to the referents of the resident's neighbourhood and the
 * admins only, never to every referent's personal Messenger.
 */
import type { AttentionReason } from '../../services/domain/types';
import { normalize } from '../keywords';
import { screeningWords } from '../screening';

/** Reasons that are sensitive whatever was written. */
const SENSITIVE_REASONS: readonly AttentionReason[] = ['emergency', 'complaint'];

/** Violence and health words, on normalized text (no accents). */
const SENSITIVE_WORDS =
  /\b(frapp\w*|battu\w*|violen\w*|agress\w*|menac\w*|harcel\w*|coups?|insult\w*|malade|maladie|hopital|urgences|cancer|chimio\w*|dialyse|handicap\w*|depress\w*|suicid\w*|medicaments?|ordonnance|alzheimer|diabet\w*|enceinte|opere\w*|operation|infirmi\w*|fauteuil)\b/;

/**
 * True when the hand-over must stay within the neighbourhood's referents: its reason, or the
 * resident's recent texts (screened: an address removed from them leaves its placeholder).
 */
export function isSensitiveHandover(reason: AttentionReason, texts: readonly string[]): boolean {
  if (SENSITIVE_REASONS.includes(reason)) return true;
  const address = screeningWords().address;
  return texts.some((text) => text.includes(address) || SENSITIVE_WORDS.test(normalize(text)));
}
