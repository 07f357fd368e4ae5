/**
 * Parsing the operators' command line for moderators (`npm run admin -- moderator …`): the
 * usage text, the commands it names, their options checked (psid, neighbourhoods known to
 * the town, role, e-mail, working hours); running them is adminCli.ts.
 */
import { isEmailAddress } from '../mail';
import { loadNeighbourhoods, type Neighbourhood } from '../places';
import type { ActiveHours } from './activeHours';
import { parseHoursOptions } from './adminHours';
import { UsageError } from './errors';
import {
  isPsid,
  MODERATOR_ROLES,
  neighbourhoodKey,
  type ModeratorChanges,
  type ModeratorRole,
} from './moderatorRepository';

/** The town's neighbourhoods, the only names `--quartier` accepts. */
const KNOWN_NEIGHBOURHOODS = loadNeighbourhoods();

/** The usage text shown on a usage error. */
export const ADMIN_USAGE = [
  'Usage:',
  '  npm run admin -- moderator add --psid ID --name NAME --quartier Q [--quartier Q2 …] [--role moderator|admin] [--email ADDR]',
  '  npm run admin -- moderator email --psid ID --email ADDR|none',
  '  npm run admin -- moderator edit --psid ID [--name NAME] [--quartier Q …] [--role moderator|admin] [--active yes|no] [--email ADDR|none]',
  '  npm run admin -- moderator hours --psid ID --days lun-ven --from 9:00 --to 18:00 [--days sam --from 9:00 --to 12:00 …]',
  '  npm run admin -- moderator list',
  '  npm run admin -- moderator show --psid ID',
  '  npm run admin -- moderator remove --psid ID',
  '  npm run admin -- login-link --psid ID    (prints a one-time console sign-in link as its last line)',
  '',
  'Neighbourhoods (--quartier): ' + KNOWN_NEIGHBOURHOODS.map((n) => n.name).join(', ') + '.',
  'Days (--days): lun mar mer jeu ven sam dim, a range (lun-ven) or a list (lun,mer,ven); hours in',
  'Paris time (9:00, 9h, 18h30). Each --days pairs with the --from and --to that follow it; the',
  'groups given replace the whole week.',
].join('\n');

/** A parsed command. */
export type AdminCommand =
  | { command: 'add'; psid: string; name: string; quartiers: string[]; role: ModeratorRole; email?: string }
  | { command: 'email'; psid: string; email: string | null }
  | { command: 'edit'; psid: string; changes: ModeratorChanges }
  | { command: 'hours'; psid: string; hours: ActiveHours }
  | { command: 'list' }
  | { command: 'show'; psid: string }
  | { command: 'remove'; psid: string }
  | { command: 'login-link'; psid: string };

const ALLOWED: Record<Exclude<AdminCommand['command'], 'login-link'>, string[]> = {
  add: ['psid', 'name', 'quartier', 'role', 'email'],
  edit: ['psid', 'name', 'quartier', 'role', 'active', 'email'],
  email: ['psid', 'email'],
  hours: ['psid', 'days', 'from', 'to'],
  list: [],
  show: ['psid'],
  remove: ['psid'],
};

/** Parses `argv` (without node and the script); throws {@link UsageError}. */
export function parseAdminCommand(argv: readonly string[]): AdminCommand {
  const [area, action, ...rest] = argv;
  if (area === 'login-link') return parseLoginLink(argv.slice(1));
  if (area !== 'moderator') {
    throw new UsageError(`unknown command "${area ?? ''}": expected "moderator" or "login-link"`);
  }
  const options = parseOptions(rest);
  const known =
    action !== undefined && Object.hasOwn(ALLOWED, action)
      ? ALLOWED[action as keyof typeof ALLOWED]
      : undefined;
  if (!known)
    throw new UsageError(`unknown action "${action ?? ''}": expected ${Object.keys(ALLOWED).join(', ')}`);
  for (const name of options.keys()) {
    if (!known.includes(name)) throw new UsageError(`--${name} is not an option of "moderator ${action}"`);
  }
  const single = (name: string): string | undefined => {
    const values = options.get(name);
    if (values && values.length > 1) throw new UsageError(`--${name} given more than once`);
    return values?.[0];
  };
  if (action === 'list') return { command: 'list' };
  const psid = single('psid');
  if (psid === undefined) throw new UsageError('--psid is required');
  if (!isPsid(psid)) throw new UsageError('--psid must be the digits of a page-scoped id');
  if (action === 'remove' || action === 'show') return { command: action, psid };
  if (action === 'hours') return { command: 'hours', psid, hours: parseHoursOptions(options) };
  const email = single('email')?.trim();
  if (email !== undefined && email !== 'none' && !isEmailAddress(email)) {
    throw new UsageError('--email must be an e-mail address (or none, to remove it)');
  }
  if (action === 'email') {
    if (email === undefined) throw new UsageError('--email is required');
    return { command: 'email', psid, email: email === 'none' ? null : email };
  }
  const name = single('name')?.trim();
  const quartiers = options.has('quartier') ? knownNeighbourhoods(options.get('quartier') ?? []) : undefined;
  const role = single('role');
  if (role !== undefined && !(MODERATOR_ROLES as readonly string[]).includes(role)) {
    throw new UsageError('--role must be moderator or admin');
  }
  if (action === 'edit') {
    const active = single('active');
    if (active !== undefined && active !== 'yes' && active !== 'no')
      throw new UsageError('--active must be yes or no');
    if (name === '') throw new UsageError('--name must not be empty');
    const changes: ModeratorChanges = {
      ...(name !== undefined ? { name } : {}),
      ...(quartiers ? { quartiers } : {}),
      ...(role !== undefined ? { role: role as ModeratorRole } : {}),
      ...(active !== undefined ? { active: active === 'yes' } : {}),
      ...(email !== undefined ? { email: email === 'none' ? null : email } : {}),
    };
    if (Object.keys(changes).length === 0)
      throw new UsageError('nothing to change: give --name, --quartier, --role, --active or --email');
    return { command: 'edit', psid, changes };
  }
  if (!name) throw new UsageError('--name is required');
  if (!quartiers) throw new UsageError('at least one --quartier is required');
  if (email === 'none') throw new UsageError('--email none is for "moderator email" or "moderator edit"');
  return {
    command: 'add',
    psid,
    name,
    quartiers,
    role: (role ?? 'moderator') as ModeratorRole,
    ...(email ? { email } : {}),
  };
}

/**
 * The neighbourhoods named (by name, id or a known alias, ignoring case and accents), as
 * their display names; throws {@link UsageError} listing the known ones for any other name.
 */
export function knownNeighbourhoods(names: readonly string[]): string[] {
  const trimmed = names.map((name) => name.trim()).filter(Boolean);
  if (trimmed.length === 0) throw new UsageError('at least one --quartier is required');
  const unknown = trimmed.filter((name) => neighbourhoodNamed(name) === undefined);
  if (unknown.length > 0) {
    const known = KNOWN_NEIGHBOURHOODS.map((n) => n.name).join(', ');
    const quoted = unknown.map((name) => `"${name}"`).join(', ');
    throw new UsageError(`unknown neighbourhood ${quoted}: the known neighbourhoods are ${known}`);
  }
  return [...new Set(trimmed.map((name) => (neighbourhoodNamed(name) as Neighbourhood).name))];
}

function neighbourhoodNamed(name: string): Neighbourhood | undefined {
  const key = neighbourhoodKey(name);
  return KNOWN_NEIGHBOURHOODS.find(
    (n) =>
      n.id === key ||
      neighbourhoodKey(n.name) === key ||
      n.aliases.some((alias) => neighbourhoodKey(alias) === key),
  );
}

function parseLoginLink(args: readonly string[]): AdminCommand {
  const options = parseOptions(args);
  for (const name of options.keys()) {
    if (name !== 'psid') throw new UsageError(`--${name} is not an option of "login-link"`);
  }
  const psids = options.get('psid') ?? [];
  if (psids.length !== 1) throw new UsageError('login-link needs exactly one --psid');
  const psid = psids[0] ?? '';
  if (!isPsid(psid)) throw new UsageError('--psid must be the digits of a page-scoped id');
  return { command: 'login-link', psid };
}

function parseOptions(args: readonly string[]): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1];
    let value = match[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i += 1;
    }
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return options;
}
