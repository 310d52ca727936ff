/**
 * Every Bot API call within a time limit (src/channels/limits.ts): against a local server that takes the request and
 * never answers, Telegram's client (Telegraf, limited once per process) and Zalo's give up at the limit with a
 * network failure their callers retry; a long poll stopped by its owner still stops; a long poll's limit is its wait
 * plus the call's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TIMEOUT_MS, limitOf, limitTelegramCalls, UPLOAD_TIMEOUT_MS, withinLimit } from '../../src/channels/limits.ts';
import { ZaloClient, ZaloError } from '../../src/channels/zalo/client.ts';

let root: string;
let server: http.Server;
let requests = 0;
beforeAll(async () => {
  // Takes every request and never answers (an API behind a partition).
  server = http.createServer(() => {
    requests++;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const settle = async (p: Promise<unknown>) => {
  const t0 = Date.now();
  const error = await p.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  return { error, ms: Date.now() - t0 };
};

describe('Bot API time limits', () => {
  it('a call, a file sent and a long poll each have a limit', () => {
    expect(limitOf('sendMessage', {})).toBe(API_TIMEOUT_MS);
    expect(limitOf('sendDocument', {})).toBe(UPLOAD_TIMEOUT_MS);
    expect(limitOf('getUpdates', { timeout: 50 })).toBe(50_000 + API_TIMEOUT_MS);
    expect(API_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
  });

  it("Telegram: a call the API never answers fails at the limit as a network failure (Telegraf's own limit is 500 s)", async () => {
    const bot = new Telegraf('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', { telegram: { apiRoot: root } });
    limitTelegramCalls(bot.telegram, () => 300);
    const before = requests;
    const r = await settle(bot.telegram.sendMessage(5, 'xin chào'));
    expect(requests).toBe(before + 1);
    expect(r.error?.name).toBe('FetchError');
    expect(r.error?.message).toContain('sendMessage: no answer within 0.3 s');
    expect(r.ms).toBeLessThan(5000);
  });

  it('a long poll its owner stops still stops (an abort, not a failure to retry)', async () => {
    const owner = new AbortController();
    const call = withinLimit('getUpdates', { timeout: 50 }, owner.signal, (signal) => fetch(`${root}/getUpdates`, { signal }));
    setTimeout(() => owner.abort(), 100);
    const r = await settle(call);
    expect(r.error?.name).toBe('AbortError');
  });

  it('Zalo: a call the API never answers fails at the limit as a network failure', async () => {
    const zalo = new ZaloClient('1:x', { apiRoot: root, limit: () => 300 });
    const r = await settle(zalo.sendMessage('u', 'xin chào'));
    expect(r.error).toBeInstanceOf(ZaloError);
    expect((r.error as ZaloError).code).toBe(0);
    expect(r.error?.message).toContain('no answer within 0.3 s');
    expect(r.ms).toBeLessThan(5000);
    // Stopped by its owner: an abort, as before.
    const owner = new AbortController();
    const poll = zalo.getUpdates(30, owner.signal);
    setTimeout(() => owner.abort(), 100);
    expect((await settle(poll)).error?.name).toBe('AbortError');
  });
});
