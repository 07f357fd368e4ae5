/**
 * The PostgreSQL password of a local engine instance, kept in a libpq password file
 * (`host:port:database:user:password`, mode 0600) that PostgreSQL's own client connections
 * (pg_cron, DocumentDB's index builds, psql) find through `PGPASSFILE` and the gateway reads.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The role the gateway and the engine's tools connect as. */
export const POSTGRES_USER = 'postgres';

/** A new random password: 256 bits, base64url (no `:` or `\` that the file format would escape). */
export function newPassword(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The password file's text: the password of {@link POSTGRES_USER} for any host (the instance's
 * socket directory, `localhost`, 127.0.0.1), port and database. Only the instance's own
 * processes are given the file, and SCRAM proves the password without sending it.
 */
export function formatPassfile(password: string): string {
  return `*:*:*:${POSTGRES_USER}:${password}\n`;
}

/** The password of {@link POSTGRES_USER} in a password file's text, if there is one. */
export function parsePassfile(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const fields = line.trim().split(':');
    if (fields.length === 5 && fields[3] === POSTGRES_USER && fields[4]) return fields[4];
  }
  return undefined;
}

/** Reads the password from the file at `path` (a host path); undefined when absent or without one. */
export async function readPassfile(path: string): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return parsePassfile(text);
}
