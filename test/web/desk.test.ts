/**
 * The desk page: a link made through the chat (/web), served by the bot's own HTTP server, read with real HTTP
 * requests: what an admin, a leader and an official each see, the numbers /tiendo and the report show, forged,
 * expired, replaced and revoked links, read-only methods, filters, escaping and the rate limit.
 */
import ExcelJS from 'exceljs';
import { Telegram } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttp } from '../../src/channels/http.ts';
import { telegramFiles } from '../../src/channels/telegram/files.ts';
import { FakeBotFiles } from '../fakes/telegram-files.ts';
import { esc } from '../../src/web/html.ts';
import { CSP, type DeskOptions, deskServer, PER_ADDRESS, PER_LINK } from '../../src/web/server.ts';
import { ADMIN, harness } from '../core/harness.ts';
import { plan } from '../helpers.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

/** A core on a state file with the desk page on a local HTTP server; officials of Sở Tài chính and VP.UBND tỉnh. */
async function desk(opts: DeskOptions = {}) {
  const h = await harness({ start: '2019-04-10T03:00:00Z' });
  const server = await startHttp(
    0,
    new Map(),
    (e) => {
      throw e;
    },
    undefined,
    () => ({}),
    deskServer(
      h.deps,
      (e) => {
        throw e;
      },
      opts,
    ),
  );
  stops.push(server.stop);
  const base = `http://127.0.0.1:${server.port}`;
  h.deps.web = { base };
  await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
  await h.official('3', 'Văn phòng UBND tỉnh', 'vp-ubnd-tinh');
  await h.store.recordCompletion(
    { planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', by: h.officialOf('2').id, note: 'QĐ <b>12</b>' },
    h.clock.now,
  );
  await h.store.recordCompletion({ planId: plan.id, taskId: 'II.2', party: 'vp-ubnd-tinh', on: '2019-04-05', by: h.officialOf('3').id }, h.clock.now);
  /** The link /web answers this user with (Telegram), as its path. */
  const link = async (id: string, channel: 'telegram' | 'zalo' = 'telegram') => {
    const r = await h.core.onText(h.user(id, channel), '/web');
    const url = h.text(r).match(/http:\/\/127\.0\.0\.1:\d+(\/web\/[A-Za-z0-9_-]{43})/)?.[1];
    expect(url, h.text(r)).toBeDefined();
    return { path: url!, reply: r };
  };
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    return { status: res.status, headers: res.headers, body: res.headers.get('content-type')?.startsWith('text/') ? await res.text() : '', bytes: res };
  };
  return { h, base, link, get };
}

/** Rows of the plan page's matrix: agency, parts, on time, late, in progress, overdue. */
function matrix(body: string): { label: string; n: number[] }[] {
  const table = body.match(/<table class="matrix">([\s\S]*?)<\/table>/)?.[1] ?? '';
  return [...table.matchAll(/<tr><td><a [^>]*>([^<]+)<\/a><\/td>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => ({
    label: m[1]!.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))),
    n: [...m[2]!.matchAll(/<td[^>]*>(\d+)%?<\/td>/g)].slice(0, 5).map((x) => Number(x[1])),
  }));
}

describe('the desk page', () => {
  it('an admin gets a personal link that opens every plan and agency, with the numbers of /tiendo and of the report', async () => {
    const { h, link, get } = await desk();
    const { path, reply } = await link(ADMIN);
    expect(h.text(reply)).toContain('Trang theo dõi tiến độ của bạn');
    expect(h.text(reply)).toContain('hiệu lực 12 giờ, đến 22:00 10/04/2019');
    // The token is kept only as its hash.
    expect(JSON.stringify(h.store.snapshot())).not.toContain(path.slice(5));

    const home = await get(path);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toBe(CSP);
    expect(home.headers.get('referrer-policy')).toBe('no-referrer');
    expect(home.body).toContain('Các kế hoạch đang theo dõi');
    expect(home.body).toContain('4561/KH-UBND');
    expect(home.body).not.toMatch(/<script|style="/);
    const planPath = home.body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;

    const page = await get(planPath);
    expect(page.status).toBe(200);
    const rows = matrix(page.body);
    // /tiendo's rows (first 10, same order) and the report's summary (every agency, same order) count the same.
    const tiendo = [...h.text(await h.say(ADMIN, '/tiendo')).matchAll(/^• (.+): (\d+)\/(\d+) \(\d+%\), (\d+) quá hạn$/gmu)];
    expect(tiendo.length).toBe(10);
    tiendo.forEach((m, i) => {
      expect(rows[i]!.label).toBe(m[1]);
      expect(rows[i]!.n[0]).toBe(Number(m[3]));
      expect(rows[i]!.n[1]! + rows[i]!.n[2]!).toBe(Number(m[2]));
      expect(rows[i]!.n[4]).toBe(Number(m[4]));
    });
    const wb = new ExcelJS.Workbook();
    const xlsx = await fetch(`${page.bytes.url.replace(/\?.*$/, '')}/bao-cao.xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const report: { label: string; n: number[] }[] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((r, n) => {
      if (n > 2 && r.getCell(1).value !== 'Tổng cộng')
        report.push({ label: String(r.getCell(1).value), n: [2, 3, 4, 5, 6].map((i) => Number(r.getCell(i).value)) });
    });
    expect(rows).toEqual(report);
    expect(page.body).toContain('Quá hạn (');
    expect(page.body).toContain('Sắp đến hạn trong 30 ngày');

    // The task page: leads, coordinators, each agency's part, the report's note escaped.
    const task = await get(`${planPath}/t/I.4`);
    expect(task.status).toBe(200);
    expect(task.body).toContain('Nhiệm vụ I.4');
    expect(task.body).toContain('Sở Tài chính');
    expect(task.body).toContain('QĐ &#60;b&#62;12&#60;/b&#62;');
    expect(task.body).not.toContain('<b>12</b>');
  });

  it("an official sees their agency's parts only, whatever the address asks; a leader sees every agency", async () => {
    const { h, link, get } = await desk();
    const { path } = await link('2');
    const home = await get(path);
    expect(home.body).toContain('Phần việc của Sở Tài chính');
    const planPath = home.body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const page = await get(`${planPath}?agency=vp-ubnd-tinh`);
    expect(matrix(page.body)).toEqual([{ label: 'Sở Tài chính', n: [2, 1, 0, 1, 0] }]);
    expect(page.body).not.toContain('name="agency"');
    // Its own part in detail: every progress note, newest first, and each extension with its original date.
    const by = h.officialOf('2').id;
    await h.store.addProgress({ planId: plan.id, taskId: 'III.3', party: 'so-tai-chinh', text: 'đã chuyển 20% hồ sơ', by }, new Date('2019-04-01T03:00:00Z'));
    await h.store.addProgress({ planId: plan.id, taskId: 'III.3', party: 'so-tai-chinh', text: 'đã chuyển 40% hồ sơ', by }, new Date('2019-04-08T03:00:00Z'));
    const asked = await h.store.requestExtension(
      { planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', from: '2019-03-31', to: '2019-06-30', reason: 'chờ Thông tư', by },
      h.clock.now,
    );
    if (!('extension' in asked)) throw new Error('extension refused');
    await h.store.decideExtension(asked.extension.id, true, `admin:telegram:${ADMIN}`, h.clock.now);
    const notes = (await get(`${planPath}/t/III.3`)).body;
    expect(notes.indexOf('08/04/2019: đã chuyển 40% hồ sơ')).toBeGreaterThan(-1);
    expect(notes.indexOf('08/04/2019: đã chuyển 40% hồ sơ')).toBeLessThan(notes.indexOf('01/04/2019: đã chuyển 20% hồ sơ'));
    expect((await get(`${planPath}/t/I.4`)).body).toContain('Đã gia hạn đến 30/06/2019 (hạn gốc 31/03/2019)');
    // Another agency's report is not shown on a task page, only its status.
    const other = await get(`${planPath}/t/II.2`);
    expect(other.body).toContain('VP.UBND tỉnh');
    expect(other.body).not.toContain('Ngày báo cáo');
    // The report file: the agency's part only.
    const xlsx = await fetch(`http://127.0.0.1:${new URL(h.deps.web!.base).port}${planPath}/bao-cao.xlsx?agency=vp-ubnd-tinh`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.getWorksheet('Tổng hợp')!.getRow(3).getCell(1).value).toBe('Sở Tài chính');
    // One agency's row, then the totals.
    expect(wb.getWorksheet('Tổng hợp')!.rowCount).toBe(4);
    expect(wb.getWorksheet('Tổng hợp')!.getRow(4).getCell(1).value).toBe('Tổng cộng');

    // An admin grants the leader role (/lanhdao): the same link now shows every agency.
    const list = await h.say(ADMIN, '/lanhdao');
    const grant = h.actions(list).find((a) => a.startsWith(`ld:${h.officialOf('2').id}:1`))!;
    expect(h.text(await h.press(ADMIN, grant))).toContain('Đã cấp quyền lãnh đạo');
    const lead = await get(planPath);
    expect(lead.body).toContain('Lãnh đạo: xem tất cả các cơ quan');
    expect(matrix(lead.body).length).toBeGreaterThan(25);
    // Someone who is neither admin nor official gets no link.
    expect(h.text(await h.say('77', '/web'))).not.toContain('http');
  });

  it('forged, expired, replaced and revoked links get a clear page and nothing else', async () => {
    const { h, link, get } = await desk();
    const secret = 'Tiến độ Kế hoạch';
    const forged = await get(`/web/${'A'.repeat(43)}`);
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('Liên kết không hợp lệ');
    expect(forged.body).not.toContain('4561');
    expect((await get('/web/short')).status).toBe(403);

    const { path } = await link('2');
    expect((await get(path)).status).toBe(200);
    // A new /web replaces the old link.
    const second = await link('2');
    expect((await get(path)).status).toBe(403);
    expect((await get(second.path)).status).toBe(200);

    h.advance(12 * 3_600_000 + 60_000);
    const expired = await get(second.path);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('Liên kết đã hết hạn');
    expect(expired.body).not.toContain(secret);

    const third = await link('2');
    expect((await get(third.path)).status).toBe(200);
    await h.press(ADMIN, `a:rv:${h.officialOf('2').id}`);
    const revoked = await get(third.path);
    expect(revoked.status).toBe(403);
    expect(revoked.body).toContain('Không còn quyền xem');
    expect(revoked.body).not.toContain('4561');
  });

  it('is read-only, checks its filters, and limits requests per link', async () => {
    const { link, get } = await desk();
    const { path } = await link(ADMIN);
    const post = await get(path, { method: 'POST', body: 'x=1' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.body).toContain('Trang chỉ để xem');
    const home = await get(path);
    const planPath = home.body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    for (const q of ['status=xong', 'period=2019-Q5', 'agency=%3Cscript%3E', 'foo=1', 'status=overdue&status=overdue'])
      expect((await get(`${planPath}?${q}`)).status, q).toBe(400);
    const filtered = await get(`${planPath}?status=overdue&period=2019`);
    expect(filtered.status).toBe(200);
    expect(filtered.body).toMatch(/<h2>Quá hạn \(\d+\)<\/h2>/);
    expect((await get(`${planPath}/t/Z.99`)).status).toBe(404);
    expect((await get('/web/desk.css')).headers.get('content-type')).toContain('text/css');
    let last = 0;
    for (let i = 0; i < PER_LINK; i++) last = (await get(path, { method: 'HEAD' })).status;
    expect(last).toBe(429);
  });

  it('without TRUST_PROXY a client forging X-Forwarded-For or X-Real-IP cannot dodge the per-address limit', async () => {
    const { get } = await desk();
    // A scan of forged links, each request claiming another address.
    const scan = (i: number, headers: Record<string, string> = {}) => get(`/web/${String(i).padStart(43, 'A')}`, { method: 'HEAD', headers });
    for (let i = 0; i < PER_ADDRESS; i++)
      expect((await scan(i, { 'x-forwarded-for': `203.0.113.${i % 250}`, 'x-real-ip': `198.51.100.${i % 250}` })).status).toBe(403);
    expect((await scan(PER_ADDRESS, { 'x-forwarded-for': '192.0.2.1', 'x-real-ip': '192.0.2.2' })).status).toBe(429);
  });

  it('with TRUST_PROXY the limit keys on the address the proxy forwards, not on what the client wrote', async () => {
    const { get } = await desk({ trustProxy: ['127.0.0.1'] });
    const scan = (i: number, headers: Record<string, string>) => get(`/web/${String(i).padStart(43, 'A')}`, { method: 'HEAD', headers });
    // One client behind the proxy, writing a different X-Forwarded-For each time: the proxy appends the address it saw.
    for (let i = 0; i < PER_ADDRESS; i++) expect((await scan(i, { 'x-forwarded-for': `10.9.${i % 250}.1, 203.0.113.7` })).status).toBe(403);
    expect((await scan(PER_ADDRESS, { 'x-forwarded-for': '1.1.1.1, 203.0.113.7' })).status).toBe(429);
    expect((await scan(PER_ADDRESS, { 'x-real-ip': '203.0.113.7' })).status).toBe(429);
    // Another client through the same proxy is not held back by the first.
    expect((await scan(PER_ADDRESS, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(403);
    expect((await scan(PER_ADDRESS, { 'x-real-ip': '203.0.113.9' })).status).toBe(403);
  });

  it('on Zalo the same link, in words without buttons', async () => {
    const { h, link, get } = await desk();
    const { path, reply } = await link('adminzalo', 'zalo');
    expect(h.menuText(reply)).not.toMatch(/bấm/i);
    expect((await get(path)).status).toBe(200);
  });
});

describe("a task's report history", () => {
  it('a recurring task shows earlier periods and undone ticks, newest first, with who and when; only to those who see the part', async () => {
    const { h, link, get } = await desk();
    // VP.UBND tỉnh reports II.8 (every quarter) in March, through the chat: the last quarter of 2018, still unreported.
    h.setNow('2019-03-28T03:00:00Z');
    const tick = async () => {
      const confirm = await h.press('3', 't:II.8');
      return h.press('3', h.actions(confirm).find((a) => a.startsWith('c:'))!);
    };
    await tick();
    // In April, for the first quarter: ticked, undone a minute later, then ticked again.
    h.setNow('2019-04-10T03:00:00Z');
    const done = await tick();
    h.advance(60_000);
    expect(h.text(await h.press('3', h.actions(done).find((a) => a.startsWith('u:'))!))).toContain('II.8');
    h.advance(60_000);
    await tick();
    const history = h.store.taskReports(plan.id, 'II.8').filter((r) => r.party === 'vp-ubnd-tinh');
    expect(history.map((r) => [r.period, Boolean(r.undoneAt)])).toEqual([
      ['2018-12-31', false],
      ['2019-03-31', true],
      ['2019-03-31', false],
    ]);

    const { path } = await link(ADMIN);
    const planPath = (await get(path)).body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const page = (await get(`${planPath}/t/II.8`)).body;
    const card = page.slice(page.indexOf('id="part-vp-ubnd-tinh"'));
    const items = [...card.slice(0, card.indexOf('</ol>')).matchAll(/<li( class="undone")?>([\s\S]*?)<\/li>/g)].map((m) =>
      m[2]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(card).toContain('Báo cáo các kỳ trước và báo cáo đã hủy');
    // Newest first: the first quarter's standing report (the part now waits on the second quarter's), the one undone
    // before it, then the last quarter of 2018's.
    expect(items).toEqual([
      'Kỳ đến 31/03/2019 : Cán bộ 3 báo cáo hoàn thành ngày 10/04/2019 (ghi lúc 10:02 10/04/2019)',
      'Kỳ đến 31/03/2019 : Cán bộ 3 báo cáo hoàn thành ngày 10/04/2019 (ghi lúc 10:00 10/04/2019) Đã hủy lúc 10:01 10/04/2019 — Cán bộ 3',
      'Kỳ đến 31/12/2018 : Cán bộ 3 báo cáo hoàn thành ngày 28/03/2019 (ghi lúc 10:00 28/03/2019)',
    ]);
    expect(card).toMatch(/<li class="undone">[\s\S]*?Đã hủy/);

    // A one-off task: the undone tick under the standing one, with no period.
    const first = h.store.liveCompletion(plan.id, 'I.4', 'so-tai-chinh')!;
    await h.store.undoCompletion(first.id, `admin:telegram:${ADMIN}`, new Date('2019-04-10T04:00:00Z'));
    await h.store.recordCompletion({ planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on: '2019-04-10', by: h.officialOf('2').id }, h.clock.now);
    const once = (await get(`${planPath}/t/I.4`)).body;
    expect(once).toContain('Ngày báo cáo</dt><dd>10/04/2019 — Cán bộ 2');
    expect(once).toMatch(
      /<li class="undone">Cán bộ 2 báo cáo hoàn thành ngày 20\/03\/2019 \(ghi lúc [^)]+\)<br><span class="muted">QĐ &#60;b&#62;12&#60;\/b&#62;<\/span><br><span class="s-overdue">Đã hủy lúc 11:00 10\/04\/2019 — quản trị viên<\/span><\/li>/,
    );

    // Sở Tài chính's official sees VP.UBND tỉnh's status, not its history.
    const other = await link('2');
    const otherPlan = (await get(other.path)).body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const seen = (await get(`${otherPlan}/t/II.8`)).body;
    expect(seen).toContain('id="part-vp-ubnd-tinh"');
    expect(seen).not.toContain('Báo cáo các kỳ trước');
    expect(seen).not.toContain('Đã hủy');
  });
});

describe('evidence on the task page', () => {
  const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 7)]);

  /** The desk with the Bot API's file store faked; Sở Tài chính's report of I.4 with a document, a Zalo photo and a terminal file. */
  async function withEvidence() {
    const api = new FakeBotFiles(TOKEN);
    await api.start();
    stops.push(() => api.stop());
    api.add('BQACAgIAAxk-qd12', 'documents/file_12.pdf', pdf);
    api.add('BQACAgIAAxk-big', 'documents/file_13.pdf', Buffer.alloc(10), 25 * 2 ** 20);
    const d = await desk({ files: { telegram: telegramFiles(new Telegram(TOKEN, { apiRoot: api.url } as never)) } });
    const rec = d.h.store.liveCompletion(plan.id, 'I.4', 'so-tai-chinh')!;
    const by = d.h.officialOf('2').id;
    const add = (channel: 'telegram' | 'zalo' | 'console', fileId: string, name: string) =>
      d.h.store.addEvidence({ completionId: rec.id, channel, kind: 'document', fileId, name, size: 3000, by }, d.h.clock.now);
    const doc = await add('telegram', 'BQACAgIAAxk-qd12', 'QĐ 12/QĐ-UBND "bản ký".pdf');
    const big = await add('telegram', 'BQACAgIAAxk-big', 'ho-so-lon.pdf');
    const gone = await add('telegram', 'BQACAgIAAxk-old', 'cu.pdf');
    await add('zalo', 'https://photo.zdn.vn/anh/abc.jpg', 'anh-zalo-1.jpg');
    await add('console', '/tmp/bien-ban.pdf', 'bien-ban.pdf');
    return { ...d, api, doc, big, gone };
  }

  it("the report's agency sees its evidence and opens the Telegram file through the bot's server, without the bot token anywhere", async () => {
    const { link, get, api, doc, big, gone } = await withEvidence();
    const { path } = await link('2');
    const planPath = (await get(path)).body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const task = await get(`${planPath}/t/I.4`);
    expect(task.body).toContain('Minh chứng');
    const href = `${path}/f/${doc.id}`;
    expect(task.body).toContain(`<a href="${href}">QĐ 12/QĐ-UBND &#34;bản ký&#34;.pdf</a>`);
    // A Zalo photo: Zalo's own link; a terminal file: named, with why it cannot be opened.
    expect(task.body).toContain('<a href="https://photo.zdn.vn/anh/abc.jpg" rel="noopener noreferrer">anh-zalo-1.jpg</a>');
    expect(task.body).toMatch(/bien-ban\.pdf \(\d\d\/\d\d\/\d{4}\) — <span class="muted">chỉ lưu tên tệp, không lấy lại được tệp từ trang này/);
    expect(task.body).not.toContain(TOKEN);
    expect(task.body).not.toContain('/tmp/');

    const file = await get(href);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.bytes.arrayBuffer())).toEqual(pdf);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="QD-12-QD-UBND-ban-ky-.pdf"; filename*=UTF-8''${encodeURIComponent('QĐ 12/QĐ-UBND "bản ký".pdf')}`,
    );
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    // Fetched as the Bot API serves files: getFile, then the file's path under the token.
    expect(api.requests).toEqual([`/bot${TOKEN}/getFile`, `/file/bot${TOKEN}/documents/file_12.pdf`]);

    // Past 20 MB: refused before any byte is fetched. A file the Bot API no longer knows: said so.
    const tooBig = await get(`${path}/f/${big.id}`);
    expect(tooBig.status).toBe(502);
    expect(tooBig.body).toContain('Tệp minh chứng lớn hơn 20 MB');
    expect(api.requests.filter((r) => r.includes('file_13'))).toEqual([]);
    const old = await get(`${path}/f/${gone.id}`);
    expect(old.status).toBe(410);
    expect(old.body).toContain('không còn giữ tệp minh chứng này');
    // A Zalo or terminal file is not fetched here; an id that does not exist is not found.
    expect((await get(`${path}/f/f999999`)).status).toBe(404);
    expect((await get(`${path}/f/x1`)).status).toBe(404);
  });

  it('an official of another agency gets 404 for the file and sees no evidence; an admin and a leader open it', async () => {
    const { h, link, get, doc } = await withEvidence();
    const other = await link('3');
    const planPath = (await get(other.path)).body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const task = await get(`${planPath}/t/I.4`);
    expect(task.status).toBe(200);
    expect(task.body).not.toContain('Minh chứng');
    expect(task.body).not.toContain('/f/');
    const refused = await get(`${other.path}/f/${doc.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body).toContain('Không tìm thấy trang');
    expect(refused.body).not.toContain('QĐ 12');

    const admin = await link(ADMIN);
    expect((await get(`${admin.path}/f/${doc.id}`)).status).toBe(200);
    await h.store.setLeader(h.officialOf('3').id, true, `admin:telegram:${ADMIN}`, h.clock.now);
    expect((await get(`${other.path}/f/${doc.id}`)).status).toBe(200);
    // Revoked: the link stops, the file with it.
    await h.press(ADMIN, `a:rv:${h.officialOf('3').id}`);
    expect((await get(`${other.path}/f/${doc.id}`)).status).toBe(403);
  });

  it('a server not connected to Telegram says so in Vietnamese instead of a link', async () => {
    const { h, link, get } = await desk();
    const rec = h.store.liveCompletion(plan.id, 'I.4', 'so-tai-chinh')!;
    const doc = await h.store.addEvidence(
      { completionId: rec.id, channel: 'telegram', kind: 'photo', fileId: 'AgACAgIAAxk', name: 'anh-77.jpg', size: 1000, by: h.officialOf('2').id },
      h.clock.now,
    );
    const { path } = await link('2');
    const planPath = (await get(path)).body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    expect((await get(`${planPath}/t/I.4`)).body).toContain(
      'anh-77.jpg (10/04/2019) — <span class="muted">tệp lưu trên Telegram, máy chủ này chưa kết nối Telegram',
    );
    const file = await get(`${path}/f/${doc.id}`);
    expect(file.status).toBe(404);
    expect(file.body).toContain('Không mở được tệp');
  });
});

describe('hostile text in a plan', () => {
  it('is shown as text on every page: no tag, attribute or script of it reaches the browser', async () => {
    const evil = `<script>alert(1)</script><img src=x onerror="alert(2)"> ' \` & "><a href="javascript:alert(3)">x</a>`;
    const hostile = {
      ...plan,
      title: evil,
      tasks: plan.tasks.map((task, i) => (i === 0 ? { ...task, content: evil, deadline: { ...task.deadline, text: evil } } : task)),
    };
    const h = await harness({ start: '2019-04-10T03:00:00Z', plans: [hostile] });
    const server = await startHttp(
      0,
      new Map(),
      () => {},
      undefined,
      () => ({}),
      deskServer(h.deps, () => {}),
    );
    stops.push(server.stop);
    h.deps.web = { base: `http://127.0.0.1:${server.port}` };
    const path = h.text(await h.say(ADMIN, '/web')).match(/\/web\/[A-Za-z0-9_-]{43}/)![0];
    const get = async (p: string) => (await fetch(`http://127.0.0.1:${server.port}${p}`)).text();
    const home = await get(path);
    const planPath = home.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const task = await get(`${planPath}/t/${encodeURIComponent(plan.tasks[0]!.id)}`);
    for (const body of [home, await get(planPath), task]) {
      expect(body).not.toMatch(/<script|<img|onerror="|href="javascript/i);
    }
    expect(task).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});

describe('the one escape function', () => {
  it('escapes hostile text for HTML text and quoted attributes', () => {
    expect(esc(`<script>alert("x")</script>' onload=\`y\` &amp;`)).toBe(
      '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#39; onload=&#96;y&#96; &#38;amp;',
    );
  });
});
