/**
 * Reading the payloads of the referents' tools (`MOD_…`, defined in `../payload`). Only
 * active moderators are served: anyone else sending one gets the resident menu.
 */
import type { RejectionReason } from '../../services/moderation';
import { REJECTION_REASONS } from '../../services/moderation';
import { idAfter, MOD_NAMESPACE, ModPrefix } from '../payload';

/** True for a referents' payload. */
export function isModeratorPayload(payload: string | undefined): payload is string {
  return payload?.startsWith(MOD_NAMESPACE) === true;
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
