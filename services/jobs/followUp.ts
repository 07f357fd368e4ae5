/**
 * The follow-up's stored shape moved to the matching module (services/matching); this
 * re-export keeps the privacy module's import working until it imports from there.
 */
export type { FollowUp, FollowUpDelivery } from '../matching/matchRepository';
