/**
 * Cue features: hand-written, high-precision phrase patterns added to the classifiers'
 * features as `cue:<name>`.
 *
 * @remarks
 * A cue pools many surface forms ("je peux", "je propose", "dispo pour aider", "si qqn a
 * besoin je suis la") into one feature, so the softmax regression learns a single weight
 * for it from all of them, and a resident's phrasing the data never showed still fires it.
 * The model, not the pattern, decides: a cue is evidence, weighed against the rest of the
 * message ("je peux pas porter mes courses" fires both `offer` and `need` cues). The
 * patterns run on the normalised, typo-corrected text (no accents, SMS expanded, elisions
 * undone: "j'ai" is "je ai"). They were written from how residents phrase each intent, not
 * from the held-out sentences of `npm run nlu:eval`.
 */
/** A named pattern over the normalised text. */
export interface Cue {
  readonly name: string;
  readonly pattern: RegExp;
}

const cue = (name: string, parts: readonly string[]): Cue => ({
  name,
  pattern: new RegExp(parts.map((part) => `(?:${part})`).join('|')),
});

/** Cues of the intent classifier. */
export const INTENT_CUES: readonly Cue[] = [
  cue('offer', [
    String.raw`\b(?:je|moi) (?:te |vous |les |leur |lui )?(?:peux|pourrais|propose|offre|donne|prete|rends)\b(?! pas| plus| rien)`,
    String.raw`\bje (?:suis|serais|me porte|me propose) (?:\w+ )?(?:disponible|disponibles|volontaire|benevole|partant)`,
    String.raw`\b(?:disponible|volontaire|benevole)s? pour\b`,
    String.raw`\b(?:veux|voudrais|souhaite|souhaiterais|aimerais) (?:aider|me rendre utile|donner|proposer|rendre service)`,
    String.raw`\bsi (?:quelque un|quelqu un|quelques un|vous|des gens|une personne) (?:a|avez|ont|en a) besoin`,
    String.raw`\bpropos\w* (?:de |mon |mes |d |une |un )?(?:aide|service|coup de main)`,
  ]),
  cue('need', [
    String.raw`\bbesoin\b`,
    String.raw`\b(?:je |on )?(?:cherche|recherche)\b`,
    String.raw`\baidez moi\b|\b(?:pouvez|pourriez|peux|pourrais|pourrait|peut|aurait|auriez) (?:vous |tu |il |elle )?(?:m|me|nous)\b`,
    String.raw`\b(?:quelque un|quelqu un|qui|une personne|un voisin)(?: de dispo)? (?:peut|pourrait|aurait|voudrait)\b`,
    String.raw`\bil (?:me|nous) faut\b|\bje (?:ne )?(?:peux|arrive) (?:pas|plus)\b|\bje demande\b|\bje voudrais qu`,
  ]),
  cue('human', [
    String.raw`\b(?:humain|humaine|referent|referente|conseiller|conseillere|responsable|operateur|moderateur|interlocuteur)s?\b`,
    String.raw`\b(?:vraie?|reelle?) (?:personne|humain|benevole)|\bde vive voix\b|\bau (?:bout du fil|telephone)\b`,
    String.raw`\b(?:robot|bot|machine|automate)\b|\b(?:appelez|rappelez|contactez) moi\b`,
    String.raw`\b(?:parler|discuter|echanger) (?:a|avec) (?:un|une|quelque un|le|la|l)\b(?! voisin| personne (?:agee|seule))`,
  ]),
  cue('testimonial', [
    String.raw`\b(?:merci|mercis|remerci\w*|bravo|felicit\w*|temoign\w*|reconnaissant\w*)\b`,
    String.raw`\bgrace a\b|\b(?:formidable|genial|geniale|adorable|super|top|belle|magnifique)s?\b`,
  ]),
  cue('delete_data', [
    String.raw`\b(?:supprim|effac|desinscri|desabonn|rgpd|oubli)\w*`,
    String.raw`\bretir\w* (?:moi|mes|mon|ma)\b|\bmes (?:donnees|infos|informations|coordonnees)\b`,
  ]),
  cue('greeting', [
    String.raw`^(?:(?:bonjour|bonsoir|salut|coucou|hello|hey|hi|yo|wesh|salam|kikou|allo|re|rebonjour|bonne|nuit|a|tous|toutes|vous|tout|le|monde|ca|va|cv|bien|ici)\b ?)+$`,
  ]),
  cue('help', [
    String.raw`\bcomment (?:ca|on|je|marche|fonctionne|utiliser|ca marche|ca fonctionne)\b`,
    String.raw`\bc est quoi\b|\ba quoi (?:ca )?sert\b|\bmode d emploi\b|\bfonctionnement\b|\bexpli\w*`,
    String.raw`^(?:menu|aide|info|infos|commencer|start)\b`,
  ]),
];

/** Cues of the category classifier: words typical of one kind of help. */
export const CATEGORY_CUES: readonly Cue[] = [
  cue('groceries', [
    String.raw`\b(?:courses|commissions|supermarche|epicerie|magasin|marche|carrefour|leclerc|intermarche|lidl|auchan|pain|lait|legumes|fruits|packs?|sacs?)\b`,
  ]),
  cue('pharmacy', [
    String.raw`\b(?:pharmacie|pharmacien\w*|medicaments?|ordonnances?|traitement|cachets?|pilules?)\b`,
  ]),
  cue('homework', [
    String.raw`\b(?:devoirs?|soutien scolaire|maths?|francais|anglais|exercices?|lecons?|college\w*|lycee\w*|ecole|cp|ce1|ce2|cm1|cm2|brevet|bac|revisions?)\b`,
  ]),
  cue('conversation', [
    String.raw`\b(?:seule?s?|isolee?s?|solitude|discuter|bavarder|papoter|parler|compagnie|appels?|appeler|telephoner|ecoute)\b`,
  ]),
  cue('pets', [
    String.raw`\b(?:chiens?|chats?|chatons?|chiots?|animal|animaux|lapins?|oiseaux?|poissons?|promener|promenade|croquettes|litiere)\b`,
  ]),
  cue('printing', [String.raw`\b(?:imprim\w*|impression\w*|photocopi\w*|scann\w*|attestations?)\b`]),
  cue('it_admin', [
    String.raw`\b(?:caf|ameli|impots?|declaration|demarches?|dossiers?|formulaires?|papiers|administrati\w*|rsa|pole emploi|france travail|prefecture|ants|doctolib|mails?|ordinateur|informatique|en ligne|site)\b`,
  ]),
  cue('connection', [
    String.raw`\b(?:internet|wifi|wi fi|connexion|box|4g|5g|reseau|partage de connexion|forfait|data)\b`,
  ]),
  cue('masks', [String.raw`\b(?:masques?|ffp2|chirurgica\w*|coudre|couture|tissu|visieres?|gel)\b`]),
];

/**
 * `cue:<name>` for every cue whose pattern matches `corrected`, plus `cue:emergency` when the
 * emergency rules are sure of an emergency (their verdict, computed once per message on the
 * resident's own words, see `assessEmergency`).
 */
export function cueFeatures(corrected: string, cues: readonly Cue[], emergency = false): string[] {
  const fired = cues.filter((c) => c.pattern.test(corrected)).map((c) => `cue:${c.name}`);
  if (emergency) fired.push('cue:emergency');
  return fired;
}
