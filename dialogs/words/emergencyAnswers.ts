/**
 * What residents type around an emergency: their answer to "Est-ce une urgence ?" ("oui
 * vite", "ouiii", "non c'était il y a longtemps", "pas du tout"), and what they write once
 * the numbers were given ("fausse alerte", "ça va mieux", "merci").
 */
import { normalize } from './text';

/** An answer that says no one is in danger; checked first ("pas urgent" holds "urgent"). */
const NOT_EMERGENCY =
  /^(non+|nan|nn|no+|nope|pas du tout|pas vraiment|absolument pas|surtout pas|ca va|tout va bien|c est bon|fausse alerte|rien de grave|c etait il y a|il y a longtemps|not really)\b|\b(pas|plus) (une |d )?(urgent|urgente|urgence|grave|en danger|dangereux)\b|\b(aucune|sans) urgence\b|\bnot (urgent|an emergency)\b/;
/** An answer that says someone is: "oui", "oui vite", "c'est urgent", "au secours". */
const EMERGENCY =
  /^(oui+|ouai+s?|voui|yes+|yep|yeah|vite|au secours|a l aide|help)\b|\b(urgent|urgente|urgence|danger|grave|vite|secours|emergency)\b/;

/** Repeated letters typed in a hurry ("ouiiii", "nooon"), down to two ("nn" stays). */
const collapse = (typed: string): string => typed.replace(/(.)\1{2,}/g, '$1');

/**
 * The answer to "Est-ce une urgence ?": true for yes ("oui vite", "yes", "c'est urgent"),
 * false for no ("non merci", "nn", "pas du tout", "non c'était il y a longtemps"),
 * undefined for anything else.
 */
export function readEmergencyAnswer(text: string | undefined): boolean | undefined {
  if (!text) return undefined;
  const typed = collapse(normalize(text));
  if (typed.length === 0) return undefined;
  if (NOT_EMERGENCY.test(typed)) return false;
  return EMERGENCY.test(typed) ? true : undefined;
}

/** "C'était une fausse alerte", "ça va mieux", "il va bien", "je me suis trompé", "non". */
const REASSURING =
  /^(non+|nan|nn|no+|ca va|ca y est|tout va bien|c est bon|c est rien|fausse alerte|rien de grave|pas grave|pas urgent|c etait une erreur|erreur|je me suis trompee?|pardon|desolee?|plus besoin|les (pompiers|secours) sont|le samu est|(il|elle) (va|est) (mieux|bien))\b|\b(fausse alerte|va mieux|vont mieux|plus de peur que de mal|tout va bien|rien de grave|pas grave|s est trompe)\b/;

/**
 * A message after the numbers were given that says the danger is over or was not one
 * ("fausse alerte", "ça va", "non c'est bon", "il va mieux"); thanks are read apart.
 */
export function readsAsReassurance(text: string | undefined): boolean {
  if (!text) return false;
  const typed = collapse(normalize(text));
  return typed.length > 0 && typed.length <= 120 && REASSURING.test(typed);
}
