/**
 * The matching module (collection `matches`): its public API. Other modules and the
 * composition root import from here, never from the files inside.
 */
export * from './matching';
export * from './ports';
export { DEFAULT_HELPER_ASKS_PER_DAY } from './helperSearch';
export type { AskResult, RequestAwaiting } from './helperRequests';
export type { SuggestionAnswerOutcome } from './suggestions';
export { sharedContactOf, type RequestAnswerOutcome } from './helperAnswers';
export {
  DEFAULT_MATCH_TIMEOUT_HOURS,
  DEFAULT_MATCH_TIMEOUTS_PER_RUN,
  type ExpireOptions,
  type MoveOnOutcome,
  type TimeoutSummary,
} from './movingOn';
export { DEFAULT_SUGGESTION_LAPSE_HOURS, type ReexaminationSummary } from './reexamineNeeds';
export {
  DEFAULT_FOLLOW_UP_AFTER_HOURS,
  FOLLOW_UP_ANSWER_DAYS,
  type FollowUpSummary,
  type PendingFollowUp,
} from './followUps';
export type { NeedState } from './needStates';
export * from './matchRepository';
export type { FollowUp, FollowUpDelivery, FollowedMatch, MatchSide } from './matchFollowUps';
export * from './matcher';
export * from './distanceBand';
export * from './exportedMatch';
export * from './figures';
export * from './jobs';
export * from './notices';
export * from './personalData';
export * from './availability';
export * from './ranking';
export * from './reexamination';
export { sphereDistanceMeters } from './sphereGeometry';
