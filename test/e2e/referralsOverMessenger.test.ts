/**
 * End to end through the signed Messenger webhook, the fake Graph API and a local SMTP
 * server: a helper outside their 24-hour window who chose e-mail is e-mailed the request with
 * an m.me link, follows it (a `referral` event with the ref) and is asked again in Messenger,
 * then accepts; the link is nobody else's and a forged one says so; a poster's ref makes the
 * neighbourhood known, and the form offers it.
 */
import assert from 'node:assert/strict';
import { systemClock } from '../../services/clock';
import { EntryRepository } from '../../services/entries/entryRepository';
import { loadNeighbourhoods } from '../../services/places';
import { offset } from '../services/support';
import { startSmtpServer, type TestSmtpServer } from '../mail/smtpServer';
import { startFakeGeocoder, type FakeGeocoder } from '../support/fake-geocoder';
import { MessengerUser, messagesTo, payloadsOf, textOf } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

const PLACE_JEAN_JAURES = { lat: 43.5833, lon: 5.0017 };
const DAY_MS = 86_400_000;

describe('m.me links and e-mail to helpers outside the window, end to end', () => {
  let test: TestApp;
  let geocoder: FakeGeocoder;
  let smtp: TestSmtpServer;
  before(async () => {
    geocoder = await startFakeGeocoder();
    smtp = await startSmtpServer();
    test = await startTestApp({
      env: {
        GEOCODER_URL: geocoder.url,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Voisins Solidaires Miramas <no-reply@voisins.test>',
        MESSENGER_PAGE_NAME: 'voisinsmiramas',
      },
    });
  });
  after(async () => {
    await test.stop();
    await geocoder.close();
    await smtp.close();
  });

  it('e-mails a helper outside the window, who follows the link, is asked in Messenger and accepts', async () => {
    const helper = new MessengerUser(test, '2100000000000001');
    const asker = new MessengerUser(test, '2100000000000002');
    const stranger = new MessengerUser(test, '2100000000000003');

    // The helper offers groceries and chooses to be reached by e-mail.
    await helper.postback('GET_STARTED', 'Démarrer');
    await helper.tap('MENU_OFFER', "Proposer de l'aide");
    await helper.tap('CATEGORY_GROCERIES', 'Courses');
    await helper.say('je fais les courses pour ceux qui peuvent pas sortir');
    const near = offset(PLACE_JEAN_JAURES, 400, 0);
    await helper.shareLocation(near.lat, near.lon);
    await helper.say('le mercredi apres midi');
    await helper.say('juste ce mercredi');
    await helper.say('par mail: bernard.voisin@example.org');
    await helper.tap('YES', 'Oui');
    await helper.tap('YES', 'Oui');
    await helper.tap('YES', 'Oui');
    const entries = test.database.db.collection('entries');
    const offer = await entries.findOne({ psid: helper.psid, kind: 'offer' });
    assert.ok(offer, 'the offer is stored');
    const residents = test.database.db.collection<{ psid: string; contact?: { email?: string } }>(
      'residents',
    );
    assert.equal(
      (await residents.findOne({ psid: helper.psid }))?.contact?.email,
      'bernard.voisin@example.org',
    );
    await new EntryRepository(test.database.db, systemClock).publish(offer._id);
    // Two days later: the helper's 24-hour window is closed.
    await test.database.db
      .collection('conversation_refs')
      .updateOne(
        { _id: helper.psid as never },
        { $set: { lastMessageAt: new Date(Date.now() - 2 * DAY_MS) } },
      );

    // A neighbour asks for groceries and picks the offer.
    let turn = await asker.say('bonjour il me faudrait quelqu un pour les courses');
    if (payloadsOf(turn).includes('CATEGORY_GROCERIES'))
      turn = await asker.tap('CATEGORY_GROCERIES', 'Courses');
    await asker.tap('FOR_ME', 'Pour moi');
    await asker.tap('URGENCY_NORMAL', 'Pas pressé');
    await asker.say('Un pack d eau et du lait, je ne peux plus porter');
    await asker.say('12 place Jean Jaurès');
    await asker.say('jeudi matin');
    await asker.say('mon mail: josette.m@example.org');
    await asker.tap('YES', 'Oui');
    await asker.tap('YES', 'Oui');
    const proposals = await asker.tap('YES', 'Oui');
    const pick = `MATCH_PICK_${offer._id.toHexString()}`;
    assert.ok(payloadsOf(proposals).includes(pick), textOf(proposals));
    const callsBeforePick = test.graph.calls.length;
    const picked = await asker.tap(pick, 'Offre 1');

    // Nothing in Messenger for the helper (outside the window): an e-mail instead.
    assert.deepEqual(messagesTo(test.graph.calls.slice(callsBeforePick), helper.psid), []);
    const match = await test.database.db.collection('matches').findOne({ offerId: offer._id });
    assert.ok(match);
    const matchId = match._id.toHexString();
    assert.equal(match.status, 'proposed', 'the match waits for the helper, not for a referent');
    assert.doesNotMatch(textOf(picked), /référent/i);
    assert.equal(
      await test.database.db.collection('tasks').countDocuments({ reason: 'match_outside_window' }),
      0,
    );
    const mails = smtp.received.filter((mail) => mail.to.includes('bernard.voisin@example.org'));
    assert.equal(mails.length, 1);
    const [mail] = mails;
    assert.match(mail.subject, /Un voisin a besoin de votre aide \(courses\)/);
    assert.match(
      mail.text,
      /Un voisin qui habite à moins de 500 m de chez vous a besoin d'un coup de main : courses/,
    );
    assert.match(mail.text, /quand : jeudi matin/);
    // Nothing personal: neither the asker's words, nor their address, nor their e-mail.
    assert.doesNotMatch(mail.text, /pack d eau|Jaurès|josette/i);
    const link = /https:\/\/m\.me\/voisinsmiramas\?ref=(\S+)/.exec(mail.text);
    assert.ok(link, mail.text);
    const ref = new URL(link[0]).searchParams.get('ref')!;
    assert.ok(ref.startsWith(`s1.match.${matchId}.`), ref);

    // Someone else opening the link learns nothing of the request: the ordinary welcome.
    const other = await stranger.openLink(ref);
    assert.doesNotMatch(textOf(other), /besoin de vous|courses/i);
    assert.ok(payloadsOf(other).includes('MENU_OFFER'), textOf(other));
    // A forged link (signature changed) is not read: it says so, with the menu.
    const forged = await helper.openLink(`${ref.slice(0, -4)}AAAA`);
    assert.match(textOf(forged), /Ce lien a expiré ou n'est plus valable/);
    assert.ok(payloadsOf(forged).includes('MENU_NEED'), textOf(forged));

    // The helper follows the link: asked in Messenger, with the same buttons.
    const asked = await helper.openLink(ref);
    assert.match(textOf(asked), /Un voisin a besoin de vous : pouvez-vous l'aider \?/);
    assert.match(textOf(asked), /Un pack d eau/);
    assert.ok(payloadsOf(asked).includes(`MATCH_ACCEPT_${matchId}`), textOf(asked));
    assert.ok(payloadsOf(asked).includes(`MATCH_DECLINE_${matchId}`), textOf(asked));

    const callsBeforeAccept = test.graph.calls.length;
    const accepted = await helper.tap(`MATCH_ACCEPT_${matchId}`, "J'accepte");
    assert.match(textOf(accepted), /josette\.m@example\.org/);
    assert.match(
      textOf(messagesTo(test.graph.calls.slice(callsBeforeAccept), asker.psid)),
      /bernard\.voisin@example\.org/,
    );
    assert.equal(
      (await test.database.db.collection('matches').findOne({ _id: match._id }))?.status,
      'accepted',
    );

    // The same link once answered: a sentence that says so, and the menu.
    const again = await helper.openLink(ref);
    assert.match(textOf(again), /Cette demande n'attend plus de réponse/);
    assert.ok(payloadsOf(again).includes('MENU_OFFER'), textOf(again));
  });

  it("starts a poster's reader with their neighbourhood known, offered by the form's place question", async () => {
    const [place] = loadNeighbourhoods();
    const reader = new MessengerUser(test, '2100000000000010');
    const welcome = await reader.getStartedFrom(`q.${place.id}`);
    assert.match(textOf(welcome), new RegExp(`Vous avez scanné l'affiche du quartier ${place.name}\\.`));
    assert.ok(payloadsOf(welcome).includes('MENU_NEED'), textOf(welcome));

    let turn = await reader.tap('MENU_NEED', "J'ai besoin d'aide");
    if (payloadsOf(turn).includes('CATEGORY_PHARMACY'))
      turn = await reader.tap('CATEGORY_PHARMACY', 'Pharmacie');
    await reader.tap('FOR_ME', 'Pour moi');
    await reader.tap('URGENCY_NORMAL', 'Pas pressé');
    const where = await reader.say('aller chercher mon ordonnance a la pharmacie');
    assert.ok(payloadsOf(where).includes('PLACE_KNOWN'), textOf(where));
    assert.ok(
      where.at(-1)?.quickReplies.some((reply) => reply.title === place.name),
      'the choice is titled with the neighbourhood',
    );
    const located = await reader.tap('PLACE_KNOWN', place.name);
    assert.match(textOf(located), new RegExp(place.name));
    const stored = await test.database.db
      .collection<{ state: string }>('bot_state')
      .findOne({ _id: `facebook/conversations/${reader.psid}/` as never });
    const state = stored?.state ?? '';
    // The entry is located at the neighbourhood's centre, and the origin kept in the conversation.
    assert.match(state, new RegExp(`"locationSource":"neighbourhood","neighbourhood":"${place.name}"`));
    assert.deepEqual((JSON.parse(state) as { origin?: unknown }).origin, { neighbourhoodId: place.id });
  });

  it('answers the town poster and a ref it does not know with the welcome, never silence', async () => {
    const town = await new MessengerUser(test, '2100000000000020').getStartedFrom('ville');
    assert.match(textOf(town), /bienvenue chez Voisins Solidaires Miramas/);
    assert.ok(payloadsOf(town).includes('MENU_NEED'));
    const unknown = await new MessengerUser(test, '2100000000000021').openLink('q.nulle-part');
    assert.match(textOf(unknown), /bienvenue chez Voisins Solidaires Miramas/);
  });
});
