import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreDeps } from '../../src/core/kernel/deps.ts';
import { buttonsView, resolve } from '../../src/core/kernel/present.ts';
import { translator } from '../../src/i18n.ts';
import { silentLogger } from '../../src/log.ts';
import { adminDigest, agencyDigest, planDeps } from '../../src/push/digest.ts';
import { type OutMessage, type Outlet, Pusher } from '../../src/push/pusher.ts';
import { every, latestOccurrence, nextOccurrence } from '../../src/schedule.ts';
import { type Clock, PacedSender, SendError } from '../../src/push/sender.ts';
import type { Official } from '../../src/store/port.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { createCore } from '../../src/core/features/index.ts';
import { dir, plan } from '../helpers.ts';
import { PlanCatalog } from '../../src/core/kernel/catalog.ts';

const ADMIN = '1000';
/** The push deliveries recorded beside a state file (an append-only journal, one JSON object a line). */
const journal = (file: string) =>
  readFileSync(`${file}.deliveries.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const shown = (t: Parameters<typeof resolve>[0]) => resolve(t, 'vi', 'buttons');

function official(id: string, agency: string, extra: Partial<Official> = {}): Official {
  return {
    id,
    accounts: [{ channel: 'telegram', userId: id.slice(1), chatId: id.slice(1) }],
    name: id,
    position: '',
    agency,
    status: 'approved',
    requestedAt: '2019-01-01T00:00:00.000Z',
    notify: true,
    ...extra,
  };
}

/** A pusher on a real state file, a fake clock and a fake Telegram that records what it sends. */
async function setup(
  opts: {
    file?: string;
    now?: string;
    fail?: (m: OutMessage) => SendError | 'hang' | undefined;
    officials?: Official[];
    partsOf?: number;
    inFlight?: number;
  } = {},
) {
  const file = opts.file ?? path.join(mkdtempSync(path.join(tmpdir(), 'push-')), 'state.json');
  const store = await FileStore.open(file);
  if (opts.officials) await store.importOfficials(opts.officials, 'test', new Date());
  const clock: Clock & { t: number } = { t: 0, now: () => clock.t, sleep: async (ms) => void (clock.t += ms) };
  const sent: OutMessage[] = [];
  const outlet: Outlet = {
    split: (m) => {
      const v = buttonsView(m, 'vi');
      // With `partsOf`, every message goes in that many parts (as a long one would).
      return Array.from({ length: opts.partsOf ?? 1 }, (_, i) => ({
        channel: m.channel,
        chatId: m.chatId,
        text: opts.partsOf ? `[${i + 1}/${opts.partsOf}] ${v.text}` : v.text,
        ...(v.keyboard.length > 0 && i === (opts.partsOf ?? 1) - 1 ? { keyboard: v.keyboard } : {}),
      }));
    },
    send: async (m) => {
      const f = opts.fail?.(m);
      if (f === 'hang') return new Promise<void>(() => {});
      if (f) throw f;
      sent.push(m);
    },
  };
  let now = new Date(opts.now ?? '2019-03-25T00:30:00Z');
  const deps: CoreDeps = {
    plans: new PlanCatalog(dir, {}, [{ plan }], (id) => store.planArchived(id)),
    store,
    dir,
    admins: { telegram: [ADMIN] },
    roster: [],
    undoMinutes: 30,
    now: () => now,
    random: () => 0.5,
    lang: 'vi',
    t: translator('vi'),
    log: silentLogger,
  };
  const pusher = new Pusher({
    ...deps,
    outlets: { telegram: outlet },
    senders: { telegram: new PacedSender({ rate: 25, clock, ...(opts.inFlight ? { inFlight: opts.inFlight } : {}) }) },
    remindDays: 30,
    remindBefore: [7, 1],
    log: silentLogger,
  });
  return { file, store, pusher, sent, deps, setNow: (iso: string) => void (now = new Date(iso)) };
}

afterEach(() => vi.useRealTimers());

describe('digest content', () => {
  it("an official gets their agency's overdue, coming-due and open recurring tasks, with ✅ buttons and progress", async () => {
    const { deps } = await setup();
    const d = agencyDigest(planDeps(deps, deps.plans.default()), 'huyen-ba-tri', '2019-03-25', 30);
    expect(shown(d.text)).toContain('Bản tin tuần 25/03/2019 — UBND huyện Ba Tri');
    expect(shown(d.text)).toMatch(/Quá hạn \(\d+\):\n• II\.1/);
    expect(shown(d.text)).toContain('Đến hạn trong 30 ngày tới (1):\n• II.3');
    expect(shown(d.text)).toContain('Tiến độ: 0/7');
    expect(d.buttons!.flat().map((b) => b.action)).toEqual(expect.arrayContaining(['t:II.1', 't:II.3', 't:II.8']));
  });
  it('a late recurring task names the period that is late', async () => {
    const { deps } = await setup();
    // II.8 is quarterly: on 10/04/2019 the first quarter is unreported.
    const d = shown(agencyDigest(planDeps(deps, deps.plans.default()), 'huyen-ba-tri', '2019-04-10', 30).text);
    expect(d).toMatch(/• II\.8 — .*\n.*\(31\/03\/2019\) · Quá hạn · kỳ đến 31\/03\/2019 chưa báo cáo/);
  });
  it('every overdue task of the digest has its ✅ (twelve, not eight), beyond twenty /viec is named', async () => {
    const { deps } = await setup();
    const d = agencyDigest(planDeps(deps, deps.plans.default()), 'vp-ubnd-tinh', '2021-06-01', 30);
    const overdue = Number(shown(d.text).match(/Quá hạn \((\d+)\):/)![1]);
    expect(overdue).toBeGreaterThan(8);
    expect(d.buttons!.flat()).toHaveLength(overdue);
    expect(shown(d.text)).not.toContain('/viec để báo từng việc');
  });
  it('an agency with more open tasks than twenty: twenty listed, overdue first, and the rest counted as late or not', async () => {
    const { deps } = await setup();
    const { importPlan } = await import('../../src/plan/import/index.ts');
    const digestOf = (overdue: number, soon: number) => {
      const rows = Array.from({ length: overdue + soon }, (_, i) => `${i + 1},Việc ${i + 1},Sở Tài chính,${i < overdue ? '31/03/2021' : '15/06/2021'}`);
      const custom = importPlan('x.csv', `STT,Nội dung,Cơ quan chủ trì,Thời gian hoàn thành\n${rows.join('\n')}\n`, dir, {
        number: '7/KH-UBND',
        date: '2021-01-05',
        issuer: 'UBND tỉnh',
        title: 'Kế hoạch thử',
      }).plan;
      const plans = new PlanCatalog(dir, {}, [{ plan: custom }], () => false);
      return shown(agencyDigest(planDeps({ ...deps, plans }, plans.default()), 'so-tai-chinh', '2021-06-01', 30).text);
    };
    const mixed = digestOf(22, 3);
    expect(mixed).toContain('Quá hạn (22):');
    expect(mixed).toContain('… và 2 việc khác (xem ở /viec).');
    expect(mixed).toContain('Đến hạn trong 30 ngày tới (3):\n… và 3 việc khác (xem ở /viec).');
    expect(mixed).toContain('Bản tin chỉ liệt kê 20 việc; còn 5 việc nữa (2 quá hạn): gõ /viec để xem đủ và báo từng việc.');
    expect(digestOf(25, 0)).toContain('còn 5 việc quá hạn nữa: gõ /viec');
    expect(digestOf(10, 15)).toContain('còn 5 việc nữa (chưa quá hạn): gõ /viec');
    expect(digestOf(12, 8)).not.toContain('/viec để xem đủ');
  });
  it('an agency with nothing open gets a one-line all-clear with its progress', async () => {
    const { deps } = await setup();
    const d = agencyDigest(planDeps(deps, deps.plans.default()), 'so-y-te', '2019-03-25', 30);
    expect(shown(d.text)).toBe(
      '✅ Bản tin tuần 25/03/2019 — Sở Y tế (Kế hoạch 4561/KH-UBND): không có việc quá hạn hay sắp đến hạn. Tiến độ: 0/1 nhiệm vụ chủ trì đã hoàn thành (0%).',
    );
    expect(d.buttons).toBeUndefined();
  });
  it('an agency that leads nothing is told so, not 0/0 (0%)', async () => {
    const { deps } = await setup();
    const d = agencyDigest(planDeps(deps, deps.plans.default()), 'cong-an-tinh', '2019-03-25', 30);
    expect(shown(d.text)).toContain('Tiến độ: cơ quan chưa chủ trì nhiệm vụ nào trong kế hoạch này.');
    expect(shown(d.text)).not.toContain('0/0');
  });
  it('what the agency ticked last week is listed', async () => {
    const { deps, store } = await setup();
    await store.recordCompletion({ planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', by: 'o1' }, new Date('2019-03-20T03:00:00.000Z'));
    expect(shown(agencyDigest(planDeps(deps, deps.plans.default()), 'so-tai-chinh', '2019-03-25', 30).text)).toContain(
      'Đã báo cáo tuần qua (1):\n• I.4 (20/03/2019)',
    );
  });
  it('admins get counts per status, agencies furthest behind first, and the overdue list', async () => {
    const { deps } = await setup();
    const d = adminDigest(planDeps(deps, deps.plans.default()), '2019-04-10');
    expect(shown(d.text)).toContain('toàn Kế hoạch 4561/KH-UBND');
    expect(shown(d.text)).toContain('• Quá hạn: 9');
    expect(shown(d.text)).toContain('Theo cơ quan chủ trì (chậm nhất trước):');
    // The overdue list counts work with a deadline of its own; the quarterly review late for its turn is said apart,
    // as the split under the counts says.
    expect(shown(d.text)).toContain('   (8 việc có hạn riêng, 1 việc định kỳ chưa xong kỳ gần nhất)');
    expect(shown(d.text)).toContain('Nhiệm vụ quá hạn (8)');
    expect(shown(d.text)).toContain('Ngoài ra, việc định kỳ chưa xong kỳ gần nhất (1):\n• II.8 — ');
  });
});

describe('digest runs', () => {
  it('one message per official and admin, each delivery recorded; the same run is never sent twice', async () => {
    const s = await setup({ officials: [official('o5', 'so-tai-chinh'), official('o6', 'so-noi-vu')] });
    const r = await s.pusher.runDigest('digest:w1', '2019-03-25');
    expect(r).toMatchObject({ total: 3, sent: 3, failed: 0 });
    expect(s.sent.map((m) => m.chatId).sort()).toEqual([ADMIN, '5', '6']);
    expect(
      s.store
        .snapshot()
        .deliveries.map((d) => [d.to, d.status])
        .sort(),
    ).toEqual([
      [`admin:telegram:${ADMIN}`, 'sent'],
      ['o5', 'sent'],
      ['o6', 'sent'],
    ]);
    expect((await s.pusher.runDigest('digest:w1', '2019-03-25')).already).toBe(true);
    expect(s.sent).toHaveLength(3);
  });
  it('after a restart in the middle of a run, only those not yet reached get it', async () => {
    const people = [official('o5', 'so-tai-chinh'), official('o6', 'so-noi-vu'), official('o7', 'so-y-te')];
    const first = await setup({ officials: people, fail: (m) => (m.chatId === '7' ? 'hang' : undefined) });
    void first.pusher.runDigest('digest:w1', '2019-03-25');
    await vi.waitFor(() => expect(journal(first.file)).toHaveLength(3), { timeout: 5000 });
    // The process dies here: o7's message never left. A new process opens the same file.
    const second = await setup({ file: first.file });
    const r = await second.pusher.runDigest('digest:w1', '2019-03-25');
    expect(second.sent.map((m) => m.chatId)).toEqual(['7']);
    expect(r).toMatchObject({ total: 4, sent: 4 });
  });
  it('a record that fails stops the run: no more leave than were in flight, and the next attempt sends only to those not recorded', async () => {
    const people = Array.from({ length: 12 }, (_, i) => official(`o${10 + i}`, i % 2 ? 'so-tai-chinh' : 'so-noi-vu'));
    const s = await setup({ officials: people, inFlight: 3 });
    const record = s.store.recordDeliveries.bind(s.store);
    let records = 0;
    s.store.recordDeliveries = async (list) => {
      if (++records === 5) throw new Error('ENOSPC: no space left on device');
      return record(list);
    };
    await expect(s.pusher.runDigest('digest:w1', '2019-03-25')).rejects.toThrow('ENOSPC');
    // It stopped: of 13, no more went than the 4 recorded, the failed one and the others in flight with it.
    const recorded = journal(s.file).length;
    expect(recorded).toBeGreaterThanOrEqual(4);
    expect(s.sent.length - recorded).toBeGreaterThanOrEqual(1);
    expect(s.sent.length - recorded).toBeLessThanOrEqual(3);
    expect(s.store.run('digest:w1')?.finishedAt).toBeUndefined();
    // The disk has room again: the run goes on with those not recorded, and ends.
    s.store.recordDeliveries = record;
    const r = await s.pusher.runDigest('digest:w1', '2019-03-25');
    expect(r).toMatchObject({ total: 13, sent: 13 });
    const perChat = new Map<string, number>();
    for (const m of s.sent) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(13);
    expect(Math.max(...perChat.values())).toBeLessThanOrEqual(2);
  });
  it('each part of a split message is recorded; a restart sends only the parts not yet sent', async () => {
    const people = [official('o5', 'so-tai-chinh')];
    const first = await setup({ officials: people, partsOf: 3, fail: (m) => (m.chatId === '5' && m.text.startsWith('[3/3]') ? 'hang' : undefined) });
    void first.pusher.runDigest('digest:w1', '2019-03-25');
    // The admin's three parts and the official's first two are recorded; the process dies with part 3 in flight.
    await vi.waitFor(() => expect(journal(first.file)).toHaveLength(5), { timeout: 5000 });
    const second = await setup({ file: first.file, partsOf: 3 });
    const r = await second.pusher.runDigest('digest:w1', '2019-03-25');
    expect(second.sent.map((m) => `${m.chatId} ${m.text.slice(0, 5)}`)).toEqual(['5 [3/3]']);
    expect(r).toMatchObject({ total: 2, sent: 2 });
  });
  it("a recipient's parts go out together, not behind everyone else's", async () => {
    const people = Array.from({ length: 30 }, (_, i) => official(`o${100 + i}`, i % 2 ? 'so-tai-chinh' : 'so-noi-vu'));
    const s = await setup({ officials: people, partsOf: 2, inFlight: 4 });
    await s.pusher.runDigest('digest:w1', '2019-03-25');
    const order = s.sent.map((m) => `${m.chatId} ${m.text.slice(0, 5)}`);
    // Part 2 leaves once part 1 is recorded, ahead of any chat waiting: only messages already in flight come between.
    for (const chat of ['1000', '100', '129']) expect(order.indexOf(`${chat} [2/2]`) - order.indexOf(`${chat} [1/2]`)).toBeLessThanOrEqual(4);
  });
  it('a progress note goes through the paced sender and waits out a 429 instead of being dropped', async () => {
    let refused = 0;
    const s = await setup({ fail: (m) => (m.text.startsWith('Đang gửi') && refused++ === 0 ? new SendError('rate', 'Too Many Requests', 3000) : undefined) });
    await s.pusher.note({ channel: 'telegram', chatId: ADMIN, text: 'Đang gửi: 10/60, lỗi 0.' });
    expect(refused).toBe(2);
    expect(s.sent.map((m) => m.text)).toEqual(['Đang gửi: 10/60, lỗi 0.']);
  });
  it('officials who opted out, were revoked or are unreachable get nothing', async () => {
    const s = await setup({
      officials: [
        official('o5', 'so-tai-chinh', { notify: false }),
        official('o6', 'so-noi-vu', { status: 'revoked' }),
        official('o7', 'so-y-te', { unreachable: true }),
        official('o8', 'so-tu-phap'),
      ],
    });
    await s.pusher.runDigest('digest:w1', '2019-03-25');
    expect(s.sent.map((m) => m.chatId).sort()).toEqual([ADMIN, '8']);
  });
  it('/thongbao tat and bat stop and restart the digest for that official', async () => {
    const s = await setup({ officials: [official('o5', 'so-tai-chinh')] });
    const a = createCore({ ...s.deps });
    const from = { channel: 'telegram' as const, userId: '5', chatId: '5', privateChat: true };
    expect(shown((await a.onText(from, '/thongbao tat')).replies[0]!.text)).toContain('Đã tắt');
    await s.pusher.runDigest('digest:w1', '2019-03-25');
    expect(s.sent.map((m) => m.chatId)).toEqual([ADMIN]);
    await a.onText(from, '/thongbao bat');
    await s.pusher.runDigest('digest:w2', '2019-04-01');
    expect(s.sent.map((m) => m.chatId).sort()).toEqual([ADMIN, ADMIN, '5']);
  });
  it('a 403 marks the official unreachable until they write again', async () => {
    const s = await setup({
      officials: [official('o5', 'so-tai-chinh')],
      fail: (m) => (m.chatId === '5' ? new SendError('blocked', 'Forbidden: bot was blocked by the user') : undefined),
    });
    const r = await s.pusher.runDigest('digest:w1', '2019-03-25');
    expect(r).toMatchObject({ sent: 1, blocked: 1 });
    expect(s.store.snapshot().officials[0]!.unreachable).toBe(true);
    expect(s.pusher.audience()).toEqual([]);
    await createCore(s.deps).onText({ channel: 'telegram', userId: '5', chatId: '5', privateChat: true }, 'xin chào');
    expect(s.store.snapshot().officials[0]!.unreachable).toBeUndefined();
  });
  it('catch-up at start-up sends the latest missed digest once, not once per missed week', async () => {
    const s = await setup({ officials: [official('o5', 'so-tai-chinh')] });
    // Down since before 4 March 2019; started on Wednesday 20 March at 09:00 local time.
    const now = new Date('2019-03-20T02:00:00Z');
    const r = await s.pusher.catchUp('30 7 * * 1', now, '2019-03-20');
    expect(r?.key).toBe('digest:2019-03-18T00:30:00.000Z');
    expect(s.sent).toHaveLength(2);
    expect(await s.pusher.catchUp('30 7 * * 1', now, '2019-03-20')).toBeUndefined();
    expect(s.sent).toHaveLength(2);
    expect(s.store.snapshot().runs.map((x) => x.key)).toEqual(['digest:2019-03-18T00:30:00.000Z']);
  });
});

describe('deadline reminders', () => {
  it('7 days and 1 day before a due date, once each; a late start sends only the nearer one', async () => {
    const s = await setup({ officials: [official('o5', 'so-tai-chinh')] });
    await s.pusher.runReminders('2019-03-24');
    expect(s.sent.map((m) => m.text)).toEqual([expect.stringContaining('Còn 7 ngày đến hạn nhiệm vụ I.4 của Sở Tài chính (hạn 31/03/2019)')]);
    await s.pusher.runReminders('2019-03-24');
    await s.pusher.runReminders('2019-03-26');
    expect(s.sent).toHaveLength(1);
    await s.pusher.runReminders('2019-03-30');
    expect(s.sent.at(-1)!.text).toContain('Còn 1 ngày');
    expect(s.sent).toHaveLength(2);

    const late = await setup({ officials: [official('o5', 'so-tai-chinh')] });
    await late.pusher.runReminders('2019-03-30');
    await late.pusher.runReminders('2019-03-30');
    expect(late.sent.map((m) => m.text)).toEqual([expect.stringContaining('Còn 1 ngày')]);
  });
});

describe('the schedule (Asia/Ho_Chi_Minh)', () => {
  it('Monday 07:30 local is 00:30 UTC, across month and year ends', () => {
    expect(nextOccurrence('30 7 * * 1', new Date('2026-12-27T00:00:00Z'))!.toISOString()).toBe('2026-12-28T00:30:00.000Z');
    expect(nextOccurrence('30 7 * * 1', new Date('2026-12-28T00:30:00Z'))!.toISOString()).toBe('2027-01-04T00:30:00.000Z');
    expect(nextOccurrence('30 7 * * 1', new Date('2027-01-29T12:00:00Z'))!.toISOString()).toBe('2027-02-01T00:30:00.000Z');
    // Sunday 23:45 UTC is already Monday 06:45 in Bến Tre: the run is 45 minutes away, not a week.
    expect(nextOccurrence('30 7 * * 1', new Date('2027-02-28T23:45:00Z'))!.toISOString()).toBe('2027-03-01T00:30:00.000Z');
    expect(latestOccurrence('30 7 * * 1', new Date('2027-01-01T05:00:00Z'))!.toISOString()).toBe('2026-12-28T00:30:00.000Z');
  });
  it('fires at the right local time on a fake clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-27T23:00:00Z'));
    const fired: string[] = [];
    const stop = every('30 7 * * 1', (occ) => fired.push(occ.toISOString()));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(31 * 60_000);
    expect(fired).toEqual(['2026-12-28T00:30:00.000Z']);
    stop();
  });
});

describe('one-off runs (a plan announcement)', () => {
  const msg = (i: number) => ({ to: `o${i}`, message: { channel: 'telegram' as const, chatId: String(100 + i), text: `KH mới ${i}` } });
  it('are kept with their messages until all are sent; a restart in the middle sends only those not yet sent', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'push-')), 'state.json');
    // The first process dies with one message in flight: the send to chat 104 never returns.
    const first = await setup({ file, fail: (m) => (m.chatId === '104' ? 'hang' : undefined) });
    void first.pusher.runOutbox('announce:k1:2021-06-01', [1, 2, 3, 4, 5, 6].map(msg));
    // It dies once the other five are recorded (a crash before a record finishes repeats that one too).
    await vi.waitFor(() => expect(journal(file)).toHaveLength(5));
    expect(first.sent).toHaveLength(5);
    expect(first.store.run('announce:k1:2021-06-01')?.outbox).toHaveLength(6);
    // A new process on the same state file resumes it.
    const second = await setup({ file });
    const [r] = await second.pusher.resumeOutboxes();
    expect(second.sent.map((m) => m.chatId)).toEqual(['104']);
    expect(r).toMatchObject({ total: 6, sent: 6 });
    const run = second.store.run('announce:k1:2021-06-01')!;
    expect(run.finishedAt).toBeDefined();
    expect(run.outbox).toBeUndefined();
    expect(await second.pusher.resumeOutboxes()).toEqual([]);
  });
});
