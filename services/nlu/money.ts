/**
 * Mentions of money: the network's services are free, so the bot reminds residents of
 * it when an offer or a request talks about paying.
 *
 * @remarks
 * Matches amounts (`10 €`, `10e`, `10 euros`, `5 eur`) and paying words (`payer`, `payé`,
 * `payant`, `tarif`, `rémunéré`, `rémunération`, `contre de l'argent`, `combien ça coûte`)
 * on the normalised text. A paying word right after a negation ("pas payant", "sans
 * payer", "rien à payer", "non rémunéré") is not a mention; "gratuit" never is. `10e`
 * followed by "étage", "arrondissement"... is an ordinal, not an amount.
 */

const AMOUNT =
  /\b\d+(?:[.,]\d+)?\s?(?:€|euros?\b|eur\b|e\b(?! (?:etage|arrondissement|siecle|rang|classe|annee)))/;
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
  if (AMOUNT.test(folded)) return true;
  for (const match of folded.matchAll(PAY_WORDS)) {
    const before = folded.slice(Math.max(0, match.index - 24), match.index);
    if (NEGATIONS.test(before)) continue;
    if (CONTEXTUAL.has(match[0]) && !PAYING_CONTEXT.test(folded)) continue;
    return true;
  }
  return false;
}
