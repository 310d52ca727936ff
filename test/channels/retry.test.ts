import { describe, expect, it } from 'vitest';
import { untilReachable } from '../../src/channels/retry.ts';

const recorder = () => {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const log = {
    log: (level: string, msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, ...(fields ? { fields } : {}) }),
    child: () => log,
  };
  return { lines, log: log as never };
};

describe('start-up against an unreachable messenger', () => {
  it('retries with growing waits, logging each, until the API answers', async () => {
    const { lines, log } = recorder();
    const waits: number[] = [];
    let calls = 0;
    const me = await untilReachable(
      'Telegram Bot API',
      async () => {
        if (++calls < 4) throw new Error('connect ECONNREFUSED');
        return { id: 1 };
      },
      { log, fatal: () => false, sleep: async (ms) => void waits.push(ms), firstDelayMs: 1000, maxDelayMs: 3000 },
    );
    expect(me).toEqual({ id: 1 });
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(lines.map((l) => l.msg)).toEqual([
      'Telegram Bot API unreachable; retrying',
      'Telegram Bot API unreachable; retrying',
      'Telegram Bot API unreachable; retrying',
      'Telegram Bot API reachable again',
    ]);
  });
  it('stops at once on an error retrying cannot fix', async () => {
    const { log } = recorder();
    const refused = new Error('401: Unauthorized');
    await expect(untilReachable('Zalo Bot API', () => Promise.reject(refused), { log, fatal: (e) => e === refused })).rejects.toBe(refused);
  });
});
