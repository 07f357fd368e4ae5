/**
 * The sentence that tells a member of staff which neighbourhoods a page counts.
 */
import { t } from '../../../services/i18n';
import type { Staff } from '../contract';
import { neighbourhoodIndex } from './scope';

const places = neighbourhoodIndex();

/** "Vous voyez les quartiers que vous suivez : …" or "… tous les quartiers." (`prefix` is the page's keys). */
export function scopeText(staff: Staff, prefix: 'figures.map' | 'figures.dashboard'): string {
  if (staff.role === 'admin' || staff.quartierKeys.length === 0) return t(`${prefix}.scopeAll`);
  return t(`${prefix}.scope`, { list: staff.quartierKeys.map((key) => places.nameOf(key)).join(', ') });
}
