/**
 * A distance between a need and an offer, as residents read it: its band, in French.
 */
import { t } from '../../services/i18n';
import { distanceBand } from '../../services/matching';

/** "à moins de 500 m", "à moins d'1 km" (then "à moins de 2 km"…), for a sentence. */
export function distanceText(meters: number): string {
  const band = distanceBand(meters);
  if (band < 1000) return t('distance.underMeters', { meters: band });
  return band === 1000 ? t('distance.under1km') : t('distance.underKm', { km: band / 1000 });
}

/** "< 500 m", "< 1 km"…, for a quick reply's title (20 characters at most). */
export function distanceShort(meters: number): string {
  const band = distanceBand(meters);
  return band < 1000
    ? t('distance.shortMeters', { meters: band })
    : t('distance.shortKm', { km: band / 1000 });
}
