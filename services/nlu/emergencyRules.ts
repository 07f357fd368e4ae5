/**
 * The emergency rules: the phrases that are an emergency at once (`SURE`: the numbers) and
 * those that are only suspected (`SUSPECT`: "Est-ce une urgence ?"), built from the
 * vocabulary of emergencyLexicon.ts.
 */
import {
  BLOWS,
  CHILD,
  INGESTED,
  MEDS,
  OVERDOSE,
  PLACE,
  PRODUCTS,
  STROKE_FACE,
  VICTIM,
  any,
} from './emergencyLexicon';

/** What kind of emergency a message describes. */
export type EmergencyKind = 'medical' | 'suicide' | 'fire' | 'violence';

/** The rules' verdict on a message: its kind, and whether to show the numbers at once. */
export interface EmergencyVerdict {
  readonly kind: EmergencyKind;
  /** True: the numbers at once. False: ask "Est-ce une urgence ?" first. */
  readonly sure: boolean;
}

/** One rule: a pattern over a normalised clause, and the kind of emergency it names. */
export interface Rule {
  readonly kind: EmergencyKind;
  readonly pattern: RegExp;
}

export const SURE: readonly Rule[] = [
  {
    kind: 'suicide',
    pattern: any([
      String.raw`\ben finir\b(?! (?:avec (?:mes|ces|les|le|la|ce|cet|cette|mon|ma|son|sa|ses|un|une|des|nos|vos) (?!vie\b)|par))`,
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
      String.raw`\bne (?:veux|voudrais|veut) plus (?:etre la|vivre(?! (?:seule?s?|dans|a|ici|avec|chez|en|sans|loin|la|pres|sous|au|aux))|exister|me reveiller|me lever le matin)\b`,
      String.raw`\bla vie ne a plus (?:de sens|aucun sens|de interet)\b|\bmieux sans moi\b|\blettre de adieu\b|\bdisparaitre pour (?:toujours|de bon)\b|\bpartir pour de bon\b`,
      String.raw`\bfoutre en (?:le )?l?air\b|\b(?:veux|veut|voudrais) (?:plus|pas) vivre\b(?! (?:seule?s?|dans|a|ici|avec|chez|en|comme|sans|loin|la|pres))|\bi (?:want|wanna) die\b|\b(?:no|any|see no) point (?:in )?living\b|\b(?:want to|going to|gonna|will|wanna) end (?:it|everything|things|my life)\b`,
      String.raw`\bprepare (?:tous|toutes) (?:les|mes) (?:cachets|medicaments|comprimes|pilules|somniferes)\b`,
      String.raw`\b(?:sur|devant|pres de|au bord de) (?:la |les )?(?:voie ferree|voies|rails|falaise|parapet)\b.*\b(?:ne supporte plus|ne en peux plus|au bout|adieu|en finir|plus la force|sauter|train)\b`,
      String.raw`\b(?:me|se|te) tirer une balle\b|\bune balle dans la tete\b|\b(?:marre|assez) de (?:vivre|la vie)\b|\bdormir pour toujours\b|\b(?:me|se|te) noyer\b(?! dans (?:le|la|les|mon|ma|mes|son|ses) )`,
      String.raw`\b(?:me|se|te) suis fait du mal\b(?: \w+){0,6} (?:lame|couteau|rasoir|cutter|sang|coule|saigne)\b`,
      String.raw`\bscarifi\w*`,
      String.raw`\bpense (?:\w+ ){0,3}a (?:la mort|mourir|en finir|me tuer|me suicider)\b(?! de )|\b(?:rejoindre|retrouver) (?:\w+ ){1,3}(?:au ciel|la haut|au paradis)\b(?! de)|\b(?:va|vais|veut|veux) (?:se|me|te) (?:couper|scarifier|bruler|mutiler|faire du mal)\b(?! (?:les cheveux|la frange|les ongles|un morceau|une part|du pain|les cheveux))`,
      String.raw`^adieu\b(?! (?:la|le|les|l|au|aux|mon|ma|mes|ce|cette|ces)\b)|\badieu (?:a tous|a toutes|tout le monde|mes amis|la compagnie)\b|\b(?:pardon|desolee?|excuse\w*) pour tout\b(?! (?:ce|cet|cette|ces|le|la|les|mon|ma|mes|son|sa|ses|ton|ta|tes|votre|vos|un|une|des)\b).*\b(?:je vous aime|je te aime|vous aime|adieu|prenez soin)\b|\b(?:je vous aime|je te aime)\b.*\b(?:pardon|desolee?|excuse\w*) pour tout\b(?! (?:ce|cet|cette|ces|le|la|les|mon|ma|mes|son|sa|ses|ton|ta|tes|votre|vos|un|une|des)\b)`,
      String.raw`\b(?:envie|besoin|vais|veux|va) (?:de )?me faire du mal\b|\bce (?:est|sera) (?:la fin|fini) pour moi\b|\b(?:pars|partirai|vais partir)(?: (?:ce soir|cette nuit|demain|maintenant|bientot))? pour (?:toujours|de bon)\b(?! (?:de|du|d|en|a|au|aux|loin|vers|dans|sur)\b)|\bje (?:me tue|me tuerai)\b(?! (?:a|au|aux|pour|de)\b)`,
      String.raw`\b(?:ne me (?:reverrez|reverras|reverront|verrez|verras) (?:plus|jamais)|vous (?:allez|aller) (?:tous |toutes )?me manquer|(?:la )?derniere fois que (?:je|j) (?:vous |te )?(?:ecris|parle)|embrassez (?:bien )?(?:mes|les) (?:enfants|petits))\b`,
      String.raw`\b(?:vais|veux|va) (?:finir|tuer|terminer) moi\b|\b(?:veux|veut) (?:plus|pas) (?:la|ma) vie\b|\bfatiguee? de (?:vivre|la vie)\b|\b(?:endormir|dormir) (?:\w+ )?(?:et )?ne (?:plus|pas) (?:me )?reveiller\b|\bme laisser (?:partir|mourir)\b|\bplus la force de (?:continuer|vivre|lutter|me battre)\b`,
      String.raw`\b(?:prendrai|avalerai|prendre|avaler|take|swallow)\b(?: \w+){0,3} (?:tous|toutes|tout|all|everything)\b(?: \w+){0,3} ` +
        MEDS +
        String.raw`\b|\b` +
        MEDS +
        String.raw`\b(?: \w+){0,8} (?:pour|vais|veux|compte) (?:les |tout |tous )?(?:prendre|avaler)\b(?: \w+){0,2} (?:de? un coup|en une (?:seule )?fois|tous ensemble)\b|\b(?:ouvre|ouvert|ouverte|ouvrir|coupe|coupee|couper|taillade|tailladee|entaille|entaillee) (?:les|mes|ses) (?:veines|poignets)\b`,
      String.raw`\b(?:parle|parlait|pense|pensait) de se (?:jeter|tuer|pendre|suicider|foutre en le air|noyer)\b|\b(?:me|se|te) jeter (?:dans|sous) (?:le|la|les|un|une) (?:canal|fleuve|riviere|lac|port|etang|mer|rhone|vide|train|voiture|camion)\b|\b(?:me|se|te) mettre une balle\b`,
      String.raw`\bbetter off without me\b|\b(?:rope|pills|gun|knife) (?:is |are )?ready\b|\b(?:taken|took|swallowed) (?:everything|all (?:of )?(?:her|his|my|the) (?:pills|meds|tablets|medicine))\b|\b(?:texted|sent|wrote) (?:me |us )?(?:a )?goodbye\b`,
      String.raw`\bkill\w* (?:myself|herself|himself)\b|\b(?:want|going) to die\b|\bend (?:my|his|her) life\b|\bend (?:it all|everything)\b|\bpills ready\b|\bdon te want to live\b|\bhang myself\b`,
      String.raw`\b(?:veux|voudrais|vais|va|vas|compte|pense a|pense|prefererais|prefere|envie de|besoin de|prete? a) (?:(?:me |se |te )?(?:crever|mourir|suicider|pendre|defenestrer|ouvrir les veines|tailler les veines|couper les veines|foutre en le air)|(?<!\bvas? )me (?:tuer|tue)|(?<!\b(?:vais|veux) )se (?:tuer|tue)|(?<!\b(?:vais|veux|va) )te (?:tuer|tue))\b(?! de (?:rire|faim|chaud|froid|envie|ennui|honte|fatigue|peur|trouille|soif))`,
      String.raw`\b(?:me|se|te) defenestr\w*|\bfinir (?:ma|sa|ta) vie\b|\bpartir pour (?:toujours|tjr)\b(?! (?:de|du|d|en|a|au|aux|loin|vers|dans|sur)\b)`,
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
      String.raw`\b(?:dire|dis|dit|disais|fais|fait|faire|mes) adieux?\b(?! a (?!(?:tout le monde|tous|toutes|vous|toi|la vie|ce monde|mes (?:proches|enfants|petits enfants|amis|voisins|parents)|ma famille)\b))|\blettres? (?:de |d )?adieux?\b|\bmessage (?:de |d )?adieux?\b|\bgoodbye (?:letter|note)\b|\bsuicide note\b`,
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
      String.raw`(?<!\b(?:chat|chien|chaton|chiot|cheval|lapin|bebe|je|on|nous|en) )\b(?:me|nous|la|le|les|m|ma|te) (?:frapp\w*|tap(?:e|es|ent|ait|aient)|bat|bats|batt(?:u|ue|ait|ent|re)|cogn\w*|tabass\w*|gifl\w*|violent\w*)\b`,
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
      String.raw`(?<!\b(?:je|on|ils|elles|nous|chat|chien|en) )\b(?:me|m|nous|te) (?:` +
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
      String.raw`\bmenace\w* de (?:tout )?(?:bruler|mettre le feu|faire sauter|tuer|egorger|frapper|planter|poignarder|etrangler)\b|\b(?:enfants?|petite?s?|bebe|gamine?s?|fils|fille)\b(?: \w+){0,4} (?:laisse|abandonne)e?s? (?:tout )?seule?s?\b(?=.*\b(?:depuis (?:deux|trois|plusieurs|\d+) jours|toute la nuit|pleure|crie|hurle|faim)\b)`,
      String.raw`\b` +
        BLOWS +
        String.raw` (?:\w+ ){0,3}(?:et|ainsi que|aussi) ` +
        VICTIM +
        String.raw`\b|\b(?:homme|mec|type|individu|gars|quelque un|quelqu un|personne|voisin) armee?\b|\barmee? (?:de |d )(?:un |une )?(?:couteau|fusil|pistolet|hache|batte|arme)\b|\bpeur pour (?:ma|sa|notre|leur) vie\b|\bfear(?:ed|ing)? for (?:my|her|his|our) life\b|\b(?:quelque un|quelqu un|un homme|un mec|un type|un inconnu|des gens|des individus|des hommes|il|ils|on) (?:\w+ )?(?:essaie|essaye|tente|veut|cherche a|force)\w* (?:de |d )?(?:entrer|rentrer) (?:de force |chez moi|chez nous|dans (?:la|ma|notre) maison|par la (?:fenetre|porte))`,
      String.raw`\bpeur (?:que |qu )?(?:il|elle|ils|on|mon \w+|ma \w+) (?:me|nous|la|le|les|ne me|ne nous) (?:tue|tuent|frappe|frappent|batte|battent|fasse du mal|fassent du mal)\b|\b(?:tue|tuer|frappe|frapper|tape|taper) moi\b`,
      String.raw`\b(?:me|m|la|le|nous|lui|les) (?:a |ont )?(?:pouss\w*|jet\w*|projet\w*) (?:contre|dans|par|du haut de) (?:le |la |les |l )?(?:murs?|escaliers?|porte|sol|terre|meuble|fenetre)\b|\b(?:tire|traine|trainee|attrape|pris|prend)\w* par les cheveux\b`,
      String.raw`\b(?:des|plein de|de nouveaux|encore des|a des) bleus\b(?=.*\b(?:hurl\w*|cri\w*|pleur\w*|corrige|corrigee|corrigeait|peur|cach\w*|frapp\w*|tap\w*|batt\w*|bat|coups?)\b)(?!.*\b(?:a cause (?:du|de la|des|de le) (?:foot|sport|velo|chute|rugby|judo|jeu)|en (?:jouant|tombant|me cognant|se cognant)|au (?:foot|sport|rugby|judo))\b)|\boeil au beurre noir\b|\bcoquard\b|\bblack eye\b`,
      String.raw`\b(?:beau pere|pere|oncle|frere|cousin|voisin|grand pere|papa|parrain|entraineur|prof|il) (?:la|le|me|les) touche\w*\b(?! (?:pas|plus|beaucoup|le coeur)\b)|\b(?:la|le|me|les) touche\w* (?:la nuit|quand (?:il|elle)|dans (?:son|sa|mon|ma) (?:lit|chambre)|partout|entre les jambes|en cachette)\b`,
      String.raw`\b(?:kick\w*|break\w*|bash\w*|force|forced|forcing) (?:in |down )?(?:my|the|our|her|his) door\b|\b(?:going to|gonna|will|wants to|threaten\w* to) (?:hurt|kill|beat|hit|stab) (?:me|us|her|him|my|the)\b|\bpinned me\b|\bchoked me\b`,
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
      String.raw`\bfumee (?:\w+ )?(?:dans|partout dans) (?:le |la |l |les )?(?:escalier|escaliers|couloir|cage|immeuble|hall|batiment|parties communes)\b`,
      String.raw`\b(?:detecteurs?|alarme) (?:de )?(?:fumee|incendie|monoxyde)?\b(?: \w+){0,3} (?:sonne|bip\w*|hurle|se declenche)\b(?=.*\b(?:fumee|brul\w*|odeur|flammes?|mal a la tete|vomi\w*)\b)(?!.*\bpiles?\b)`,
      String.raw`\ble feux? (?:a|au|dans|chez|prend|se approche|monte|gagne|avance|se propage|vers|est parti|part)\b|\b(?:cuisine|poele|casserole|friteuse|four|maison|appartement|chambre|salon|garage|voiture) feu\b`,
      String.raw`\bpris feu\b|\ben flammes?\b|\bflammes? (?:sort|sortent|partout)\b`,
      String.raw`(?<!(?:alarme|detecteur de|detecteurs de|exercice) )\bincendi(?:e|es)\b(?!\s(?:de le|de la) (?:an|ete|annee))`,
      String.raw`\b(?:ca|sa|tout|il|elle|maison|appartement|appart|immeuble|cuisine|voiture|garage|batiment|chambre|foret|grenier|cave) brule\b`,
      String.raw`\b(?:ca|sa|tout|il|elle|ils) crame\b|\bcrame dans\b|\bse est enflamm\w*|\b(?:friteuse|poele|casserole|huile|rideaux?|sapin|canape|matelas|hotte|four)\b(?: \w+){0,2} (?:enflamm\w*|prend feu|pris feu|prit feu)\b`,
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
        String.raw`\b(?: \w+){0,4} (?:brule|brulent|crame|flambe|est en train de bruler)\b(?!.*\b(?:soleil|decolore\w*)\b)`,
      String.raw`\bflammes?\b(?! (?:de la passion|de le amour|de la bougie|de la cheminee|du barbecue|de le barbecue|du feu de))`,
      String.raw`\b(?:fumee|smoke|(?:de la|la|une|de) fumee?)\b(?: \w+){0,3} (?:sort|sortent|partout|noire|epaisse|envahit|coming|pouring|billowing|filling)\b|\bil y a de la fumee\b(?=.*\b(?:brul\w*|odeur|sent|flammes?|etincelles|crame)\b)|\b(?:radiateur|prise|multiprise|tableau|compteur|micro ondes|seche linge|lave linge|lave vaisselle|chargeur|television|frigo|ampoule|boitier|rallonge)\b(?: \w+){0,6} (?:fume(?! un peu| legerement| quand)|prend feu|fait des etincelles|crepite)\b|\b(?:ca|sa) fume (?:de partout|partout|derriere|dans|sous)\b`,
      String.raw`\b(?:odeurs?|sent|sens|sentir|pue|puer|smell\w*|fuites?|fuit)\b(?: \w+){0,14} (?:gaz|gas)\b(?! (?:de echappement|d echappement|exhaust))|\b(?:gaz|gas)\b (?:\w+ ){0,2}(?:fuit|leak\w*|smell\w*)\b`,
    ]),
  },
  {
    kind: 'medical',
    pattern: any([
      String.raw`\b(?:douleur|douleurs|mal|serre\w*|barre|oppression|poids|pression|brulure) (?:a la|dans la|au niveau de la|a|sur la) poitrine\b|\bdouleur thoracique\b|\bmal au thorax\b|\bse tient le coeur\b|\bchest pains?\b`,
      String.raw`\brespir\w* (?:plus|pas|mal|difficilement|tres mal)\b|\bne arrive (?:plus|pas) a (?:respirer|reprendre (?:son|mon|sa) souffle)\b|\bsuffoqu\w*`,
      String.raw`\bse etrangl\w*|\b(?:levres|visage|peau|doigts|ongles) (?:sont |est |deviennent |devient )?(?:toute?s? )?(?:bleue?s?|violette?s?)\b|\b(?:il|elle|bebe) (?:est|devient) (?:tout |toute )?bleue?\b|\bdevient (?:tout |toute )?bleue?\b|\bcrise de asthme\b`,
      String.raw`\bcan te breathe\b|\bcannot breathe\b|\bnot breathing\b|\bchoking\b|\bstopped breathing\b`,
      String.raw`\b(?:beaucoup|plein|enormement|trop) (?:de )?sang\b(?! (?:a|au|pour))|\bsang (?:qui |ca |sa )?(?:coule|gicle|pisse|jaillit)\b|\bsaign\w*\b(?: \w+){0,14} (?:ne )?(?:se )?arrete (?:pas|plus)\b|\bblood (?:\w+ ){0,3}(?:soak\w*|pour\w*|spurt\w*|gush\w*)\b|\bcut (?:\w+ ){0,3}badly\b|\bdeep cut\b|\b(?:doigts?|main|fourchette|couteau|objet) dans (?:la |une )?prise\b`,
      String.raw`\b(?:overdose|surdose)\b(?! de (?!(?:medicaments?|cachets|comprimes|drogues?|heroine|cocaine|morphine|opiaces?|alcool|somniferes|insuline|paracetamol|doliprane|methadone)\b))|\btaches? (?:violet\w*|violac\w*|pourpres?)\b|\bme sens partir\b|\b(?:est en train de |va |elle )(?:accouche|accoucher)\b|\bperdu les eaux\b|\ble bebe arrive\b|\bcontractions (?:\w+ ){0,3}(?:rapprochees|toutes les \w+ minutes)\b|\b(?:mord\w*|pique\w*) par (?:un|une) (?:serpent|vipere|scorpion)\b|\bmorsure de (?:serpent|vipere)\b`,
      String.raw`\ben manque un (?:bout|morceau)\b|\b(?:doigt|doigts|orteil|main)\b(?: \w+){0,2} (?:sectionne|arrache|coupe net)\w*|\bsectionn\w*|\bsaign\w* (?:de la bouche|des oreilles|de la tete|du crane)\b`,
      String.raw`\bmalaise\b(?! vagal)|\bevanoui\w*|\bperdu? connaissance\b(?! (?:du|de|des)\b)|\binconscient\w*`,
      String.raw`(?<!(?:ordinateur|ordi|telephone|portable|application|appli|site|souris|box|ecran|tele|television|poste|tablette|imprimante|clavier|caf|mairie|machine|voiture|moteur|appareil|telecommande|wifi|reseau) )\bne (?:repond plus|reagit plus|reagit pas)\b(?! (?:a|aux|au) (?:la |le |les |mes |ses |nos )?(?:messages|textos|appels|mails|sms|telephone|telecommande|clavier|souris))`,
      String.raw`\bne (?:repond|ouvre) (?:ni|pas|plus)\b(?=.*\b(?:porte|sonne|frappe)\b)(?=.*\b(?:depuis (?:deux|trois|quatre|plusieurs|\d+) jours|volets? (?:\w+ ){0,2}fermes?|courrier)\b)`,
      String.raw`\bne bouge plus\b(?! de (?:son|sa|la|chez))|\bne se reveille (?:pas|plus)\b(?! (?:avant|tot|tard|le matin|la nuit|facilement|souvent|quand))`,
      String.raw`\b(?:un|une|son|de|le|mini|petit|faire|fait|fais|faite) avc\b|^avc\b|\bcrise cardiaque\b|\barret cardiaque\b|\binfarctus\b|\bconvuls\w*|\bcrise de epilepsie\b|\bstroke\b|\bheart attack\b|\bseizure\b`,
      String.raw`\bbouche (?:de travers|tordue|deformee)\b|\bvisage (?:paralyse|qui tombe|deforme|de travers)\b|\bparalys\w*|\bne (?:peut|peux|arrive) plus (?:lever|bouger) (?:le|son|sa|la|mon|ma) bras\b|\bparle bizarrement\b|\bne trouve plus ses mots\b|\bne arrive plus a parler\b|\bbras (?:tout )?mou\b|\bslurred\b|\bface drooping\b`,
      String.raw`\bsaign\w* (?:beaucoup|abondamment|de la tete|partout|de partout|enormement|tres fort|sans arret)\b|\bhemorragie\b|\bpisse le sang\b|\bsang partout\b|\ben sang\b|\barreter le sang\b|\bcoupe\w* profondement\b|\bbleeding\b`,
      String.raw`(?<!\b(?:doit|dois|doivent|faut|faudrait|prescrit) (?:prendre|avaler) )(?<!\bprend )\b(?:trop de|tous ses|toute la boite de|toute sa boite de|toute ma boite de) (?:medicaments|cachets|comprimes|somniferes|pilules)\b`,
      String.raw`\b(?:avale|mange|bu|ingere)\w* (?:des |trop de |beaucoup de |plein de |toute? (?:la boite de |sa boite de |ses |mes )?)(?:medicaments|cachets|comprimes|pilules|somniferes)\b`,
      String.raw`\b(?:bu|avale|mange|ingere|bois|boit)\w* (?:de la |du |des |de le |un |une )?(?:eau de )?(?:javel|produits? menagers?|detergent|white spirit|essence|mort aux rats|raticide|insecticide|desherbant|piles?(?: boutons?)?|lessive|capsules? de lessive|destop|acide|soude|antigel|alcool a bruler)\b`,
      String.raw`\b(?:bu|avale\w*|mange\w*|ingere\w*|bois|boit|drank|swallowed)\b.*\b(?:javel|produits? (?:menagers?|vaisselle)|detergent|white spirit|mort aux rats|raticide|insecticide|desherbant|piles? boutons?|capsules? de lessive|destop|soude|antigel|alcool a bruler|bleach|batteries)\b`,
      String.raw`\bempoisonn\w*|\bintoxi\w*|(?<!\b(?:installer|acheter|poser|changer|achete|installe|pose|mettre) (?:un |des |le |les |mon |notre )?detecteurs? de )\bmonoxyde\b|\bantipoison\b|\bchampignons\b.*\bvomi\w*`,
      String.raw`\bswallowed (?:some |the |a |his |her )?(?:pills|bleach|batteries|medicine|tablets)\b|\bdrank (?:some )?bleach\b|\bpoison\w*`,
      String.raw`\bunconscious\b|\bpassed out\b|\bnot waking up\b|\bwon te wake up\b|\bcollapsed\b|\bfainted\b`,
      String.raw`\b(?:bebe|nourrisson)\b.*\b(?:tout mou|toute molle|ne reagit|respire mal|bleu|du mal a respirer|creuse|respire (?:tres )?(?:vite|fort))\b`,
      String.raw`\bau secours\b|\burgence vitale\b|\bappele[rz]? (?:les pompiers|le samu|le 15|le 18|le 112|une ambulance|les secours)\b|\bappeler (?:les urgences)\b`,
      String.raw`\b(?:il|elle|est|suis|allongee?) par terre\b|\bpar terre (?:et )?(?:il|elle) (?:ne )?(?:repond|bouge|se releve)`,
      String.raw`\bse releve (?:pas|plus)\b|\b(?:ne arrive|ne peut|ne peux) (?:plus|pas) (?:a )?(?:se|me) relever\b`,
      String.raw`\b(?:douleurs?|mal|serre\w*|oppression|poids|pain|pressure|tight\w*|brulure)\b(?: \w+){0,5} (?:poitrine|thorax|torse|chest)\b|\b(?:poitrine|thorax|torse|chest)\b(?: \w+){0,4} (?:serre|fait (?:tres )?mal|hurts)\b|\b(?:douleurs? (?:dans|a|au) (?:le )?coeur|coeur (?:\w+ ){0,2}fait (?:tres |trop )?mal)\b`,
      String.raw`\b(?:respir\w*|breath\w*) (?:\w+ )?(?:plus|pas|mal|difficilement|bizarre\w*|par a coups|avec difficulte|properly)\b|\b(?:arrive|peut|peux) (?:plus|pas) (?:a )?respir\w*|\brespire (?:tres )?(?:vite|fort) (?:et|avec)\b`,
      String.raw`\b(?:du mal|arrive (?:plus|pas)) a reprendre (?:son|sa|mon|ma) (?:souffle|respiration)\b|\bmanque de air\b|\bstruggling to breathe\b|\bwheez\w*|\bshort of breath\b|\bno pulse\b`,
      String.raw`\b(?:levres|visage|lips|face|bouche|peau|ongles) (?:\w+ ){0,3}(?:bleue?s?|grise?s?|violette?s?|blue|grey|gray)\b|\b(?:a|ai|as|avait) plus (?:de |d )?air\b|\b(?:pas|plus) (?:capable|moyen) (?:de |d )?respir\w*|\b(?:inhaler|ventoline|inhalateur|pompe)\b(?: \w+){0,3} (?:ne )?(?:marche|fait|agit|fonctionne|isn te|is not|not|doesn te|does not) (?:pas|plus|rien|helping|working|help|work)\b`,
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
      String.raw`\bouvre (?:plus|pas) les yeux\b|\b(?:arrive|arrivons|peux|peut|pouvons) (?:pas|plus) (?:a )?(?:le |la |les |l )?reveiller\b|\b(?:il|elle|bebe|papa|maman|mari|femme|fils|fille) (?:pas|plus) (?:reveille|repond|respire|bouge|reagit)\b|\btombee? dans les pommes\b|\beffondre\w*|\breagit a rien\b|\bne repond pas quand\b|\bbouge (?:pas|plus) du tout\b|\bnot responding\b|\bunresponsive\b`,
      STROKE_FACE,
      String.raw`\b(?:gorge|langue|visage|levres|throat|tongue|face|lips)\b (?:\w+ ){0,2}(?:gonfle\w*|enfle\w*|swell\w*)|\breaction allergique\b|\bchoc anaphylactique\b|\ballergic reaction\b|\banaphyla\w*`,
      String.raw`\b(?:douleur|etau|serre\w*|poids|oppression|pression|brulure)\b(?: \w+){0,3} (?:sur|dans|a|au) (?:le )?coeur\b|\b(?:clutch\w*|holding|grabbing|gripping) (?:his|her|my) chest\b|\bchest\b(?: \w+){0,4} (?:hurts|pain|tight|crushing|pressure)\b|\belephant (?:sitting|on)\b`,
      String.raw`\bgasp\w* for (?:air|breath)\b|\b(?:no|not|cannot|can te|can not) (?:can )?breath\w*\b|\b(?:lips|face|skin)\b(?: \w+){0,2} (?:blue|grey|gray)\b|\bblue (?:on|in) the (?:lips|face)\b`,
      String.raw`\byeux revulse\w*|\bcrise (?:de )?epilep\w*|\b(?:plus de|pas de) pouls\b|\b(?:bleed\w*|blood)\b(?: \w+){0,2} (?:a lot|very much|badly|everywhere|(?:won te|will not|doesn te|does not|not) stop\w*)\b|\bsang (?:ne )?(?:se )?(?:arrete|arreter) (?:pas|plus)\b`,
      String.raw`(?<!\b(?:ordinateur|ordi|telephone|portable|application|appli|site|souris|box|ecran|tele|tablette|imprimante|clavier|caf|mairie|standard|numero|ligne) )\b(?:mere|pere|mari|femme|epoux|epouse|mamie|papy|mamy|grand mere|grand pere|voisine?|fils|fille|bebe|frere|soeur|il|elle) repond (?:plus|pas)\b(?! (?:a|aux|au|de|depuis) )`,
      String.raw`\b(?:she|he) (?:is|s|has been|was) (?:lying )?on (?:the )?floor\b|\blying on the (?:floor|ground|patio|pavement)\b`,
      String.raw`\bne (?:peut|peux|arrive) (?:plus|pas) (?:a )?tousser\b|\b(?:cachets|medicaments|comprimes|somniferes|anxiolytiques)\b(?: \w+){0,4} (?:avec|et) (?:de le |du |de la )?alcool\b|\ben (?:a|ai|as|ont) (?:mange|avale|pris|bu|croque\w*|machouill\w*) (?:plusieurs|beaucoup|tous|toute|plein|une (?:dizaine|quinzaine|vingtaine|poignee)|\d{2,}|dix|quinze|vingt|trente)\b`,
      String.raw`\b(?:mordu|mordue|pique|piquee)\w* par (?:un|une) (?:serpent|vipere|scorpion)\b|\b(?:crache|vomit|vomi|tousse|recrache)\w* du sang\b|\bsang qui sort de (?:la|sa) bouche\b|\bperd\w* (?:beaucoup|enormement|plein) de sang\b`,
      String.raw`\belectrocut\w*|\bnoye\w*\b(?! (?:sous|dans (?:le|la|les|mon|mes|ses) (?:travail|boulot|paperasse|papiers|dossiers|demarches)))|\b(?:renverse\w*|fauche\w*) par (?:un|une) (?:voiture|camion|bus|moto|scooter|velo|tram|train)\b|\bbrule\w*\b(?: \w+){0,6} (?:huile|eau) bouillante\b|\b(?:huile|eau) bouillante\b(?: \w+){0,6} (?:brule\w*|renverse\w* sur (?:lui|elle|son|sa|ses|le|la))\b`,
      String.raw`\b(?:fait|faire|fais|faisait) une attaque\b(?! de (?:panique|angoisse|nerfs))|\bcote (?:gauche|droit)\b(?: \w+){0,3} (?:ne (?:marche|bouge|repond) plus|paralys\w*|engourdi\w*)|\bne sent plus (?:la )?moitie\b`,
      String.raw`\bpris (?:deux|trois|2|3) fois (?:son|sa|ses|mon|ma|mes) (?:traitement|medicaments?|dose|cachets?)\b|\b(?:isn te|is not|won te|doesn te|not) wak\w* up\b`,
    ]),
  },
];

export const SUSPECT: readonly Rule[] = [
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
      String.raw`\bje ai peur de (?:lui|mon (?:mari|compagnon|copain|pere|ex|fils|frere|voisin))\b|\bil me suit\b|\bcasse tout\b|\bse (?:battent|bagarrent)\b(?! (?:tout le temps |souvent |toujours )?pour (?:la|le|les|un|une|des))|\b(?:va|vont) me tuer si\b`,
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
