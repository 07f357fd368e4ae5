/**
 * End to end through the signed Messenger webhook and the fake Graph API, matching over
 * time: a need nobody can help yet stays open; an offer published afterwards (approved by a
 * referent) is suggested to that need's author, who chooses before the helper hears of
 * them; the same recurring offer then serves a second need and stays available.
 */
import assert from 'node:assert/strict';
import { offset } from '../services/support';
import { startFakeGeocoder, type FakeGeocoder } from '../support/fake-geocoder';
import { MessengerUser, messagesTo, payloadsOf, textOf } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

const PLACE_JEAN_JAURES = { lat: 43.5833, lon: 5.0017 };
const REFERENT = '7000000000000031';

describe('matching over time over Messenger, end to end', () => {
  let test: TestApp;
  let geocoder: FakeGeocoder;
  before(async () => {
    geocoder = await startFakeGeocoder();
    test = await startTestApp({ env: { GEOCODER_URL: geocoder.url } });
    await test.app.container
      .get('moderation')
      .moderators.upsert({ psid: REFERENT, name: 'Nadia', quartiers: [] });
  });
  after(async () => {
    await test.stop();
    await geocoder.close();
  });

  const entries = () => test.database.db.collection('entries');

  /** A resident asks for groceries from the menu, at place Jean Jaurès; returns the last turn. */
  async function askForGroceries(asker: MessengerUser, words: string, when: string, mail: string) {
    await asker.postback('GET_STARTED', 'Démarrer');
    let turn = await asker.postback('MENU_NEED', "Demander de l'aide");
    if (payloadsOf(turn).includes('CATEGORY_GROCERIES'))
      turn = await asker.tap('CATEGORY_GROCERIES', 'Courses');
    assert.ok(payloadsOf(turn).includes('FOR_ME'), textOf(turn));
    await asker.tap('FOR_ME', 'Pour moi');
    await asker.tap('URGENCY_NORMAL', 'Pas pressé');
    await asker.say(words);
    await asker.say('12 place Jean Jaurès');
    await asker.say(when);
    await asker.say(`mon mail: ${mail}`);
    await asker.tap('YES', 'Oui');
    await asker.tap('YES', 'Oui');
    return asker.tap('YES', 'Oui');
  }

  it('suggests an offer published later to the need waiting near it, then serves a second need with the same recurring offer', async function () {
    // Four residents, a referent and three forms through the webhook: longer than one conversation.
    this.timeout(60_000);
    const asker = new MessengerUser(test, '2000000000000031');
    const helper = new MessengerUser(test, '2000000000000032');
    const second = new MessengerUser(test, '2000000000000033');

    // 1. The need first: nobody near yet, it stays open.
    const waiting = await askForGroceries(
      asker,
      'les courses du mois, je marche mal',
      'le samedi de preference',
      'mme.asker@example.org',
    );
    assert.doesNotMatch(textOf(waiting), /MATCH_PICK_/);
    const need = await entries().findOne({ psid: asker.psid, kind: 'need' });
    assert.ok(need);

    // 2. The offer, 400 m north: "chaque semaine" in its availability makes it recurring.
    await helper.postback('GET_STARTED', 'Démarrer');
    await helper.tap('MENU_OFFER', "Proposer de l'aide");
    await helper.tap('CATEGORY_GROCERIES', 'Courses');
    await helper.say('je fais mes courses chaque samedi, je peux prendre les votres');
    const near = offset(PLACE_JEAN_JAURES, 400, 0);
    await helper.shareLocation(near.lat, near.lon);
    const when = await helper.say('samedi matin chaque semaine');
    assert.match(textOf(when), /une aide régulière/, 'the form read it, and asks nothing more about it');
    await helper.tap('+33612345678', '+33 6 12 34 56 78');
    await helper.tap('YES', 'Oui');
    const recap = await helper.tap('YES', 'Oui');
    assert.match(textOf(recap), /Fréquence : régulière/);
    await helper.tap('YES', 'Oui');
    const offer = await entries().findOne({ psid: helper.psid, kind: 'offer' });
    assert.equal(offer?.status, 'pending_review');
    assert.equal(offer?.recurring, true, 'stored as the form read it');
    assert.equal(
      payloadsOf(messagesTo(test.graph.calls, asker.psid)).filter((payload) => payload.startsWith('MATCH_'))
        .length,
      0,
      'saving an offer pending review suggests nothing yet',
    );

    // 3. A referent approves it through the webhook: the need's author is offered this helper.
    const callsBeforeApproval = test.graph.calls.length;
    await new MessengerUser(test, REFERENT).postback(`MOD_APPROVE_${offer._id.toHexString()}`, 'Valider');
    const suggestion = messagesTo(test.graph.calls.slice(callsBeforeApproval), asker.psid);
    const ask = payloadsOf(suggestion).find((payload) => payload.startsWith('MATCH_ASK_'));
    assert.ok(ask, textOf(suggestion));
    assert.ok(payloadsOf(suggestion).some((payload) => payload.startsWith('MATCH_SKIP_')));
    assert.match(textOf(suggestion), /Un voisin à moins de 500 m peut vous aider \(Courses\)/);
    assert.match(textOf(suggestion), /rien n'est transmis sans votre accord/);
    assert.doesNotMatch(textOf(suggestion), /06|\+33/);
    assert.equal(
      messagesTo(test.graph.calls.slice(callsBeforeApproval), helper.psid).filter((message) =>
        message.quickReplies.some((reply) => reply.payload?.startsWith('MATCH_ACCEPT_') === true),
      ).length,
      0,
      'the helper is not asked before the resident chooses',
    );

    // 4. The resident chooses: only now is the helper asked, and their acceptance shares contacts.
    const callsBeforeChoice = test.graph.calls.length;
    const chosen = await asker.tap(ask, 'Oui, demandez-lui');
    assert.match(textOf(chosen), /C'est demandé/);
    const request = messagesTo(test.graph.calls.slice(callsBeforeChoice), helper.psid);
    const accept = payloadsOf(request).find((payload) => payload.startsWith('MATCH_ACCEPT_'));
    assert.ok(accept, textOf(request));
    const callsBeforeAccept = test.graph.calls.length;
    const toHelper = await helper.tap(accept, "J'accepte");
    assert.match(textOf(toHelper), /mme\.asker@example\.org/);
    const toAsker = messagesTo(test.graph.calls.slice(callsBeforeAccept), asker.psid);
    assert.match(textOf(toAsker).replace(/\s/g, ''), /0612345678|\+33612345678/);
    assert.equal((await entries().findOne({ _id: need._id }))?.status, 'matched');
    const afterFirst = await entries().findOne({ _id: offer._id });
    assert.equal(afterFirst?.status, 'published', 'a recurring offer stays available');
    assert.equal(afterFirst?.helpedCount, 1);

    // 5. A second neighbour asks later: the same offer is there, chosen, accepted.
    const proposals = await askForGroceries(
      second,
      'courses svp jai pas de voiture',
      'samedi',
      'voisin.deux@example.org',
    );
    const pick = `MATCH_PICK_${offer._id.toHexString()}`;
    assert.ok(payloadsOf(proposals).includes(pick), textOf(proposals));
    const callsBeforePick = test.graph.calls.length;
    await second.tap(pick, 'Offre 1');
    const secondRequest = messagesTo(test.graph.calls.slice(callsBeforePick), helper.psid);
    const secondAccept = payloadsOf(secondRequest).find((payload) => payload.startsWith('MATCH_ACCEPT_'));
    assert.ok(secondAccept, textOf(secondRequest));
    await helper.tap(secondAccept, "J'accepte");
    const afterSecond = await entries().findOne({ _id: offer._id });
    assert.equal(afterSecond?.status, 'published');
    assert.equal(afterSecond?.helpedCount, 2);
    const accepted = await test.database.db
      .collection('matches')
      .countDocuments({ offerId: offer._id, status: 'accepted' });
    assert.equal(accepted, 2);

    // 6. "Mes annonces" says how many neighbours the offer helped.
    const mine = await helper.postback('MENU_MY_ENTRIES', 'Mes annonces');
    assert.match(textOf(mine), /offre régulière, 2 voisin\(s\) aidé\(s\)/);

    // 7. Its owner pauses it (nobody is proposed it meanwhile), then resumes it.
    const id = offer._id.toHexString();
    await helper.tap(`ENTRY_${id}`, '1. Courses');
    await helper.tap(`ENTRY_PAUSE_${id}`, 'Mettre en pause');
    assert.equal((await entries().findOne({ _id: offer._id }))?.paused, true);
    const third = new MessengerUser(test, '2000000000000034');
    const none = await askForGroceries(third, 'des courses pour ma semaine', 'samedi', 'trois@example.org');
    assert.ok(!payloadsOf(none).includes(pick), 'a paused offer is proposed to nobody');
    await helper.postback('MENU_MY_ENTRIES', 'Mes annonces');
    await helper.tap(`ENTRY_${id}`, '1. Courses');
    await helper.tap(`ENTRY_RESUME_${id}`, 'Réactiver');
    const resumed = await entries().findOne({ _id: offer._id });
    assert.equal(resumed?.paused, false);
    assert.equal(resumed?.status, 'published');
  });
});
