/**
 * What a referent reads of a step of a resident without Messenger (the call script and the
 * notice's own answers), and what recording an answer calls: the residents' use cases, as
 * them, then the task ends.
 */
import { strict as assert } from 'node:assert';
import { ObjectId } from 'mongodb';
import {
  answerStep,
  readStepAnswer,
  stepAnswerPayload,
  type StepAnswerDeps,
} from '../../../dialogs/moderation/offlineStepTools';
import { callScript, pronounOf, stepAnswerTitles } from '../../../dialogs/notices/offline';
import type { StepNotice, Task } from '../../../services/tasks';

const MATCH = '65f0000000000000000000aa';
const ENTRY = '65f0000000000000000000bb';
const HER = 'offline:0123456789abcdef';

function stepTask(notice: StepNotice, addressAs = 'Mme Martin'): Task {
  return {
    _id: new ObjectId(),
    psid: HER,
    reason: 'offline_resident_step',
    urgency: 'normal',
    status: 'open',
    createdAt: new Date(),
    dueAt: new Date(),
    contact: { phone: '06 11 22 33 44' },
    step: { addressAs, notice },
  };
}

const suggested: StepNotice = {
  type: 'matching.helperSuggested',
  matchId: MATCH,
  cause: 'found',
  category: 'groceries',
  distanceMeters: 120,
  description: 'je fais mes courses au marché le samedi',
  availability: 'samedi matin',
};

/** Fakes of the use cases, recording each call. */
function fakes(task: Task, outcomes: { stale?: boolean } = {}) {
  const calls: unknown[][] = [];
  const deps: StepAnswerDeps = {
    tasks: {
      get: () => Promise.resolve(task),
      complete: (...args) => {
        calls.push(['complete', ...args]);
        return Promise.resolve({ task: { ...task, status: 'done' }, residentTold: true });
      },
    },
    matching: {
      answerSuggestion: (...args) => {
        calls.push(['answerSuggestion', ...args]);
        return Promise.resolve(
          outcomes.stale
            ? { status: 'stale' }
            : { status: 'asked', sent: true, distanceMeters: 120, inOrder: false },
        );
      },
      answerRequest: (...args) => {
        calls.push(['answerRequest', ...args]);
        return Promise.resolve({ status: 'declined', next: 'next_suggested' });
      },
      recordFollowUp: (...args) => {
        calls.push(['recordFollowUp', ...args]);
        return Promise.resolve(true);
      },
      entryPublished: (...args) => {
        calls.push(['entryPublished', ...args]);
        return Promise.resolve(0);
      },
    },
    entries: {
      renew: (...args) => {
        calls.push(['renew', ...args]);
        return Promise.resolve(true);
      },
      close: (...args) => {
        calls.push(['close', ...args]);
        return Promise.resolve(true);
      },
    },
  };
  return { deps, calls };
}

describe('dialogs: steps of residents without Messenger', function () {
  it('writes a call script: whom to call, their number, what to tell or ask them', function () {
    assert.equal(
      callScript(stepTask(suggested)),
      "Appelez Mme Martin (06 11 22 33 44) : un voisin à moins de 500 m peut l'aider (Courses) : « je fais mes courses au marché le samedi », samedi matin. Demandez-lui s'il faut le solliciter : rien n'est transmis sans son accord.",
    );
    const asked = callScript(
      stepTask(
        {
          type: 'matching.helperAsked',
          matchId: MATCH,
          category: 'pharmacy',
          distanceMeters: 800,
          description: 'chercher une ordonnance',
          availability: 'jeudi',
        },
        'M. Roux',
      ),
    );
    assert.match(
      asked ?? '',
      /^Appelez M\. Roux \(06 11 22 33 44\) : un voisin à moins d'1 km a besoin d'aide \(Pharmacie\)/,
    );
    assert.match(
      callScript(
        stepTask({ type: 'entries.closedByExpiry', entryId: ENTRY, kind: 'need', category: 'groceries' }),
      ) ?? '',
      /son annonce \(Courses\) est arrivée à échéance et a été close/,
    );
    // A notice without a script of its own is read to them as it would have been written.
    assert.match(
      callScript(stepTask({ type: 'tasks.outcome', reason: 'no_match', outcome: 'helped' })) ?? '',
      /: dites-lui : « Bonne nouvelle : un référent de Voisins Solidaires a trouvé une solution/,
    );
    assert.equal(callScript({ contact: undefined, step: undefined }), undefined);
  });

  it("offers the notice's own answers, in the person's gender when the form of address tells it", function () {
    assert.deepEqual(stepAnswerTitles(stepTask(suggested).step!), { yes: 'Elle accepte', no: 'Elle refuse' });
    assert.deepEqual(stepAnswerTitles(stepTask(suggested, 'Monsieur Roux').step!), {
      yes: 'Il accepte',
      no: 'Il refuse',
    });
    assert.equal(pronounOf('Jeanne'), 'La personne');
    assert.deepEqual(
      stepAnswerTitles(stepTask({ type: 'matching.followUpAsked', matchId: MATCH, category: 'pets' }).step!),
      {
        yes: "Ça s'est bien passé",
        no: "Ça n'a pas eu lieu",
      },
    );
    assert.equal(
      stepAnswerTitles(stepTask({ type: 'matching.toReferent', cause: 'declined' }).step!),
      undefined,
    );
    const id = new ObjectId().toHexString();
    assert.deepEqual(readStepAnswer(stepAnswerPayload(true, id)), { id, yes: true });
    assert.deepEqual(readStepAnswer(stepAnswerPayload(false, id)), { id, yes: false });
    assert.equal(readStepAnswer(`MOD_TASK_${id}`), undefined);
  });

  it('records « elle accepte » with the use case of her own button, as her, then ends the task', async function () {
    const task = stepTask(suggested);
    const { deps, calls } = fakes(task);
    const reply = await answerStep(deps, 'mod-sonia', task._id.toHexString(), true);
    assert.match(reply.text ?? '', /le voisin aidant est sollicité dans Messenger/);
    assert.deepEqual(calls, [
      ['answerSuggestion', MATCH, HER, true],
      ['complete', 'mod-sonia', task._id.toHexString(), 'reached'],
    ]);
  });

  it('records a helper’s refusal, a follow-up and a renewal with their own use cases', async function () {
    const request = stepTask({
      type: 'matching.helperAsked',
      matchId: MATCH,
      category: 'groceries',
      distanceMeters: 100,
      description: 'x',
      availability: 'y',
    });
    const asked = fakes(request);
    await answerStep(asked.deps, 'mod', request._id.toHexString(), false);
    assert.deepEqual(asked.calls[0], ['answerRequest', MATCH, HER, false]);

    const followUp = stepTask({ type: 'matching.followUpAsked', matchId: MATCH, category: 'groceries' });
    const followed = fakes(followUp);
    await answerStep(followed.deps, 'mod', followUp._id.toHexString(), false);
    assert.deepEqual(followed.calls[0], ['recordFollowUp', MATCH, HER, false]);

    const renewal = stepTask({
      type: 'entries.renewalAsked',
      entryId: ENTRY,
      category: 'groceries',
      graceDays: 3,
    });
    const renewed = fakes(renewal);
    const reply = await answerStep(renewed.deps, 'mod', renewal._id.toHexString(), true);
    assert.match(reply.text ?? '', /l'annonce reste en ligne/);
    assert.deepEqual(renewed.calls.slice(0, 2), [
      ['renew', ENTRY, HER],
      ['entryPublished', ENTRY],
    ]);
  });

  it('leaves the task open when the question no longer waits, and offers to end it', async function () {
    const task = stepTask(suggested);
    const { deps, calls } = fakes(task, { stale: true });
    const reply = await answerStep(deps, 'mod', task._id.toHexString(), true);
    assert.match(reply.text ?? '', /n'attend plus de réponse/);
    assert.ok(
      calls.every(([name]) => name !== 'complete'),
      'not ended',
    );
    const payloads = (reply.suggestedActions?.actions ?? []).map((action) => String(action.value));
    assert.ok(payloads.includes(`MOD_TASKDONE_${task._id.toHexString()}`), payloads.join());
  });
});
