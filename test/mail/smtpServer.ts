/**
 * A local SMTP server for the tests (smtp-server on 127.0.0.1, a free port): it keeps every
 * message it accepts, decoded (subject and plain text), and can refuse the next ones (quoting
 * the recipient, as real servers do) or hold its answer, like a stalled server.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** The running server. */
export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`. */
  url: string;
  received: ReceivedMail[];
  /** Refuses the next `count` messages with SMTP code `code` (451: try later, 550: refused). */
  refuseNext(count: number, code: number): void;
  /** Holds the answer to every message until {@link release} (a server that stalls). */
  hold(): void;
  /** Answers the held messages and stops holding. */
  release(): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 and a port the system picks. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = { count: 0, code: 451 };
  let holding = false;
  const held: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (holding) {
          held.push(() => answer());
          return;
        }
        answer();
      });
      const answer = (): void => {
        if (refusals.count > 0) {
          refusals = { ...refusals, count: refusals.count - 1 };
          const recipients = session.envelope.rcptTo.map((rcpt) => `<${rcpt.address}>`).join(', ');
          const error = Object.assign(new Error(`${recipients}: refused by the test`), {
            responseCode: refusals.code,
          });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({
          from,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ...decodeMessage(raw),
          raw,
        });
        callback();
      };
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count, code) {
      refusals = { count, code };
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The subject and the plain-text part of a message as nodemailer writes it. */
function decodeMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string): string =>
    new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(
    /=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi,
    (_whole, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { subject: subject.trim(), text: text.replace(/\r\n/g, '\n') };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const clean = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < clean.length; i += 1) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(clean[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
