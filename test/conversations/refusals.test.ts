/**
 * Residents answering the refusal of their entry, in their own words: what they write goes
 * to the referent who refused it (a `refusal_reply` task, a notice in Messenger, or the task
 * alone when the referent cannot be written to), and they are told who will answer; a clear
 * new request, or a reply days later, is handled as usual.
 */
import { strict as assert } from 'node:assert';
import type { Category } from '../../services/domain/types';
import type { RejectionReason } from '../../services/moderation';
import type { Task } from '../../services/tasks';
import { at, offset } from '../services/support';
import type { Harness } from '../dialogs/support/harness';
import { ASKER_PLACE } from '../dialogs/support/seed';
import type { Ids } from '../dialogs/support/table';
import { playScripts, type Script } from './support/script';

const DAY_MS = 86_400_000;
/** The referent who refuses, and another one of the same neighbourhood. */
const REFUSER = '5200000001';
const OTHER_REFERENT = '5200000002';

/** An entry of `psid` refused by {@link REFUSER} for `reason`: `ids.entry`. */
async function refused(
  harness: Harness,
  ids: Ids,
  psid: string,
  category: Category,
  reason: RejectionReason,
): Promise<void> {
  const { moderators } = harness.moderation;
  await moderators.upsert({ psid: REFUSER, name: 'Nadia', quartiers: ['La Maille 2'] });
  await moderators.upsert({ psid: OTHER_REFERENT, name: 'Marc', quartiers: ['La Maille 2'] });
  const entry = await harness.repositories.entries.create({
    psid,
    kind: 'need',
    category,
    description: 'Quelqu’un pour m’aider cette semaine',
    availability: 'en semaine',
    location: at(offset(ASKER_PLACE, 0, 0)),
    locationSource: 'address',
    neighbourhood: 'La Maille 2',
    flags: [],
  });
  await harness.moderation.qualification.rejectEntry(REFUSER, entry._id.toHexString(), reason);
  ids.entry = entry._id.toHexString();
}

async function tasksOf(harness: Harness, psid: string): Promise<Task[]> {
  return harness.database.db.collection<Task>('tasks').find({ psid, reason: 'refusal_reply' }).toArray();
}

/** The texts sent to `psid` outside their own turns (notices). */
function noticesTo(harness: Harness, psid: string): string[] {
  return harness.notifier.to(psid).map((message) => message.activity.text ?? '');
}

const scripts: Script[] = [
  {
    title: 'a retired lady without accents asks why her need was a duplicate, then insists',
    voice: 'senior',
    psid: 'refusal-senior',
    transcript: true,
    setup: (harness, ids) => refused(harness, ids, 'refusal-senior', 'groceries', 'doublon'),
    turns: [
      { send: 'pourquoi doublon ? j ai fait qu une seule demande', says: ['tasks.residentForwarded'] },
      { send: 'c est ma fille qui avait essaye avant moi peut etre', says: ['tasks.residentForwarded'] },
    ],
    async outcome(harness, ids) {
      const [task, ...more] = await tasksOf(harness, 'refusal-senior');
      assert.equal(more.length, 0, 'one task per refusal');
      assert.equal(task?.assignedTo, REFUSER);
      assert.equal(task?.subject, ids.entry);
      assert.equal(task?.status, 'open');
      assert.match(task?.words ?? '', /pourquoi doublon .* \/ c est ma fille/);
      const told = noticesTo(harness, REFUSER);
      assert.equal(told.length, 2);
      assert.match(told[0] ?? '', /pourquoi doublon/);
      assert.match(told[0] ?? '', /Doublon/i);
      assert.deepEqual(noticesTo(harness, OTHER_REFERENT), [], 'only the referent who refused is told');
      // First in the refusing referent's list.
      const [first] = await harness.deps.tasks.listFor(REFUSER);
      assert.equal(first?.reason, 'refusal_reply');
    },
  },
  {
    title: 'a teenager in SMS says it is not paid, the referent is outside Messenger’s window',
    voice: 'sms',
    psid: 'refusal-sms',
    transcript: true,
    setup: async (harness, ids) => {
      await refused(harness, ids, 'refusal-sms', 'homework', 'payant');
      harness.notifier.results.set(REFUSER, 'outside_window');
    },
    turns: [{ send: 'mé cété pa payan jdemandé jus dl aide en maths', says: ['tasks.residentForwarded'] }],
    async outcome(harness) {
      harness.notifier.results.delete(REFUSER);
      // Undeliverable: the task stands, assigned to the referent, first in their list.
      const [task] = await tasksOf(harness, 'refusal-sms');
      assert.equal(task?.assignedTo, REFUSER);
      assert.match(task?.words ?? '', /maths/);
      const [first] = await harness.deps.tasks.listFor(REFUSER);
      assert.equal(first?._id.toHexString(), task?._id.toHexString());
    },
  },
  {
    title: 'a man dictating without punctuation does not understand the refusal',
    voice: 'dictation',
    psid: 'refusal-dictation',
    setup: (harness, ids) => refused(harness, ids, 'refusal-dictation', 'pets', 'incomplet'),
    turns: [
      {
        send: 'je comprends pas pourquoi vous avez refusé mon annonce pour le chien il manque quoi',
        says: ['tasks.residentForwarded'],
      },
    ],
    async outcome(harness) {
      const [task] = await tasksOf(harness, 'refusal-dictation');
      assert.equal(task?.category, 'pets');
      assert.equal(task?.neighbourhood, 'La Maille 2');
      assert.equal(noticesTo(harness, REFUSER).length, 1);
    },
  },
  {
    title: 'a resident whose need was refused asks for something new: a clear request is handled as usual',
    voice: 'changes-mind',
    psid: 'refusal-new-request',
    setup: (harness, ids) => refused(harness, ids, 'refusal-new-request', 'groceries', 'doublon'),
    turns: [
      { send: 'merci', hides: ['transmis'] },
      { send: 'je voudrais proposer mon aide pour promener les chiens', hides: ['transmis'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await tasksOf(harness, 'refusal-new-request'), []);
      assert.deepEqual(noticesTo(harness, REFUSER), []);
    },
  },
  {
    title: 'a non-native speaker answers a refusal a week later: it is no longer taken as a reply',
    voice: 'non-native',
    psid: 'refusal-late',
    setup: async (harness, ids) => {
      await refused(harness, ids, 'refusal-late', 'printing', 'hors_perimetre');
      harness.clock.advance(7 * DAY_MS);
    },
    turns: [{ send: 'why you refuse my demand, is not correct', hides: ['transmis'] }],
    async outcome(harness) {
      assert.deepEqual(await tasksOf(harness, 'refusal-late'), []);
    },
  },
];

playScripts('conversations: replies to a refusal reach the referent who refused', scripts);
