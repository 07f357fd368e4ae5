/**
 * The territory of Miramas: the commune's boundary decides, not the nearest neighbourhood
 * centre; a place outside is told apart from a place not known.
 */
import assert from 'node:assert/strict';
import { PlaceFinder } from '../../dialogs/entry/place';
import { Nlu } from '../../services/nlu';
import {
  MIRAMAS_BOUNDARY,
  fromCoordinates,
  insideRing,
  isInMiramas,
  loadNeighbourhoods,
  namesOtherTown,
  nearestNeighbourhoodIn,
} from '../../services/places';
import type { GeocodedAddress } from '../../services/places';

/** Places around Miramas (approximate points of their centres). */
const OUTSIDE: readonly [string, number, number][] = [
  ['Istres centre', 43.5147, 4.9892],
  ['Entressen (Istres)', 43.5906, 4.9311],
  ['Saint-Chamas', 43.5503, 5.0347],
  ['Grans', 43.6086, 5.0622],
  ['Salon-de-Provence', 43.6403, 5.0973],
  ['Marseille', 43.2965, 5.3698],
  ['Paris', 48.8566, 2.3522],
];
const INSIDE: readonly [string, number, number][] = [
  ['town hall', 43.5833, 5.0017],
  ['south of La Carraire', 43.566, 5.0],
  ['north, towards Salon', 43.61, 5.005],
  ['west, towards Entressen', 43.585, 4.96],
];

describe('the boundary of Miramas', () => {
  const nearest = nearestNeighbourhoodIn(loadNeighbourhoods());

  it('is a closed ring of 15 to 40 points within the commune’s extent', () => {
    assert.ok(MIRAMAS_BOUNDARY.length >= 15 && MIRAMAS_BOUNDARY.length <= 41, `${MIRAMAS_BOUNDARY.length}`);
    assert.deepEqual(MIRAMAS_BOUNDARY[0], MIRAMAS_BOUNDARY[MIRAMAS_BOUNDARY.length - 1]);
    for (const [lon, lat] of MIRAMAS_BOUNDARY) {
      assert.ok(lat >= 43.53 && lat <= 43.63 && lon >= 4.94 && lon <= 5.06, `${lat}, ${lon}`);
    }
  });

  it('holds every neighbourhood centre', () => {
    for (const place of loadNeighbourhoods())
      assert.ok(isInMiramas(place.centre.lat, place.centre.lon), place.id);
  });

  for (const [name, lat, lon] of INSIDE) {
    it(`takes a position in Miramas: ${name}`, () => {
      const found = fromCoordinates(lat, lon, nearest);
      assert.equal(found?.inServiceArea, true);
      assert.ok(found?.neighbourhood);
    });
  }

  for (const [name, lat, lon] of OUTSIDE) {
    it(`refuses a position outside, never named after a Miramas neighbourhood: ${name}`, () => {
      const found = fromCoordinates(lat, lon, nearest);
      assert.equal(found?.inServiceArea, false);
      assert.equal(found?.neighbourhood, undefined);
    });
  }

  it('casts rays the right way on a square', () => {
    const square = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ] as const;
    assert.equal(insideRing(square, 1, 1), true);
    assert.equal(insideRing(square, 3, 1), false);
    assert.equal(insideRing(square, 1, -0.5), false);
    assert.equal(isInMiramas(Number.NaN, 5), false);
  });

  it('reads another town in a typed place, not in a street named after it', () => {
    for (const text of ["j'habite à Istres", 'st chamas', 'Grans, près de la mairie', 'SALON DE PROVENCE']) {
      assert.ok(namesOtherTown(text), text);
    }
    for (const text of ['31 route de Saint-Chamas', 'avenue de Salon', 'la Maille 2', 'Miramas-le-Vieux']) {
      assert.ok(!namesOtherTown(text), text);
    }
  });
});

describe('the form’s place finder', () => {
  let nlu: Nlu;
  let geocoded: GeocodedAddress | null;
  let finder: PlaceFinder;

  before(() => {
    nlu = Nlu.load();
  });
  beforeEach(() => {
    geocoded = null;
    // The BAN is an outside service: its answer is played by hand.
    finder = new PlaceFinder({ geocode: () => Promise.resolve(geocoded) }, nlu);
  });

  it('says outside for a shared position in Saint-Chamas, found for one in Miramas', async () => {
    assert.deepEqual(await finder.find({ lat: 43.5503, lon: 5.0347 }, undefined), { status: 'outside' });
    const found = await finder.find({ lat: 43.5833, lon: 5.0017 }, undefined);
    assert.equal(found.status, 'found');
  });

  it('says outside for a geocoded address beyond the boundary', async () => {
    geocoded = { lat: 43.5147, lon: 4.9892, label: 'Rue de Istres' };
    assert.deepEqual(await finder.find(undefined, '5 rue des Arts'), { status: 'outside' });
    geocoded = { lat: 43.5818, lon: 5.0035, label: 'Avenue de la République 13140 Miramas' };
    const found = await finder.find(undefined, '5 avenue de la République');
    assert.equal(found.status === 'found' && found.place.source, 'address');
  });

  it('says outside for a town named, unknown for a place it cannot find', async () => {
    assert.deepEqual(await finder.find(undefined, 'je suis sur Istres'), { status: 'outside' });
    assert.deepEqual(await finder.find(undefined, 'chez moi'), { status: 'unknown' });
    const named = await finder.find(undefined, 'la maille 2');
    assert.equal(named.status === 'found' && named.place.neighbourhood, 'La Maille 2');
  });
});
