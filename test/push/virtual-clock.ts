/**
 * Virtual time for the paced sender: `sleep` sets a timer, and `drive` runs the work to its end, moving time to the
 * earliest timer whenever everything else is waiting. Sends and records that take time sleep on it too, so several
 * messages can be in flight at once and every time read is exact — a test of the pace measures virtual seconds.
 */
import type { Clock } from '../../src/push/sender.ts';

export class VirtualClock implements Clock {
  t = 0;
  private timers: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> =>
    new Promise((fire) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, fire });
    });

  /** Run `work` to its end on virtual time (it must not wait for anything but this clock and promises). */
  async drive<T>(work: Promise<T>): Promise<T> {
    let done = false;
    work.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      // Every promise chain that can move does, before time moves.
      await new Promise((r) => setImmediate(r));
      if (done) break;
      if (this.timers.length === 0) throw new Error('stuck: nothing to wait for but the work never ends');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.t = Math.max(this.t, next.at);
      next.fire();
    }
    return work;
  }
}
