/**
 * The operators' command line for moderators (`npm run admin -- moderator …`): parsing and
 * running, apart from the process (see `scripts/admin.ts`).
 */
import { CodedError, ErrorCode } from '../errors';
import { loadNeighbourhoods, type Neighbourhood } from '../places';
import { PARIS, type ActiveHours, type TimeRange, type Weekday } from './activeHours';
import type { AuditLog } from './audit';
import { isEmailAddress } from '../mail';
import { ModerationError } from './errors';
import {
  isPsid,
  MODERATOR_ROLES,
  neighbourhoodKey,
  type Moderator,
  type ModeratorChanges,
  type ModeratorRepository,
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

/** A command line that does not follow {@link ADMIN_USAGE}; the script exits with status 2. */
export class UsageError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.UsageInvalid, message);
  }
}

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

/** French (and English) day names, as the command line accepts them. */
const DAY_NAMES: Record<string, Weekday> = {
  lun: 'mon',
  lundi: 'mon',
  mon: 'mon',
  mar: 'tue',
  mardi: 'tue',
  tue: 'tue',
  mer: 'wed',
  mercredi: 'wed',
  wed: 'wed',
  jeu: 'thu',
  jeudi: 'thu',
  thu: 'thu',
  ven: 'fri',
  vendredi: 'fri',
  fri: 'fri',
  sam: 'sat',
  samedi: 'sat',
  sat: 'sat',
  dim: 'sun',
  dimanche: 'sun',
  sun: 'sun',
};
/** Monday first, as the days are read in France. */
const WEEK_FROM_MONDAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `lun-ven`, `lun,mer,ven`, `sam`, `ven-lun` (over the weekend): the days meant. */
export function parseDays(spec: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of spec
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [first, last, extra] = part.split('-').map((p) => p.trim().replace(/\.$/, ''));
    const from = DAY_NAMES[first ?? ''];
    const to = last === undefined ? from : DAY_NAMES[last];
    if (!from || !to || extra !== undefined) {
      throw new UsageError(`--days "${spec}" is not a day, a range (lun-ven) or a list (lun,mer,ven)`);
    }
    let index = WEEK_FROM_MONDAY.indexOf(from);
    for (;;) {
      const day = WEEK_FROM_MONDAY[index];
      days.add(day);
      if (day === to) break;
      index = (index + 1) % WEEK_FROM_MONDAY.length;
    }
  }
  if (days.size === 0) throw new UsageError('--days needs at least one day');
  return WEEK_FROM_MONDAY.filter((day) => days.has(day));
}

/** `9:00`, `09:00`, `9h`, `18h30`, `9` → `HH:MM`; throws {@link UsageError} otherwise. */
export function parseClock(option: string, value: string): string {
  const match = /^(\d{1,2})(?:[:h](\d{2})?)?$/i.exec(value.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? '0');
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new UsageError(`--${option} "${value}" is not a time of day (9:00, 9h, 18h30)`);
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The week set by the `--days`/`--from`/`--to` groups, in Paris time. */
function parseHoursOptions(options: Map<string, string[]>): ActiveHours {
  const days = options.get('days') ?? [];
  const froms = options.get('from') ?? [];
  const tos = options.get('to') ?? [];
  if (days.length === 0) throw new UsageError('--days, --from and --to are required');
  if (froms.length !== days.length || tos.length !== days.length) {
    throw new UsageError('each --days needs its own --from and --to');
  }
  const week: Partial<Record<Weekday, TimeRange[]>> = {};
  days.forEach((spec, index) => {
    const range = {
      from: parseClock('from', froms[index]),
      to: parseClock('to', tos[index]),
    };
    if (range.from >= range.to) throw new UsageError(`--from ${range.from} must be before --to ${range.to}`);
    for (const day of parseDays(spec)) {
      const ranges = [...(week[day] ?? []), range].sort((a, b) => a.from.localeCompare(b.from));
      if (ranges.some((r, i) => i > 0 && r.from < ranges[i - 1].to)) {
        throw new UsageError(`the hours given overlap on ${spec}`);
      }
      week[day] = ranges;
    }
  });
  return { timeZone: PARIS, days: week };
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

/** What running a command needs. */
export interface AdminContext {
  moderators: ModeratorRepository;
  audit: AuditLog;
  /** Writes one line of output. */
  print: (line: string) => void;
  /** Working hours as the referents say them (French, from the conversation layer). */
  hoursText: (hours: ActiveHours) => string;
  /**
   * A one-time console sign-in URL for `psid`; throws {@link ModerationError} `not_moderator`
   * for anyone but an active moderator (the `login-link` command).
   */
  loginLink?: (psid: string) => Promise<string>;
}

/**
 * Runs a command; every change is audited with the actor `cli`.
 *
 * @returns the process exit status (0, or 1 when there was no such moderator).
 */
export async function runAdminCommand(command: AdminCommand, context: AdminContext): Promise<number> {
  const { moderators, audit, print } = context;
  if (command.command === 'list') {
    const all = await moderators.list();
    if (all.length === 0) print('No moderators.');
    for (const m of all) print(describe(m, context));
    return 0;
  }
  if (command.command === 'login-link') {
    if (!context.loginLink) throw new UsageError('login-link is not available here');
    try {
      const url = await context.loginLink(command.psid);
      print(`Console sign-in link for ${command.psid} (valid 15 minutes, usable once):`);
      print(url);
      return 0;
    } catch (error) {
      if (!(error instanceof ModerationError) || error.code !== ErrorCode.NotModerator) throw error;
      print(`Refused: ${command.psid} is not an active moderator or admin; no console link.`);
      return 1;
    }
  }
  const target = { type: 'moderator' as const, id: command.psid };
  const missing = (): number => {
    print(`No moderator with psid ${command.psid}.`);
    return 1;
  };
  switch (command.command) {
    case 'show': {
      const moderator = await moderators.get(command.psid);
      if (!moderator) return missing();
      print(describe(moderator, context));
      return 0;
    }
    case 'remove': {
      if (!(await moderators.remove(command.psid))) return missing();
      await audit.record('cli', 'moderator.remove', target);
      print(`Removed moderator ${command.psid}.`);
      return 0;
    }
    case 'edit':
    case 'hours': {
      const changes = command.command === 'edit' ? command.changes : { activeHours: command.hours };
      const moderator = await moderators.update(command.psid, changes);
      if (!moderator) return missing();
      await audit.record('cli', command.command === 'edit' ? 'moderator.update' : 'moderator.hours', target);
      print(`Updated ${moderator.role} ${moderator.psid} (${moderator.name}).`);
      print(describe(moderator, context));
      return 0;
    }
    case 'email': {
      if (!(await moderators.setEmail(command.psid, command.email))) return missing();
      await audit.record(
        'cli',
        'moderator.update',
        target,
        command.email === null ? 'email_removed' : 'email_set',
      );
      print(
        `${command.email === null ? 'Removed the e-mail of' : 'Set the e-mail of'} moderator ${command.psid}.`,
      );
      return 0;
    }
    case 'add': {
      const { created, moderator } = await moderators.upsert({
        psid: command.psid,
        name: command.name,
        quartiers: command.quartiers,
        role: command.role,
        ...(command.email ? { email: command.email } : {}),
      });
      await audit.record('cli', created ? 'moderator.add' : 'moderator.update', target, moderator.role);
      print(`${created ? 'Added' : 'Updated'} ${moderator.role} ${moderator.psid} (${moderator.name}).`);
      return 0;
    }
  }
}

/** One line per moderator: psid, name, role, status, neighbourhoods, working hours, e-mail. */
function describe(m: Moderator, context: AdminContext): string {
  const status = m.active ? 'active' : 'inactive';
  return `${m.psid}\t${m.name}\t${m.role}\t${status}\t${m.quartiers.join(', ') || '(all)'}\t${context.hoursText(m.activeHours)}\t${m.email ?? '(no e-mail)'}`;
}
