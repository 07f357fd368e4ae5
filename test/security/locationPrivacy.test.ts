/**
 * A helper's home must not be found from what residents read about offers.
 *
 * The attacker is a resident (or several accounts) who creates needs at points of their
 * choosing (a shared location can be any point), reads the line the need dialog shows for the
 * helper's offer, or that nobody is near, and estimates where the helper lives by a grid search
 * over everything read: the distances shown and the 1 km cut-off (whether an offer is shown at
 * all). Every probe goes through the real repository, the real matcher on the test database and
 * the real line of the need dialog.
 */
import assert from 'node:assert/strict';
import { offerLine } from '../../dialogs/needDialog';
import { manualClock } from '../../services/clock';
import { EntryRepository } from '../../services/entries/entryRepository';
import { Matcher } from '../../services/matching/matcher';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { at, newEntry, T0 } from '../services/support';

interface LatLon {
  lat: number;
  lon: number;
}

/** Metres east (`x`) and north (`y`) of the attacker's home. */
interface Xy {
  x: number;
  y: number;
}

const RAD = Math.PI / 180;
const METERS_PER_DEGREE = 6_371_008.8 * RAD;
/** The town's rule: offers are shown within 1 km. */
const CUT_OFF = 1000;
/** The error the attacker must not get under, in metres. */
const REQUIRED_ERROR = 150;

/**
 * The blocks residents' positions are rounded to, as the fix describes them: rows 400 m high
 * (400 / 111,320 degrees of latitude) counted from the equator and, in each row, columns 400 m
 * wide at the row's middle latitude counted from Greenwich. The helpers below are placed
 * against these blocks, where rounding is weakest: along edges and near corners.
 */
const BLOCK_DEGREES = 400 / 111_320;

interface Block {
  south: number;
  west: number;
  lonStep: number;
}

function blockOf(point: LatLon): Block {
  const row = Math.floor(point.lat / BLOCK_DEGREES);
  const lonStep = BLOCK_DEGREES / Math.cos((row + 0.5) * BLOCK_DEGREES * RAD);
  return { south: row * BLOCK_DEGREES, west: Math.floor(point.lon / lonStep) * lonStep, lonStep };
}

/** The point `east` and `north` metres (of a 400 m side) from the block's south-west corner. */
function inBlock(block: Block, east: number, north: number): LatLon {
  return {
    lat: block.south + (north / 400) * BLOCK_DEGREES,
    lon: block.west + (east / 400) * block.lonStep,
  };
}

/** Great-circle distance in metres. */
function distance(a: LatLon, b: LatLon): number {
  const h =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The block of the centre of Miramas, and the one east of it. */
const HOME_BLOCK = blockOf({ lat: 43.5833, lon: 5.0017 });
const EAST_BLOCK = blockOf(inBlock(HOME_BLOCK, 600, 200));
/** Where the attacker starts probing from: their own home, south-west of the helpers. */
const ATTACKER_HOME = inBlock(HOME_BLOCK, -150, -100);

/** Flat metres around the attacker's home (equirectangular: well under a metre off within 3 km). */
const cosOrigin = Math.cos(ATTACKER_HOME.lat * RAD);
const toLatLon = ({ x, y }: Xy): LatLon => ({
  lat: ATTACKER_HOME.lat + y / METERS_PER_DEGREE,
  lon: ATTACKER_HOME.lon + x / (METERS_PER_DEGREE * cosOrigin),
});

/** What the attacker read for a need placed at `point`: the offer's line, or null when none was shown. */
interface Reading {
  point: Xy;
  text: string | null;
}

/** What a text says of the distance to the helper, as [at least, at most] metres. */
function distanceRead(text: string | null): [number, number] {
  if (text === null) return [CUT_OFF, Infinity];
  const about = /à environ (\d+) m\b/.exec(text);
  if (about) return [Math.max(0, Number(about[1]) - 50), Number(about[1]) + 50];
  const under = /à moins de (\d+) m\b/.exec(text);
  if (under) return [0, Number(under[1])];
  if (/à moins d['’]1 km/.test(text)) return [500, CUT_OFF];
  throw new Error(`the attacker cannot read a distance in: ${text}`);
}

/** How badly a candidate home fits the readings (0: it explains them all). */
function misfit(candidate: Xy, readings: readonly { point: Xy; range: [number, number] }[]): number {
  let total = 0;
  for (const { point, range } of readings) {
    const d = Math.hypot(candidate.x - point.x, candidate.y - point.y);
    const miss = d < range[0] ? range[0] - d : d > range[1] ? d - range[1] : 0;
    total += miss * miss;
  }
  return total;
}

/** The centre of the candidates that fit best, over a square grid of `step` metres. */
function bestFit(
  readings: readonly { point: Xy; range: [number, number] }[],
  box: { minX: number; maxX: number; minY: number; maxY: number },
  step: number,
): { estimate: Xy; box: typeof box } {
  let best = Infinity;
  let fits: Xy[] = [];
  for (let x = box.minX; x <= box.maxX; x += step) {
    for (let y = box.minY; y <= box.maxY; y += step) {
      const score = misfit({ x, y }, readings);
      if (score < best - 1e-9) [best, fits] = [score, [{ x, y }]];
      else if (score <= best + 1e-9) fits.push({ x, y });
    }
  }
  const xs = fits.map((fit) => fit.x);
  const ys = fits.map((fit) => fit.y);
  return {
    estimate: {
      x: xs.reduce((sum, x) => sum + x, 0) / fits.length,
      y: ys.reduce((sum, y) => sum + y, 0) / fits.length,
    },
    box: { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) },
  };
}

/** Multilateration by grid search: 20 m over 4 km, then down to 1 m around the best fits. */
function estimate(readings: readonly Reading[]): Xy {
  const ranges = readings.map(({ point, text }) => ({ point, range: distanceRead(text) }));
  const coarse = bestFit(ranges, { minX: -2000, maxX: 2000, minY: -2000, maxY: 2000 }, 20);
  const { box } = coarse;
  const width = Math.max(box.maxX - box.minX, box.maxY - box.minY);
  const fine = bestFit(
    ranges,
    { minX: box.minX - 30, maxX: box.maxX + 30, minY: box.minY - 30, maxY: box.maxY + 30 },
    Math.max(1, width / 100),
  );
  return fine.estimate;
}

describe('security: a helper’s home cannot be found from the distances residents read', function () {
  this.timeout(180_000);
  let database: TestDatabase;
  let entries: EntryRepository;
  let matcher: Matcher;
  let probes = 0;
  const clock = manualClock(T0);

  before(async () => {
    database = await openTestDatabase('location_privacy');
    entries = new EntryRepository(database.db, clock.now);
    await entries.ensureIndexes();
    matcher = new Matcher(database.db, clock.now);
  });
  after(async () => database.dispose());

  /** The helper's offer, published, at `home`; nothing else stored. */
  async function helperAt(home: LatLon): Promise<void> {
    await database.db.collection('entries').deleteMany({});
    const offer = await entries.create(newEntry({ psid: 'helper', location: at(home) }));
    assert.equal(await entries.publish(offer._id), true);
  }

  /** A need at `point` (a new account each time, so no per-person limit applies), and what it shows. */
  async function probe(point: Xy): Promise<Reading> {
    probes += 1;
    const need = await entries.create(
      newEntry({
        psid: `attacker-${probes}`,
        kind: 'need',
        description: 'Courses pour moi',
        location: at(toLatLon(point)),
        locationSource: 'shared_location',
      }),
    );
    const [first] = await matcher.findOffersNear(need);
    return { point, text: first ? offerLine(first, 0) : null };
  }

  /**
   * From `centre`, along 8 bearings: the 1 km cut-off and the first change of the text, each
   * found by bisection to under a metre (25 needs per bearing).
   */
  async function raysFrom(centre: Xy, readings: Reading[]): Promise<void> {
    const start = await probe(centre);
    assert.notEqual(start.text, null, 'the attacker probes from within reach of the helper');
    readings.push(start);
    const along = (bearing: number, meters: number): Xy => ({
      x: centre.x + meters * Math.sin(bearing * RAD),
      y: centre.y + meters * Math.cos(bearing * RAD),
    });
    /** The last reading along `bearing` (from `low`, where `same` holds) before `same` fails. */
    const bisect = async (
      bearing: number,
      low: Reading & { meters: number },
      high: number,
      same: (text: string | null) => boolean,
    ): Promise<Reading & { meters: number }> => {
      for (let step = 0; step < 12; step += 1) {
        const meters = (low.meters + high) / 2;
        const reading = await probe(along(bearing, meters));
        readings.push(reading);
        if (same(reading.text)) low = { ...reading, meters };
        else high = meters;
      }
      return low;
    };
    for (let bearing = 22.5; bearing < 360; bearing += 45) {
      const far = await probe(along(bearing, 2800));
      readings.push(far);
      assert.equal(far.text, null, 'nobody is shown 2.8 km away');
      const origin = { ...start, meters: 0 };
      const lastShown = await bisect(bearing, origin, 2800, (text) => text !== null);
      if (lastShown.text !== start.text) {
        await bisect(bearing, origin, lastShown.meters, (text) => text === start.text);
      }
    }
  }

  /** The attack: rays from the attacker's home, then again around the first estimate. */
  async function attack(): Promise<Reading[]> {
    const readings: Reading[] = [];
    await raysFrom({ x: 0, y: 0 }, readings);
    await raysFrom(estimate(readings), readings);
    return readings;
  }

  const positions: Array<{ where: string; home: LatLon }> = [
    { where: '15 m inside the west edge of a block', home: inBlock(HOME_BLOCK, 15, 200) },
    { where: '15 m inside the north edge', home: inBlock(HOME_BLOCK, 200, 385) },
    { where: '20 m from the south-east corner', home: inBlock(HOME_BLOCK, 380, 20) },
    { where: '12 m inside the south edge, off its middle', home: inBlock(HOME_BLOCK, 120, 12) },
    { where: '15 m across the east edge, in the next block', home: inBlock(EAST_BLOCK, 15, 200) },
  ];

  it('leaves the best estimate more than 150 m from the helper, near block borders too', async function () {
    const errors: string[] = [];
    let worst = Infinity;
    for (const { where, home } of positions) {
      await helperAt(home);
      const error = distance(toLatLon(estimate(await attack())), home);
      worst = Math.min(worst, error);
      errors.push(`${where}: ${error.toFixed(1)} m`);
    }
    if (process.env.PRIVACY_FIGURES) process.stderr.write(`\n${errors.join('\n')}\n`);
    assert.ok(
      worst > REQUIRED_ERROR,
      `the attacker located a helper within ${worst.toFixed(1)} m:\n${errors.join('\n')}`,
    );
  });

  it('shows word for word the same to the attacker wherever in the block the helper lives', async function () {
    const spots = [
      { where: 'the centre of the block', home: inBlock(HOME_BLOCK, 200, 200) },
      { where: 'halfway to the north-east corner', home: inBlock(HOME_BLOCK, 300, 300) },
      { where: 'the west edge', home: inBlock(HOME_BLOCK, 15, 200) },
      { where: 'the south-east corner', home: inBlock(HOME_BLOCK, 380, 20) },
    ];
    const transcripts: string[][] = [];
    for (const { home } of spots) {
      await helperAt(home);
      transcripts.push((await attack()).map(({ point, text }) => `${point.x},${point.y}: ${text}`));
    }
    for (const [index, transcript] of transcripts.entries()) {
      const differs = transcript.findIndex((line, at) => line !== transcripts[0][at]);
      assert.equal(
        differs,
        -1,
        `a helper at ${spots[index].where} is told apart from one at ${spots[0].where}: reading ` +
          `${differs + 1} is «${transcript[differs]}», not «${transcripts[0][differs]}»`,
      );
      assert.equal(transcript.length, transcripts[0].length);
    }
    // Identical readings give any attacker one single estimate for all four helpers, and two
    // of them are more than 300 m apart: that estimate is more than 150 m from one of them.
    assert.ok(distance(spots[2].home, spots[3].home) > 2 * REQUIRED_ERROR);
  });
});
