/**
 * End to end through the signed Messenger webhook and the fake Graph API: a resident
 * leaves a testimonial, an admin corrects and approves it in Messenger, the
 * `publish-testimonials` job posts it on the Page, and the resident's withdrawal deletes
 * the post.
 */
import assert from 'node:assert/strict';
import { systemClock } from '../../services/clock';
import { ModeratorRepository } from '../../services/moderation/moderatorRepository';
import type { Testimonial } from '../../services/testimonials/types';
import { MessengerUser, payloadsOf, textOf } from '../support/messengerUser';
import { PAGE_ID, startTestApp, type TestApp } from '../support/testApp';

describe('a testimonial over Messenger, end to end', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(async () => {
    await test.stop();
  });
  const testimonials = () => test.database.db.collection<Testimonial>('testimonials');

  it('is told, approved with a correction by an admin, posted by the job, then deleted on withdrawal', async () => {
    const resident = new MessengerUser(test, '2000000000000011');
    const admin = new MessengerUser(test, '2000000000000012');
    await new ModeratorRepository(test.database.db, systemClock).upsert({
      psid: admin.psid,
      name: 'Awa',
      quartiers: [],
      role: 'admin',
    });

    // The resident tells the story, signs with a first name and neighbourhood, consents.
    assert.match(textOf(await resident.postback('MENU_TESTIMONIAL', 'Témoigner')), /Racontez-nous/);
    const signature = await resident.say('Nadia a fait mes course pendant deux semaines, merci a elle');
    assert.ok(payloadsOf(signature).includes('SIGN_FIRST_NAME'), textOf(signature));
    await resident.tap('SIGN_FIRST_NAME', 'Prénom et quartier');
    await resident.say('Camille');
    const consent = await resident.say('maille 2');
    assert.match(textOf(consent), /Mes données/);
    assert.match(textOf(await resident.tap('YES', "J'accepte")), /— Camille, La Maille 2/);
    assert.match(textOf(await resident.tap('YES', 'Envoyer')), /administrateur/);
    const stored = await testimonials().findOne({ psid: resident.psid });
    assert.equal(stored?.status, 'pending');
    const id = stored._id.toHexString();

    // The admin reviews it in Messenger and corrects the spelling.
    const list = await admin.postback('ADMIN_TESTIMONIALS', 'Témoignages');
    assert.ok(payloadsOf(list).includes(`ADMIN_TESTIMONIAL_${id}`), textOf(list));
    await admin.tap(`ADMIN_TESTIMONIAL_${id}`, '1. Camille');
    assert.match(textOf(await admin.tap(`ADMIN_TM_EDIT_${id}`, 'Corriger et publier')), /texte corrigé/);
    const corrected = 'Nadia a fait mes courses pendant deux semaines, merci à elle !';
    assert.match(textOf(await admin.say(corrected)), /validé avec votre correction/);

    // The publication job, run by hand, posts the corrected text with the signature.
    const jobs = test.app.container.get('jobs');
    const publish = jobs.find((job) => job.name === 'publish-testimonials');
    assert.ok(publish);
    const summary = await publish.run({ now: new Date() });
    assert.equal(summary.published, 1);
    const posts = test.graph.calls.filter(
      (call) => call.method === 'POST' && call.path === `/${PAGE_ID}/feed`,
    );
    assert.equal(posts.length, 1);
    assert.equal(
      (posts[0]?.body as { message?: string }).message,
      `« ${corrected} »\n— Camille, La Maille 2`,
    );
    const postId = (await testimonials().findOne({ psid: resident.psid }))?.postId;
    assert.ok(typeof postId === 'string');

    // The resident takes their consent back: the post is deleted from the Page.
    const confirm = await resident.say('je veux retirer mon témoignage');
    assert.ok(payloadsOf(confirm).includes('YES'), textOf(confirm));
    assert.match(textOf(await resident.tap('YES', 'Oui, le retirer')), /supprimé de la page/);
    const deletions = test.graph.calls.filter((call) => call.method === 'DELETE');
    assert.deepEqual(
      deletions.map((call) => call.path),
      [`/${postId}`],
    );
    const withdrawn = await testimonials().findOne({ psid: resident.psid });
    assert.equal(withdrawn?.status, 'withdrawn');
  });
});
