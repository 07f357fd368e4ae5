/**
 * Posters: the refs their QR codes carry, and the PDFs as a printer would see them (Poppler
 * renders each page to PNG; the QR code is read back from the image).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { TOWN_POSTER, writePosters } from '../../bot/posters/writePosters';
import { messengerLink, publicRef, readRef, signedRef } from '../../services/referrals';

const run = promisify(execFile);
const SECRET = 'a-test-secret-of-some-length';
const NOW = new Date('2026-12-01T10:00:00Z');

describe('m.me refs', () => {
  it('reads back the public refs of a neighbourhood and of the town', () => {
    const ref = publicRef({ kind: 'neighbourhood', neighbourhoodId: 'la-maille-2' });
    assert.deepEqual(readRef(ref, SECRET, NOW), {
      ok: true,
      ref: { kind: 'neighbourhood', neighbourhoodId: 'la-maille-2' },
    });
    assert.deepEqual(readRef(publicRef({ kind: 'town' }), SECRET, NOW), { ok: true, ref: { kind: 'town' } });
  });

  it('accepts a signed personal ref until it expires, and never a forged one', () => {
    const expiresAt = new Date(NOW.getTime() + 48 * 3600 * 1000);
    const ref = signedRef({ kind: 'match', subject: '65a1b2c3d4e5f60718293a4b', expiresAt }, SECRET);
    assert.match(ref, /^[A-Za-z0-9+/=\-.:_]{1,250}$/);
    assert.deepEqual(readRef(ref, SECRET, NOW), {
      ok: true,
      ref: { kind: 'match', subject: '65a1b2c3d4e5f60718293a4b', expiresAt },
    });
    assert.deepEqual(readRef(ref, SECRET, new Date(expiresAt.getTime() + 1000)), {
      ok: false,
      reason: 'expired',
    });
    assert.deepEqual(readRef(ref, 'another-secret', NOW), { ok: false, reason: 'forged' });
    const otherSubject = ref.replace('65a1b2c3d4e5f60718293a4b', '65a1b2c3d4e5f60718293a4c');
    assert.deepEqual(readRef(otherSubject, SECRET, NOW), { ok: false, reason: 'forged' });
    const longerLife = ref.split('.');
    longerLife[3] = (Number.parseInt(longerLife[3], 36) + 86_400).toString(36);
    assert.deepEqual(readRef(longerLife.join('.'), SECRET, NOW), { ok: false, reason: 'forged' });
  });

  it('treats anything else as malformed', () => {
    for (const raw of [
      undefined,
      42,
      '',
      'q.',
      'q.La Maille',
      'x'.repeat(251),
      's1.match.abc',
      'ref<script>',
    ]) {
      assert.deepEqual(readRef(raw, SECRET, NOW), { ok: false, reason: 'malformed' }, String(raw));
    }
  });

  it('builds the m.me link with its ref', () => {
    assert.equal(
      messengerLink('VoisinsMiramas', 'q.la-maille-2'),
      'https://m.me/VoisinsMiramas?ref=q.la-maille-2',
    );
    assert.equal(messengerLink('VoisinsMiramas'), 'https://m.me/VoisinsMiramas');
    assert.throws(() => messengerLink('VoisinsMiramas', 'a b'), RangeError);
  });
});

describe('npm run posters', function () {
  this.timeout(120_000);
  let dir: string;
  let files: string[];

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'posters-'));
    const progress: string[] = [];
    files = await writePosters({
      outDir: dir,
      page: 'VoisinsSolidairesMiramas',
      neighbourhoods: [
        { id: 'la-maille-2', name: 'La Maille 2' },
        { id: 'cite-jardins', name: 'Cité Jardins' },
      ],
      onWritten: (_file, index, total) => progress.push(`${index}/${total}`),
    });
    assert.deepEqual(progress, ['1/3', '2/3', '3/3']);
  });

  after(() => rm(dir, { recursive: true, force: true }));

  it('writes the town poster and one per neighbourhood', () => {
    assert.deepEqual(
      files.map((file) => path.basename(file)),
      [TOWN_POSTER, 'la-maille-2.pdf', 'cite-jardins.pdf'],
    );
  });

  it('prints on one A4 page with its fonts embedded', async () => {
    const file = path.join(dir, 'cite-jardins.pdf');
    const { stdout: info } = await run('pdfinfo', [file]);
    assert.match(info, /Pages:\s+1\n/);
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const { stdout: fonts } = await run('pdffonts', [file]);
    const dejaVu = fonts.split('\n').filter((line) => line.includes('DejaVuSans'));
    assert.ok(dejaVu.length >= 2, fonts);
    for (const line of dejaVu) assert.match(line, /\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/, line);
  });

  it('says the rules, the CCAS line and the neighbourhood, accents intact', async () => {
    const { stdout: text } = await run('pdftotext', ['-layout', path.join(dir, 'cite-jardins.pdf'), '-']);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Quartier Cité Jardins',
      'Tout est gratuit',
      "à moins d'1 km",
      'gestes barrières',
      '08000 13140',
      'Les règles du réseau',
    ]) {
      assert.ok(flat.includes(expected), `missing « ${expected} »`);
    }
    const { stdout: town } = await run('pdftotext', [path.join(dir, TOWN_POSTER), '-']);
    assert.ok(town.includes('Toute la ville de Miramas'));
  });

  it('renders to an image whose QR code opens the neighbourhood’s link', async () => {
    for (const [file, ref] of [
      ['la-maille-2.pdf', 'q.la-maille-2'],
      [TOWN_POSTER, 'ville'],
    ] as const) {
      const prefix = path.join(dir, path.basename(file, '.pdf'));
      await run('pdftoppm', ['-png', '-r', '100', '-singlefile', path.join(dir, file), prefix]);
      const png = PNG.sync.read(await readFile(`${prefix}.png`));
      assert.ok(png.width > 700 && png.height > 1000, `${png.width}x${png.height}`);
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      assert.ok(code, `no QR code found on ${file}`);
      assert.equal(code.data, `https://m.me/VoisinsSolidairesMiramas?ref=${ref}`);
      const dark = countDark(png);
      assert.ok(dark > 0.05 && dark < 0.5, `ink coverage ${dark.toFixed(2)}`);
    }
  });
});

/** Share of pixels darker than mid-grey: a blank or black page is outside any sane range. */
function countDark(png: PNG): number {
  let dark = 0;
  for (let index = 0; index < png.data.length; index += 4) {
    const luminance = 0.299 * png.data[index] + 0.587 * png.data[index + 1] + 0.114 * png.data[index + 2];
    if (luminance < 128) dark += 1;
  }
  return dark / (png.width * png.height);
}
