// scripts/png-palette.ts: an RGBA PNG of few colours becomes a smaller palette PNG with the same
// pixels; anything it cannot rewrite losslessly comes back untouched.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { paletteRows, rgbaRows, toPalette } from './png-palette';

/** An 8-bit RGBA PNG of `pixel(x, y)`, each row with the given PNG filter (the decoder must undo each). */
function rgbaPng(size: number, pixel: (x: number, y: number) => number[], filterOf = (y: number) => y % 5): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.from(type, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(Buffer.concat([t, data])));
    return Buffer.concat([len, t, data, c]);
  };
  const rows: Buffer[] = [];
  let prev = Buffer.alloc(size * 4);
  for (let y = 0; y < size; y++) {
    const line = Buffer.from(Array.from({ length: size }, (_, x) => pixel(x, y)).flat());
    const f = filterOf(y);
    const out = Buffer.alloc(line.length);
    for (let i = 0; i < line.length; i++) {
      const a = i >= 4 ? line[i - 4]! : 0;
      const b = prev[i]!;
      const c = i >= 4 ? prev[i - 4]! : 0;
      const p = a + b - c;
      const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][f]!;
      out[i] = (line[i]! - pred) & 0xff;
    }
    rows.push(Buffer.concat([Buffer.from([f]), out]));
    prev = line;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe('toPalette', () => {
  it('keeps every pixel of an RGBA image of few colours (translucent edges too) and makes it smaller', () => {
    const ring = (x: number, y: number) => {
      const d = Math.hypot(x - 31.5, y - 31.5);
      return d < 20 ? [40, 120, 90, 255] : d < 24 ? [40, 120, 90, Math.round((24 - d) * 60)] : [0, 0, 0, 0];
    };
    const png = rgbaPng(64, ring);
    const out = toPalette(png);
    expect(out[25]).toBe(3); // colour type: palette
    expect(out.length).toBeLessThan(png.length);
    expect(paletteRows(out)).toEqual(rgbaRows(png)!.rows);
  });

  it('leaves an image of more than 256 colours, and anything not RGBA, as it was', () => {
    const many = rgbaPng(32, (x, y) => [x * 8, y * 8, 7, 255]); // 1,024 colours
    expect(toPalette(many)).toBe(many);
    const notPng = Buffer.from('not a png');
    expect(toPalette(notPng)).toBe(notPng);
  });

  it('the packaged icons are palette PNGs already (make-icons.ts writes them so)', () => {
    for (const size of [16, 32, 48, 128]) expect(readFileSync(`public/icons/${size}.png`)[25], `${size}.png`).toBe(3);
  });
});
