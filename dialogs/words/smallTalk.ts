/**
 * Small talk a whole message can be (thanks, a nod, a short question about the service),
 * which the bot answers kindly without a form.
 */
import { normalize } from './text';

/** Small talk a whole message can be, which the bot answers kindly without a form. */
export type SmallTalk = 'thanks' | 'acknowledgement' | 'question' | 'price' | 'who' | 'bot';

const THANKS =
  /^((ok|okay|super|top|genial|parfait|d accord|tres bien|bien) )?(merci|mci|mrc|thanks|thank you|thx)( (beaucoup|bcp|bien|encore|a vous|a toi|pour tout|infiniment|mille fois))*$/;
const ACKNOWLEDGEMENTS =
  /^(ok|okay|oki|ok ok|d accord|daccord|dac|ca marche|tres bien|super|parfait|entendu|compris|bien recu|ah ok|ah d accord|top|cool|nickel|genial|impec|impeccable|ca roule|ca marche merci|alright|all right|got it|fine|great)$/;
/** Longest message read as a question about the service (longer: a request, for the NLU). */
const MAX_SMALL_QUESTION = 60;
/** "c'est gratuit ?", "c'est combien ?", "ça coûte quelque chose", "faut payer ?". */
const PRICE =
  /\b(gratuit|gratuite|payant|payante|combien|tarifs?|prix|couter?|coute|coutent|cout|payer|paye|paie|sous|argent|cher)\b/;
/** "c'est la mairie ?", "qui êtes-vous ?", "c'est qui derrière ?". */
const WHO =
  /\b(mairie|la ville|municipalite|ccas|qui (etes|est|es|gere|s occupe|organise|fait)|vous etes qui|t es qui|c est qui|qui vous etes|qui est derriere|c est quoi ce (service|truc|site)|c est quoi voisins)\b/;
/** "vous êtes un robot ?", "je parle à une vraie personne ?" (asking to talk to one is a handover). */
const BOT =
  /\b(robot|bot|chatbot|ia|intelligence artificielle|une machine|automatique|vraie personne|un humain|une personne reelle)\b/;
const ASKS_A_PERSON = /\b(parler|passer|joindre|appeler|contacter|veux|voudrais|besoin)\b/;

/**
 * The small talk the whole message is: thanks ("merci beaucoup", "ok merci"), an
 * acknowledgement ("ok", "d'accord", an emoji alone), a bare "?", a short question about the
 * price ("c'est gratuit ?"), who runs the service ("c'est la mairie ?") or whether a robot
 * answers; undefined for anything else, a testimonial included ("merci à Karim qui m'a fait
 * mes courses" tells a story, it is not small talk).
 */
export function readSmallTalk(text: string | undefined): SmallTalk | undefined {
  if (!text) return undefined;
  if (/^[\s?¿!]*\?[\s?¿!]*$/.test(text)) return 'question';
  const typed = normalize(text)
    .replace(/(.)\1{2,}/g, '$1')
    .replace(/(.)\1+$/, '$1');
  // Only emoji or punctuation ("👍", "🙏", "!!"): taken as a nod.
  if (typed === '' && !/[\p{L}\p{N}?]/u.test(text)) return 'acknowledgement';
  if (THANKS.test(typed)) return 'thanks';
  if (ACKNOWLEDGEMENTS.test(typed)) return 'acknowledgement';
  if (typed.length > MAX_SMALL_QUESTION) return undefined;
  if (BOT.test(typed) && !ASKS_A_PERSON.test(typed)) return 'bot';
  // "des courses pour ma voisine qui est malade" is a request, not a question about the service.
  if (WHO.test(typed) && !REQUEST_WORDS.test(typed)) return 'who';
  return PRICE.test(typed) && !REQUEST_WORDS.test(typed) ? 'price' : undefined;
}

/** Words of a request: "je cherche quelqu'un pour les courses, c'est gratuit ?" is a need first. */
const REQUEST_WORDS = /\b(cherche|besoin|propose|proposer|aider|aide|courses|pharmacie|devoirs|imprimer)\b/;
