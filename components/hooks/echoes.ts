/**
 * For a component that keeps its own copy of a stored value (a draft, a list it reorders): tells
 * its own saves coming back apart from changes made elsewhere.
 *
 * Every save comes back, in order, once the storage has it. One that comes back while later edits
 * are on their way is older than the copy on screen: adopting it would undo those edits for a
 * moment (and a reordered list would lose keyboard focus). A value given again unchanged (a save
 * of another setting carries this one as it was) changes nothing either. Anything else was changed
 * elsewhere (an import, restore defaults, another window) and is adopted, even when it equals a
 * value saved here before (a reset, then an import of the same list).
 */
import { canonical } from './canonical';

export type Arrival = 'same' | 'echo' | 'new';

export class Echoes<T> {
  /** The values saved since the last one came back, oldest first (canonical JSON). */
  private sent: string[] = [];
  private given: string | undefined;

  constructor(initial?: T) {
    if (initial !== undefined) this.given = canonical(initial);
  }

  /** Call with every value handed to storage. */
  send(value: T): void {
    this.sent.push(canonical(value));
  }

  /** Call with a value handed to storage that it refused: it never comes back, and the same value written elsewhere is a change. */
  refused(value: T): void {
    const at = this.sent.lastIndexOf(canonical(value));
    if (at >= 0) this.sent.splice(at, 1);
  }

  /** Call with every value that comes from storage: adopt it only when this says 'new'. */
  receive(value: T): Arrival {
    const v = canonical(value);
    if (v === this.given) return 'same';
    this.given = v;
    const at = this.sent.lastIndexOf(v);
    if (at < 0) {
      // Written after every save still remembered here (they come back in order): none of them
      // is older than the copy on screen any more, and one given back later is a change too.
      this.sent = [];
      return 'new';
    }
    if (at === this.sent.length - 1) this.sent = [v]; // caught up with the copy on screen
    return 'echo';
  }
}
