/**
 * What a resident asks in words of their own data ("Mes données": see, a copy, delete) and
 * of their entries ("Mes annonces").
 */
import { normalize } from './text';

/** What a resident asks of "Mes données" in words. */
export type DataRequest = 'see' | 'export' | 'delete';

/** Longest message read as a request about one's data. */
const MAX_DATA_REQUEST = 80;
/** Naming one's data or account. */
const MY_DATA =
  /\b(mes|les|vos|nos) (donnees|infos|informations|coordonnees|data)\b|\bmon (compte|profil|dossier)\b|\bsur moi\b|\bdonnees personnelles\b/;
const EXPORT_WORDS = /\b(envoy|transmet|transfer|copie|export|telecharg|recevoir|recup|mail)\w*|\benvoie\b/;
const DELETE_EVERYTHING = /^(supprim|suprim|effac|efface|detrui)\w* (tout|toutes? mes \w+)$/;

/**
 * A request about the resident's own data, in words: "voir mes données", "qu'est-ce que
 * vous savez sur moi" (see), "envoyez-moi mes infos" (a copy), "supprimez tout", "effacer
 * mon compte" (delete); undefined for anything else ("supprimer mon annonce" is for "Mes
 * annonces").
 */
export function readDataRequest(text: string | undefined): DataRequest | undefined {
  if (!text) return undefined;
  const typed = normalize(text);
  if (typed.length === 0 || typed.length > MAX_DATA_REQUEST || /\bannonces?\b/.test(typed)) return undefined;
  if (DELETE_EVERYTHING.test(typed)) return 'delete';
  if (!MY_DATA.test(typed)) return undefined;
  if (asksToDelete(typed)) return 'delete';
  if (EXPORT_WORDS.test(typed)) return 'export';
  return 'see';
}

/**
 * True when the whole message asks for the resident's entries or pending questions ("mes
 * annonces", "mes demandes en cours", "voir mes offres").
 */
export function asksForMyEntries(text: string | undefined): boolean {
  if (!text) return false;
  return /^((je veux |je voudrais )?(voir|afficher|gerer) )?(mes|les) (annonces|demandes|offres|demandes en cours|annonces en cours|questions en attente)( en cours| svp| s il vous plait)?$/.test(
    normalize(text),
  );
}

/**
 * True when `text` asks to delete something ("supprimez mes données", "effacer mon compte"),
 * not merely to see it ("voir mes données", "mes infos"): only then does the bot go straight
 * to the deletion's confirmation.
 */
export function asksToDelete(text: string): boolean {
  return /\b(supprim|suprim|effac|oubli|retir|enlev|detrui|delete|remove|erase)/.test(normalize(text));
}
