// The units of a document being edited, in a gap buffer: a batchUpdate fills a document from its end backwards
// (line-item rows last to first), so consecutive edits are close together, and moving the gap between them costs
// the distance moved instead of shifting every unit after the edit as an array splice does. Indexes are the
// document's own (the gap is invisible).
import type { Unit, UnitReader } from './model';

const MIN_GAP = 1024;

export class UnitBuffer implements UnitReader {
  private a: (Unit | undefined)[];
  private gapStart: number;
  private gapEnd: number;

  constructor(units: readonly Unit[]) {
    const gap = Math.max(MIN_GAP, units.length >> 2);
    this.a = new Array<Unit | undefined>(units.length + gap).fill(undefined);
    for (let i = 0; i < units.length; i++) this.a[i] = units[i];
    this.gapStart = units.length;
    this.gapEnd = units.length + gap;
  }

  get length(): number {
    return this.a.length - (this.gapEnd - this.gapStart);
  }

  get(i: number): Unit | undefined {
    if (i < 0) return undefined;
    return i < this.gapStart ? this.a[i] : this.a[i + this.gapEnd - this.gapStart];
  }

  /** Replaces the unit at i (0 ≤ i < length). */
  set(i: number, u: Unit): void {
    if (i < this.gapStart) this.a[i] = u;
    else this.a[i + this.gapEnd - this.gapStart] = u;
  }

  /** Removes `deleteCount` units at i and inserts `items` there, as Array.prototype.splice. */
  splice(start: number, deleteCount: number, items: readonly Unit[] = []): void {
    const i = Math.max(0, Math.min(start, this.length));
    deleteCount = Math.max(0, Math.min(deleteCount, this.length - i));
    this.moveGap(i);
    // The deleted units are the first ones after the gap: the gap swallows them. (Slots in the gap may keep stale
    // units: the buffer lives for one batch.)
    this.gapEnd += deleteCount;
    if (items.length > this.gapEnd - this.gapStart) this.grow(items.length);
    for (let k = 0; k < items.length; k++) this.a[this.gapStart + k] = items[k];
    this.gapStart += items.length;
  }

  /** The units in order, as a plain array. */
  toArray(): Unit[] {
    const out = new Array<Unit>(this.length);
    let n = 0;
    for (let k = 0; k < this.gapStart; k++) out[n++] = this.a[k] as Unit;
    for (let k = this.gapEnd; k < this.a.length; k++) out[n++] = this.a[k] as Unit;
    return out;
  }

  private moveGap(i: number): void {
    // Plain loops: Array.prototype.copyWithin takes a slow generic path on arrays like this one.
    const a = this.a;
    if (i < this.gapStart) {
      const n = this.gapStart - i;
      const shift = this.gapEnd - this.gapStart;
      for (let k = this.gapStart - 1; k >= i; k--) a[k + shift] = a[k];
      this.gapStart = i;
      this.gapEnd -= n;
    } else if (i > this.gapStart) {
      const n = i - this.gapStart;
      const shift = this.gapEnd - this.gapStart;
      for (let k = this.gapStart; k < i; k++) a[k] = a[k + shift];
      this.gapStart += n;
      this.gapEnd += n;
    }
  }

  /** Makes the gap hold at least `need` units (and room to spare). */
  private grow(need: number): void {
    const gap = Math.max(need, MIN_GAP, this.length >> 1);
    const tail = this.a.length - this.gapEnd;
    const next = new Array<Unit | undefined>(this.gapStart + gap + tail).fill(undefined);
    for (let k = 0; k < this.gapStart; k++) next[k] = this.a[k];
    for (let k = 0; k < tail; k++) next[this.gapStart + gap + k] = this.a[this.gapEnd + k];
    this.a = next;
    this.gapEnd = this.gapStart + gap;
  }
}
