/**
 * Emergency detection by rules, independent of the classifiers.
 *
 * @remarks
 * A life-threatening message must never depend on a statistical model, so these rules run
 * on every message. They match the normalised text as the resident wrote it (lower-case, no
 * accents, SMS expanded, see `normalizeText`), never its typo-corrected form, so a
 * correction can never create an emergency ("vient" once became "violent"); "tombé",
 * "tombe", "tomber" and "il respir plus" all match as written. Each rule names its {@link EmergencyKind} so
 * the bot shows the right numbers (15/112, 3114, 18, 17). Known false positives are
 * excluded explicitly: "je suis tombé sur votre page", "tombé en panne", "feu d'artifice",
 * "au feu rouge". Suicide and violence are checked before medical, because "il me frappe, je
 * suis tombée" should show the violence numbers first.
 */

/** What kind of emergency a message describes. */
export type EmergencyKind = 'medical' | 'suicide' | 'fire' | 'violence';

interface Rule {
  readonly kind: EmergencyKind;
  readonly pattern: RegExp;
}

/** What may follow "tombé" without it being a fall: "tombé sur", "tombé en panne"... */
const NOT_A_FALL = String.raw`(?! (?:sur|bien|mal a propos|a pic|en panne|d accord|amoureu\w*|dans le panneau|enceinte|malade))`;

const RULES: readonly Rule[] = [
  {
    kind: 'suicide',
    pattern: new RegExp(
      [
        String.raw`\ben finir\b`,
        String.raw`\b(?:me|se|te) (?:suicid|sucid|sui?cid)\w*`,
        String.raw`\bsui?cid\w*`,
        String.raw`\b(?:plus|pas) envie de vivre\b`,
        String.raw`\benvie de mourir\b`,
        String.raw`\b(?:veux|voudrais|vais|va) mourir\b`,
        String.raw`\b(?:je|j) (?:vais|veux|voudrais) me tuer\b`,
        String.raw`\bmettre fin a (?:mes|ses|tes) jours\b`,
        String.raw`\bfaire une (?:connerie|betise)\b`,
        String.raw`\bme foutre en l air\b`,
      ].join('|'),
    ),
  },
  {
    kind: 'violence',
    pattern: new RegExp(
      [
        String.raw`\b(?:me|nous|la|le|les|l|m) (?:frapp|tap|bat\b|batt)\w*`,
        String.raw`\b(?:a|ont) (?:me |m )?frappe\w*`,
        String.raw`\bfrappe (?:une|un|sa|son|ma|mon|des|la|le) (?:femme|fille|enfant|mere|fils|homme|personne|voisine?)\b`,
        String.raw`\bviolen(?:ce|ces|t|te|ts|tes)\b`,
        String.raw`\bagress\w*`,
        String.raw`\bbattue?s?\b`,
        String.raw`\bmenace\w* (?:de mort|de me tuer|avec un couteau)`,
        String.raw`\b(?:va|veut|menace de) me tuer\b`,
        String.raw`\ben danger\b`,
        String.raw`\bviol\b`,
      ].join('|'),
    ),
  },
  {
    kind: 'fire',
    pattern: new RegExp(
      [
        String.raw`\bau feu\b(?! (?:rouge|vert|orange|tricolore|de (?:camp|bois|signalisation)|d artifice))`,
        String.raw`\by a le feu\b`,
        String.raw`\ble feu (?:a|au|dans|chez|prend)\b`,
        String.raw`\bpris feu\b`,
        String.raw`\bincendi\w*`,
        String.raw`\b(?:ca|tout|ce|il|elle|maison|appartement|immeuble|cuisine) brule\b`,
        String.raw`\bca crame\b|\bcrame dans\b`,
        String.raw`\bfumee partout\b|\bplein de fumee\b|\bde la fumee (?:sort|qui sort)`,
        String.raw`\bodeur de gaz\b|\bfuite de gaz\b`,
      ].join('|'),
    ),
  },
  {
    kind: 'medical',
    pattern: new RegExp(
      [
        String.raw`\b(?:est|suis|es|sont|s est|ai|a|vient de|viens de) (?:\w+ )?tombee?s?\b${NOT_A_FALL}`,
        String.raw`\b(?:fait|faire|a fait) une chute\b|\bchute (?:dans|de|grave)\b`,
        String.raw`\brespir\w* (?:plus|pas|mal|difficilement)\b|\b(?:n )?arrive (?:plus|pas) a respirer\b`,
        String.raw`\betouf+\w*|\bs etrangl\w*`,
        String.raw`\b(?:douleur|douleurs|mal|serre\w*) (?:a la|dans la|au niveau de la|a) poitrine\b`,
        String.raw`\bmalaise\b|\bevanoui\w*|\bperdu connaissance\b|\bperd connaissance\b|\binconscient\w*`,
        String.raw`\bne (?:repond|bouge|reagit) plus\b|\brepond plus\b|\bbouge plus\b`,
        String.raw`\bavc\b|\bcrise cardiaque\b|\barret cardiaque\b|\bconvuls\w*|\bcrise d epilepsie\b`,
        String.raw`\bsaigne\w* (?:beaucoup|abondamment|de la tete|partout)\b|\bhemorragie\b`,
        String.raw`\b(?:trop de|beaucoup de|tous ses|toute la boite de) (?:medicaments|cachets|comprimes)\b`,
        String.raw`\bavale\w* (?:des |trop de |beaucoup de |toute? (?:la boite de |ses |mes )?)(?:medicaments|cachets|comprimes)\b`,
        String.raw`\burgence vitale\b|\bappele[rz]? (?:les pompiers|le samu|le 15|le 18|le 112)\b|\bau secours\b`,
        String.raw`\bpar terre (?:et )?(?:il|elle) (?:ne )?(?:repond|bouge|se releve)`,
        String.raw`\bse releve (?:pas|plus)\b`,
      ].join('|'),
    ),
  },
];

/** The rules' patterns, for the tests that check the typo corrector spares their words. */
export const EMERGENCY_PATTERNS: readonly RegExp[] = RULES.map((rule) => rule.pattern);

/**
 * The kind of emergency described by a normalised text, or `null`.
 *
 * @param normalized - output of `normalizeText` on the resident's own words (never the
 * typo-corrected tokens).
 */
export function detectEmergency(normalized: string): EmergencyKind | null {
  for (const rule of RULES) {
    if (rule.pattern.test(normalized)) return rule.kind;
  }
  return null;
}

/**
 * Stems of the words that name an emergency by themselves, accent-folded: the typo corrector
 * never rewrites a word starting with one, nor corrects another word into one (see
 * {@link isEmergencyWord}); generous on purpose, refusing a correction costs little.
 * Everyday words that count only inside a rule's phrase ("médicaments", "répond", "bouge",
 * "finir", "vivre", "connaissance") stay correction targets: the pharmacy category needs
 * "medicamens" read as "medicaments", and the rules read the uncorrected text anyway.
 */
export const EMERGENCY_STEMS: readonly string[] = [
  // suicide
  'suicid',
  'sucid',
  'sicid',
  'mourir',
  'meurs',
  'tuer',
  'connerie',
  'foutre',
  // violence
  'frapp',
  'tap',
  'bat',
  'violen',
  'viol',
  'agress',
  'menac',
  'danger',
  'couteau',
  // fire and gas
  'feu',
  'incendi',
  'brul',
  'cram',
  'fumee',
  'gaz',
  // medical
  'tomb',
  'chute',
  'respir',
  'etouf',
  'etrangl',
  'douleur',
  'poitrine',
  'malaise',
  'evanoui',
  'inconscient',
  'avc',
  'cardiaque',
  'convuls',
  'epilep',
  'saign',
  'hemorragi',
  'urgence',
  'pompier',
  'samu',
  'secours',
];

/** Stems this short are matched with at most this many letters after them ("tape", not "tapisserie"). */
const SHORT_STEM = 4;
const SHORT_STEM_TAIL = 3;

/** Whether an accent-folded word is, or extends, one of {@link EMERGENCY_STEMS}. */
export function isEmergencyWord(word: string): boolean {
  return EMERGENCY_STEMS.some(
    (stem) =>
      word.startsWith(stem) && (stem.length > SHORT_STEM || word.length - stem.length <= SHORT_STEM_TAIL),
  );
}
