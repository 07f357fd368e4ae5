/**
 * `npm run posters [-- --out DIR]`: writes one printable A4 PDF per neighbourhood, and one
 * for the whole town, to `posters/` (see README, "Posters").
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config';
import { writePosters } from '../bot/posters/writePosters';
import { loadNeighbourhoods } from '../services/places';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'posters' } } });
  const config = loadConfig();
  const page = config.messengerPageName;
  if (config.messengerPageNameIsDefault) {
    console.warn(
      `MESSENGER_PAGE_NAME is not set: the QR codes open https://m.me/${page}. Set it to the page's username before printing.`,
    );
  }
  const outDir = path.resolve(values.out);
  const files = await writePosters({
    outDir,
    page,
    neighbourhoods: loadNeighbourhoods(),
    onWritten: (file, index, total) =>
      console.log(`[${index}/${total}] ${path.relative(process.cwd(), file)}`),
  });
  console.log(`${files.length} posters written to ${path.relative(process.cwd(), outDir) || '.'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
