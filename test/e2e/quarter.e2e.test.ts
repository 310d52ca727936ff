/**
 * A quarter of an office's work on one messenger alone, through the real adapters and the local messenger fakes, with
 * a clock that moves: a plan published, officials registered and approved, tasks ticked, an extension approved (then
 * its date is the deadline in answers, /viec, the digest and the report), another rejected with a reason, /guingay,
 * /baocao. At the end every request is decided, every deadline is right, and no message went over the messenger's
 * limit or named a developer's word.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { developerWords } from '../audit/developer-words.ts';
import { planDocx } from '../fixtures/plan-docx.ts';
import { telegramOffice, zaloOffice } from './quarter-kit.ts';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

/** The report's detail rows: task, agency, due date, status, extension. */
async function reportRows(bytes: Buffer | ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const rows: { task: string; agency: string; due: unknown; status: string; reported: unknown; extension: string }[] = [];
  wb.getWorksheet('Chi tiết')!.eachRow((row, n) => {
    if (n <= 2) return;
    const v = row.values as unknown[];
    if (typeof v[1] !== 'string' || !/^[IVX]+\.\d/.test(v[1])) return;
    rows.push({ task: v[1], agency: String(v[3]), due: v[6], status: String(v[7]), reported: v[8], extension: String(v[12] ?? '') });
  });
  return rows;
}

const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

describe('a quarter on Telegram alone', () => {
  it('publish, register, approve, tick, extend (approved and rejected), /guingay, /baocao: every request decided, every deadline right', async () => {
    const ADMIN = 1000;
    const [AN, BINH, CUONG] = [5, 6, 7];
    const o = await telegramOffice('2021-09-01T02:00:00Z', ADMIN);
    stops.push(o.stop);

    // The admin publishes plan 1234 by sending its Word file: a preview, then 📢.
    await o.send(ADMIN, 'KH 1234-UBND.docx', await planDocx());
    expect(o.inbox(ADMIN).at(-1)!.text).toContain('KH 1234/KH-UBND ngày 10/05/2021');
    await o.press(ADMIN, (b) => b.startsWith('pp:'));
    expect(o.inbox(ADMIN).at(-1)!.text).toContain('Đã công bố KH 1234/KH-UBND');

    // Three officials register; the admin approves each from its card.
    for (const [id, agency, name] of [
      [AN, 'Sở Tài chính', 'Nguyễn Văn An'],
      [BINH, 'Sở Giáo dục và Đào tạo', 'Trần Thị Bình'],
      [CUONG, 'Sở Thông tin và Truyền thông', 'Lê Văn Cường'],
    ] as const) {
      await o.say(id, '/dangky');
      await o.say(id, agency);
      if (
        o
          .inbox(id)
          .at(-1)!
          .buttons.some((b) => b.startsWith('r:'))
      )
        await o.press(id, (b) => b.startsWith('r:'));
      await o.say(id, name);
      await o.say(id, 'Chuyên viên');
      await o.press(id, 'rs');
      await o.press(ADMIN, (b) => /^a:ok:o\d+$/.test(b));
      expect(o.inbox(id).at(-1)!.text).toContain('đã được duyệt');
    }

    // Sở Tài chính ticks its task of the old plan (I.4, 4561) from /viec, whose buttons name their plan: ✅, then
    // ✅ Xác nhận.
    await o.say(AN, '/viec');
    await o.press(AN, (b) => /~t:I\.4:/.test(b));
    await o.press(AN, (b) => /~c:I\.4:/.test(b));
    expect(o.inbox(AN).at(-1)!.text).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');

    // Sở Tài chính asks for a month more on I.1 of plan 1234 (due 30/09/2021): approved from the admin's card.
    await o.say(AN, '/giahan 1234 I.1 31/10/2021 chờ hướng dẫn của Ngân hàng Nhà nước');
    expect(o.inbox(AN).at(-1)!.text).toContain('Đã gửi đề nghị gia hạn I.1 đến 31/10/2021');
    await o.press(ADMIN, (b) => /^ed:e\d+:ok$/.test(b));
    expect(o.inbox(AN).at(-1)!.text).toContain('đã duyệt gia hạn I.1 (KH 1234/KH-UBND): hạn mới 31/10/2021 (hạn gốc 30/09/2021)');
    // Sở Giáo dục asks for more time on I.2: rejected, with the reason the admin types.
    await o.say(BINH, '/giahan 1234 I.2 30/06/2023 chờ kinh phí');
    await o.press(ADMIN, (b) => /^ed:e\d+:no$/.test(b));
    expect(o.inbox(ADMIN).at(-1)!.text).toContain('gõ lý do');
    await o.say(ADMIN, 'Chưa đủ căn cứ, đề nghị bố trí kinh phí năm 2022');
    expect(o.inbox(BINH).at(-1)!.text).toContain('không duyệt gia hạn I.2 (KH 1234/KH-UBND); hạn vẫn là 31/12/2022. Lý do: Chưa đủ căn cứ');
    // Nothing left waiting.
    await o.say(ADMIN, '/choduyet');
    expect(o.inbox(ADMIN).at(-1)!.text).toContain('Không có yêu cầu nào chờ duyệt');

    // The quarter moves on: 20/10/2021, past I.1's first date, before its new one.
    o.clock.now = new Date('2021-10-20T02:00:00Z');
    const extended = 'Hạn: 31/10/2021 (gia hạn; hạn gốc 30/09/2021)';
    await o.say(AN, 'I.1 theo KH 1234 hạn khi nào');
    expect(o.inbox(AN).at(-1)!.text).toContain('31/10/2021 (gia hạn; hạn gốc 30/09/2021)');
    expect(o.inbox(AN).at(-1)!.text).not.toMatch(/I\.1[^\n]*\n?[^\n]*Quá hạn/);
    await o.say(AN, '/viec');
    expect(o.inbox(AN).at(-1)!.text).toContain(extended);

    // /guingay: the admin's progress in one message edited in place, ending with everyone reached.
    const mark = o.api.messages.length;
    await o.say(ADMIN, '/guingay');
    await expect.poll(() => o.since(ADMIN, mark), { timeout: 10_000 }).toMatch(/Đã gửi xong: (\d+)\/\1; lỗi 0; không nhận được \(đã chặn bot\) 0\./);
    const notes = o.api.messages.slice(mark).filter((m) => m.chat === String(ADMIN) && /^(Bắt đầu gửi|Đang gửi|Đã gửi xong)/.test(m.text));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.history[0]).toMatch(/^Bắt đầu gửi bản tin tuần/);
    // Sở Tài chính's digest of plan 1234 shows I.1 by its new date, in progress, not late.
    const digest = o.since(AN, mark);
    expect(digest).toContain('Kế hoạch 1234/KH-UBND');
    expect(digest).toMatch(/• I\.1 — [^\n]+\n {3}Hạn: 31\/10\/2021 \(gia hạn; hạn gốc 30\/09\/2021\) · Đang thực hiện/);

    // /baocao of plan 1234: the extended date is the due date, the rejection keeps its reason.
    await o.say(ADMIN, '/baocao 1234');
    const report = o.api.documents.at(-1)!;
    expect(report.filename).toBe('bao-cao-1234-KH-UBND-2021-10-20.xlsx');
    const rows = await reportRows(report.bytes);
    const i1 = rows.find((r) => r.task === 'I.1' && r.agency === 'Sở Tài chính')!;
    expect(day(i1.due)).toBe('2021-10-31');
    expect(i1.status).toBe('Đang thực hiện trong hạn');
    expect(i1.extension).toBe('Được gia hạn đến 31/10/2021 (hạn gốc 30/09/2021).');
    const i2 = rows.find((r) => r.task === 'I.2' && r.agency === 'Sở Giáo dục và Đào tạo')!;
    expect(day(i2.due)).toBe('2022-12-31');
    expect(i2.extension).toContain('không được duyệt. Lý do: Chưa đủ căn cứ, đề nghị bố trí kinh phí năm 2022');

    // Throughout: Telegram refused nothing (no text over 4,096 characters, no button data over 64 bytes), and no
    // message named a command line, a path or an English word.
    expect(o.api.refused).toEqual([]);
    const said = o.api.messages.flatMap((m) => m.history).concat(o.api.toasts);
    expect(said.length).toBeGreaterThan(40);
    expect(said.flatMap((t) => developerWords(t).map((f) => `${f.kind} "${f.text}" in: ${t.slice(0, 80)}`))).toEqual([]);
  }, 60_000);
});

describe('a quarter on Zalo alone', () => {
  it('register, approve, tick, extend (approved and rejected) by typed words, /guingay, /baocao: every request decided, every deadline right', async () => {
    const ADMIN = 'a0a0a0a0a0a0a0a0a0a0';
    const [AN, BINH] = ['b1b1b1b1b1b1b1b1b1b1', 'b2b2b2b2b2b2b2b2b2b2'];
    const o = await zaloOffice('2019-03-10T02:00:00Z', ADMIN);
    stops.push(o.stop);

    // Zalo hands bots no files: an admin who sends one is told, in Vietnamese, where a plan file goes; the plan
    // served (4561) is the one published on the server.
    await o.channel.handleUpdate({
      event_name: 'message.unsupported.received',
      message: { message_id: 'f0f0f0f0f0f0f0f0f0f0', chat: { id: ADMIN, chat_type: 'PRIVATE' }, from: { id: ADMIN, display_name: 'VP' }, date: Date.now() },
    });
    expect(o.since(ADMIN, 0)).toContain('Kế hoạch mới (quản trị viên): gửi tệp cho bot trên Telegram');

    // Two officials register, each reviewing before sending; the admin approves each by its number.
    for (const [who, agency, name] of [
      [AN, 'Sở Tài chính', 'Nguyễn Văn An'],
      [BINH, 'Sở Nội vụ', 'Trần Thị Bình'],
    ] as const) {
      await o.say(who, '/dangky');
      await o.say(who, agency);
      await o.say(who, name);
      expect(await o.say(who, 'Chuyên viên')).toContain('1. Gửi');
      await o.say(who, '1');
      const card = o
        .since(ADMIN, 0)
        .split('\n')
        .findLast((l) => l.includes('đăng ký cán bộ'))!;
      const n = card.match(/Yêu cầu số (\d+)/)![1];
      expect(await o.say(ADMIN, `duyệt ${n}`)).toContain(`Đã duyệt ${name}`);
    }

    // Sở Tài chính ticks III.3 by its number in /viec: only the changed line comes back.
    const list = await o.say(AN, '/viec');
    const n33 = list.match(/^(\d+)\. III\.3 — /m)![1];
    const ticked = await o.say(AN, `xong ${n33}`);
    expect(ticked).toContain('Đã ghi nhận báo cáo: Sở Tài chính đã thực hiện III.3');
    expect(ticked).not.toMatch(/^1\. I\.4 — /m);

    // More time on I.4 (due 31/03/2019): approved by "duyệt N"; on I.3 for Sở Nội vụ: "từ chối N lý do …".
    await o.say(AN, '/giahan I.4 30/06/2019 chờ Thông tư của Bộ Tài chính');
    await o.say(BINH, '/giahan I.3 31/07/2019 chờ ý kiến của Bộ Nội vụ');
    const numbers = [...o.since(ADMIN, 0).matchAll(/Yêu cầu số (\d+) — đề nghị gia hạn/g)].map((m) => m[1]);
    expect(numbers).toHaveLength(2);
    expect(await o.say(ADMIN, `duyệt ${numbers[0]}`)).toContain('Đã duyệt gia hạn I.4');
    expect(await o.say(ADMIN, `từ chối ${numbers[1]} lý do: chưa đủ căn cứ`)).toContain('Đã từ chối gia hạn I.3');
    expect(o.since(AN, 0)).toContain('đã duyệt gia hạn I.4 (KH 4561/KH-UBND): hạn mới 30/06/2019 (hạn gốc 31/03/2019)');
    expect(o.since(BINH, 0)).toContain('không duyệt gia hạn I.3 (KH 4561/KH-UBND); hạn vẫn là 31/03/2019. Lý do: chưa đủ căn cứ.');
    expect(await o.say(ADMIN, '/choduyet')).toContain('Không có yêu cầu nào chờ duyệt');

    // The quarter's end: 20/06/2019, past I.4's first date, before its new one.
    o.clock.now = new Date('2019-06-20T02:00:00Z');
    const answer = await o.say(AN, 'I.4 hạn khi nào');
    expect(answer).toContain('Thời hạn: 30/06/2019 (gia hạn; hạn gốc 31/03/2019)');
    expect(answer).not.toContain('Quá hạn');
    expect(await o.say(AN, '/viec')).toContain('Hạn: 30/06/2019 (gia hạn; hạn gốc 31/03/2019)');

    // /guingay: a few progress messages, in order; Sở Tài chính's digest shows I.4 by its new date, not late.
    const mark = o.zalo.sent.length;
    await o.say(ADMIN, '/guingay');
    await expect.poll(() => o.since(ADMIN, mark), { timeout: 10_000 }).toMatch(/Đã gửi xong: (\d+)\/\1; lỗi 0/);
    const notes = o.zalo.sent.slice(mark).filter((m) => m.chat_id === ADMIN && /^(Bắt đầu gửi|Đang gửi|Đã gửi xong)/.test(m.text));
    expect(notes[0]!.text).toMatch(/^Bắt đầu gửi/);
    expect(notes.at(-1)!.text).toMatch(/^Đã gửi xong/);
    expect(notes.length).toBeLessThanOrEqual(4);
    expect(o.since(AN, mark)).toMatch(/• I\.4 — [^\n]+\n {3}Hạn: 30\/06\/2019 \(gia hạn; hạn gốc 31\/03\/2019\) · Đang thực hiện/);

    // /baocao: a link to the Excel report, which holds the new date and the rejection's reason.
    const said = await o.say(ADMIN, '/baocao');
    const url = said.match(/(http:\/\/\S+\/files\/[0-9a-f]{32}\.xlsx)/)![1]!;
    const rows = await reportRows(await (await fetch(url)).arrayBuffer());
    const i4 = rows.find((r) => r.task === 'I.4' && r.agency === 'Sở Tài chính')!;
    expect(day(i4.due)).toBe('2019-06-30');
    expect(i4.extension).toBe('Được gia hạn đến 30/06/2019 (hạn gốc 31/03/2019).');
    expect(rows.find((r) => r.task === 'I.3' && r.agency === 'Sở Nội vụ')!.extension).toContain('không được duyệt. Lý do: chưa đủ căn cứ');
    // III.3 is ongoing: reported on 10/03/2019, still in progress.
    expect(day(rows.find((r) => r.task === 'III.3' && r.agency === 'Sở Tài chính')!.reported)).toBe('2019-03-10');

    // Throughout: every message within Zalo's 2,000 characters (the fake refuses longer ones), none telling anyone
    // to press a button, none naming a command line, a path or an English word.
    expect(o.zalo.sent.length).toBeGreaterThan(25);
    for (const m of o.zalo.sent) {
      expect(m.text.length).toBeLessThanOrEqual(2000);
      expect(m.text).not.toMatch(/bấm/i);
    }
    expect(o.zalo.sent.flatMap((m) => developerWords(m.text).map((f) => `${f.kind} "${f.text}" in: ${m.text.slice(0, 80)}`))).toEqual([]);
  }, 60_000);
});
