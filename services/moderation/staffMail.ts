/**
 * Who among the staff is e-mailed a notice: the neighbourhood's referents within their
 * working hours, the admins otherwise; every referent for their own digest.
 *
 * @remarks
 * The moderation module knows the referents, their neighbourhoods, hours and addresses; what
 * is written and how it is sent is the {@link MailNotifier} port's (rendered in French and
 * stored in the mail outbox by bot/).
 */
import type { Clock } from '../clock';
import type { MailNotifier, MailOutcome, StaffRecipient } from '../mail';
import type { Notice } from '../messaging/notifier';
import { isWithinHours } from './activeHours';
import type { Moderator, ModeratorRepository } from './moderatorRepository';

/** Who was e-mailed, for the caller's log. */
export interface StaffMailResult {
  outcome: MailOutcome;
  /** `referents` when the neighbourhood's referents were on duty, `admins` otherwise. */
  to: 'referents' | 'admins';
  recipients: number;
}

/** What {@link StaffMail} is built from. */
export interface StaffMailPorts {
  moderators: Pick<ModeratorRepository, 'forNeighbourhood' | 'admins' | 'list'>;
  mail: MailNotifier;
  clock: Clock;
}

/** E-mails the staff the modules' notices. */
export class StaffMail {
  constructor(private readonly ports: StaffMailPorts) {}

  /**
   * E-mails `notice` to the referents of `neighbourhood` (those who follow it, or all when
   * nobody does) who have an address and are within their working hours now; to the admins
   * with an address when none is.
   */
  async toNeighbourhood<N extends Notice>(
    neighbourhood: string | undefined,
    notice: N,
    key: string,
  ): Promise<StaffMailResult> {
    const now = this.ports.clock();
    const following = await this.ports.moderators.forNeighbourhood(neighbourhood);
    const onDuty = recipientsOf(following.filter((moderator) => isWithinHours(moderator.activeHours, now)));
    if (onDuty.length > 0) {
      return {
        outcome: await this.ports.mail(onDuty, notice, key),
        to: 'referents',
        recipients: onDuty.length,
      };
    }
    return this.toAdmins(notice, key);
  }

  /** E-mails `notice` to every active admin with an address, at any hour. */
  async toAdmins<N extends Notice>(notice: N, key: string): Promise<StaffMailResult> {
    const admins = recipientsOf(await this.ports.moderators.admins());
    return {
      outcome: await this.ports.mail(admins, notice, key),
      to: 'admins',
      recipients: admins.length,
    };
  }

  /** E-mails `notice` to one member of the staff (their digest). */
  toOne<N extends Notice>(recipient: StaffRecipient, notice: N, key: string): Promise<MailOutcome> {
    return this.ports.mail([recipient], notice, key);
  }

  /** Every active referent and admin with an address, with the neighbourhoods they follow. */
  async everyone(): Promise<(StaffRecipient & { quartiers: string[] })[]> {
    const all = await this.ports.moderators.list();
    return all
      .filter((moderator) => moderator.active && moderator.email)
      .map((moderator) => ({ ...recipientOf(moderator), quartiers: moderator.quartiers }));
  }
}

function recipientOf(moderator: Moderator): StaffRecipient {
  return { psid: moderator.psid, name: moderator.name, email: moderator.email as string };
}

function recipientsOf(moderators: readonly Moderator[]): StaffRecipient[] {
  return moderators.filter((moderator) => moderator.email).map(recipientOf);
}
