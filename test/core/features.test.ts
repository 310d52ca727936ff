import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/core/features/index.ts';
import { Router, DuplicateDeclarationError } from '../../src/core/kernel/router.ts';
import { presentButtons, presentMenu } from '../../src/core/kernel/present.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { ADMIN, coreDeps, harness } from './harness.ts';

const ticks = (h: Awaited<ReturnType<typeof harness>>) => h.store.snapshot().completions.filter((c) => !c.undoneAt);

describe('questions', () => {
  it('anyone gets an answer; a guest gets no tick buttons', async () => {
    const h = await harness();
    const r = await h.say('1', 'Sở Tài chính phải làm gì?');
    expect(h.text(r)).toContain('I.4 — Quy định về mức chi');
    expect(h.actions(r)).toEqual([]);
  });
  it('an approved official gets ✅ on tasks of their agency in an answer', async () => {
    const h = await harness();
    await h.official('2', 'so tai chinh', 'so-tai-chinh');
    expect(h.actions(await h.say('2', 'Sở Tài chính phải làm gì?'))).toContain('t:I.4');
    expect(h.actions(await h.say('2', 'Sở Nội vụ phải làm gì?'))).not.toContain('t:I.3');
  });
  it('only real commands are found: /constructor is unknown, with no internal names', async () => {
    const h = await harness();
    expect(h.text(await h.say('1', '/constructor'))).toBe('Không có lệnh /constructor. Gõ /trogiup để xem các lệnh.');
  });
});

describe('answers in a conversation', () => {
  it('a long answer comes in pages: the first with "⏬ Xem thêm", which brings the next', async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    const first = await h.say('1', 'VP.UBND tỉnh có nhiệm vụ gì?');
    expect(h.text(first).length).toBeLessThanOrEqual(2000);
    const more = h.actions(first).find((a) => a.startsWith('p:'))!;
    expect(more).toBeDefined();
    const next = await h.press('1', more);
    expect(h.text(next)).toContain('III.5');
    expect(h.text(await h.press('1', more))).toContain('Không còn gì để xem thêm');
  });
  it('⏬ under an earlier answer still brings that answer\'s next page after another long answer; "thêm" means the latest', async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    const first = await h.say('1', 'VP.UBND tỉnh có nhiệm vụ gì?');
    const firstMore = h.actions(first).find((a) => a.startsWith('p:'))!;
    // An hour later (pages are kept a day) the same question is asked again: an answer of its own.
    h.advance(3_600_000);
    const second = await h.say('1', 'VP.UBND tỉnh có nhiệm vụ gì?');
    const secondMore = h.actions(second).find((a) => a.startsWith('p:'))!;
    expect(secondMore, h.text(second)).toBeDefined();
    expect(secondMore).not.toBe(firstMore);
    const back = h.text(await h.press('1', firstMore));
    expect(back).not.toContain('Không còn gì để xem thêm');
    expect(back).toContain('III.5');
    // The words mean the latest answer: its next page, not the first answer's.
    const latest = h.text(await h.say('1', 'thêm'));
    expect(latest).not.toContain('Không còn gì để xem thêm');
    expect(latest).toContain('III.5');
    // Each answer's pages are its own: the first's ⏬ has used its last page, the second's has not.
    expect(h.text(await h.press('1', firstMore))).toContain('Không còn gì để xem thêm');
    // A day after, its pages are no longer kept, and it says so.
    h.advance(25 * 3_600_000);
    expect(h.text(await h.press('1', secondMore))).toContain('chỉ giữ 24 giờ');
  });
  it('a follow-up uses what this chat was just shown, even after a restart', async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    await h.say('1', 'Sở Nội vụ có việc gì quá hạn');
    const again = await harness({ file: h.file, start: '2019-04-10T03:05:00Z' });
    expect(again.text(await again.say('1', 'còn Sở Tài chính thì sao?'))).toContain('Nhiệm vụ quá hạn của Sở Tài chính (1)');
    // Another chat has its own context.
    expect(again.text(await again.say('2', 'còn Sở Tài chính thì sao?'))).not.toContain('quá hạn của Sở Tài chính');
  });
  it("/quahan after the plan's period says so, and fits a phone", async () => {
    const h = await harness({ start: '2026-11-29T03:00:00Z' });
    const r = await h.say(ADMIN, '/quahan');
    expect(h.text(r)).toContain('Kế hoạch thực hiện trong giai đoạn 2018–2020');
    expect(presentButtons(r, 'vi', false).replies[0]!.text.length).toBeLessThanOrEqual(2000);
  });
  it('the long fallback with examples is shown once; after that a short line', async () => {
    const h = await harness();
    expect(h.text(await h.say('1', 'ok dc roi'))).toContain('Ví dụ, bạn có thể hỏi');
    expect(h.text(await h.say('1', 'hmm'))).toBe('Xin lỗi, tôi chưa hiểu. Gõ /trogiup để xem cách hỏi.');
  });
});

describe('the router', () => {
  it('builds the command menu and the help from the features, per role', async () => {
    const h = await harness();
    expect(h.core.menu().map((c) => c.command)).toEqual(expect.arrayContaining(['viec', 'dangky', 'guingay', 'trogiup']));
    const guest = h.text(await h.say('1', '/trogiup'));
    expect(guest).toContain('/dangky — Đăng ký cán bộ');
    expect(guest).not.toContain('/guingay');
    expect(h.text(await h.say(ADMIN, '/trogiup'))).toContain('/guingay — Gửi bản tin ngay');
  });
  it('refuses a duplicate command name or action tag at start-up', async () => {
    const h = await harness();
    const twice = { name: 'x', commands: [{ names: ['viec'], run: () => ({ replies: [], others: [] }) }] };
    expect(() => new Router(h.deps, [twice, twice])).toThrow(DuplicateDeclarationError);
    const tag = { name: 'y', actions: [{ tag: 't', fields: [], decode: () => ({}), encode: () => [], run: () => ({ replies: [], others: [] }) }] };
    expect(() => new Router(h.deps, [tag, tag] as never)).toThrow(/action tag "t"/);
  });
});

describe('registration and approval', () => {
  it('/id tells a user their id and role', async () => {
    const h = await harness();
    expect(h.text(await h.say('77', '/id'))).toBe('Mã người dùng Telegram của bạn: 77\nVai trò: khách (chỉ hỏi đáp)');
    expect(h.text(await h.say(ADMIN, '/id'))).toContain('quản trị viên');
  });
  it('asks for the agency (buttons for close matches), name and position, then asks the admins — without internal ids', async () => {
    const h = await harness();
    expect(h.text(await h.say('5', '/dangky'))).toContain('Bạn thuộc cơ quan nào?');
    const choose = await h.say('5', 'so tai chin');
    expect(h.actions(choose)).toContain('r:so-tai-chinh');
    await h.press('5', 'r:so-tai-chinh');
    await h.say('5', 'Nguyễn Văn A');
    const check = await h.say('5', 'Chuyên viên');
    expect(check.others).toEqual([]);
    expect(h.text(check)).toContain('Xin kiểm tra lại');
    const sent = await h.press('5', 'rs');
    const toAdmin = sent.others.find((m) => m.chatId === ADMIN)!;
    const card = h.text({ replies: [], others: [toAdmin] });
    expect(card).toContain('Nguyễn Văn A');
    expect(card).toContain('Sở Tài chính');
    expect(card).not.toMatch(/\bo1\b|mã/);
    expect(toAdmin.buttons!.flat().map((b) => b.action)).toEqual(['a:ok:o1', 'a:no:o1']);
    expect(sent.others.find((m) => m.channel === 'zalo')).toBeDefined();
    expect(h.store.snapshot().officials[0]).toMatchObject({ status: 'pending', agency: 'so-tai-chinh', name: 'Nguyễn Văn A' });
  });
  it('an exact, single agency name is taken at once, with no one-item list', async () => {
    const h = await harness();
    await h.say('5', '/dangky');
    const r = await h.say('5', 'Sở Tài chính');
    expect(h.actions(r)).toEqual([]);
    expect(h.text(r)).toContain('Cơ quan: Sở Tài chính');
    expect(h.text(r)).toContain('Họ và tên của bạn?');
  });
  it('"UBND cấp huyện" offers the nine districts to choose from', async () => {
    const h = await harness();
    await h.say('5', '/dangky');
    const r = await h.say('5', 'UBND cấp huyện');
    expect(h.actions(r).filter((a) => a.startsWith('r:'))).toHaveLength(9);
  });
  it('a registration in progress survives a restart', async () => {
    const h = await harness();
    await h.say('5', '/dangky');
    await h.say('5', 'Sở Tài chính');
    const again = await harness({ file: h.file });
    expect(again.text(await again.say('5', 'Nguyễn Văn B'))).toContain('Chức vụ của bạn?');
    await again.say('5', 'Chuyên viên');
    await again.press('5', 'rs');
    expect(again.store.snapshot().officials[0]).toMatchObject({ status: 'pending', name: 'Nguyễn Văn B', agency: 'so-tai-chinh' });
  });
  it('the admin approves; the official is told; the audit log says who and when', async () => {
    const h = await harness();
    await h.register('5', 'Sở Nội vụ', 'so-noi-vu');
    const r = await h.press(ADMIN, 'a:ok:o1');
    expect(r.others).toEqual([expect.objectContaining({ chatId: '5' })]);
    expect(h.text(r)).toContain('đã được duyệt');
    expect(h.text(r)).toContain('Đã duyệt');
    expect(h.store.snapshot().officials[0]!.status).toBe('approved');
    expect(h.store.snapshot().audit.at(-1)).toMatchObject({ actor: `admin:telegram:${ADMIN}`, action: 'approved', subject: 'o1' });
    expect(h.toast(await h.press(ADMIN, 'a:ok:o1'))).toContain('đã được quyết định');
  });
  it('a non-admin cannot approve, reject or revoke: refused, nothing changed', async () => {
    const h = await harness();
    await h.register('5', 'Sở Nội vụ', 'so-noi-vu');
    const before = readFileSync(h.file, 'utf8');
    for (const a of ['a:ok:o1', 'a:no:o1', 'a:rv:o1']) expect(h.toast(await h.press('5', a))).toContain('Chỉ quản trị viên');
    expect(readFileSync(h.file, 'utf8')).toBe(before);
  });
  it('a first rejection lets the person correct and resend at once; after a second they wait, so admins are not flooded', async () => {
    const h = await harness();
    await h.register('5', 'Sở Nội vụ', 'so-noi-vu');
    // ❌ asks for the reason; the rejection is made once it is typed, and the official reads it.
    expect(h.text(await h.press(ADMIN, 'a:no:o1'))).toContain('Từ chối yêu cầu số 1: gõ lý do');
    expect(h.officialOf('5').status).toBe('pending');
    const rejected = await h.say(ADMIN, 'Không thuộc cơ quan đã chọn');
    expect(h.text(rejected)).toContain('Đã từ chối Cán bộ 5 (Sở Nội vụ). Lý do: Không thuộc cơ quan đã chọn.');
    expect(rejected.others.map((o) => [o.chatId, h.text({ replies: [o], others: [] })])).toEqual([
      ['5', expect.stringMatching(/Lý do: Không thuộc cơ quan đã chọn\..*gõ \/dangky để sửa và gửi lại ngay/)],
    ]);
    expect(h.officialOf('5')).toMatchObject({ status: 'rejected', decisionReason: 'Không thuộc cơ quan đã chọn' });
    // The first rejection: corrected and sent again at once.
    await h.register('5', 'Sở Tài chính', 'so-tai-chinh');
    expect(h.store.snapshot().officials.at(-1)).toMatchObject({ status: 'pending', agency: 'so-tai-chinh' });
    await h.press(ADMIN, `a:no:${h.store.snapshot().officials.at(-1)!.id}`);
    await h.say(ADMIN, 'Vẫn chưa đúng cơ quan');
    expect(h.store.snapshot().officials.at(-1)).toMatchObject({ status: 'rejected' });
    const before = readFileSync(h.file, 'utf8');
    expect(h.text(await h.say('5', '/dangky'))).toContain('bị từ chối 2 lần; xin chờ 24 giờ');
    expect(readFileSync(h.file, 'utf8')).toBe(before);
    h.advance(25 * 3_600_000);
    expect(h.text(await h.say('5', '/dangky'))).toContain('Bạn thuộc cơ quan nào?');
  });
  it('the review shows what will be sent; ✏️ Sửa starts again, nothing is sent until 📨 Gửi (Zalo: "1. Gửi / 2. Sửa")', async () => {
    const h = await harness();
    await h.say('5', '/dangky');
    await h.say('5', 'Sở Tài chính');
    // The agency typed twice: the review shows it in the wrong place before anything is sent.
    await h.say('5', 'so tai chinh');
    const check = await h.say('5', 'Nguyễn Văn An');
    const zalo = h.menuText(check);
    expect(zalo).toContain('• Họ tên: so tai chinh\n• Chức vụ: Nguyễn Văn An');
    expect(zalo).toContain('1. Gửi\n2. Sửa (nhập lại từ đầu)\n3. Hủy');
    expect(zalo).not.toMatch(/bấm/i);
    expect(h.store.snapshot().officials).toEqual([]);
    // A question in between is answered; the review waits.
    expect(h.text(await h.say('5', 'Sở Nội vụ phải làm gì?'))).toContain('Sở Nội vụ');
    expect(h.store.snapshot().officials).toEqual([]);
    expect(h.text(await h.say('5', 'sửa'))).toContain('Bạn thuộc cơ quan nào?');
    await h.say('5', 'Sở Tài chính');
    await h.say('5', 'Nguyễn Văn An');
    expect(h.text(await h.say('5', 'Chuyên viên'))).toContain('• Họ tên: Nguyễn Văn An\n• Chức vụ: Chuyên viên');
    expect(h.store.snapshot().officials).toEqual([]);
    const sent = await h.say('5', 'gửi');
    expect(h.text(sent)).toContain('Đã gửi yêu cầu đăng ký cán bộ Sở Tài chính');
    expect(h.store.snapshot().officials).toEqual([expect.objectContaining({ name: 'Nguyễn Văn An', position: 'Chuyên viên', status: 'pending' })]);
    // A stale 📨 after sending changes nothing.
    const before = readFileSync(h.file, 'utf8');
    expect(h.toast(await h.press('5', 'rs'))).toBeDefined();
    expect(readFileSync(h.file, 'utf8')).toBe(before);
  });
  it('revoking stops an official from ticking', async () => {
    const h = await harness();
    const id = await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press(ADMIN, `a:rv:${id}`);
    expect(h.toast(await h.press('2', 't:I.4'))).toContain('chưa đăng ký');
  });
  it("a roster official sharing their own contact is approved at once; another person's contact is refused", async () => {
    const h = await harness({ roster: [{ name: 'Trần Thị B', agency: 'so-noi-vu', phone: '0912345678' }] });
    await h.say('7', '/dangky');
    expect(h.text(await h.core.onContact(h.user('7'), { phone: '+84 912 345 678', userId: '8' }))).toContain('chính bạn');
    const r = await h.core.onContact(h.user('7'), { phone: '+84 912 345 678', userId: '7' });
    expect(h.text(r)).toContain('Trần Thị B, Sở Nội vụ');
    expect(h.store.snapshot().officials[0]).toMatchObject({ status: 'approved', decidedBy: 'roster', agency: 'so-noi-vu' });
  });
  it('/huydangky leaves', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.say('2', '/huydangky');
    expect(h.store.snapshot().officials[0]!.status).toBe('left');
  });
});

describe('ticking', () => {
  it('/viec lists the tasks with ✅; tick → confirm → recorded, and the list comes back with the new state', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const list = await h.say('2', '/viec');
    expect(h.text(list)).toContain('I.4');
    expect(h.actions(list)).toEqual(['t:I.4:-:l', 'g:I.4:0:l', 'e:I.4:0', 't:III.3:-:l', 'g:III.3:4:l']);
    const ask = await h.press('2', 't:I.4:-:l');
    expect(h.text(ask)).toContain('Xác nhận Sở Tài chính đã hoàn thành nhiệm vụ I.4?');
    expect(h.actions(ask)).toEqual(['c:I.4:0:-:l', 'n:I.4:0:-:l', 'k:I.4:0:-:l']);
    expect(ticks(h)).toHaveLength(0);
    const done = await h.press('2', 'c:I.4:0:-:l');
    expect(h.text(done)).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
    expect(h.text(done)).toContain('Nhiệm vụ Sở Tài chính chủ trì (2)');
    expect(h.actions(done)).toEqual(['u:c2:l', 't:III.3:-:l', 'g:III.3:4:l', 'f:c2']);
    // The next task is ticked from the same message.
    const next = await h.press('2', 't:III.3:-:l');
    await h.press('2', h.actions(next)[0]!);
    expect(ticks(h).map((c) => [c.taskId, c.by, c.on])).toEqual([
      ['I.4', 'o1', '2019-03-10'],
      ['III.3', 'o1', '2019-03-10'],
    ]);
  });
  it('a question typed after ✅ is answered, nothing is recorded, and the confirmation stays pending', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 't:I.4:-:l');
    const r = await h.say('2', 'Sở Nội vụ phải làm gì?');
    expect(h.text(r)).toContain('Sở Nội vụ');
    expect(h.text(r)).not.toContain('Đã ghi nhận');
    expect(ticks(h)).toHaveLength(0);
    await h.press('2', 'c:I.4:0:-:l');
    expect(ticks(h)).toHaveLength(1);
  });
  it('a note is attached only when the official chose 📝, and then goes with the tick', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 't:I.4:-:l');
    const ask = await h.press('2', 'n:I.4:0:-:l');
    expect(h.text(ask)).toContain('Gõ ghi chú cho I.4');
    expect(ticks(h)).toHaveLength(0);
    const r = await h.say('2', 'QĐ 123/QĐ-UBND');
    expect(h.text(r)).toContain('Ghi chú: QĐ 123/QĐ-UBND');
    expect(ticks(h)[0]!.note).toBe('QĐ 123/QĐ-UBND');
    // The next text is a question again.
    expect(h.text(await h.say('2', 'Sở Nội vụ phải làm gì?'))).not.toContain('Ghi chú');
  });
  it('a pending note survives a restart', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 'n:I.4:0:-:a');
    const again = await harness({ file: h.file, start: h.clock.now.toISOString() });
    expect(again.text(await again.say('2', 'Số 45/BC-STC'))).toContain('Ghi chú: Số 45/BC-STC');
    expect(again.store.snapshot().completions[0]!.note).toBe('Số 45/BC-STC');
  });
  it('a pending confirmation survives a restart: its button still records the tick', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const ask = await h.press('2', 't:I.4');
    const again = await harness({ file: h.file, start: h.clock.now.toISOString() });
    await again.press('2', h.actions(ask)[0]!);
    expect(again.store.snapshot().completions).toHaveLength(1);
  });
  it('a stale ✖ after the tick was confirmed says the tick stands and offers ↩️', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const ask = await h.press('2', 't:I.4');
    await h.press('2', 'c:I.4:0:-');
    const cancel = await h.press('2', h.actions(ask).find((a) => a.startsWith('k:'))!);
    expect(h.toast(cancel)).toContain('I.4 đã được ghi nhận hoàn thành lúc 10:00 10/03/2019');
    expect(h.text(cancel)).toContain('hủy không thay đổi gì');
    expect(h.actions(cancel)).toContain('u:c2');
    expect(ticks(h)).toHaveLength(1);
  });
  it('✖ before confirming records nothing and shows the list again', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 't:I.4:-:l');
    const r = await h.press('2', 'k:I.4:0:-:l');
    expect(h.text(r)).toContain('Đã hủy: chưa ghi nhận gì cho I.4');
    expect(h.actions(r)).toContain('t:I.4:-:l');
    expect(ticks(h)).toHaveLength(0);
  });
  it('two confirms record one tick; the second says when it was recorded', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const [a, b] = await Promise.all([h.press('2', 'c:I.4:0:-'), h.press('2', 'c:I.4:0:-')]);
    expect(h.store.snapshot().completions).toHaveLength(1);
    expect([h.toast(a), h.toast(b)].join()).toContain('I.4 đã được ghi nhận hoàn thành lúc');
  });
  it('forged, foreign, unregistered and garbage callbacks are refused and change nothing', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const before = readFileSync(h.file, 'utf8');
    expect(h.toast(await h.press('2', 'c:I.3:0:-'))).toContain('Sở Tài chính không được giao nhiệm vụ I.3');
    expect(h.toast(await h.press('2', 't:I.3'))).toContain('không được giao');
    expect(h.toast(await h.press('9', 'c:I.4:0:-'))).toContain('chưa đăng ký');
    expect(h.toast(await h.press('2', 't:I.4:0'))).toContain('Chỉ quản trị viên');
    expect(h.toast(await h.press('2', 'c:I.4:7:-'))).toContain('đã cũ');
    expect(h.toast(await h.press('2', 'zzz'))).toContain('không hợp lệ');
    expect(h.toast(await h.press('2', `t:${'I'.repeat(70)}`))).toContain('không hợp lệ');
    expect(h.toast(await h.press('2', 'c:II.8:0:20190331'))).toBeTruthy();
    expect(h.toast(await h.press('2', 'c:I.4:0:-:l:extra'))).toContain('không hợp lệ');
    expect(readFileSync(h.file, 'utf8')).toBe(before);
  });
  it('undo works within the window, then is refused', async () => {
    const h = await harness({ undoMinutes: 30 });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 'c:I.4:0:-');
    const undone = await h.press('2', 'u:c2');
    expect(h.text(undone)).toContain('Đã hoàn tác');
    expect(h.actions(undone)).toEqual(['t:I.4', 'g:I.4:0:a', 'e:I.4:0']);
    expect(h.store.snapshot().completions[0]!.undoneAt).toBeDefined();
    await h.press('2', 'c:I.4:0:-');
    h.advance(31 * 60_000);
    expect(h.toast(await h.press('2', 'u:c3'))).toContain('quá 30 phút');
  });
  it("a task led by the districts is done by each: one district's tick shows 1/10", async () => {
    const h = await harness();
    await h.official('3', 'UBND huyện Ba Tri', 'huyen-ba-tri');
    const ask = await h.press('3', 't:II.3');
    const done = await h.press('3', h.actions(ask)[0]!);
    expect(h.text(done)).toContain('1/10 cơ quan đã báo cáo');
    expect(h.text(done)).toContain('Phần của UBND huyện Ba Tri: Hoàn thành đúng hạn');
  });
  it('a recurring task is reported per period, a missed period first; that report can be undone at once', async () => {
    const h = await harness({ start: '2019-03-20T03:00:00Z' });
    await h.official('3', 'UBND huyện Ba Tri', 'huyen-ba-tri');
    const missed = await h.press('3', 't:II.8');
    expect(h.text(missed)).toContain('(kỳ đến 31/12/2018)');
    const first = await h.press('3', h.actions(missed)[0]!);
    // ✅ for the current period and ↩️ for the period just reported.
    expect(h.actions(first)).toEqual(['t:II.8', 'g:II.8:8:a', 'u:c2', 'f:c2']);
    const current = await h.press('3', 't:II.8');
    expect(h.text(current)).toContain('(kỳ đến 31/03/2019)');
    await h.press('3', h.actions(current)[0]!);
    expect(h.actions(await h.say('3', '/viec'))).not.toContain('t:II.8:-:l');
    expect(ticks(h).map((c) => c.period)).toEqual(['2018-12-31', '2019-03-31']);
    h.setNow('2019-04-02T03:00:00Z');
    expect(h.actions(await h.say('3', '/viec'))).toContain('t:II.8:-:l');
    expect(h.text(await h.press('3', 't:II.8'))).toContain('(kỳ đến 30/06/2019)');
  });
  it('a confirm for a period that has passed is refused and the open period is offered', async () => {
    const h = await harness({ start: '2019-03-20T03:00:00Z' });
    await h.official('3', 'UBND huyện Ba Tri', 'huyen-ba-tri');
    const ask = await h.press('3', 't:II.8');
    h.setNow('2019-07-02T03:00:00Z');
    const r = await h.press('3', h.actions(ask)[0]!);
    expect(h.toast(r)).toContain('đã qua');
    expect(h.actions(r)).toContain('t:II.8');
    expect(h.store.snapshot().completions).toHaveLength(0);
  });
  it('ticking a "Thường xuyên" task is a report, never "hoàn thành" then "đang thực hiện"', async () => {
    const h = await harness();
    await h.official('4', 'Sở Thông tin và Truyền thông', 'so-thong-tin');
    const ask = await h.press('4', 't:III.6');
    expect(h.text(ask)).toContain('nhiệm vụ thường xuyên');
    const done = h.text(await h.press('4', h.actions(ask)[0]!));
    expect(done).toContain('Đã ghi nhận báo cáo');
    expect(done).not.toContain('hoàn thành');
    expect(done).toContain('đã báo cáo thực hiện ngày 10/03/2019');
  });
  it('an admin ticks on behalf of an agency, choosing which one', async () => {
    const h = await harness();
    const choose = await h.press(ADMIN, 't:II.1');
    expect(h.text(choose)).toContain('thay cho cơ quan nào');
    expect(h.actions(choose)).toContain('t:II.1:1');
    const confirm = await h.press(ADMIN, 't:II.1:1');
    await h.press(ADMIN, h.actions(confirm)[0]!);
    expect(h.store.snapshot().completions[0]).toMatchObject({ taskId: 'II.1', party: 'so-noi-vu', by: `admin:telegram:${ADMIN}` });
  });
  it("an official is told when an admin ticks for their agency; another agency's official is not; an official's own tick tells no one", async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    await h.press(ADMIN, 't:I.4:0');
    const done = await h.press(ADMIN, 'c:I.4:0:-:a');
    expect(h.store.snapshot().completions[0]).toMatchObject({ taskId: 'I.4', party: 'so-tai-chinh', by: `admin:telegram:${ADMIN}` });
    expect(done.others.map((o) => o.chatId)).toEqual(['2']);
    const told = h.text({ replies: [], others: done.others });
    expect(told).toContain('quản trị viên (VP.UBND tỉnh) đã ghi nhận Sở Tài chính hoàn thành nhiệm vụ I.4 của KH 4561/KH-UBND lúc 10:00');
    expect(presentMenu(done, 'vi').others[0]!.text).toContain('hoàn thành nhiệm vụ I.4');
    expect(presentMenu(done, 'vi').others[0]!.text).not.toMatch(/bấm/i);
    const own = await h.press('3', 'c:II.1:1:-:a');
    expect(h.text(own)).toContain('Đã ghi nhận');
    expect(own.others).toEqual([]);
  });
  it('/quahan says which period of a recurring task is late, not only "Quá hạn" beside a date', async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    expect(h.text(await h.say('1', '/quahan'))).toMatch(/• II\.8 — .*\n.*Hàng quý trong năm · Quá hạn · kỳ đến 31\/03\/2019 chưa báo cáo/);
  });
  it("/quahan and /tiendo answer for the official's agency; for an admin, the whole plan", async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    expect(h.text(await h.say('2', '/quahan'))).toContain('Nhiệm vụ quá hạn của Sở Tài chính (1)');
    expect(h.text(await h.say('2', '/tiendo'))).toContain('Tiến độ của Sở Tài chính');
    expect(h.text(await h.say(ADMIN, '/tiendo'))).toContain('Tiến độ Kế hoạch 4561/KH-UBND');
    expect(h.text(await h.say(ADMIN, '/tiendo Sở Nội vụ'))).toContain('Tiến độ của Sở Nội vụ');
  });
  it('a done tick changes the answers everyone sees', async () => {
    const h = await harness({ start: '2019-03-10T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 'c:I.4:0:-');
    expect(h.text(await h.say('9', 'khi nao xong quy dinh muc chi'))).toContain('Hoàn thành đúng hạn');
  });
});

describe('every card offers what can be done with it', () => {
  it("an answer about one of the official's tasks offers ✅, 📈 and ⏳, each naming the task, on Telegram and Zalo", async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const r = await h.say('2', 'I.4 hạn khi nào');
    expect(h.actions(r)).toEqual(['t:I.4', 'g:I.4:0:a', 'e:I.4:0']);
    expect(h.menuText(r)).toContain('1. ✅ Báo hoàn thành I.4\n2. 📈 Báo tiến độ I.4\n3. ⏳ Xin gia hạn I.4');
    // Another agency's official sees the answer without them; a guest too.
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    expect(h.actions(await h.say('3', 'I.4 hạn khi nào'))).toEqual([]);
    expect(h.actions(await h.say('9', 'I.4 hạn khi nào'))).toEqual([]);
  });
  it('after a tick the card offers ↩️ and 📎 for that task; 📈 and ⏳ are gone', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const done = await h.press('2', 'c:I.4:0:-:a');
    expect(h.actions(done)).toEqual(['u:c2', 'f:c2']);
    expect(h.text(done)).not.toContain('📈');
    expect(h.menuText(await h.press('2', 'v:I.4'))).toContain('📎 Đính kèm minh chứng I.4');
  });
  it('📈, ⏳ and 📎 pressed by an official of another agency, or a guest, are refused on the server and change nothing', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    await h.press('2', 'c:I.4:0:-:a');
    const before = readFileSync(h.file, 'utf8');
    for (const who of ['3', '9'])
      for (const action of ['g:I.4:0:a', 'e:I.4:0', 'f:c2']) {
        const r = await h.press(who, action);
        expect(r.refusal, `${who} ${action}`).toBeDefined();
        expect(h.text(r)).not.toMatch(/Gõ tiến độ|gõ ngày mới|Gửi tệp/);
      }
    expect(readFileSync(h.file, 'utf8')).toBe(before);
  });
  it("a Zalo menu's hint names an item it can act on: after ticking the first task, the next one", async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.say('2', '/viec');
    const after = h.menuText(await h.press('2', 'c:I.4:0:-:l'));
    expect(after).toContain('"xong 2"');
    expect(after).toContain('"hoàn tác 1"');
  });
});

describe('ticking on Zalo does not flood the chat', () => {
  it('"xong 15" of 15 tasks: the changed line, 📎 naming its task, and a hint that names real items — not the whole list', async () => {
    const h = await harness();
    await h.official('2', 'VP.UBND tỉnh', 'vp-ubnd-tinh');
    const list = presentMenu(await h.say('2', '/viec'), 'vi').messages[0]!;
    // VP.UBND's own parts: the 14 tasks it leads by name and III.3, led by the specialised agencies it belongs to.
    expect(list.entries).toHaveLength(15);
    const after = h.menuText(await h.core.onAction(h.user('2'), list.entries[14]!.action, { explicit: true }));
    expect(after).toContain('Đã ghi nhận: VP.UBND tỉnh hoàn thành III.5');
    expect(after).toContain('15. III.5 — ');
    expect(after).not.toMatch(/^1\. /m);
    expect(after).toContain('14 việc khác giữ nguyên số');
    expect(after).toContain('16. 📎 Đính kèm minh chứng III.5');
    expect(after).toContain('"hoàn tác 15"');
    expect(after).toContain('"xong 1"');
    expect(after.length).toBeLessThan(700);
  });
});

describe('/guingay', () => {
  it('an admin starts the digest now and is told the start, the progress and the outcome, in one live message; others are refused', async () => {
    const h = await harness();
    const told: { text: string; live: string | undefined }[] = [];
    h.deps.tell = async (m) => void told.push({ text: h.text({ replies: [m], others: [] }), live: m.live });
    h.deps.push = {
      recipients: () => 3,
      digestNow: async (progress) => {
        progress({ sent: 1, failed: 0, blocked: 0, total: 3 });
        return { sent: 2, failed: 0, blocked: 1, total: 3 };
      },
      announce: async () => ({ sent: 0, failed: 0, blocked: 0, total: 0 }),
    };
    expect(h.text(await h.say('5', '/guingay'))).toContain('Chỉ quản trị viên');
    // Nothing besides the live message: the started note is its first text.
    expect(h.text(await h.say(ADMIN, '/guingay'))).toBe('');
    await vi.waitFor(() => expect(told).toHaveLength(3));
    expect(told.map((m) => m.text)).toEqual([
      'Bắt đầu gửi bản tin tuần tới 3 người nhận…',
      'Đang gửi: 1/3, lỗi 0.',
      'Đã gửi xong: 2/3; lỗi 0; không nhận được (đã chặn bot) 1.',
    ]);
    expect(new Set(told.map((m) => m.live)).size).toBe(1);
    expect(told[0]!.live).toMatch(/^push:/);
  });
});

describe("/guingay respects the admin's chat", () => {
  it('a second /guingay the same day asks first, naming who already got it; "Gửi lại" sends, ✖ sends nothing', async () => {
    const h = await harness();
    const o2 = await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    let runs = 0;
    const told: string[] = [];
    h.deps.tell = async (m) => void told.push(h.text({ replies: [m], others: [] }));
    h.deps.push = {
      recipients: () => 2,
      digestNow: async () => {
        runs++;
        return { sent: 2, failed: 0, blocked: 0, total: 2 };
      },
      announce: async () => ({ sent: 0, failed: 0, blocked: 0, total: 0 }),
    };
    // Nothing sent today yet: /guingay starts at once.
    await h.say(ADMIN, '/guingay');
    await vi.waitFor(() => expect(told).toContain('Bắt đầu gửi bản tin tuần tới 2 người nhận…'));
    expect(runs).toBe(1);
    // Today's run reached the official of Sở Tài chính.
    const at = h.clock.now;
    await h.store.startRun('manual:x', 1, at, { day: '2019-03-10' });
    await h.store.recordDeliveries([{ run: 'manual:x', to: o2, status: 'sent', at: at.toISOString(), attempts: 1 }]);
    await h.store.finishRun('manual:x', { sent: 1, failed: 0 }, at);
    const ask = await h.say(ADMIN, '/guingay');
    expect(h.text(ask)).toBe('Hôm nay đã gửi bản tin tuần cho 1 người: Cán bộ 2. Gửi lại cho mọi người?');
    expect(h.menuText(ask)).toContain('1. Gửi lại cho mọi người\n2. Hủy');
    expect(runs).toBe(1);
    expect((await h.press('3', 'pn')).refusal?.code).toBe('admin-only');
    await h.press(ADMIN, 'x');
    expect(runs).toBe(1);
    // The question's buttons give way to the choice; the run's progress follows on its own.
    const again = await h.press(ADMIN, 'pn');
    expect(h.text({ replies: again.edit ? [again.edit] : [], others: [] })).toBe('Gửi lại bản tin tuần cho mọi người.');
    expect(again.edit?.buttons ?? []).toEqual([]);
    expect(runs).toBe(2);
    await vi.waitFor(() => expect(told.filter((t) => t.startsWith('Bắt đầu gửi'))).toHaveLength(2));
  });
  it('six recipients: in order even when the first note is slow to go out; a few notes on Zalo, each tenth on Telegram', async () => {
    const run = async (channel: 'telegram' | 'zalo') => {
      const h = await harness();
      const told: string[] = [];
      let first = true;
      h.deps.tell = async (m) => {
        // The first note takes longest to deliver: later ones must wait for it.
        if (first) {
          first = false;
          await new Promise((r) => setTimeout(r, 50));
        }
        told.push(h.text({ replies: [m], others: [] }));
      };
      h.deps.push = {
        recipients: () => 6,
        digestNow: async (progress) => {
          for (let sent = 1; sent <= 6; sent++) progress({ sent, failed: 0, blocked: 0, total: 6 });
          return { sent: 6, failed: 0, blocked: 0, total: 6 };
        },
        announce: async () => ({ sent: 0, failed: 0, blocked: 0, total: 0 }),
      };
      await h.core.onText(h.user(channel === 'zalo' ? 'adminzalo' : ADMIN, channel), '/guingay');
      await vi.waitFor(() => expect(told.at(-1)).toContain('Đã gửi xong'));
      return told;
    };
    expect(await run('zalo')).toEqual([
      'Bắt đầu gửi bản tin tuần tới 6 người nhận…',
      'Đang gửi: 2/6, lỗi 0.',
      'Đang gửi: 4/6, lỗi 0.',
      'Đã gửi xong: 6/6; lỗi 0; không nhận được (đã chặn bot) 0.',
    ]);
    expect(await run('telegram')).toEqual([
      'Bắt đầu gửi bản tin tuần tới 6 người nhận…',
      ...[1, 2, 3, 4, 5].map((n) => `Đang gửi: ${n}/6, lỗi 0.`),
      'Đã gửi xong: 6/6; lỗi 0; không nhận được (đã chặn bot) 0.',
    ]);
  });
});

describe('progress notes', () => {
  it('an official reports progress without ticking; the card, the list, the digest and the report show the latest', async () => {
    const h = await harness({ start: '2019-03-10T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const card = await h.press('2', 'v:I.4');
    expect(h.actions(card)).toContain('g:I.4:0:a');
    expect(h.text(await h.press('2', 'g:I.4:0:a'))).toContain('Gõ tiến độ của I.4');
    const saved = await h.say('2', 'đang thực hiện 60%, đã trình dự thảo');
    expect(h.text(saved)).toContain('Đã ghi tiến độ I.4 của Sở Tài chính');
    expect(h.text(saved)).toContain('Tiến độ báo ngày 10/03/2019: đang thực hiện 60%, đã trình dự thảo');
    expect(h.store.snapshot().completions).toHaveLength(0);
    expect(h.store.snapshot().progress[0]).toMatchObject({ taskId: 'I.4', party: 'so-tai-chinh', percent: 60, by: 'o1' });
    expect(h.text(await h.say('2', '/viec'))).toContain('tiến độ 10/03/2019: đang thực hiện 60%');
    const { agencyDigest, planDeps } = await import('../../src/push/digest.ts');
    expect(JSON.stringify(agencyDigest(planDeps(h.deps, h.deps.plans.default()), 'so-tai-chinh', '2019-03-25', 30).text)).toContain(
      'Tiến độ báo ngày 10/03/2019',
    );
    // In one line, by command; someone else's task is refused.
    expect(h.text(await h.say('2', '/baotiendo I4 đã xong 80%'))).toContain('Tiến độ báo ngày 10/03/2019: đã xong 80%');
    expect(h.text(await h.say('2', '/baotiendo I.3 xong rồi'))).toContain('không được giao');
    expect(h.text(await h.say('9', '/baotiendo I.4 x'))).toContain('chưa đăng ký');
  });
});

describe('/baocao', () => {
  it("an admin gets the whole plan's report as a file; an official their agency's part; a guest is refused", async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const admin = await h.say(ADMIN, '/baocao');
    expect(h.text(admin)).toContain('Báo cáo Kế hoạch 4561/KH-UBND — toàn kế hoạch, tính đến 10/04/2019');
    expect(admin.replies[0]!.document!.filename).toBe('bao-cao-4561-KH-UBND-2019-04-10.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const rowsOf = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb.getWorksheet('Chi tiết')!.rowCount - 2;
    };
    const official = await h.say('2', '/baocao');
    expect(official.replies[0]!.document!.filename).toContain('so-tai-chinh');
    expect(await rowsOf(official.replies[0]!.document!.bytes)).toBe(2);
    expect(await rowsOf(admin.replies[0]!.document!.bytes)).toBeGreaterThan(50);
    expect(h.text(await h.say('9', '/baocao'))).toContain('chưa đăng ký');
  });
  it('on Zalo, which cannot send files, says where to get it', async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    const r = await h.core.onText(h.user('adminzalo', 'zalo'), '/baocao');
    expect(presentMenu(r, 'vi').messages[0]!.document?.notHere).toContain('Ở đây lúc này chưa gửi được tệp báo cáo');
  });
});

describe('linking', () => {
  it('a code shown on Telegram links a Zalo account, and the Telegram account is told', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const code = h.text(await h.say('2', '/lienket')).match(/\d{6}/)![0];
    const r = await h.core.onText(h.user('z2', 'zalo'), `/lienket ${code}`);
    expect(h.menuText(r)).toContain('Đã liên kết');
    expect(r.others).toEqual([expect.objectContaining({ channel: 'telegram', chatId: '2' })]);
    expect(h.text({ replies: [], others: r.others })).toContain('Tài khoản Zalo vừa được liên kết');
    expect(h.store.snapshot().officials[0]!.accounts.map((a) => a.channel)).toEqual(['telegram', 'zalo']);
  });
  it('an account whose registration waits for approval cannot be linked to another official (one account, one official)', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.store.addOfficial(
      { account: { channel: 'zalo', userId: 'z2', chatId: 'z2' }, name: 'B', position: 'C', agency: 'so-noi-vu' },
      'zalo:z2',
      new Date(),
    );
    const code = h.text(await h.say('2', '/lienket')).match(/\d{6}/)![0];
    const r = await h.core.onText(h.user('z2', 'zalo'), `/lienket ${code}`);
    expect(h.menuText(r)).toContain('Tài khoản này đã thuộc một cán bộ khác');
    expect(h.store.snapshot().officials[0]!.accounts.map((a) => a.channel)).toEqual(['telegram']);
  });
  it('link codes survive a restart', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const code = h.text(await h.say('2', '/lienket')).match(/\d{6}/)![0];
    const store = await FileStore.open(h.file);
    const core = createCore(coreDeps(store, h.clock));
    await core.onText(h.user('z2', 'zalo'), `/lienket ${code}`);
    expect(store.snapshot().officials[0]!.accounts).toHaveLength(2);
  });
});
