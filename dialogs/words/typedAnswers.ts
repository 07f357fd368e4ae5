/**
 * Answers typed instead of tapped: a helper's yes or no to a request, an owner's to "Voulez-vous
 * la prolonger ?", a resident's to "L'entraide a-t-elle eu lieu ?".
 */
import { normalize } from './text';

/** Longest typed answer read as a helper's yes or no to a request (longer: another message). */
const MAX_TYPED_ANSWER = 80;
/** Saying one cannot, anywhere in the answer: a refusal even after "oui" ("oui mais je peux pas"). */
const CANNOT =
  /\b(ne )?(peux|peut|pourrai|pourrais) (pas|plus)\b|\bpas (dispo|disponible|libre|possible)\b|\bimpossible\b|\bempeche\b|\b(can t|cannot|can not|couldn t|won t be able)\b|\bnot (available|free)\b/;
/** How an acceptance starts. */
const ACCEPTS =
  /^(oui|ouais|ouep|ok|okay|oki|d accord|dac|daccord|avec plaisir|volontiers|bien sur|yes|je peux|j accepte|j y vais|pas de souci|pas de probleme|aucun souci|aucun probleme|carrement|c est bon|ca marche|je suis dispo|je suis disponible|yeah|yep|sure|of course|with pleasure|happy to|i can|i will|no problem)\b/;
/** How a refusal starts. */
const REFUSES =
  /^(non|nan|no|nope|desole|desolee|dsl|malheureusement|je refuse|pas cette fois|sorry|unfortunately)\b/;

/**
 * A helper's typed answer to a request they were asked: true for an acceptance ("oui avec
 * plaisir !", "ok je peux samedi"), false for a refusal ("désolé je peux pas demain", "non
 * pas cette semaine"), undefined for anything else (a question, another request, a long text).
 */
export function readTypedAnswer(text: string | undefined): boolean | undefined {
  if (!text) return undefined;
  const typed = normalize(text).replace(/(.)\1{2,}/g, '$1');
  if (typed.length === 0 || typed.length > MAX_TYPED_ANSWER || text.includes('?')) return undefined;
  if (CANNOT.test(typed) || REFUSES.test(typed)) return false;
  return ACCEPTS.test(typed) ? true : undefined;
}

/** Words that keep an entry when asked whether it is still wanted ("oui toujours", "gardez-la"). */
const KEEPS = /\b(toujours|garde[rz]?|gardez la|prolonge[rz]?|encore besoin|continue[rz]?)\b/;
/** Words that close it ("plus besoin", "c'est bon j'ai trouvé", "retirez-la"). */
const CLOSES =
  /\b(plus besoin|plus la peine|j ai trouve|c est regle|c est fini|fini|retire[rz]?|supprime[rz]?|enleve[rz]?|termine)\b/;

/**
 * An owner's typed answer to "Voulez-vous la prolonger ?": true to keep the entry ("oui
 * toujours", "gardez-la svp"), false to close it ("non c'est bon j'ai trouvé", "plus
 * besoin"), undefined for anything else.
 */
export function readRenewalAnswer(text: string | undefined): boolean | undefined {
  return readAnswerWith(text, { no: CLOSES, yes: KEEPS });
}

/** "il n'est jamais venu", "personne n'est venu": the help did not happen. */
const DID_NOT_HAPPEN = /\b(jamais venue?|pas venue?|personne n est venu|pas eu lieu|rien eu|annule)\b/;
/** "ça s'est bien passé", "c'est fait": it did. */
const HAPPENED = /\b(bien passe|c est fait|ca a eu lieu|elle est venue|il est venu|tout est ok)\b/;

/**
 * A resident's typed answer to "L'entraide a-t-elle eu lieu ?": true ("oui très bien",
 * "ça s'est bien passé"), false ("non personne n'est venu"), undefined otherwise.
 */
export function readFollowUpAnswer(text: string | undefined): boolean | undefined {
  return readAnswerWith(text, { no: DID_NOT_HAPPEN, yes: HAPPENED });
}

/**
 * An answer to a question of its own: false when it says `no`, else true when it says `yes`
 * (`no` wins), else read as a helper's answer ({@link readTypedAnswer}).
 */
function readAnswerWith(
  text: string | undefined,
  words: { readonly no: RegExp; readonly yes: RegExp },
): boolean | undefined {
  if (!text) return undefined;
  const typed = normalize(text);
  if (typed.length === 0 || typed.length > MAX_TYPED_ANSWER) return undefined;
  if (words.no.test(typed)) return false;
  if (words.yes.test(typed)) return true;
  return readTypedAnswer(text);
}

/** True when `text` speaks of keeping or closing an entry rather than of a past help. */
export function speaksOfRenewal(text: string | undefined): boolean {
  const typed = normalize(text ?? '');
  return KEEPS.test(typed) || CLOSES.test(typed);
}
