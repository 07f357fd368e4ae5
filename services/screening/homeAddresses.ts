/**
 * Home addresses in a normalised text (see `unicode.ts`): a street with or without a house
 * number, a residence or building, a door code, and the floor, door and postcode written
 * next to them. What it finds is taken out of the text other people read (the bot promises
 * "Votre adresse n'est jamais montrée": only the neighbourhood is).
 *
 * @remarks
 * The text is cut into words and each word is read in its place. Parts are of two sorts:
 * - anchors, which point to a home on their own: a house number and a street of any type
 *   (`5 rue des Lilas`, `12 bis, av. Jean Jaurès`, `au 3 de la place…`); a named street
 *   without number (`j'habite rue des lilas`) unless a determiner comes before the street
 *   word (`la place du marché`, `sur le chemin de l'école`, `en route`, `sur place` are
 *   talk about a place, kept); a residence, estate or cité with a name (`résidence les
 *   Oliviers`, `lotissement Le Clos`), except the neighbourhood names shown anyway (Cité
 *   Jardins, Cité Mercure); a building, staircase, entrance or flat with its letter or number
 *   (`bat C`, `escalier 2`, `appt 14`); a door code (`code 1234B`, `digicode : 45A12`),
 *   an intercom name (`interphone Martin`).
 * - attachments, which say nothing of where a home is on their own: a floor (`2e étage`,
 *   `au 3eme`, `rdc`), a door (`porte gauche`, `porte 3`), a postcode (`13140`). They are
 *   removed with an anchor they touch (separated only by spaces, commas, dashes, `et`),
 *   kept alone: "3e étage sans ascenseur" tells a helper about the stairs, not the home.
 * Grades (`du CP à la 5e`, `en 6e`), times (`le 2 à 14h`), quantities (`2 paquets`), dates
 * and amounts are none of these and come out as typed. A street name ends at punctuation, a
 * digit, a common word (pronouns, verbs of the message, days, times…) or after four name
 * words. Linear in the length of the text.
 */
import { building, door, doorCode, floor, postcode } from './homeAddressDetails';
import { numberedStreet, namedStreet } from './homeAddressStreets';
import { tokenize, word, type Part, type Token } from './homeAddressTokens';
import { JOINERS } from './homeAddressWords';

/** A span of the text to take out. */
export interface AddressSpan {
  start: number;
  end: number;
}

/** The home addresses of `text`, in order, not overlapping. */
export function findHomeAddresses(text: string): AddressSpan[] {
  const tokens = tokenize(text);
  const parts: Part[] = [];
  let index = 0;
  while (index < tokens.length) {
    const part = partAt(tokens, index);
    if (part) {
      parts.push(part);
      index = part.next;
    } else index += 1;
  }
  return group(tokens, parts);
}

/** The part that starts at `index`, if any. */
function partAt(tokens: readonly Token[], index: number): Part | null {
  return (
    numberedStreet(tokens, index) ??
    namedStreet(tokens, index) ??
    building(tokens, index) ??
    doorCode(tokens, index) ??
    floor(tokens, index) ??
    door(tokens, index) ??
    postcode(tokens, index)
  );
}

/** Touching parts joined; the groups with an anchor, as spans of the text. */
function group(tokens: readonly Token[], parts: readonly Part[]): AddressSpan[] {
  const spans: AddressSpan[] = [];
  let current: Part[] = [];
  const flush = (): void => {
    if (current.some((part) => part.anchor)) {
      const first = tokens[current[0].first];
      const last = tokens[current[current.length - 1].next - 1];
      spans.push({ start: first.start, end: last.end });
    }
    current = [];
  };
  for (const part of parts) {
    const previous = current[current.length - 1];
    if (previous && !joined(tokens, previous.next, part.first)) flush();
    current.push(part);
  }
  flush();
  return spans;
}

/** Only joiners (commas, dashes, `et`, `puis`, `c'est`, `au`, `à`) between two parts. */
function joined(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let at = from; at < to; at += 1) {
    const current = word(tokens, at);
    if (!JOINERS.has(current)) return false;
  }
  return true;
}
