/**
 * The closed label sets of the two classifiers, and how the borderline cases are labelled.
 *
 * @remarks
 * The training data (`data/*.jsonl`) follows these decisions; a reviewer who disagrees
 * changes them here first, then the data.
 *
 * - `offer`: the resident proposes help, also as a question ("qui a besoin de masques ?",
 *   "je peux aider quelqu'un ?", "jpeu aider pr les courses", "i can walk your dog").
 * - `need`: the resident asks for help, or tells a situation that calls for it without
 *   naming the want ("mon frigo est vide et je suis clouée au lit"). Being lost with one's
 *   own papers is a need (`it_admin`): "je suis perdue avec mes papiers".
 * - `help`: a question about the service itself: "comment ça marche ?", "c'est gratuit ?",
 *   "comment annuler ma demande ?", "aide", "menu".
 * - `testimonial`: help received, told ("merci à Julie qui a fait mes courses tout
 *   l'hiver", "grâce à un voisin j'ai eu mes médicaments"), or the wish to leave one.
 * - `greeting`: social formulas with no story: hello, goodbye and simple thanks ("ok
 *   merci", "merci beaucoup", "merci bonne journée"). The dialogs answer thanks before the
 *   classifier (`readSmallTalk`), so this label only keeps them out of `testimonial`.
 * - `complaint`: dissatisfaction with the service or a helper ("personne n'est venu",
 *   "la bénévole a été désagréable", "ça fait deux semaines que j'attends"); the dialogs
 *   hand it to a referent (attention reason `complaint`).
 * - `delete_data`: anything about the resident's own personal data, seeing it as well as
 *   deleting it ("je veux voir mes données", "qu'avez-vous sur moi ?", "supprimez mon
 *   compte", "je veux me désinscrire"); the privacy dialog then shows the data, and
 *   deletes it at once only when the words ask to (`asksToDelete`).
 * - `human`: asking for a person (a referent, a phone call) rather than the bot.
 * - `emergency`: a danger now (see `emergency.ts` for the rules that decide the numbers).
 * - `other`: everything else, in particular the hard negatives: "ok", "d'accord", time
 *   expressions ("dans la semaine", "le plus vite possible"), relatives or places named
 *   alone ("ma mère", "aux Molières"), past events ("mon mari a fait un AVC il y a deux
 *   ans"), small talk, sales, and paid jobs or services ("je cherche un emploi", "cours de
 *   piano 20 € de l'heure", "nous recrutons"): the service is free mutual aid, so paid work
 *   is neither an offer nor a need (an offer or need that merely mentions money, "je vous
 *   rembourserai", keeps its intent and sets `money`).
 */

/** What a resident wants from the bot. `other` stays last: it is the catch-all. */
export const INTENTS = [
  'offer',
  'need',
  'human',
  'testimonial',
  'greeting',
  'help',
  'delete_data',
  'emergency',
  'complaint',
  'other',
] as const;
/** See {@link INTENTS}. */
export type Intent = (typeof INTENTS)[number];

/** What kind of help is offered or asked for: the domain's categories. */
export { CATEGORIES, type Category } from '../domain/types';
