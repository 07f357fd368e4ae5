/**
 * End to end through the signed Messenger webhook and the fake Graph API, a resident without
 * Messenger: a referent registers her need by phone (her name and how to address her kept
 * for the referents, never in the description), approves it; a helper 100 m away is found;
 * the step that would have been a Messenger message to her is a task in the referents' menu
 * that says whom to call and what; the referent records « elle accepte » and the helper is
 * asked in Messenger; the helper's acceptance is the next call to make.
 */
import assert from 'node:assert/strict';
import type { Entry, Resident } from '../../services/domain/types';
import { TASKS_COLLECTION, type Task } from '../../services/tasks';
import { offset } from '../services/support';
import { startFakeGeocoder, type FakeGeocoder } from '../support/fake-geocoder';
import { MessengerUser, messagesTo, payloadsOf, textOf } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

const PLACE_JEAN_JAURES = { lat: 43.5833, lon: 5.0017 };
const REFERENT = '7000000000000041';
const OTHER_REFERENT = '7000000000000042';

describe('a resident without Messenger, end to end', () => {
  let test: TestApp;
  let geocoder: FakeGeocoder;
  before(async () => {
    geocoder = await startFakeGeocoder();
    test = await startTestApp({ env: { GEOCODER_URL: geocoder.url } });
    const { moderators } = test.app.container.get('moderation');
    await moderators.upsert({ psid: REFERENT, name: 'Sonia', quartiers: [] });
    await moderators.upsert({ psid: OTHER_REFERENT, name: 'Karim', quartiers: [] });
  });
  after(async () => {
    await test.stop();
    await geocoder.close();
  });

  const entries = () => test.database.db.collection<Entry>('entries');
  const tasks = () => test.database.db.collection<Task>(TASKS_COLLECTION);

  it('matches her need with a helper 100 m away, the referent calls her, records « elle accepte », and the helper is asked', async function () {
    this.timeout(120_000);
    // A helper 100 m from place Jean Jaurès offers groceries, approved by a referent.
    const helper = new MessengerUser(test, '2000000000000041');
    await helper.postback('GET_STARTED', 'Démarrer');
    await helper.tap('MENU_OFFER', "Proposer de l'aide");
    await helper.tap('CATEGORY_GROCERIES', 'Courses');
    await helper.say('jpeux faire les courses le samedi matin pour qqn du quartier');
    const near = offset(PLACE_JEAN_JAURES, 100, 0);
    await helper.shareLocation(near.lat, near.lon);
    await helper.say('samedi matin');
    await helper.tap('OFFER_ONCE', 'Une seule fois');
    await helper.tap('+33612345678', '+33 6 12 34 56 78');
    await helper.tap('YES', 'Oui');
    await helper.tap('YES', 'Oui');
    await helper.tap('YES', 'Oui');
    const offer = await entries().findOne({ psid: helper.psid, kind: 'offer' });
    assert.ok(offer);
    const referent = new MessengerUser(test, REFERENT);
    await referent.say('menu');
    await referent.postback(`MOD_APPROVE_${offer._id.toHexString()}`, 'Valider');

    // The referent registers Mme Martin's need, read to her on the phone.
    await referent.postback('MOD_REGISTER', 'Inscrire un voisin');
    await referent.tap('ONBEHALF_NEED', "Une demande d'aide");
    await referent.tap('ONBEHALF_BY_PHONE', 'Oui, par téléphone');
    await referent.tap('CATEGORY_GROCERIES', 'Courses');
    await referent.tap('FOR_ME', 'Pour moi');
    await referent.tap('URGENCY_NORMAL', 'Pas pressé');
    await referent.say('faire ses courses, elle ne peut plus porter les sacs');
    await referent.say('12 place Jean Jaurès');
    await referent.say('samedi matin si possible');
    await referent.say('06 11 22 33 44');
    await referent.tap('YES', "J'accepte");
    await referent.tap('YES', "J'accepte");
    const named = await referent.tap('YES', 'Enregistrer');
    assert.match(textOf(named), /nom de ce voisin/, textOf(named));
    await referent.say('Jeanne Martin');
    const saved = await referent.say('Mme Martin');
    const approve = payloadsOf(saved).find((payload) => payload.startsWith('MOD_APPROVE_'));
    assert.ok(approve, textOf(saved));
    const need = await entries().findOne({ registeredBy: REFERENT, kind: 'need' });
    assert.ok(need);
    assert.match(need.psid, /^offline:/);
    assert.doesNotMatch(need.description, /Martin/, 'her name is never in what helpers read');
    const person = await test.database.db.collection<Resident>('residents').findOne({ psid: need.psid });
    assert.equal(person?.offline?.addressAs, 'Mme Martin');

    // Approved: the helper 100 m away is found for her need.
    await referent.postback(approve, 'Valider maintenant');
    const suggested = await test.database.db
      .collection('matches')
      .findOne({ needId: need._id, offerId: offer._id });
    assert.equal(suggested?.status, 'suggested', 'the helper nearby was found');
    assert.ok(Number(suggested?.distanceMeters) < 500);
    const [step] = await tasks()
      .find({
        psid: need.psid,
        reason: 'offline_resident_step',
        'step.notice.type': 'matching.helperSuggested',
      })
      .toArray();
    assert.ok(step, 'the suggestion she could not be sent is a task');
    assert.equal(step.assignedTo, REFERENT);
    assert.equal(
      messagesTo(test.graph.calls, helper.psid).filter((message) =>
        message.quickReplies.some((reply) => reply.payload?.startsWith('MATCH_ACCEPT_') === true),
      ).length,
      0,
      'the helper is not asked before she chooses',
    );

    // The referents' menu: the task says whom to call and what (the other referent sees it too).
    const list = await referent.tap('MOD_TASKS', 'Tâches');
    assert.match(textOf(list), /Voisin hors ligne à appeler/);
    assert.match(textOf(list), /Appelez Mme Martin \(06 ?11 ?22 ?33 ?44\) : un voisin à moins de 500 m/);
    const other = await new MessengerUser(test, OTHER_REFERENT).say('menu');
    assert.ok(
      payloadsOf(await new MessengerUser(test, OTHER_REFERENT).tap('MOD_TASKS', 'Tâches')).includes(
        `MOD_TASK_${step._id.toHexString()}`,
      ),
      textOf(other),
    );
    const view = await referent.tap(`MOD_TASK_${step._id.toHexString()}`, 'Tâche 1');
    assert.match(
      textOf(view),
      /Appelez Mme Martin \(06 ?11 ?22 ?33 ?44\) : un voisin à moins de 500 m peut l'aider \(Courses\)/,
    );
    assert.match(textOf(view), /samedi matin/);
    const yes = `MOD_TASKYES_${step._id.toHexString()}`;
    assert.ok(payloadsOf(view).includes(yes));
    assert.ok(view.some((message) => message.quickReplies.some((reply) => reply.title === 'Elle accepte')));
    assert.ok(payloadsOf(view).includes(`MOD_TASKNO_${step._id.toHexString()}`));

    // She accepts: the referent records it, the helper is asked in Messenger, the task is done.
    const callsBefore = test.graph.calls.length;
    const recorded = await referent.tap(yes, 'Elle accepte');
    assert.match(textOf(recorded), /sollicité dans Messenger/);
    const request = messagesTo(test.graph.calls.slice(callsBefore), helper.psid);
    const accept = payloadsOf(request).find((payload) => payload.startsWith('MATCH_ACCEPT_'));
    assert.ok(accept, textOf(request));
    assert.match(textOf(request), /ne peut plus porter les sacs/);
    assert.doesNotMatch(textOf(request), /Martin|06 11 22 33 44/, 'nothing of her before the helper accepts');
    const done = await tasks().findOne({ _id: step._id });
    assert.equal(done?.status, 'done');
    assert.equal(done?.outcome, 'reached');

    // The helper accepts: her phone goes to the helper, and the next call is the referent's.
    const toHelper = await helper.tap(accept, "J'accepte");
    assert.match(textOf(toHelper).replace(/\s/g, ''), /0611223344/);
    assert.equal((await entries().findOne({ _id: need._id }))?.status, 'matched');
    const accepted = await tasks().findOne({
      psid: need.psid,
      'step.notice.type': 'matching.requestAccepted',
      status: 'open',
    });
    assert.ok(accepted, "the helper's acceptance is a call to make");
    const next = await referent.tap(`MOD_TASK_${accepted._id.toHexString()}`, 'Tâche 1');
    assert.match(
      textOf(next).replace(/\s/g, ''),
      /AppelezMmeMartin.*accepte.*\+33612345678|AppelezMmeMartin.*accepte.*0612345678/,
    );
  });
});
