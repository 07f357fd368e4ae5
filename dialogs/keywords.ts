/**
 * Short commands typed by residents ("annuler", "menu", "aide", "stop", "oui", "non", and
 * their English forms "cancel", "help", "yes", "no"), recognised despite accents, capitals,
 * punctuation and one-letter typos.
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
  // English
  'cancel',
  'cancel it',
  'stop it',
  'quit',
];
const MENU = [
  'menu',
  'menu principal',
  'retour au menu',
  'retour menu',
  'accueil',
  'recommencer',
  // English
  'main menu',
  'back to menu',
  'back to the menu',
  'start again',
  'start over',
];
const HELP = ['aide', 'help', 'comment ca marche', 'help please', 'how does it work', 'how does this work'];
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
  // English
  'yeah',
  'yep',
  'yes please',
  'sure',
  'of course',
  'i agree',
  'agree',
  'alright',
  'all right',
];
const NO = [
  'non',
  'nan',
  'no',
  'non merci',
  'je refuse',
  'refuse',
  'pas d accord',
  // English
  'nope',
  'no thanks',
  'no thank you',
  'not really',
  'i don t agree',
  'i disagree',
];

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

/** What a resident asks of "Mes données" in words. */
export type DataRequest = 'see' | 'export' | 'delete';

/** Longest message read as a request about one's data. */
const MAX_DATA_REQUEST = 80;
/** Naming one's data or account. */
const MY_DATA =
  /\b(mes|les|vos|nos) (donnees|infos|informations|coordonnees|data)\b|\bmon (compte|profil|dossier)\b|\bsur moi\b|\bdonnees personnelles\b/;
const EXPORT_WORDS = /\b(envoy|transmet|transfer|copie|export|telecharg|recevoir|recup|mail)\w*|\benvoie\b/;
const DELETE_EVERYTHING = /^(supprim|suprim|effac|efface|detrui)\w* (tout|toutes? mes \w+)$/;

/**
 * A request about the resident's own data, in words: "voir mes données", "qu'est-ce que
 * vous savez sur moi" (see), "envoyez-moi mes infos" (a copy), "supprimez tout", "effacer
 * mon compte" (delete); undefined for anything else ("supprimer mon annonce" is for "Mes
 * annonces").
 */
export function readDataRequest(text: string | undefined): DataRequest | undefined {
  if (!text) return undefined;
  const typed = normalize(text);
  if (typed.length === 0 || typed.length > MAX_DATA_REQUEST || /\bannonces?\b/.test(typed)) return undefined;
  if (DELETE_EVERYTHING.test(typed)) return 'delete';
  if (!MY_DATA.test(typed)) return undefined;
  if (asksToDelete(typed)) return 'delete';
  if (EXPORT_WORDS.test(typed)) return 'export';
  return 'see';
}

/**
 * True when the whole message asks for the resident's entries or pending questions ("mes
 * annonces", "mes demandes en cours", "voir mes offres").
 */
export function asksForMyEntries(text: string | undefined): boolean {
  if (!text) return false;
  return /^((je veux |je voudrais )?(voir|afficher|gerer) )?(mes|les) (annonces|demandes|offres|demandes en cours|annonces en cours|questions en attente)( en cours| svp| s il vous plait)?$/.test(
    normalize(text),
  );
}

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

/**
 * True when `text` asks to delete something ("supprimez mes données", "effacer mon compte"),
 * not merely to see it ("voir mes données", "mes infos"): only then does the bot go straight
 * to the deletion's confirmation.
 */
export function asksToDelete(text: string): boolean {
  return /\b(supprim|suprim|effac|oubli|retir|enlev|detrui|delete|remove|erase)/.test(normalize(text));
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
  if (!text) return undefined;
  const typed = normalize(text);
  if (typed.length === 0 || typed.length > MAX_TYPED_ANSWER) return undefined;
  if (CLOSES.test(typed)) return false;
  if (KEEPS.test(typed)) return true;
  return readTypedAnswer(text);
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
  if (!text) return undefined;
  const typed = normalize(text);
  if (typed.length === 0 || typed.length > MAX_TYPED_ANSWER) return undefined;
  if (DID_NOT_HAPPEN.test(typed)) return false;
  if (HAPPENED.test(typed)) return true;
  return readTypedAnswer(text);
}

/** True when `text` speaks of keeping or closing an entry rather than of a past help. */
export function speaksOfRenewal(text: string | undefined): boolean {
  const typed = normalize(text ?? '');
  return KEEPS.test(typed) || CLOSES.test(typed);
}
