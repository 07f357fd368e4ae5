/**
 * The one-off rounding of locations stored before blocks: their exact points replaced by
 * the centre of their block, so that they can be matched again.
 */
import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import type { Entry } from '../domain/types';
import { BLOCK_METERS, blockCentre } from '../places';
import { isValidLatLon } from '../validation';

/** Entries whose location is rounded per bulk command. */
const ROUNDING_BATCH = 500;

/**
 * Replaces the exact points of entries stored before blocks by the centre of their block
 * (the matcher ignores entries not rounded).
 *
 * @remarks
 * Idempotent: once done, it finds nothing to update. An entry whose stored location is not
 * a valid point is left as it is, and so never matched.
 *
 * @returns how many entries were rounded.
 */
export async function roundLegacyLocations(collection: Collection<Entry>): Promise<number> {
  const legacy = collection.find(
    { locationBlockMeters: { $ne: BLOCK_METERS } },
    { projection: { _id: 1, location: 1 } },
  );
  let rounded = 0;
  let batch: AnyBulkWriteOperation<Entry>[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await collection.bulkWrite(batch, { ordered: false });
    rounded += result.modifiedCount;
    batch = [];
  };
  for await (const { _id, location } of legacy) {
    const coordinates: unknown[] = Array.isArray(location?.coordinates) ? location.coordinates : [];
    if (location?.type !== 'Point' || !isValidLatLon(coordinates[1], coordinates[0])) continue;
    batch.push({
      updateOne: {
        filter: { _id, locationBlockMeters: { $ne: BLOCK_METERS } },
        update: { $set: { location: blockCentre(location), locationBlockMeters: BLOCK_METERS } },
      },
    });
    if (batch.length >= ROUNDING_BATCH) await flush();
  }
  await flush();
  return rounded;
}
