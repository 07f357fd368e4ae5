/**
 * The answer to an m.me link the resident opened (a `referral`, or the Get Started of a first
 * contact carrying one): never silence.
 *
 * @remarks
 * - A neighbourhood's poster (`q.<id>`): "Vous avez scanné l'affiche du quartier …", then the
 *   welcome; the neighbourhood is remembered in the conversation state, and the entry form's
 *   place question offers it (see dialogs/entry/textFields.ts).
 * - The town's poster (`ville`), or a ref that says nothing we know: the welcome.
 * - A signed request link e-mailed to a helper (bot/helperMail.ts), opened by that helper
 *   while the request waits for them: "Un voisin a besoin de vous", then the request with the
 *   same buttons as in Messenger. Opened by anyone else: the welcome, as if there were no ref.
 *   Expired or forged, or the request answered meanwhile: a sentence that says so, and the menu.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { t } from '../services/i18n';
import { loadNeighbourhoods, type Neighbourhood } from '../services/places';
import type { ReadRef } from '../services/referrals';
import { renderNotice } from './notices';
import type { MatchingPort } from './ports';
import { withMenu } from './replies';

/** Where the resident came from, kept in the conversation state (property `origin`). */
export interface ReferralOrigin {
  /** The neighbourhood of the poster they scanned. */
  neighbourhoodId: string;
}

/** Reads a ref received from Meta (services/referrals' `readRef` with the link secret and the clock). */
export interface ReferralsPort {
  read(raw: string): ReadRef;
}

/** What the answer calls. */
export interface ReferralAnswerDeps {
  referrals: ReferralsPort;
  matching: Pick<MatchingPort, 'requestAwaiting'>;
  /** The welcome (or the referents' menu), after `intro` when given: the router's. */
  welcome(context: TurnContext, intro?: string): Promise<unknown>;
}

/** The turn's key of the neighbourhood the resident came from (set by the main dialog). */
const ORIGIN_KEY = Symbol('referralOrigin');

/** Makes the conversation's origin known to the dialogs of this turn (see {@link referredNeighbourhood}). */
export function rememberOriginForTurn(context: TurnContext, origin: ReferralOrigin | undefined): void {
  if (origin) context.turnState.set(ORIGIN_KEY, origin);
}

/** The neighbourhood of the poster this conversation started from, if any. */
export function referredNeighbourhood(context: TurnContext): Neighbourhood | undefined {
  const origin = context.turnState.get<ReferralOrigin | undefined>(ORIGIN_KEY);
  return origin ? neighbourhoodById(origin.neighbourhoodId) : undefined;
}

/** Answers the link's ref `raw`; a poster's neighbourhood is stored with `origin`. */
export async function answerReferral(
  context: TurnContext,
  raw: string,
  deps: ReferralAnswerDeps,
  origin: StatePropertyAccessor<ReferralOrigin>,
): Promise<void> {
  const read = deps.referrals.read(raw);
  if (!read.ok) {
    if (read.reason === 'malformed') await deps.welcome(context);
    else await context.sendActivity(withMenu(t('referral.expired')));
    return;
  }
  const { ref } = read;
  if (ref.kind === 'town') {
    await deps.welcome(context);
    return;
  }
  if (ref.kind === 'neighbourhood') {
    const place = neighbourhoodById(ref.neighbourhoodId);
    if (!place) {
      await deps.welcome(context);
      return;
    }
    const remembered: ReferralOrigin = { neighbourhoodId: place.id };
    await origin.set(context, remembered);
    rememberOriginForTurn(context, remembered);
    await deps.welcome(context, t('referral.neighbourhood', { place: place.name }));
    return;
  }
  const request = await deps.matching.requestAwaiting(ref.subject, context.activity.from.id);
  if (request.status === 'not_theirs') {
    // Someone else's link (forwarded, guessed): nothing of the request is shown.
    await deps.welcome(context);
  } else if (request.status === 'waiting') {
    await context.sendActivity(t('referral.helperAsked'));
    await context.sendActivity(renderNotice(request.notice));
  } else {
    await context.sendActivity(withMenu(t('referral.answered')));
  }
}

function neighbourhoodById(id: string): Neighbourhood | undefined {
  return loadNeighbourhoods().find((place) => place.id === id);
}
