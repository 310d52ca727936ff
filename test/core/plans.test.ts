/**
 * Many plans at once: the seed plan (4561, 2018) and a second plan imported from a Word file written here (1234,
 * 2021, cashless payments). Questions name a plan or span both; ticks, /viec, digests and archive are per plan; an
 * admin publishes a plan by sending its file, and replaces it with a corrected one.
 */
import { emptyParagraphsDocx } from '../fixtures/hostile-files.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/core/kernel/outcome.ts';
import { resolve } from '../../src/core/kernel/present.ts';
import { importFile } from '../../src/plan/import/index.ts';
import { loadPlanFiles } from '../../src/plan/load.ts';
import { planSchema } from '../../src/plan/schema.ts';
import { CASHLESS_TASKS, planDocx } from '../fixtures/plan-docx.ts';
import { dir, plan as seed } from '../helpers.ts';
import { ADMIN, harness } from './harness.ts';

const cashless = (await importFile('kh-1234.docx', await planDocx(), dir, { source: 'kh-1234.docx' }, '2026-11-29')).plan;

async function twoPlans(opts: { plansDir?: string } = {}) {
  const h = await harness({ plans: [seed, cashless], start: '2021-06-01T03:00:00Z', ...opts });
  const told: Envelope[] = [];
  recordAnnouncements(h, told);
  return { ...h, told };
}

const doc = (filename: string, bytes: Buffer) => ({ filename, size: bytes.length, read: async () => bytes });

/** What a plan's announcement run is handed (the real run is tested in test/push: kept, resumed after a crash). */
function recordAnnouncements(h: Awaited<ReturnType<typeof harness>>, told: Envelope[]) {
  h.deps.push = {
    recipients: () => 0,
    digestNow: async () => ({ sent: 0, failed: 0, blocked: 0, total: 0 }),
    announce: async (_key, messages) => {
      told.push(...messages.map((m) => m.message));
      return { sent: messages.length, failed: 0, blocked: 0, total: messages.length };
    },
  };
}

describe('questions across plans', () => {
  it('a question that names a plan by number is answered from that plan alone', async () => {
    const h = await twoPlans();
    const r = h.text(await h.say('9', 'theo KH 1234, Sở Tài chính phải làm gì?'));
    expect(r).toContain('KH 1234/KH-UBND');
    expect(r).toContain('quy chế phối hợp thanh toán không dùng tiền mặt');
    expect(r).not.toContain('4561');
  });
  it('a plan named by words of its title', async () => {
    const h = await twoPlans();
    const r = h.text(await h.say('9', 'kế hoạch thanh toán không dùng tiền mặt có bao nhiêu nhiệm vụ?'));
    expect(r).toContain('1234/KH-UBND');
    expect(r).toMatch(/3 nhiệm vụ/);
    expect(r).not.toContain('4561');
  });
  it('a question naming no plan spans both, grouped by plan', async () => {
    const h = await twoPlans();
    const r = h.text(await h.say('9', 'Sở Tài chính phải làm gì?'));
    expect(r).toMatch(/trong 2 kế hoạch/);
    expect(r.indexOf('KH 4561/KH-UBND')).toBeGreaterThan(-1);
    expect(r.indexOf('KH 1234/KH-UBND')).toBeGreaterThan(-1);
  });
  it('a task asked about in words is found in the plan that has it', async () => {
    const h = await twoPlans();
    const r = h.text(await h.say('9', 'ai chủ trì thu học phí không dùng tiền mặt'));
    expect(r).toContain('KH 1234/KH-UBND');
    expect(r).toContain('Sở Giáo dục và Đào tạo');
    const r2 = h.text(await h.say('9', 'ai chủ trì thành lập trung tâm phục vụ hành chính công'));
    expect(r2).toContain('KH 4561/KH-UBND');
    expect(r2).toContain('Chủ trì: VP.UBND tỉnh');
  });
  it('a follow-up stays in the plan of the question before', async () => {
    const h = await twoPlans();
    await h.say('9', 'theo KH 1234 Sở Tài chính phải làm gì');
    const r = h.text(await h.say('9', 'còn Sở Giáo dục và Đào tạo thì sao?'));
    expect(r).toContain('học phí');
    expect(r).not.toContain('4561');
  });
  it('a question about the document itself asks which plan', async () => {
    const h = await twoPlans();
    const r = h.text(await h.say('9', 'kế hoạch căn cứ văn bản nào?'));
    expect(r).toContain('có 2 kế hoạch đang theo dõi');
    expect(r).toContain('KH 1234/KH-UBND');
    expect(r).toContain('KH 4561/KH-UBND');
    expect(h.text(await h.say('9', 'căn cứ của KH 4561'))).toContain('Nghị định số 61/2018/NĐ-CP');
  });
});

describe('ticks, /viec and digests per plan', () => {
  it('every button of a card made for one plan carries that plan, ⏳ included (/baotiendo 4561 I.4 with two plans)', async () => {
    const h = await twoPlans();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const r = await h.say('2', '/baotiendo 4561 I.4 đang làm, đã trình dự thảo 60%');
    const key = h.deps.plans.byId('4561/KH-UBND')!.key;
    const scopedActions = h.actions(r).filter((a) => /(^|~)(t|e|n|g):/.test(a));
    expect(scopedActions.length, `${h.text(r)} ${h.actions(r).join(' ')}`).toBeGreaterThan(0);
    for (const a of scopedActions) expect(a.startsWith(`${key}~`), a).toBe(true);
    const extension = scopedActions.find((a) => a.includes('~e:I.4'));
    expect(extension).toBeDefined();
    const asked = h.text(await h.press('2', extension!));
    expect(asked).not.toContain('Không có nhiệm vụ I.4');
  });

  it("an official's ✅ in a spanning answer ticks the task of the plan it was shown under", async () => {
    const h = await twoPlans();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const r = await h.say('2', 'theo KH 1234 Sở Tài chính phải làm gì');
    const key = h.deps.plans.byId('1234/KH-UBND')!.key;
    const tick = h.actions(r).find((a) => a.startsWith(`${key}~t:I.1`));
    expect(tick).toBeDefined();
    const confirm = await h.press('2', tick!);
    const ok = h.actions(confirm).find((a) => a.includes('c:I.1'))!;
    expect(ok.startsWith(`${key}~`)).toBe(true);
    expect(h.text(await h.press('2', ok))).toContain('Đã ghi nhận');
    const rec = h.store.snapshot().completions.at(-1)!;
    expect(rec).toMatchObject({ planId: '1234/KH-UBND', taskId: 'I.1', party: 'so-tai-chinh' });
    // The seed plan's I.1 is untouched.
    expect(h.store.completions('4561/KH-UBND').size).toBe(0);
  });
  it('/viec lists the tasks of both plans, each line naming its plan; "xong 1234 I.1" ticks in that plan', async () => {
    const h = await twoPlans();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const list = h.text(await h.say('2', '/viec'));
    expect(list).toContain('[4561] I.4');
    expect(list).toContain('[1234] I.1');
    expect(h.text(await h.say('2', 'xong 1234 I.1'))).toContain('Đã ghi nhận');
    expect(h.store.snapshot().completions.at(-1)).toMatchObject({ planId: '1234/KH-UBND', taskId: 'I.1' });
  });
  it('with two plans, every button of /viec names its plan ("✅ I.4 · KH 4561"), on Telegram and in a Zalo menu', async () => {
    const h = await twoPlans();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const list = await h.say('2', '/viec');
    const labels = h.buttons(list).map((b) => resolve(b.label, 'vi', 'buttons'));
    expect(labels).toContain('✅ I.4 · KH 4561');
    expect(labels).toContain('📈 I.4 · KH 4561');
    expect(labels).toContain('⏳ I.4 · KH 4561');
    expect(labels).toContain('✅ I.1 · KH 1234');
    for (const l of labels) expect(l, l).toMatch(/ · KH (4561|1234)$/);
    // On Zalo the task's number opens its card, whose numbered choices name the task and its plan.
    const key = h.deps.plans.byId('1234/KH-UBND')!.key;
    const card = h.menuText(await h.press('2', `${key}~v:I.1:l`));
    expect(card).toContain('1. ✅ Báo hoàn thành I.1 · KH 1234');
    expect(card).toContain('2. 📈 Báo tiến độ I.1 · KH 1234');
  });
  it('"xong I.1" where both plans give the agency an I.1 asks which plan', async () => {
    const h = await twoPlans();
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    const seedHasI1 = seed.tasks.find((t) => t.id === 'I.1')!.lead.some((p) => p.agency === 'so-tai-chinh');
    const r = await h.say('2', 'xong I.1');
    if (seedHasI1) expect(h.text(r)).toContain('có trong 2 kế hoạch');
    else expect(h.store.snapshot().completions.at(-1)).toMatchObject({ planId: '1234/KH-UBND', taskId: 'I.1' });
  });
  it('the weekly digest comes once per plan the agency has a part in, with buttons that name the plan', async () => {
    const h = await twoPlans();
    const { Pusher } = await import('../../src/push/pusher.ts');
    await h.official('2', 'Sở Giáo dục', 'so-giao-duc');
    const pusher = new Pusher({
      ...h.deps,
      outlets: { telegram: { split: (m) => [{ channel: m.channel, chatId: m.chatId, text: resolve(m.text, 'vi', 'buttons') }], send: async () => {} } },
      senders: {},
      remindDays: 600,
      remindBefore: [7],
      log: h.deps.log,
    });
    const digests = pusher.digests('2021-06-07').filter((d) => d.to.startsWith('o'));
    const texts = digests.map((d) => resolve(d.message.text, 'vi', 'buttons'));
    expect(texts.some((t) => t.includes('1234/KH-UBND'))).toBe(true);
    const key = h.deps.plans.byId('1234/KH-UBND')!.key;
    expect(digests.flatMap((d) => (d.message.buttons ?? []).flat()).some((b) => b.action.startsWith(`${key}~t:I.2`))).toBe(true);
    // An admin gets a line per plan, then each plan's own digest with its chart and its agencies furthest behind.
    const admin = pusher.digests('2021-06-07').filter((d) => d.to.startsWith(`admin:telegram:${ADMIN}`));
    expect(admin.map((d) => d.to)).toEqual([`admin:telegram:${ADMIN}`, ...h.deps.plans.active().map((e) => `admin:telegram:${ADMIN}@${e.key}`)]);
    for (const d of admin.slice(1)) {
      expect(d.message.photo).toBeDefined();
      expect(resolve(d.message.text, 'vi', 'buttons')).toMatch(/4561\/KH-UBND|1234\/KH-UBND/);
    }
    // Archived: no digest of it any more.
    await h.press(ADMIN, `pa:${key}:1`);
    expect(pusher.digests('2021-06-07').some((d) => resolve(d.message.text, 'vi', 'buttons').includes('1234/KH-UBND'))).toBe(false);
  });
});

describe('/kehoach, archive and restore', () => {
  it('lists the plans with progress; an admin archives one, and questions no longer span it until restored', async () => {
    const h = await twoPlans();
    const list = h.text(await h.say('9', '/kehoach'));
    expect(list).toContain('Kế hoạch đang theo dõi (2)');
    expect(list).toMatch(/KH 1234\/KH-UBND \(10\/05\/2021\)[^\n]*\n\s+0\/3 xong/);
    // Not an admin: no buttons, and archiving is refused.
    expect(h.actions(await h.say('9', '/kehoach'))).toEqual([]);
    const key = h.deps.plans.byId('1234/KH-UBND')!.key;
    expect((await h.press('9', `pa:${key}:1`)).refusal?.code).toBe('admin-only');
    expect(h.store.planArchived('1234/KH-UBND')).toBe(false);
    // The admin archives it.
    const admin = await h.say(ADMIN, '/kehoach');
    expect(h.actions(admin)).toContain(`pa:${key}:1`);
    expect(h.text(await h.press(ADMIN, `pa:${key}:1`))).toContain('Đã lưu trữ KH 1234/KH-UBND');
    expect(h.store.snapshot().audit.at(-1)).toMatchObject({ action: 'archive-plan', subject: '1234/KH-UBND' });
    expect(h.text(await h.say('9', 'Sở Giáo dục phải làm gì'))).not.toContain('1234');
    // Still there when named.
    expect(h.text(await h.say('9', 'theo KH 1234 Sở Giáo dục phải làm gì'))).toContain('học phí');
    // The last active plan cannot be archived; restoring by command.
    expect(h.text(await h.say(ADMIN, '/kehoach luutru 4561'))).toContain('duy nhất');
    expect(h.text(await h.say(ADMIN, '/kehoach khoiphuc 1234'))).toContain('Đã khôi phục KH 1234/KH-UBND');
    expect(h.text(await h.say('9', 'Sở Giáo dục phải làm gì'))).toContain('1234');
  });
});

describe('publishing a plan whose document gives no title', () => {
  it('the admin is asked for the title in Vietnamese before publishing; the plan is then listed by it, never the file name', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    recordAnnouncements(h, []);
    const preview = await h.core.onDocument(h.user(ADMIN), doc('ke-hoach-1234-2021.docx', await planDocx({ title: '' })));
    const shown = h.text(preview);
    expect(shown).toContain('Văn bản không ghi tên kế hoạch, nên chưa công bố được. Xin gõ tên kế hoạch');
    expect(shown).not.toMatch(/title|--|ke-hoach-1234-2021"/);
    // No 📢 until there is a title; a forged one is answered with the question, nothing published.
    expect(h.actions(preview).some((a) => a.startsWith('pp:'))).toBe(false);
    const token = h
      .actions(preview)
      .find((a) => a.startsWith('pd:'))!
      .slice(3);
    expect(h.text(await h.press(ADMIN, `pp:${token}`))).toContain('Xin gõ tên kế hoạch');
    expect(h.deps.plans.byId('1234/KH-UBND')).toBeUndefined();
    expect(h.text(await h.say(ADMIN, 'ab'))).toContain('từ 5 đến 300 ký tự');
    const named = await h.say(ADMIN, 'Kế hoạch đẩy mạnh thanh toán không dùng tiền mặt 2021–2025');
    expect(h.text(named)).toContain('Tên kế hoạch 1234/KH-UBND: Kế hoạch đẩy mạnh thanh toán không dùng tiền mặt 2021–2025');
    const publish = h.actions(named).find((a) => a.startsWith('pp:'))!;
    expect(h.text(await h.press(ADMIN, publish))).toContain('1234/KH-UBND');
    expect(h.deps.plans.byId('1234/KH-UBND')!.plan.title).toBe('Kế hoạch đẩy mạnh thanh toán không dùng tiền mặt 2021–2025');
    const list = h.text(await h.say(ADMIN, '/kehoach'));
    expect(list).toContain('Kế hoạch đẩy mạnh thanh toán không dùng tiền mặt');
    expect(list).not.toContain('ke-hoach-1234');
  });
});

describe('publishing a plan whose document gives no number', () => {
  it('a Word file: the number is taken from the file name and the preview says so in Vietnamese', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    recordAnnouncements(h, []);
    const preview = await h.core.onDocument(h.user(ADMIN), doc('ke-hoach-1234-KH-UBND-2021.docx', await planDocx({ number: '' })));
    const shown = h.text(preview);
    expect(shown).toContain('KH 1234/KH-UBND ngày 10/05/2021');
    expect(shown).toContain('Văn bản không ghi số kế hoạch (dòng “Số: …/KH-UBND”), nên lấy theo tên tệp: 1234/KH-UBND.');
    expect(shown).not.toMatch(/tạm dùng|--number/);
    await h.press(ADMIN, h.actions(preview).find((a) => a.startsWith('pp:'))!);
    expect(h.deps.plans.byId('1234/KH-UBND')!.plan.title).toContain('THANH TOÁN KHÔNG DÙNG TIỀN MẶT');
  });
  it('an Excel sheet named "KH 1234-UBND.xlsx": the number from its name, then the title is asked (Zalo: no "bấm")', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    recordAnnouncements(h, []);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Phụ lục');
    sheet.addRow(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành']);
    sheet.addRow(['1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý III/2021']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await h.core.onDocument(h.user('adminzalo', 'zalo'), doc('KH 1234-UBND.xlsx', bytes));
    const shown = h.menuText(preview);
    expect(shown).toContain('lấy theo tên tệp: 1234/KH-UBND');
    expect(shown).toContain('Xin gõ tên kế hoạch');
    expect(shown).not.toMatch(/bấm|title|--/i);
    const named = await h.core.onText(h.user('adminzalo', 'zalo'), 'Kế hoạch rà soát thủ tục hành chính năm 2021');
    expect(h.menuText(named)).toContain('Tên kế hoạch 1234/KH-UBND: Kế hoạch rà soát thủ tục hành chính năm 2021');
  });
  it('neither the document nor the file name has one: the admin is asked for it in Vietnamese before the preview; bad input changes nothing', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    const told: Envelope[] = [];
    recordAnnouncements(h, told);
    const asked = await h.core.onDocument(h.user(ADMIN), doc('ke-hoach-2021.docx', await planDocx({ number: '' })));
    expect(h.text(asked)).toContain(
      'Văn bản không ghi số kế hoạch (dòng “Số: …/KH-UBND”), tên tệp cũng không có, nên chưa xem trước được. Xin gõ số kế hoạch, ví dụ: 1234/KH-UBND.',
    );
    expect(h.text(asked)).not.toMatch(/ke-hoach-2021"|tạm dùng|--number/);
    // Only ✖ until the number is known; a forged 📢 asks again and publishes nothing.
    expect(h.actions(asked).some((a) => a.startsWith('pp:'))).toBe(false);
    const token = h
      .actions(asked)
      .find((a) => a.startsWith('pd:'))!
      .slice(3);
    expect(h.text(await h.press(ADMIN, `pp:${token}`))).toContain('Xin gõ số kế hoạch');
    const plansBefore = h.deps.plans.all().length;
    for (const bad of ['mười hai', '1234', '/KH-UBND', `${'1'.repeat(7)}/KH-UBND`, 'x'.repeat(5000)])
      expect(h.text(await h.say(ADMIN, bad))).toContain('Số kế hoạch viết như 1234/KH-UBND');
    expect(h.deps.plans.all()).toHaveLength(plansBefore);
    expect(readdirSync(plansDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    // Typed loosely, read as the office writes it; then the usual preview.
    const preview = await h.say(ADMIN, 'Số: 1234 / kh-ubnd');
    expect(h.text(preview)).toContain('KH 1234/KH-UBND ngày 10/05/2021');
    expect(h.text(preview)).toContain('Công bố kế hoạch này?');
    expect(h.text(await h.press(ADMIN, h.actions(preview).find((a) => a.startsWith('pp:'))!))).toContain('Đã công bố KH 1234/KH-UBND');
    expect(h.deps.plans.byId('1234/KH-UBND')!.plan.tasks.length).toBeGreaterThan(0);
  });
  it('a typed number of a plan in use makes the file its replacement, shown as such before publishing', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2019-03-10T03:00:00Z' });
    recordAnnouncements(h, []);
    const asked = await h.core.onDocument(h.user(ADMIN), doc('sua.docx', await planDocx({ number: '', day: '28/9/2018', title: '' })));
    expect(h.text(asked)).toContain('Xin gõ số kế hoạch');
    const preview = h.text(await h.say(ADMIN, '4561/KH-UBND'));
    expect(preview).toContain('♻️ Thay thế KH 4561/KH-UBND đang theo dõi.');
    expect(preview).toContain('Tệp này không ghi, nên giữ từ KH 4561/KH-UBND đang dùng: tên kế hoạch');
  });
});

describe('a corrected file that carries only the table', () => {
  it('keeps the title and the implementation paragraphs of the plan in use, and says so; nothing is asked', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2019-03-10T03:00:00Z' });
    recordAnnouncements(h, []);
    const before = h.deps.plans.byId('4561/KH-UBND')!.plan;
    expect(before.assignments.length).toBeGreaterThan(0);
    const bytes = await planDocx({ number: '4561/KH-UBND', day: '28/9/2018', title: '' });
    const preview = await h.core.onDocument(h.user(ADMIN), doc('4561-sua.docx', bytes));
    const shown = h.text(preview);
    expect(shown).toContain('Tệp này không ghi, nên giữ từ KH 4561/KH-UBND đang dùng: tên kế hoạch, các đoạn giao việc ở phần tổ chức thực hiện.');
    expect(shown).not.toContain('Xin gõ tên kế hoạch');
    expect(shown).toContain(before.title.slice(0, 60));
    await h.press(ADMIN, h.actions(preview).find((a) => a.startsWith('pp:'))!);
    const after = h.deps.plans.byId('4561/KH-UBND')!.plan;
    expect(after.title).toBe(before.title);
    expect(after.assignments).toEqual(before.assignments);
    expect(after.tasks).toHaveLength(3);
  });
});

describe('publishing a plan sent as a Word file', () => {
  it('an admin sends the file: a preview, then 📢 Công bố puts it live without a restart and tells the officials concerned', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    const told: Envelope[] = [];
    recordAnnouncements(h, told);
    await h.official('2', 'Sở Giáo dục', 'so-giao-duc');
    await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
    const bytes = await planDocx();
    // Not an admin: refused, nothing written.
    expect(h.text(await h.core.onDocument(h.user('2'), doc('kh.docx', bytes)))).toContain('kế hoạch mới do quản trị');
    const preview = await h.core.onDocument(h.user(ADMIN), doc('kh-1234.docx', bytes));
    const shown = h.text(preview);
    expect(shown).toContain('KH 1234/KH-UBND ngày 10/05/2021');
    expect(shown).toContain('Nhiệm vụ: 3 (theo mục — I: 3)');
    expect(shown).toContain('Sở Tài chính (1)');
    expect(h.deps.plans.byId('1234/KH-UBND')).toBeUndefined();
    expect(readdirSync(plansDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    // Before publishing, officials do not see it.
    expect(h.text(await h.say('2', 'thu học phí không dùng tiền mặt'))).not.toContain('1234');
    const publish = h.actions(preview).find((a) => a.startsWith('pp:'))!;
    expect((await h.press('2', publish)).refusal?.code).toBe('admin-only');
    const done = h.text(await h.press(ADMIN, publish));
    expect(done).toContain('Đã công bố KH 1234/KH-UBND');
    // Durable: the plan file is there and valid, and the catalog loads it at the next start.
    const files = loadPlanFiles(plansDir);
    expect(files.map((f) => f.plan.id)).toEqual(['1234/KH-UBND']);
    expect(planSchema.safeParse(JSON.parse(readFileSync(files[0]!.file, 'utf8'))).success).toBe(true);
    // Live at once: questions and ticks.
    expect(h.text(await h.say('2', 'ai chủ trì thu học phí không dùng tiền mặt'))).toContain('Sở Giáo dục và Đào tạo');
    await new Promise((r) => setTimeout(r, 10));
    // One message to the official whose agency has a task in it; none to Sở Nội vụ.
    expect(told).toHaveLength(1);
    expect(told[0]!.chatId).toBe('2');
    expect(resolve(told[0]!.text, 'vi', 'buttons')).toContain('I.2 — Triển khai thu học phí');
    // The same button again: the draft is gone.
    expect((await h.press(ADMIN, publish)).refusal?.code).toBe('stale');
  });
  it('the preview names the agencies the plan brings that the directory does not know, before anything is published', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    const known = h.text(await h.core.onDocument(h.user(ADMIN), doc('kh-1234.docx', await planDocx())));
    expect(known).not.toContain('chưa có trong danh mục');
    const tasks = [
      ...CASHLESS_TASKS,
      { content: 'Mở điểm thanh toán tại bưu cục', lead: 'Bưu điện tỉnh', coordinate: 'Viettel Bến Tre', deadline: 'Năm 2022' },
      { content: 'Phủ sóng thanh toán di động', lead: 'Viettel Bến Tre', coordinate: 'Sở Tài chính', deadline: 'Năm 2022' },
    ];
    const shown = h.text(await h.core.onDocument(h.user(ADMIN), doc('kh-1235.docx', await planDocx({ number: '1235/KH-UBND', tasks }))));
    expect(shown).toContain(
      '🏢 2 cơ quan chưa có trong danh mục sẽ được tạo riêng cho kế hoạch này (số nhiệm vụ) — xem lại tên trước khi công bố: Bưu điện tỉnh (1); Viettel Bến Tre (2)',
    );
    expect(h.deps.plans.byId('1235/KH-UBND')).toBeUndefined();
  });
  it('a corrected file replaces the plan: the difference is shown first; ticks on unchanged tasks are kept, on changed ones voided', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.official('3', 'Sở Giáo dục', 'so-giao-duc');
    const first = await h.core.onDocument(h.user(ADMIN), doc('kh-1234.docx', await planDocx()));
    await h.press(ADMIN, h.actions(first).find((a) => a.startsWith('pp:'))!);
    expect(h.text(await h.say('2', 'xong 1234 I.1'))).toContain('Đã ghi nhận');
    expect(h.text(await h.say('3', 'xong 1234 I.2'))).toContain('Đã ghi nhận');
    // I.2 gets a new deadline, a fourth task is added.
    const corrected = [
      CASHLESS_TASKS[0]!,
      { ...CASHLESS_TASKS[1]!, deadline: 'Năm 2023' },
      CASHLESS_TASKS[2]!,
      { content: 'Mở rộng chi trả an sinh xã hội qua tài khoản', lead: 'Sở Tài chính', coordinate: '', deadline: 'Năm 2022' },
    ];
    const preview = await h.core.onDocument(h.user(ADMIN), doc('kh-1234-sua.docx', await planDocx({ tasks: corrected })));
    const shown = h.text(preview);
    expect(shown).toContain('Thay thế KH 1234/KH-UBND');
    expect(shown).toContain('1 nhiệm vụ mới, 0 bỏ, 1 sửa');
    expect(shown).toContain('Báo cáo hoàn thành của 1 nhiệm vụ sửa/bỏ (I.2) sẽ bị hủy');
    expect(h.text(await h.press(ADMIN, h.actions(preview).find((a) => a.startsWith('pp:'))!))).toContain('Đã thay KH 1234/KH-UBND');
    const live = h.store.completions('1234/KH-UBND');
    expect([...live.keys()]).toEqual(['I.1']);
    expect(h.deps.plans.byId('1234/KH-UBND')!.plan.tasks).toHaveLength(4);
    expect(readdirSync(plansDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });
  it('a file that is not a plan, a damaged file, a password-protected one and a huge one: a clear message, nothing published', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir });
    const cases: [string, Buffer, RegExp][] = [
      ['ghi-chu.docx', await planDocx({ tasks: [] }), /Không tìm thấy bảng nhiệm vụ|không có nhiệm vụ nào/],
      ['hong.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /bị hỏng/],
      ['mat-khau.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), /có mật khẩu/],
      ['anh.jpg', Buffer.alloc(10), /Word \(\.docx\), Excel \(\.xlsx\) hoặc PDF/],
    ];
    for (const [name, bytes, why] of cases) {
      const r = h.text(await h.core.onDocument(h.user(ADMIN), doc(name, bytes)));
      expect(r).toMatch(why);
    }
    const huge = await h.core.onDocument(h.user(ADMIN), { filename: 'to.docx', size: 50 * 2 ** 20, read: async () => Buffer.alloc(0) });
    expect(h.text(huge)).toContain('bot chỉ nhận tệp kế hoạch đến 10 MB');
    expect(readdirSync(plansDir)).toEqual(existsSync(path.join(plansDir, '.drafts')) ? ['.drafts'] : []);
    expect(h.deps.plans.all()).toHaveLength(1);
  });
});

describe('a plan file that is too much to read', () => {
  it('is read off the event loop: another user is answered meanwhile, and the file is refused naming the limit it hit', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    h.deps.importLimits = { timeMs: 8_000, heapMb: 64 };
    let imported = false;
    const importing = h.core.onDocument(h.user(ADMIN), doc('nang.docx', await emptyParagraphsDocx(5))).finally(() => {
      imported = true;
    });
    const answer = h.text(await h.say('2', 'Sở Tài chính có nhiệm vụ gì'));
    expect(answer).toContain('Sở Tài chính');
    expect(imported).toBe(false);
    const refused = h.text(await importing);
    expect(refused).toContain('Không nhập được tệp “nang.docx”');
    expect(refused).toMatch(/đọc quá 8 giây|cần hơn 64 MB bộ nhớ|quá nhiều thành phần bên trong/);
    // Nothing kept: no draft, no plan.
    expect(readdirSync(plansDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(h.deps.plans.all()).toHaveLength(1);
  });
  it('a file that outruns the time or memory limit is answered in Vietnamese with the limit, and the next file is read as usual', async () => {
    const plansDir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const h = await harness({ plansDir, start: '2021-06-01T03:00:00Z' });
    h.deps.importLimits = { timeMs: 200, heapMb: 512 };
    expect(h.text(await h.core.onDocument(h.user(ADMIN), doc('kh-1234.docx', await planDocx())))).toContain(
      'Tệp quá phức tạp: đọc quá 1 giây nên bot đã dừng đọc.',
    );
    h.deps.importLimits = { timeMs: 60_000, heapMb: 8 };
    expect(h.text(await h.core.onDocument(h.user(ADMIN), doc('kh-1234.docx', await planDocx())))).toContain(
      'Tệp quá nặng để đọc: cần hơn 8 MB bộ nhớ nên bot đã dừng đọc.',
    );
    delete h.deps.importLimits;
    expect(h.text(await h.core.onDocument(h.user(ADMIN), doc('kh-1234.docx', await planDocx())))).toContain('KH 1234/KH-UBND ngày 10/05/2021');
  });
});

describe('several processes sharing PLANS_DIR', () => {
  it('a plan file another process published is taken in by the next look; one that does not validate is reported and skipped', async () => {
    const { PlanCatalog } = await import('../../src/core/kernel/catalog.ts');
    const { writeFileSync } = await import('node:fs');
    const folder = mkdtempSync(path.join(tmpdir(), 'shared-plans-'));
    const seedFile = path.join(folder, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    const catalog = new PlanCatalog(dir, {}, [{ plan: seed, file: seedFile }]);
    expect(await catalog.pickUp(folder)).toEqual([]);
    writeFileSync(path.join(folder, 'kh-1234.json'), JSON.stringify(cashless));
    writeFileSync(path.join(folder, 'broken.json'), '{"id":');
    const errors: string[] = [];
    const taken = await catalog.pickUp(folder, (file) => errors.push(path.basename(file)));
    expect(taken.map((e) => e.plan.number)).toEqual([cashless.number]);
    expect(errors).toEqual(['broken.json']);
    expect(catalog.byNumber('1234')?.plan.id).toBe(cashless.id);
    // Nothing new: nothing read again.
    expect(await catalog.pickUp(folder, () => errors.push('again'))).toEqual([]);
    expect(errors).toEqual(['broken.json']);
    // Two looks at once (the start-up's and a takeover's): one reading, the plan taken in once.
    const later = { ...cashless, id: `${cashless.id}-2`, number: '7777/KH-UBND' };
    writeFileSync(path.join(folder, 'kh-7777.json'), JSON.stringify(later));
    const [first, second] = await Promise.all([catalog.pickUp(folder), catalog.pickUp(folder)]);
    expect(first.map((e) => e.plan.number)).toEqual(['7777/KH-UBND']);
    expect(second).toBe(first);
    expect(catalog.all().filter((e) => e.plan.number === '7777/KH-UBND')).toHaveLength(1);
  });
});
