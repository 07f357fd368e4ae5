/**
 * Prefixes of the payloads that scheduled jobs put on their buttons; the id of the match or
 * entry follows.
 *
 * @remarks
 * The conversation layer reads these answers (`dialogs/payload.ts` is the registry of every
 * payload and takes these from here); jobs live in `services/` and never import `dialogs/`,
 * so the prefixes they send are defined once in this floor.
 */
export const JobPayloadPrefix = {
  /** "Oui" to the follow-up question: the help happened (`FOLLOWUP_YES_<matchId>`). */
  followUpYes: 'FOLLOWUP_YES_',
  /** "Non" to the follow-up question (`FOLLOWUP_NO_<matchId>`). */
  followUpNo: 'FOLLOWUP_NO_',
  /** Renew an entry reaching its expiry (`ENTRY_RENEW_<entryId>`); "Mes annonces" offers it too. */
  entryRenew: 'ENTRY_RENEW_',
  /** Close an entry reaching its expiry (`ENTRY_CLOSE_<entryId>`). */
  entryClose: 'ENTRY_CLOSE_',
} as const;
