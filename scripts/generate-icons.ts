/**
 * Draws the app icon (a white check mark in a ring on the theme blue) as PNG files without any
 * image library: PWA icons into renderer/public/icons, the installer icon into build/icons.
 * Run with `npx tsx scripts/generate-icons.ts`; the outputs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const THEME_COLOR = '#1f4e99';
const BLUE: [number, number, number] = [0x1f, 0x4e, 0x99];
const WHITE: [number, number, number] = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of the design at a point in unit coordinates: 0 = background, 1 = rounded tile, 2 = white mark. */
function shade(u: number, v: number, maskable: boolean): 0 | 1 | 2 {
  const inset = maskable ? 0 : 0.04;
  const radius = maskable ? 0 : 0.2;
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - inset - radius), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - inset - radius), 0);
  if (Math.hypot(qx, qy) > radius) return 0;
  const scale = maskable ? 0.8 : 1; // keep the mark inside the maskable safe zone
  const x = 0.5 + (u - 0.5) / scale;
  const y = 0.5 + (v - 0.5) / scale;
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.3);
  const check = Math.min(distanceToSegment(x, y, 0.36, 0.5, 0.46, 0.6), distanceToSegment(x, y, 0.46, 0.6, 0.65, 0.4));
  return ring < 0.035 || check < 0.045 ? 2 : 1;
}

function icon(size: number, maskable = false): Buffer {
  const samples = 4;
  return png(size, (x, y) => {
    let tile = 0;
    let mark = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const s = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, maskable);
        if (s >= 1) tile++;
        if (s === 2) mark++;
      }
    }
    const total = samples * samples;
    const alpha = tile / total;
    if (alpha === 0) return [0, 0, 0, 0];
    const m = mark / Math.max(tile, 1);
    const mix = (i: 0 | 1 | 2) => Math.round(BLUE[i] * (1 - m) + WHITE[i] * m);
    return [mix(0), mix(1), mix(2), Math.round(alpha * 255)];
  });
}

function write(relativePath: string, data: Buffer | string): void {
  const path = fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`wrote ${relativePath}`);
}

write('renderer/public/icons/icon-192.png', icon(192));
write('renderer/public/icons/icon-512.png', icon(512));
write('renderer/public/icons/icon-maskable-512.png', icon(512, true));
write('renderer/public/icons/apple-touch-icon-180.png', icon(180, true));
write('build/icons/icon.png', icon(512));
write('build/icons/256x256.png', icon(256));
write(
  'renderer/public/favicon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect x="4" y="4" width="92" height="92" rx="20" fill="${THEME_COLOR}"/>` +
    `<circle cx="50" cy="50" r="30" fill="none" stroke="#fff" stroke-width="7"/><path d="M36 50 46 60 65 40" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/></svg>\n`,
);
