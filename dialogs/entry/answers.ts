/**
 * How a form's answers are read in the context of the question asked: a choice by its
 * number, title, synonym or a close typo; yes and no in their usual forms; time expressions;
 * relatives; the page as a contact. Pure functions of the typed text, no understanding
 * service: what they recognise is an answer, never a new request.
 */
import { distance, normalize, readYesNo } from '../keywords';

/** A choice as the question offers it, with the words that also name it. */
export interface ChoiceSpec {
  payload: string;
  title: string;
  /** Tested on the normalised text (see `normalize`). */
  synonyms?: RegExp;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  premier: 1,
  premiere: 1,
  deux: 2,
  deuxieme: 2,
  second: 2,
  seconde: 2,
  trois: 3,
  troisieme: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
};

/** The 1-based position typed: "2", "le 2", "numéro 3", "deux", "le premier". */
export function readPosition(typed: string): number | undefined {
  const match = /^(?:le |la |n |no |num |numero |choix |reponse )?(\d{1,2}|[a-z]+)$/.exec(typed);
  if (!match?.[1]) return undefined;
  const word = match[1];
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

/** The payload of the choice `text` names, by number, title, synonym or a close typo. */
export function readChoiceText(text: string, choices: readonly ChoiceSpec[]): string | undefined {
  const typed = normalize(text);
  if (typed.length === 0) return undefined;
  const position = readPosition(typed);
  if (position !== undefined) return choices[position - 1]?.payload;
  const titled = choices.find((choice) => normalize(choice.title) === typed);
  if (titled) return titled.payload;
  const named = choices.filter((choice) => choice.synonyms?.test(typed));
  if (named.length === 1) return named[0]?.payload;
  const close = choices.filter((choice) => {
    const title = normalize(choice.title);
    return title.length >= 5 && distance(title, typed) <= (title.length >= 8 ? 2 : 1);
  });
  return close.length === 1 ? close[0]?.payload : undefined;
}

const YES_START =
  /^((un peu|plutot|assez) oui|oui|ouai|ouais|ouep|ouip|voui|yes|yep|ok|okay|oki|d accord|daccord|dac|bien sur|absolument|carrement|volontiers|avec plaisir|j accepte|je suis d accord|vas y|allez y|c est bon|ca marche|tout a fait|evidemment|exactement|entendu|parfait|ca me va|pas de souci|pas de probleme)\b/;
const NO_START =
  /^(plutot (non|pas)|non|nan|nn|nope|no|pas du tout|surtout pas|absolument pas|pas vraiment|jamais|je refuse|pas d accord|je ne veux pas|je veux pas)\b/;

/** A thumbs up, an OK hand, a tick or a smile alone. */
const NODS = /^(?:\s|\u{1F44D}|\u{1F44C}|\u{2705}|\u{2714}|\u{FE0F}|\u{1F642}|\u{1F60A}|\u{1F197})+$/u;

/**
 * Yes or no in its usual forms: "oui d'accord", "ouais", "ok vas-y", "oui c'est urgent" are
 * yes; "non pas du tout", "nan", "je refuse" are no; undefined for anything else or a question.
 */
export function readAgreement(text: string | undefined): boolean | undefined {
  if (!text || text.includes('?')) return undefined;
  if (NODS.test(text)) return true;
  const typed = normalize(text).replace(/(.)\1{2,}/g, '$1');
  if (typed.length === 0 || typed.length > 60) return undefined;
  if (NO_START.test(typed)) return false;
  if (YES_START.test(typed)) return true;
  return readYesNo(text);
}

/** Not urgent, said outright ("pas pressé", "rien ne presse", "ça peut attendre"). */
const NOT_URGENT =
  /\b(pas (tres |trop |si |vraiment |super |du tout )?(urgent|presse|pressee|pressant)|rien d urgent|pas d urgence|aucune urgence|sans urgence|rien ne presse|ca peut attendre|peut attendre|quand (vous|tu) (pouvez|peux|voulez|veux|aurez le temps)|pas presse)\b/;
/** Within the next day. */
const SOON =
  /\b(urgent|urgente|urgence|le plus (vite|tot) possible|au plus (vite|tot)|des que possible|asap|tout de suite|immediatement|maintenant|aujourd hui|ce soir|ce matin|cet apres midi|cet aprem|cette nuit|demain|dans l heure|rapidement|vite)\b/;
/** Later than that. */
const LATER =
  /\b(dans la semaine|cette semaine|la semaine prochaine|dans les jours qui viennent|dans (quelques|deux|trois|\d+) (jours|semaines)|apres demain|ce week ?end|le week ?end|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le mois prochain|prochainement|bientot|n importe quand|quand vous voulez|en semaine|tous les jours)\b/;
/** Any moment of the day or week, for availability. */
const MOMENT =
  /\b(matin|matinee|midi|apres midi|aprem|aprm|apm|soir|soiree|nuit|\d{1,2} ?h(\d\d)?|journee|week ?end)\b/;

/** How soon, read from a time expression; undefined when the text names no time. */
export function readTimeUrgency(text: string): 'high' | 'normal' | undefined {
  const typed = normalize(text);
  if (NOT_URGENT.test(typed)) return 'normal';
  if (SOON.test(typed)) return 'high';
  return LATER.test(typed) ? 'normal' : undefined;
}

/** A moment within the next day (the words of {@link SOON} that say when, not how urgent). */
const SOON_MOMENT =
  /\b(le plus (vite|tot) possible|au plus (vite|tot)|des que possible|asap|tout de suite|immediatement|maintenant|aujourd hui|ce soir|ce matin|cet apres midi|cet aprem|cette nuit|demain|dans l heure)\b/;

/**
 * True when the text, short enough to be an answer, says when ("ce soir", "dans la semaine",
 * "le samedi matin"), not merely how urgent ("oui c'est urgent", "pas pressé").
 */
export function isTimeExpression(text: string): boolean {
  const typed = normalize(text);
  if (typed.length === 0 || typed.split(' ').length > 12) return false;
  return SOON_MOMENT.test(typed) || LATER.test(typed) || MOMENT.test(typed);
}

/** The answer to "is it urgent?": a time expression, yes or no. */
export function readUrgencyAnswer(text: string): 'high' | 'normal' | undefined {
  const byTime = readTimeUrgency(text);
  if (byTime) return byTime;
  const agreed = readAgreement(text);
  return agreed === undefined ? undefined : agreed ? 'high' : 'normal';
}

const RELATIVE =
  /\b(ma|mon|mes|notre|nos|sa|son|un|une)( (petite?|vieille?|vieux|beau|belle|grand|grande|petits|grands))? (mere|maman|mama|mamie|mamy|pere|papa|papi|papy|mari|femme|epouse|epoux|conjointe?|compagnon|compagne|fils|fille|filles|enfants?|frere|soeur|grand mere|grand pere|grands parents|parents|oncle|tante|tonton|tata|cousine?|neveu|niece|voisine?|amie?|copine?|copain|proches?|famille|belle mere|beau pere)\b|\bquelqu un d autre\b|\bpas pour moi\b/;
const SELF =
  /^((c|c est|cest|ces|ce sera|ca sera|c etait) )?((pour|pr|pou) )?(moi|moi meme|mw|perso|ma pomme|nous)( meme| seul| seule| svp| merci)*$/;

/** "pour moi" → self, "ma mère" / "pour mon mari" → relative, in a short answer. */
export function readBeneficiary(text: string): 'self' | 'relative' | undefined {
  const typed = normalize(text);
  if (SELF.test(typed)) return 'self';
  return typed.split(' ').length <= 6 && RELATIVE.test(typed) ? 'relative' : undefined;
}

/** The same in any answer, however long (after the global checks). */
export function mentionsRelative(text: string): boolean {
  return RELATIVE.test(normalize(text));
}

const RELATIVES = new RegExp(RELATIVE.source, 'g');

/** `normalized` (see `normalize`) without the relatives {@link mentionsRelative} finds in it. */
export function withoutRelatives(normalized: string): string {
  return normalized.replace(RELATIVES, ' ');
}

const PAGE =
  /^((par|sur|via|avec|en|dans) )?((la|le|les|ce|cette|un) )?(page|messenger|messager|message|messages|mp|facebook|fb|ici|bot|chat|tchat|appli|application)( (facebook|uniquement|seulement|directement|svp|merci|c est bien|ca ira|ca me va))*$|\b(pas (de|mon) (numero|telephone|tel|mail|e mail))\b|^(ici|par ici|comme ca|comme maintenant)$/;

/** "par la page", "sur messenger", "ici": contact through the page only. */
export function readPageContact(text: string): boolean {
  const typed = normalize(text);
  return PAGE.test(typed) || distance(typed, 'par la page') <= 2;
}

const DAYS = '(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?';
/** Not regular, said outright ("pas régulièrement", "pas toutes les semaines"): checked first. */
const NOT_REGULAR =
  /\b(pas (regulierement|regulier|reguliere|chaque|toutes? les|tous les|tout les|souvent))\b/;
/** Again and again: "chaque samedi", "tout les mercredis", "une fois par semaine", "oui régulièrement". */
/** The regular moments among them ("chaque samedi", "tous les mardis"), which also say when. */
const REGULAR_MOMENTS = [
  `\\bchaque (semaine|jour|matin|soir|mois|week ?end|${DAYS})\\b`,
  `\\b(tous|tout|toute|toutes|tt|ts) les (semaines|jours|matins|soirs|mois|week ?ends?|${DAYS})\\b`,
  `\\b(le|les) ${DAYS} de chaque semaine\\b`,
  '\\b(une|1|deux|2|trois|3) fois par (semaine|mois|jour)\\b',
];
const REGULAR = new RegExp(
  [
    ...REGULAR_MOMENTS,
    '\\bchaque fois\\b',
    '\\b(regulierement|reguliere|regulier|reguliers|hebdomadaire|hebdo|souvent|de temps en temps|toute l annee|chaque semaine|recurrent|recurrente)\\b',
    '\\b(every (week|day|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|weekly|regularly|often)\\b',
  ].join('|'),
);
/** Once only: "juste une fois", "ponctuellement", "une seule fois", "ce samedi seulement". */
const ONCE = new RegExp(
  [
    '\\b(une seule fois|seule fois|juste une fois|rien qu une fois|une fois seulement|une fois|1 fois|ponctuellement|ponctuel|ponctuelle|exceptionnellement|juste cette fois|cette fois|pour cette fois|just once|once|one time|one off)\\b',
    `\\b(juste|seulement|uniquement) (ce|cette) (${DAYS}|week ?end|semaine)\\b`,
    `\\b(ce|cette) (${DAYS}|week ?end|semaine) (seulement|uniquement)\\b`,
  ].join('|'),
);

/**
 * "Une seule fois ou régulièrement ?" read from the words: `regular` for "chaque samedi",
 * "tout les mercredis", "oui régulièrement"; `once` for "juste une fois", "ponctuellement";
 * undefined when the text says neither (a plain "le samedi matin").
 */
export function readRecurrence(text: string): 'once' | 'regular' | undefined {
  const typed = normalize(text);
  if (typed.length === 0) return undefined;
  if (NOT_REGULAR.test(typed)) return 'once';
  if (REGULAR.test(typed)) return 'regular';
  return ONCE.test(typed) ? 'once' : undefined;
}

/**
 * The expressions that say when, as the form reads them (those of {@link isTimeExpression},
 * and the regular moments of {@link readRecurrence}: "tous les mardis"), global, to find them
 * inside a longer message written as `normalize` writes it (see ./carriedTime.ts).
 */
export function whenPatterns(): RegExp[] {
  return [SOON_MOMENT, LATER, MOMENT, new RegExp(REGULAR_MOMENTS.join('|'))].map(
    (pattern) => new RegExp(pattern.source, 'g'),
  );
}
