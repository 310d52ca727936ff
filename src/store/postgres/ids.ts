/**
 * Record ids on a database several processes share: taken from its sequence `ids` in blocks (the sequence's
 * increment), so that a change takes its ids without a query of its own and no two processes ever make the same id.
 */
import type pg from 'pg';
import { StateWriteError } from '../errors.ts';

/** Ids are taken from the database's sequence in blocks of this size (the sequence's increment). */
export const ID_BLOCK = 100;

export class IdBlocks {
  private next = 0;
  private end = 0;

  constructor(private readonly pool: pg.Pool) {}

  /** How many ids are reserved and not yet taken. */
  get left(): number {
    return this.end - this.next;
  }

  /**
   * Take more from the sequence when fewer than `n` are left. A caller checks `left` and takes its ids in the same
   * synchronous run: `while (ids.left < n) await ids.reserve(n)`, then apply. Awaiting a helper that checks would
   * leave a gap in which concurrent changes all pass the check and take the same last ids.
   */
  async reserve(n: number): Promise<void> {
    if (this.left >= n) return;
    await this.fromSequence(n);
  }

  /** The next reserved id; a change takes only what it reserved. */
  take(prefix: string): string {
    if (this.next >= this.end) throw new StateWriteError('no id reserved for this change');
    return `${prefix}${this.next++}`;
  }

  /** Forget what is reserved (the sequence was set afresh by a restore). */
  reset(): void {
    this.next = this.end = 0;
  }

  private async fromSequence(n: number): Promise<void> {
    const blocks = Math.ceil(n / ID_BLOCK);
    const { rows } = await this.pool.query<{ v: string }>('select nextval($1::regclass)::text as v from generate_series(1, $2::int)', ['ids', blocks]);
    // Blocks may not be adjacent (other processes take theirs): use the last one whole, and more if contiguous.
    const starts = rows.map((r) => Number(r.v)).sort((a, b) => a - b);
    let start = starts[0]!;
    let end = start + ID_BLOCK;
    for (const s of starts.slice(1)) {
      if (s === end) end += ID_BLOCK;
      else {
        start = s;
        end = s + ID_BLOCK;
      }
    }
    if (end - start >= n || this.end - this.next < end - start) {
      this.next = start;
      this.end = end;
    }
  }
}
