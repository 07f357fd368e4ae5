/**
 * Short commands typed by residents ("annuler", "menu", "aide", "stop", "oui", "non"),
 * recognised despite accents, capitals, punctuation and one-letter typos.
 */

/** A command that interrupts any dialog. */
export type Command = 'cancel' | 'menu' | 'help';

/** Lower case, no accents, no punctuation, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@+. ]+/g, ' ')
    .replace(/[.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, small strings only. */
export function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** True when `text` is one of `words`, allowing one typo for words of 5 letters or more. */
function matchesAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => word === text || (word.length >= 5 && distance(word, text) <= 1));
}

const CANCEL = [
  'annuler',
  'annule',
  'annulez',
  'annulation',
  'stop',
  'stopper',
  'arreter',
  'arret',
  'arrete',
];
const MENU = ['menu', 'menu principal', 'retour au menu', 'retour menu', 'accueil', 'recommencer'];
const HELP = ['aide', 'help', 'comment ca marche'];
const YES = [
  'oui',
  'ouais',
  'ok',
  'okay',
  'd accord',
  'daccord',
  'bien sur',
  'yes',
  'oui oui',
  'j accepte',
  'accepte',
];
const NO = ['non', 'nan', 'no', 'non merci', 'je refuse', 'refuse', 'pas d accord'];

/** The interrupting command the whole message is, if any. */
export function readCommand(text: string | undefined): Command | undefined {
  if (!text) return undefined;
  const normalized = normalize(text);
  if (normalized.length === 0 || normalized.length > 25) return undefined;
  if (matchesAny(normalized, CANCEL)) return 'cancel';
  if (matchesAny(normalized, MENU)) return 'menu';
  if (matchesAny(normalized, HELP)) return 'help';
  return undefined;
}

/** True for "oui" and its variants, false for "non", undefined otherwise. */
export function readYesNo(text: string | undefined): boolean | undefined {
  if (!text) return undefined;
  // Repeated letters do not count: "ouiii", "nonn".
  const collapse = (word: string) => word.replace(/(.)\1+/g, '$1');
  const typed = collapse(normalize(text));
  if (matchesAny(typed, YES.map(collapse))) return true;
  if (matchesAny(typed, NO.map(collapse))) return false;
  return undefined;
}

/** Small talk a whole message can be, which the bot answers kindly without a form. */
export type SmallTalk = 'thanks' | 'acknowledgement';

const THANKS =
  /^((ok|okay|super|top|genial|parfait|d accord|tres bien|bien) )?(merci|mci|mrc|thanks|thank you|thx)( (beaucoup|bcp|bien|encore|a vous|a toi|pour tout|infiniment|mille fois))*$/;
const ACKNOWLEDGEMENTS =
  /^(ok|okay|oki|ok ok|d accord|daccord|dac|ca marche|tres bien|super|parfait|entendu|compris|bien recu|ah ok|ah d accord)$/;

/**
 * The small talk the whole message is: thanks ("merci beaucoup", "ok merci") or an
 * acknowledgement ("ok", "d'accord", an emoji alone); undefined for anything else, a testimonial included
 * ("merci à Karim qui m'a fait mes courses" tells a story, it is not small talk).
 */
export function readSmallTalk(text: string | undefined): SmallTalk | undefined {
  if (!text) return undefined;
  const typed = normalize(text)
    .replace(/(.)\1{2,}/g, '$1')
    .replace(/(.)\1+$/, '$1');
  // Only emoji or punctuation ("👍", "🙏", "!!"): taken as a nod.
  if (typed === '' && !/[\p{L}\p{N}?]/u.test(text)) return 'acknowledgement';
  if (THANKS.test(typed)) return 'thanks';
  return ACKNOWLEDGEMENTS.test(typed) ? 'acknowledgement' : undefined;
}

/** Longest typed answer read as a helper's yes or no to a request (longer: another message). */
const MAX_TYPED_ANSWER = 80;
/** Saying one cannot, anywhere in the answer: a refusal even after "oui" ("oui mais je peux pas"). */
const CANNOT =
  /\b(ne )?(peux|peut|pourrai|pourrais) (pas|plus)\b|\bpas (dispo|disponible|libre|possible)\b|\bimpossible\b|\bempeche\b/;
/** How an acceptance starts. */
const ACCEPTS =
  /^(oui|ouais|ouep|ok|okay|oki|d accord|dac|daccord|avec plaisir|volontiers|bien sur|yes|je peux|j accepte|j y vais|pas de souci|pas de probleme|aucun souci|aucun probleme|carrement|c est bon|ca marche|je suis dispo|je suis disponible)\b/;
/** How a refusal starts. */
const REFUSES = /^(non|nan|no|desole|desolee|dsl|malheureusement|je refuse|pas cette fois)\b/;

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

/**
 * True when `text` asks to delete something ("supprimez mes données", "effacer mon compte"),
 * not merely to see it ("voir mes données", "mes infos"): only then does the bot go straight
 * to the deletion's confirmation.
 */
export function asksToDelete(text: string): boolean {
  return /\b(supprim|suprim|effac|oubli|retir|enlev|detrui|delete|remove|erase)/.test(normalize(text));
}
