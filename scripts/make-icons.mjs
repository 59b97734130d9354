// Draws the app icons (PNG) from simple shapes, so they can be rebuilt without an image editor.
// Run: node scripts/make-icons.mjs  (writes public/icons/*.png and icon.svg)

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x00, 0x17, 0xc1];
const WHITE = [0xff, 0xff, 0xff];
const YELLOW = [0xff, 0xd4, 0x3d];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A signpost: a pole and two arrow boards, on a blue (optionally rounded) square. */
function pixel(x, y, size, maskable) {
  const u = x / size;
  const v = y / size;
  const pad = maskable ? 0.2 : 0.1;
  const s = (t) => pad + t * (1 - 2 * pad);
  const r = 0.18;
  if (!maskable) {
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  }
  const inRect = (x0, y0, x1, y1) => u >= s(x0) && u <= s(x1) && v >= s(y0) && v <= s(y1);
  if (inRect(0.46, 0.12, 0.54, 0.9)) return WHITE;
  // Right-pointing board.
  if (inRect(0.22, 0.2, 0.7, 0.38)) return WHITE;
  if (u > s(0.7) && v >= s(0.2) && v <= s(0.38) && u - s(0.7) <= Math.min(v - s(0.2), s(0.38) - v)) return WHITE;
  // Left-pointing board, in the focus yellow.
  if (inRect(0.3, 0.46, 0.78, 0.64)) return YELLOW;
  if (u < s(0.3) && v >= s(0.46) && v <= s(0.64) && s(0.3) - u <= Math.min(v - s(0.46), s(0.64) - v)) return YELLOW;
  return BLUE;
}

function png(size, maskable) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const p = pixel(x + 0.5, y + 0.5, size, maskable);
      const o = 1 + x * 4;
      if (p) {
        row[o] = p[0];
        row[o + 1] = p[1];
        row[o + 2] = p[2];
        row[o + 3] = 255;
      }
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', png(192, false));
writeFileSync('public/icons/icon-512.png', png(512, false));
writeFileSync('public/icons/icon-maskable-512.png', png(512, true));
writeFileSync(
  'public/icons/icon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#0017c1"/>` +
    `<rect x="46" y="20" width="8" height="66" fill="#fff"/><path d="M26 26h42l7 7-7 7H26z" fill="#fff"/>` +
    `<path d="M74 46H32l-7 7 7 7h42z" fill="#ffd43d"/></svg>\n`,
);
console.log('icons written');
