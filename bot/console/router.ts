/**
 * The console's router: turns {@link ConsoleRoute}s into restify routes under `/console`,
 * behind the sign-in, the session, the CSRF check, the admins' gate and the security headers.
 *
 * @remarks
 * A link opens a page with one button; only its POST uses the link (Messenger fetches link
 * previews with GET). The session cookie is `HttpOnly`, `SameSite=Strict`, and `Secure` when
 * the public URL is https. Every POST must carry the session's CSRF token in `_csrf`. A page
 * without a session answers 401 with the sign-in page; an admins' page 403 for referents.
 * Errors thrown by the modules become French pages: `not_moderator` 403, `not_found` 404,
 * `invalid_state` 409, `invalid_input`/`payload_invalid` 400, anything else 500 (logged by
 * its code only).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Request, Response, Server } from 'restify';
import { CodedError, ErrorCode } from '../../services/errors';
import type { Logger } from '../../services/logger';
import { isEmailAddress } from '../../services/mail';
import {
  SESSION_HOURS,
  type LinkRedemption,
  type LiveSession,
  type Moderator,
} from '../../services/moderation';
import { BodyTooLargeError } from '../routes/rawBody';
import type { ConsoleReply, ConsoleRequest, ConsoleRoute, Staff } from './contract';
import { csrfMatches, readCookie, readForm, securityHeaders, sessionCookie, sessionCookieName } from './http';
import { CONSOLE_BASE, consolePath } from './layout';
import { emailLinkSentPage, errorPage, linkPage, refusedLinkPage, signInPage } from './publicPages';

/** What the router needs of the sign-in (the moderation module's `StaffAccess`). */
export interface ConsoleAccessPort {
  redeem(token: string): Promise<LinkRedemption>;
  session(session: string): Promise<LiveSession | null>;
  signOut(session: string): Promise<boolean>;
}

/** A file served under `/console/static/`. */
export interface StaticFile {
  path: string;
  type: string;
}

/** Options of {@link mountConsole}. */
export interface ConsoleOptions {
  access: ConsoleAccessPort;
  /** The pages (the queue's, the resident's, the map's…). */
  routes: readonly ConsoleRoute[];
  /** The bot's public URL: an https one makes the cookie `Secure`. */
  publicUrl: string;
  logger: Logger;
  /** Files served under `/console/static/<name>` besides the console's own. */
  staticFiles?: Readonly<Record<string, StaticFile>>;
  /** Extra origins images may come from (map tiles). */
  imageSources?: readonly string[];
  /**
   * E-mails a sign-in link to the referent with this address, if there is one (the sign-in
   * page then offers the form); resolves the same way whether or not anyone was e-mailed.
   */
  emailLink?: (email: string) => Promise<void>;
}

/** The console's own static files: its style sheet and htmx. */
export const CONSOLE_STATIC_FILES: Readonly<Record<string, StaticFile>> = {
  'console.css': { path: join(__dirname, 'static', 'console.css'), type: 'text/css; charset=utf-8' },
  'htmx.min.js': {
    path: require.resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** The signed-in person as pages see them. */
export function staffOf(moderator: Moderator): Staff {
  return {
    psid: moderator.psid,
    name: moderator.name,
    role: moderator.role,
    quartierKeys: moderator.role === 'admin' ? [] : [...moderator.quartierKeys],
  };
}

/** Adds the console's routes to `server`. */
export function mountConsole(server: Server, options: ConsoleOptions): void {
  const https = options.publicUrl.startsWith('https:');
  const headers = securityHeaders({ https, imageSources: options.imageSources });
  const cookieName = sessionCookieName(https);
  const files = { ...CONSOLE_STATIC_FILES, ...options.staticFiles };

  const send = (response: Response, status: number, body: string | Buffer, type: string, extra = {}) => {
    response.sendRaw(status, body, { ...headers, 'Content-Type': type, ...extra });
  };
  const page = (response: Response, status: number, vnode: VNode, extra = {}) =>
    send(response, status, `<!doctype html>${render(vnode)}`, 'text/html; charset=utf-8', extra);
  const redirect = (response: Response, to: string, extra = {}) =>
    send(response, 303, '', 'text/plain; charset=utf-8', { Location: to, ...extra });
  const guarded =
    (handler: (request: Request, response: Response) => Promise<void> | void) =>
    async (request: Request, response: Response): Promise<void> => {
      try {
        await handler(request, response);
      } catch (error) {
        const { status, kind } = failureOf(error);
        if (status === 500) options.logger.error('console error', { error: codeOf(error) });
        page(response, status, errorPage(kind));
      }
    };
  const { emailLink } = options;
  const sessionCookieOf = (request: Request) => readCookie(request.headers.cookie, cookieName);

  server.get(
    `${CONSOLE_BASE}/static/:file`,
    guarded(async (request, response) => {
      const file = files[paramsOf(request).file ?? ''];
      if (!file) return page(response, 404, errorPage('notFound'));
      const body = await readFile(file.path);
      send(response, 200, body, file.type, { 'Cache-Control': 'public, max-age=3600' });
    }),
  );

  server.get(
    `${CONSOLE_BASE}/connexion`,
    guarded((_request, response) => page(response, 200, signInPage({ byEmail: emailLink !== undefined }))),
  );
  server.post(
    `${CONSOLE_BASE}/lien-par-email`,
    guarded(async (request, response) => {
      if (!emailLink) return page(response, 404, errorPage('notFound'));
      const email = (await readForm(request)).get('email')?.trim() ?? '';
      if (!isEmailAddress(email)) {
        return page(response, 400, signInPage({ byEmail: true, invalidEmail: true }));
      }
      // The same answer whoever asks: the page never tells whether an address is a referent's.
      await emailLink(email);
      page(response, 200, emailLinkSentPage());
    }),
  );
  server.get(
    `${CONSOLE_BASE}/lien/:token`,
    guarded((request, response) => page(response, 200, linkPage(paramsOf(request).token ?? ''))),
  );
  server.post(
    `${CONSOLE_BASE}/lien`,
    guarded(async (request, response) => {
      const form = await readForm(request);
      const redeemed = await options.access.redeem(form.get('token') ?? '');
      if (!redeemed.ok) {
        options.logger.info('console link refused', { refusal: redeemed.refusal });
        return page(response, redeemed.refusal === 'unknown' ? 400 : 410, refusedLinkPage(redeemed.refusal));
      }
      const cookie = sessionCookie(redeemed.session, SESSION_HOURS * 3600, https);
      redirect(response, consolePath('/'), { 'Set-Cookie': cookie });
    }),
  );
  server.post(
    `${CONSOLE_BASE}/deconnexion`,
    guarded(async (request, response) => {
      const cookie = sessionCookieOf(request);
      const live = cookie ? await options.access.session(cookie) : null;
      const form = await readForm(request);
      if (live && !csrfMatches(form.get('_csrf'), live.csrf)) return page(response, 403, errorPage('csrf'));
      if (cookie) await options.access.signOut(cookie);
      page(response, 200, signInPage({ signedOut: true, byEmail: emailLink !== undefined }), {
        'Set-Cookie': sessionCookie('', 0, https),
      });
    }),
  );

  for (const route of options.routes) {
    const serve = guarded(async (request, response) => {
      const cookie = sessionCookieOf(request);
      const live = cookie ? await options.access.session(cookie) : null;
      if (!live) return page(response, 401, signInPage({ byEmail: emailLink !== undefined }));
      const staff = staffOf(live.moderator);
      let form: URLSearchParams | undefined;
      if (route.method === 'POST') {
        form = await readForm(request);
        if (!csrfMatches(form.get('_csrf'), live.csrf)) return page(response, 403, errorPage('csrf'));
      }
      if (route.adminOnly && staff.role !== 'admin') return page(response, 403, errorPage('forbidden'));
      const url = new URL(request.url ?? '/', 'http://console.invalid');
      const consoleRequest: ConsoleRequest = {
        staff,
        csrf: live.csrf,
        params: paramsOf(request),
        query: url.searchParams,
        ...(form ? { form } : {}),
      };
      answer(response, await route.handle(consoleRequest));
    });
    const paths = route.path === '/' ? [CONSOLE_BASE, `${CONSOLE_BASE}/`] : [`${CONSOLE_BASE}${route.path}`];
    for (const path of paths) {
      if (route.method === 'GET') server.get(path, serve);
      else server.post(path, serve);
    }
  }

  function answer(response: Response, reply: ConsoleReply): void {
    const status = reply.status ?? (reply.redirect !== undefined ? 303 : 200);
    if (reply.redirect !== undefined) {
      const to = reply.redirect.startsWith('/') && !reply.redirect.startsWith('//') ? reply.redirect : '/';
      return redirect(response, to.startsWith(CONSOLE_BASE) ? to : consolePath(to));
    }
    if (reply.html) return page(response, status, reply.html);
    if (reply.csv) {
      const filename = reply.csv.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      return send(response, status, reply.csv.body, 'text/csv; charset=utf-8', {
        'Content-Disposition': `attachment; filename="${filename}"`,
      });
    }
    send(response, status, JSON.stringify(reply.json ?? null), 'application/json; charset=utf-8');
  }
}

function paramsOf(request: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') params[key] = value;
  }
  return params;
}

function codeOf(error: unknown): string {
  return error instanceof CodedError ? error.code : error instanceof Error ? error.name : 'unknown';
}

/** The status and French page of an error thrown by a page or a module. */
function failureOf(error: unknown): {
  status: number;
  kind: 'forbidden' | 'notFound' | 'conflict' | 'badRequest' | 'error';
} {
  if (error instanceof BodyTooLargeError) return { status: 413, kind: 'badRequest' };
  if (!(error instanceof CodedError)) return { status: 500, kind: 'error' };
  switch (error.code) {
    case ErrorCode.NotModerator:
      return { status: 403, kind: 'forbidden' };
    case ErrorCode.NotFound:
      return { status: 404, kind: 'notFound' };
    case ErrorCode.InvalidState:
      return { status: 409, kind: 'conflict' };
    case ErrorCode.InvalidInput:
    case ErrorCode.PayloadInvalid:
      return { status: 400, kind: 'badRequest' };
    default:
      return { status: 500, kind: 'error' };
  }
}
