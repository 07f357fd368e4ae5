/**
 * The Debian mirror the host already uses, read from its APT configuration at run time.
 */
import { readFile } from 'node:fs/promises';

/** The first non-security `URIs:` of a deb822 `.sources` file. */
export function mirrorFromDeb822(text: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string): string | undefined =>
      new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza)?.[1]?.trim();
    const types = field('Types') ?? '';
    const suites = field('Suites') ?? '';
    const uri = field('URIs')?.split(/\s+/)[0];
    if (uri && /\bdeb\b/.test(types) && !/security/.test(suites) && !/security/.test(uri)) return uri;
  }
  return undefined;
}

/** The first non-security `deb` line's URI of a one-line-style `sources.list`. */
export function mirrorFromSourcesList(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const match = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (match?.[1] && !/security/.test(match[1]) && !/security/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The host's Debian mirror, from debian.sources, then sources.list. */
export async function hostDebianMirror(): Promise<string | undefined> {
  const deb822 = await readIfPresent('/etc/apt/sources.list.d/debian.sources');
  const fromDeb822 = deb822 === undefined ? undefined : mirrorFromDeb822(deb822);
  if (fromDeb822) return fromDeb822;
  const list = await readIfPresent('/etc/apt/sources.list');
  return list === undefined ? undefined : mirrorFromSourcesList(list);
}
