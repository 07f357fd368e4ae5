/**
 * Typed requests that go straight to a referent, read from the words: a complaint or a
 * safeguarding concern, and registering someone who is not online.
 */
import type { AttentionReason } from '../../services/domain/types';
import { normalize } from '../keywords';

const COMPLAINT = [
  /\breclamation/,
  /\bplainte\b/,
  /\b(me|se|vous) plaindre\b/,
  /\binadmissible\b/,
  /\binacceptable\b/,
  /\bpas (du tout )?(content|contente|satisfait|satisfaite)\b/,
  /\barnaque/,
  /\bharcel/,
  /\bmaltrait/,
  /\babus/,
  /\bsignaler (un|une|quelqu)/,
  /\bcomportement (bizarre|inapproprie|deplace)/,
];

const OFFLINE_PERSON = /\b(inscrire|enregistrer|inscription)\b/;
const NOT_ONLINE = [
  /\bpas (d )?internet\b/,
  /\bpas (d )?(ordinateur|ordi|smartphone|portable|facebook|messenger)\b/,
  /\bpas (de )?(connexion|connecte|connectee)\b/,
  /\bhors ligne\b/,
  /\bne sait pas (utiliser|se servir)/,
];

/**
 * `offline_registration` for "inscrire ma voisine qui n'a pas internet", `complaint` for
 * a complaint or a worrying behaviour; undefined otherwise.
 */
export function handoverReasonOf(text: string): AttentionReason | undefined {
  const words = normalize(text).replace(/\bn /g, '');
  if (OFFLINE_PERSON.test(words) && NOT_ONLINE.some((pattern) => pattern.test(words)))
    return 'offline_registration';
  if (COMPLAINT.some((pattern) => pattern.test(words))) return 'complaint';
  return undefined;
}
