/**
 * The referrals module: the refs of m.me links (public for posters, signed for personal
 * links) and reading them back from Meta's `referral` events. Its public API.
 */
export * from './refs';
