/**
 * Run in a page (Playwright's or puppeteer's `evaluate`): each image URL drawn at 200x160 on a
 * canvas, with the pixels that got ink and a fingerprint of them. Used to tell that a figure is
 * drawn, alone, and differs from another (tests/e2e/illustrations.spec.ts, the Firefox player).
 */
export async function inkInPage(urls: string[]): Promise<Array<{ ink: number; print: string }>> {
  const out: Array<{ ink: number; print: string }> = [];
  for (const src of urls) {
    const img = new Image(200, 160);
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 160;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0, 200, 160);
    const px = g.getImageData(0, 0, 200, 160).data;
    let ink = 0;
    let hash = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3]! > 0) ink++;
      hash = (Math.imul(hash, 31) + px[i]! + px[i + 3]! * 7) | 0;
    }
    out.push({ ink, print: `${ink}:${hash}` });
  }
  return out;
}
