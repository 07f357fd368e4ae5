/**
 * The operators' command line for moderators (`npm run admin -- moderator …`): parsing and
 * running, apart from the process (see `scripts/admin.ts`).
 */
import { CodedError, ErrorCode } from '../errors';
import type { AuditLog } from './audit';
import { isEmailAddress } from '../mail';
import { isPsid, MODERATOR_ROLES, type ModeratorRepository, type ModeratorRole } from './moderatorRepository';

/** The usage text shown on a usage error. */
export const ADMIN_USAGE = [
  'Usage:',
  '  npm run admin -- moderator add --psid ID --name NAME --quartier Q [--quartier Q2 …] [--role moderator|admin] [--email ADDR]',
  '  npm run admin -- moderator email --psid ID --email ADDR|none',
  '  npm run admin -- moderator list',
  '  npm run admin -- moderator remove --psid ID',
].join('\n');

/** A parsed command. */
export type AdminCommand =
  | { command: 'add'; psid: string; name: string; quartiers: string[]; role: ModeratorRole; email?: string }
  | { command: 'email'; psid: string; email: string | null }
  | { command: 'list' }
  | { command: 'remove'; psid: string };

/** A command line that does not follow {@link ADMIN_USAGE}; the script exits with status 2. */
export class UsageError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.UsageInvalid, message);
  }
}

/** Parses `argv` (without node and the script); throws {@link UsageError}. */
export function parseAdminCommand(argv: readonly string[]): AdminCommand {
  const [area, action, ...rest] = argv;
  if (area !== 'moderator') throw new UsageError(`unknown command "${area ?? ''}": expected "moderator"`);
  const options = parseOptions(rest);
  const allowed: Record<string, string[]> = {
    add: ['psid', 'name', 'quartier', 'role', 'email'],
    email: ['psid', 'email'],
    list: [],
    remove: ['psid'],
  };
  const known = action === undefined ? undefined : allowed[action];
  if (!known) throw new UsageError(`unknown action "${action ?? ''}": expected add, email, list or remove`);
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
  if (action === 'remove') return { command: 'remove', psid };
  const email = single('email')?.trim();
  if (email !== undefined && email !== 'none' && !isEmailAddress(email)) {
    throw new UsageError('--email must be an e-mail address (or none, to remove it)');
  }
  if (action === 'email') {
    if (email === undefined) throw new UsageError('--email is required');
    return { command: 'email', psid, email: email === 'none' ? null : email };
  }
  if (email === 'none') throw new UsageError('--email none is for "moderator email"');
  const name = single('name')?.trim();
  if (!name) throw new UsageError('--name is required');
  const quartiers = (options.get('quartier') ?? []).map((q) => q.trim()).filter(Boolean);
  if (quartiers.length === 0) throw new UsageError('at least one --quartier is required');
  const role = single('role') ?? 'moderator';
  if (!(MODERATOR_ROLES as readonly string[]).includes(role)) {
    throw new UsageError('--role must be moderator or admin');
  }
  return { command: 'add', psid, name, quartiers, role: role as ModeratorRole, ...(email ? { email } : {}) };
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
}

/**
 * Runs a command; every change is audited with the actor `cli`.
 *
 * @returns the process exit status (0, or 1 when there was nothing to remove).
 */
export async function runAdminCommand(command: AdminCommand, context: AdminContext): Promise<number> {
  const { moderators, audit, print } = context;
  if (command.command === 'list') {
    const all = await moderators.list();
    if (all.length === 0) print('No moderators.');
    for (const m of all) {
      const hours = Object.entries(m.activeHours.days)
        .map(([day, ranges]) => `${day} ${(ranges ?? []).map((r) => `${r.from}-${r.to}`).join(',')}`)
        .join('; ');
      const status = m.active ? 'active' : 'inactive';
      print(
        `${m.psid}\t${m.name}\t${m.role}\t${status}\t${m.quartiers.join(', ') || '(all)'}\t${hours}\t${m.email ?? '(no e-mail)'}`,
      );
    }
    return 0;
  }
  const target = { type: 'moderator' as const, id: command.psid };
  if (command.command === 'remove') {
    if (!(await moderators.remove(command.psid))) {
      print(`No moderator with psid ${command.psid}.`);
      return 1;
    }
    await audit.record('cli', 'moderator.remove', target);
    print(`Removed moderator ${command.psid}.`);
    return 0;
  }
  if (command.command === 'email') {
    if (!(await moderators.setEmail(command.psid, command.email))) {
      print(`No moderator with psid ${command.psid}.`);
      return 1;
    }
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
