import type { PDFFont, PDFPage } from 'pdf-lib';
import type { Block } from './export.content.ts';

/** A4 in points, with margins wide enough for a hole punch. */
const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const STYLE: Record<
  Block['kind'],
  { size: number; bold: boolean; before: number; indent: number; grey?: boolean }
> = {
  title: { size: 18, bold: true, before: 0, indent: 0 },
  heading: { size: 14, bold: true, before: 16, indent: 0 },
  subheading: { size: 11.5, bold: true, before: 9, indent: 0 },
  text: { size: 10.5, bold: false, before: 4, indent: 0 },
  item: { size: 10.5, bold: false, before: 5, indent: 12 },
  meta: { size: 9, bold: false, before: 1, indent: 12, grey: true },
};

/**
 * Lays the blocks out as a PDF with the standard Helvetica fonts (WinAnsi: æ, ø, å and the rest of
 * Norwegian and Western European letters; anything else prints as "?"). pdf-lib is loaded on the
 * first export, not at start, so the server's resident memory does not grow for a rarely used route.
 */
export async function renderPdf(
  blocks: readonly Block[],
  meta: { title: string; language: string; now: Date; pageLabel: (n: number, of: number) => string },
): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  doc.setLanguage(meta.language);
  doc.setCreator('Bedring');
  doc.setProducer('Bedring');
  doc.setCreationDate(meta.now);
  doc.setModificationDate(meta.now);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const printable = new Set(regular.getCharacterSet());
  const clean = (s: string) =>
    [...s.replace(/\t/g, ' ')].map((c) => (printable.has(c.codePointAt(0)!) ? c : '?')).join('');

  const width = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const line = (text: string, font: PDFFont, size: number, x: number, grey: boolean) => {
    const height = size * 1.35;
    if (y - height < PAGE.margin + 14) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
    y -= height;
    page.drawText(text, { x, y, size, font, color: grey ? rgb(0.3, 0.3, 0.3) : rgb(0, 0, 0) });
  };

  for (const block of blocks) {
    const s = STYLE[block.kind];
    const font = s.bold ? bold : regular;
    y -= s.before;
    // A heading at the foot of a page goes with what follows it.
    if ((block.kind === 'heading' || block.kind === 'subheading') && y < PAGE.margin + 80) y = 0;
    const x = PAGE.margin + s.indent;
    const bullet = block.kind === 'item' ? '• ' : '';
    const bulletWidth = regular.widthOfTextAtSize(bullet, s.size);
    let first = true;
    for (const paragraph of clean(block.text).split(/\r?\n/)) {
      for (const text of wrap(paragraph, font, s.size, width - s.indent - bulletWidth)) {
        if (first && bullet) line(bullet + text, font, s.size, x - bulletWidth, Boolean(s.grey));
        else line(text, font, s.size, x, Boolean(s.grey));
        first = false;
      }
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = clean(meta.pageLabel(i + 1, pages.length));
    const size = 8.5;
    p.drawText(label, {
      x: PAGE.width - PAGE.margin - regular.widthOfTextAtSize(label, size),
      y: PAGE.margin / 2,
      size,
      font: regular,
      color: rgb(0.4, 0.4, 0.4),
    });
  });
  return doc.save();
}

/** Words onto lines no wider than `max`; a word wider than a line is broken where it must be. */
function wrap(text: string, font: PDFFont, size: number, max: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= max;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  lines.push(current);
  return lines;
}
