/**
 * `npm run posters`: one poster per neighbourhood and one for the whole town, written to a
 * folder, each QR code carrying its own public ref.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../../services/i18n';
import type { Neighbourhood } from '../../services/places';
import { messengerLink, publicRef } from '../../services/referrals';
import { renderPoster } from './poster';

/** What {@link writePosters} needs. */
export interface PosterJob {
  outDir: string;
  /** The page's username or id, as in `https://m.me/<page>`. */
  page: string;
  neighbourhoods: readonly Pick<Neighbourhood, 'id' | 'name'>[];
  /** Called after each file is written (the CLI prints progress). */
  onWritten?: (file: string, index: number, total: number) => void;
}

/** The file name of the whole town's poster. */
export const TOWN_POSTER = 'miramas.pdf';

/** Writes every poster; returns the files written, the town's first. */
export async function writePosters(job: PosterJob): Promise<string[]> {
  await mkdir(job.outDir, { recursive: true });
  const pageName = t('posters.title');
  const posters = [
    { file: TOWN_POSTER, ref: publicRef({ kind: 'town' }), neighbourhood: undefined },
    ...job.neighbourhoods.map((place) => ({
      file: `${place.id}.pdf`,
      ref: publicRef({ kind: 'neighbourhood', neighbourhoodId: place.id }),
      neighbourhood: place.name,
    })),
  ];
  const written: string[] = [];
  for (const [index, poster] of posters.entries()) {
    const pdf = await renderPoster({
      neighbourhood: poster.neighbourhood,
      link: messengerLink(job.page, poster.ref),
      pageName,
    });
    const file = path.join(job.outDir, poster.file);
    await writeFile(file, pdf);
    written.push(file);
    job.onWritten?.(file, index + 1, posters.length);
  }
  return written;
}
