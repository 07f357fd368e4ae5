/**
 * A person's rights of access and erasure, as the "Mes données" dialog calls them.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../clock';
import { erasePerson, type ErasureReport, type ErasureTexts } from './erasure';
import { exportPersonalData, type PersonalDataExport } from './export';

/**
 * The export and the erasure over one database and clock.
 *
 * @remarks
 * The retention job calls {@link erasePerson} itself, with the time of its run: both paths
 * run the same erasure.
 */
export class PersonalDataRights {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly texts: ErasureTexts,
  ) {}

  /** Everything stored about `psid` (see `export.ts`). */
  exportData(psid: string): Promise<PersonalDataExport> {
    return exportPersonalData(this.db, psid, this.clock());
  }

  /** Erases everything stored about `psid` (see `erasure.ts`). */
  erase(psid: string): Promise<ErasureReport> {
    return erasePerson(this.db, psid, this.clock(), this.texts);
  }
}
