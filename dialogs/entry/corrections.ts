/**
 * Corrections a resident can make at any question of the form: go back to the previous
 * question, switch an offer to a need (or back), change a field from the recap.
 */
import type { EntryKind } from '../../services/domain/types';
import { normalize } from '../keywords';

/** What the resident asked to correct. */
export type Correction = 'back' | 'edit' | { switchTo: EntryKind };

/** Longest message read as a correction (longer: an answer that happens to use the words). */
const MAX_CORRECTION = 100;

const TO_NEED =
  /\bc est (moi|nous) qui (ai|aurais|avons|a) besoin\b|\b(je veux|je voudrais|je prefere|je vais|j aimerais|jveux)( plutot)? (demander|faire une demande)\b|\bplutot (demander|une demande)\b|\bc est une demande\b|^(en fait|finalement|non|oups|pardon|je me suis trompe\w*)\b.*\b(j ai besoin|j aurais besoin|jai besoin|besoin d aide|demander de l aide)\b/;
const TO_OFFER =
  /\bc est (moi|nous) qui (veux|peux|voudrais|vais|propose|proposons|voulons|pouvons) (aider|proposer|rendre service)\b|\b(je veux|je voudrais|je prefere|je vais|j aimerais|jveux)( plutot)? (proposer|offrir|aider les autres|donner un coup de main)\b|\bplutot (proposer|aider|une offre)\b|\bc est une offre\b|^(en fait|finalement|non|oups|pardon|je me suis trompe\w*)\b.*\b(je (peux|veux|voudrais|propose) (aider|proposer|donner)|proposer (mon|de l) aide)\b/;
const BACK =
  /^((oups|oh|ah|pardon|attendez|attends|euh|zut|mince|non|ah non|oh non) )*(en fait non|non en fait|je me suis trompe|je me suis trompee|je me suis trompes|jme suis trompe|je me suis gourre|je me suis plante|je me suis mal exprime|erreur|c est une erreur|mauvaise reponse|retour|revenir|precedent|precedente|question precedente|revenir en arriere|en arriere|retour en arriere|on revient en arriere|je veux revenir en arriere|je voudrais revenir en arriere|revenir a la question precedente|oups|back|go back|previous|previous question|undo|i made a mistake|my mistake|wrong answer)( svp| please| s il vous plait| pardon| desole| desolee)*$/;
const EDIT =
  /^((je (veux|voudrais|souhaite) )?(modifier|changer|corriger)( quelque chose| un truc| une reponse| l annonce| ma reponse)?|modif|il y a une erreur|c est pas bon|ce n est pas bon|pas bon|change|edit|change something|i want to change something)( svp| s il vous plait| please)*$/;

/** The correction the whole message asks for in a form of `kind`, if any. */
export function readCorrection(text: string | undefined, kind: EntryKind): Correction | undefined {
  if (!text) return undefined;
  const typed = normalize(text).replace(/(.)\1{2,}/g, '$1');
  if (typed.length === 0 || typed.length > MAX_CORRECTION) return undefined;
  if (kind === 'offer' && TO_NEED.test(typed)) return { switchTo: 'need' };
  if (kind === 'need' && TO_OFFER.test(typed)) return { switchTo: 'offer' };
  if (BACK.test(typed)) return 'back';
  return EDIT.test(typed) ? 'edit' : undefined;
}
