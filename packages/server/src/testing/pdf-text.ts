import { inflateSync } from 'node:zlib';

/**
 * What a PDF says, for tests: every stream is inflated (content streams and object streams are
 * compressed), and the strings of the text-showing operators (Tj) are decoded from WinAnsi — the
 * encoding of the standard fonts. Enough for PDFs Bedring makes (one Tj per line); not a general parser.
 */
export function pdfContent(pdf: Uint8Array): { lines: string[]; objects: string } {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const decoded: string[] = [];
  const streamStart = /stream\r?\n/g;
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    if (raw.slice(m.index - 3, m.index) === 'end') continue;
    const dict = raw.slice(raw.lastIndexOf(' obj', m.index), m.index);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? Number.NaN);
    const start = m.index + m[0].length;
    const end = Number.isFinite(length) ? start + length : raw.indexOf('endstream', start);
    const data = bytes.subarray(start, end);
    decoded.push((dict.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1'));
  }
  const winAnsi = new TextDecoder('windows-1252');
  const lines: string[] = [];
  for (const stream of decoded) {
    for (const t of stream.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      lines.push(winAnsi.decode(Buffer.from(t[1]!, 'hex')));
    for (const t of stream.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g))
      lines.push(winAnsi.decode(Buffer.from(t[1]!.replace(/\\(.)/g, '$1'), 'latin1')));
  }
  return { lines, objects: [raw, ...decoded].join('\n') };
}
