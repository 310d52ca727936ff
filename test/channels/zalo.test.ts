import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZaloChannel, parseUpdate } from '../../src/channels/zalo/bot.ts';
import { ZaloClient, ZaloError } from '../../src/channels/zalo/client.ts';
import { Assistant } from '../../src/core/assistant.ts';
import type { CoreDeps } from '../../src/core/context.ts';
import { translator } from '../../src/i18n.ts';
import { silentLogger } from '../../src/log.ts';
import { Pusher } from '../../src/push/pusher.ts';
import { PacedSender } from '../../src/push/sender.ts';
import { Store } from '../../src/store/state.ts';
import { FakeZalo } from '../fakes/zalo-server.ts';
import { dir, engine, plan } from '../helpers.ts';

const TOKEN = '7a1b2c3d:zalo-secret-token-0001';
const USER = 'b1b1b1b1b1b1b1b1b1b1';
const fakes: FakeZalo[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.stop();
});

async function setup(opts: { now?: () => number; menuTtlMs?: number } = {}) {
  const zalo = new FakeZalo(TOKEN);
  fakes.push(zalo);
  await zalo.start();
  const store = await Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'zalo-')), 'state.json'));
  await store.mutate(
    (d) =>
      void d.officials.push({
        id: 'o1',
        accounts: [{ channel: 'zalo', userId: USER, chatId: USER }],
        name: 'A',
        position: '',
        agency: 'so-tai-chinh',
        status: 'approved',
        requestedAt: '2019-01-01T00:00:00.000Z',
        notify: true,
      }),
  );
  const deps: CoreDeps = {
    engine,
    store,
    plan,
    dir,
    admins: {},
    roster: [],
    undoMinutes: 30,
    now: () => new Date('2019-03-25T01:00:00Z'),
    t: translator('vi'),
  };
  const channel = new ZaloChannel(new ZaloClient(TOKEN, { apiRoot: zalo.url }), new Assistant(deps), {
    log: silentLogger,
    t: deps.t,
    route: async () => {},
    ...opts,
  });
  await channel.start();
  return { zalo, store, deps, channel };
}

describe('Zalo updates and the client', () => {
  it('takes flat and wrapped update bodies, and refuses anything else', () => {
    const flat = { event_name: 'message.text.received', message: { message_id: 'm1', text: 'hi', chat: { id: 'c', chat_type: 'PRIVATE' }, from: { id: 'u' } } };
    expect(parseUpdate(flat)?.message.text).toBe('hi');
    expect(parseUpdate({ ok: true, result: flat })?.message.message_id).toBe('m1');
    expect(parseUpdate({ ok: true, result: {} })).toBeUndefined();
    expect(parseUpdate('nonsense')).toBeUndefined();
  });
  it('an error answered as HTTP 200 with ok:false is an error; an idle 408 is not', async () => {
    const zalo = new FakeZalo(TOKEN);
    fakes.push(zalo);
    await zalo.start();
    await expect(new ZaloClient('bad:token-000000', { apiRoot: zalo.url }).getMe()).rejects.toEqual(new ZaloError(401, 'Unauthorized'));
    await expect(new ZaloClient(TOKEN, { apiRoot: zalo.url }).sendMessage(USER, 'x'.repeat(2001))).rejects.toBeInstanceOf(ZaloError);
    expect(await new ZaloClient(TOKEN, { apiRoot: zalo.url }).getUpdates(1)).toBeUndefined();
  });
});

describe('Zalo menus', () => {
  it('a digest pushed to Zalo carries a numbered menu that "xong 1" answers', async () => {
    const { zalo, store, deps, channel } = await setup();
    const pusher = new Pusher({
      ...deps,
      outlets: { zalo: channel.outlet() },
      senders: { zalo: new PacedSender({ rate: 5 }) },
      remindDays: 30,
      remindBefore: [7, 1],
      log: silentLogger,
    });
    await pusher.runDigest('digest:z1', '2019-03-25');
    expect(zalo.sent[0]!.text).toContain('1. ✅ I.4');
    await channel.handleUpdate(zalo.update(USER, 'xong 1', 'aaaaaaaaaaaaaaaaaaa1'));
    expect(zalo.sent.at(-1)!.text).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
    expect(store.state.completions).toHaveLength(1);
  });
  it('a menu that has expired is refused, and nothing changes', async () => {
    let t = 0;
    const { zalo, store, channel } = await setup({ now: () => t, menuTtlMs: 60_000 });
    await channel.handleUpdate(zalo.update(USER, '/viec', 'aaaaaaaaaaaaaaaaaaa2'));
    t = 61_000;
    await channel.handleUpdate(zalo.update(USER, 'xong 1', 'aaaaaaaaaaaaaaaaaaa3'));
    expect(zalo.sent.at(-1)!.text).toContain('Chưa có danh sách để chọn (hoặc danh sách đã cũ)');
    expect(store.state.completions).toHaveLength(0);
  });
  it('long replies are split below 2,000 characters', async () => {
    const { zalo, channel } = await setup();
    await channel.send(USER, Array.from({ length: 120 }, (_, i) => `dòng ${i} ${'x'.repeat(40)}`).join('\n'));
    expect(zalo.sent.length).toBeGreaterThan(2);
    for (const m of zalo.sent) expect(m.text.length).toBeLessThanOrEqual(2000);
  });
});
