/**
 * Rows of the screening table: contact details written every way residents (or someone
 * trying to get around the bot) write them, and ordinary French that must come out as typed.
 * The expected texts are literal on purpose: they are not computed by the code under test.
 * Then the turns that carry such texts through the real dialogs.
 */
import type { Ids, Turn } from '../../dialogs/support/table';

/** What the screening takes out. */
export type Kind = 'phone' | 'premium' | 'email' | 'link' | 'address';

/** One row: what is typed, what must be stored, what was taken out. */
export interface Row {
  name: string;
  typed: string;
  stored: string;
  removed: Kind[];
}

const PHONE = '[numéro retiré]';
const EMAIL = '[e-mail retiré]';
const LINK = '[lien retiré]';
const ADDRESS = '[adresse retirée]';

/** Phone numbers, French and international, however they are separated or disguised. */
export const phones: Row[] = [
  {
    name: 'spaced',
    typed: 'Appelez-moi au 06 12 34 56 78 le soir',
    stored: `Appelez-moi au ${PHONE} le soir`,
    removed: ['phone'],
  },
  { name: 'dotted', typed: 'tél. 06.12.34.56.78.', stored: `tél. ${PHONE}.`, removed: ['phone'] },
  { name: 'slashes', typed: 'mon numéro 06/12/34/56/78', stored: `mon numéro ${PHONE}`, removed: ['phone'] },
  { name: 'dashes', typed: '06-12-34-56-78 merci', stored: `${PHONE} merci`, removed: ['phone'] },
  { name: 'glued digits', typed: 'Appelez 0612345678 !', stored: `Appelez ${PHONE} !`, removed: ['phone'] },
  {
    name: 'glued to words',
    typed: 'tel:0612345678 ou num0712345678svp',
    stored: `tel:${PHONE} ou num${PHONE}svp`,
    removed: ['phone'],
  },
  {
    name: '+33 spaced',
    typed: 'joignable au +33 6 12 34 56 78',
    stored: `joignable au ${PHONE}`,
    removed: ['phone'],
  },
  { name: '+33 (0)', typed: '+33 (0)6 12 34 56 78', stored: PHONE, removed: ['phone'] },
  { name: '+33 glued', typed: 'whatsapp +33612345678', stored: `whatsapp ${PHONE}`, removed: ['phone'] },
  {
    name: '0033',
    typed: 'depuis l’étranger : 0033 6 12 34 56 78',
    stored: `depuis l’étranger : ${PHONE}`,
    removed: ['phone'],
  },
  {
    name: '33 without +',
    typed: 'écrivez au 33 6 12 34 56 78',
    stored: `écrivez au ${PHONE}`,
    removed: ['phone'],
  },
  { name: 'landline', typed: 'fixe : 04 90 58 79 79', stored: `fixe : ${PHONE}`, removed: ['phone'] },
  {
    name: 'mixed separators',
    typed: 'au 06.12 34-56/78 après 18h',
    stored: `au ${PHONE} après 18h`,
    removed: ['phone'],
  },
  { name: 'one digit at a time', typed: '0 6 1 2 3 4 5 6 7 8', stored: PHONE, removed: ['phone'] },
  {
    name: 'other grouping',
    typed: 'mon 0612 345 678 perso',
    stored: `mon ${PHONE} perso`,
    removed: ['phone'],
  },
  { name: 'spaced separators', typed: '06 - 12 - 34 - 56 - 78', stored: PHONE, removed: ['phone'] },
  { name: 'comma separated', typed: 'num: 06,12,34,56,78', stored: `num: ${PHONE}`, removed: ['phone'] },
  { name: 'a digit added to escape', typed: '06 12 34 56 78 9', stored: PHONE, removed: ['phone'] },
  { name: 'letter O for zero', typed: 'O6 12 34 56 78', stored: PHONE, removed: ['phone'] },
  {
    name: 'without the leading zero',
    typed: 'appelle le 6 12 34 56 78',
    stored: `appelle le ${PHONE}`,
    removed: ['phone'],
  },
  { name: 'date-shaped start', typed: '06/12 34 56 78', stored: PHONE, removed: ['phone'] },
  {
    name: 'full-width digits',
    typed: 'appelez le ０６ １２ ３４ ５６ ７８',
    stored: `appelez le ${PHONE}`,
    removed: ['phone'],
  },
  { name: 'full-width glued', typed: '０６１２３４５６７８', stored: PHONE, removed: ['phone'] },
  {
    name: 'zero-width spaces',
    typed: '06\u200B12\u200B34\u200B56\u200B78',
    stored: PHONE,
    removed: ['phone'],
  },
  {
    name: 'zero-width inside groups',
    typed: '0\u200C6\u200D1\u20602\uFEFF3\u00AD45678',
    stored: PHONE,
    removed: ['phone'],
  },
  { name: 'bidi override inside', typed: '06 12\u202E34 56\u202C 78', stored: PHONE, removed: ['phone'] },
  {
    name: 'bidi isolate around',
    typed: 'numéro \u206606 12 34 56 78\u2069 voilà',
    stored: `numéro ${PHONE} voilà`,
    removed: ['phone'],
  },
  { name: 'mathematical digits', typed: '𝟎𝟔 𝟏𝟐 𝟑𝟒 𝟓𝟔 𝟕𝟖', stored: PHONE, removed: ['phone'] },
  { name: 'arabic-indic digits', typed: 'رقمي ٠٦١٢٣٤٥٦٧٨', stored: `رقمي ${PHONE}`, removed: ['phone'] },
  { name: 'keycap emoji digits', typed: '0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣', stored: PHONE, removed: ['phone'] },
  {
    name: 'braille blanks as spaces',
    typed: '06\u280012\u280034\u280056\u280078',
    stored: PHONE,
    removed: ['phone'],
  },
  {
    name: 'non-breaking spaces',
    typed: '06\u00A012\u202F34\u00A056\u00A078',
    stored: PHONE,
    removed: ['phone'],
  },
  {
    name: 'spelled out',
    typed: 'appelle le zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit',
    stored: `appelle le ${PHONE}`,
    removed: ['phone'],
  },
  {
    name: 'the CCAS line typed by a resident',
    typed: 'le CCAS au 08000 13140',
    stored: `le CCAS au ${PHONE}`,
    removed: ['phone'],
  },
];

/** Premium-rate and short numbers. */
export const premium: Row[] = [
  {
    name: '08 9x',
    typed: 'gagnez en appelant le 08 99 12 34 56',
    stored: `gagnez en appelant le ${PHONE}`,
    removed: ['premium'],
  },
  {
    name: '0 892 grouping',
    typed: 'infos au 0 892 68 02 22',
    stored: `infos au ${PHONE}`,
    removed: ['premium'],
  },
  {
    name: '3xxx after a cue',
    typed: 'pharmacie de garde : composez le 3237',
    stored: `pharmacie de garde : composez le ${PHONE}`,
    removed: ['premium'],
  },
  { name: '36 15', typed: 'tapez 36 15 VOISINS', stored: `tapez ${PHONE} VOISINS`, removed: ['premium'] },
  { name: '3615 alone', typed: 'sur le 3615 ulla', stored: `sur le ${PHONE} ulla`, removed: ['premium'] },
  {
    name: '118 directory',
    typed: 'demandez au 118 218',
    stored: `demandez au ${PHONE}`,
    removed: ['premium'],
  },
];

/** E-mail addresses, plain and disguised. */
export const emails: Row[] = [
  {
    name: 'plain',
    typed: 'écrivez à jean.dupont@mail.fr svp',
    stored: `écrivez à ${EMAIL} svp`,
    removed: ['email'],
  },
  {
    name: 'upper case, full stop after',
    typed: 'Écrivez à JEAN.DUPONT@GMAIL.COM.',
    stored: `Écrivez à ${EMAIL}.`,
    removed: ['email'],
  },
  { name: '[at]', typed: 'jean [at] mail.fr', stored: EMAIL, removed: ['email'] },
  {
    name: '(at) glued',
    typed: 'contact : jean(at)mail.fr',
    stored: `contact : ${EMAIL}`,
    removed: ['email'],
  },
  { name: 'arobase … point', typed: 'jean arobase mail point fr', stored: EMAIL, removed: ['email'] },
  { name: '[at] and [dot]', typed: 'jean[at]mail[dot]fr', stored: EMAIL, removed: ['email'] },
  {
    name: 'spaces around @ and dot',
    typed: 'mail : jean @ mail . fr',
    stored: `mail : ${EMAIL}`,
    removed: ['email'],
  },
  { name: 'full-width @', typed: 'jean＠mail.fr', stored: EMAIL, removed: ['email'] },
  { name: 'no top-level domain', typed: 'jean.dupont@gmail', stored: EMAIL, removed: ['email'] },
  { name: 'zero-width in the address', typed: 'jean\u200B@\u200Bmail.fr', stored: EMAIL, removed: ['email'] },
  { name: 'braces and point', typed: 'jean {arobase} gmail {point} com', stored: EMAIL, removed: ['email'] },
];

/** Links: with a scheme, www, bare domains, shorteners, disguised dots. */
export const links: Row[] = [
  {
    name: 'https with path',
    typed: 'voir https://monsite.fr/aide?x=1.',
    stored: `voir ${LINK}.`,
    removed: ['link'],
  },
  { name: 'upper-case scheme', typed: 'HTTP://EXEMPLE.COM', stored: LINK, removed: ['link'] },
  { name: 'www', typed: 'sur www.monsite.fr, merci', stored: `sur ${LINK}, merci`, removed: ['link'] },
  { name: 'bare domain', typed: 'mon site monsite.fr', stored: `mon site ${LINK}`, removed: ['link'] },
  { name: 'shortener', typed: 'cliquez bit.ly/x', stored: `cliquez ${LINK}`, removed: ['link'] },
  { name: 'whatsapp link', typed: 'wa.me/33612345678', stored: LINK, removed: ['link'] },
  {
    name: 'messenger link',
    typed: 'écris-moi sur m.me/jean.dupont',
    stored: `écris-moi sur ${LINK}`,
    removed: ['link'],
  },
  { name: 'profile link', typed: 'voir facebook.com/jean.dupont', stored: `voir ${LINK}`, removed: ['link'] },
  { name: 'point fr', typed: 'allez sur monsite point fr', stored: `allez sur ${LINK}`, removed: ['link'] },
  { name: '[.] dot', typed: 'monsite[.]fr', stored: LINK, removed: ['link'] },
];

/** Several kinds at once. */
export const mixed: Row[] = [
  {
    name: 'phone, e-mail and link',
    typed: 'Marie, 06 12 34 56 78 ou marie@exemple.fr, ou www.marie.fr, au 12 rue Jean Jaurès',
    stored: `Marie, ${PHONE} ou ${EMAIL}, ou ${LINK}, au ${ADDRESS}`,
    removed: ['email', 'link', 'phone', 'address'],
  },
];

/** Ordinary French: times, dates, grades, amounts, a floor or a postcode alone, ages, emoji (addresses: `homeAddresses.ts`). */
export const ordinary: string[] = [
  'Je peux faire vos courses le mardi à 14h30.',
  'Rendez-vous à 14:30 devant la mairie.',
  'Disponible le 12/05 et le 12/05/2026 au matin.',
  'Disponible du 01/06/2026 au 30/06/2026 le matin.',
  'Rendez-vous le 05/06/2026 15h, devant la mairie.',
  'Aide aux devoirs du CP à la 5e, maths et français.',
  "J'ai 82 ans et je ne conduis plus.",
  "J'habite au 3e étage, à Miramas depuis 1990.",
  'Code postal 13140, département 13, région PACA.',
  'Les courses coûtent environ 45,50 € chez le primeur.',
  'Je promène votre chien de 8h à 10h ou de 17h à 19h.',
  'Horaires : 08:30-12:00 / 13:30-17:00, du lundi au vendredi.',
  'Ouvert 9-12 / 14-18, 7j/7.',
  'Les 02/05, 03/05, 04/05 et 05/05, je suis là.',
  "J'ai une imprimante, je peux imprimer 20 pages par jour…",
  'Appartement de 50 m², 3e étage sans ascenseur, nº 4.',
  'Merci beaucoup\u00A0! Vraiment\u202F!',
  'Le bus 29 passe toutes les 15 minutes.',
  'Nous sommes 3 000 habitants dans le quartier, et 3650 € de budget.',
  'En 2020, le confinement a commencé le 17 mars.',
  "Appelez le 15 ou le 112 en cas d'urgence.",
  'Il faut 3 masques par personne, à 0,50 € pièce.',
  'Je suis dispo le soir.Me contacter par la page.',
  "C'est un bon point pour le quartier.",
  'Mon petit-fils m’a aidé, c’était super 👍 ❤️ 👨‍👩‍👧 🇫🇷',
  'Je garde le chat du 10 au 20 août (2 semaines), ½ journée le samedi.',
];

/** A resident's offer: contacts in the description and in "quand", then saved. */
export const offerWithContacts: Turn[] = [
  { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
  { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.descriptionOffer'] },
  {
    send: 'Je fais vos courses, appelez le ０６ １２ ３４ ５６ ７８ ou jean [at] mail.fr',
    says: ['form.contactsRemoved', 'form.where'],
    hides: ['０６', 'mail.fr'],
  },
  { send: '12 place Jean Jaurès', says: ['form.whereFound', 'form.availabilityOffer'] },
  {
    send: 'le soir après 18h, sinon 06\u200B12\u200B34\u200B56\u200B78 ou bit.ly/jean',
    says: ['form.availabilityContactsRemoved', 'form.recurrence'],
  },
  { send: { payload: 'OFFER_ONCE' }, says: ['form.contact'] },
  { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsOffer'] },
  { send: { payload: 'YES' }, says: ['form.consent'] },
  {
    send: { payload: 'YES' },
    says: ['form.recap'],
    contains: ['le soir après 18h, sinon [numéro retiré] ou [lien retiré]'],
    hides: ['bit.ly', '\u200B', '０'],
  },
  { send: { payload: 'YES' }, says: ['offer.saved'] },
];

/** A need whose description and "quand" carry contacts, up to the nearest helper asked. */
export const needWithContacts: Turn[] = [
  { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
  { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.beneficiary'] },
  { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
  { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
  {
    send: 'Récupérer mes courses au drive, mon fixe 04.90.58.79.79',
    says: ['form.contactsRemoved', 'form.where'],
  },
  { send: 'place Jean Jaurès', says: ['form.whereFound'] },
  {
    send: 'demain matin, appelez le 06 12\u202E34 56\u202C 78 ou marie arobase mail point fr',
    says: ['form.availabilityContactsRemoved', 'form.contact'],
  },
  { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsNeed'] },
  { send: { payload: 'YES' }, says: ['form.consent'] },
  { send: { payload: 'YES' }, says: ['form.recap'] },
  { send: { payload: 'YES' }, says: ['need.saved', 'need.offersIntro'] },
  { send: (ids: Ids) => ({ payload: `MATCH_PICK_${ids.near}` }), says: ['need.asked'] },
];

/** A testimonial with a link and a disguised e-mail, a signature with a phone (refused), then sent. */
export const testimonialWithContacts: Turn[] = [
  { send: { payload: 'MENU_TESTIMONIAL' }, says: ['testimonialDialog.intro'] },
  {
    send: 'Nadia a fait mes courses, merci ! Son site : bit.ly/nadia et nadia arobase mail point fr',
    says: ['testimonialDialog.contactsRemoved', 'testimonialDialog.signature'],
  },
  { send: { payload: 'SIGN_FIRST_NAME' }, says: ['testimonialDialog.firstName'] },
  { send: 'Camille ０６１２３４５６７８', says: ['testimonialDialog.nameContacts'] },
  { send: 'Camille', says: ['testimonialDialog.neighbourhood'] },
  { send: 'maille 2', says: ['testimonialDialog.consent'] },
  {
    send: { payload: 'YES' },
    says: ['testimonialDialog.recap'],
    contains: ['Camille, La Maille 2', 'Son site : [lien retiré] et [e-mail retiré]'],
    hides: ['bit.ly', 'arobase', '０'],
  },
  { send: { payload: 'YES' }, says: ['testimonialDialog.saved'] },
];

/** Texts with contacts, then "Parler à quelqu'un". */
export const handOverWithContacts: Turn[] = [
  { send: 'mon numéro est le ０６ １２ ３４ ５６ ７８' },
  { send: 'ou écrivez à jean(at)mail.fr ou wa.me/33612345678' },
  { send: { payload: 'MENU_HUMAN' }, says: ['moderation.resident.withinHours'] },
];

/** A referent registers an offer for someone offline; contacts typed in the description and "quand". */
export const registeredWithContacts: Turn[] = [
  { send: { payload: 'MOD_REGISTER' }, says: ['moderatorMenu.register.kind'] },
  { send: { payload: 'ONBEHALF_OFFER' }, says: ['moderatorMenu.register.consent'] },
  { send: { payload: 'ONBEHALF_BY_PHONE' }, says: ['form.categoryOffer'] },
  { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.descriptionOffer'] },
  { send: 'Courses le mardi, son fils au 07 11 22 33 44', says: ['form.contactsRemoved', 'form.where'] },
  { send: '12 place Jean Jaurès', says: ['form.whereFound'] },
  { send: 'le mardi matin, ou marie.durand@mail.fr', says: ['form.availabilityContactsRemoved'] },
  { send: 'chaque mardi', says: ['form.contact'] },
  { send: '06 98 76 54 32', says: ['form.commitmentsOffer'] },
  { send: { payload: 'YES' }, says: ['form.consent'] },
  { send: { payload: 'YES' }, says: ['form.recap'] },
  { send: { payload: 'YES' }, says: ['moderatorMenu.register.name'] },
  { send: 'Marie Durand', says: ['moderatorMenu.register.addressAs'] },
  { send: 'Mme Durand', says: ['moderatorMenu.register.saved'] },
];
