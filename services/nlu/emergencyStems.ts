/**
 * The words that name an emergency by themselves: the typo corrector never rewrites them, nor
 * corrects another word into one.
 */

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
  'pendre',
  'veines',
  'scarifi',
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
  'tabass',
  'maltrait',
  // fire and gas
  'feu',
  'incendi',
  'brul',
  'cram',
  'fumee',
  'flamme',
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
  'paralys',
  'suffoq',
  'javel',
  'poison',
  'empoisonn',
  'intoxi',
  'cardiaque',
  'convuls',
  'epilep',
  'saign',
  'hemorragi',
  'urgence',
  'pompier',
  'samu',
  'secours',
  // English, for the messages written in English
  'fire',
  'smoke',
  'burning',
  'faint',
  'passed',
  'unconscious',
  'breath',
  'chok',
  'bleed',
  'stroke',
  'kill',
  'beating',
  'hitting',
  'tablet',
  'pills',
  'life',
  'hang',
  'white',
  'waking',
  'jeter',
  'bleach',
  'blue',
  'grape',
  'button',
  'droop',
  'swell',
  'taken',
  'bottle',
  'whole',
  'partner',
  'swallow',
  'chewed',
  'chewing',
  'texted',
  'door',
  'wants',
  'stab',
  'pinned',
  'bash',
  'forced',
  'forcing',
  'smile',
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
