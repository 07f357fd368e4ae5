/**
 * Referents speaking for neighbours without Messenger: registering one by phone in their own
 * words (dictated, without punctuation), the need matched with a helper nearby, the call
 * script read in the task list, and the neighbour's answer recorded for them.
 */
import { strict as assert } from 'node:assert';
import type { Resident } from '../../services/domain/types';
import { TASKS_COLLECTION, type Task } from '../../services/tasks';
import { at, MIRAMAS, newEntry, offset } from '../services/support';
import { playScripts, type Script } from './support/script';

const REFERENT = '7000000000000051';
const HELPER = 'helper-near';

/** The task whose script line matches `pattern`, from a task list's text and buttons. */
function taskPicked(
  replies: Parameters<NonNullable<Script['turns'][number]['then']>>[0],
  pattern: RegExp,
): string {
  const text = replies.map((reply) => reply.text ?? '').join('\n');
  const chunks = text.split(/\n(?=\d+\. )/).slice(1);
  const index = chunks.findIndex((chunk) => pattern.test(chunk));
  const payloads = replies
    .flatMap((reply) => reply.suggestedActions?.actions ?? [])
    .map((action) => String(action.value))
    .filter((value) => value.startsWith('MOD_TASK_'));
  assert.ok(index >= 0 && payloads[index], text);
  return payloads[index].slice('MOD_TASK_'.length);
}

const scripts: Script[] = [
  {
    title: 'a referent dictates the need of M. Roux over the phone, then records « il accepte »',
    voice: 'referent',
    psid: REFERENT,
    transcript: true,
    async setup(harness) {
      await harness.moderation.moderators.upsert({ psid: REFERENT, name: 'Nadia', quartiers: [] });
      const offer = await harness.repositories.entries.create(
        newEntry({
          psid: HELPER,
          location: at(offset(MIRAMAS, 100, 0)),
          description: 'je fais mes courses le samedi je peux prendre les votres',
        }),
      );
      await harness.repositories.entries.publish(offer._id);
    },
    turns: [
      { send: { payload: 'MOD_REGISTER' }, says: ['moderatorMenu.register.kind'] },
      { send: { payload: 'ONBEHALF_NEED' }, says: ['moderatorMenu.register.consent'] },
      {
        send: { payload: 'ONBEHALF_BY_PHONE' },
        says: ['moderatorMenu.register.readQuestions', 'form.categoryNeed'],
      },
      { send: 'courses', says: ['form.beneficiary'] },
      { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
      { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      {
        send: 'il voudrait quelqu un pour porter les packs d eau depuis le magasin il a mal au dos',
        says: ['form.where'],
      },
      { send: '12 place jean jaures', says: ['form.whereFound'] },
      { send: 'le samedi matin de preference', says: ['form.contact'] },
      { send: 'zero six quarante 06 40 12 34 56', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui il est d accord', says: ['form.recap'] },
      { send: 'oui', says: ['moderatorMenu.register.name'] },
      { send: 'Henri Roux', says: ['moderatorMenu.register.addressAs'] },
      {
        send: 'M. Roux',
        says: ['moderatorMenu.register.saved'],
        then: (replies, ids) => {
          const approve = replies
            .flatMap((reply) => reply.suggestedActions?.actions ?? [])
            .map((action) => String(action.value))
            .find((value) => value.startsWith('MOD_APPROVE_'));
          assert.ok(approve);
          ids.need = approve.slice('MOD_APPROVE_'.length);
        },
      },
      { send: (ids) => ({ payload: `MOD_APPROVE_${ids.need}` }), says: ['moderatorMenu.review.approved'] },
      {
        send: { payload: 'MOD_TASKS' },
        says: ['tasks.intro'],
        contains: ['Appelez M. Roux', "peut l'aider (Courses)"],
        hides: ['Henri Roux'],
        then: (replies, ids) => {
          ids.task = taskPicked(replies, /peut l'aider/);
        },
      },
      {
        send: (ids) => ({ payload: `MOD_TASK_${ids.task}` }),
        says: ['tasks.offline.detail'],
        contains: ['Appelez M. Roux (0640123456)', 'à moins de 500 m'],
        offers: [(ids) => `MOD_TASKYES_${ids.task}`, (ids) => `MOD_TASKNO_${ids.task}`],
        then: (replies) => {
          const titles = replies
            .flatMap((reply) => reply.suggestedActions?.actions ?? [])
            .map((action) => action.title);
          assert.ok(titles.includes('Il accepte') && titles.includes('Il refuse'), titles.join());
        },
      },
      { send: (ids) => ({ payload: `MOD_TASKYES_${ids.task}` }), says: ['tasks.offline.done.helperAsked'] },
    ],
    async outcome(harness, ids) {
      const asked = harness.notifier.to(HELPER).at(-1);
      assert.ok(
        (asked?.activity.suggestedActions?.actions ?? []).some((action) =>
          String(action.value).startsWith('MATCH_ACCEPT_'),
        ),
        'the helper is asked in Messenger',
      );
      assert.doesNotMatch(asked?.activity.text ?? '', /Roux|0640/);
      assert.match(asked?.activity.text ?? '', /packs d eau/);
      const task = await harness.database.db
        .collection<Task>(TASKS_COLLECTION)
        .findOne({ psid: { $regex: /^offline:/ }, 'step.notice.type': 'matching.helperSuggested' });
      assert.equal(task?.status, 'done');
      assert.equal(task?._id.toHexString(), ids.task);
      const person = await harness.database.db
        .collection<Resident>('residents')
        .findOne({ psid: task?.psid });
      assert.deepEqual([person?.offline?.name, person?.offline?.addressAs], ['Henri Roux', 'M. Roux']);
    },
  },
];

playScripts('conversations: referents speaking for neighbours without Messenger', scripts);
