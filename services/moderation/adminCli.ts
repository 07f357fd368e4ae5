/**
 * The operators' command line for moderators (`npm run admin -- moderator …`): running a
 * parsed command (adminCommand.ts) against the moderators and the audit log, apart from the
 * process (see `scripts/admin.ts`).
 */
import { ErrorCode } from '../errors';
import type { ActiveHours } from './activeHours';
import type { AdminCommand } from './adminCommand';
import type { AuditLog } from './audit';
import { ModerationError, UsageError } from './errors';
import type { Moderator, ModeratorRepository } from './moderatorRepository';

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
