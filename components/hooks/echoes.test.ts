/** Echoes: a component's own saves coming back are told apart from changes made elsewhere. */
import { describe, expect, it } from 'vitest';
import { Echoes } from './echoes';

describe('Echoes', () => {
  it('a save coming back while a later one is on its way is an echo, not a change', () => {
    const e = new Echoes(['a', 'b', 'c']);
    e.send(['b', 'a', 'c']);
    e.send(['b', 'c', 'a']);
    expect(e.receive(['b', 'a', 'c'])).toBe('echo'); // older than the copy on screen
    expect(e.receive(['b', 'c', 'a'])).toBe('echo');
  });

  it('a value given again unchanged is the same, whatever was sent since', () => {
    const e = new Echoes({ n: 1 });
    expect(e.receive({ n: 1 })).toBe('same');
    e.send({ n: 2 });
    expect(e.receive({ n: 2 })).toBe('echo');
    expect(e.receive({ n: 2 })).toBe('same'); // the second way a save comes back (page, storage)
  });

  it('a value nobody here sent is new, before, between and after saves', () => {
    const e = new Echoes<string[]>();
    expect(e.receive(['x'])).toBe('new'); // the first read
    e.send(['y']);
    expect(e.receive(['z'])).toBe('new'); // an import landed meanwhile
    expect(e.receive(['y'])).toBe('new'); // written after it: the latest, so shown again
    expect(e.receive(['x'])).toBe('new'); // restored elsewhere to an old value nobody sent
  });

  it('once caught up, an old save of the same value given back later is new again', () => {
    const e = new Echoes<string[]>(['a']);
    e.send(['b']);
    e.send(['c']);
    expect(e.receive(['c'])).toBe('echo'); // caught up: only the latest is remembered
    expect(e.receive(['b'])).toBe('new'); // another window put 'b' back
  });

  it('a reset, then an import of the list saved here before: both are changes', () => {
    const e = new Echoes<string[]>([]);
    e.send(['mine']);
    expect(e.receive(['mine'])).toBe('echo');
    expect(e.receive([])).toBe('new'); // reset in the data section
    expect(e.receive(['mine'])).toBe('new'); // imported back
  });

  it('a save coming back with its keys in another order (as Chrome stores objects) is still an echo', () => {
    const e = new Echoes<Array<{ id: string; name: string; steps: Array<{ text: string; seconds: number }> }>>();
    e.send([{ id: 'b', name: 'Beta', steps: [{ text: 'Sit tall', seconds: 20 }] }]);
    e.send([{ id: 'c', name: 'Gamma', steps: [] }]);
    expect(e.receive([{ name: 'Beta', id: 'b', steps: [{ seconds: 20, text: 'Sit tall' }] }])).toBe('echo');
    expect(e.receive([{ steps: [], name: 'Gamma', id: 'c' }])).toBe('echo');
    // Order inside arrays still counts: a list in another order is another list.
    expect(e.receive([{ id: 'c', name: 'Gamma', steps: [] }, { id: 'b', name: 'Beta', steps: [] }])).toBe('new');
  });

  it('delete then undo: both saves come back as echoes, in order', () => {
    const e = new Echoes(['b', 'g', 'a']);
    e.send(['b', 'a']);
    e.send(['b', 'g', 'a']);
    expect(e.receive(['b', 'a'])).toBe('echo');
    expect(e.receive(['b', 'g', 'a'])).toBe('echo');
    expect(e.receive(['b', 'a'])).toBe('new'); // the same deletion made in another window
  });

  it('a save storage refused never comes back: the same value written elsewhere later is a change', () => {
    const e = new Echoes(['b', 'a']);
    e.send(['b']);
    e.refused(['b']);
    expect(e.receive(['b'])).toBe('new'); // another window deleted 'a'
  });
});
