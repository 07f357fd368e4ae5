/**
 * Emergency detection by rules, independent of the classifiers: the safety component.
 *
 * @remarks
 * A life-threatening message must never depend on a statistical model, so these rules run
 * on every message. They read the resident's own words (lower-case, no accents, SMS and
 * elisions expanded by `normalizeText`: "j'ai" is "je ai", "n'arrive" is "ne arrive"), never
 * the classifiers' typo-corrected form, so a correction can never create an emergency ("vient"
 * once became "violent"); and the same words read for the rules alone (`emergencyReading.ts`:
 * SMS forms in full, a non-French word one or two edits from an emergency word read as it).
 * The patterns combine lexicons (medicines, household products, blows and victims, places
 * that burn, stroke signs) rather than list sentences. Recall comes first, then precision:
 * - {@link assessEmergency} cuts the message into clauses (punctuation, "mais", "et là",
 *   "maintenant"...) and gives a verdict per clause: `sure` (the bot shows the numbers at
 *   once) or not (the bot asks "Est-ce une urgence ?" first).
 * - Sure rules: medical (chest pain, breathing, falls with an injury or someone who cannot
 *   get up, stroke signs, poisoning, unconscious person, heavy bleeding, seizures),
 *   suicidal intent (the words, the methods, "j'ai préparé les cachets"), violence at home
 *   or against children, fire and gas; in French and in English.
 * - Signs of distress counted in pairs ("devenu tout blanc" and "affalé", "couché dans
 *   l'escalier" and "ne bouge pas"): sure, or asked when a common illness explains them;
 *   none for a pet, sleep or exercise.
 * - Suspect rules, which only ask: a fall with neither a person nor an injury said ("il est
 *   tombé"), "du mal à respirer", "je
 *   n'en peux plus", "j'ai peur de lui", "ça sent le brûlé", "au secours" next to papers,
 *   "je ne serai plus là", medicines set aside "pour ce soir", neighbours who "se battent"...
 * - Near misses ("j'ai failli tomber"), news ("aux infos"), figures of speech ("ça me tape
 *   sur les nerfs", "le prof va me tuer") and jokes ("mdr" next to a fight asked about) give none.
 * - A clause telling a past event ("il y a deux ans", "l'hiver dernier", "en 2019") or
 *   one settled ("tout va bien maintenant", "ça va mieux", "c'est normal") gives no
 *   verdict, except suicide, which is then asked about rather than dropped.
 * - Look-alike words are excluded in the patterns themselves: "tombé sur votre page",
 *   "tombé en panne", "feu d'artifice", "au feu rouge", "mort de rire", "se jeter à l'eau",
 *   "l'ordinateur ne répond plus", "en danger de rater mon train", "agression sonore".
 * Suicide and violence are checked before medical, because "il me frappe, je suis
 * tombée" should show the violence numbers first. Measured on the sets of
 * `test/nlu/emergencies/` (`messages.jsonl`, `development.jsonl`, `batch3.jsonl` and the held-out
 * `heldout.jsonl`) and on the check set (see `npm run nlu:eval`).
 */

import { readForRules } from './emergencyReading';

/** What kind of emergency a message describes. */
export type EmergencyKind = 'medical' | 'suicide' | 'fire' | 'violence';

/** The rules' verdict on a message: its kind, and whether to show the numbers at once. */
export interface EmergencyVerdict {
  readonly kind: EmergencyKind;
  /** True: the numbers at once. False: ask "Est-ce une urgence ?" first. */
  readonly sure: boolean;
}

interface Rule {
  readonly kind: EmergencyKind;
  readonly pattern: RegExp;
}

const any = (parts: readonly string[]): RegExp => new RegExp(parts.map((part) => `(?:${part})`).join('|'));

/** What may follow "tombé" without it being a fall: "tombé sur", "tombé en panne"... */
const NOT_A_FALL = String.raw`(?! (?:sur|bien|mal|a pic|en panne|de (?:sommeil|fatigue)|de? accord|amoureu\w*|dans le panneau|enceinte|malade|dans (?:le |l )?eau|des cordes|de la (?:pluie|neige|grele)|des trombes))`;
/** A fall of a person: "est tombée", "a chuté", "a glissé dans la douche". */
const FALL = String.raw`\b(?:est|suis|es|sont|se est|ai|a|vient de|viens de|vient juste de) (?:(?!laisse|fait|faire)\w+ )?(?:tombee?s?|tomber|chut\w*|glisse\w*)\b${NOT_A_FALL}|\b(?:fait|faire|a fait|fai|eu|a eu) une chute\b|\bune (?:grosse |mauvaise |vilaine )?chute\b(?! (?:de (?:neige|pluie|cheveux|tension|prix|pression)|des (?:feuilles|prix|cheveux)|libre|du mur|de eau))|\bfell\b|\bslipped\b|\b(?:she|he|i|mum|mom|dad|mother|father|grandma|grandpa|gran) (?:has |had )?(?:fall|falls|fallen|falled)\b(?! (?:asleep|in love|ill|apart|behind))|\b(?:elle|il|papa|maman|mamie|mamy|papi|papy|pepe|meme|mere|pere|bebe) tombe(?! (?:bien|mal|de (?:sommeil|fatigue|haut|rire)|des (?:nues|cordes)|amoureu\w*|enceinte|malade|en panne|sur|souvent|toujours|pile))\b`;
/** Who fell: a person (not a phone or a cat) makes the fall an emergency by itself. */
const PERSON_FELL = String.raw`\b(?:mere|pere|mari|femme|epoux|epouse|voisine?|grand mere|grand pere|mamie|papi|papy|mamy|fils|fille|enfant|bebe|soeur|frere|tante|oncle|dame|monsieur|personne agee|je|elle) (?:\w+ )?(?:est|suis|a|vient de|viens de) (?:(?!laisse|fait|faire)\w+ )?(?:tombee?s?|tomber|chut\w*|glisse\w*)\b${NOT_A_FALL}`;
/** What makes a fall an emergency. */
const INJURY = String.raw`\bsaign\w*|\bsang\b|\b(?:peut|peux|arrive) (?:plus|pas) (?:a )?(?:se |me |te )?(?:relever|lever|bouger|marcher)|\bse releve (?:pas|plus)\b|\bne bouge plus\b|\bpar terre\b|\bcasse\w*|\bfracture\w*|\bmal (?:au|a la|aux)\b|\btres mal\b|\binconscient\w*|\bne (?:repond|reagit) plus\b|\bangle bizarre\b|\bne sent plus\b|\bbleeding\b|\bcan te (?:get up|move)\b|\bcannot (?:get up|move)\b|\bblood\b|\bbroke\w*|\bbouge (?:pas|plus)\b|\bhit (?:his|her|my) head\b|\bcogne la tete\b|\bconfus\w*|\bparle plus\b|\bouvre (?:plus|pas) les yeux\b|\bhurle\w*|\bsonnee?\b|\btordue?s?\b|\bdeforme\w*|\bplaie\b|\b(?:can te|cannot|can not|cant|no can) (?:stand|get) up\b|\bstand up\b|\bon (?:the )?floor\b|\bnot moving\b|\blying\b|\bos qui sort\b|\bne (?:peut|peux) (?:pas|plus) se (?:relever|lever)\b`;
/** Words of a past or settled event: such a clause is no emergency now. */
const PAST = String.raw`\bil y a (?:\w+ )?(?:ans?|annees?|mois|semaines?|longtemps)\b|\b(?:l|le) an passe\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\bil y a eu\b|\b(?:la|le) (?:annee|semaine|mois) passee?\b|\ben (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b|\blast (?:winter|summer|spring|autumn|fall)\b|\b(?:years|months|weeks) ago\b|\b(?:le |la )?(?:an|annee|hiver|ete|printemps|automne|mois|semaine) derni(?:er|ere)\b|\ben (?:19|20)\d\d\b|\bquand (?:je|il|elle|on) (?:etais|etait)\b|\bautrefois\b|\bcet (?:hiver|ete|automne)\b|\bce printemps\b|\b(?:last|every) (?:year|month|week)\b|\byears ago\b|\ba noel\b`;
const SETTLED = String.raw`\btout va bien\b|\b(?:ca|il|elle|je) va (?:tres )?(?:mieux|bien)\b|\bse remet\b|\bce est (?:passe|rien|normal)\b|\bsans gravite\b|\bplus de peur que de mal\b|\bis fine\b|\bexercice\b|\b(?:un|le|ce) (?:film|reportage|documentaire|livre|roman)\b|\ba la tele\b|\bau journal\b|\b(?:aux|dans les) (?:infos|informations|actualites|nouvelles)\b|\b(?:dans le|au) journal\b|\ba la radio\b|\b(?:on|in) the news\b|\brecovered\b|\b(?:pas|plus) (?:en danger|de fumee|de feu|grave)\b|\brien de grave\b`;
/** Papers, homework and devices: "au secours" next to them is a figure of speech. */
const EVERYDAY = String.raw`\b(?:formulaire|impots?|devoirs?|maths|wifi|box|dossier|papiers|caf|ordinateur|imprim\w*|declaration|internet|site)\b`;

/** Medicines, as residents name them: swallowed in number, an emergency. */
const MEDS = String.raw`(?:medicaments?|cachets?|comprimes?|pilules?|somniferes?|gelules?|plaquettes?|sirop|doliprane|lexomil|xanax|paracetamol|anxiolytiques?|antidepresseurs?|pills|tablets|medicine|sleeping pills)`;
/** Household products and small objects a child must never swallow. */
const PRODUCTS = String.raw`(?:(?:eau de )?javel|deboucheur|destop|detergent|white spirit\w*|lessive|capsules? de lessive|pastilles? (?:de |pour )?(?:lave vaisselle|lessive)|produits? (?:\w+ ){0,3}(?:vaisselle|wc|toilettes|sol|menagers?|nettoyage|laver|lave vaisselle|four|vitres|entretien|piscine)|piles?(?: boutons?)?|alcool a bruler|essence|antigel|mort aux rats|raticide|insecticide|desherbant|liquide (?:de|pour) (?:cigarette|vapoteuse)|e liquide|bleach|dishwasher \w+|detergent|button batter\w*|batteries|baies|champignons|granules? (?:contre|anti) \w+|anti limaces?|savon|pesticide|engrais|poison|javel\w*|debouch\w*|canalisations?|(?:washing|laundry|dishwasher) (?:capsules?|pods?|tablets?|powder|liquid))`;
/** Swallowing, drinking, eating: "a bu", "avalé", "mis dans sa bouche", "swallowed". */
const INGESTED = String.raw`(?:bu|bue|boit|bois|avale\w*|mange\w*|ingere\w*|croque|pris|prit|drank|drink|drinks|swallow\w*|ate|eat|eats|mis (?:\w+ ){0,4}dans sa bouche)`;
/** A child, who makes any medicine swallowed an emergency. */
const CHILD = String.raw`(?:enfants?|fils|fille|petite?|bebe|nourrisson|neveu|niece|gamine?|petit fils|petite fille|toddler|son|daughter|kid|child|baby)`;
/** A quantity of medicine that is an overdose whoever took it. */
const OVERDOSE = String.raw`(?:tous|toutes|toute|tout le|tout un|toute une|beaucoup|trop|plein|une plaquette|la plaquette|une boite|la boite|une boite entiere|le flacon|tout le flacon|all|a lot of|too many|a bottle of|the whole)`;
/** Who can be the victim of violence: "les enfants", "sa femme", "une meuf". */
const VICTIM = String.raw`(?:(?:les|des|ses|mes|nos|leurs|son|sa|ma|mon|une|un|le|la|notre|leur) (?:\w+ )?(?:enfants?|gamins?|gosses?|petits?|petites?|bebe|nourrisson|enfant|femme|fille|fils|mere|soeur|frere|copine|voisine?|dame|homme|personne|vieille?|grand mere|grand pere|kids?|children|wife|mum|mom))`;
/** Blows and their verbs, in any tense. */
const BLOWS = String.raw`(?:frapp\w*|tap(?:e|es|ent|ait|aient|er)|bat|bats|battu\w*|battre|batt(?:ait|aient|ent)|cogn\w*|tabass\w*|gifl\w*|secou\w*|brutalis\w*|maltrait\w*|etrangl\w*|bouscul\w*)`;
/** Places that burn. */
const PLACE = String.raw`(?:maison|appartement|appart|immeuble|cuisine|voiture|garage|batiment|chambre|foret|colline|pinede|grenier|cave|toit|local|salon|magasin|haie|jardin|poubelles?|camion|building|kitchen|house|car|flat)`;
/** Stroke signs that are enough alone: a face or mouth that falls or twists. */
const STROKE_FACE = String.raw`\b(?:visage|bouche|face|mouth|levre)\b(?: \w+){0,6} (?:de travers|travers|tordue?|deforme\w*|paralyse\w*|tombe|qui tombe|pend|tire (?:de un|sur le|vers le|a) cote|drooping|droops|ne bouge (?:pas|plus))\b|\bmoitie du (?:visage|corps)\b|\bface (?:is )?drooping\b`;
/** Stroke signs that need a second one, or a sudden start. */
/**
 * Signs of a person in distress that need a second one ("il est devenu tout blanc et il s'est
 * affalé"): alone, each is an everyday complaint ("essoufflée dans l'escalier").
 */
const DISTRESS_SIGNS: readonly RegExp[] = [
  /\b(?:est|devient|devenu|devenue|suis) (?:tout |toute |tres )?(?:blanc|blanche|gris|grise|livide|pale|bleue?|violet|violette)\b/,
  /\bne (?:me |nous |la |le |les )?reconnait plus\b|\bdelire\w*/,
  /\b(?:transpire|sueur|tremble)\w*/,
  /\b(?:couchee?|allongee?|etendue?) (?:dans|sur|par) (?:le |la |l )?(?:escalier|sol|trottoir|rue|couloir|terre)\b/,
  /\bne bouge (?:pas|plus)\b(?! de )/,
  /\bavale de travers\b/,
  /\b(?:affale|ecroule|effondre)\w*(?! (?:sur|dans) (?:le |la |mon |son |un )?(?:canape|lit|fauteuil|sofa))/,
  /\bne (?:dit|parle) plus (?:rien|du tout)?\b|\bne (?:dit|repond) rien\b/,
  /\bdu mal a respirer\b|\bsiffle\w*|\bessouffl\w*|\bsouffle court\b|\bcherche (?:son|sa) (?:air|souffle|respiration)\b/,
  /\b(?:assise?|allongee?|couchee?|etendue?|est|reste) par terre\b/,
  /\b(?:tout|toute) (?:froid|froide|mou|molle)\b/,
];
const STROKE_SIGNS: readonly RegExp[] = [
  /(?<!\b(?:me|te|nous|vous|lui|leur|ne me|ne nous|se|ne se) )\bparler? (?:bizar\w*|pas bien|plus normal\w*|pas normal\w*|n importe comment|plus|mal|difficilement|avec une voix (?:bizarre|pas normale|etrange))\b(?! (?:le |l )?(?:francais|anglais|arabe|espagnol|de|a|avec|du))/,
  /\b(?:arrive|peut|peux) (?:plus|pas) (?:a )?(?:parler?|articuler|sourire)\b|\b(?:speaks?|talks?|talking|speaking) (?:strange|weird|funny|nonsense|strangely)\b|\bstrange words\b|\bdu mal a parler\b|\bbafouill\w*|\bmelange (?:les|ses) mots\b|\bmots sans sens\b|\bne trouve plus ses mots\b|\bslurr\w*|\bcan te (?:speak|talk)\b|\bcannot (?:speak|talk)\b/,
  /\b(?:bras|main|jambe|arm|hand|leg)\b(?: \w+){0,4} (?:pend\w*|mou|molle|engourdi\w*|ne tient plus|ne repond plus|ne marche (?:pas|plus)|(?:ne )?bouge (?:pas|plus)|(?:la |le )?sent (?:plus|pas)|ne (?:le|la|me) porte plus|weak|went weak|numb|paralys\w*|insensible|engourdi\w*)\b|\b(?:arrive|peut|peux) (?:plus|pas) a (?:lever|bouger|soulever) (?:le|la|son|sa|les|ses|mon|ma) (?:bras|main|jambe)\b|\bplus de force (?:dans|ds) (?:le|la|son|sa|mon|ma) (?:bras|main|jambe)\b|\bne sent plus (?:sa|son|la|le|ses|mon|ma) (?:main|bras|jambe|moitie|cote)\b|\b(?:arrive|peut) plus a (?:le|la) lever\b|\bcan te lift (?:his|her|my) arm\b/,
  /\b(?:visage|face)\b (?:\w+ ){0,2}(?:bizarre|strange|weird)\b|\bface\b(?: \w+){0,4} one side\b|\bvoit double\b|\bmal de tete (?:terrible|violent|atroce|horrible|d un coup|soudain)\b|\bconfus\w*|\bvision trouble\b|\bne comprend plus (?:rien|ce que)\b|\bperdu la vue\b/,
];
const SUDDEN =
  /\b(?:de? un coup|tout a coup|soudain\w*|brusquement|depuis (?:ce matin|une heure|tout a l heure|\w+ minutes)|suddenly)\b/;
/** A suicide method owned or at hand: with a readiness word in the message, intent. */
const STRONG_METHOD = /\b(?:corde|fusil|arme|lame|rasoir|rope|gun)\b/;
const MEDS_AT_HAND = new RegExp(
  String.raw`\b(?:je ai|jai|i have|i ve got|i ve) (?:\w+ ){0,3}` + MEDS + String.raw`\b`,
);
/** Words of readiness: with a method at hand, intent. */
const READY =
  /\b(?:pret|prete|ready|adieu|en finir|tout arreter|pour partir|goodbye|je suis au bout|(?:ecrit|laisse|ecrire) (?:des|une|mes|ma) lettres?|au revoir a (?:tout le monde|tous|ma famille)|(?<!ne )dit que ce est fini|(?:take|swallow) (?:them|it) all|take all)\b/;
/** Swallowing one's medicines with a word of quantity: "je vais tout avaler", "take them all". */
/** Medicines set aside ("j'ai mis les médicaments de côté"). */
const SET_ASIDE = /\bde cote\b|\b(?:garde|stocke|cache|accumule|economise)\w*\b/;
/** Where one jumps from, and the jump: "je suis sur le pont et je vais me jeter". */
const JUMP_PLACE = /\b(?:pont|fenetre|toit|balcon|falaise|viaduc|voie ferree|rails|immeuble)\b/;
const JUMP = /\b(?:vais|veux|va|vas|compte|pret a|prete a) (?:me |se |te )?(?:jeter|sauter)\b/;
const SWALLOW_ALL =
  /\b(?:vais|veux|va) (?:tout )?(?:avaler|prendre) (?:tout|tous|toutes|la boite)\b|\bvais tout (?:avaler|prendre)\b|\b(?:take|swallow) (?:them|it) all\b|\btake all (?:my|her|his|the|of)\b/;
const MEDS_MENTIONED = new RegExp(String.raw`\b` + MEDS + String.raw`\b|\bsleeping medicine\b`);
const METHOD_CONTEXT =
  /\b(?:dans (?:les|la|ma) mains?|sur la tempe|autour (?:du|de mon) cou|baignoire|en main)\b/;
const READY_TONIGHT = /\b(?:ce soir|cette nuit|tonight|maintenant|now|pour demain)\b/;
const OWNED = /\b(?:je ai|jai|achete|prepare|garde|sorti|i have|i ve got|bought)\b/;
/** Things that fall without anyone being hurt: "le colis est tombé". */
const THING_FELL =
  /\b(?:colis|telephone|portable|verre|vase|cadre|tableau|ordinateur|box|arbre|branche|neige|pluie|facture|lettre|courrier|paquet|sac|cles?|assiette|pot|bouteille|lampe|etagere|volet|tuile|linge|velo|scooter|carton|cartons|boite|meuble)\b(?: \w+){0,2} (?:est|sont|e) tombe|\b(?:phone|mobile|laptop|glass|vase|cup|plate|screen|tv|tablet|parcel|box|picture|frame)\b(?: \w+){0,2} (?:fell|fall|dropped)\b/;

const SURE: readonly Rule[] = [
  {
    kind: 'suicide',
    pattern: any([
      String.raw`\ben finir\b(?! (?:avec (?:mes|ces|les|le|la) (?!vie)|par))`,
      String.raw`\bs(?:ui|u|i)(?:c|s|ss|sc)id\w*`,
      String.raw`\b(?:plus|pas) (?:envie|la force|le courage) de vivre\b`,
      String.raw`\benvie de (?:mourr?ir|me tuer|disparaitre)\b(?! de rire)`,
      String.raw`\b(?:veux|veut|veu|voudrais|vais|vai|va|vas) mourr?ir\b(?! de (?:rire|faim|chaud|froid|envie))`,
      String.raw`\b(?:je|j) (?:vais|vai|veux|veu|veut|voudrais) me tuer\b`,
      String.raw`\b(?:va|veut|allait|voulait) se tuer\b(?! (?:a la tache|au travail))`,
      String.raw`\bmettre fin a (?:mes|ses|tes) jours?\b|\bmets fin a mes jours\b`,
      String.raw`\bfaire une (?:connerie|betise)\b|\bme foutre en le air\b`,
      String.raw`\b(?:me|se|te) (?:pendre|pends|pend)\b|\bune corde\b.*\b(?:pendre|finir|cou)\b|\bprepare (?:une|la) corde\b`,
      String.raw`\b(?:ouvrir|ouvre|couper|tailler) les veines\b`,
      String.raw`\b(?:me|se|te) (?:jeter|jette|jeterai) (?:par la fenetre|sous (?:un|le) (?:train|metro|bus|camion|voiture)|du (?:pont|toit|balcon|haut)|dans le vide|de (?:la falaise|le immeuble))`,
      String.raw`\bsauter (?:du (?:pont|toit|balcon|haut)|de (?:la fenetre|la falaise|le immeuble)|par la fenetre|dans le vide|sous (?:un|le) train)\b|\b(?:vais|va|veux) sauter$|\bet je vais sauter\b`,
      String.raw`\bprepare (?:les|mes|des|toute? (?:les|mes|la boite de)) (?:cachets|medicaments|comprimes|pilules|somniferes)\b(?! (?:de|du|pour) (?:ma|mon|la|le|les|sa|son)\b)`,
      String.raw`\btout prepare pour (?:partir|en finir|mourir|ce soir|cette nuit)\b`,
      String.raw`\b(?:assez|suffisamment) de (?:cachets|medicaments|comprimes|pilules|somniferes)\b`,
      String.raw`\b(?:vais|veux) (?:avaler|prendre) (?:toute? (?:la|ma|mes|les|sa) (?:boite|boites|cachets|medicaments|comprimes)|tous (?:mes|les) (?:cachets|medicaments|comprimes))`,
      String.raw`\bne (?:veux|voudrais|veut) plus (?:etre la|vivre|exister|me reveiller|me lever le matin)\b`,
      String.raw`\bla vie ne a plus (?:de sens|aucun sens|de interet)\b|\bmieux sans moi\b|\blettre de adieu\b|\bdisparaitre pour (?:toujours|de bon)\b|\bpartir pour de bon\b`,
      String.raw`\bfoutre en (?:le )?l?air\b|\b(?:veux|veut|voudrais) (?:plus|pas) vivre\b(?! (?:seule?s?|dans|a|ici|avec|chez|en|comme|sans|loin|la|pres))|\bi (?:want|wanna) die\b|\b(?:no|any|see no) point (?:in )?living\b|\b(?:want to|going to|gonna|will|wanna) end (?:it|everything|things|my life)\b`,
      String.raw`\bprepare (?:tous|toutes) (?:les|mes) (?:cachets|medicaments|comprimes|pilules|somniferes)\b`,
      String.raw`\b(?:sur|devant|pres de|au bord de) (?:la |les )?(?:voie ferree|voies|rails|falaise|parapet)\b.*\b(?:ne supporte plus|ne en peux plus|au bout|adieu|en finir|plus la force|sauter|train)\b`,
      String.raw`\b(?:me|se|te) tirer une balle\b|\bune balle dans la tete\b|\b(?:marre|assez) de (?:vivre|la vie)\b|\bdormir pour toujours\b|\b(?:me|se|te) noyer\b(?! dans (?:le|la|les|mon|ma|mes|son|ses) )`,
      String.raw`\b(?:me|se|te) suis fait du mal\b(?: \w+){0,6} (?:lame|couteau|rasoir|cutter|sang|coule|saigne)\b`,
      String.raw`\bscarifi\w*`,
      String.raw`\bkill\w* (?:myself|herself|himself)\b|\b(?:want|going) to die\b|\bend (?:my|his|her) life\b|\bend (?:it all|everything)\b|\bpills ready\b|\bdon te want to live\b|\bhang myself\b`,
      String.raw`\b(?:veux|voudrais|vais|va|vas|compte|pense a|pense|prefererais|prefere|envie de|besoin de|prete? a) (?:(?:me |se |te )?(?:crever|mourir|suicider|pendre|defenestrer|ouvrir les veines|tailler les veines|couper les veines|foutre en le air)|(?<!\bvas? )me (?:tuer|tue)|(?<!\b(?:vais|veux) )se (?:tuer|tue)|(?<!\b(?:vais|veux|va) )te (?:tuer|tue))\b(?! de (?:rire|faim|chaud|froid|envie|ennui|honte|fatigue|peur|trouille|soif))`,
      String.raw`\b(?:me|se|te) defenestr\w*|\bfinir (?:ma|sa|ta) vie\b|\bpartir pour (?:toujours|tjr)\b`,
      String.raw`\b(?:vais|va|veux|voudrais|me|se) (?:jeter|saut(?:er|e)?) (?:du |de la |de le |par la |dans le |sous le |sous un |depuis le )?(?:haut (?:du |de le )?)?(?:pont|fenetre|toit|balcon|immeuble|falaise|vide|train|metro)\b`,
      String.raw`\bjump (?:off|from) (?:the|a|my)\b|\b(?:me|se) (?:mettre|jeter|allonger|coucher) sous (?:un|le|les|une|la) (?:train|camion|bus|voiture|metro|tram|roues)\b`,
      String.raw`\b(?:veux|veut|voudrais) (?:plus|pas) etre (?:vivante?|en vie)\b|\bne (?:veux|veut) plus etre (?:vivante?|en vie)\b`,
      String.raw`\b(?:vais|veux|va|vas|compte) (?:avaler|prendre|tout avaler|tout prendre)\b(?=.*\b(?:tous|toutes|toute la boite|toute la plaquette|de? un coup|en une fois|all)\b)(?=.*\b` +
        MEDS +
        String.raw`\b)`,
      String.raw`\b(?:mis de cote|stocke|accumule|economise|saving up|hoarding|stockpil\w*) (?:\w+ ){0,3}` +
        MEDS,
      String.raw`\bprepare (?:ce que il faut|ce qu il faut|tout|de quoi) (?:pour|afin de) (?:partir|en finir|mourir|me tuer)\b`,
      String.raw`\bplus (?:aucune |de |une seule )?raisons? de vivre\b|\ba quoi bon (?:continuer|vivre)\b|\bpersonne ne (?:remarquera|verra|se apercevra|me regrettera)\b`,
      String.raw`\bdire adieu\b|\blettres? (?:de |d )?adieu\b|\bgoodbye (?:letter|note)\b|\bsuicide note\b`,
      String.raw`\bne plus (?:jamais )?me reveiller\b|\b(?:ne )?jamais (?:plus )?me reveiller\b|\bplus jamais me reveiller\b|\b(?:be alive|live) anymore\b|\bno reason to live\b`,
      String.raw`\b(?:je ai|jai|i have|i ve) (?:pris|avale|taken|swallowed) ` +
        OVERDOSE +
        ' (?:\\w+ )?' +
        MEDS,
    ]),
  },
  {
    kind: 'violence',
    pattern: any([
      String.raw`(?<!\b(?:chat|chien|chaton|chiot|cheval|lapin|bebe|je|on|nous) )\b(?:me|nous|la|le|les|m|ma|te) (?:frapp\w*|tap(?:e|es|ent|ait|aient)|bat|bats|batt(?:u|ue|ait|ent|re)|cogn\w*|tabass\w*|gifl\w*|violent\w*)\b`,
      String.raw`\b(?:a|ont|me a) (?:me |m )?(?:frappe\w*|battue?|tabass\w*|gifle\w*|etrangle\w*|viole\w*)(?! a (?:la|ma|sa|votre|le) (?:porte|fenetre|vitre))`,
      String.raw`\b(?:frappe|bat|cogne|tabasse|maltraite) (?:une|un|sa|son|ses|ma|mon|mes|des|la|le|les) (?:femme|fille|enfants?|mere|fils|gamins?|petits?|homme|personne|voisine?|bebe|copine|garcon)\b`,
      String.raw`\bviolences? (?:conjugales?|familiales?|domestiques?|sexuelles?)\b|\b(?:mari|compagnon|copain|pere|conjoint|ex|fils|frere|voisin|beau pere|il) (?:est|devient|etait) (?:tres |trop |super )?violent\b`,
      String.raw`\bagress(?:e|ee|es|ees|er|ion|ent|ait|ee)\b(?! sonore)`,
      String.raw`(?<!\bse )\b(?:est|suis|es|sont|ete|se fait|me fait|femmes?) battue?s?\b(?! avec)`,
      String.raw`\bmenace\w* (?:de mort|de me tuer|avec un couteau)|\b(?:me|nous) menace\w*|\bcouteau\b.*\bmenace\w*|\bmenace\w*.*\bcouteau\b`,
      String.raw`\b(?:va|veut|menace de) (?:me|nous|la|le) tuer\b`,
      String.raw`\b(?:a|a pris|sorti|tient|avec) (?:un|son) (?:couteau|fusil|arme|pistolet)\b(?!.*\b(?:cuisine|legumes)\b)`,
      String.raw`\ben danger\b(?! de (?!mort))`,
      String.raw`\bviol\b|\bviolee?s?\b`,
      String.raw`\bmaltrait\w*|\btabass\w*`,
      String.raw`\b(?:mis|met|mets|donne|donnes|donnait|recu|prend|pris) (?:des|un|plein de) (?:coups?|claques|gifles|baffes)\b(?! de (?:main|fil|telephone|pouce|soleil|blues|vieux|coeur|froid))`,
      String.raw`\bcoups? de (?:poing|pied|poings|pieds|ceinture|couteau|batte|tete)\b|\b(?:cris|hurle\w*|hurler) et (?:des )?coups\b`,
      String.raw`\bme a etrangl\w*|\b(?:me|m) etrangl\w*|\betrangle (?:ma|mon|sa|son)\b`,
      String.raw`\b(?:beating|beats|hitting|hits|hit|attacking|attacked|hurting|strangl\w*) (?:me|her|him|us|the kids|my|the children|our)\b(?! (?:head|knee|leg|arm|hand|foot|toe|elbow|back|face|nose|shoulder|car|phone)\b)|\bdomestic violence\b|\braped\b`,
      String.raw`(?<!\b(?:je|on|ils|elles|nous|chat|chien) )\b(?:me|m|nous|te) (?:` +
        BLOWS +
        String.raw`|bas)\b|\b(?:me|m) (?:tape|tapait|frappe) dessus\b`,
      String.raw`\b` + BLOWS + ' ' + VICTIM + String.raw`\b(?! (?:a la porte|au carreau))`,
      String.raw`\b(?:enfants?|femmes?|bebe|gamins?|petits?) (?:battue?s?|maltraitee?s?|frappee?s?|secouee?s?)\b`,
      String.raw`\bleve (?:la )?main sur\b|\battouchements?\b|\btouche (?:ma|mon|sa|son|les|des|mes|ses) (?:petite? )?(?:fille|fils|soeur|frere|enfants?|niece|neveu|cousine?)\b`,
      String.raw`\b(?:me|m) a (?:enferme\w*|sequestre\w*|attache\w*|jete\w* par terre|pousse\w* contre)`,
      String.raw`\b(?:mis|met|mets|donne|recu|pris|prend) (?:une|des) (?:raclee|rouste|beigne|torgnole|trempe|derouillee)\b|\bserre le cou\b`,
      String.raw`\b(?:suis|est|sommes|sont) victimes? de (?:violences?|coups|agressions?|maltraitances?)\b|\b(?:tape|frappe|bat|cogne) moi\b`,
      String.raw`\bbleus? (?:\w+ ){0,3}(?:a cause de|par) (?:mon|ma|son|sa) (?:mari|compagnon|copain|femme|pere|mere|fils|ex|conjoint)\b|\b(?:force|defonce|enfonce) (?:la|ma|sa|notre|leur) porte\b|\bentre de force\b`,
      String.raw`\b(?:me|m|lui|la|le) a casse (?:le|la|les|mon|ma|sa|son|ses|mes) (?:bras|nez|dents?|machoire|cotes?|doigts?|jambe|poignet)\b|\btire\w* par les cheveux\b|\b(?:me|m|la|le|nous) pouss\w* (?:contre (?:le|les) murs?|dans (?:le|les) escaliers?)\b`,
      String.raw`\bse fait (?:frapper|taper dessus|tabasser|battre|agresser)\b`,
      String.raw`(?<!\b(?:ca|cela|tout ca|emotion|stress)\b )\b(?:me|la|le|lui|nous|te) serre (?:la gorge|le cou)\b|\b(?:marques?|traces?) de (?:coups|ceinture|strangulation|doigts)\b|\bbleus partout\b`,
      String.raw`\b(?:punch\w*|kick\w*|slap\w*|chok\w*|beat\w*|hit|hits|hitting|threaten\w*|attack\w*) (?:me|her|him|us|them|(?:my|his|her|their|the|a) (?:wife|husband|partner|kids?|children|child|son|daughter|baby|mum|mom|woman|man|girl|boy|girlfriend))\b|\bbroke in\b|\bwith (?:a |the |his |her )?belt\b`,
      String.raw`\b(?:entre|rentre|introduit)\w* (?:\w+ ){0,3}(?:par la force|de force|par effraction)\b|\b(?:me|m|nous) a (?:` +
        BLOWS +
        String.raw`)\b(?! (?:mon|ma|mes|son|sa|ses|un|une|des|sur le epaule|la bise|dans le oeil))`,
      String.raw`\b(?:va|veut|menace de|vont) (?:nous|me|la|le|lui|les) faire (?:du mal|la peau)\b|\b(?:frappe|bat|tape|cogne) (?:elle|lui|eux)\b`,
      String.raw`\bse (?:battent|bagarrent|frappent|tapent dessus)\b.*\b(?:sang|couteau|blesse\w*)\b|\b(?:sang|couteau)\b.*\bse (?:battent|bagarrent|frappent)\b`,
    ]),
  },
  {
    kind: 'fire',
    pattern: any([
      String.raw`\bau feu\b(?! (?:rouge|vert|orange|tricolore|doux|de (?:camp|bois|signalisation)|de artifice))`,
      String.raw`\by a le feu\b|\bya le feu\b`,
      String.raw`\ble feu (?:a|au|dans|chez|prend|se approche)\b`,
      String.raw`\bpris feu\b|\ben flammes?\b|\bflammes? (?:sort|sortent|partout)\b`,
      String.raw`(?<!(?:alarme|detecteur de|detecteurs de|exercice) )\bincendi(?:e|es)\b(?!\s(?:de le|de la) (?:an|ete|annee))`,
      String.raw`\b(?:ca|sa|tout|il|elle|maison|appartement|appart|immeuble|cuisine|voiture|garage|batiment|chambre|foret|grenier|cave) brule\b`,
      String.raw`\bca crame\b|\bcrame dans\b`,
      String.raw`\bfumee (?:partout|noire|epaisse)\b|\bplein de fumee\b|\bde la fumee (?:sort|qui sort)`,
      String.raw`\bodeur de gaz\b|\bfuite de gaz\b|\bgaz (?:fuit|qui fuit)\b|\b(?:sens|sent|sentir) (?:le|du) gaz\b(?! de echappement)|\bsmell (?:of )?gas\b|\bgas leak\b`,
      String.raw`\b(?:compteur|prise|tableau) (?:electrique )?(?:fume|prend feu|fait des etincelles)\b`,
      String.raw`\ble feu (?:est|a pris) (?:chez|dans|au|a)\b|\b(?:gaziniere|chaudiere|bouteille de gaz|cuisiniere|chauffe eau|tuyau de gaz)\b(?: \w+){0,2} fuit\b`,
      String.raw`\ben (?:flamme|flammes|flame|flames)\b|\b(?:tableau|compteur|prise|boitier)\b(?: \w+){0,2} (?:fume|prend feu|fait des etincelles|crepite)\b|\bfume et (?:ca )?crepite\b`,
      String.raw`(?<!\b(?:printer|team|i|you|he|she|we)(?: is| are| am| s| re| m| was)? )\bon fire\b|\bsmoke everywhere\b|\bis burning\b`,
      String.raw`\bthere is a fire\b|\bfire in (?:my|the|our)\b`,
      String.raw`\ben feu\b|(?<!\bcoup de )\bfeu (?:dans|chez|au|a la|a le|sur)\b(?! (?:rouge|vert|orange))`,
      String.raw`\b` +
        PLACE +
        String.raw`\b(?: \w+){0,4} (?:brule|brulent|crame|flambe|est en train de bruler)\b`,
      String.raw`\bflammes?\b(?! (?:de la passion|de le amour|de la bougie|de la cheminee|du barbecue|de le barbecue|du feu de))`,
      String.raw`\b(?:fumee|smoke)\b(?: \w+){0,3} (?:sort|sortent|partout|noire|epaisse|envahit|coming)\b|\b(?:ca|sa) fume (?:de partout|partout|derriere|dans|sous)\b`,
      String.raw`\b(?:odeurs?|sent|sens|sentir|pue|puer|smell\w*|fuites?|fuit)\b(?: \w+){0,3} (?:gaz|gas)\b(?! (?:de echappement|d echappement|exhaust))|\b(?:gaz|gas)\b (?:\w+ ){0,2}(?:fuit|leak\w*|smell\w*)\b`,
    ]),
  },
  {
    kind: 'medical',
    pattern: any([
      String.raw`\b(?:douleur|douleurs|mal|serre\w*|barre|oppression|poids|pression|brulure) (?:a la|dans la|au niveau de la|a|sur la) poitrine\b|\bdouleur thoracique\b|\bmal au thorax\b|\bse tient le coeur\b|\bchest pains?\b`,
      String.raw`\brespir\w* (?:plus|pas|mal|difficilement|tres mal)\b|\bne arrive (?:plus|pas) a (?:respirer|reprendre (?:son|mon|sa) souffle)\b|\bsuffoqu\w*`,
      String.raw`\bse etrangl\w*|\b(?:levres|visage|peau|doigts|ongles) (?:sont |est |deviennent |devient )?(?:toute?s? )?(?:bleue?s?|violette?s?)\b|\b(?:il|elle|bebe) (?:est|devient) (?:tout |toute )?bleue?\b|\bdevient (?:tout |toute )?bleue?\b|\bcrise de asthme\b`,
      String.raw`\bcan te breathe\b|\bcannot breathe\b|\bnot breathing\b|\bchoking\b|\bstopped breathing\b`,
      String.raw`\bmalaise\b(?! vagal)|\bevanoui\w*|\bperdu? connaissance\b(?! (?:du|de|des)\b)|\binconscient\w*`,
      String.raw`(?<!(?:ordinateur|ordi|telephone|portable|application|appli|site|souris|box|ecran|tele|tablette|imprimante|clavier|caf|mairie) )\bne (?:repond plus|reagit plus|reagit pas)\b(?! (?:a|aux|au) (?:mes |ses |nos )?(?:messages|textos|appels|mails|sms|telephone))`,
      String.raw`\bne bouge plus\b(?! de (?:son|sa|la|chez))|\bne se reveille (?:pas|plus)\b`,
      String.raw`\b(?:un|une|son|de|le|mini|petit|faire|fait|fais|faite) avc\b|^avc\b|\bcrise cardiaque\b|\barret cardiaque\b|\binfarctus\b|\bconvuls\w*|\bcrise de epilepsie\b|\bstroke\b|\bheart attack\b|\bseizure\b`,
      String.raw`\bbouche (?:de travers|tordue|deformee)\b|\bvisage (?:paralyse|qui tombe|deforme|de travers)\b|\bparalys\w*|\bne (?:peut|peux|arrive) plus (?:lever|bouger) (?:le|son|sa|la|mon|ma) bras\b|\bparle bizarrement\b|\bne trouve plus ses mots\b|\bne arrive plus a parler\b|\bbras (?:tout )?mou\b|\bslurred\b|\bface drooping\b`,
      String.raw`\bsaign\w* (?:beaucoup|abondamment|de la tete|partout|de partout|enormement|tres fort|sans arret)\b|\bhemorragie\b|\bpisse le sang\b|\bsang partout\b|\ben sang\b|\barreter le sang\b|\bcoupe\w* profondement\b|\bbleeding\b`,
      String.raw`(?<!\b(?:doit|dois|doivent|faut|faudrait|prescrit) (?:prendre|avaler) )(?<!\bprend )\b(?:trop de|tous ses|toute la boite de|toute sa boite de|toute ma boite de) (?:medicaments|cachets|comprimes|somniferes|pilules)\b`,
      String.raw`\b(?:avale|mange|bu|ingere)\w* (?:des |trop de |beaucoup de |plein de |toute? (?:la boite de |sa boite de |ses |mes )?)(?:medicaments|cachets|comprimes|pilules|somniferes)\b`,
      String.raw`\b(?:bu|avale|mange|ingere|bois|boit)\w* (?:de la |du |des |de le |un |une )?(?:eau de )?(?:javel|produits? menagers?|detergent|white spirit|essence|mort aux rats|raticide|insecticide|desherbant|piles?(?: boutons?)?|lessive|capsules? de lessive|destop|acide|soude|antigel|alcool a bruler)\b`,
      String.raw`\b(?:bu|avale\w*|mange\w*|ingere\w*|bois|boit|drank|swallowed)\b.*\b(?:javel|produits? (?:menagers?|vaisselle)|detergent|white spirit|mort aux rats|raticide|insecticide|desherbant|piles? boutons?|capsules? de lessive|destop|soude|antigel|alcool a bruler|bleach|batteries)\b`,
      String.raw`\bempoisonn\w*|\bintoxi\w*|\bmonoxyde\b|\bantipoison\b|\bchampignons\b.*\bvomi\w*`,
      String.raw`\bswallowed (?:some |the |a |his |her )?(?:pills|bleach|batteries|medicine|tablets)\b|\bdrank (?:some )?bleach\b|\bpoison\w*`,
      String.raw`\bunconscious\b|\bpassed out\b|\bnot waking up\b|\bwon te wake up\b|\bcollapsed\b|\bfainted\b`,
      String.raw`\b(?:bebe|nourrisson)\b.*\b(?:tout mou|toute molle|ne reagit|respire mal|bleu)\b`,
      String.raw`\bau secours\b|\burgence vitale\b|\bappele[rz]? (?:les pompiers|le samu|le 15|le 18|le 112|une ambulance|les secours)\b|\bappeler (?:les urgences)\b`,
      String.raw`\b(?:il|elle|est|suis|allongee?) par terre\b|\bpar terre (?:et )?(?:il|elle) (?:ne )?(?:repond|bouge|se releve)`,
      String.raw`\bse releve (?:pas|plus)\b|\b(?:ne arrive|ne peut|ne peux) (?:plus|pas) (?:a )?(?:se|me) relever\b`,
      String.raw`\b(?:douleurs?|mal|serre\w*|oppression|poids|pain|pressure|tight\w*|brulure)\b(?: \w+){0,5} (?:poitrine|thorax|torse|chest)\b|\b(?:poitrine|thorax|torse|chest)\b(?: \w+){0,4} (?:serre|fait (?:tres )?mal|hurts)\b|\b(?:douleurs? (?:dans|a|au) (?:le )?coeur|coeur (?:\w+ ){0,2}fait (?:tres |trop )?mal)\b`,
      String.raw`\b(?:respir\w*|breath\w*) (?:\w+ )?(?:plus|pas|mal|difficilement|bizarre\w*|par a coups|avec difficulte|properly)\b|\b(?:arrive|peut|peux) (?:plus|pas) (?:a )?respir\w*|\brespire (?:tres )?(?:vite|fort) (?:et|avec)\b`,
      String.raw`\b(?:du mal|arrive (?:plus|pas)) a reprendre (?:son|sa|mon|ma) (?:souffle|respiration)\b|\bmanque de air\b|\bstruggling to breathe\b|\bwheez\w*|\bshort of breath\b|\bno pulse\b`,
      String.raw`\b(?:levres|visage|lips|face) (?:\w+ ){0,3}(?:bleue?s?|grise?s?|violette?s?|blue|grey|gray)\b`,
      String.raw`(?:\b(?:je|il|elle|on|bebe|tu|qui) (?:me |se |te )?|\b(?:se|vais me|va se) )etouf+\w*\b(?! de (?:chaleur|rire|colere|honte)| (?:un peu|parfois|la nuit|de temps en temps))`,
      String.raw`\b(?:etrangle|choking on|choked on)\b.*\b(?:morceau|bonbon|viande|bille|aliment|food|grape)\b`,
      String.raw`\b` + INGESTED + String.raw`\b(?: \w+){0,6} ` + PRODUCTS + String.raw`\b`,
      String.raw`\b` +
        CHILD +
        String.raw`\b(?: \w+){0,6} ` +
        INGESTED +
        String.raw`\b(?: \w+){0,4} ` +
        MEDS +
        String.raw`\b`,
      String.raw`\b` +
        INGESTED +
        ' (?:\\w+ ){0,2}' +
        OVERDOSE +
        ' (?:\\w+ ){0,3}' +
        MEDS +
        String.raw`\b|\b` +
        INGESTED +
        ' (?:\\w+ ){0,3}' +
        MEDS +
        String.raw`\b(?: \w+){0,4} beaucoup\b`,
      String.raw`\bouvre (?:plus|pas) les yeux\b|\b(?:arrive|peux|peut) (?:pas|plus) a (?:le |la )?reveiller\b|\btombee? dans les pommes\b|\beffondre\w*|\breagit a rien\b|\bne repond pas quand\b|\bbouge (?:pas|plus) du tout\b|\bnot responding\b|\bunresponsive\b`,
      STROKE_FACE,
      String.raw`\b(?:gorge|langue|visage|levres|throat|tongue|face|lips)\b (?:\w+ ){0,2}(?:gonfle\w*|enfle\w*|swell\w*)|\breaction allergique\b|\bchoc anaphylactique\b|\ballergic reaction\b|\banaphyla\w*`,
      String.raw`\b(?:douleur|etau|serre\w*|poids|oppression|pression|brulure)\b(?: \w+){0,3} (?:sur|dans|a|au) (?:le )?coeur\b|\b(?:clutch\w*|holding|grabbing|gripping) (?:his|her|my) chest\b|\bchest\b(?: \w+){0,4} (?:hurts|pain|tight|crushing|pressure)\b|\belephant (?:sitting|on)\b`,
      String.raw`\bgasp\w* for (?:air|breath)\b|\b(?:no|not|cannot|can te|can not) (?:can )?breath\w*\b|\b(?:lips|face|skin)\b(?: \w+){0,2} (?:blue|grey|gray)\b|\bblue (?:on|in) the (?:lips|face)\b`,
      String.raw`\byeux revulse\w*|\bcrise (?:de )?epilep\w*|\b(?:plus de|pas de) pouls\b|\b(?:bleed\w*|blood)\b(?: \w+){0,2} (?:a lot|very much|badly|everywhere|(?:won te|will not|doesn te|does not|not) stop\w*)\b|\bsang (?:ne )?(?:se )?(?:arrete|arreter) (?:pas|plus)\b`,
      String.raw`(?<!\b(?:ordinateur|ordi|telephone|portable|application|appli|site|souris|box|ecran|tele|tablette|imprimante|clavier|caf|mairie|standard|numero|ligne) )\b(?:mere|pere|mari|femme|epoux|epouse|mamie|papy|mamy|grand mere|grand pere|voisine?|fils|fille|bebe|frere|soeur|il|elle) repond (?:plus|pas)\b(?! (?:a|aux|au|de|depuis) )`,
      String.raw`\b(?:she|he) (?:is|s|has been|was) (?:lying )?on (?:the )?floor\b|\blying on the (?:floor|ground|patio|pavement)\b`,
      String.raw`\bne (?:peut|peux|arrive) (?:plus|pas) (?:a )?tousser\b|\b(?:cachets|medicaments|comprimes|somniferes|anxiolytiques)\b(?: \w+){0,4} (?:avec|et) (?:de le |du |de la )?alcool\b|\ben a (?:mange|avale|pris|bu) (?:plusieurs|beaucoup|tous|toute|plein)\b`,
      String.raw`\b(?:mordu|mordue|pique|piquee)\w* par (?:un|une) (?:serpent|vipere|scorpion)\b|\b(?:crache|vomit|vomi|tousse|recrache)\w* du sang\b|\bsang qui sort de (?:la|sa) bouche\b|\bperd\w* (?:beaucoup|enormement|plein) de sang\b`,
      String.raw`\belectrocut\w*|\bnoye\w*\b(?! (?:sous|dans (?:le|la|les|mon|mes|ses) (?:travail|boulot|paperasse|papiers|dossiers|demarches)))|\b(?:renverse\w*|fauche\w*) par (?:un|une) (?:voiture|camion|bus|moto|scooter|velo|tram|train)\b|\bbrule\w*\b(?: \w+){0,6} (?:huile|eau) bouillante\b|\b(?:huile|eau) bouillante\b(?: \w+){0,6} (?:brule\w*|renverse\w* sur (?:lui|elle|son|sa|ses|le|la))\b`,
      String.raw`\b(?:fait|faire|fais|faisait) une attaque\b(?! de (?:panique|angoisse|nerfs))|\bcote (?:gauche|droit)\b(?: \w+){0,3} (?:ne (?:marche|bouge|repond) plus|paralys\w*|engourdi\w*)|\bne sent plus (?:la )?moitie\b`,
      String.raw`\bpris (?:deux|trois|2|3) fois (?:son|sa|ses|mon|ma|mes) (?:traitement|medicaments?|dose|cachets?)\b|\b(?:isn te|is not|won te|doesn te|not) wak\w* up\b`,
    ]),
  },
];

const SUSPECT: readonly Rule[] = [
  {
    kind: 'suicide',
    pattern: any([
      String.raw`\bje ne en peux plus\b(?! (?:de|du|des|avec)\b)|\bje en peux plus\b(?! (?:de|du|des|avec)\b)`,
      String.raw`\bje veux disparaitre\b|\bplus la force\b(?! de (?:porter|marcher|monter))|\btout arreter\b`,
      String.raw`\bje ne serai plus la\b|\bmettre fin a tout\b|\bmarre de ma vie\b|\bme suis fait du mal\b|\bne veux plus me battre\b|\b(?:vais|veux|va) me jeter\b$`,
    ]),
  },
  {
    kind: 'violence',
    pattern: any([
      String.raw`\bje ai peur de (?:lui|mon (?:mari|compagnon|copain|pere|ex|fils|frere|voisin))\b|\bil me suit\b|\bcasse tout\b|\bse (?:battent|bagarrent)\b|\b(?:va|vont) me tuer si\b`,
    ]),
  },
  {
    kind: 'fire',
    pattern: any([
      String.raw`\b(?:ca|sa) sent (?:le )?(?:brule|crame)\b|\bodeur de (?:brule|crame)\b|\betincelles\b`,
    ]),
  },
  {
    kind: 'medical',
    pattern: any([
      String.raw`\bdu mal a respirer\b|\bmal au coeur\b|\bje me sens tres mal\b|\bconfus\w*|\btout mou\b|\btoute molle\b`,
      String.raw`\bambulance\b`,
    ]),
  },
];

/** The rules' patterns, for the tests that check the typo corrector spares their words. */
export const EMERGENCY_PATTERNS: readonly RegExp[] = [...SURE, ...SUSPECT].map((rule) => rule.pattern);

const FALL_PATTERN = new RegExp(FALL);
/** What breaks when a thing falls. */
const BROKEN = /\b(?:casse\w*|broke\w*|fendu\w*|cracked|shattered|smashed)\b/g;
const INJURY_PATTERN = new RegExp(INJURY);
const PERSON_FELL_PATTERN = new RegExp(PERSON_FELL);
const PAST_PATTERN = new RegExp(PAST);
const SETTLED_PATTERN = new RegExp(SETTLED);
const EVERYDAY_PATTERN = new RegExp(EVERYDAY);
/** A common illness that explains signs of distress ("essoufflée avec ce virus"): asked about. */
const ILLNESS = /\b(?:virus|grippe|rhume|covid|fievre|gastro|angine|bronchite|fatigue)\b/;
/** A pet, sleep or exercise: signs of distress that are not ("le chat est couché et ne bouge pas"). */
const AT_REST = /\b(?:dort|dors|dormir|sieste|yoga|exercices?|gym|chat|chien|chaton|chiot)\b/;
/** A near miss: "j'ai failli tomber", "failli me noyer" is no emergency now. */
const NEAR_MISS = /\bfailli\b/;
/** Words of a joke: a fight or a threat told with them is not asked about. */
const JOKE = /\b(?:mdr|lol|ptdr|xd|haha\w*|hihi)\b/;
/** Figures of speech: "ça me tape sur les nerfs", "le prof va me tuer", "agressé verbalement". */
const FIGURE =
  /\btape sur (?:les|le) (?:nerfs|systeme|haricot)\b|\bagress\w* verbalement\b|\b(?:prof|professeur|patron|chef|maitresse|boss|coach|entraineur) (?:va|vont|allait) me tuer\b/;
/** An illness told as a fact, not as happening now: asked about, never the numbers. */
const HISTORY =
  /\b(?:a eu|avait eu|avait fait|apres|depuis|suite a) (?:un|une|son|sa|ses) (?:avc|malaise|infarctus|crise cardiaque|crise de epilepsie|chute|operation)\b/;
const CLAUSE_SPLIT = / (?:mais|et la|et maintenant|maintenant|sauf que|alors que|du coup|but|and now) /;

/** The verdict on one normalised clause, before the past-event guard. */
function clauseVerdict(clause: string): EmergencyVerdict | null {
  for (const rule of SURE) if (rule.pattern.test(clause)) return { kind: rule.kind, sure: true };
  if (FALL_PATTERN.test(clause)) {
    const injured = INJURY_PATTERN.test(clause);
    // A thing that fell may break ("my phone fell, the screen is broken"): only a hurt person counts.
    if (THING_FELL.test(clause) && !INJURY_PATTERN.test(clause.replace(BROKEN, ''))) return null;
    return { kind: 'medical', sure: injured || PERSON_FELL_PATTERN.test(clause) };
  }
  const stroke = strokeVerdict(clause);
  if (stroke !== null) return stroke;
  if (DISTRESS_SIGNS.filter((sign) => sign.test(clause)).length > 1 && !AT_REST.test(clause))
    return { kind: 'medical', sure: !ILLNESS.test(clause) };
  for (const rule of SUSPECT) {
    if (!rule.pattern.test(clause)) continue;
    return { kind: rule.kind, sure: false };
  }
  return null;
}

/**
 * Stroke signs, counted over a clause or a whole sentence ("il parle bizarre et la main ne
 * marche plus"): two signs, or one with a sudden start, are sure; one alone is asked about.
 */
function strokeVerdict(text: string): EmergencyVerdict | null {
  const strokeSigns = STROKE_SIGNS.filter((sign) => sign.test(text)).length;
  return strokeSigns > 0 ? { kind: 'medical', sure: strokeSigns > 1 || SUDDEN.test(text) } : null;
}

/** Applies the guards: past, settled or told events, "au secours" next to papers. */
function guarded(
  clause: string,
  verdict: EmergencyVerdict | null,
  sentence = clause,
): EmergencyVerdict | null {
  if (verdict === null || NEAR_MISS.test(clause)) return null;
  if (PAST_PATTERN.test(clause) || SETTLED_PATTERN.test(sentence)) {
    return verdict.kind === 'suicide' ? { kind: 'suicide', sure: false } : null;
  }
  // "c'est fini" settles a crisis that was told, but is itself a word of despair.
  if (verdict.kind !== 'suicide' && /\bce est fini\b/.test(sentence)) return null;
  if (verdict.kind === 'violence' && FIGURE.test(sentence)) return null;
  if (!verdict.sure && verdict.kind === 'violence' && JOKE.test(sentence)) return null;
  if (verdict.kind === 'medical' && HISTORY.test(clause)) return { kind: 'medical', sure: false };
  if (EVERYDAY_PATTERN.test(clause) && /\b(?:au secours|a le aide|sos|help)\b/.test(clause)) return null;
  return verdict;
}

/** Normalised clauses of a normalised text (split on "mais", "et là", "maintenant"...). */
function splitNormalized(normalized: string): string[] {
  return normalized.split(CLAUSE_SPLIT).filter((clause) => clause !== '');
}

/** Verdicts on the clauses of one sentence, read as written and as corrected for the rules. */
function sentenceVerdicts(sentence: string): (EmergencyVerdict | null)[] {
  const { raw, corrected } = readForRules(sentence);
  const readings = raw === corrected ? [raw] : [raw, corrected];
  return readings.flatMap((text) => [
    ...splitNormalized(text).map((clause) => guarded(clause, clauseVerdict(clause), text)),
    guarded(text, strokeVerdict(text)),
  ]);
}

/**
 * Suicidal intent told across sentences: a method at hand ("j'ai la corde", "j'ai les
 * médocs") and readiness ("je suis prêt", "ce soir", "en finir") anywhere in the message.
 */
function methodAndReadiness(message: string): EmergencyVerdict | null {
  if (PAST_PATTERN.test(message)) return null;
  const strong = STRONG_METHOD.test(message) && OWNED.test(message);
  const ready = READY.test(message);
  if (
    (strong && (ready || READY_TONIGHT.test(message) || METHOD_CONTEXT.test(message))) ||
    (MEDS_AT_HAND.test(message) && ready) ||
    (JUMP_PLACE.test(message) && JUMP.test(message)) ||
    (MEDS_MENTIONED.test(message) &&
      (ready || SWALLOW_ALL.test(message)) &&
      (READY_TONIGHT.test(message) || ready))
  )
    return { kind: 'suicide', sure: true };
  // Medicines set aside "for tonight": maybe a plan, maybe the evening dose; asked.
  if (MEDS_MENTIONED.test(message) && SET_ASIDE.test(message) && READY_TONIGHT.test(message))
    return { kind: 'suicide', sure: false };
  return null;
}

/**
 * Combines clause verdicts: the first sure one wins (in rule order: suicide, violence,
 * fire, medical), else the first unsure one.
 */
function combine(verdicts: readonly (EmergencyVerdict | null)[]): EmergencyVerdict | null {
  const found = verdicts.filter((verdict): verdict is EmergencyVerdict => verdict !== null);
  const order: readonly EmergencyKind[] = ['suicide', 'violence', 'fire', 'medical'];
  const sure = found.filter((verdict) => verdict.sure);
  if (sure.length > 0) return sure.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  return found[0] ?? null;
}

/** The verdict on an already normalised text (no punctuation left, so clauses by words only). */
export function assessNormalized(normalized: string): EmergencyVerdict | null {
  return combine([...sentenceVerdicts(normalized), methodAndReadiness(readForRules(normalized).corrected)]);
}

/**
 * The rules' verdict on a resident's message, or `null`: clauses are cut at punctuation
 * first, then at "mais", "et là", "maintenant"..., so "il y a deux ans mon père a fait un
 * AVC. Là il ne répond plus" is judged on its second sentence. Each clause is read as
 * written and as corrected for the rules (`readForRules`: SMS forms, misspelt emergency
 * words), and the whole message is checked for a suicide method at hand with readiness.
 *
 * @param text - the message as written.
 */
export function assessEmergency(text: string): EmergencyVerdict | null {
  const sentences = text.split(/[.!?;\n]+/);
  return combine([...sentences.flatMap(sentenceVerdicts), methodAndReadiness(readForRules(text).corrected)]);
}

/**
 * The kind of emergency described by a normalised text, when the rules are sure of it,
 * or `null` (unsure verdicts included: see {@link assessNormalized}).
 *
 * @param normalized - output of `normalizeText` on the resident's own words (never the
 * typo-corrected tokens).
 */
export function detectEmergency(normalized: string): EmergencyKind | null {
  const verdict = assessNormalized(normalized);
  return verdict?.sure ? verdict.kind : null;
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
