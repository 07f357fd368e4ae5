/**
 * The residents module's part of a person's data (`residents`): erased last, exported as
 * stored, and the strings that identify them (phone in its written forms, e-mail, first name).
 */
import type { Db } from 'mongodb';
import type { Resident } from '../domain/types';
import { deleteIn } from '../personalData';
import { RESIDENTS_COLLECTION } from './residentRepository';

/** Their phone, e-mail and names as the resident document holds them. */
export async function residentMarkers(db: Db, psid: string): Promise<Array<string | undefined>> {
  const resident = await db.collection<Resident>(RESIDENTS_COLLECTION).findOne({ psid });
  return [
    ...phoneForms(resident?.contact?.phone),
    resident?.contact?.email,
    resident?.firstName,
    resident?.offline?.name,
  ];
}

/** `phone` as stored and in the other ways a French number is written. */
export function phoneForms(phone: string | undefined): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, '');
  const national = /^33\d{9}$/.test(digits) ? `0${digits.slice(2)}` : digits;
  const forms = [phone, digits, national];
  if (/^0\d{9}$/.test(national)) {
    const pairs = national.match(/\d\d/g) ?? [];
    forms.push(pairs.join(' '), pairs.join('.'), `+33${national.slice(1)}`, `+33 ${national.slice(1)}`);
  }
  return forms.filter((form) => form.length >= 6);
}

/** Deletes the resident document (the erasure's last step). */
export function eraseResident(db: Db, person: string): Promise<number> {
  return deleteIn(db, RESIDENTS_COLLECTION, { psid: person });
}

/** The resident document as stored, without its id. */
export function exportResident(db: Db, person: string): Promise<Resident | null> {
  return db.collection<Resident>(RESIDENTS_COLLECTION).findOne({ psid: person }, { projection: { _id: 0 } });
}

/** Residents whose own document did not move since `cutoff` (the retention's candidates). */
export async function residentsIdleSince(db: Db, cutoff: Date): Promise<string[]> {
  const old = { $lt: cutoff };
  const residents = await db
    .collection<Resident>(RESIDENTS_COLLECTION)
    .find({
      createdAt: old,
      updatedAt: old,
      $or: [{ lastMessageAt: { $exists: false } }, { lastMessageAt: old }],
    })
    .project<{ psid: string }>({ psid: 1 })
    .toArray();
  return residents.map((resident) => resident.psid);
}
