/**
 * What every page of the referents' console is written against: who is signed in, what a
 * page receives, and what it answers. The console's router (sign-in, sessions, CSRF, CSP,
 * the layout) turns a {@link ConsoleRoute} into a restify route; pages never see restify.
 */
import type { VNode } from 'preact';

/** A signed-in referent or admin, as a page may rely on it. */
export interface Staff {
  psid: string;
  name: string;
  role: 'moderator' | 'admin';
  /** Neighbourhood keys the referent follows; empty means every neighbourhood (admins too). */
  quartierKeys: readonly string[];
}

/** Where a page sits in the console's navigation. */
export type ConsoleSection = 'queue' | 'residents' | 'map' | 'dashboard' | 'referents';

/** What a page handler receives (already authenticated; a POST's CSRF token already checked). */
export interface ConsoleRequest {
  staff: Staff;
  /** The session's CSRF token, for the forms the page renders. */
  csrf: string;
  /** Path parameters (`:id`). */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** A POST's url-encoded form, or undefined on GET. */
  form?: URLSearchParams;
}

/** What a page handler answers: exactly one of `html`, `json`, `csv`, `redirect`. */
export interface ConsoleReply {
  status?: number;
  /** A full page (the handler wraps its content in the layout itself). */
  html?: VNode;
  json?: unknown;
  csv?: { filename: string; body: string };
  /** A path under the console to go to after a POST (303). */
  redirect?: string;
}

/** One console route. */
export interface ConsoleRoute {
  method: 'GET' | 'POST';
  /** Path under `/console` (`/carte`, `/residents/:psid`). */
  path: string;
  /** Only admins may open it (referents get a French 403 page). */
  adminOnly?: boolean;
  handle(request: ConsoleRequest): Promise<ConsoleReply>;
}
