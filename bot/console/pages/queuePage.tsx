/**
 * "À traiter": one list of everything that needs a person, most urgent first, each item with
 * how long it has waited and its actions (forms posting to the queue's action routes).
 */
import type { VNode } from 'preact';
import { t } from '../../../services/i18n';
import { REJECTION_REASONS, type StoredHandover } from '../../../services/moderation';
import { TASK_OUTCOMES, type Task } from '../../../services/tasks';
import { reasonLabel } from '../../../dialogs/notices/moderation';
import { taskOutcomeLabel, taskReasonLabel, waitedText } from '../../../dialogs/notices/tasks';
import { categoryName } from '../../../dialogs/replies';
import type { ConsoleRequest, Staff } from '../contract';
import { ConsoleLayout, consolePath } from '../layout';
import type { QueueItem } from '../queue';

/** What the queue page shows besides the items. */
export interface QueuePageOptions {
  now: Date;
  /** The Page's inbox, where a handed-over conversation is answered. */
  pageInboxUrl: string;
}

/** Results of an action, shown once after its redirect (`?fait=`). */
export const DONE_KEYS = [
  'taskTaken',
  'taskDone',
  'entryPublished',
  'entryRejected',
  'handoverTaken',
  'handoverClosed',
  'testimonialApproved',
  'testimonialRejected',
  'undeliveredHandled',
] as const;

/** The queue page. */
export function queuePage(
  request: ConsoleRequest,
  items: readonly QueueItem[],
  options: QueuePageOptions,
): VNode {
  const done = request.query.get('fait');
  const known = DONE_KEYS.find((key) => key === done);
  return (
    <ConsoleLayout staff={request.staff} csrf={request.csrf} section="queue" title={t('console.queue.title')}>
      {known && (
        <p class="notice" role="status">
          {t(`console.done.${known}`)}
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('console.queue.empty')}</p>
      ) : (
        <p>{t('console.queue.count', { count: items.length })}</p>
      )}
      <ol class="queue">
        {items.map((item) => (
          <li
            key={`${item.kind}-${item.id}`}
            class={item.urgent ? 'item urgent' : 'item'}
            id={`${item.kind}-${item.id}`}
          >
            <ItemView item={item} request={request} options={options} />
          </li>
        ))}
      </ol>
    </ConsoleLayout>
  );
}

function ItemView(props: { item: QueueItem; request: ConsoleRequest; options: QueuePageOptions }) {
  const { item, request, options } = props;
  const waited = t('console.queue.waited', { waited: waitedText({ createdAt: item.since }, options.now) });
  const header = (title: string, neighbourhood?: string) => (
    <>
      <h2>
        {item.urgent && <span class="badge urgent">{t('console.queue.urgent')}</span>} {title}
      </h2>
      <p class="meta">
        {t(`console.queue.kind.${item.kind}`)} · {neighbourhood ?? t('console.queue.noNeighbourhood')} ·{' '}
        {waited}
      </p>
    </>
  );
  switch (item.kind) {
    case 'task':
      return (
        <>
          {header(taskReasonLabel(item.task.reason), item.task.neighbourhood)}
          <TaskBody task={item.task} staff={request.staff} csrf={request.csrf} />
        </>
      );
    case 'entry':
      return (
        <>
          {header(
            `${t(`console.queue.entryKind.${item.entry.kind}`)} · ${categoryName(item.entry.category)}`,
            item.entry.neighbourhood,
          )}
          <p class="words">{item.entry.description}</p>
          <p>{t('console.queue.availability', { availability: item.entry.availability })}</p>
          {item.entry.flags.includes('money') && <p>{t('moderatorMenu.review.moneyFlag')}</p>}
          <div class="actions">
            <Action
              csrf={request.csrf}
              path={`/annonces/${item.id}/publier`}
              label={t('console.action.publish')}
            />
            <form method="post" action={consolePath(`/annonces/${item.id}/refuser`)}>
              <input type="hidden" name="_csrf" value={request.csrf} />
              <label>
                {t('console.action.rejectReason')}
                <select name="reason" required>
                  {REJECTION_REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`moderatorMenu.review.reason.${reason}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" class="secondary">
                {t('console.action.reject')}
              </button>
            </form>
            <ResidentLink psid={item.entry.psid} />
          </div>
        </>
      );
    case 'handover':
      return (
        <>
          {header(reasonLabel(item.handover.reason), item.handover.neighbourhood)}
          <HandoverBody
            handover={item.handover}
            staff={request.staff}
            csrf={request.csrf}
            inbox={options.pageInboxUrl}
          />
        </>
      );
    case 'testimonial':
      return (
        <>
          {header(t('console.queue.testimonialTitle'))}
          <p class="words">{item.testimonial.text}</p>
          <p>{t('console.queue.signature', { signature: item.testimonial.signature.text })}</p>
          <div class="actions">
            <Action
              csrf={request.csrf}
              path={`/temoignages/${item.id}/approuver`}
              label={t('console.action.approve')}
            />
            <Action
              csrf={request.csrf}
              path={`/temoignages/${item.id}/refuser`}
              label={t('console.action.rejectTestimonial')}
              secondary
            />
          </div>
        </>
      );
    case 'undelivered':
      return (
        <>
          {header(t(`console.queue.undelivered.${item.message.kind}`))}
          {item.message.text && <p class="words">{item.message.text}</p>}
          <div class="actions">
            <Action
              csrf={request.csrf}
              path={`/non-remis/${item.id}/transmis`}
              label={t('console.action.handled')}
            />
            <ResidentLink psid={item.message.psid} />
          </div>
        </>
      );
  }
}

function TaskBody(props: { task: Task; staff: Staff; csrf: string }) {
  const { task, staff, csrf } = props;
  const id = task._id.toHexString();
  const mine = task.status === 'taken' && task.takenBy === staff.psid;
  const state = task.status === 'open' ? 'open' : mine ? 'mine' : 'taken';
  return (
    <>
      <p>
        <span class="badge">{t(`console.queue.taskState.${state}`)}</span>
        {task.category && <span class="badge">{categoryName(task.category)}</span>}
      </p>
      {task.words && <p class="words">« {task.words} »</p>}
      <div class="actions">
        {task.status === 'open' && (
          <Action csrf={csrf} path={`/taches/${id}/prendre`} label={t('console.action.take')} />
        )}
        {mine && task.contact?.phone && (
          <Action csrf={csrf} path={`/taches/${id}/appeler`} label={t('console.action.call')} secondary />
        )}
        <form method="post" action={consolePath(`/taches/${id}/terminer`)}>
          <input type="hidden" name="_csrf" value={csrf} />
          <label>
            {t('console.action.outcome')}
            <select name="outcome" required>
              {TASK_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {taskOutcomeLabel(outcome)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('console.action.note')}
            <input type="text" name="note" maxLength={300} />
          </label>
          <button type="submit">{t('console.action.done')}</button>
        </form>
        {task.reason !== 'undelivered_notice' && <ResidentLink psid={task.psid} />}
      </div>
    </>
  );
}

function HandoverBody(props: { handover: StoredHandover; staff: Staff; csrf: string; inbox: string }) {
  const { handover, staff, csrf } = props;
  const id = handover._id.toHexString();
  const state = handover.status === 'open' ? 'open' : handover.takenBy === staff.psid ? 'mine' : 'taken';
  return (
    <>
      <p>
        <span class="badge">{t(`console.queue.taskState.${state}`)}</span>
      </p>
      <p class="words">{handover.summary}</p>
      <Transcript handover={handover} />
      <p>
        <a href={props.inbox} rel="noreferrer noopener" target="_blank">
          {t('console.queue.openInbox')}
        </a>
      </p>
      <div class="actions">
        {handover.status === 'open' && (
          <Action csrf={csrf} path={`/relais/${id}/prendre`} label={t('console.action.take')} />
        )}
        <Action
          csrf={csrf}
          path={`/relais/${id}/clore`}
          label={t('console.action.closeHandover')}
          secondary
        />
        <ResidentLink psid={handover.psid} />
      </div>
    </>
  );
}

/** A hand-over's transcript, folded. */
export function Transcript(props: { handover: StoredHandover }) {
  const lines = props.handover.transcript;
  if (lines.length === 0) return <p class="meta">{t('console.queue.noTranscript')}</p>;
  return (
    <details class="transcript">
      <summary>{t('console.queue.transcript', { count: lines.length })}</summary>
      <ol>
        {lines.map((line, index) => (
          <li key={index}>
            <strong>{t(`console.queue.from.${line.from}`)}</strong> ({frenchTime(line.at)}) : {line.text}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Action(props: { csrf: string; path: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={consolePath(props.path)}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

function ResidentLink(props: { psid: string }) {
  return (
    <a href={consolePath(`/residents/${encodeURIComponent(props.psid)}`)}>
      {t('console.queue.residentPage')}
    </a>
  );
}

/** `12/03/2026 14:05`, Paris time. */
export function frenchTime(date: Date): string {
  return date.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
}
