/**
 * "À traiter": everything that needs a person, gathered from the modules that own it (tasks,
 * entries to review, hand-overs, testimonials for admins, messages that could not be sent),
 * kept to the person's neighbourhoods, most urgent first, then oldest first.
 */
import type { StoredEntry } from '../../services/entries';
import type {
  HandoverRepository,
  ModeratorRepository,
  QualificationService,
  HandoverService,
  StoredHandover,
  UndeliveredMessage,
  UndeliveredQueue,
} from '../../services/moderation';
import type { Task, Tasks } from '../../services/tasks';
import type { StoredTestimonial, Testimonials } from '../../services/testimonials';
import type { Staff } from './contract';
import { scopeOf, type InScope } from './scope';

/** One thing waiting for a person. */
export type QueueItem = { id: string; urgent: boolean; since: Date } & (
  | { kind: 'task'; task: Task }
  | { kind: 'entry'; entry: StoredEntry }
  | { kind: 'handover'; handover: StoredHandover }
  | { kind: 'testimonial'; testimonial: StoredTestimonial }
  | { kind: 'undelivered'; message: UndeliveredMessage & { _id: NonNullable<UndeliveredMessage['_id']> } }
);

/** What the queue reads. */
export interface QueueSources {
  tasks: Pick<Tasks, 'listFor' | 'get'>;
  qualification: Pick<QualificationService, 'listPendingEntries'>;
  /** One entry by id (an action on an entry to review). */
  entries: { get(id: string): Promise<StoredEntry | null> };
  handover: Pick<HandoverService, 'openHandovers'>;
  /** One hand-over by id (an action on a hand-over). */
  handovers: Pick<HandoverRepository, 'get'>;
  testimonials: Pick<Testimonials, 'listPending' | 'get'>;
  undelivered: Pick<UndeliveredQueue, 'pending' | 'pendingById'>;
  moderators: Pick<ModeratorRepository, 'list'>;
  /** The neighbourhood of an entry, for a message that could not be sent about it. */
  entryNeighbourhood: (id: string) => Promise<string | undefined>;
}

/** Most items of each kind read at once. */
const PER_KIND = 200;

/** Urgent first, then the oldest. */
export function byUrgencyThenAge(a: QueueItem, b: QueueItem): number {
  return Number(b.urgent) - Number(a.urgent) || a.since.getTime() - b.since.getTime();
}

/** The items `staff` may deal with, most urgent first. */
export async function workQueue(sources: QueueSources, staff: Staff): Promise<QueueItem[]> {
  const inScope = await scopeOf(staff, sources.moderators);
  const [tasks, entries, handovers, testimonials, undelivered] = await Promise.all([
    sources.tasks.listFor(staff.psid),
    sources.qualification.listPendingEntries(staff.psid),
    sources.handover.openHandovers(staff.psid),
    staff.role === 'admin' ? sources.testimonials.listPending(PER_KIND) : Promise.resolve([]),
    sources.undelivered.pending(PER_KIND),
  ]);
  const items: QueueItem[] = [];
  const keep = (item: QueueItem | null): void => {
    if (item) items.push(item);
  };
  tasks.forEach((task) => keep(taskItem(staff, inScope, task)));
  entries.slice(0, PER_KIND).forEach((entry) => keep(entryItem(inScope, entry)));
  handovers.forEach((handover) => keep(handoverItem(inScope, handover)));
  testimonials.forEach((testimonial) => keep(testimonialItem(staff, testimonial)));
  for (const message of undelivered) {
    const neighbourhood = message.ref ? await sources.entryNeighbourhood(message.ref) : undefined;
    keep(undeliveredItem(inScope, message, neighbourhood));
  }
  return items.sort(byUrgencyThenAge);
}

/**
 * The item `id` of kind `kind` when it is in `staff`'s list (the same rules as
 * {@link workQueue}, read by its id with the person's scope, not by building the list), or null.
 */
export async function queueItem<K extends QueueItem['kind']>(
  sources: QueueSources,
  staff: Staff,
  kind: K,
  id: string,
): Promise<Extract<QueueItem, { kind: K }> | null> {
  const [inScope, item] = await Promise.all([scopeOf(staff, sources.moderators), read(sources, kind, id)]);
  const found = ((): QueueItem | null => {
    switch (item?.kind) {
      case 'task':
        return taskItem(staff, inScope, item.value);
      case 'entry':
        return entryItem(inScope, item.value);
      case 'handover':
        return handoverItem(inScope, item.value);
      case 'testimonial':
        return testimonialItem(staff, item.value);
      case 'undelivered':
        return undeliveredItem(inScope, item.value, item.neighbourhood);
      default:
        return null;
    }
  })();
  return found?.kind === kind ? (found as Extract<QueueItem, { kind: K }>) : null;
}

type Read =
  | { kind: 'task'; value: Task }
  | { kind: 'entry'; value: StoredEntry }
  | { kind: 'handover'; value: StoredHandover }
  | { kind: 'testimonial'; value: StoredTestimonial }
  | { kind: 'undelivered'; value: UndeliveredMessage; neighbourhood: string | undefined };

/** The stored thing of kind `kind` with this id, or null. */
async function read(sources: QueueSources, kind: QueueItem['kind'], id: string): Promise<Read | null> {
  switch (kind) {
    case 'task': {
      const value = await sources.tasks.get(id);
      return value && { kind, value };
    }
    case 'entry': {
      const value = await sources.entries.get(id);
      return value && { kind, value };
    }
    case 'handover': {
      const value = await sources.handovers.get(id);
      return value && { kind, value };
    }
    case 'testimonial': {
      const value = await sources.testimonials.get(id);
      return value && { kind, value };
    }
    case 'undelivered': {
      const value = await sources.undelivered.pendingById(id);
      if (!value) return null;
      const neighbourhood = value.ref ? await sources.entryNeighbourhood(value.ref) : undefined;
      return { kind, value, neighbourhood };
    }
  }
}

/** An open or taken task in scope (a referent's own undelivered notices, never another's). */
function taskItem(staff: Staff, inScope: InScope, task: Task): QueueItem | null {
  if (task.status !== 'open' && task.status !== 'taken') return null;
  if (task.reason === 'undelivered_notice' ? task.psid !== staff.psid : !inScope(task.neighbourhood)) {
    return null;
  }
  return {
    kind: 'task',
    id: task._id.toHexString(),
    urgent: task.urgency === 'high',
    since: task.createdAt,
    task,
  };
}

/** An entry waiting for review, in scope. */
function entryItem(inScope: InScope, entry: StoredEntry): QueueItem | null {
  if (entry.status !== 'pending_review' || !inScope(entry.neighbourhood)) return null;
  return {
    kind: 'entry',
    id: entry._id.toHexString(),
    urgent: entry.urgency === 'high',
    since: entry.createdAt,
    entry,
  };
}

/** An open or taken hand-over, in scope. */
function handoverItem(inScope: InScope, handover: StoredHandover): QueueItem | null {
  if ((handover.status !== 'open' && handover.status !== 'taken') || !inScope(handover.neighbourhood)) {
    return null;
  }
  return {
    kind: 'handover',
    id: handover._id.toHexString(),
    urgent: handover.reason === 'emergency' || handover.reason === 'no_match_urgent',
    since: handover.createdAt,
    handover,
  };
}

/** A testimonial waiting for an admin (admins only). */
function testimonialItem(staff: Staff, testimonial: StoredTestimonial): QueueItem | null {
  if (staff.role !== 'admin' || testimonial.status !== 'pending') return null;
  return {
    kind: 'testimonial',
    id: testimonial._id.toHexString(),
    urgent: false,
    since: testimonial.createdAt,
    testimonial,
  };
}

/** A message nobody dealt with yet, about something in scope. */
function undeliveredItem(
  inScope: InScope,
  message: UndeliveredMessage,
  neighbourhood: string | undefined,
): QueueItem | null {
  if (!message._id || message.handledAt || !inScope(neighbourhood)) return null;
  return {
    kind: 'undelivered',
    id: message._id.toHexString(),
    urgent: false,
    since: message.createdAt,
    message: { ...message, _id: message._id },
  };
}
