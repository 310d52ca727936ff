import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '../net.ts';
import { parseUpdate, ZaloChannel } from '../../src/channels/zalo/bot.ts';
import { ZaloClient, ZaloError } from '../../src/channels/zalo/client.ts';
import { createCore } from '../../src/core/features/index.ts';
import { silentLogger } from '../../src/log.ts';
import { Pusher } from '../../src/push/pusher.ts';
import { PacedSender } from '../../src/push/sender.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { PublicFiles, startHttp } from '../../src/channels/http.ts';
import { coreDeps } from '../core/harness.ts';
import { FakeZalo } from '../fakes/zalo-server.ts';

const TOKEN = '7a1b2c3d:zalo-secret-token-0001';
const USER = 'b1b1b1b1b1b1b1b1b1b1';
const ADMIN = 'adminzalo';
const fakes: FakeZalo[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.stop();
});

let seq = 0;
const mid = () => `m${String(++seq).padStart(19, '0')}`;

async function setup(opts: { file?: string; start?: string; files?: PublicFiles } = {}) {
  const zalo = new FakeZalo(TOKEN);
  fakes.push(zalo);
  await zalo.start();
  const file = opts.file ?? path.join(mkdtempSync(path.join(tmpdir(), 'zalo-')), 'state.json');
  const store = await FileStore.open(file);
  if (!opts.file) {
    await store.importOfficials(
      [
        {
          id: 'o1',
          accounts: [{ channel: 'zalo', userId: USER, chatId: USER }],
          name: 'A',
          position: '',
          agency: 'so-tai-chinh',
          status: 'approved',
          requestedAt: '2019-01-01T00:00:00.000Z',
          notify: true,
        },
      ],
      'test',
      new Date(),
    );
  }
  const clock = { now: new Date(opts.start ?? '2019-03-25T01:00:00Z') };
  const deps = coreDeps(store, clock);
  const core = createCore(deps);
  const channel = new ZaloChannel(new ZaloClient(TOKEN, { apiRoot: zalo.url }), core, {
    log: silentLogger,
    t: deps.t,
    lang: 'vi',
    route: async () => {},
    ...(opts.files ? { files: opts.files } : {}),
  });
  await channel.start();
  const say = async (text: string, from = USER) => {
    const before = zalo.sent.length;
    await channel.handleUpdate(zalo.update(from, text, mid()));
    return zalo.sent
      .slice(before)
      .map((m) => m.text)
      .join('\n');
  };
  const done = () => store.snapshot().completions.filter((c) => !c.undoneAt);
  return { zalo, store, deps, channel, say, done, file, clock };
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

describe('Zalo: the progress chart', () => {
  it('polling (no public address): the chart comes as text bars, never a broken picture', async () => {
    const s = await setup();
    const said = await s.say('/tiendo', ADMIN);
    expect(said).toContain('Tiến độ KH 4561/KH-UBND theo cơ quan');
    expect(said).toMatch(/VP\.UBND tỉnh\n[█▒░]{10} 0\/15 xong · \d+ quá hạn/);
    expect(s.zalo.photos).toEqual([]);
  });
  it('webhook mode: the PNG is served at an unguessable path that Zalo fetches, and expires', async () => {
    let now = Date.now();
    const port = await freePort();
    const files = new PublicFiles(`http://127.0.0.1:${port}`, () => now);
    const server = await startHttp(port, new Map(), () => {}, files);
    try {
      const s = await setup({ files });
      const said = await s.say('/tiendo', ADMIN);
      expect(said).not.toContain('█');
      await vi.waitFor(() => expect(s.zalo.photos).toHaveLength(1));
      const photo = s.zalo.photos[0]!;
      expect(photo).toMatchObject({ chat_id: ADMIN, status: 200, type: 'image/png' });
      expect(photo.size).toBeGreaterThan(10_000);
      expect(photo.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/files/[0-9a-f]{32}\\.png$`));
      // Guessing does not work; after an hour the file is gone.
      expect((await fetch(`http://127.0.0.1:${port}/files/${'0'.repeat(32)}.png`)).status).toBe(404);
      now += 3_600_001;
      expect((await fetch(photo.url)).status).toBe(404);
      // An official's /tiendo is their agency's, with no chart.
      expect(await s.say('/tiendo', USER)).not.toContain('█');
    } finally {
      await server.stop();
    }
  });
});

describe('Zalo: evidence', () => {
  it('after "xong I.4", the 📎 entry asks for a photo; the photo Zalo delivers is kept by its URL', async () => {
    const s = await setup();
    const done = await s.say('xong I.4');
    expect(done).toContain('Đã ghi nhận');
    expect(done).toMatch(/\d+\. 📎 Gửi ảnh minh chứng/);
    const n = done.match(/(\d+)\. 📎 Gửi ảnh minh chứng/)![1]!;
    expect(await s.say(n)).toContain('Gửi ảnh chụp minh chứng cho I.4');
    await s.channel.handleUpdate({
      event_name: 'message.image.received',
      message: { message_id: mid(), photo: 'https://zalo.example/p/abc.jpg', chat: { id: USER, chat_type: 'PRIVATE' }, from: { id: USER } },
    });
    expect(s.zalo.sent.at(-1)!.text).toContain('Đã lưu minh chứng');
    expect(s.store.snapshot().evidence[0]).toMatchObject({ fileId: 'https://zalo.example/p/abc.jpg', kind: 'photo', channel: 'zalo' });
  });
});

describe('Zalo: files', () => {
  it('a PDF an official sends (Zalo hands bots files as "unsupported") gets a Vietnamese instruction that works: a photo as proof, or Telegram', async () => {
    const s = await setup();
    const before = s.zalo.sent.length;
    await s.channel.handleUpdate({
      event_name: 'message.unsupported.received',
      message: { message_id: mid(), chat: { id: USER, chat_type: 'PRIVATE' }, from: { id: USER } },
    });
    const said = s.zalo.sent.slice(before).map((m) => m.text);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('Zalo chưa chuyển tệp (PDF, Word, Excel) cho bot');
    expect(said[0]).toContain('chọn "📎 Gửi ảnh minh chứng" của nhiệm vụ đó (gõ /viec để tìm), rồi gửi ảnh');
    expect(said[0]).not.toMatch(/bấm|npm|--|\.json|import/i);
    // The instruction works: /viec, the task, its 📎 after the tick, then a photo is kept.
    await s.say('xong I.4');
    const n = (await s.say('/viec')).match(/(\d+)\. I\.4/)![1]!;
    const card = await s.say(n);
    const proof = card.match(/(\d+)\. 📎 Gửi ảnh minh chứng I\.4/)![1]!;
    expect(await s.say(proof)).toContain('Gửi ảnh chụp minh chứng cho I.4');
  });
});

describe('Zalo: /baocao for an admin', () => {
  it('polling: says plainly, in Vietnamese, how to get the report — no command line, flag or file name', async () => {
    const s = await setup({ start: '2019-04-10T03:00:00Z' });
    const said = await s.say('/baocao', ADMIN);
    expect(said).toContain('Báo cáo Kế hoạch 4561/KH-UBND');
    expect(said).toContain('gõ /baocao trên Telegram (sau khi liên kết tài khoản bằng /lienket)');
    expect(said).not.toMatch(/npm|--|\.xlsx|bao-cao-|bấm/i);
  });
  it('webhook mode: a link to the Excel file that downloads it, and expires after an hour', async () => {
    let now = Date.now();
    const port = await freePort();
    const files = new PublicFiles(`http://127.0.0.1:${port}`, () => now);
    const server = await startHttp(port, new Map(), () => {}, files);
    try {
      const s = await setup({ files, start: '2019-04-10T03:00:00Z' });
      const said = await s.say('/baocao', ADMIN);
      expect(said).toContain('Tải báo cáo (tệp Excel) tại: http://127.0.0.1:');
      expect(said).toContain('chỉ dùng được trong 60 phút');
      const url = said.match(/(http:\/\/\S+\/files\/[0-9a-f]{32}\.xlsx)/)![1]!;
      const got = await fetch(url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="bao-cao-4561-KH-UBND-2019-04-10\.xlsx"$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await got.arrayBuffer()) as ArrayBuffer);
      expect(wb.getWorksheet('Tổng hợp')).toBeDefined();
      now += 3_600_001;
      expect((await fetch(url)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('Zalo menus', () => {
  it('a digest pushed to Zalo carries a numbered menu that "xong 1" answers', async () => {
    const { zalo, store, deps, channel, say } = await setup();
    const pusher = new Pusher({
      ...deps,
      outlets: { zalo: channel.outlet() },
      senders: { zalo: new PacedSender({ rate: 5 }) },
      remindDays: 30,
      remindBefore: [7, 1],
      log: silentLogger,
    });
    await pusher.runDigest('digest:z1', '2019-03-25');
    expect(zalo.sent[0]!.text).toContain('1. ✅ Báo hoàn thành I.4');
    expect(zalo.sent[0]!.text).toContain('trả lời "xong 1"');
    expect(await say('xong 1')).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
    expect(store.snapshot().completions).toHaveLength(1);
  });
  it('/viec numbers the tasks; "xong 1" ticks, and "xong 1" again leaves it done', async () => {
    const s = await setup();
    const list = await s.say('/viec');
    expect(list).toMatch(/1\. I\.4 — /);
    expect(list).not.toMatch(/bấm/i);
    const first = await s.say('xong 1');
    expect(first).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
    // The list comes back: I.4 is done, and the same numbers still mean the same tasks.
    expect(first).toMatch(/1\. I\.4 — [\s\S]*Hoàn thành đúng hạn/);
    // Only the changed line and the next choices, never the whole list again; the hint names the task still open.
    expect(first).not.toContain('III.3 —');
    expect(first).toContain('1 việc khác giữ nguyên số');
    expect(first).toMatch(/\d+\. 📎 Gửi ảnh minh chứng I\.4/);
    expect(first).toContain('"xong 2"');
    expect(first).toContain('"hoàn tác 1"');
    const again = await s.say('xong 1');
    expect(again).toContain('Mục 1 đã được ghi nhận hoàn thành rồi');
    expect(s.done()).toHaveLength(1);
    expect(await s.say('hoàn tác 1')).toContain('Đã hoàn tác');
    expect(s.done()).toHaveLength(0);
  });
  it('"1" on /viec opens the task with its numbered choices, each naming it; "1" there asks to confirm', async () => {
    const s = await setup();
    await s.say('/viec');
    const card = await s.say('1');
    expect(card).toContain('Phần của Sở Tài chính: Đang thực hiện trong hạn');
    expect(card).toContain('1. ✅ Báo hoàn thành I.4\n2. 📈 Báo tiến độ I.4\n3. ⏳ Xin gia hạn I.4');
    expect(await s.say('2')).toContain('Gõ tiến độ của I.4');
    expect(s.done()).toHaveLength(0);
  });
  it('"1" (the task, then ✅) opens the confirmation; a question in between is answered and records nothing; "1" then confirms', async () => {
    const s = await setup();
    await s.say('/viec');
    await s.say('1');
    const ask = await s.say('1');
    expect(ask).toContain('Xác nhận Sở Tài chính đã hoàn thành nhiệm vụ I.4?');
    expect(ask).toContain('1. Xác nhận đã hoàn thành');
    expect(ask).not.toContain('xong 1');
    const q = await s.say('Sở Nội vụ phải làm gì?');
    expect(q).not.toContain('Đã ghi nhận');
    expect(s.done()).toHaveLength(0);
    expect(await s.say('1')).toContain('Đã ghi nhận');
    expect(s.done()).toHaveLength(1);
  });
  it('after 2 ("Thêm ghi chú") the next text is the note', async () => {
    const s = await setup();
    await s.say('/viec');
    await s.say('1');
    await s.say('1');
    expect(await s.say('2')).toContain('Gõ ghi chú cho I.4');
    expect(await s.say('Quyết định số 12/QĐ-UBND')).toContain('Ghi chú: Quyết định số 12/QĐ-UBND');
    expect(s.done()[0]!.note).toBe('Quyết định số 12/QĐ-UBND');
  });
  it('understands "xong1", "đã xong 1", "xong 1." and "xong I4"', async () => {
    for (const form of ['xong1', 'đã xong 1', 'xong 1.', 'Xong I4']) {
      const s = await setup();
      await s.say('/viec');
      expect(await s.say(form), form).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
      expect(s.done(), form).toHaveLength(1);
    }
  });
  it('"xong N" never approves or rejects: on the admin\'s approval menu it is refused', async () => {
    const s = await setup();
    await s.say('/dangky', 'c0c0c0c0c0c0c0c0c0c0');
    await s.say('Sở Nội vụ', 'c0c0c0c0c0c0c0c0c0c0');
    await s.say('Trần C', 'c0c0c0c0c0c0c0c0c0c0');
    expect(await s.say('Chuyên viên', 'c0c0c0c0c0c0c0c0c0c0')).toContain('1. Gửi\n2. Sửa');
    await s.say('1', 'c0c0c0c0c0c0c0c0c0c0');
    const request = s.zalo.sent.find((m) => m.chat_id === ADMIN)!.text;
    expect(request).toContain('1. Duyệt');
    expect(request).toContain('2. Từ chối');
    expect(request).not.toContain('xong');
    const before = readFileSync(s.file, 'utf8');
    expect(await s.say('xong 2', ADMIN)).toContain('"xong" chỉ dùng để báo hoàn thành nhiệm vụ');
    expect(s.store.snapshot().officials.find((o) => o.name === 'Trần C')!.status).toBe('pending');
    expect(readFileSync(s.file, 'utf8')).toBe(before);
    expect(await s.say('1', ADMIN)).toContain('Đã duyệt Trần C');
  });
  it('an unregistered user\'s "xong 1" is told they are not registered; nothing changes', async () => {
    const s = await setup();
    const before = readFileSync(s.file, 'utf8');
    expect(await s.say('xong 1', 'd0d0d0d0d0d0d0d0d0d0')).toContain('Bạn chưa đăng ký cán bộ');
    expect(await s.say('/xong I.4', 'd0d0d0d0d0d0d0d0d0d0')).toContain('Bạn chưa đăng ký cán bộ');
    expect(readFileSync(s.file, 'utf8')).toBe(before);
  });
  it('menus and pending confirmations survive a restart', async () => {
    const s = await setup();
    await s.say('/viec');
    await s.say('1');
    await s.say('1');
    const again = await setup({ file: s.file, start: s.clock.now.toISOString() });
    expect(await again.say('1')).toContain('Đã ghi nhận');
    expect(again.done()).toHaveLength(1);
  });
  it('a menu that has expired is refused, and nothing changes', async () => {
    const s = await setup();
    await s.say('/viec');
    s.clock.now = new Date(s.clock.now.getTime() + 25 * 3_600_000);
    expect(await s.say('xong 1')).toContain('Chưa có danh sách để chọn (hoặc danh sách đã cũ)');
    expect(s.done()).toHaveLength(0);
  });
  it('no Zalo text tells the user to press anything', async () => {
    const s = await setup();
    const all = [await s.say('/start'), await s.say('/trogiup'), await s.say('/viec'), await s.say('1'), await s.say('3'), await s.say('/dangky')].join('\n');
    expect(all).not.toMatch(/bấm|nhấn/i);
  });
  it('a long answer says to type "thêm", which brings the next page; no numbered "Xem thêm"', async () => {
    const s = await setup();
    const first = await s.say('VP.UBND tỉnh có nhiệm vụ gì?');
    expect(first).toContain('gõ "thêm" để xem tiếp');
    expect(first).not.toMatch(/\d\. .*Xem thêm/);
    expect(await s.say('thêm')).toContain('III.5');
  });
  it('long replies are split below 2,000 characters', async () => {
    const { zalo, channel } = await setup();
    await channel.send(USER, Array.from({ length: 120 }, (_, i) => `dòng ${i} ${'x'.repeat(40)}`).join('\n'));
    expect(zalo.sent.length).toBeGreaterThan(2);
    for (const m of zalo.sent) expect(m.text.length).toBeLessThanOrEqual(2000);
  });
});

describe('Zalo: the approvals inbox', () => {
  it('requests decided by their own numbers in any order; a bare number under several cards is refused; reasons reach the official', async () => {
    const s = await setup();
    const [C1, C2] = ['c1c1c1c1c1c1c1c1c1c1', 'c2c2c2c2c2c2c2c2c2c2'];
    const register = async (who: string, agency: string, name: string) => {
      await s.say('/dangky', who);
      await s.say(agency, who);
      await s.say(name, who);
      await s.say('Chuyên viên', who);
      await s.say('gửi', who);
    };
    await register(C1, 'Sở Nội vụ', 'Trần Một');
    await register(C2, 'Sở Tư pháp', 'Lê Hai');
    await s.say('/giahan I.4 30/06/2019 chờ Thông tư của Bộ Tài chính');
    const numberOf = (pred: (x: { id: string; name?: string; taskId?: string }) => boolean) =>
      [...s.store.snapshot().officials, ...s.store.snapshot().extensions].find(pred)!.id.slice(1);
    const [r1, r2, e1] = [numberOf((o) => o.name === 'Trần Một'), numberOf((o) => o.name === 'Lê Hai'), numberOf((e) => e.taskId === 'I.4')];
    // Each card reached the admin with its own number and what to type.
    const cards = s.zalo.sent.filter((m) => m.chat_id === ADMIN).map((m) => m.text);
    expect(cards).toHaveLength(3);
    expect(cards[0]).toContain(`Yêu cầu số ${r1} — đăng ký cán bộ`);
    expect(cards[2]).toContain(`Gõ «duyệt ${e1}» để duyệt`);
    // "1" under three cards could mean any of them: refused, nothing written.
    const before = readFileSync(s.file, 'utf8');
    const bare = await s.say('1', ADMIN);
    expect(bare).toContain(`Đang có nhiều yêu cầu chờ duyệt trong cuộc trò chuyện này (số ${r1}, ${r2}, ${e1})`);
    expect(bare).toContain(`«duyệt ${r1}»`);
    expect(readFileSync(s.file, 'utf8')).toBe(before);
    // The first registration, then its official asks for more time on I.3.
    expect(await s.say(`duyệt ${r1}`, ADMIN)).toContain('Đã duyệt Trần Một (Sở Nội vụ)');
    await s.say('/giahan I.3 31/07/2019 chờ ý kiến của Bộ Nội vụ', C1);
    const e2 = numberOf((e) => e.taskId === 'I.3');
    // /choduyet: the three still waiting, without numbered menus.
    const list = await s.say('/choduyet', ADMIN);
    expect(list).toContain('Có 3 yêu cầu chờ duyệt');
    for (const n of [r2, e1, e2]) expect(list).toContain(`Yêu cầu số ${n}`);
    expect(list).not.toMatch(/^\d+\. (✅ )?Duyệt/m);
    expect(list).not.toMatch(/bấm/i);
    // Out of order: the last extension rejected (reason asked), the first approved, the registration rejected with a reason.
    const mark = s.zalo.sent.length;
    expect(await s.say(`từ chối ${e2}`, ADMIN)).toContain(`Từ chối yêu cầu số ${e2}: gõ lý do`);
    expect(await s.say('Chưa đủ căn cứ', ADMIN)).toContain('Đã từ chối gia hạn I.3');
    expect(await s.say(`duyệt ${e1}`, ADMIN)).toContain('Đã duyệt gia hạn I.4');
    expect(await s.say(`từ chối ${r2} lý do: không thuộc Sở Tư pháp`, ADMIN)).toContain('Đã từ chối Lê Hai (Sở Tư pháp). Lý do: không thuộc Sở Tư pháp.');
    const told = (who: string) =>
      s.zalo.sent
        .slice(mark)
        .filter((m) => m.chat_id === who)
        .map((m) => m.text)
        .join('\n');
    expect(told(C1)).toContain('không duyệt gia hạn I.3 (KH 4561/KH-UBND); hạn vẫn là 31/03/2019. Lý do: Chưa đủ căn cứ.');
    expect(told(USER)).toContain('đã duyệt gia hạn I.4 (KH 4561/KH-UBND): hạn mới 30/06/2019');
    expect(told(C2)).toContain('Lý do: không thuộc Sở Tư pháp.');
    // Decided twice: told so, nothing written.
    const after = readFileSync(s.file, 'utf8');
    expect(await s.say(`duyệt ${r2}`, ADMIN)).toContain(`Yêu cầu số ${r2} đã được quyết định trước đó (đã từ chối`);
    expect(readFileSync(s.file, 'utf8')).toBe(after);
    expect(await s.say('/choduyet', ADMIN)).toContain('Không có yêu cầu nào chờ duyệt');
    // The new date is the deadline for the official.
    expect(await s.say('I.4 hạn khi nào')).toContain('Thời hạn: 30/06/2019 (gia hạn; hạn gốc 31/03/2019)');
    expect(await s.say('/viec')).toContain('Hạn: 30/06/2019 (gia hạn; hạn gốc 31/03/2019)');
  });
});

describe('Zalo: updates taken by long polling', () => {
  it("one chat's slow update holds up no other chat, and one that throws is dropped while polling goes on", async () => {
    const { zalo, channel } = await setup();
    const real = channel.handleUpdate.bind(channel);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    channel.handleUpdate = async (body) => {
      const text = parseUpdate(body)?.message.text;
      if (text === 'chậm') await gate;
      if (text === 'hỏng') throw new Error('poison');
      return real(body);
    };
    const abort = new AbortController();
    const polling = channel.poll(abort.signal);
    const until = async (ok: () => boolean) => {
      const end = Date.now() + 10_000;
      while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(ok()).toBe(true);
    };
    zalo.say(ADMIN, 'chậm');
    zalo.say('c2c2c2c2c2c2c2c2c2c2', 'hỏng');
    zalo.say(USER, 'Sở Tài chính phải làm gì?');
    await until(() => zalo.sent.some((m) => m.chat_id === USER));
    expect(zalo.sent.find((m) => m.chat_id === USER)!.text).toContain('I.4');
    expect(zalo.sent.some((m) => m.chat_id === ADMIN)).toBe(false);
    release();
    await until(() => zalo.sent.some((m) => m.chat_id === ADMIN));
    abort.abort();
    await polling;
    await channel.drain(5_000);
  });
});
