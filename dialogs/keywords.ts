/**
 * Short commands typed by residents ("annuler", "menu", "aide", "stop", "oui", "non", and
 * their English forms "cancel", "help", "yes", "no"), recognised despite accents, capitals,
 * punctuation and one-letter typos.
 *
 * @remarks
 * Also the one door to the dialogs' other readers of words, in `words/`: the text folding
 * (`normalize`, `distance`), small talk, requests about one's data and entries, and typed
 * answers.
 */
import { matchesAny, normalize } from './words/text';

export { distance, normalize } from './words/text';
export { readSmallTalk, type SmallTalk } from './words/smallTalk';
export { asksForMyEntries, asksToDelete, readDataRequest, type DataRequest } from './words/dataRequests';
export { readEmergencyAnswer, readsAsReassurance } from './words/emergencyAnswers';
export {
  readFollowUpAnswer,
  readRenewalAnswer,
  readTypedAnswer,
  speaksOfRenewal,
} from './words/typedAnswers';

/** A command that interrupts any dialog. */
export type Command = 'cancel' | 'menu' | 'help';

const CANCEL = [
  'annuler',
  'annule',
  'annulez',
  'annulation',
  'stop',
  'stopper',
  'arreter',
  'arret',
  'arrete',
  // English
  'cancel',
  'cancel it',
  'stop it',
  'quit',
];
const MENU = [
  'menu',
  'menu principal',
  'retour au menu',
  'retour menu',
  'accueil',
  'recommencer',
  // English
  'main menu',
  'back to menu',
  'back to the menu',
  'start again',
  'start over',
];
const HELP = ['aide', 'help', 'comment ca marche', 'help please', 'how does it work', 'how does this work'];
const YES = [
  'oui',
  'ouais',
  'ok',
  'okay',
  'd accord',
  'daccord',
  'bien sur',
  'yes',
  'oui oui',
  'j accepte',
  'accepte',
  // English
  'yeah',
  'yep',
  'yes please',
  'sure',
  'of course',
  'i agree',
  'agree',
  'alright',
  'all right',
];
const NO = [
  'non',
  'nan',
  'no',
  'non merci',
  'je refuse',
  'refuse',
  'pas d accord',
  // English
  'nope',
  'no thanks',
  'no thank you',
  'not really',
  'i don t agree',
  'i disagree',
];

/** The interrupting command the whole message is, if any. */
export function readCommand(text: string | undefined): Command | undefined {
  if (!text) return undefined;
  const normalized = normalize(text);
  if (normalized.length === 0 || normalized.length > 25) return undefined;
  if (matchesAny(normalized, CANCEL)) return 'cancel';
  if (matchesAny(normalized, MENU)) return 'menu';
  if (matchesAny(normalized, HELP)) return 'help';
  return undefined;
}

/** True for "oui" and its variants, false for "non", undefined otherwise. */
export function readYesNo(text: string | undefined): boolean | undefined {
  if (!text) return undefined;
  // Repeated letters do not count: "ouiii", "nonn".
  const collapse = (word: string) => word.replace(/(.)\1+/g, '$1');
  const typed = collapse(normalize(text));
  if (matchesAny(typed, YES.map(collapse))) return true;
  if (matchesAny(typed, NO.map(collapse))) return false;
  return undefined;
}
