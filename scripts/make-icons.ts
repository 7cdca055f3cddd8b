/**
 * Draws the toolbar icons (a shield per risk level, plus the default one) as PNG files in
 * assets/static/icons. Run `npm run icons` after changing a colour or a shape; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Mark = 'check' | 'bang' | 'cross' | 'dash';

const STYLES: Readonly<Record<string, { color: Rgb; mark: Mark }>> = {
  default: { color: [9, 105, 218], mark: 'cross' },
  verified: { color: [26, 127, 55], mark: 'check' },
  neutral: { color: [110, 119, 129], mark: 'dash' },
  caution: { color: [191, 135, 0], mark: 'bang' },
  danger: { color: [207, 34, 46], mark: 'bang' },
};
const SIZES = [16, 32, 48, 128];

function insideShield(u: number, v: number): boolean {
  const half = Math.abs(u - 0.5);
  if (v < 0.06 || v > 0.96) return false;
  if (v < 0.55) return half < 0.42;
  const t = (v - 0.55) / 0.41;
  return half < 0.42 * Math.sqrt(1 - t * t);
}

function distanceToSegment(u: number, v: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
}

function insideMark(mark: Mark, u: number, v: number): boolean {
  const w = 0.075;
  switch (mark) {
    case 'check':
      return distanceToSegment(u, v, [0.3, 0.5], [0.45, 0.66]) < w || distanceToSegment(u, v, [0.45, 0.66], [0.72, 0.33]) < w;
    case 'bang':
      return distanceToSegment(u, v, [0.5, 0.24], [0.5, 0.56]) < w || Math.hypot(u - 0.5, v - 0.73) < w * 1.1;
    case 'cross':
      return distanceToSegment(u, v, [0.5, 0.26], [0.5, 0.72]) < w || distanceToSegment(u, v, [0.27, 0.49], [0.73, 0.49]) < w;
    case 'dash':
      return distanceToSegment(u, v, [0.32, 0.49], [0.68, 0.49]) < w;
  }
}

function renderRgba(size: number, color: Rgb, mark: Mark): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let shield = 0;
      let markHits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (!insideShield(u, v)) continue;
          shield++;
          if (insideMark(mark, u, v)) markHits++;
        }
      }
      const total = samples * samples;
      const white = shield === 0 ? 0 : markHits / shield;
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(color[c]! * (1 - white) + 255 * white);
      pixels[offset + 3] = Math.round((255 * shield) / total);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = new URL('../assets/static/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const [name, { color, mark }] of Object.entries(STYLES)) {
  for (const size of SIZES) writeFileSync(new URL(`${name}-${size}.png`, outDir), encodePng(size, renderRgba(size, color, mark)));
}
console.log(`wrote ${Object.keys(STYLES).length * SIZES.length} icons to assets/static/icons/`);
