import assert from 'node:assert/strict';
import { BLOCK_METERS, blockCentre } from '../../services/places/blocks';
import { distanceMeters } from '../../services/places/locate';
import { at, MIRAMAS, offset } from './support';

/** The block of a point by the grid's definition: rows of 400 / 111,320 degrees, columns 400 m wide at the row's middle. */
function rowAndColumn(lat: number, lon: number): [number, number] {
  const rowDegrees = 400 / 111_320;
  const row = Math.floor(lat / rowDegrees);
  const columnDegrees = rowDegrees / Math.cos(((row + 0.5) * rowDegrees * Math.PI) / 180);
  return [row, Math.floor(lon / columnDegrees)];
}

const centreOf = (place: { lat: number; lon: number }) => {
  const [lon, lat] = blockCentre(at(place)).coordinates;
  return { lat, lon };
};

describe('blocks (where entries are stored)', () => {
  /** Points every 37 m over 2 km × 2 km around the centre of Miramas. */
  const points = Array.from({ length: 55 * 55 }, (_, index) =>
    offset(offset(MIRAMAS, (index % 55) * 37 - 1000, 90), Math.floor(index / 55) * 37 - 1000, 0),
  );

  it('puts each point at the centre of its own 400 m block, never further than half its diagonal', () => {
    assert.equal(BLOCK_METERS, 400);
    let farthest = 0;
    for (const point of points) {
      const centre = centreOf(point);
      assert.deepEqual(rowAndColumn(centre.lat, centre.lon), rowAndColumn(point.lat, point.lon));
      farthest = Math.max(farthest, distanceMeters(point, centre));
    }
    assert.ok(farthest < 283 && farthest > 250, `farthest ${farthest} m`);
  });

  it('gives one centre per block, whatever the point in it, and rounding twice changes nothing', () => {
    const centres = new Map<string, string>();
    for (const point of points) {
      const key = rowAndColumn(point.lat, point.lon).join(',');
      const centre = JSON.stringify(blockCentre(at(point)));
      assert.equal(centres.get(key) ?? centre, centre);
      centres.set(key, centre);
      assert.deepEqual(blockCentre(blockCentre(at(point))), blockCentre(at(point)));
    }
    assert.ok(centres.size >= 25, `${centres.size} blocks`);
  });

  it('puts neighbouring blocks about 400 m apart', () => {
    const home = centreOf(MIRAMAS);
    for (const bearing of [0, 90, 180, 270]) {
      const next = centreOf(offset(home, 400, bearing));
      const apart = distanceMeters(home, next);
      assert.ok(Math.abs(apart - 400) < 5, `${bearing}°: ${apart} m`);
    }
  });
});
