/**
 * "À traiter": everything that needs a person, gathered from the modules that own it (tasks,
 * entries to review, hand-overs, testimonials for admins, messages that could not be sent),
 * kept to the person's neighbourhoods, most urgent first, then oldest first.
 */
import type { StoredEntry } from '../../services/entries';
import type {
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
import { scopeOf } from './scope';

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
  tasks: Pick<Tasks, 'listFor'>;
  qualification: Pick<QualificationService, 'listPendingEntries'>;
  handover: Pick<HandoverService, 'openHandovers'>;
  testimonials: Pick<Testimonials, 'listPending'>;
  undelivered: Pick<UndeliveredQueue, 'pending'>;
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
  for (const task of tasks) {
    if (task.reason !== 'undelivered_notice' && !inScope(task.neighbourhood)) continue;
    items.push({
      kind: 'task',
      id: task._id.toHexString(),
      urgent: task.urgency === 'high',
      since: task.createdAt,
      task,
    });
  }
  for (const entry of entries.slice(0, PER_KIND)) {
    items.push({
      kind: 'entry',
      id: entry._id.toHexString(),
      urgent: entry.urgency === 'high',
      since: entry.createdAt,
      entry,
    });
  }
  for (const handover of handovers) {
    if (!inScope(handover.neighbourhood)) continue;
    items.push({
      kind: 'handover',
      id: handover._id.toHexString(),
      urgent: handover.reason === 'emergency' || handover.reason === 'no_match_urgent',
      since: handover.createdAt,
      handover,
    });
  }
  for (const testimonial of testimonials) {
    items.push({
      kind: 'testimonial',
      id: testimonial._id.toHexString(),
      urgent: false,
      since: testimonial.createdAt,
      testimonial,
    });
  }
  for (const message of undelivered) {
    if (!message._id) continue;
    const neighbourhood = message.ref ? await sources.entryNeighbourhood(message.ref) : undefined;
    if (!inScope(neighbourhood)) continue;
    items.push({
      kind: 'undelivered',
      id: message._id.toHexString(),
      urgent: false,
      since: message.createdAt,
      message: { ...message, _id: message._id },
    });
  }
  return items.sort(byUrgencyThenAge);
}
