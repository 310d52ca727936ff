/** A push run's progress on Telegram: one message, edited in place; a message that can no longer be edited is replaced. */
import { Telegram, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveMessages } from '../../src/channels/telegram/live.ts';
import { telegramOutlet } from '../../src/channels/telegram/outlet.ts';

type Call = { method: string; payload: Record<string, unknown> };

function fakeApi(fail?: (method: string, payload: Record<string, unknown>) => TelegramError | undefined) {
  const calls: Call[] = [];
  let id = 10;
  vi.spyOn(Telegram.prototype, 'callApi').mockImplementation((async (method: string, payload: Record<string, unknown>) => {
    calls.push({ method, payload });
    const e = fail?.(method, payload);
    if (e) throw e;
    if (method === 'sendMessage') return { message_id: ++id, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text };
    return true;
  }) as never);
  return calls;
}

const post = (text: string, live?: string) => ({ channel: 'telegram' as const, chatId: '1000', text, ...(live ? { live } : {}) });

afterEach(() => vi.restoreAllMocks());

describe('live messages on Telegram', () => {
  it('the first post with a key is sent, the next ones edit it; another key or chat gets its own message', async () => {
    const calls = fakeApi();
    const outlet = telegramOutlet(new Telegram('1:x'), 'vi');
    const send = async (text: string, live?: string, chatId = '1000') => {
      for (const m of outlet.split({ ...post(text, live), chatId })) await outlet.send(m);
    };
    await send('Bắt đầu gửi', 'push:a');
    await send('Đang gửi: 2/6', 'push:a');
    await send('Đã gửi xong: 6/6', 'push:a');
    await send('Bắt đầu gửi', 'push:b');
    await send('Bắt đầu gửi', 'push:a', '2000');
    await send('Một tin thường');
    expect(calls.map((c) => [c.method, c.payload.chat_id, c.payload.message_id ?? null, c.payload.text])).toEqual([
      ['sendMessage', '1000', null, 'Bắt đầu gửi'],
      ['editMessageText', '1000', 11, 'Đang gửi: 2/6'],
      ['editMessageText', '1000', 11, 'Đã gửi xong: 6/6'],
      ['sendMessage', '1000', null, 'Bắt đầu gửi'],
      ['sendMessage', '2000', null, 'Bắt đầu gửi'],
      ['sendMessage', '1000', null, 'Một tin thường'],
    ]);
  });
  it('"message is not modified" is done; a message gone is replaced by a new one, which the next post edits', async () => {
    let gone = false;
    const calls = fakeApi((method, payload) => {
      if (method !== 'editMessageText') return undefined;
      if (payload.text === 'same') return new TelegramError({ error_code: 400, description: 'Bad Request: message is not modified' });
      if (gone) {
        gone = false;
        return new TelegramError({ error_code: 400, description: 'Bad Request: message to edit not found' });
      }
      return undefined;
    });
    const outlet = telegramOutlet(new Telegram('1:x'), 'vi', new LiveMessages());
    const send = async (text: string) => {
      for (const m of outlet.split(post(text, 'k'))) await outlet.send(m);
    };
    await send('first');
    await send('same');
    gone = true;
    await send('after the user deleted it');
    await send('last');
    expect(calls.map((c) => [c.method, c.payload.message_id ?? null, c.payload.text])).toEqual([
      ['sendMessage', null, 'first'],
      ['editMessageText', 11, 'same'],
      ['editMessageText', 11, 'after the user deleted it'],
      ['sendMessage', null, 'after the user deleted it'],
      ['editMessageText', 12, 'last'],
    ]);
  });
  it("a rate limit on an edit is the send's failure, to be retried by the paced sender", async () => {
    fakeApi((method) =>
      method === 'editMessageText' ? new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } }) : undefined,
    );
    const outlet = telegramOutlet(new Telegram('1:x'), 'vi');
    await outlet.send(outlet.split(post('a', 'k'))[0]!);
    await expect(outlet.send(outlet.split(post('b', 'k'))[0]!)).rejects.toMatchObject({ kind: 'rate', retryAfterMs: 2000 });
  });
  it('only a post that fits one message is live', () => {
    const outlet = telegramOutlet(new Telegram('1:x'), 'vi');
    expect(outlet.split(post('a', 'k'))[0]!.live).toBe('k');
    const long = outlet.split(post(Array.from({ length: 400 }, (_, i) => `dòng ${i} ${'x'.repeat(20)}`).join('\n'), 'k'));
    expect(long.length).toBeGreaterThan(1);
    expect(long.every((m) => m.live === undefined)).toBe(true);
  });
});
