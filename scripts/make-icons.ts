// Renders scripts/icon.svg (the icon's source, not packaged) to the PNG sizes the manifest lists, with Debian's Chromium,
// stored as palette PNGs when they have 256 colours or fewer (scripts/png-palette.ts: the same pixels, ~40% smaller).
// Run: node scripts/make-icons.ts
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { toPalette } from './png-palette.ts';

const svg = readFileSync('scripts/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  writeFileSync(`public/icons/${size}.png`, toPalette(await page.screenshot({ omitBackground: true })));
}
await browser.close();
console.log('icons written');
