/**
 * The staff's e-mails in French (plain text): urgent tasks and emergencies, the daily digest,
 * the weekly report and the console's sign-in link.
 *
 * @remarks
 * An e-mail leaves the network's tools: it says what a referent may read at a glance
 * (reason, category, neighbourhood, waited time) and links to the console for the rest;
 * never a resident's words, phone, e-mail or address (the notices do not carry them).
 */
import { t } from '../../services/i18n';
import type { ReportNotice } from '../../services/jobs/weeklyReport';
import type { StaffRecipient } from '../../services/mail';
import type { TaskHeadline, TaskMailNotice } from '../../services/tasks';
import { categoryName } from '../replies';
import { formatWeeklyReport } from './reports';
import { taskReasonLabel, waitedText } from './tasks';

/** The console's sign-in link, e-mailed on request. */
export interface LoginLinkNotice {
  type: 'staff.loginLink';
  url: string;
}

/** Every notice e-mailed to the staff. */
export type StaffMailNotice = TaskMailNotice | ReportNotice | LoginLinkNotice;

/** A rendered e-mail (without its addressee). */
export interface MailText {
  subject: string;
  text: string;
}

/** The console's address (`${publicBaseUrl}/console`), and a task's page in it. */
export interface ConsoleLinks {
  console: string;
  task(id: string): string;
}

/** Links of the console served at `publicBaseUrl`. */
export function consoleLinks(publicBaseUrl: string): ConsoleLinks {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}/console`;
  return { console: base, task: (id) => `${base}/taches/${encodeURIComponent(id)}` };
}

/** True for a notice this module knows how to e-mail. */
export function isStaffMailNotice(notice: { type: string }): notice is StaffMailNotice {
  return ['tasks.urgent', 'tasks.digest', 'reports.weekly', 'staff.loginLink'].includes(notice.type);
}

/** Renders `notice` for `recipient`, in the running locale (French by default). */
export function renderStaffMail(
  notice: StaffMailNotice,
  recipient: StaffRecipient,
  links: ConsoleLinks,
): MailText {
  const body = (lines: string[]): string =>
    [t('mail.greeting', { name: recipient.name }), '', ...lines, '', t('mail.signature')].join('\n');
  switch (notice.type) {
    case 'tasks.urgent': {
      const { task } = notice;
      const emergency = task.reason === 'emergency';
      const neighbourhood = neighbourhoodOf(task);
      return {
        subject: emergency
          ? t('mail.urgent.subjectEmergency', { neighbourhood })
          : t('mail.urgent.subject', { neighbourhood, reason: taskReasonLabel(task.reason) }),
        text: body([
          t(emergency ? 'mail.urgent.introEmergency' : 'mail.urgent.intro'),
          '',
          t('mail.urgent.details', {
            reason: taskReasonLabel(task.reason),
            category: task.category ? categoryName(task.category) : t('mail.noCategory'),
            neighbourhood,
          }),
          t('mail.urgent.privacy'),
          '',
          t('mail.taskLink', { url: links.task(task.taskId) }),
        ]),
      };
    }
    case 'tasks.digest': {
      const count = notice.tasks.length + notice.more;
      return {
        subject: count === 1 ? t('mail.digest.subjectOne') : t('mail.digest.subject', { count }),
        text: body([
          t('mail.digest.intro'),
          '',
          ...notice.tasks.flatMap((task) => [taskLine(task), `  ${links.task(task.taskId)}`]),
          ...(notice.more > 0 ? ['', t('mail.digest.more', { count: notice.more })] : []),
          '',
          t('mail.consoleLink', { url: links.console }),
        ]),
      };
    }
    case 'reports.weekly': {
      const day = new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        day: 'numeric',
        month: 'long',
      });
      return {
        subject: t('mail.weekly.subject', {
          from: day.format(notice.figures.from),
          to: day.format(notice.figures.to),
        }),
        text: body([
          t('mail.weekly.intro'),
          '',
          formatWeeklyReport(notice.figures),
          '',
          t('mail.weekly.dashboard', { url: `${links.console}/tableau` }),
        ]),
      };
    }
    case 'staff.loginLink':
      return {
        subject: t('mail.loginLink.subject'),
        text: body([t('mail.loginLink.body', { url: notice.url }), '', t('mail.loginLink.notYou')]),
      };
  }
}

function neighbourhoodOf(task: TaskHeadline): string {
  return task.neighbourhood ?? t('mail.unknownNeighbourhood');
}

/** One task of the digest: reason, category, neighbourhood, waited time, state. */
function taskLine(task: TaskHeadline): string {
  const state = task.status === 'taken' ? t('mail.taken') : task.overdue ? t('mail.overdue') : '';
  return t('mail.taskLine', {
    reason: taskReasonLabel(task.reason),
    category: task.category ? categoryName(task.category) : t('mail.noCategory'),
    neighbourhood: neighbourhoodOf(task),
    waited: waitedText({ createdAt: new Date(0) }, new Date(task.waitedMinutes * 60_000)),
    state,
  });
}
