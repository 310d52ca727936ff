import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ADMIN, harness } from './harness.ts';

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
});

describe('registration and approval', () => {
  it('/id tells a user their id and role (what an admin puts in ADMIN_TELEGRAM_IDS)', async () => {
    const h = await harness();
    expect(h.text(await h.say('77', '/id'))).toBe('Mã người dùng telegram của bạn: 77\nVai trò: khách (chỉ hỏi đáp)');
    expect(h.text(await h.say(ADMIN, '/id'))).toContain('quản trị viên');
  });
  it('asks for the agency (with buttons for close matches), name and position, then asks the admins', async () => {
    const h = await harness();
    expect(h.text(await h.say('5', '/dangky'))).toContain('Bạn thuộc cơ quan nào?');
    const choose = await h.say('5', 'so tai chin');
    expect(h.actions(choose)).toContain('r:so-tai-chinh');
    await h.press('5', 'r:so-tai-chinh');
    await h.say('5', 'Nguyễn Văn A');
    const sent = await h.say('5', 'Chuyên viên');
    const toAdmin = sent.messages.find((m) => m.chatId === ADMIN)!;
    expect(toAdmin.text).toContain('Nguyễn Văn A');
    expect(toAdmin.text).toContain('Sở Tài chính');
    expect(toAdmin.buttons!.flat().map((b) => b.action)).toEqual(['a:ok:o1', 'a:no:o1']);
    expect(h.store.state.officials[0]).toMatchObject({ status: 'pending', agency: 'so-tai-chinh', name: 'Nguyễn Văn A' });
  });
  it('"UBND cấp huyện" offers the nine districts to choose from', async () => {
    const h = await harness();
    await h.say('5', '/dangky');
    const r = await h.say('5', 'UBND cấp huyện');
    expect(h.actions(r).filter((a) => a.startsWith('r:'))).toHaveLength(9);
  });
  it('the admin approves; the official is told; the audit log says who and when', async () => {
    const h = await harness();
    await h.register('5', 'Sở Nội vụ', 'so-noi-vu');
    const r = await h.press(ADMIN, 'a:ok:o1');
    expect(r.messages).toEqual([expect.objectContaining({ chatId: '5', text: expect.stringContaining('đã được duyệt') })]);
    expect(r.edit!.text).toContain('Đã duyệt');
    expect(h.store.state.officials[0]!.status).toBe('approved');
    expect(h.store.state.audit.at(-1)).toMatchObject({ actor: `admin:telegram:${ADMIN}`, action: 'approved', subject: 'o1' });
    expect(h.text(await h.press(ADMIN, 'a:ok:o1'))).toContain('đã được xử lý');
  });
  it('a non-admin cannot approve, reject or revoke: refused, nothing changed', async () => {
    const h = await harness();
    await h.register('5', 'Sở Nội vụ', 'so-noi-vu');
    const before = readFileSync(h.file, 'utf8');
    for (const a of ['a:ok:o1', 'a:no:o1', 'a:rv:o1']) expect((await h.press('5', a)).toast).toContain('Chỉ quản trị viên');
    expect(readFileSync(h.file, 'utf8')).toBe(before);
  });
  it('revoking stops an official from ticking', async () => {
    const h = await harness();
    const id = await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press(ADMIN, `a:rv:${id}`);
    expect((await h.press('2', 't:I.4')).toast).toContain('chưa đăng ký');
  });
  it("a roster official sharing their own contact is approved at once; another person's contact is refused", async () => {
    const h = await harness({ roster: [{ name: 'Trần Thị B', agency: 'so-noi-vu', phone: '0912345678' }] });
    await h.say('7', '/dangky');
    expect(h.text(await h.assistant.onContact(h.user('7'), { phone: '+84 912 345 678', userId: '8' }))).toContain('chính bạn');
    const r = await h.assistant.onContact(h.user('7'), { phone: '+84 912 345 678', userId: '7' });
    expect(h.text(r)).toContain('Trần Thị B, Sở Nội vụ');
    expect(h.store.state.officials[0]).toMatchObject({ status: 'approved', decidedBy: 'roster', agency: 'so-noi-vu' });
  });
  it('/huydangky leaves', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.say('2', '/huydangky');
    expect(h.store.state.officials[0]!.status).toBe('left');
  });
});

describe('ticking', () => {
  it("/viec lists the agency's tasks with ✅; tick → confirm → recorded, shown in place, with ↩️", async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const list = await h.say('2', '/viec');
    expect(h.text(list)).toContain('I.4');
    expect(h.actions(list)).toEqual(expect.arrayContaining(['t:I.4', 't:III.3']));
    const ask = await h.press('2', 't:I.4');
    expect(ask.edit!.text).toContain('Xác nhận Sở Tài chính đã hoàn thành nhiệm vụ I.4');
    expect(h.actions(ask)).toEqual(['c:I.4:0:-', 'x']);
    const done = await h.press('2', 'c:I.4:0:-');
    expect(done.edit!.text).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
    expect(done.edit!.text).toContain('Hoàn thành đúng hạn');
    expect(h.actions(done)).toEqual(['u:c2']);
    expect(h.store.state.completions).toEqual([expect.objectContaining({ taskId: 'I.4', party: 'so-tai-chinh', by: 'o1', on: '2019-03-10' })]);
  });
  it('a typed note is kept with the tick', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 't:I.4');
    const r = await h.say('2', 'QĐ 123/QĐ-UBND');
    expect(h.text(r)).toContain('Ghi chú: QĐ 123/QĐ-UBND');
    expect(h.store.state.completions[0]!.note).toBe('QĐ 123/QĐ-UBND');
  });
  it('two confirms record one tick', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const [a, b] = await Promise.all([h.press('2', 'c:I.4:0:-'), h.press('2', 'c:I.4:0:-')]);
    expect(h.store.state.completions).toHaveLength(1);
    expect([a.toast, b.toast]).toContain('Đã ghi nhận I.4 trước đó. Không có gì thay đổi.');
  });
  it('forged, foreign, unregistered and garbage callbacks are refused and change nothing', async () => {
    const h = await harness();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const before = readFileSync(h.file, 'utf8');
    expect((await h.press('2', 'c:I.3:0:-')).toast).toContain('Sở Tài chính không được giao nhiệm vụ I.3');
    expect((await h.press('2', 't:I.3')).toast).toContain('không được giao');
    expect((await h.press('9', 'c:I.4:0:-')).toast).toContain('chưa đăng ký');
    expect((await h.press('2', 't:I.4:0')).toast).toContain('Chỉ quản trị viên');
    expect((await h.press('2', 'c:I.4:7:-')).toast).toContain('đã cũ');
    expect((await h.press('2', 'zzz')).toast).toContain('không hợp lệ');
    expect((await h.press('2', `t:${'I'.repeat(70)}`)).toast).toContain('không hợp lệ');
    expect((await h.press('2', 'c:II.8:0:20190331')).toast).toBeTruthy();
    expect(readFileSync(h.file, 'utf8')).toBe(before);
  });
  it('undo works within the window, then is refused', async () => {
    const h = await harness({ undoMinutes: 30 });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.press('2', 'c:I.4:0:-');
    const undone = await h.press('2', 'u:c2');
    expect(undone.edit!.text).toContain('Đã hoàn tác');
    expect(h.actions(undone)).toEqual(['t:I.4']);
    expect(h.store.state.completions[0]!.undoneAt).toBeDefined();
    await h.press('2', 'c:I.4:0:-');
    h.advance(31 * 60_000);
    expect((await h.press('2', 'u:c3')).toast).toContain('quá 30 phút');
  });
  it("a task led by the districts is done by each: one district's tick shows 1/10", async () => {
    const h = await harness();
    await h.official('3', 'UBND huyện Ba Tri', 'huyen-ba-tri');
    const ask = await h.press('3', 't:II.3');
    const done = await h.press('3', h.actions(ask)[0]!);
    expect(done.edit!.text).toContain('1/10 cơ quan đã báo cáo');
    expect(done.edit!.text).toContain('Phần của UBND huyện Ba Tri: Hoàn thành đúng hạn');
  });
  it('a recurring task is reported per period, a missed period first, and the next period opens by itself', async () => {
    const h = await harness({ start: '2019-03-20T03:00:00Z' });
    await h.official('3', 'UBND huyện Ba Tri', 'huyen-ba-tri');
    // The fourth quarter of 2018 was never reported: that comes first.
    const missed = await h.press('3', 't:II.8');
    expect(missed.edit!.text).toContain('(kỳ đến 31/12/2018)');
    await h.press('3', h.actions(missed)[0]!);
    const current = await h.press('3', 't:II.8');
    expect(current.edit!.text).toContain('(kỳ đến 31/03/2019)');
    await h.press('3', h.actions(current)[0]!);
    expect(h.actions(await h.say('3', '/viec'))).not.toContain('t:II.8');
    expect(h.store.state.completions.map((c) => c.period)).toEqual(['2018-12-31', '2019-03-31']);
    h.setNow('2019-04-02T03:00:00Z');
    expect(h.actions(await h.say('3', '/viec'))).toContain('t:II.8');
    expect((await h.press('3', 't:II.8')).edit!.text).toContain('(kỳ đến 30/06/2019)');
  });
  it('a confirm for a period that has passed is refused as stale', async () => {
    const h = await harness({ start: '2019-03-20T03:00:00Z' });
    await h.official('3', 'UBND huyện Ba Tri', 'huyen-ba-tri');
    const ask = await h.press('3', 't:II.8');
    h.setNow('2019-07-02T03:00:00Z');
    expect((await h.press('3', h.actions(ask)[0]!)).toast).toContain('đã cũ');
    expect(h.store.state.completions).toHaveLength(0);
  });
  it('an admin ticks on behalf of an agency, choosing which one', async () => {
    const h = await harness();
    const choose = await h.press(ADMIN, 't:II.1');
    expect(choose.edit!.text).toContain('thay cho cơ quan nào');
    expect(h.actions(choose)).toContain('t:II.1:1');
    const confirm = await h.press(ADMIN, 't:II.1:1');
    await h.press(ADMIN, h.actions(confirm)[0]!);
    expect(h.store.state.completions[0]).toMatchObject({ taskId: 'II.1', party: 'so-noi-vu', by: `admin:telegram:${ADMIN}` });
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

describe('/guingay', () => {
  it('an admin starts the digest now and is told the progress and the outcome; others are refused', async () => {
    const h = await harness();
    const told: string[] = [];
    h.assistant.deps.tell = async (m) => void told.push(m.text);
    h.assistant.deps.push = {
      recipients: () => 3,
      digestNow: async (progress) => {
        progress({ sent: 1, failed: 0, blocked: 0, total: 3 });
        return { sent: 2, failed: 0, blocked: 1, total: 3 };
      },
    };
    expect(h.text(await h.say('5', '/guingay'))).toContain('Chỉ quản trị viên');
    expect(h.text(await h.say(ADMIN, '/guingay'))).toBe('Bắt đầu gửi bản tin tuần tới 3 người nhận…');
    await vi.waitFor(() => expect(told).toEqual(['Đang gửi: 1/3, lỗi 0.', 'Đã gửi xong: 2/3; lỗi 0; không nhận được (đã chặn bot) 1.']));
  });
});
