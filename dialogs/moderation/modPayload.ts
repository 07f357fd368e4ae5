/**
 * Payloads of the referents' tools (`MOD_…`). Only active moderators are served: anyone
 * else sending one gets the resident menu.
 */
import type { RejectionReason } from '../../services/moderation';
import { REJECTION_REASONS } from '../../services/moderation';
import { idAfter } from '../payload';

/** Payloads without an id. */
export const ModPayload = {
  menu: 'MOD_MENU',
  residentMenu: 'MOD_RESIDENT_MENU',
  pending: 'MOD_PENDING',
  handoffs: 'MOD_HANDOFFS',
  register: 'MOD_REGISTER',
} as const;

/** Prefixes of payloads ending with an entry or hand-over id. */
export const ModPrefix = {
  entry: 'MOD_ENTRY_',
  approve: 'MOD_APPROVE_',
  refuse: 'MOD_REFUSE_',
  reject: 'MOD_REJECT_',
  handoff: 'MOD_HANDOFF_',
  take: 'MOD_TAKE_',
  close: 'MOD_CLOSE_',
} as const;

/** Answers of the assisted registration (not `MOD_`: they answer its questions). */
export const OnBehalfPayload = {
  offer: 'ONBEHALF_OFFER',
  need: 'ONBEHALF_NEED',
  byPhone: 'ONBEHALF_BY_PHONE',
  inPerson: 'ONBEHALF_IN_PERSON',
  noConsent: 'ONBEHALF_NO_CONSENT',
} as const;

/** True for a referents' payload. */
export function isModeratorPayload(payload: string | undefined): payload is string {
  return payload?.startsWith('MOD_') === true;
}

/** `MOD_REJECT_HORS_PERIMETRE_<id>` for a reason and an entry id. */
export function rejectPayload(reason: RejectionReason, entryId: string): string {
  return `${ModPrefix.reject}${reason.toUpperCase()}_${entryId}`;
}

/** The reason and entry id of a rejection payload, if it is one. */
export function readReject(payload: string): { reason: RejectionReason; entryId: string } | undefined {
  if (!payload.startsWith(ModPrefix.reject)) return undefined;
  const rest = payload.slice(ModPrefix.reject.length);
  const entryId = idAfter(rest.slice(-25), '_');
  const named = rest.slice(0, -25).toLowerCase();
  const reason = REJECTION_REASONS.find((known) => known === named);
  return entryId && reason ? { reason, entryId } : undefined;
}
