/**
 * Home addresses as residents write them (with what must be left of the sentence), and
 * ordinary sentences that look like addresses and are not: the screening's address table.
 */

/** A sentence with an address, and the sentence as others read it (`[adresse retirée]`). */
export interface AddressRow {
  typed: string;
  shown: string;
}

const A = '[adresse retirée]';

export const addresses: AddressRow[] = [
  { typed: 'je suis au 5 rue des lilas 2e etage porte gauche', shown: `je suis au ${A}` },
  { typed: "J'habite au 14 avenue Jean Jaurès, 13140 Miramas.", shown: `J'habite au ${A}.` },
  { typed: 'cc jsuis au 3 bd mireille lauze bat C', shown: `cc jsuis au ${A}` },
  { typed: 'c au 22 bis rue de la république, au 3eme', shown: `c au ${A}` },
  { typed: 'venez au 8 allée des Pins, sonnez 2 fois', shown: `venez au ${A}, sonnez 2 fois` },
  { typed: 'mon adresse 12 chemin de la rode', shown: `mon adresse ${A}` },
  { typed: 'ma mere habite 4 impasse des Cigales, rez-de-chaussée', shown: `ma mere habite ${A}` },
  { typed: 'le code cest 1234B pour entrer', shown: `le ${A} pour entrer` },
  { typed: 'digicode : 45A12 puis 1er étage', shown: `${A}` },
  { typed: 'Résidence les Oliviers bat 4 escalier 2', shown: A },
  { typed: 'je vis a la residence Les Cedres, appt 14', shown: `je vis a la ${A}` },
  { typed: 'lotissement le Clos des Vignes n 7', shown: A },
  { typed: 'au 9, place Jean Jaurès, 2eme etage', shown: `au ${A}` },
  {
    typed: 'Je suis 31 route de Saint-Chamas, la maison au portail vert',
    shown: `Je suis ${A}, la maison au portail vert`,
  },
  { typed: 'bat B escalier 3 porte droite', shown: A },
  {
    typed: 'jhabite rue des amandiers a cote de la boulangerie',
    shown: `jhabite ${A} a cote de la boulangerie`,
  },
  { typed: "j'habite la rue Paul Doumer, près de l'école", shown: `j'habite la ${A}, près de l'école` },
  {
    typed: 'les courses a deposer au 6 av. Charles de Gaulle svp',
    shown: `les courses a deposer au ${A} svp`,
  },
  { typed: 'au 2 de la rue Pasteur, interphone Martin', shown: `au ${A}` },
  { typed: 'mon grand pere est au 17 traverse des Moulins etage 2', shown: `mon grand pere est au ${A}` },
  { typed: 'code porte 2580 et cest au 4e étage a gauche', shown: A },
  {
    typed: 'Bonjour je suis au 10 rue Victor Hugo 3ème étage sans ascenseur',
    shown: `Bonjour je suis au ${A} sans ascenseur`,
  },
  { typed: 'n° 25 boulevard de la Gare, entrée B', shown: A },
  { typed: 'on habite 3 cite des Pins bt 2', shown: `on habite ${A}` },
  { typed: 'RDV devant chez moi 40 avenue de Falabrègues', shown: `RDV devant chez moi ${A}` },
  { typed: 'le colis au 1 place de la mairie merci', shown: `le colis au ${A} merci` },
  { typed: 'suis dans la résidence du Soleil batiment A le matin', shown: `suis dans la ${A} le matin` },
  { typed: 'apt 12 au 2eme, code d entree 7781', shown: A },
  { typed: 'c est le 5 ter chemin des Écoliers', shown: `c est le ${A}` },
  { typed: 'passez 2 rue Gambetta apres 17h', shown: `passez ${A} apres 17h` },
  { typed: 'moi cest 11 rue du 8 mai', shown: `moi cest ${A}` },
  { typed: 'Mon fils habite 3 allee Frederic Mistral 13140', shown: `Mon fils habite ${A}` },
  {
    typed: 'Je suis avenue de la République, devant la pharmacie',
    shown: `Je suis ${A}, devant la pharmacie`,
  },
  { typed: 'numero 6 impasse du Mistral au rdc', shown: A },
  { typed: 'chez ma tante 9 rue Pasteur rez de chaussée', shown: `chez ma tante ${A}` },
  { typed: 'porte 12 escalier B au fond du couloir', shown: `${A} au fond du couloir` },
  { typed: 'dans la cité Les Floralies bâtiment 3', shown: `dans la ${A}` },
  { typed: 'au 19 rue Louis Pasteur porte de gauche', shown: `au ${A}` },
  { typed: 'je suis au 7 quai des Platanes 1er etage', shown: `je suis au ${A}` },
  { typed: 'Le digicode est le 3390 et le bat est le D', shown: `Le ${A} et le bat est le D` },
  { typed: 'mamie 80 ans 15 rue des Aires dernier etage', shown: `mamie 80 ans ${A}` },
  { typed: 'ok au 33 av de la gare jvous attends', shown: `ok au ${A} jvous attends` },
  { typed: 'batiment C 2e etage porte face escalier', shown: `${A} escalier` },
  {
    typed: 'je peu promener vos chien, je suis av. de la gare n°12',
    shown: `je peu promener vos chien, je suis ${A}`,
  },
];

/** Ordinary French that names no home and must come out as typed. */
export const ordinary: string[] = [
  'Aide aux devoirs du CP à la 5e, maths et anglais.',
  'mon fils est en 6e il galere en maths',
  'je peux aider niveau 3ème en français',
  'de la 6ème à la 3ème, sauf physique',
  'dispo le 2 à 14h ou le 9 à 10h',
  'il me faudrait 2 paquets de pates et 6 oeufs',
  'rdv le 12 mai vers 15h',
  'on se retrouve sur la place du marché mardi matin',
  'je fais mes courses à la place du marché le samedi',
  "je l'accompagne sur le chemin de l'école à 8h",
  'je suis en route, je passe vers 18h',
  "il n'y a pas de place dans ma voiture pour un fauteuil",
  "dans la rue il y a des travaux, c'est bruyant",
  'je traverse la rue avec elle le matin',
  'je prends la route de Salon tous les jours',
  "j'ai une place de parking devant chez moi",
  'sur place je peux aussi arroser les plantes',
  'je donne des cours de maths le mercredi',
  "un lot de 3 masques c'est suffisant",
  'mon mari a 82 ans, il ne sort plus',
  "j'habite au 3e étage sans ascenseur, les packs d'eau c'est dur",
  'le code de la route, je peux aider à réviser',
  'Code postal 13140, département 13.',
  'le bus 29 passe toutes les 15 minutes',
  'je garde le chat du 10 au 20 août',
  'je peux porter 2 sacs, pas plus',
  'il porte 3 cartons chaque samedi',
  'la 2e fois ça ira mieux',
  'en 2020 on a fait pareil',
  'ma fille est passée en 1ère cette année',
  'je peux imprimer 20 pages, pas de souci',
  'au 3ème trimestre je serai plus dispo',
  'je lis des BD à mon petit voisin le soir',
  'je suis dans le quartier de la Carraire',
  "j'habite à la Cité Jardins depuis 40 ans",
  'les 2 chiens sortent à 7h et 19h',
  'ma voisine du dessus est gentille',
  'je passe au 1er rendez-vous avec elle',
  'mettre en place un planning pour la semaine',
  "c'est la 5e fois que je demande",
  'résidence secondaire vide en hiver',
  'merci pour le rangement, ma mère est ravie',
  "l'avenue est bouchée le soir, prévoir du temps",
  'livraison entre 9h et 12h, 2 packs de lait',
];
