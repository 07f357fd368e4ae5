/**
 * The routes of "À traiter": the list, and each item's actions, calling the same use cases
 * as the referents' Messenger tools (taking and ending a task, publishing or refusing an
 * entry, taking and closing a hand-over, the admins' review of testimonials).
 *
 * @remarks
 * An action applies only to an item of the person's own list (their neighbourhoods): anything
 * else is answered 404, as if it did not exist. "Appeler" shows the resident's phone to the
 * referent who took the task, and only to them; every such view is audited.
 */
import { closeHandover, type HandoverToolsDeps } from '../../dialogs/moderation/handoverTools';
import { publishEntry, type ReviewToolsDeps } from '../../dialogs/moderation/reviewTools';
import type { Clock } from '../../services/clock';
import { CodedError, ErrorCode } from '../../services/errors';
import {
  REJECTION_REASONS,
  type AuditLog,
  type RejectionReason,
  type UndeliveredQueue,
} from '../../services/moderation';
import { TASK_OUTCOMES, type Tasks } from '../../services/tasks';
import type { Testimonials } from '../../services/testimonials';
import type { ConsoleReply, ConsoleRequest, ConsoleRoute } from './contract';
import { callPage } from './pages/callPage';
import { queuePage, type DONE_KEYS } from './pages/queuePage';
import { queueItem, workQueue, type QueueItem, type QueueSources } from './queue';

/** What the queue's routes call. */
export interface QueueRouteDeps {
  sources: QueueSources;
  tasks: Pick<Tasks, 'take' | 'complete'>;
  review: ReviewToolsDeps;
  handovers: HandoverToolsDeps;
  testimonials: Pick<Testimonials, 'approve' | 'reject'>;
  undelivered: Pick<UndeliveredQueue, 'markHandled'>;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  pageInboxUrl: string;
}

type Done = (typeof DONE_KEYS)[number];

/** The queue page and its actions. */
export function queueRoutes(deps: QueueRouteDeps): ConsoleRoute[] {
  /** The item of the person's list (read by its id, with their scope), or a 404. */
  const itemOf = async <K extends QueueItem['kind']>(
    request: ConsoleRequest,
    kind: K,
  ): Promise<Extract<QueueItem, { kind: K }>> => {
    const item = await queueItem(deps.sources, request.staff, kind, request.params.id ?? '');
    if (!item) throw new CodedError(ErrorCode.NotFound, `no such ${kind} in this list`);
    return item;
  };
  const done = (key: Done): ConsoleReply => ({ redirect: `/?fait=${key}` });
  const post = (
    path: string,
    act: (request: ConsoleRequest) => Promise<ConsoleReply>,
    adminOnly = false,
  ) => ({
    method: 'POST' as const,
    path,
    adminOnly,
    handle: act,
  });

  return [
    {
      method: 'GET',
      path: '/',
      handle: async (request) => ({
        html: queuePage(request, await workQueue(deps.sources, request.staff), {
          now: deps.clock(),
          pageInboxUrl: deps.pageInboxUrl,
        }),
      }),
    },
    post('/taches/:id/prendre', async (request) => {
      const item = await itemOf(request, 'task');
      if (!(await deps.tasks.take(request.staff.psid, item.id))) conflict();
      return done('taskTaken');
    }),
    post('/taches/:id/terminer', async (request) => {
      const item = await itemOf(request, 'task');
      const outcome = oneOf(request.form?.get('outcome'), TASK_OUTCOMES);
      const note = request.form?.get('note')?.trim() || undefined;
      if (!(await deps.tasks.complete(request.staff.psid, item.id, outcome, note))) conflict();
      return done('taskDone');
    }),
    post('/taches/:id/appeler', async (request) => {
      const { task, id } = await itemOf(request, 'task');
      const phone = task.contact?.phone;
      if (task.status !== 'taken' || task.takenBy !== request.staff.psid) conflict();
      if (!phone) throw new CodedError(ErrorCode.NotFound, 'no phone to call');
      await deps.audit.record(request.staff.psid, 'contact.reveal', { type: 'task', id });
      return { html: callPage(request, task, phone) };
    }),
    post('/annonces/:id/publier', async (request) => {
      const item = await itemOf(request, 'entry');
      await publishEntry(deps.review, request.staff.psid, item.id);
      return done('entryPublished');
    }),
    post('/annonces/:id/refuser', async (request) => {
      const item = await itemOf(request, 'entry');
      const reason: RejectionReason = oneOf(request.form?.get('reason'), REJECTION_REASONS);
      await deps.review.moderation.qualification.rejectEntry(request.staff.psid, item.id, reason);
      return done('entryRejected');
    }),
    post('/relais/:id/prendre', async (request) => {
      const item = await itemOf(request, 'handover');
      await deps.handovers.moderation.handover.takeHandover(request.staff.psid, item.id);
      return done('handoverTaken');
    }),
    post('/relais/:id/clore', async (request) => {
      const item = await itemOf(request, 'handover');
      await closeHandover(deps.handovers, request.staff.psid, item.id);
      return done('handoverClosed');
    }),
    post(
      '/temoignages/:id/approuver',
      async (request) => {
        const item = await itemOf(request, 'testimonial');
        if (!(await deps.testimonials.approve(item.id, request.staff.psid))) conflict();
        return done('testimonialApproved');
      },
      true,
    ),
    post(
      '/temoignages/:id/refuser',
      async (request) => {
        const item = await itemOf(request, 'testimonial');
        if (!(await deps.testimonials.reject(item.id, request.staff.psid))) conflict();
        return done('testimonialRejected');
      },
      true,
    ),
    post('/non-remis/:id/transmis', async (request) => {
      const item = await itemOf(request, 'undelivered');
      if (!(await deps.undelivered.markHandled(item.message._id, request.staff.psid))) conflict();
      await deps.audit.record(request.staff.psid, 'undelivered.handled', {
        type: 'undelivered',
        id: item.id,
      });
      return done('undeliveredHandled');
    }),
  ];
}

function conflict(): never {
  throw new CodedError(ErrorCode.InvalidState, 'already done');
}

/** `value` when it is one of `allowed`; a 400 otherwise. */
function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (!found) throw new CodedError(ErrorCode.InvalidInput, 'not an accepted value');
  return found;
}
