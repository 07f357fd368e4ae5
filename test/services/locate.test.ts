import assert from 'node:assert/strict';
import { NeighbourhoodMatcher } from '../../services/nlu/neighbourhood';
import { Geocoder } from '../../services/places/geocoder';
import {
  fromCoordinates,
  locate,
  looksLikeAddress,
  nearestNeighbourhoodIn,
  toPlace,
  type LocateDeps,
} from '../../services/places/locate';
import { loadNeighbourhoods } from '../../services/places/neighbourhoods';
import { silentLogger } from '../../services/logger';
import { startFakeGeocoder, type FakeGeocoder } from '../support/fake-geocoder';

describe('locate', () => {
  const neighbourhoods = loadNeighbourhoods();
  const matcher = new NeighbourhoodMatcher(neighbourhoods);
  const maille2 = neighbourhoods.find((place) => place.id === 'la-maille-2')!;
  let fake: FakeGeocoder;
  let deps: LocateDeps;

  before(async () => {
    fake = await startFakeGeocoder();
    deps = {
      geocoder: new Geocoder({ baseUrl: fake.url, timeoutMs: 300, logger: silentLogger }),
      findNeighbourhood: (text) => {
        const found = matcher.match(text);
        return found ? toPlace(found) : null;
      },
      nearestNeighbourhood: nearestNeighbourhoodIn(neighbourhoods),
    };
  });
  after(async () => fake.close());
  beforeEach(() => {
    fake.mode = 'up';
    fake.requests.length = 0;
  });

  it('uses the geocoded address first, named after the nearest neighbourhood', async () => {
    const located = await locate('place Jean Jaurès', deps);
    assert.deepEqual(located?.location, { type: 'Point', coordinates: [5.0017, 43.5833] });
    assert.equal(located?.source, 'address');
    assert.equal(located?.neighbourhood, 'Centre-ville');
    assert.equal(located?.label, 'Place Jean Jaurès 13140 Miramas');
  });

  it('falls back to the neighbourhood centre when the address is unknown or the service is down', async () => {
    const expected = { type: 'Point', coordinates: [maille2.centre.lon, maille2.centre.lat] };
    const unknown = await locate('3 rue inconnue, la Maille 2', deps);
    assert.deepEqual(unknown, {
      location: expected,
      source: 'neighbourhood_fallback',
      neighbourhood: 'La Maille 2',
    });
    fake.mode = 'hang';
    const down = await locate('3 rue inconnue, la Maille 2', deps);
    assert.equal(down?.source, 'neighbourhood_fallback');
    assert.deepEqual(down?.location, expected);
  });

  it('takes a bare neighbourhood name at once, without the geocoder', async () => {
    fake.mode = 'hang';
    const located = await locate('la maille 2', deps);
    assert.equal(located?.source, 'neighbourhood');
    assert.equal(located?.neighbourhood, 'La Maille 2');
    assert.equal(fake.requests.length, 0);
  });

  it('gives null when neither the address nor a neighbourhood is known', async () => {
    assert.equal(await locate('3 rue inconnue', deps), null);
    assert.equal(await locate('   ', deps), null);
    assert.equal(await locate('{"$ne": null}', deps), null);
  });

  it('tells addresses from neighbourhood names', () => {
    for (const text of ['12 rue Victor Hugo', 'avenue de la République', '3 bis, chemin des Pins']) {
      assert.ok(looksLikeAddress(text), text);
    }
    for (const text of ['La Maille 2', 'maille 1', 'Miramas-le-Vieux', 'la Carraire', 'Cité Jardins']) {
      assert.ok(!looksLikeAddress(text), text);
    }
  });

  it('locates a shared point with its nearest neighbourhood, and flags points outside Miramas', () => {
    const shared = fromCoordinates(43.5834, 5.0018, deps.nearestNeighbourhood);
    assert.equal(shared?.source, 'shared_location');
    assert.equal(shared?.neighbourhood, 'Centre-ville');
    assert.equal(shared?.inServiceArea, true);
    const marseille = fromCoordinates(43.2965, 5.3698, deps.nearestNeighbourhood);
    assert.equal(marseille?.inServiceArea, false);
    assert.equal(marseille?.neighbourhood, undefined);
    assert.equal(fromCoordinates(95, 5), null);
    assert.equal(fromCoordinates(Number.NaN, 5), null);
  });
});
