/**
 * A resident's page: consents, entries (never the address), matches, tasks, hand-overs with
 * their transcripts, testimonials. The phone is never shown here ("Appeler" on a task does).
 */
import type { VNode } from 'preact';
import type { Resident } from '../../../services/domain/types';
import type { StoredEntry } from '../../../services/entries';
import { t } from '../../../services/i18n';
import type { StoredMatch } from '../../../services/matching';
import type { StoredHandover } from '../../../services/moderation';
import type { Task } from '../../../services/tasks';
import type { StoredTestimonial } from '../../../services/testimonials';
import { reasonLabel } from '../../../dialogs/notices/moderation';
import { taskOutcomeLabel, taskReasonLabel } from '../../../dialogs/notices/tasks';
import { categoryName } from '../../../dialogs/replies';
import type { ConsoleRequest } from '../contract';
import { ConsoleLayout } from '../layout';
import { frenchTime, Transcript } from './queuePage';

/** What the page shows. */
export interface ResidentView {
  psid: string;
  resident: Resident | null;
  entries: readonly StoredEntry[];
  matches: readonly StoredMatch[];
  tasks: readonly Task[];
  handovers: readonly StoredHandover[];
  testimonials: readonly StoredTestimonial[];
}

/** The resident's page. */
export function residentPage(request: ConsoleRequest, view: ResidentView): VNode {
  const { resident } = view;
  const name = resident?.firstName ?? resident?.offline?.name ?? t('console.resident.noName');
  const consent = (given: boolean | undefined, at: Date | undefined) =>
    given === undefined
      ? t('console.resident.consentUnknown')
      : t(given ? 'console.resident.consentGiven' : 'console.resident.consentRefused', {
          date: at ? frenchTime(at) : '',
        });
  return (
    <ConsoleLayout
      staff={request.staff}
      csrf={request.csrf}
      section="residents"
      title={t('console.resident.title', { name })}
    >
      <p class="meta">{t('console.resident.audited')}</p>
      <h2>{t('console.resident.consents')}</h2>
      <dl>
        <dt>{t('console.resident.storage')}</dt>
        <dd>{consent(resident?.consents.storage?.given, resident?.consents.storage?.at)}</dd>
        <dt>{t('console.resident.publication')}</dt>
        <dd>{consent(resident?.consents.publication?.given, resident?.consents.publication?.at)}</dd>
        <dt>{t('console.resident.channels')}</dt>
        <dd>
          {resident && resident.contact.channels.length > 0
            ? resident.contact.channels.map((channel) => t(`console.resident.channel.${channel}`)).join(', ')
            : t('console.resident.none')}
        </dd>
      </dl>

      <h2>{t('console.resident.entries')}</h2>
      {view.entries.length === 0 ? (
        <p>{t('console.resident.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('console.resident.when')}</th>
              <th scope="col">{t('console.resident.what')}</th>
              <th scope="col">{t('console.resident.status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.entries.map((entry) => (
              <tr key={entry._id.toHexString()}>
                <td>{frenchTime(entry.createdAt)}</td>
                <td>
                  {t(`console.queue.entryKind.${entry.kind}`)} · {categoryName(entry.category)} ·{' '}
                  {entry.neighbourhood ?? t('console.queue.noNeighbourhood')}
                  <br />
                  {entry.description}
                </td>
                <td>{t(`console.resident.entryStatus.${entry.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('console.resident.matches')}</h2>
      {view.matches.length === 0 ? (
        <p>{t('console.resident.none')}</p>
      ) : (
        <ul>
          {view.matches.map((match) => (
            <li key={match._id.toHexString()}>
              {frenchTime(match.createdAt)} · {categoryName(match.category)} ·{' '}
              {t(match.needPsid === view.psid ? 'console.resident.asking' : 'console.resident.helping')} ·{' '}
              {t(`console.resident.matchStatus.${match.status}`)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('console.resident.tasks')}</h2>
      {view.tasks.length === 0 ? (
        <p>{t('console.resident.none')}</p>
      ) : (
        <ul>
          {view.tasks.map((task) => (
            <li key={task._id.toHexString()}>
              {frenchTime(task.createdAt)} · {taskReasonLabel(task.reason)} ·{' '}
              {task.outcome
                ? taskOutcomeLabel(task.outcome)
                : t(`console.resident.taskStatus.${task.status}`)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('console.resident.handovers')}</h2>
      {view.handovers.length === 0 ? (
        <p>{t('console.resident.none')}</p>
      ) : (
        view.handovers.map((handover) => (
          <section key={handover._id.toHexString()} class="item">
            <h3>
              {frenchTime(handover.createdAt)} · {reasonLabel(handover.reason)}
            </h3>
            <p class="words">{handover.summary}</p>
            <Transcript handover={handover} />
          </section>
        ))
      )}

      <h2>{t('console.resident.testimonials')}</h2>
      {view.testimonials.length === 0 ? (
        <p>{t('console.resident.none')}</p>
      ) : (
        <ul>
          {view.testimonials.map((testimonial) => (
            <li key={testimonial._id.toHexString()}>
              {frenchTime(testimonial.createdAt)} ·{' '}
              {t(`console.resident.testimonialStatus.${testimonial.status}`)}
            </li>
          ))}
        </ul>
      )}
    </ConsoleLayout>
  );
}
