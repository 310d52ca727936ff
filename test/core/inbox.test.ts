/**
 * The approvals inbox as admins use it: every request waiting (registrations and requests for more time) listed with
 * its own number; decided by button on Telegram and by "duyệt N" / "từ chối N lý do …" on Zalo in any order; a bare
 * number that could mean several requests refused; a second admin refused; the reason reaches the official and the
 * report. Zalo is read through the presenter, and its menus are remembered the way the Zalo channel does.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/kernel/outcome.ts';
import { presentMenu } from '../../src/core/kernel/present.ts';
import { buildReport } from '../../src/report/xlsx.ts';
import { ADMIN, harness } from './harness.ts';

const ZADMIN = 'adminzalo';

/** Two registrations and two requests for more time waiting; the officials who asked for more time are approved. */
async function fourWaiting() {
  const h = await harness({ start: '2019-03-25T03:00:00Z' });
  /** What a Zalo chat shows for an outcome; every menu shown (to the asker and to other Zalo chats) is remembered. */
  const shown = async (r: Outcome, chatId: string) => {
    const p = presentMenu(r, 'vi');
    for (const m of p.messages) await h.core.rememberMenu('zalo', chatId, m.entries, m.decision);
    for (const m of p.others) if (m.channel === 'zalo') await h.core.rememberMenu('zalo', m.chatId, m.entries, m.decision);
    return { text: p.messages.map((m) => m.text).join('\n'), others: p.others };
  };
  const zalo = async (id: string, text: string) => shown(await h.core.onText(h.user(id, 'zalo'), text), id);
  await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
  await h.official('3', 'Sở Nội vụ', 'so-noi-vu');
  const reg1 = await h.register('5', 'Sở Y tế', 'so-y-te', 'Lê Văn Năm');
  const reg2 = await h.register('6', 'Sở Tư pháp', 'so-tu-phap', 'Phạm Thị Sáu');
  const ext1 = await h.say('2', '/giahan I.4 30/06/2019 chờ Thông tư của Bộ Tài chính');
  const ext2 = await h.say('3', '/giahan I.3 31/07/2019 chờ ý kiến Bộ Nội vụ');
  const snap = h.store.snapshot();
  const ids = {
    reg1: h.officialOf('5').id,
    reg2: h.officialOf('6').id,
    ext1: snap.extensions.find((e) => e.taskId === 'I.4')!.id,
    ext2: snap.extensions.find((e) => e.taskId === 'I.3')!.id,
  };
  const n = (id: string) => id.slice(1);
  // Each request reached the Zalo admin as a card of its own, and was remembered as the Zalo channel does.
  for (const r of [reg1, reg2, ext1, ext2]) await shown({ replies: [], others: r.others }, '_');
  return { h, zalo, shown, ids, n, notices: { reg1, reg2, ext1, ext2 } };
}

const state = (file: string) => readFileSync(file, 'utf8');

describe('the approvals inbox', () => {
  it('/choduyet lists registrations and requests for more time, each with its own number, who, what and when', async () => {
    const { h, ids, n } = await fourWaiting();
    const r = await h.say(ADMIN, '/choduyet');
    const text = h.text(r);
    expect(text).toContain('Có 4 yêu cầu chờ duyệt');
    expect(text).toContain(`Yêu cầu số ${n(ids.reg1)} — đăng ký cán bộ (lúc 10:00 25/03/2019)`);
    expect(text).toContain('Họ tên: Lê Văn Năm');
    expect(text).toContain(`Yêu cầu số ${n(ids.ext1)} — đề nghị gia hạn (lúc 10:00 25/03/2019): Sở Tài chính, nhiệm vụ I.4`);
    expect(text).toContain('từ 31/03/2019 đến 30/06/2019');
    expect(text).toContain(`Yêu cầu số ${n(ids.ext2)}`);
    expect(text).toContain('Lý do: chờ ý kiến Bộ Nội vụ');
    // On Telegram each card's buttons are bound to its own request.
    expect(h.actions(r)).toEqual([
      `a:ok:${ids.reg1}`,
      `a:no:${ids.reg1}`,
      `a:ok:${ids.reg2}`,
      `a:no:${ids.reg2}`,
      `ed:${ids.ext1}:ok`,
      `ed:${ids.ext1}:no`,
      `ed:${ids.ext2}:ok`,
      `ed:${ids.ext2}:no`,
    ]);
    // Officials may not see it.
    expect((await h.say('2', '/choduyet')).refusal?.code).toBe('admin-only');
  });

  it('on Zalo: the list carries no numbered menu, a bare number is refused, and each request is decided by its number in any order', async () => {
    const { h, zalo, ids, n } = await fourWaiting();
    const list = await zalo(ZADMIN, '/choduyet');
    expect(list.text).not.toMatch(/^\d+\. (✅ )?Duyệt/m);
    expect(list.text).not.toMatch(/bấm/i);
    expect(list.text).toContain(`Gõ «duyệt ${n(ids.reg1)}» để duyệt, hoặc «từ chối ${n(ids.reg1)} lý do …» để từ chối.`);
    const before = state(h.file);
    const bare = await zalo(ZADMIN, '1');
    expect(bare.text).toContain('chưa rõ số 1 là yêu cầu nào');
    expect(bare.text).toContain(`«duyệt ${n(ids.reg1)}»`);
    expect(state(h.file)).toBe(before);
    // Out of order: the second extension, the first registration (reason given), the first extension (reason asked), the second registration.
    expect((await zalo(ZADMIN, `duyệt ${n(ids.ext2)}`)).text).toContain('Đã duyệt gia hạn I.3');
    expect((await zalo(ZADMIN, `từ chối ${n(ids.reg1)} lý do: không thuộc Sở Y tế`)).text).toContain(
      'Đã từ chối Lê Văn Năm (Sở Y tế). Lý do: không thuộc Sở Y tế.',
    );
    expect((await zalo(ZADMIN, `Từ chối ${n(ids.ext1)}`)).text).toContain(`Từ chối yêu cầu số ${n(ids.ext1)}: gõ lý do`);
    expect(h.store.extension(ids.ext1)?.status).toBe('pending');
    const ext1 = await zalo(ZADMIN, 'Chưa có văn bản của Bộ');
    expect(ext1.text).toContain('Đã từ chối gia hạn I.4');
    expect((await zalo(ZADMIN, `duyet ${n(ids.reg2)}`)).text).toContain('Đã duyệt Phạm Thị Sáu (Sở Tư pháp)');
    const snap = h.store.snapshot();
    expect(snap.officials.find((o) => o.id === ids.reg1)).toMatchObject({
      status: 'rejected',
      decisionReason: 'không thuộc Sở Y tế',
      decidedBy: 'admin:zalo:adminzalo',
    });
    expect(snap.officials.find((o) => o.id === ids.reg2)).toMatchObject({ status: 'approved' });
    expect(snap.extensions.find((e) => e.id === ids.ext1)).toMatchObject({ status: 'rejected', decisionReason: 'Chưa có văn bản của Bộ' });
    expect(snap.extensions.find((e) => e.id === ids.ext2)).toMatchObject({ status: 'approved', to: '2019-07-31' });
    // The official reads the reason where they chat; nothing waits any more.
    expect(ext1.others.map((o) => o.chatId)).toEqual(['2']);
    expect(ext1.others[0]!.text).toContain('không duyệt gia hạn I.4 (KH 4561/KH-UBND); hạn vẫn là 31/03/2019. Lý do: Chưa có văn bản của Bộ.');
    expect((await zalo(ZADMIN, '/choduyet')).text).toContain('Không có yêu cầu nào chờ duyệt');
    expect((await zalo(ZADMIN, 'duyệt 999')).text).toContain('Không có yêu cầu số 999');
  });

  it('two cards that came one after another: "1" under them is refused, then works once only one is left open', async () => {
    const { h, zalo, ids, n } = await fourWaiting();
    // The four notices each showed "1. Duyệt / 2. Từ chối" in the admin's Zalo chat: "1" could mean any of them.
    const before = state(h.file);
    const bare = await zalo(ZADMIN, '1');
    expect(bare.text).toContain(`số ${[ids.reg1, ids.reg2, ids.ext1, ids.ext2].map(n).join(', ')}`);
    // "xong 1" is for tasks, never a decision: said so.
    expect((await zalo(ZADMIN, 'xong 1')).text).toContain('"xong" chỉ dùng để báo hoàn thành');
    expect(state(h.file)).toBe(before);
    for (const id of [ids.reg1, ids.reg2, ids.ext1]) await zalo(ZADMIN, `duyệt ${n(id)}`);
    // Only the last card (the second extension) is open: its "1" is its own.
    expect((await zalo(ZADMIN, '1')).text).toContain('Đã duyệt gia hạn I.3');
  });

  it('on Telegram by button; ❌ asks for the reason; a second admin and a second press change nothing', async () => {
    const { h, zalo, ids, n } = await fourWaiting();
    expect(h.text(await h.press(ADMIN, `a:ok:${ids.reg2}`))).toContain('Đã duyệt Phạm Thị Sáu');
    expect(h.text(await h.press(ADMIN, `ed:${ids.ext1}:no`))).toContain('gõ lý do');
    const long = await h.say(ADMIN, 'x'.repeat(301));
    expect(h.text(long)).toContain('Lý do dài 301 ký tự');
    expect(h.store.extension(ids.ext1)?.status).toBe('pending');
    expect(h.text(await h.say(ADMIN, 'Đã quá thời gian cho phép'))).toContain('Lý do: Đã quá thời gian cho phép.');
    // The Zalo admin tries the same two requests: told they were decided; nothing is written.
    const before = state(h.file);
    expect((await zalo(ZADMIN, `từ chối ${n(ids.reg2)} trùng người`)).text).toContain(
      `Yêu cầu số ${n(ids.reg2)} đã được quyết định trước đó (đã duyệt, lúc 10:00 25/03/2019)`,
    );
    expect((await zalo(ZADMIN, `duyệt ${n(ids.ext1)}`)).text).toContain('đã được quyết định trước đó (đã từ chối');
    expect(h.toast(await h.press(ADMIN, `ed:${ids.ext1}:ok`))).toContain('đã được quyết định');
    expect(state(h.file)).toBe(before);
    // Officials cannot decide, by button or by number.
    expect((await h.press('2', `a:ok:${ids.reg1}`)).refusal?.code).toBe('admin-only');
    expect((await h.say('2', `duyệt ${n(ids.reg1)}`)).refusal?.code).toBe('admin-only');
    expect(h.store.official(ids.reg1)?.status).toBe('pending');
  });

  it('while a reason is awaited, another decision, a number or a question is not taken for the reason', async () => {
    const { h, zalo, ids, n } = await fourWaiting();
    expect((await zalo(ZADMIN, `từ chối ${n(ids.reg1)}`)).text).toContain('gõ lý do');
    expect((await zalo(ZADMIN, `duyệt ${n(ids.reg2)}`)).text).toContain('Đã duyệt Phạm Thị Sáu');
    expect(h.store.official(ids.reg1)?.status).toBe('pending');
    // The reason step ended with that decision: a later text is a question again.
    expect((await zalo(ZADMIN, 'Sở Tài chính phải làm gì?')).text).toContain('I.4');
    expect(h.store.official(ids.reg1)?.status).toBe('pending');
    // On Telegram: ❌ on one card, ✅ pressed on another; a question typed after is answered, not a reason.
    await h.press(ADMIN, `ed:${ids.ext1}:no`);
    await h.press(ADMIN, `ed:${ids.ext2}:ok`);
    expect(h.text(await h.say(ADMIN, 'Sở Nội vụ phải làm gì?'))).toContain('I.3');
    expect(h.store.extension(ids.ext1)?.status).toBe('pending');
    // A question while the reason is awaited is answered; the reason typed next is taken.
    await h.press(ADMIN, `ed:${ids.ext1}:no`);
    expect(h.text(await h.say(ADMIN, 'I.4 hạn khi nào?'))).toContain('Thời hạn');
    expect(h.store.extension(ids.ext1)?.status).toBe('pending');
    expect(h.text(await h.say(ADMIN, 'Trùng với nhiệm vụ khác'))).toContain('Lý do: Trùng với nhiệm vụ khác.');
  });

  it('a rejected request for more time keeps its reason on the card and in the report', async () => {
    const { h, ids } = await fourWaiting();
    await h.press(ADMIN, `ed:${ids.ext1}:no`);
    await h.say(ADMIN, 'Chưa đủ căn cứ');
    expect(h.text(await h.press('2', 'v:I.4'))).toContain('Đề nghị gia hạn đến 30/06/2019 không được duyệt. Lý do: Chưa đủ căn cứ.');
    const wb = new ExcelJS.Workbook();
    const { plan, engine } = h.deps.plans.default();
    await wb.xlsx.load((await buildReport({ plan, engine, dir: h.deps.dir, store: h.store, t: h.deps.t }, '2019-04-10')) as never);
    const notes: string[] = [];
    wb.getWorksheet('Chi tiết')!.eachRow((r) => {
      if (r.getCell(1).value === 'I.4') notes.push(String((r.values as unknown[])[12]));
    });
    expect(notes).toEqual(['Đề nghị gia hạn đến 30/06/2019 không được duyệt. Lý do: Chưa đủ căn cứ.']);
  });
});
