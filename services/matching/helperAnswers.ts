/**
 * A helper's answer to a request: accepted, both entries become matched and the residents
 * learn the contact the other agreed to share; declined, the need moves on.
 */
import type { Resident } from '../domain/types';
import { reached } from '../messaging/notifier';
import type { StoredMatch } from './matchDocuments';
import type { MoveOnOutcome, MovingOn } from './movingOn';
import type { SharedContact } from './notices';
import type { MatchingPorts } from './ports';

/** What became of a helper's answer to a request. */
export type RequestAnswerOutcome =
  /** The match is unknown, not the helper's, or no longer waiting for an answer. */
  | { status: 'stale' }
  /** Declined: the need moved on. */
  | { status: 'declined'; next: MoveOnOutcome }
  /**
   * Accepted: both entries are matched and the asker was told (when `askerTold`) what the
   * helper shares; the helper is to be told `askerContact` (null: through a referent), and,
   * when `offerUsedUp` (a one-off offer), that their offer is now closed.
   */
  | {
      status: 'accepted';
      match: StoredMatch;
      askerContact: SharedContact | null;
      askerTold: boolean;
      offerUsedUp: boolean;
    };

/** The contact details `resident` agreed to share, or null for "through the page only". */
export function sharedContactOf(resident: Resident | null): SharedContact | null {
  if (!resident) return null;
  const { channels, phone, email } = resident.contact;
  const shared: SharedContact = {};
  if (channels.includes('phone') && phone) shared.phone = phone;
  if (channels.includes('email') && email) shared.email = email;
  return shared.phone || shared.email ? shared : null;
}

/** The ports {@link HelperAnswers} calls. */
export type HelperAnswerPorts = Pick<
  MatchingPorts,
  'matches' | 'entries' | 'residents' | 'attention' | 'notices'
>;

/** Helpers' answers to requests. */
export class HelperAnswers {
  constructor(
    private readonly ports: HelperAnswerPorts,
    private readonly movingOn: MovingOn,
  ) {}

  /**
   * A helper's answer to a request. Accepted: the entries become matched, the asker is told
   * what the helper shares, and a contact through the page only flags the conversation for
   * a referent. Declined: the need moves on to the next nearest helper (see
   * {@link MovingOn.moveOn}). Only the offer's owner can answer, once.
   */
  async answerRequest(matchId: string, helperPsid: string, accepted: boolean): Promise<RequestAnswerOutcome> {
    const { matches, attention } = this.ports;
    if (!accepted) {
      const declined = await matches.decline(matchId, helperPsid);
      if (!declined) return { status: 'stale' };
      return { status: 'declined', next: await this.movingOn.moveOn(declined, 'declined') };
    }
    const match = await matches.accept(matchId, helperPsid);
    if (!match) return { status: 'stale' };
    await this.ports.entries.markMatched(match.needId, match.offerId);
    const offer = await this.ports.entries.get(match.offerId);
    const offerUsedUp = offer?.status === 'matched' && offer.recurring !== true;
    const [asker, helper] = await Promise.all([
      this.ports.residents.get(match.needPsid),
      this.ports.residents.get(helperPsid),
    ]);
    const askerContact = sharedContactOf(asker);
    const helperContact = sharedContactOf(helper);
    if (!askerContact || !helperContact) {
      await attention.flag(match.needPsid, 'asked_for_human', `contact_via_referent ${matchId}`);
    }
    const told = await this.ports.notices.notify(match.needPsid, {
      type: 'matching.requestAccepted',
      category: match.category,
      helperContact,
    });
    if (!reached(told)) await attention.flag(match.needPsid, 'match_outside_window', matchId);
    return { status: 'accepted', match, askerContact, askerTold: reached(told), offerUsedUp };
  }
}
