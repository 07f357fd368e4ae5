/**
 * Offering help through MainDialog and the real NLU.
 *
 * @remarks
 * Most conversations run over in-memory fakes of the ports, their assertions made on what
 * the dialogs asked the entries module to register. Two stay on the database harness, end
 * to end: the happy path and the shared location check what is stored (the place moved to
 * the centre of its block by the modules, the consent and contact recorded on the resident).
 */
import { strict as assert } from 'node:assert';
import type { Entry, Resident } from '../../services/domain/types';
import { startFakeConversation, type FakeConversation } from './support/fakes';
import { sharedNlu, useHarness, type Harness } from './support/harness';
import { runTable } from './support/table';
import * as tables from './testData/offer';

const PSID = 'resident-offer';

describe('dialogs: offering help, on the database', function () {
  let harness: Harness;
  useHarness((started) => {
    harness = started;
  });

  const entries = () => harness.database.db.collection<Entry>('entries').find({ psid: PSID }).toArray();
  const resident = () => harness.database.db.collection<Resident>('residents').findOne({ psid: PSID });

  it('stores the offer pending review, with its place and the contact chosen', async function () {
    await runTable(harness, PSID, tables.offerHappyPath);
    const [entry, ...others] = await entries();
    assert.equal(others.length, 0);
    assert.equal(entry.kind, 'offer');
    assert.equal(entry.category, 'groceries');
    assert.equal(entry.status, 'pending_review');
    assert.equal(entry.locationSource, 'address');
    // Place Jean Jaurès (5.0017, 43.5833) is stored as the centre of its block, 136 m away.
    assert.deepEqual(entry.location, { type: 'Point', coordinates: [5.002735, 43.584262] });
    assert.equal(entry.locationBlockMeters, 400);
    assert.equal(entry.availability, 'le samedi matin');
    assert.equal(entry.recurring, undefined, '"juste une fois": a one-off offer');
    assert.deepEqual(entry.flags, []);
    const stored = await resident();
    assert.equal(stored?.consents.storage?.given, true);
    assert.equal(stored?.consents.storage?.version, 'storage-v1');
    assert.deepEqual(stored?.contact, { channels: ['phone'], phone: '0612345678' });
  });

  it('takes a shared location', async function () {
    await runTable(harness, PSID, tables.offerSharedLocation);
    const [entry] = await entries();
    assert.equal(entry.locationSource, 'shared_location');
    // Shared at (4.9995, 43.5862); stored as the centre of its block, 217 m away.
    assert.deepEqual(entry.location.coordinates, [4.998073, 43.587855]);
    assert.equal(entry.addressText, undefined);
    assert.equal(entry.recurring, true, 'the regular choice is stored');
  });
});

describe('dialogs: offering help, over fakes', function () {
  let harness: FakeConversation;
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
  });

  /** The entries the dialogs registered for the resident, as they asked. */
  const entries = () =>
    Promise.resolve(
      harness.entries.registrations
        .filter((registered) => registered.psid === PSID)
        .map((registered) => registered.registration.entry),
    );
  const resident = () => harness.residents.get(PSID);
  const reasons = () => Promise.resolve(harness.reasons(PSID));

  it('falls back to the neighbourhood when the geocoder is down', async function () {
    harness.geocoder.mode = 'error';
    await runTable(harness, PSID, tables.offerGeocoderDown);
    const [entry] = await entries();
    assert.equal(entry.locationSource, 'neighbourhood_fallback');
    assert.equal(entry.neighbourhood, 'La Maille 2');
    assert.ok(harness.geocoder.requests.length > 0, 'the geocoder was asked first');
  });

  it('reminds that services are free, then flags an offer that keeps mentioning money', async function () {
    await runTable(harness, PSID, tables.offerMoneyKept);
    const [entry] = await entries();
    assert.deepEqual(entry.flags, ['money']);
    assert.deepEqual(await reasons(), ['money']);
  });

  it('does not flag a description rewritten without money', async function () {
    await runTable(harness, PSID, tables.offerMoneyRewritten);
    const [entry] = await entries();
    assert.equal(entry.description, 'Je fais vos courses gratuitement le mardi');
    assert.deepEqual(entry.flags, []);
    assert.deepEqual(await reasons(), []);
  });

  it('removes phone numbers and e-mails from the description', async function () {
    await runTable(harness, PSID, tables.offerPhoneInDescription);
    const [entry] = await entries();
    assert.doesNotMatch(entry.description, /06 12 34 56 78|jean\.dupont/);
    assert.match(entry.description, /\[numéro retiré\]/);
  });

  it('stores nothing when the resident cancels midway', async function () {
    await runTable(harness, PSID, tables.offerCancelled);
    assert.equal((await entries()).length, 0);
    assert.equal(await resident(), null);
  });

  it('stores nothing when the storage consent is refused', async function () {
    await runTable(harness, PSID, tables.offerConsentRefused);
    assert.equal((await entries()).length, 0);
    assert.equal(await resident(), null);
  });

  it('answers emergency words at once, flags the conversation and keeps the form for afterwards', async function () {
    await runTable(harness, PSID, tables.offerEmergency);
    assert.deepEqual(await reasons(), ['emergency']);
    assert.equal((await entries()).length, 0);
  });
});
