/**
 * Draws the app icons of the patient portal's web app manifest (packages/web/public/icons) from the
 * shapes of favicon.svg: a rounded square in the primary colour with a rising white line. Written
 * out here (a small PNG encoder on node:zlib) so that the icons need no image tool and no outside
 * asset, and can be drawn again: `node scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = fileURLToPath(new URL('../packages/web/public/icons/', import.meta.url));
const PRIMARY = [0x1f, 0x5f, 0x5b] as const; // --primary in styles.css, the favicon's square
const WHITE = [0xff, 0xff, 0xff] as const;

/** favicon.svg's line, "M8 20c4-8 12-8 16-8" on a 32-unit square, as points along the curve. */
function curve(steps = 256): [number, number][] {
  const p0 = [8, 20];
  const p1 = [12, 12];
  const p2 = [20, 12];
  const p3 = [24, 12];
  const pts: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const at = (k: 0 | 1) =>
      u * u * u * p0[k]! + 3 * u * u * t * p1[k]! + 3 * u * t * t * p2[k]! + t * t * t * p3[k]!;
    pts.push([at(0), at(1)]);
  }
  return pts;
}

function distanceToPolyline(x: number, y: number, pts: [number, number][]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/** Signed distance (in units) to a rounded square filling the 32-unit box with corner radius r. */
function roundedSquare(x: number, y: number, r: number): number {
  const qx = Math.abs(x - 16) - (16 - r);
  const qy = Math.abs(y - 16) - (16 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * One icon, size × size pixels, RGBA. `fullBleed`: the colour fills the square (maskable and Apple
 * icons, which the phone cuts to its own shape); otherwise the favicon's rounded corners.
 */
function draw(size: number, fullBleed: boolean): Buffer {
  const unit = size / 32; // pixels per favicon unit
  const pts = curve();
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / unit;
      const y = (py + 0.5) / unit;
      // Coverage from the distance in pixels: a one-pixel ramp smooths the edges.
      const square = fullBleed ? 1 : Math.max(0, Math.min(1, 0.5 - roundedSquare(x, y, 8) * unit));
      const line = Math.max(0, Math.min(1, 0.5 + (1.5 - distanceToPolyline(x, y, pts)) * unit));
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(PRIMARY[c]! + (WHITE[c]! - PRIMARY[c]!) * line);
      row[o + 3] = Math.round(255 * square);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, filtered: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(filtered, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
const icons: [string, number, boolean][] = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];
for (const [name, size, fullBleed] of icons) {
  writeFileSync(`${OUT}${name}`, draw(size, fullBleed));
  console.log(`${OUT}${name}`);
}
