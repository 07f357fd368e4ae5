/**
 * Mentions of money: the network's services are free, so the bot reminds residents of
 * it when an offer or a request talks about paying.
 *
 * @remarks
 * Matches amounts (`10 €`, `10e`, `10 euros`, `5 eur`) and paying words (`payer`, `payé`,
 * `payant`, `tarif`, `rémunéré`, `rémunération`, `contre de l'argent`, `combien ça coûte`)
 * on the normalised text. A paying word right after a negation ("pas payant", "sans
 * payer", "rien à payer", "non rémunéré") is not a mention; "gratuit" never is.
 *
 * A number alone is never money: only a currency makes it one (`€`, `euros`, `eur`). The
 * SMS `e` after a number (`10e`) is most often an ordinal (a school grade "du CP à la 5e",
 * "en 6e", a floor "3e étage", "la 2e fois"), so it is an amount only with a price word
 * around it ("pour 10e", "5e de l'heure", "10e la promenade", "2,50e") or, for a number a
 * grade cannot be (above 6), when no article or ordinal noun says it is a rank.
 */

const AMOUNT = /\b\d+(?:[.,]\d+)?\s?(?:€|euros?\b|eur\b)/;
/** `10e`, `2,50 e`: the number, whether it has decimals, and what surrounds it. */
const SHORT_EURO = /(?<=^|[^\p{L}\p{N}])(\d+)([.,]\d+)?\s?e\b/gu;
/** Before a rank, not an amount: "la 5e", "en 6e", "niveau 3e", "classe de 4e", "du CP a la 5e". */
const RANK_BEFORE =
  /\b(?:la|le|en|au|du|niveau|classe|classes|eleve|eleves|de|ma|sa|ta|mon|son|chaque|les|et|ou|a)\s*$/;
/** After a rank: "5e etage", "3e fois", "20e siecle"… and after another grade ("5e 4e"). */
const RANK_AFTER =
  /^\s*(?:etage|arrondissement|siecle|rang|classe|annee|fois|edition|anniversaire|place|jour|semaine|mois|heure|tour|trimestre|(?:(?:et|ou|a|au) )?\d+(?:e|eme)\b|[/-]\s*\d)/;
/** Price words around a short amount: "pour 10e", "5e de l heure", "10e la promenade", "10e/h". */
const PRICE_BEFORE =
  /\b(?:pour|contre|a|coute|coutent|prix|tarif|paye|payer|donne|donner|demande|demander|seulement|que)\s*$/;
const PRICE_AFTER =
  /^\s*(?:de l heure|l heure|la? (?:\w+ )?(?:heure|promenade|seance|course|sortie|fois|journee|soiree|demi)|par |\/|chacun|chacune|piece|le kilo|pour)/;
const PAY_WORDS =
  /\b(?:pay(?:e|er|es|ee|ees|ant|ante|ants|antes|erai|erais|ez|ons)|tarifs?|prix|remunere\w*|remuneration|argent|euros?|cout(?:e|ent|er|era|s)?|factur(?:e|er|ee|es))\b/g;
const NEGATIONS =
  /\b(?:pas|sans|non|rien a|jamais|aucun|aucune|ni)\s+(?:(?:besoin de|besoin d|a|de|d|du tout|tres)\s+)?$/;
/** Money words that only count in a paying context ("de l'argent" for groceries does not). */
const CONTEXTUAL = new Set(['argent', 'prix']);
const PAYING_CONTEXT =
  /\bcontre (?:de le |un peu de |de l |l )?argent\b|\bquel prix\b|\ble prix\b|\bun prix\b/;

/**
 * Whether a message talks about money.
 *
 * @param text - the raw message; it is normalised here (accents, case, euro sign kept).
 */
export function mentionsMoney(text: string): boolean {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, ' ')
    .replace(/\s+/g, ' ');
  if (AMOUNT.test(folded) || hasShortAmount(folded)) return true;
  for (const match of folded.matchAll(PAY_WORDS)) {
    const before = folded.slice(Math.max(0, match.index - 24), match.index);
    if (NEGATIONS.test(before)) continue;
    if (CONTEXTUAL.has(match[0]) && !PAYING_CONTEXT.test(folded)) continue;
    return true;
  }
  return false;
}

/** Whether a `10e` of `folded` is an amount (see the remarks at the top). */
function hasShortAmount(folded: string): boolean {
  for (const match of folded.matchAll(SHORT_EURO)) {
    const before = folded.slice(Math.max(0, match.index - 24), match.index);
    const after = folded.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (RANK_AFTER.test(after)) continue;
    if (match[2] !== undefined || PRICE_BEFORE.test(before) || PRICE_AFTER.test(after)) return true;
    if (Number(match[1]) > 6 && !RANK_BEFORE.test(before)) return true;
  }
  return false;
}
