/**
 * End to end through the signed Messenger webhook and the fake Graph API: a resident offers
 * help, another one 500 m away asks for the same kind of help in free text, the offer is
 * proposed, both accept, and each receives the contact the other agreed to share.
 */
import assert from 'node:assert/strict';
import { EntryRepository } from '../../services/entries/entryRepository';
import { systemClock } from '../../services/clock';
import { offset } from '../services/support';
import { startFakeGeocoder, type FakeGeocoder } from '../support/fake-geocoder';
import { MessengerUser, messagesTo, payloadsOf, textOf } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

const PLACE_JEAN_JAURES = { lat: 43.5833, lon: 5.0017 };

describe('a match over Messenger, end to end', () => {
  let test: TestApp;
  let geocoder: FakeGeocoder;
  before(async () => {
    geocoder = await startFakeGeocoder();
    test = await startTestApp({ env: { GEOCODER_URL: geocoder.url } });
  });
  after(async () => {
    await test.stop();
    await geocoder.close();
  });

  it('puts two neighbours 500 m apart in touch, each with the contact the other shared', async () => {
    const helper = new MessengerUser(test, '2000000000000001');
    const asker = new MessengerUser(test, '2000000000000002');

    // The helper offers to do the shopping, from a location shared 500 m north of the asker.
    assert.ok(payloadsOf(await helper.postback('GET_STARTED', 'Démarrer')).includes('MENU_OFFER'));
    assert.ok(
      payloadsOf(await helper.tap('MENU_OFFER', "Proposer de l'aide")).includes('CATEGORY_GROCERIES'),
    );
    await helper.tap('CATEGORY_GROCERIES', 'Courses');
    await helper.say("Je peux faire vos courses, j'ai une voiture");
    const near = offset(PLACE_JEAN_JAURES, 500, 0);
    await helper.shareLocation(near.lat, near.lon);
    const often = await helper.say('le samedi matin');
    assert.ok(payloadsOf(often).includes('OFFER_ONCE'), textOf(often));
    const contactQuestion = await helper.say('juste ce samedi');
    assert.ok(payloadsOf(contactQuestion).includes('user_phone_number'));
    await helper.tap('+33612345678', '+33 6 12 34 56 78');
    await helper.tap('YES', 'Oui');
    await helper.tap('YES', 'Oui');
    const saved = await helper.tap('YES', 'Oui');
    assert.match(textOf(saved), /référent/i);

    const entries = test.database.db.collection('entries');
    const offer = await entries.findOne({ psid: helper.psid, kind: 'offer' });
    assert.equal(offer?.status, 'pending_review');
    assert.equal(offer?.category, 'groceries');
    // A referent validates it (the moderators' tools are tested on their own).
    await new EntryRepository(test.database.db, systemClock).publish(offer._id);

    // The asker writes in their own words; the category is understood or asked once.
    let turn = await asker.say('bjr jai besoin de qq1 pour faire mes courses svp');
    if (payloadsOf(turn).includes('CATEGORY_GROCERIES'))
      turn = await asker.tap('CATEGORY_GROCERIES', 'Courses');
    assert.ok(payloadsOf(turn).includes('FOR_ME'), textOf(turn));
    await asker.tap('FOR_ME', 'Pour moi');
    await asker.tap('URGENCY_NORMAL', 'Pas pressé');
    await asker.say('Mes courses de la semaine au supermarché');
    await asker.say('12 place Jean Jaurès');
    await asker.say('samedi');
    await asker.say('mon mail: voisine.asker@example.org');
    await asker.tap('YES', 'Oui');
    await asker.tap('YES', 'Oui');
    const proposals = await asker.tap('YES', 'Oui');
    const pick = `MATCH_PICK_${offer._id.toHexString()}`;
    assert.ok(payloadsOf(proposals).includes(pick), textOf(proposals));
    assert.match(textOf(proposals), /Courses, à moins de 500 m :/);
    assert.doesNotMatch(textOf(proposals), /06|\+33|République|Jaurès/);

    // The asker picks the offer: the helper is asked through the bot.
    const callsBeforePick = test.graph.calls.length;
    await asker.tap(pick, 'Offre 1');
    const request = messagesTo(test.graph.calls.slice(callsBeforePick), helper.psid);
    const accept = payloadsOf(request).find((payload) => payload.startsWith('MATCH_ACCEPT_'));
    assert.ok(accept, textOf(request));

    // The helper accepts: each receives the other's shared contact, and nothing more.
    const callsBeforeAccept = test.graph.calls.length;
    const toHelper = await helper.tap(accept, 'Oui, je peux');
    const toAsker = messagesTo(test.graph.calls.slice(callsBeforeAccept), asker.psid);
    assert.match(textOf(toHelper), /voisine\.asker@example\.org/);
    assert.match(textOf(toAsker).replace(/\s/g, ''), /0612345678|\+33612345678/);
    assert.doesNotMatch(textOf(toHelper), /06 ?12 ?34/);

    const match = await test.database.db.collection('matches').findOne({ offerId: offer._id });
    assert.equal(match?.status, 'accepted');

    // The one-off offer is used up: its owner is told, and makes it regular.
    assert.match(textOf(toHelper), /Votre offre \(Courses\) a servi/);
    const regular = `ENTRY_REGULAR_${offer._id.toHexString()}`;
    assert.ok(payloadsOf(toHelper).includes(regular), textOf(toHelper));
    assert.equal((await entries.findOne({ _id: offer._id }))?.status, 'matched');
    const done = await helper.tap(regular, 'La rendre régulière');
    assert.match(textOf(done), /votre offre est régulière/);
    const reopened = await entries.findOne({ _id: offer._id });
    assert.equal(reopened?.status, 'published');
    assert.equal(reopened?.recurring, true);
  });
});
