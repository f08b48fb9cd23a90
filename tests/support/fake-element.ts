/** Just what the popup's first frame (entrypoints/popup/first-frame.ts, popup-early.ts) calls: elements with attributes and children. */
export class FakeElement {
  attrs: Record<string, string> = {};
  children: Array<FakeElement | string> = [];
  constructor(readonly tag: string) {}
  get firstChild(): FakeElement | string | null {
    return this.children[0] ?? null;
  }
  setAttribute(k: string, v: string) {
    this.attrs[k] = v;
  }
  append(c: FakeElement | string) {
    this.children.push(c);
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
  /** The first element with this data-testid, depth first. */
  find(testId: string): FakeElement | null {
    if (this.attrs['data-testid'] === testId) return this;
    for (const c of this.children) {
      if (typeof c === 'string') continue;
      const f = c.find(testId);
      if (f) return f;
    }
    return null;
  }
  /** Every element with this class, depth first. */
  all(cls: string): FakeElement[] {
    const mine = (this.attrs.class ?? '').split(' ').includes(cls) ? [this] : [];
    return [...mine, ...this.children.flatMap((c) => (typeof c === 'string' ? [] : c.all(cls)))];
  }
}
