/**
 * A PNG with 256 colours or fewer rewritten as a palette PNG (colour type 3, transparency in
 * tRNS), pixel for pixel the same and about 40% smaller: what scripts/make-icons.ts does to the
 * screenshots Chromium gives it (8-bit RGBA), so that the toolbar icons cost the store package
 * less. An image with more colours, or of another kind, comes back as it was.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let i = 8; i < png.length; ) {
    const len = png.readUInt32BE(i);
    out.push({ type: png.toString('latin1', i + 4, i + 8), data: png.subarray(i + 8, i + 8 + len) });
    i += 12 + len;
  }
  return out;
}

/** The pixels of an 8-bit RGBA, non-interlaced PNG, row by row (4 bytes each), or null for any other kind. */
export function rgbaRows(png: Buffer): { width: number; height: number; rows: Buffer[] } | null {
  if (!png.subarray(0, 8).equals(SIGNATURE)) return null;
  const parts = chunks(png);
  const ihdr = parts.find((c) => c.type === 'IHDR')?.data;
  if (!ihdr || ihdr[8] !== 8 || ihdr[9] !== 6 || ihdr[12] !== 0) return null;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(parts.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 4;
  const rows: Buffer[] = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? line[x - 4]! : 0;
      const b = prev[x]!;
      const c = x >= 4 ? prev[x - 4]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const add = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (add === undefined) throw new Error(`PNG filter ${filter} is not one PNG defines`);
      line[x] = (line[x]! + add) & 0xff;
    }
    rows.push(line);
    prev = line;
  }
  return { width, height, rows };
}

/** `png` as a palette PNG when it is 8-bit RGBA with at most 256 colours and that is smaller; else `png`. */
export function toPalette(png: Buffer): Buffer {
  const img = rgbaRows(png);
  if (!img) return png;
  const colours = new Map<number, number>();
  for (const row of img.rows) for (let x = 0; x < row.length; x += 4) colours.set(row.readUInt32BE(x), 0);
  if (colours.size > 256) return png;
  // Colours with some transparency first, so that tRNS lists only those.
  const order = [...colours.keys()].sort((p, q) => Number((p & 0xff) === 0xff) - Number((q & 0xff) === 0xff));
  order.forEach((c, i) => colours.set(c, i));
  const translucent = order.filter((c) => (c & 0xff) !== 0xff).length;
  const raw = Buffer.concat(
    img.rows.map((row) => {
      const line = Buffer.alloc(1 + row.length / 4); // filter 0 (none): a palette image's usual best
      for (let x = 0; x < row.length; x += 4) line[1 + x / 4] = colours.get(row.readUInt32BE(x))!;
      return line;
    }),
  );
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  const out = Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(order.flatMap((c) => [c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff]))),
    ...(translucent ? [chunk('tRNS', Buffer.from(order.slice(0, translucent).map((c) => c & 0xff)))] : []),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return out.length < png.length ? out : png;
}

/** The RGBA rows of a palette PNG written by toPalette (filter 0 throughout), for its test. */
export function paletteRows(png: Buffer): Buffer[] {
  const parts = chunks(png);
  const ihdr = parts.find((c) => c.type === 'IHDR')!.data;
  const width = ihdr.readUInt32BE(0);
  const plte = parts.find((c) => c.type === 'PLTE')!.data;
  const trns = parts.find((c) => c.type === 'tRNS')?.data ?? Buffer.alloc(0);
  const raw = inflateSync(Buffer.concat(parts.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const rows: Buffer[] = [];
  for (let y = 0; y * (width + 1) < raw.length; y++) {
    const line = raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1));
    rows.push(Buffer.from([...line].flatMap((k) => [plte[3 * k]!, plte[3 * k + 1]!, plte[3 * k + 2]!, k < trns.length ? trns[k]! : 0xff])));
  }
  return rows;
}
