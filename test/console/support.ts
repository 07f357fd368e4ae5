/**
 * The console over the real application: referents registered in the database, links
 * issued by the real {@link StaffAccess}, sign-in through the real HTTP routes.
 */
import type { NewModerator } from '../../services/moderation';
import { startTestApp, type TestApp } from '../support/testApp';

/** A browser-like client: one cookie jar, manual redirects. */
export interface ConsoleClient {
  /** The session cookie (`name=value`), once signed in. */
  cookie?: string;
  get(path: string): Promise<Response>;
  /** POSTs a form; `_csrf` is added from the last page read unless `csrf` says otherwise. */
  post(path: string, form: Record<string, string>, options?: { csrf?: string | null }): Promise<Response>;
  /** The CSRF token of the last page read. */
  csrf?: string;
  /** Reads a page's body and remembers its CSRF token. */
  read(response: Response): Promise<string>;
}

/** The application with the console, and helpers to sign in. */
export interface ConsoleApp {
  test: TestApp;
  addModerator(input: NewModerator): Promise<void>;
  /** A fresh sign-in token for `psid` (throws for a non-moderator). */
  token(psid: string): Promise<string>;
  client(): ConsoleClient;
  /** A client signed in as `psid`. */
  signedIn(psid: string): Promise<ConsoleClient>;
  stop(): Promise<void>;
}

/** Starts the application and returns the console's helpers. */
export async function startConsoleApp(options: Parameters<typeof startTestApp>[0] = {}): Promise<ConsoleApp> {
  const test = await startTestApp(options);
  const { container } = test.app;
  const client = (): ConsoleClient => {
    const jar: ConsoleClient = {
      async get(path) {
        return fetch(`${test.baseUrl}${path}`, {
          redirect: 'manual',
          headers: jar.cookie ? { cookie: jar.cookie } : {},
        });
      },
      async post(path, form, { csrf } = {}) {
        const body = new URLSearchParams(form);
        const token = csrf === undefined ? jar.csrf : csrf;
        if (token !== null && token !== undefined && !body.has('_csrf')) body.set('_csrf', token);
        const response = await fetch(`${test.baseUrl}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...(jar.cookie ? { cookie: jar.cookie } : {}),
          },
          body: body.toString(),
        });
        const set = response.headers.get('set-cookie');
        if (set) jar.cookie = set.split(';')[0];
        return response;
      },
      async read(response) {
        const html = await response.text();
        const match = /name="_csrf" value="([^"]+)"/.exec(html);
        if (match) jar.csrf = match[1];
        return html;
      },
    };
    return jar;
  };
  const token = async (psid: string) => (await container.get('staffAccess').issueLink(psid)).token;
  return {
    test,
    async addModerator(input) {
      await container.get('moderation').moderators.upsert(input);
    },
    token,
    client,
    async signedIn(psid) {
      const browser = client();
      const response = await browser.post('/console/lien', { token: await token(psid) }, { csrf: null });
      if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
      await browser.read(await browser.get('/console/'));
      return browser;
    },
    stop: () => test.stop(),
  };
}
