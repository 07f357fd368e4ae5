/**
 * One printable A4 poster for a building hall: the network's rules, how to join, the CCAS
 * line for people who are not online, and a QR code of the m.me link whose ref names the
 * neighbourhood (so a resident who scans it starts with their neighbourhood known).
 *
 * @remarks
 * pdfkit draws the page; the DejaVu fonts are embedded so every French character prints
 * (é, è, à, ç, œ, «, », ’) on any printer. The text comes from `locales/` (`posters.*`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { t } from '../../services/i18n';

/** What one poster says. */
export interface PosterContent {
  /** The neighbourhood's display name, or undefined for the whole town's poster. */
  neighbourhood?: string;
  /** The m.me link the QR code opens. */
  link: string;
  /** The page's name as residents search it in Messenger. */
  pageName: string;
}

const FONTS_DIR = path.join(
  path.dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(FONTS_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONTS_DIR, 'DejaVuSans-Bold.ttf');

/** The town's colours: a deep blue for titles, a warm accent for the CCAS line. */
const BLUE = '#1d4e89';
const ACCENT = '#b8460b';
const INK = '#1a1a1a';

const MARGIN = 50;
/** Side of the QR code in points (about 6.7 cm: scannable from a step back). */
const QR_SIZE = 190;

/** Renders one poster as a PDF (one A4 page). */
export async function renderPoster(content: PosterContent): Promise<Buffer> {
  // Error correction M survives a crease or a stain; the PNG is drawn at 190 pt (~6.7 cm).
  const qr = await QRCode.toBuffer(content.link, { errorCorrectionLevel: 'M', margin: 1, width: 600 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: content.neighbourhood
        ? t('posters.documentTitle', { place: content.neighbourhood })
        : t('posters.documentTitleTown'),
      Author: 'Voisins Solidaires Miramas',
    },
  });
  doc.registerFont('regular', REGULAR).registerFont('bold', BOLD);
  const done = collect(doc);

  const width = doc.page.width - 2 * MARGIN;
  doc.rect(0, 0, doc.page.width, 120).fill(BLUE);
  doc
    .fillColor('white')
    .font('bold')
    .fontSize(30)
    .text(t('posters.title'), MARGIN, 32, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(15)
    .text(
      content.neighbourhood ? t('posters.place', { place: content.neighbourhood }) : t('posters.placeTown'),
      MARGIN,
      78,
      { width, align: 'center' },
    );

  doc
    .fillColor(INK)
    .font('bold')
    .fontSize(24)
    .text(t('posters.tagline'), MARGIN, 145, { width, align: 'center' });

  const qrTop = 200;
  doc.image(qr, doc.page.width - MARGIN - QR_SIZE, qrTop, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(INK)
    .text(t('posters.scan'), doc.page.width - MARGIN - QR_SIZE, qrTop + QR_SIZE + 4, {
      width: QR_SIZE,
      align: 'center',
    });

  const textWidth = width - QR_SIZE - 20;
  doc
    .font('bold')
    .fontSize(18)
    .fillColor(BLUE)
    .text(t('posters.howTitle'), MARGIN, qrTop, { width: textWidth });
  doc.moveDown(0.3);
  numbered(
    doc,
    [t('posters.how1', { page: content.pageName }), t('posters.how2'), t('posters.how3')],
    textWidth,
  );

  doc.y = Math.max(doc.y, qrTop + QR_SIZE + 40);
  doc.moveDown(0.8);
  doc.font('bold').fontSize(18).fillColor(BLUE).text(t('posters.rulesTitle'), MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  bullets(
    doc,
    [t('posters.ruleFree'), t('posters.ruleNear'), t('posters.ruleHygiene'), t('posters.rulePrivacy')],
    width,
  );

  doc.moveDown(1.5);
  const boxTop = doc.y;
  doc.roundedRect(MARGIN, boxTop, width, 118, 8).lineWidth(2).stroke(ACCENT);
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(ACCENT)
    .text(t('posters.offlineTitle'), MARGIN + 15, boxTop + 14, { width: width - 30 });
  doc
    .font('regular')
    .fontSize(14)
    .fillColor(INK)
    .text(t('posters.offlineText'), MARGIN + 15, doc.y + 2, { width: width - 30 });
  doc
    .font('bold')
    .fontSize(26)
    .fillColor(ACCENT)
    .text(t('posters.ccasLine'), MARGIN + 15, doc.y + 4, {
      width: width - 30,
    });

  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#555555')
    .text(t('posters.footer', { link: content.link }), MARGIN, doc.page.height - MARGIN - 24, {
      width,
      align: 'center',
      lineBreak: true,
    });

  doc.end();
  return done;
}

function numbered(doc: PDFKit.PDFDocument, items: readonly string[], width: number): void {
  items.forEach((item, index) => {
    doc
      .font('bold')
      .fontSize(14)
      .fillColor(INK)
      .text(`${index + 1}.`, MARGIN, doc.y, { continued: true, width });
    doc.font('regular').text(` ${item}`, { width });
    doc.moveDown(0.4);
  });
}

function bullets(doc: PDFKit.PDFDocument, items: readonly string[], width: number): void {
  for (const item of items) {
    doc.font('regular').fontSize(14).fillColor(INK).text(`•  ${item}`, MARGIN, doc.y, { width, indent: 0 });
    doc.moveDown(0.3);
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
