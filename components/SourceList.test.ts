/**
 * The break player's source list (loaded when the notes open): a routine whose technique none of
 * its sources describes on one of its areas says so under the list, in one line, so that "Sources"
 * is not read as covering it; other routines show the list alone. Rendered with linkedom's document.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ROUTINES } from '../content/routines';
import { englishMessage, useEnglishPages } from '../tests/support/linkedom-page';

useEnglishPages();

async function mount(routineId: string) {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Element: window.Element, Node: window.Node, HTMLElement: window.HTMLElement });
  const { h, render } = await import('preact');
  const { SourceList } = await import('./SourceList');
  const r = ROUTINES.find((x) => x.id === routineId)!;
  render(h(SourceList, { ids: r.sources, routineId }), document.getElementById('app')!);
  return { document, r };
}

describe('SourceList', () => {
  it('says under the hips ball massage sources that none describes it on the hips', async () => {
    const { document, r } = await mount('massage-ball-hips-wall');
    const list = document.querySelector('[data-testid="sources"]')!;
    expect(list.querySelectorAll('li')).toHaveLength(r.sources.length);
    const gap = list.querySelector('[data-testid="sources-gap"]');
    expect(gap?.textContent).toBe(englishMessage('sourcesGapHips'));
    expect(gap?.textContent).toMatch(/hips/);
  });

  it('shows the sources alone where they cover what the routine does', async () => {
    const { document } = await mount('massage-ball-lower-back');
    expect(document.querySelector('[data-testid="sources"] li')).not.toBeNull();
    expect(document.querySelector('[data-testid="sources-gap"]')).toBeNull();
  });
});
