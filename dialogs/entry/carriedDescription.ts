/**
 * The first message as the entry's description: "bonjour, j'ai besoin de quelqu'un pour
 * porter mes courses samedi, je ne peux plus porter les packs d'eau" already says what the
 * form's description question asks, and asking it again makes the resident type it twice.
 * A bare request ("j'ai besoin d'aide pour les courses") says nothing more than its category
 * and is not carried: the question is asked.
 */

/** Greetings and sign-offs a message may open with, left out of the description. */
const OPENING = /^\s*(?:(?:bonjour|bonsoir|salut|coucou|hello|hi|bjr|slt|cc)\b[\s,.!;:-]*)+/i;

/**
 * Words that carry no detail of the request: articles, pronouns, the request's own framing
 * ("j'ai besoin d'aide", "je propose mon aide", "quelqu'un pour"), politeness. Written
 * without accents: the words are compared without them.
 */
const FRAMING = new Set(
  [
    'a ai aide aider aides au aux avoir avez besoin bonjour bonsoir c ca ce cherche coup d',
    'dans de des du en est et etre help i il j je jai jpeux jvoudrais l la le les main me',
    'merci mes moi mon ma m n ne need offre on ou par peut peux please plait pour pourrais',
    'pourrait propose proposer qu que quelqu quelquun qui s se si sil suis svp stp t te un',
    'une vous voudrais voudrai veux voisin voisins y',
    // Typed as in a text message, and the framing verbs "il me faudrait", "faire".
    'bsoin est-ce faire faudrait faut jcherche jpe jpeu jpropose jsuis jveux peut-etre pr qqn qqun voisine voisines',
  ]
    .join(' ')
    .split(' '),
);

/**
 * A relative the request is for ("pour ma grand mère", "mon père"): the form carries it as
 * the beneficiary and says so, it tells nothing more of the request. Matched on words
 * without accents, like {@link FRAMING}.
 */
const RELATIVE =
  /\b(?:ma|mon|mes|sa|son|notre|nos)(?: (?:petite?|vieille?|vieux|grande?|beau|belle))? (?:grands?[ -](?:mere|pere|parents)|belle[ -]mere|beau[ -]pere|mere|maman|mamie|mamy|pere|papa|papi|papy|mari|femme|epouse|epoux|fils|filles?|enfants?|frere|soeur|oncle|tante|parents|famille|proches?)\b/g;

/** Detail words a description needs beyond the framing to be carried. */
const DETAIL_WORDS = 3;

/**
 * The words of `text` that may tell a detail, lower case, without accents: a compound
 * ("week-end", "après-midi", "aujourd'hui") is one word, a relative is left out.
 */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\baujourd['’ ]?hui\b/g, 'aujourdhui')
    .split(/[^a-z0-9-]+/)
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => word.length > 0)
    .join(' ')
    .replace(RELATIVE, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

/**
 * The first message as a description, without its opening greeting; undefined when it says
 * no more than a request of its category (fewer than {@link DETAIL_WORDS} detail words).
 */
export function carriedDescription(firstMessage: string | undefined): string | undefined {
  const text = (firstMessage ?? '').replace(OPENING, '').trim();
  const detail = words(text).filter((word) => !FRAMING.has(word));
  if (detail.length < DETAIL_WORDS) return undefined;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
