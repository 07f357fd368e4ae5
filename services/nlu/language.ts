/**
 * English or French: which language a resident writes in, from the share of each language's
 * function words, and an explicit request to switch ("english please", "en français svp").
 *
 * @remarks
 * Tokens are read lower-cased and accent-free, without the SMS expansion, so that shorthand
 * ("slt", "jpeu", "bjr") counts as French. Words both languages use ("ok", "top", "cool",
 * "week-end", "parking", "mail", "stop", "menu", "super", "sorry") count for neither. A
 * single English word is never enough unless it only ever starts an English message ("hi",
 * "hello", "please"); a French accent counts twice. When unsure, the conversation keeps its
 * language: a French resident is never switched to English by a word teenagers borrow, and
 * an English speaker is switched back only by a clearly French message or by asking.
 */
import { ELISIONS, SMS_EXPANSIONS } from './sms';
import { foldAccents, rawTokens } from './normalize';

/** A language a resident writes in. */
export type Language = 'fr' | 'en';

/** How English and how French a message reads. */
export interface LanguageScores {
  readonly en: number;
  readonly fr: number;
}

/** Words that only start or fill English sentences: each counts twice. */
const STRONG_ENGLISH = new Set(
  `hi hello hey hiya please pls plz thanks thank the i you your my we they he she it is are am
  what how where when why would could should can cannot english anyone someone`.split(/\s+/),
);

/** English words that French residents do not borrow: each counts once. */
const ENGLISH = new Set(
  `and or of to in at for with from about this that these those there here not cant wont dont
  doesnt didnt isnt arent wasnt im ive youre thats theres whats was were be been being have has had
  do does did will shall may might him her us them our their his its who which some any anything
  something nothing every need needs needed want wants wanted like get got going come coming give
  take bring buy pick walk carry read write print fill send call speak talk know understand help
  helping yes no good great fine just also only very really much many more still already today
  tomorrow tonight morning afternoon evening days day time next last after before neighbour
  neighbor neighbours neighbors groceries shop food medicine medicines pharmacy chemist dog cat
  homework kids kid child children daughter mum mom dad mother father wife husband grandma
  grandmother old elderly lady man woman friend free available lonely alone moved living house
  flat street town if but so because then than too well able unable hurt sick ill fever sounds`.split(/\s+/),
);

/** Words both languages use, and English words French residents borrow: they count for neither. */
const SHARED = new Set(
  `ok okay oki top cool super week end weekend parking mail email sms stop menu go job bus taxi
  internet wifi shopping sorry bye fun hobby sport club baby cocktail sandwich pull team chat live
  drive store thx me a on an son as`.split(/\s+/),
);

/** French function words and everyday words of a neighbourly request. */
const FRENCH = new Set(
  `le la les un une des du de d au aux et ou est sont suis es etes ai as avons avez ont je j tu il
  elle nous vous ils elles me m te t se s ce c cet cette ces qu que qui quoi quand comment pourquoi
  pas ne n ni rien jamais mon ma mes ton ta tes sa ses notre nos votre vos leur leurs moi toi lui
  avec dans sur sous chez pour par sans vers depuis mais donc car si oui non merci bonjour bonsoir
  salut coucou svp stp vous besoin aide aider aidez peux peut pouvez pourriez voudrais veux voulez
  faire fait courses voisin voisine voisins demain aujourd hui matin soir semaine quelqu quelque
  personne mere pere fils fille mari femme enfants maison rue quartier pharmacie chien chat devoirs
  ecole ordinateur imprimer papiers tres bien beaucoup aussi encore deja y ca cela ceci voila
  francais anglais parlez parle parler dispo disponible gratuit urgent vite ici la bas`.split(/\s+/),
);

/** Letters with French accents (an English message has none). */
const FRENCH_ACCENTS = /[éèêëàâçùûôîïœ]/i;

/**
 * English contractions ("don't", "I'm", "it's", "we'll"): they end with the apostrophe's
 * letters, where French elisions start with them ("j'ai", "l'aide"), so they are read whole.
 */
const ENGLISH_CONTRACTION =
  /\b[a-z]+n['’]t\b|\b(?:i|you|we|they|he|she|it|that|there|what|who|let)['’](?:m|s|re|ll|ve|d)\b/g;

/** A French word, French shorthand or an elided French word. */
function isFrenchToken(token: string): boolean {
  return FRENCH.has(token) || token in SMS_EXPANSIONS || token in ELISIONS;
}

/** How English and how French `text` reads. */
export function scoreLanguage(text: string): LanguageScores {
  const folded = foldAccents(text);
  const contractions = folded.match(ENGLISH_CONTRACTION)?.length ?? 0;
  let en = 2 * contractions;
  let fr = FRENCH_ACCENTS.test(text) ? 2 : 0;
  for (const token of rawTokens(folded.replace(ENGLISH_CONTRACTION, ' '))) {
    if (SHARED.has(token)) continue;
    if (STRONG_ENGLISH.has(token)) en += 2;
    else if (ENGLISH.has(token)) en += 1;
    else if (isFrenchToken(token)) fr += 1;
  }
  return { en, fr };
}

/** Reads as English: at least one strong English word or two, and twice as English as French. */
function readsEnglish({ en, fr }: LanguageScores): boolean {
  return en >= 2 && en >= 2 * fr + 1;
}

/** Reads clearly as French: several French words and hardly any English one. */
function readsClearlyFrench({ en, fr }: LanguageScores): boolean {
  return fr >= 3 && fr >= 2 * en + 1;
}

/** The language `text` reads in, or undefined when unsure (one shared or borrowed word, a number). */
export function detectLanguage(text: string): Language | undefined {
  const scores = scoreLanguage(text);
  if (readsEnglish(scores)) return 'en';
  return scores.fr >= 1 && scores.fr > scores.en ? 'fr' : undefined;
}

/** Longest message read as a request to switch language (longer: it says something else). */
const MAX_SWITCH_TOKENS = 8;
/** The words a request to change language is made of, in either language. */
const SWITCH_WORDS = new Set(
  `english anglais francais french in en please pls plz svp stp sil vous plait s il te do you u
  speak talk parlez parle parler parles can we could on peut pourrait est ce que is there anyone
  someone quelqu un qui ici here sorry pardon desole hi hello bonjour ok okay only just language
  langue`.split(/\s+/),
);
const NEGATIONS = new Set(['pas', 'not', 'don', 'dont', 'no', 'ne', 'jamais', 'never', 'cannot']);

/**
 * The language a short message asks for: "english please", "do you speak english ?", "in
 * english", "anglais svp" for English; "français", "en français svp", "parlez français",
 * "french please" for French. Undefined otherwise, and for a negation ("je parle pas anglais").
 */
export function readLanguageSwitch(text: string): Language | undefined {
  const tokens = rawTokens(foldAccents(text));
  if (tokens.length === 0 || tokens.length > MAX_SWITCH_TOKENS) return undefined;
  if (tokens.some((token) => NEGATIONS.has(token))) return undefined;
  // Only words of a request about the language: "maths et anglais niveau collège" is not one.
  if (!tokens.every((token) => SWITCH_WORDS.has(token))) return undefined;
  const asksEnglish = tokens.includes('english') || tokens.includes('anglais');
  const asksFrench = tokens.includes('francais') || tokens.includes('french');
  if (asksEnglish === asksFrench) return undefined;
  return asksEnglish ? 'en' : 'fr';
}

/**
 * The language to answer `text` in, for a conversation in `current`: the one asked for, else
 * English for a message that reads English, French for one that reads clearly French, else
 * `current` (a single "merci" keeps an English conversation English, "ok" a French one French).
 */
export function nextLanguage(current: Language, text: string): Language {
  const asked = readLanguageSwitch(text);
  if (asked) return asked;
  const scores = scoreLanguage(text);
  if (current === 'fr') return readsEnglish(scores) ? 'en' : 'fr';
  return readsClearlyFrench(scores) ? 'fr' : 'en';
}
