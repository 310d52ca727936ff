import { describe, expect, it } from 'vitest';
import { type Clock, PacedSender, SendError } from '../../src/push/sender.ts';

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
  it('with one in flight and reports awaited, each report is done before the next message leaves', async () => {
    const clock = fakeClock();
    const sender = new PacedSender({ rate: 50, clock, inFlight: 1, awaitReports: true });
    const events: string[] = [];
    await sender.run(
      Array.from({ length: 5 }, (_, i) => ({ chatId: `c${i}`, n: i })),
      async (j) => void events.push(`send ${j.n}`),
      async (j) => {
        await clock.sleep(30);
        events.push(`recorded ${j.n}`);
      },
    );
    expect(events).toHaveLength(10);
    for (let i = 0; i < 10; i += 2) expect(events[i + 1]).toBe(events[i]!.replace('send', 'recorded'));
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
