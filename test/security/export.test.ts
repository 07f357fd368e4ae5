/**
 * The right of access: "Voir mes données" gives the person everything stored about them,
 * in French, and nothing about the other people involved.
 */
import { strict as assert } from 'node:assert';
import { frenchDate } from '../../dialogs/replies';
import { t } from '../../services/i18n';
import { HELPER, PERSON, liveLife, openWorld, type Life, type World } from './personLife';

describe('security: the export holds everything stored about the person', function () {
  this.timeout(60_000);
  let world: World;
  let life: Life;
  let exported: string;

  before(async function () {
    world = await openWorld();
    life = await liveLife(world);
    await world.say(PERSON.psid, { payload: 'MENU_PRIVACY' });
    exported = await world.say(PERSON.psid, { payload: 'PRIVACY_EXPORT' });
  });
  after(async function () {
    await world.dispose();
  });

  it('their contact as stored: phone and e-mail', function () {
    assert.ok(exported.includes(PERSON.phone), exported);
    assert.ok(exported.includes(PERSON.email), exported);
  });

  it('their consents, each with its date', function () {
    const given = (date: Date): string => t('privacy.consentGiven', { date: frenchDate(date) });
    assert.ok(exported.includes(given(life.storageConsentAt)), 'storage consent with its date');
    assert.ok(
      exported.includes(t('privacy.exportConsentPublication', { consent: given(life.publicationConsentAt) })),
      'publication consent with its date',
    );
  });

  it('the coordinates of their entries as stored, with the address typed', function () {
    const [longitude, latitude] = life.coordinates;
    assert.ok(exported.includes(String(latitude)), `latitude ${latitude} in:\n${exported}`);
    assert.ok(exported.includes(String(longitude)), `longitude ${longitude}`);
    assert.ok(exported.includes('12 rue des Capucines'));
  });

  it('the handover: its summary and its transcript, both sides', function () {
    assert.ok(exported.includes('je voudrais parler à quelqu’un pour mes courses'), 'summary');
    assert.ok(exported.includes(PERSON.transcript), 'what they said');
    assert.ok(exported.includes(PERSON.moderatorReply), 'what the referent answered');
  });

  it('the attention flags on their conversation, the complaint included', function () {
    assert.ok(exported.includes(t('moderation.moderator.reason.complaint')), 'complaint');
    assert.ok(exported.includes(t('moderation.moderator.reason.asked_for_human')), 'asked for a human');
  });

  it('their answer to the follow-up question', function () {
    assert.ok(exported.includes(t('privacy.followUpNo')), 'their "no"');
  });

  it('the notices that could not be delivered to them', async function () {
    const notice = await world.db.collection('undelivered').findOne({ psid: PERSON.psid });
    assert.ok(notice?.text, 'a notice waits for a referent');
    assert.ok(exported.includes(String(notice.text)), 'the notice text');
  });

  it('their testimonial with its consent date', async function () {
    const testimonial = await world.db.collection('testimonials').findOne({ psid: PERSON.psid });
    const consentAt = (testimonial?.consent as { at: Date }).at;
    assert.ok(exported.includes('Une voisine a fait mes courses'), 'testimonial text');
    assert.ok(exported.includes(`${PERSON.firstName}, La Maille 2`), 'signature');
    assert.ok(
      exported.includes(
        t('privacy.exportTestimonialConsent', {
          consent: t('privacy.consentGiven', { date: frenchDate(consentAt) }),
        }),
      ),
      'consent to publish it, with its date',
    );
  });

  it('nothing about the helper', function () {
    assert.ok(!exported.includes(HELPER), 'the helper’s psid');
    assert.ok(!exported.includes('8 avenue de la République'), 'the helper’s address');
    assert.ok(!exported.includes('Je fais les courses en voiture'), 'the helper’s offer');
  });
});
