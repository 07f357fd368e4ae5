/**
 * The one error type every Graph API client raises, with Meta's codes and a verdict on
 * whether trying again can help.
 */
import { CodedError, ErrorCode } from '../errors';

/**
 * Permanent failures that callers handle differently from a plain bug:
 * - `user_unavailable`: the person blocked the Page or cannot be reached (551, 200/1545041);
 * - `outside_window`: the 24-hour window is closed (10/2018278);
 * - `invalid_recipient`: no such person for this Page (100/2018001).
 */
export type GraphPermanentReason = 'user_unavailable' | 'outside_window' | 'invalid_recipient';

/** What is known about a failed Graph call. */
export interface GraphErrorDetails {
  /** HTTP status; undefined when no response arrived. */
  status?: number;
  /** `error.code` of Meta's body. */
  graphCode?: number;
  /** `error.error_subcode` of Meta's body. */
  subcode?: number;
  /** `error.type` of Meta's body (for example `OAuthException`). */
  graphType?: string;
  /** `error.fbtrace_id`, to quote to Meta's support. */
  fbtraceId?: string;
  /** `error.message` of Meta's body (kept out of `message`; Meta's wording, no user data). */
  graphMessage?: string;
  /** Low-level code of a network failure (`ECONNREFUSED`, `ECONNABORTED`…). */
  networkCode?: string;
  /** Whether no response arrived before the timeout. */
  timedOut?: boolean;
  /** `METHOD /path` of the call, without query string (so without the token). */
  endpoint: string;
}

/** Graph codes that mean "slow down" or "temporarily unavailable". */
const TRANSIENT_CODES = new Set([2, 4, 17, 32, 613, 1200]);

/**
 * A failed Graph API call.
 *
 * @remarks
 * The message names the endpoint, the status and Meta's codes, never the access token nor
 * the body sent. The underlying axios error is deliberately NOT kept as `cause`: its
 * `config` holds the token and the message contents.
 */
export class GraphError extends CodedError {
  readonly status: number | undefined;
  readonly graphCode: number | undefined;
  readonly subcode: number | undefined;
  readonly graphType: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly graphMessage: string | undefined;
  readonly networkCode: string | undefined;
  readonly endpoint: string;
  /** Set for the permanent failures callers act upon; see {@link GraphPermanentReason}. */
  readonly permanentReason: GraphPermanentReason | undefined;

  /** `transient` is true when the same call may succeed later (5xx, throttling, network, timeout). */
  constructor(details: GraphErrorDetails) {
    const permanentReason = classifyPermanent(details.graphCode, details.subcode);
    super(ErrorCode.GraphRequestFailed, describe(details), {
      transient: permanentReason === undefined && isTransientCall(details),
    });
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.subcode = details.subcode;
    this.graphType = details.graphType;
    this.fbtraceId = details.fbtraceId;
    this.graphMessage = details.graphMessage;
    this.networkCode = details.networkCode;
    this.endpoint = details.endpoint;
    this.permanentReason = permanentReason;
  }
}

/** Tells whether `error` is a {@link GraphError} that is worth retrying. */
export function isTransientGraphError(error: unknown): boolean {
  return error instanceof GraphError && error.transient;
}

function classifyPermanent(
  code: number | undefined,
  subcode: number | undefined,
): GraphPermanentReason | undefined {
  if (code === 551 || (code === 200 && subcode === 1545041)) return 'user_unavailable';
  if (code === 10 && subcode === 2018278) return 'outside_window';
  if (code === 100 && subcode === 2018001) return 'invalid_recipient';
  return undefined;
}

function isTransientCall(details: GraphErrorDetails): boolean {
  if (details.status === undefined) return true;
  if (details.status >= 500 || details.status === 429) return true;
  return details.graphCode !== undefined && TRANSIENT_CODES.has(details.graphCode);
}

function describe(details: GraphErrorDetails): string {
  const parts = [`Graph ${details.endpoint} failed`];
  if (details.timedOut) parts.push('timeout');
  else if (details.status === undefined) parts.push(`network ${details.networkCode ?? 'error'}`);
  else parts.push(`status ${details.status}`);
  if (details.graphCode !== undefined) parts.push(`code ${details.graphCode}`);
  if (details.subcode !== undefined) parts.push(`subcode ${details.subcode}`);
  if (details.fbtraceId !== undefined) parts.push(`fbtrace_id ${details.fbtraceId}`);
  return parts.join(', ');
}
