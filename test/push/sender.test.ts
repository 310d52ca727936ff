import { describe, expect, it } from 'vitest';
import { type Clock, PacedSender, SendError } from '../../src/push/sender.ts';
import { VirtualClock } from './virtual-clock.ts';

/** Virtual time: sleeping moves the clock; sends take `latency` of it. */
function fakeClock(): Clock & { t: number } {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
  return c;
}

const maxInAnySecond = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

describe('the paced sender', () => {
  it('holds the overall rate in every one-second window and reaches it', async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 25, clock });
    const times: number[] = [];
    const jobs = Array.from({ length: 500 }, (_, i) => ({ chatId: `c${i}` }));
    const s = await sender.run(
      jobs,
      async () => void times.push(clock.now()),
      () => {},
    );
    expect(s).toEqual({ sent: 500, blocked: 0, failed: 0 });
    expect(maxInAnySecond(times)).toBe(25);
    const rate = 500 / ((times.at(-1)! - times[0]!) / 1000 + 1 / 25);
    expect(rate).toBeGreaterThanOrEqual(0.9 * 25);
  });
  it('sends at most one message a second to one chat, in order', async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 25, clock });
    const sent: [string, number][] = [];
    await sender.run(
      [1, 2, 3, 4].map((n) => ({ chatId: 'a', n })),
      async (j) => void sent.push([`a${j.n}`, clock.now()]),
      () => {},
    );
    expect(sent.map(([n]) => n)).toEqual(['a1', 'a2', 'a3', 'a4']);
    for (let i = 1; i < sent.length; i++) expect(sent[i]![1] - sent[i - 1]![1]).toBeGreaterThanOrEqual(1000);
  });
  it('on 429 waits retry_after, for every chat, then retries', async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 25, clock });
    const times: [string, number][] = [];
    let once = true;
    const s = await sender.run(
      [{ chatId: 'a' }, { chatId: 'b' }, { chatId: 'c' }],
      async (j) => {
        if (j.chatId === 'a' && once) {
          once = false;
          throw new SendError('rate', 'Too Many Requests', 5000);
        }
        times.push([j.chatId, clock.now()]);
      },
      () => {},
    );
    expect(s.sent).toBe(3);
    const a = times.find(([c]) => c === 'a')![1];
    expect(a).toBeGreaterThanOrEqual(5000);
    // Messages already on their way before the 429 came back may go; none after, until retry_after has passed.
    expect(times.filter(([, t]) => t > 100 && t < 5000)).toEqual([]);
  });
  it('on 403 stops that chat and reports it blocked; other chats go on', async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 25, clock });
    const outcomes: [string, string][] = [];
    let calls = 0;
    await sender.run(
      [{ chatId: 'x' }, { chatId: 'x' }, { chatId: 'y' }],
      async (j) => {
        calls++;
        if (j.chatId === 'x') throw new SendError('blocked', 'Forbidden: bot was blocked by the user');
      },
      (j, o) => void outcomes.push([j.chatId, o.status]),
    );
    expect(outcomes.sort()).toEqual([
      ['x', 'blocked'],
      ['x', 'blocked'],
      ['y', 'sent'],
    ]);
    expect(calls).toBe(2);
  });
  it('retries other failures with growing waits, then reports them failed', async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 25, clock, maxAttempts: 3, backoffMs: 1000 });
    const tries: number[] = [];
    const outcomes: unknown[] = [];
    await sender.run(
      [{ chatId: 'a' }],
      async () => {
        tries.push(clock.now());
        throw new Error('socket hang up');
      },
      (_j, o) => void outcomes.push(o),
    );
    expect(tries).toHaveLength(3);
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(1000);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(2000);
    expect(outcomes).toEqual([{ status: 'failed', attempts: 3, error: 'socket hang up' }]);
  });
  it('a message stays in flight until its report is done: never more than inFlight at once, one per chat', async () => {
    const clock = new VirtualClock();
    const sender = new PacedSender({ rate: 50, clock, inFlight: 3 });
    const flying = new Set<string>();
    let most = 0;
    const jobs = Array.from({ length: 40 }, (_, i) => ({ chatId: `c${i % 10}`, n: i }));
    await clock.drive(
      sender.run(
        jobs,
        async (j) => {
          // Two messages to one chat are never in flight together.
          expect([...flying].some((f) => f.startsWith(`${j.chatId} `))).toBe(false);
          flying.add(`${j.chatId} ${j.n}`);
          most = Math.max(most, flying.size);
          await clock.sleep(150);
        },
        async (j) => {
          await clock.sleep(40);
          flying.delete(`${j.chatId} ${j.n}`);
        },
      ),
    );
    expect(most).toBe(3);
    expect(flying.size).toBe(0);
  });
  it('at a 150 ms round trip, several in flight reach the rate, never above it in any second sent or received', async () => {
    const clock = new VirtualClock();
    const sender = new PacedSender({ rate: 30, clock });
    const sent: number[] = [];
    const received: number[] = [];
    const jobs = Array.from({ length: 600 }, (_, i) => ({ chatId: `c${i}`, i }));
    // About 75 ms each way with a little jitter; every three seconds a stall of 120 ms (a cold connection, a busy
    // event loop) holds every message that leaves meanwhile until its end, far longer than the window's slack.
    const stallEnd = (t: number) => (t % 3000 < 120 ? t - (t % 3000) + 120 : t);
    const s = await clock.drive(
      sender.run(
        jobs,
        async (j) => {
          sent.push(clock.now());
          await clock.sleep(stallEnd(clock.now()) - clock.now() + 70 + ((j.i * 7) % 11));
          received.push(clock.now());
          await clock.sleep(75 + ((j.i * 5) % 7));
        },
        () => clock.sleep(5),
      ),
    );
    expect(s).toEqual({ sent: 600, blocked: 0, failed: 0 });
    expect(maxInAnySecond(sent)).toBeLessThanOrEqual(30);
    expect(maxInAnySecond(received)).toBeLessThanOrEqual(30);
    // Virtual seconds: one message per round trip would be about 6 a second.
    const pace = (sent.length - 1) / ((sent.at(-1)! - sent[0]!) / 1000);
    expect(pace).toBeGreaterThanOrEqual(0.9 * 30);
  });
  it('a 429 with several in flight pauses every message for retry_after, then goes on at the rate', async () => {
    const clock = new VirtualClock();
    const sender = new PacedSender({ rate: 30, clock });
    const sent: [number, number][] = [];
    let refusedAt = -1;
    const s = await clock.drive(
      sender.run(
        Array.from({ length: 100 }, (_, i) => ({ chatId: `c${i}`, i })),
        async (j) => {
          sent.push([j.i, clock.now()]);
          await clock.sleep(150);
          if (j.i === 10 && refusedAt < 0) {
            refusedAt = clock.now();
            throw new SendError('rate', 'Too Many Requests: retry after 3', 3000);
          }
        },
        () => clock.sleep(5),
      ),
    );
    expect(s).toEqual({ sent: 100, blocked: 0, failed: 0 });
    // Nothing leaves from the 429's answer until retry_after has passed; then the refused message goes again.
    expect(sent.filter(([, t]) => t >= refusedAt && t < refusedAt + 3000)).toEqual([]);
    expect(sent.filter(([i]) => i === 10).map(([, t]) => t >= refusedAt + 3000)).toEqual([false, true]);
    expect(maxInAnySecond(sent.map(([, t]) => t))).toBeLessThanOrEqual(30);
  });
  it('a report that fails stops the run: nothing more leaves, at most inFlight are sent and unrecorded', async () => {
    const clock = new VirtualClock();
    const sender = new PacedSender({ rate: 30, clock, inFlight: 4 });
    const sent: number[] = [];
    const recorded: number[] = [];
    let failedAt = -1;
    const run = sender.run(
      Array.from({ length: 100 }, (_, i) => ({ chatId: `c${i}`, i })),
      async () => {
        sent.push(clock.now());
        await clock.sleep(150);
      },
      async (j) => {
        await clock.sleep(5);
        if (j.i === 20) {
          failedAt = clock.now();
          throw new Error('disk full');
        }
        recorded.push(j.i);
      },
    );
    await expect(clock.drive(run)).rejects.toThrow('disk full');
    expect(sent.filter((t) => t > failedAt)).toEqual([]);
    expect(sent.length - recorded.length).toBeGreaterThan(0);
    expect(sent.length - recorded.length).toBeLessThanOrEqual(4);
  });
  it("a message's later parts go next in its chat, ahead of chats not yet begun", async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 100, clock, perChatMs: 10 });
    const order: string[] = [];
    const jobs = [
      { chatId: 'admin', name: 'admin 1/2' },
      { chatId: 'admin', name: 'admin 2/2', continues: true },
      ...Array.from({ length: 50 }, (_, i) => ({ chatId: `o${i}`, name: `o${i}` })),
    ];
    await sender.run(
      jobs,
      async (j) => void order.push(j.name),
      () => {},
    );
    expect(order.indexOf('admin 2/2') - order.indexOf('admin 1/2')).toBeLessThanOrEqual(2);
  });
});
