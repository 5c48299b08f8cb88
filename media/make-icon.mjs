// Draws media/icon.png (128x128 RGBA): a VPC box holding two subnets, seen through a lens.
// Run `node media/make-icon.mjs` after changing the drawing; no image library needed (zlib + CRC only).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const colours = {
  background: [24, 38, 66],
  vpc: [255, 153, 0],
  subnetA: [46, 196, 182],
  subnetB: [90, 160, 255],
  lens: [240, 244, 250],
};

const insideRoundedRect = (x, y, left, top, right, bottom, radius) => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
const outlineOfRect = (x, y, l, t, r, b, radius, width) =>
  insideRoundedRect(x, y, l, t, r, b, radius) &&
  !insideRoundedRect(x, y, l + width, t + width, r - width, b - width, Math.max(0, radius - width));
const distanceToSegment = (x, y, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};

/** Colour of one sub-sample, or null for transparent; later layers paint over earlier ones. */
function sample(x, y) {
  if (!insideRoundedRect(x, y, 0, 0, SIZE, SIZE, 22)) return null;
  let colour = colours.background;
  if (outlineOfRect(x, y, 14, 18, 100, 96, 10, 6)) colour = colours.vpc;
  if (insideRoundedRect(x, y, 28, 32, 56, 60, 5)) colour = colours.subnetA;
  if (insideRoundedRect(x, y, 62, 32, 88, 60, 5)) colour = colours.subnetB;
  if (insideRoundedRect(x, y, 28, 66, 88, 84, 5)) colour = colours.subnetA;
  const ring = Math.hypot(x - 74, y - 72);
  if (ring >= 22 && ring <= 29) colour = colours.lens;
  if (distanceToSegment(x, y, 94, 93, 114, 113) <= 6) colour = colours.lens;
  return colour;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // PNG filter type: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; covered++;
      }
    }
    const o = row + 1 + px * 4;
    if (covered > 0) {
      raw[o] = Math.round(r / covered);
      raw[o + 1] = Math.round(g / covered);
      raw[o + 2] = Math.round(b / covered);
    }
    raw[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
