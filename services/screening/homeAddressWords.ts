/**
 * The words the address finder (`homeAddresses.ts`) reads: street types, what ends a street's
 * name, building and door-code words, ordinals. Folded: lower case, no accents.
 */

/** A set of the space-separated words of `list`. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Every street type, with or without a house number. */
export const STREET_TYPES = words(
  'rue ruelle avenue av ave bd blvd bld boulevard chemin impasse imp allee allees place pl route rte traverse quai cours montee square passage voie sentier lotissement lot residence res cite hameau domaine',
);
/** Street types that are addresses with a number alone (`3 rue`). */
export const STRONG_TYPES = words('rue ruelle avenue boulevard chemin impasse allee traverse');
/** Street types that, without a number, are also ordinary words (`des cours`, `un lot`). */
export const NUMBERED_ONLY = words('cours voie passage domaine pl imp lot res sentier');
/** Groups of homes: an anchor with a name, even after an article (`à la résidence les Pins`). */
export const HOME_GROUPS = words('residence res lotissement lot cite hameau domaine');
/** Names after `cité` that are neighbourhoods, shown to others anyway. */
export const NEIGHBOURHOOD_NAMES = words('jardins jardin mercure');
/** Words before a street word that make it talk about a place, not an address. */
export const DETERMINERS = words(
  'la le l les une un des du de d cette ce cet ma mon ta ton sa son notre votre leur nos vos en sur quelle quel grande petite meme bonne toute chaque autre',
);
/** Verbs of living somewhere: `j'habite la rue des Lilas` is an address all the same. */
export const HOME_VERBS = words('habite habitons habitez habitent vis vit reside loge demeure');
/** Words inside a street name. */
export const PARTICLES = words("de du des d l la le les aux ' ’ -");
/** Words that end a street name. */
export const STOP = words(
  [
    'c je j tu il elle on nous vous ils elles me m te t se s moi toi lui eux y ne n pas plus et ou mais donc car pour par avec chez a au apres avant vers depuis entre sans si quand que qu qui quoi comme',
    'merci svp stp sil bonjour bonsoir cordialement sonnez sonner sonne appelez appeler frappez demain aujourd hui hier ce cette ces cet mon ma mes ton ta tes son sa ses notre votre vos nos leur leurs',
    'est suis sont sommes etes ai as avons avez ont peux peut pouvez veux veut vais va dispo disponible disponibles matin matins soir soirs midi nuit tous toutes tout toute',
    'lundi mardi mercredi jeudi vendredi samedi dimanche lundis mardis mercredis jeudis vendredis samedis dimanches semaine weekend week heure heures h',
    'pres proche cote face derriere devant juste dans ici ok oui non besoin aide aider courses faire miramas ville quartier',
    'attends attend attendre arrive arriver viens venez venir passe passez passer livrer deposer apporter ramener jvous jsuis jpeux jte jai jy',
    'premier deuxieme second troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme dernier',
    'etage etages porte bat batiment bt immeuble escalier esc entree appartement appart appt apt logement code digicode interphone rdc rez',
  ].join(' '),
);
/** Words that name a building, staircase, entrance or flat, before its letter or number. */
export const BUILDING = words(
  'bat batiment bt immeuble imm escalier esc entree appartement appart appt apt logement villa',
);
/** Words before a door code. */
export const CODE_WORDS = words('code digicode digi');
/** What may come between `code` and the code itself. */
export const CODE_FILLER = words(
  "de d du l la ' ’ : = - porte entree portail portillon immeuble batiment bat acces hall est c cest le svp interphone n ° no",
);
/** A floor or a grade as a number (`2e`, `3eme`, `1er`). */
export const ORDINAL = /^\d{1,2}(?:e|eme|ieme|er|ere|em|me|nd|nde)$/;
/** A floor in words. */
export const ORDINAL_WORDS = words(
  'premier deuxieme second troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme dernier',
);
/** A house number (`12`, `3b`). */
export const HOUSE_NUMBER = /^\d{1,4}[a-d]?$/;
/** What may follow a house number before the street (`3 bis rue…`). */
export const NUMBER_SUFFIX = words('bis ter b a');
/** A French postcode. */
export const POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;
/** A door's side (`porte gauche`, `2e étage à droite`). */
export const DOOR_SIDES = words('gauche droite face fond milieu');
/** What may join two parts of one address. */
export const JOINERS = words(", - – / et ( ) ; puis c ' ’ cest est au a");
/** Months, for a street named after a date (`rue du 8 mai 1945`). */
export const MONTHS = words(
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
);
