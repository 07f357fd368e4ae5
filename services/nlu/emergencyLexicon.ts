/**
 * The emergency rules' vocabulary: the word lists and patterns the rules (emergencyRules.ts)
 * and the verdict (emergency.ts) are built from, accent-folded and lower-case as the rules
 * read a message (see emergencyReading.ts).
 */

export const any = (parts: readonly string[]): RegExp =>
  new RegExp(parts.map((part) => `(?:${part})`).join('|'));

/** What may follow "tombé" without it being a fall: "tombé sur", "tombé en panne"... */
export const NOT_A_FALL = String.raw`(?! (?:sur|bien|mal|presque|en amour|a pic|en panne|de (?:sommeil|fatigue)|de? accord|amoureu\w*|dans le panneau|enceinte|malade|dans (?:le |l )?eau|des cordes|de la (?:pluie|neige|grele)|des trombes))`;
/** A fall of a person: "est tombée", "a chuté", "a glissé dans la douche". */
export const FALL = String.raw`\b(?:est|suis|es|sont|se est|ai|a|vient de|viens de|vient juste de) (?:(?!laisse|fait|faire)\w+ )?(?:tombee?s?|tomber|chut\w*|glisse\w*)\b${NOT_A_FALL}|\b(?:fait|faire|a fait|fai|eu|a eu) une chute\b|\bune (?:grosse |mauvaise |vilaine )?chute\b(?! (?:de (?:neige|pluie|cheveux|tension|prix|pression)|des (?:feuilles|prix|cheveux)|libre|du mur|de eau))|\bfell\b(?! (?:behind|asleep|in love|for|through|apart|short|silent|ill|out with))|\bslipped\b|\b(?:rate|loupe|manque) (?:une|la|les|des|deux|trois) marches?\b|\b(?:mauvaise |grosse |vilaine )?glissade\b|\b(?:casse|cassee|casser|pete|petee|fout|foutu) la (?:gueule|figure|margoulette|tronche)\b|\b(?:she|he|i|mum|mom|dad|mother|father|grandma|grandpa|gran) (?:has |had )?(?:fall|falls|fallen|falled)\b(?! (?:asleep|in love|ill|apart|behind))|\b(?:elle|il|papa|maman|mamie|mamy|papi|papy|pepe|meme|mere|pere|bebe) tombe(?! (?:bien|mal|de (?:sommeil|fatigue|haut|rire)|des (?:nues|cordes)|amoureu\w*|enceinte|malade|en panne|sur|souvent|toujours|pile))\b`;
/** Who fell: a person (not a phone or a cat) makes the fall an emergency by itself. */
export const PERSON_FELL = String.raw`\b(?:mere|pere|mari|femme|epoux|epouse|voisine?|grand mere|grand pere|mamie|papi|papy|mamy|fils|fille|enfant|bebe|soeur|frere|tante|oncle|dame|monsieur|personne agee|je|elle) (?:\w+ )?(?:est|suis|a|vient de|viens de) (?:(?!laisse|fait|faire)\w+ )?(?:tombee?s?|tomber|chut\w*|glisse\w*)\b${NOT_A_FALL}`;
/** What makes a fall an emergency. */
export const INJURY = String.raw`\bsaign\w*|\bsang\b|\b(?:peut|peux|arrive) (?:plus|pas) (?:a )?(?:se |me |te )?(?:relever|lever|bouger|marcher)|\bse releve (?:pas|plus)\b|\bne bouge plus\b|\bpar terre\b|\bcasse\w*|\bfracture\w*|\bmal (?:au|a la|aux)\b|\btres mal\b|\binconscient\w*|\bne (?:repond|reagit) plus\b|\bangle bizarre\b|\bne sent plus\b|\bbleeding\b|\bcan te (?:get up|move)\b|\bcannot (?:get up|move)\b|\bblood\b|\bbroke\w*|\bbouge (?:pas|plus)\b|\bhit (?:his|her|my) head\b|\bcogne la tete\b|\bconfus\w*|\bparle plus\b|\bouvre (?:plus|pas) les yeux\b|\bhurle\w*|\bsonnee?\b|\btordue?s?\b|\bdeforme\w*|\bplaie\b|\b(?:can te|cannot|can not|cant|no can) (?:stand|get) up\b|\bstand up\b|\bon (?:the )?floor\b|\bnot moving\b|\blying\b|\bos qui sort\b|\bhanche\b|\bbosse\b|\bfait (?:horriblement|atrocement|terriblement|tres tres) mal\b|\bwrist looks wrong\b|\bne (?:peut|peux) (?:pas|plus) se (?:relever|lever)\b`;
/** Words of a past or settled event: such a clause is no emergency now. */
export const PAST = String.raw`\bil y a (?:\w+ )?(?:ans?|annees?|mois|semaines?|longtemps)\b|\b(?:l|le) an passe\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\bil y a eu\b|\b(?:la|le) (?:annee|semaine|mois) passee?\b|\ben (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b|\blast (?:winter|summer|spring|autumn|fall)\b|\b(?:years|months|weeks) ago\b|\b(?:le |la )?(?:an|annee|hiver|ete|printemps|automne|mois|semaine) derni(?:er|ere)\b|\ben (?:19|20)\d\d\b|\bquand (?:je|il|elle|on) (?:etais|etait)\b|\bautrefois\b|\bcet (?:hiver|ete|automne)\b|\bce printemps\b|\b(?:last|every) (?:year|month|week)\b|\byears ago\b|\ba noel\b|^avant\b|\bavant (?:il|elle|mon|ma|on|je|ce|dans|chez)\b`;
export const SETTLED = String.raw`\btout va bien\b|\b(?:ca|il|elle|je) va (?:tres )?(?:mieux|bien)\b|\bse remet\b|\bce est (?:passe|rien|normal)\b|\bsans gravite\b|\bplus de peur que de mal\b|\bis fine\b|\bexercice\b|\b(?:un|une|le|la|ce|cette|mon|ma|son|sa|notre|dans mon|dans le|dans un) (?:film|serie|reportage|documentaire|livre|roman|jeu|bd|manga|feuilleton|episode|histoire)\b|\bmais (?:ca|sa|tout|il|elle) va\b(?! (?:mal|pas|de pire|plus mal))|\ba la tele\b|\bau journal\b|\b(?:aux|dans les) (?:infos|informations|actualites|nouvelles)\b|\b(?:dans le|au) journal\b|\ba la radio\b|\b(?:on|in) the news\b|\brecovered\b|\b(?:pas|plus) (?:en danger|de fumee|de feu|grave)\b|\brien de (?:grave|casse|serieux)\b|\bdans journal\b`;
/** Papers, homework and devices: "au secours" next to them is a figure of speech. */
export const EVERYDAY = String.raw`\b(?:formulaire|impots?|devoirs?|maths|wifi|box|dossier|papiers|caf|ordinateur|imprim\w*|declaration|internet|site)\b`;

/** Medicines, as residents name them: swallowed in number, an emergency. */
export const MEDS = String.raw`(?:medicaments?|cachets?|comprimes?|pilules?|somniferes?|gelules?|plaquettes?|sirop|doliprane|lexomil|xanax|paracetamol|anxiolytiques?|antidepresseurs?|pills|tablets|medicine|sleeping pills)`;
/** Household products and small objects a child must never swallow. */
export const PRODUCTS = String.raw`(?:(?:eau de )?javel|deboucheur|destop|detergent|white spirit\w*|lessive|capsules? de lessive|pastilles? (?:de |pour )?(?:lave vaisselle|lessive)|produits? (?:\w+ ){0,4}(?:vaisselle|wc|toilettes?|nettoyer|nettoyage|sol|menagers?|nettoyage|laver|lave vaisselle|four|vitres|entretien|piscine)|piles?(?: boutons?)?|alcool a bruler|essence|antigel|mort aux rats|raticide|insecticide|desherbant|liquide (?:de|pour) (?:cigarette|vapoteuse)|e liquide|bleach|dishwasher \w+|detergent|button batter\w*|batteries|baies|champignons|granules? (?:contre|anti|pour) (?:les |la |le )?\w+|lave vais+el+e|(?:pastilles?|tablettes?) (?:de |pour )?(?:lave vais+el+e|lessive|wc|javel|chlore)|chlore|nettoyant\w*|anti limaces?|savon|pesticide|engrais|poison|pieces? de monnaie|aimants?|billes?|epingles?|clous?|javel\w*|debouch\w*|canalisations?|(?:washing|laundry|dishwasher) (?:capsules?|pods?|tablets?|powder|liquid))`;
/** Swallowing, drinking, eating: "a bu", "avalé", "mis dans sa bouche", "swallowed". */
export const INGESTED = String.raw`(?:bu|bue|boit|bois|avale\w*|mange\w*|ingere\w*|croque|pris|prit|drank|drink|drinks|swallow\w*|ate|eat|eats|chewed|chewing|croqu\w*|machouill\w*|leche|suce|mis (?:\w+ ){0,4}dans sa bouche)`;
/** A child, who makes any medicine swallowed an emergency. */
export const CHILD = String.raw`(?:enfants?|fils|fille|petite?|bebe|nourrisson|neveu|niece|gamine?|petit fils|petite fille|toddler|son|daughter|kid|child|baby)`;
/** A quantity of medicine that is an overdose whoever took it. */
export const OVERDOSE = String.raw`(?:tous|toutes|toute|tout le|tout un|toute une|beaucoup|trop|plein|une plaquette|la plaquette|une boite|la boite|une boite entiere|le flacon|tout le flacon|all|a lot of|too many|a bottle of|the whole|une (?:dizaine|quinzaine|vingtaine|trentaine|poignee)|\d{2,}|dix|quinze|vingt|trente|plusieurs boites|tout (?:mes|les|ses))`;
/** Who can be the victim of violence: "les enfants", "sa femme", "une meuf". */
export const VICTIM = String.raw`(?:(?:les|des|ses|mes|nos|leurs|son|sa|ma|mon|une|un|le|la|notre|leur) (?:\w+ )?(?:enfants?|gamins?|gosses?|petits?|petites?|bebe|nourrisson|enfant|femme|fille|fils|mere|soeur|frere|copine|voisine?|dame|homme|personne|vieille?|grand mere|grand pere|kids?|children|wife|mum|mom))`;
/** Blows and their verbs, in any tense. */
export const BLOWS = String.raw`(?:frapp\w*|tap(?:e|es|ent|ait|aient|er)|bat|bats|battu\w*|battre|batt(?:ait|aient|ent|rait|raient|ra|rai)|cogn\w*|tabass\w*|gifl\w*|secou\w*|brutalis\w*|maltrait\w*|etrangl\w*|bouscul\w*)`;
/** Places that burn. */
export const PLACE = String.raw`(?:maison|appartement|appart|immeuble|cuisine|voiture|garage|batiment|chambre|foret|colline|pinede|grenier|cave|toit|local|salon|magasin|haie|jardin|poubelles?|camion|broussailles|pins|herbes|champs?|garrigue|arbres|bois|rideaux?|canape|matelas|sapin|meubles?|building|kitchen|house|car|flat)`;
/** Stroke signs that are enough alone: a face or mouth that falls or twists. */
export const STROKE_FACE = String.raw`\b(?:visage|bouche|face|mouth|levre)\b(?: \w+){0,6} (?:de travers|travers|tordue?|deforme\w*|paralyse\w*|tombe|qui tombe|pend|tire (?:de un|sur le|vers le|a) cote|drooping|droops|ne bouge (?:pas|plus))\b|\bmoitie du (?:visage|corps)\b|\bface (?:is )?drooping\b|\b(?:smile|face|mouth)\b(?: \w+){0,3} (?:lopsided|crooked|droop\w*|uneven)\b`;
/** Stroke signs that need a second one, or a sudden start. */
/**
 * Signs of a person in distress that need a second one ("il est devenu tout blanc et il s'est
 * affalé"): alone, each is an everyday complaint ("essoufflée dans l'escalier").
 */
export const DISTRESS_SIGNS: readonly RegExp[] = [
  /\b(?:est|devient|devenu|devenue|suis) (?:tout |toute |tres )?(?:blanc|blanche|gris|grise|livide|pale|bleue?|violet|violette)\b/,
  /\bne (?:me |nous |la |le |les )?reconnait plus\b|\bdelire\w*/,
  /\b(?:transpire|sueur|tremble)\w*/,
  /\b(?:couchee?|allongee?|etendue?) (?:dans|sur|par) (?:le |la |l )?(?:escalier|sol|trottoir|rue|couloir|terre|jardin|herbe|palier|parking|salle de bain|cuisine|garage|cour)\b/,
  /\bne bouge (?:pas|plus)\b(?! de )/,
  /\bavale de travers\b/,
  /\b(?:affale|ecroule|effondre)\w*(?! (?:sur|dans) (?:le |la |mon |son |un )?(?:canape|lit|fauteuil|sofa))/,
  /\bne (?:dit|parle) plus (?:rien|du tout)?\b|\bne (?:dit|repond) rien\b|\bne (?:repond|reagit) pas\b(?! (?:a|au|aux|de|depuis|quand je (?:appelle|telephone|ecris))\b)/,
  /\bdu mal a respirer\b|\bsiffle\w*|\bessouffl\w*|\bsouffle court\b|\bcherche (?:son|sa) (?:air|souffle|respiration)\b/,
  /\b(?:assise?|allongee?|couchee?|etendue?|est|reste) par terre\b/,
  /\b(?:tout|toute) (?:froid|froide|mou|molle)\b/,
  /\b(?:mal|douleurs?|serre\w*|poids) (?:au|dans le|a le|sur le) coeur\b|\b(?:ca|sa) (?:serre|compresse|ecrase)\b|\b(?:pressing|rubbing|holding) (?:on )?(?:his|her|my) chest\b/,
  /\bbras gauche\b(?: \w+){0,3} (?:fourmill\w*|engourdi\w*|lourde?|picot\w*|douloureux|mal)\b|\b(?:mal|douleurs?|fourmis) (?:au|dans le|a le) bras gauche\b|\bleft arm\b(?: \w+){0,3} (?:heavy|numb|tingl\w*|hurts)\b|\bpain in (?:his|her|my) left arm\b/,
  /\b(?:ne )?se sent (?:pas|plus) (?:du tout |tres )?bien\b|\bse sent (?:tres )?mal\b|\bfeels? (?:really |very )?(?:unwell|ill|faint)\b/,
  /\brespire (?:tres |trop )?(?:vite|fort|bizarre\w*)\b|\bbruit quand (?:il|elle|je) respire\b/,
  /\byeux (?:fermes|clos|revulses|dans le vide)\b/,
  /\bcoeur (?:qui )?(?:se )?(?:emballe|bat (?:tres |trop )?(?:vite|fort))\b|\bvois (?:flou|trouble|double)\b/,
  /\b(?:douleur|mal)\b(?: \w+){0,3} (?:insupportable|atroce|intenable|horrible|terrible)\b|\bplie en deux\b|\bse tord de douleur\b/,
  /\bvomi\w*/,
  /\bpupilles (?:enormes|dilatees|tres grosses|minuscules)\b|\b(?:il|elle) (?:a|est) (?:tres chaud|brulante?)\b/,
];
export const STROKE_SIGNS: readonly RegExp[] = [
  /(?<!\b(?:me|te|nous|vous|lui|leur|ne me|ne nous|se|ne se) )\bparler? (?:bizar\w*|pas bien|plus normal\w*|pas normal\w*|n importe comment|plus|mal|difficilement|avec une voix (?:bizarre|pas normale|etrange))\b(?! (?:le |l )?(?:francais|anglais|arabe|espagnol|de|a|avec|du))/,
  /\b(?:arrive|peut|peux) (?:plus|pas) (?:a )?(?:parler?|articuler|sourire)\b|\b(?:speaks?|talks?|talking|speaking) (?:strange|weird|funny|nonsense|strangely)\b|\bstrange words\b|\bdu mal a parler\b|\bbafouill\w*|\bmelange (?:les|ses) mots\b|\bmelange tout\b|\bmots sans sens\b|\bne trouve plus ses mots\b|\bcherche (?:ses|ces|les) mots\b|\bvoix (?:pateuse|bizarre|etrange|pas normale|trainante)\b|\b(?:arrive|arrivait|peut|pouvait) (?:plus|pas) a finir (?:ses|sa) phrases?\b|\bparle (?:pas|plus) comme (?:normal|normalement|d habitude|avant)\b|\bmots qui (?:ne )?veulent (?:rien|pas) dire\b|\bparle (?:chelou|bizarre|bizarrement)\b|\bslurr\w*|\bcan te (?:speak|talk)\b|\bcannot (?:speak|talk)\b/,
  /\b(?:bras|main|jambe|arm|hand|leg)\b(?: \w+){0,4} (?:pend\w*|mou|molle|engourdi\w*|ne tient plus|ne repond plus|ne marche (?:pas|plus)|(?:ne )?bouge (?:pas|plus)|(?:la |le )?sent (?:plus|pas|rien)|ne (?:le|la|me) porte plus|ne (?:lui|me|leur) obei\w* plus|est morte?|lourde?|feels? heavy|weak|went weak|numb|paralys\w*|insensible|engourdi\w*)\b|\b(?:arrive|peut|peux) (?:plus|pas) a (?:lever?|bouger|soulever) (?:le|la|son|sa|les|ses|mon|ma) (?:bras|main|jambe)\b|\bplus de force (?:dans|ds) (?:le|la|son|sa|mon|ma) (?:bras|main|jambe)\b|\bne sent plus (?:sa|son|la|le|ses|mon|ma) (?:main|bras|jambe|moitie|cote)\b|\b(?:arrive|peut) plus a (?:le|la) lever\b|\bcan te lift (?:his|her|my) (?:right |left )?arm\b/,
  /\b(?:visage|face)\b (?:\w+ ){0,2}(?:bizarre|strange|weird)\b|\bface\b(?: \w+){0,4} one side\b|\bvoit double\b|\bmal de tete (?:terrible|violent|atroce|horrible|d un coup|soudain)\b|\bconfus\w*|\bvision trouble\b|\bne comprend plus (?:rien|ce que)\b|\bperdu la vue\b/,
];
/** Signs of a seizure, two of which are sure ("fait une crise", "tremble de partout", "bave"). */
export const SEIZURE_SIGNS: readonly RegExp[] = [
  /\b(?:fait|fais|faire|en|pris de|pique) (?:une )?crises?\b(?! de (?!epilep|convuls))/,
  /\btremble\w* de partout\b|\btremblements\b|\bsecousses?\b|\bspasmes?\b|\bconvuls\w*|\bshaking all over\b|\bjerking\b/,
  /\bbave\w*|\becume\b|\bmousse (?:a|aux) (?:la )?(?:bouche|levres)\b|\bfoam\w*/,
  /\byeux (?:qui )?(?:partent|revulses|roulent|fixes|vitreux)\b|\beyes rolled\b/,
  /\bepilep\w*/,
  /\bne (?:repond|reagit) (?:pas|plus)\b|\bpar terre\b|\bnot responding\b|\bon the floor\b/,
  /\bdure depuis\b|\bplus de (?:\w+ )?minutes\b|\b(?:se )?arrete pas\b/,
];
/** Diabetes named: with a sign of distress ("en sueur", "confus", "ne me reconnaît plus"), a hypoglycaemia. */
export const DIABETIC = /\bdiabet\w*|\bhypo(?:glycemie)?\b/;
export const DIABETIC_SIGNS =
  /\b(?:sueur|transpir\w*|sweat\w*|tremble\w*|confus\w*|bizarre\w*|reconnait plus|pas normal|reveiller|ne repond|repond mal|malaise|tout blanc|toute blanche|tombe sucre|sans queue ni tete|won te drink|n importe quoi|somnolent\w*)\b/;
/** Something that burns skin, and what makes the burn an emergency (blisters, screams, the face). */
export const BURN =
  /\b(?:brul\w*|eau (?:tres )?(?:chaude|bouillante)|huile (?:chaude|bouillante)|plaque (?:de cuisson|chauffante)|fer a repasser|bouilloire|kettle|burn\w*|scald\w*)\b/;
export const BURN_SEVERE =
  /\b(?:cloques?|blister\w*|hurle\w*|crie|cris|scream\w*|pleure sans arret\w*|gonfle\w*|peau (?:qui )?(?:part|arrachee|decolle\w*)|tout le (?:bras|ventre|dos|visage|torse)|sur (?:la|sa|le|son) (?:figure|visage|ventre|torse|poitrine))\b/;
/** A burning appliance or fuel next to symptoms of carbon monoxide: gas, the fire brigade. */
/** An accident told now: with blood, a person who does not move or answer, an emergency. */
export const ACCIDENT = /\baccident\b(?! de (?:parcours|travail ancien))/;
export const ACCIDENT_SIGNS =
  /\b(?:saign\w*|bouge (?:pas|plus)|ne (?:repond|reagit) (?:pas|plus)|inconscient\w*|par terre|coince\w* (?:dans|sous)|blesse\w*|bleeding|not moving)\b/;
export const COMBUSTION =
  /\b(?:chaudiere|poele|brasero|groupe electrogene|chauffe eau|chauffage (?:au|a) (?:gaz|bois|petrole|fioul)|chauffage de appoint|monoxyde|barbecue dans)\b/;
export const CO_SYMPTOMS =
  /\b(?:mal a la tete|maux de tete|vertiges?|vomi\w*|nausee\w*|envie de vomir|somnolen\w*|sommeil|malaise|evanoui\w*|tous malades?)\b/;
/** Pain or effort on the stairs: breathlessness that is an everyday complaint, asked about. */
export const EXERTION =
  /\b(?:quand (?:il|elle|je|on) (?:monte|marche)|en (?:montant|marchant)|(?:on|up) the stairs|a le effort|des que (?:je|il|elle) (?:marche|monte))\b/;
/** A complaint told as lasting or habitual ("depuis des années", "tous les matins"): asked about. */
export const CHRONIC =
  /\bdepuis (?:des|plusieurs|quelques) (?:annees|ans|mois|semaines)\b|\bdepuis longtemps\b|\btous les (?:jours|matins|soirs)\b(?! (?:il|elle) (?:me|la|le|les|nous))/;
export const SUDDEN =
  /\b(?:de? un coup|tout a coup|soudain\w*|brusquement|depuis (?:ce matin|une heure|une demi heure|tout a l heure|\w+ minutes)|suddenly|all of a sudden)\b/;
/** A suicide method owned or at hand: with a readiness word in the message, intent. */
export const STRONG_METHOD = /\b(?:corde|fusil|arme|lame|rasoir|rope|gun)\b/;
export const MEDS_AT_HAND = new RegExp(
  String.raw`\b(?:je ai|jai|i have|i ve got|i ve) (?:\w+ ){0,3}` + MEDS + String.raw`\b`,
);
/** Words of readiness: with a method at hand, intent. */
export const READY =
  /\b(?:pret|prete|ready|adieu|en finir|i (?:m|me|am) done|ce (?:est|sera) (?:fini|la fin)(?! (?:de|du|des|avec)\b)|tout arreter|pour partir|goodbye|je suis au bout|(?:ecrit|laisse|ecrire) (?:des|une|mes|ma) lettres?|au revoir a (?:tout le monde|tous|ma famille)|(?<!ne )dit que ce est fini|(?:take|swallow) (?:them|it) all|take all)\b/;
/** Swallowing one's medicines with a word of quantity: "je vais tout avaler", "take them all". */
/** Medicines set aside ("j'ai mis les médicaments de côté"). */
export const SET_ASIDE = /\bde cote\b|\b(?:garde|stocke|cache|accumule|economise)\w*\b/;
/** Where one jumps from, and the jump: "je suis sur le pont et je vais me jeter". */
export const JUMP_PLACE = /\b(?:pont|fenetre|toit|balcon|falaise|viaduc|voie ferree|rails|immeuble)\b/;
/** Despair told at a height ("je regarde en bas", "ce serait plus simple", "je peux plus"). */
export const DESPAIR =
  /\b(?:je suis|suis) (?:sur|au bord de|en haut de|devant) (?:le|la|les|un|une|mon) (?:\w+ )?(?:pont|fenetre|toit|balcon|falaise|viaduc|voie ferree|rails|parapet)\b.*\b(?:regarde (?:en bas|le vide)|plus simple|(?:ne )?(?:en )?peux plus|au bout|en finir|plus la force|tout arreter|plus envie|adieu)\b/;
export const JUMP = /\b(?:vais|veux|va|vas|compte|pret a|prete a) (?:me |se |te )?(?:jeter|sauter)\b/;
export const SWALLOW_ALL =
  /\b(?:vais|veux|va) (?:tout )?(?:avaler|prendre) (?:tout|tous|toutes|la boite)\b|\bvais tout (?:avaler|prendre)\b|\b(?:take|swallow) (?:them|it) all\b|\btake all (?:my|her|his|the|of)\b/;
export const MEDS_MENTIONED = new RegExp(String.raw`\b` + MEDS + String.raw`\b|\bsleeping medicine\b`);
export const METHOD_CONTEXT =
  /\b(?:dans (?:les|la|ma) mains?|sur la tempe|autour (?:du|de mon) cou|baignoire|en main)\b/;
export const READY_TONIGHT = /\b(?:ce soir|cette nuit|tonight|maintenant|now|pour demain)\b/;
export const OWNED = /\b(?:je ai|jai|achete|prepare|garde|sorti|i have|i ve got|bought)\b/;
/** Things that fall without anyone being hurt: "le colis est tombé". */
export const THING_FELL =
  /\b(?:colis|telephone|portable|verre|vase|cadre|tableau|ordinateur|box|arbre|branche|neige|pluie|facture|lettre|courrier|paquet|sac|cles?|assiette|pot|bouteille|lampe|etagere|volet|tuile|linge|velo|scooter|carton|cartons|boite|meuble)\b(?: \w+){0,2} (?:est|sont|e) tombe|\b(?:phone|mobile|laptop|glass|vase|cup|plate|screen|tv|tablet|parcel|box|picture|frame)\b(?: \w+){0,2} (?:fell|fall|dropped)\b/;

export const FALL_PATTERN = new RegExp(FALL);
/** What breaks when a thing falls. */
export const BROKEN = /\b(?:casse\w*|broke\w*|fendu\w*|cracked|shattered|smashed)\b/g;
export const INJURY_PATTERN = new RegExp(INJURY);
export const PERSON_FELL_PATTERN = new RegExp(PERSON_FELL);
export const PAST_PATTERN = new RegExp(PAST);
export const SETTLED_PATTERN = new RegExp(SETTLED);
export const EVERYDAY_PATTERN = new RegExp(EVERYDAY);
/** A common illness that explains signs of distress ("essoufflée avec ce virus"): asked about. */
export const ILLNESS = /\b(?:virus|grippe|rhume|covid|fievre|gastro|angine|bronchite|fatigue)\b/;
/** A pet, sleep or exercise: signs of distress that are not ("le chat est couché et ne bouge pas"). */
export const AT_REST = /\b(?:dort|dors|dormir|sieste|yoga|exercices?|gym|chat|chien|chaton|chiot)\b/;
/** A near miss: "j'ai failli tomber", "failli me noyer" is no emergency now. */
export const NEAR_MISS = /\bfailli\b/;
/** Words of a joke: a fight or a threat told with them is not asked about. */
export const JOKE = /\b(?:mdr|lol|ptdr|xd|haha\w*|hihi)\b/;
/** Figures of speech: "ça me tape sur les nerfs", "le prof va me tuer", "agressé verbalement". */
export const FIGURE =
  /\btape sur (?:les|le) (?:nerfs|systeme|haricot)\b|\bagress\w* verbalement\b|\b(?:prof|professeur|patron|chef|maitresse|boss|coach|entraineur) (?:va|vont|allait) me tuer\b/;
/** An illness told as a fact, not as happening now: asked about, never the numbers. */
export const HISTORY =
  /\b(?:a eu|avait eu|avait fait|apres|depuis|suite a) (?:un|une|son|sa|ses) (?:avc|malaise|infarctus|crise cardiaque|crise de epilepsie|chute|operation)\b/;
export const CLAUSE_SPLIT =
  / (?:mais|et la|et maintenant|maintenant|sauf que|alors que|du coup|but|and now) /;
