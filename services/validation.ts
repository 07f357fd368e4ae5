/**
 * Checks applied where resident input enters the domain services: identifiers from
 * payloads, page-scoped ids, free texts and points (platform floor: every module uses them).
 *
 * @remarks
 * Every value that reaches a MongoDB filter goes through one of these functions first, so
 * that resident text is only ever a typed scalar and never an operator such as `{ $ne: null }`.
 */
import { ObjectId } from 'mongodb';
import { CATEGORIES, type Category, type GeoPoint } from './domain/types';
import { CodedError, ErrorCode } from './errors';

const OBJECT_ID_HEX = /^[0-9a-f]{24}$/i;
/** Longest page-scoped id accepted (Messenger's are about 16 digits; test channels use longer ids). */
const MAX_PSID_LENGTH = 128;

/**
 * The ObjectId that `id` denotes, or null when it is not one.
 *
 * @remarks
 * Accepts an ObjectId or its 24-character hexadecimal form only: `ObjectId.isValid` alone
 * would also accept any 12-character string.
 */
export function toObjectId(id: unknown): ObjectId | null {
  if (id instanceof ObjectId) return id;
  if (typeof id !== 'string' || !OBJECT_ID_HEX.test(id) || !ObjectId.isValid(id)) return null;
  return new ObjectId(id);
}

/** Like {@link toObjectId}, but throws a {@link CodedError} (`payload_invalid`) when `id` is not an id. */
export function requireObjectId(id: unknown, what = 'id'): ObjectId {
  const parsed = toObjectId(id);
  if (!parsed) throw new CodedError(ErrorCode.PayloadInvalid, `${what} is not an ObjectId`);
  return parsed;
}

/** `psid` if it is a non-empty string of sensible length; throws `payload_invalid` otherwise. */
export function requirePsid(psid: unknown): string {
  if (typeof psid !== 'string' || psid.length === 0 || psid.length > MAX_PSID_LENGTH) {
    throw new CodedError(ErrorCode.PayloadInvalid, 'psid must be a non-empty string');
  }
  return psid;
}

/**
 * `value` trimmed, with runs of blanks collapsed, cut to `max` characters.
 *
 * @remarks
 * Throws `payload_invalid` when `value` is not a string (an object from a payload, for example).
 */
export function cleanText(value: unknown, max: number, what = 'text'): string {
  if (typeof value !== 'string') throw new CodedError(ErrorCode.PayloadInvalid, `${what} must be a string`);
  const collapsed = value
    .replace(/[\t ]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return Array.from(collapsed).slice(0, max).join('').trim();
}

/** Like {@link cleanText} for optional fields: undefined stays undefined, an empty result too. */
export function cleanOptionalText(value: unknown, max: number, what = 'text'): string | undefined {
  if (value === undefined || value === null) return undefined;
  const cleaned = cleanText(value, max, what);
  return cleaned === '' ? undefined : cleaned;
}

/** True when `value` is one of the categories of help. */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** True for finite latitude/longitude within their ranges. */
export function isValidLatLon(lat: unknown, lon: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}

/** A GeoJSON point rebuilt from `value` (never the object itself); throws `payload_invalid` otherwise. */
export function requirePoint(value: unknown): GeoPoint {
  const point = value as Partial<GeoPoint> | null | undefined;
  const coordinates = point?.coordinates;
  if (point?.type !== 'Point' || !Array.isArray(coordinates) || coordinates.length !== 2) {
    throw new CodedError(ErrorCode.PayloadInvalid, 'location must be a GeoJSON Point');
  }
  const [lon, lat] = coordinates;
  if (!isValidLatLon(lat, lon)) throw new CodedError(ErrorCode.PayloadInvalid, 'location is out of range');
  return { type: 'Point', coordinates: [lon, lat] };
}

/** A GeoJSON point for latitude `lat` and longitude `lon`. */
export function pointOf(lat: number, lon: number): GeoPoint {
  return { type: 'Point', coordinates: [lon, lat] };
}
