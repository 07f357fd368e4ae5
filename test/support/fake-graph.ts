/**
 * A real HTTP server on 127.0.0.1 playing the Graph API, recording every call and failing
 * on demand, so that Graph clients are tested over real HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface RecordedCall {
  method: string;
  /** Path without the version prefix, for example `/me/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** Status the fake answered. */
  status?: number;
}

/** A programmed Graph failure. */
export interface FailureSpec {
  status: number;
  code: number;
  subcode?: number;
  message?: string;
}

/** What a {@link FakeGraph.respond} handler returns. */
export interface FakeResponse {
  status?: number;
  body: unknown;
}

/** Answers a call; may be slow (to test timeouts). */
export type FakeHandler = (call: RecordedCall) => FakeResponse | Promise<FakeResponse>;

/** The running fake. */
export interface FakeGraph {
  /** Base URL without version, for `graphApiUrl`. */
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Resolves with the matching calls once `count` of them arrived; rejects after `timeoutMs`. */
  waitForCalls(
    predicate: (call: RecordedCall) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<RecordedCall[]>;
  /** The next `n` calls fail with `spec`. */
  failNext(n: number, spec: FailureSpec): void;
  /** Every `k`-th call from now on fails with `spec`. */
  failEvery(k: number, spec: FailureSpec): void;
  /** Overrides the answer for paths equal to (string) or matching (RegExp) `pathPattern`. */
  respond(pathPattern: string | RegExp, handler: FakeHandler): void;
  /** Forgets calls, failures and overrides. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a fake Graph API on a random port of 127.0.0.1. */
export async function startFakeGraph(): Promise<FakeGraph> {
  const calls: RecordedCall[] = [];
  let failures: { remaining: number; spec: FailureSpec } | undefined;
  let periodic: { every: number; seen: number; spec: FailureSpec } | undefined;
  let overrides: { pattern: string | RegExp; handler: FakeHandler }[] = [];
  let sequence = 0;
  const waiters = new Set<() => void>();

  const answer = async (call: RecordedCall): Promise<FakeResponse> => {
    if (failures && failures.remaining > 0) {
      failures.remaining -= 1;
      return graphFailure(failures.spec);
    }
    if (periodic) {
      periodic.seen += 1;
      if (periodic.seen % periodic.every === 0) return graphFailure(periodic.spec);
    }
    const override = overrides.find(({ pattern }) =>
      typeof pattern === 'string' ? pattern === call.path : pattern.test(call.path),
    );
    if (override) return override.handler(call);
    sequence += 1;
    return defaultAnswer(call, sequence);
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      path: url.pathname.replace(/^\/v\d+\.\d+/, ''),
      query: Object.fromEntries(url.searchParams),
      body: parseBody(await readBody(request)),
    };
    calls.push(call);
    let result: FakeResponse;
    try {
      result = await answer(call);
    } catch {
      result = { status: 500, body: { error: { message: 'fake handler failed', code: 1 } } };
    }
    call.status = result.status ?? 200;
    for (const wake of [...waiters]) wake();
    if (response.destroyed) return;
    response.writeHead(call.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(result.body));
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    waitForCalls(predicate, count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const matching = calls.filter(predicate);
          if (matching.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(matching);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Graph: expected ${count} matching call(s), got ${calls.filter(predicate).length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(n, spec) {
      failures = { remaining: n, spec };
    },
    failEvery(k, spec) {
      periodic = { every: k, seen: 0, spec };
    },
    respond(pathPattern, handler) {
      overrides.unshift({ pattern: pathPattern, handler });
    },
    reset() {
      calls.length = 0;
      failures = undefined;
      periodic = undefined;
      overrides = [];
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function graphFailure(spec: FailureSpec): FakeResponse {
  return {
    status: spec.status,
    body: {
      error: {
        message: spec.message ?? `(#${spec.code}) fake failure`,
        type: 'OAuthException',
        code: spec.code,
        ...(spec.subcode === undefined ? {} : { error_subcode: spec.subcode }),
        fbtrace_id: 'FakeTrace123',
      },
    },
  };
}

function defaultAnswer(call: RecordedCall, sequence: number): FakeResponse {
  const body = (call.body ?? {}) as { recipient?: { id?: string }; sender_action?: string };
  if (call.method === 'POST' && call.path === '/me/messages') {
    const recipient_id = body.recipient?.id;
    return {
      body: body.sender_action ? { recipient_id } : { recipient_id, message_id: `m_fake_${sequence}` },
    };
  }
  if (call.method === 'POST' && /^\/me\/(pass|take|request)_thread_control$/.test(call.path)) {
    return { body: { success: true } };
  }
  if (call.method === 'GET' && call.path === '/me/thread_owner') {
    return { body: { data: [{ thread_owner: { app_id: '1111' } }] } };
  }
  if (call.method === 'POST' && call.path === '/me/messenger_profile') return { body: { result: 'success' } };
  const pageMessages = /^\/\d+\/messages$/.exec(call.path);
  const commentRecipient = (body.recipient as { comment_id?: unknown } | undefined)?.comment_id;
  if (call.method === 'POST' && pageMessages && typeof commentRecipient === 'string') {
    // A private reply to a comment: Meta answers with the new conversation's recipient.
    return { body: { recipient_id: `psid_of_${commentRecipient}`, message_id: `m_fake_${sequence}` } };
  }
  if (call.method === 'POST' && /^\/\d+_\d+(_\w+)?\/comments$/.test(call.path)) {
    return { body: { id: `${call.path.split('/')[1]}_reply_${sequence}` } };
  }
  if (call.method === 'POST' && /^\/\d+_\d+(_\w+)?$/.test(call.path) && 'is_hidden' in body) {
    return { body: { success: true } };
  }
  const feed = /^\/(\d+)\/feed$/.exec(call.path);
  if (call.method === 'POST' && feed) return { body: { id: `${feed[1]}_${sequence}` } };
  if (call.method === 'DELETE') return { body: { success: true } };
  const profile = /^\/(\d+)$/.exec(call.path);
  if (call.method === 'GET' && profile) return { body: { first_name: 'Camille', id: profile[1] } };
  return graphFailure({
    status: 404,
    code: 803,
    message: `fake Graph: no route for ${call.method} ${call.path}`,
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}
