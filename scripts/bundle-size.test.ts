/**
 * packedSize (scripts/bundle-size.ts), which the release test holds to the zip budget (BUDGET_KB.zip),
 * against the outside reference: the bytes of a real package made by the packer `wxt zip` uses
 * (@aklinker1/zero-zip, level 9, fed the folder's files the way wxt feeds them), for a folder
 * with text that deflates, bytes that do not (stored), nested folders, a non-ASCII name and
 * dotfiles that wxt leaves out.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createZip } from '@aklinker1/zero-zip';
import { afterAll, describe, expect, it } from 'vitest';
import { packageFiles, packedSize } from './bundle-size';

const dir = mkdtempSync(path.join(tmpdir(), 'limber-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), data);
}

/** What `wxt zip` writes for the folder (wxt 0.21 core/zip.mjs zipDir, with its default options). */
async function realZip(files: string[]): Promise<Buffer> {
  const zip = createZip({ level: 9 });
  for (const f of files) zip.addFile(f, f.endsWith('.json') ? readFileSync(path.join(dir, f), 'utf8') : readFileSync(path.join(dir, f)));
  return zip.toBuffer();
}

describe('packedSize: the store package as wxt zip packs it', () => {
  put('manifest.json', JSON.stringify({ manifest_version: 3, name: 'x', description: 'é'.repeat(40) }));
  put('background.js', 'const a = 1;\n'.repeat(500));
  put('chunks/popup-AbC.js', 'export const b = "popup";\n'.repeat(200));
  put('icons/128.png', randomBytes(4096));
  put('_locales/de/messages.json', JSON.stringify({ hello: { message: 'Grüß dich' } }));
  put('routines/über.svg', '<svg/>');
  put('.hidden', 'not packed');
  put('.vite/manifest.json', '{}');

  it('lists the files wxt takes: no dotfiles, sorted by path', () => {
    expect(packageFiles(dir)).toEqual(['_locales/de/messages.json', 'background.js', 'chunks/popup-AbC.js', 'icons/128.png', 'manifest.json', 'routines/über.svg']);
  });

  it('is the real package byte for byte in length', async () => {
    const zip = await realZip(packageFiles(dir));
    expect(packedSize(dir)).toBe(zip.length);
  });

  it('grows with what is added, as the real package does', async () => {
    put('extra/big.bin', randomBytes(20_000));
    const zip = await realZip(packageFiles(dir));
    expect(zip.length).toBeGreaterThan(20_000);
    expect(packedSize(dir)).toBe(zip.length);
  });
});
