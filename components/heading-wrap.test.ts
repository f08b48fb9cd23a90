/**
 * Large headings wrap in lines of even length ("text-wrap: balance", components/theme.css, which
 * every page loads): a long translated title (the options' sections, the welcome steps, the break's
 * end) otherwise leaves one word alone on its last line. Browsers without it (Firefox before 121)
 * ignore the declaration and wrap as before.
 *
 * bug found in review: no heading was balanced.
 */
import { describe, expect, it } from 'vitest';
import { styleSheets } from '../tests/support/css-colours';

const { rule } = styleSheets([new URL('./theme.css', import.meta.url)]);

describe('headings', () => {
  for (const h of ['h1', 'h2']) {
    it(`${h} wraps balanced (no single word left on its last line)`, () => {
      expect(rule(h, 'text-wrap')).toBe('balance');
    });
  }
});
