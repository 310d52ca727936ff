/**
 * Extensions and evidence, as officials and admins use them: on Telegram (buttons) and on Zalo (numbered menus),
 * with refusals for anyone not entitled; the report shows both.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/xlsx.ts';
import { ADMIN, harness } from './harness.ts';

const file = (filename: string, ref: string, size = 120_000, kind: 'document' | 'photo' = 'document') => ({
  filename,
  kind,
  ref,
  size,
  read: async () => Buffer.alloc(0),
});

describe('extensions', () => {
  it("the prompts' own example dates are future dates that a request accepts", async () => {
    const h = await harness({ start: '2019-03-25T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const asked = h.text(await h.press('2', 'e:I.4:0'));
    // Due 31/03/2019: the example is three months past it, the end of that month.
    const example = asked.match(/ví dụ: (\d{2}\/\d{2}\/\d{4}) /)?.[1];
    expect(example).toBe('30/06/2019');
    expect(h.text(await h.say('2', `${example} chờ Thông tư`))).toContain(`Đã gửi đề nghị gia hạn I.4 đến ${example}`);
    // The usage's example, long after the plan: later than today.
    const late = await harness({ start: '2026-12-02T03:00:00Z' });
    expect(late.text(await late.say('2', '/giahan'))).toContain('/giahan I.4 31/03/2027');
  });
  it('an official asks for more time on their part; the admins approve; the due date and status follow, the original stays visible', async () => {
    const h = await harness({ start: '2019-03-25T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    // The card offers ⏳ to the agency's own official only.
    const card = await h.press('2', 'v:I.4');
    expect(h.actions(card)).toContain('e:I.4:0');
    expect(h.actions(await h.press('3', 'v:I.4'))).not.toContain('e:I.4:0');
    // Someone else's part, a guest, a recurring task: refused, nothing written.
    expect((await h.press('3', 'e:I.4:0')).refusal?.code).toBe('not-your-task');
    expect((await h.press('9', 'e:I.4:0')).refusal?.code).toBe('not-registered');
    expect(h.text(await h.say('2', '/giahan III.3 30/06/2019 chờ'))).toContain('không có một hạn cố định');
    const asked = await h.press('2', 'e:I.4:0');
    expect(h.text(asked)).toContain('hạn hiện tại 31/03/2019');
    // A date before the current due date, then no reason, then a proper request.
    expect(h.text(await h.say('2', '15/03/2019 chờ Thông tư'))).toContain('không sau hạn hiện tại');
    expect(h.text(await h.say('2', '/giahan I.4 30/06/2019'))).toContain('Cần ghi lý do');
    const sent = await h.say('2', '30/06/2019 chờ Thông tư của Bộ Tài chính');
    expect(h.text(sent)).toContain('Đã gửi đề nghị gia hạn I.4 đến 30/06/2019');
    // The admins get ✅/❌ with the dates and the reason.
    const toAdmin = sent.others.find((o) => o.chatId === ADMIN)!;
    expect(h.text({ replies: [toAdmin], others: [] })).toContain('từ 31/03/2019 đến 30/06/2019');
    expect(h.text({ replies: [toAdmin], others: [] })).toContain('Lý do: chờ Thông tư của Bộ Tài chính');
    const approve = (toAdmin.buttons ?? []).flat().find((b) => b.kind === 'approve')!.action;
    // A second request while one waits is refused.
    expect(h.text(await h.say('2', '/giahan I.4 15/07/2019 lý do khác'))).toContain('đang chờ duyệt');
    // Only an admin decides.
    expect((await h.press('2', approve)).refusal?.code).toBe('admin-only');
    // After the original date, before the new one: overdue until approved, in time after.
    h.setNow('2019-04-10T03:00:00Z');
    expect(h.text(await h.press('2', 'v:I.4'))).toContain('Phần của Sở Tài chính: Quá hạn');
    const decided = await h.press(ADMIN, approve);
    expect(h.text(decided)).toContain('Đã duyệt gia hạn I.4');
    expect(decided.others.map((o) => o.chatId)).toEqual(['2']);
    const after = h.text(await h.press('2', 'v:I.4'));
    expect(after).toContain('Phần của Sở Tài chính: Đang thực hiện trong hạn');
    expect(after).toContain('Được gia hạn đến 30/06/2019 (hạn gốc 31/03/2019)');
    expect(h.text(await h.say('2', '/viec'))).toContain('Hạn: 30/06/2019 (gia hạn; hạn gốc 31/03/2019) · Đang thực hiện trong hạn');
    // Pressed again: already decided. The audit log keeps both dates.
    expect(h.text(await h.press(ADMIN, approve))).toContain('đã được quyết định');
    expect(h.store.snapshot().audit.find((a) => a.action === 'extension-approved')).toMatchObject({
      before: { due: '2019-03-31' },
      after: { due: '2019-06-30' },
    });
    // The report shows it.
    const wb = new ExcelJS.Workbook();
    const { plan, engine } = h.deps.plans.default();
    await wb.xlsx.load((await buildReport({ plan, engine, dir: h.deps.dir, store: h.store, t: h.deps.t }, '2019-04-10')) as never);
    let row: unknown[] | undefined;
    wb.getWorksheet('Chi tiết')!.eachRow((r) => {
      if (r.getCell(1).value === 'I.4') row = r.values as unknown[];
    });
    expect(row?.[7]).toBe('Đang thực hiện trong hạn');
    expect(row?.[6]).toEqual(new Date('2019-06-30T00:00:00Z'));
    expect(row?.[12]).toBe('Được gia hạn đến 30/06/2019 (hạn gốc 31/03/2019).');
  });
  it('on Zalo: the card is a numbered menu, the request is typed, and the admin decides with a number', async () => {
    const h = await harness({ start: '2019-03-25T03:00:00Z' });
    const zalo = (id: string, text: string) => h.core.onText(h.user(id, 'zalo'), text);
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    // The official links nothing: a Zalo-only official registers on Zalo.
    await zalo('z2', '/dangky');
    const r = await zalo('z2', 'Sở Tài chính');
    if (h.actions(r).includes('r:so-tai-chinh')) await h.core.onAction(h.user('z2', 'zalo'), 'r:so-tai-chinh');
    await zalo('z2', 'Trần Văn Zalo');
    await zalo('z2', 'Chuyên viên');
    // The review: "gửi".
    await zalo('z2', 'gửi');
    const o = h.store.snapshot().officials.find((x) => x.name === 'Trần Văn Zalo')!;
    await h.core.onAction(h.user('adminzalo', 'zalo'), `a:ok:${o.id}`);
    const card = h.menuText(await zalo('z2', '/giahan I.4'));
    expect(card).toContain('hạn hiện tại 31/03/2019');
    expect(card).not.toMatch(/bấm/i);
    const sent = await zalo('z2', 'gia hạn đến 30/6/2019 chờ Thông tư');
    expect(h.menuText(sent)).toContain('Đã gửi đề nghị gia hạn I.4 đến 30/06/2019');
    const toZaloAdmin = sent.others.find((x) => x.channel === 'zalo')!;
    const { presentMenu } = await import('../../src/core/kernel/present.ts');
    const shown = presentMenu({ replies: [], others: [toZaloAdmin] }, 'vi').others[0]!;
    expect(shown.text).toMatch(/1\. ✅ Duyệt gia hạn\n2\. (❌ )?Từ chối/);
    await h.core.rememberMenu('zalo', 'adminzalo', shown.entries);
    // "2" (Từ chối) asks for the reason; nothing is decided until it is typed.
    expect(h.menuText(await zalo('adminzalo', '2'))).toContain('gõ lý do');
    expect(h.store.snapshot().extensions[0]).toMatchObject({ status: 'pending' });
    const rejected = await zalo('adminzalo', 'Chưa đủ căn cứ');
    expect(h.menuText(rejected)).toContain('Đã từ chối gia hạn I.4');
    expect(h.menuText(rejected)).toContain('Lý do: Chưa đủ căn cứ.');
    expect(h.store.snapshot().extensions[0]).toMatchObject({ status: 'rejected', decidedBy: 'admin:zalo:adminzalo', decisionReason: 'Chưa đủ căn cứ' });
    // The official's card keeps the trace: the date asked and why it was refused.
    expect(h.menuText(await h.core.onAction(h.user('z2', 'zalo'), 'v:I.4'))).toContain(
      'Đề nghị gia hạn đến 30/06/2019 không được duyệt. Lý do: Chưa đủ căn cứ.',
    );
  });
});

describe('evidence', () => {
  it('after a tick the official attaches a document; the card lists it and 📎 sends it back; others cannot see it', async () => {
    const h = await harness({ start: '2019-03-20T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    const confirm = await h.press('2', 't:I.4');
    const done = await h.press('2', h.actions(confirm).find((a) => a.startsWith('c:'))!);
    const attach = h.actions(done).find((a) => a.startsWith('f:'))!;
    expect(attach).toBeDefined();
    // Not the official who ticked: refused.
    expect((await h.press('3', attach)).refusal?.code).toBe('undo-not-yours');
    expect(h.text(await h.press('2', attach))).toContain('PDF, Word, Excel hoặc ảnh; tối đa 20 MB');
    // A question meanwhile is answered; the file is still awaited. A wrong type and a huge file are refused.
    expect(h.text(await h.say('2', 'Sở Tài chính phải làm gì'))).toContain('I.4');
    expect(h.text(await h.core.onDocument(h.user('2'), file('virus.exe', 'F0')))).toContain('không thuộc loại');
    expect(h.text(await h.core.onDocument(h.user('2'), file('to.pdf', 'F1', 30 * 2 ** 20)))).toContain('tối đa 20 MB');
    const saved = await h.core.onDocument(h.user('2'), file('QD-12-QD-UBND.pdf', 'BQACAgIAAxk'));
    expect(h.text(saved)).toContain('Đã lưu minh chứng “QD-12-QD-UBND.pdf” cho I.4');
    expect(h.store.snapshot().evidence[0]).toMatchObject({ fileId: 'BQACAgIAAxk', kind: 'document', channel: 'telegram', by: 'o1' });
    // The card lists it, with 📎 to get it back.
    const card = await h.press('2', 'v:I.4');
    expect(h.text(card)).toContain('Minh chứng: QD-12-QD-UBND.pdf (20/03/2019)');
    const viewIt = h.actions(card).find((a) => a.startsWith('fv:'))!;
    const back = await h.press('2', viewIt);
    expect(back.replies[0]!.attachment).toEqual({ kind: 'document', ref: 'BQACAgIAAxk', filename: 'QD-12-QD-UBND.pdf' });
    expect((await h.press('3', viewIt)).refusal?.code).toBe('not-your-task');
    expect((await h.press(ADMIN, viewIt)).replies[0]!.attachment?.ref).toBe('BQACAgIAAxk');
    // A leader sees every agency's work, evidence included (the desk page's rule, kernel/viewer.ts).
    await h.store.setLeader(h.officialOf('3').id, true, `admin:telegram:${ADMIN}`, h.clock.now);
    expect((await h.press('3', viewIt)).replies[0]!.attachment?.ref).toBe('BQACAgIAAxk');
    // Without a 📎 first, a file from an official is not taken as evidence (nor is it a plan: not an admin).
    expect(h.text(await h.core.onDocument(h.user('2'), file('khac.pdf', 'F9')))).toContain('chọn 📎 Đính kèm minh chứng');
    // A photo outside the 📎 step: said what photos are for; nothing kept.
    expect(h.text(await h.core.onDocument(h.user('2'), file('anh.jpg', 'PH1', 50_000, 'photo')))).toContain('ảnh chỉ nhận làm minh chứng');
    expect(h.text(await h.core.onDocument(h.user(ADMIN), file('anh.jpg', 'PH2', 50_000, 'photo')))).toContain('ảnh chỉ nhận làm minh chứng');
    expect(h.store.snapshot().evidence).toHaveLength(1);
  });
});
