/**
 * The desk page in a real browser: the bot runs as a process (long polling) against the local Bot API emulator with
 * PUBLIC_URL set; an admin and an official ask for their link with /web through the emulator; Debian's Chromium
 * (/usr/bin/chromium, driven by puppeteer-core) opens each link, clicks through to a plan and a task, downloads the
 * report, and takes screenshots at phone (390 px) and desktop (1280 px) widths, checked for layout. Chromium that
 * cannot start fails the test with a message saying so: nothing is skipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { plan } from '../helpers.ts';
import { freePort } from '../net.ts';
import { waitFor } from './bot-messages.ts';

/** What the page's own scripts (run in the browser) read; the project's TypeScript has no DOM library. */
declare const document: { documentElement: { scrollWidth: number }; fonts: { check(font: string): boolean } };
declare const window: { innerWidth: number };

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ADMIN = 1000;
const OFFICIAL = 5;
const CHROMIUM = '/usr/bin/chromium';
/** Screenshots kept for a person to look at: var/ is git-ignored. */
const OUT = path.join(ROOT, 'var/test-output/desk');

let server: TelegramServer;
let bot: ChildProcess | undefined;
let browser: Browser | undefined;
let port: number;
const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'desk-e2e-')), 'state.json');

/** An approved official of Sở Tài chính (Telegram user 5) and two reports, written before the bot starts. */
async function seed(): Promise<void> {
  const store = await FileStore.open(stateFile);
  const { official } = await store.addOfficial(
    {
      account: { channel: 'telegram', userId: String(OFFICIAL), chatId: String(OFFICIAL) },
      name: 'Nguyễn Thị Hoa',
      position: 'Chuyên viên',
      agency: 'so-tai-chinh',
      approvedBy: 'roster',
    },
    'roster',
    new Date(),
  );
  await store.recordCompletion({ planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', by: official.id }, new Date('2019-03-20T03:00:00Z'));
  await store.recordCompletion(
    { planId: plan.id, taskId: 'II.2', party: 'vp-ubnd-tinh', on: '2019-04-05', by: `admin:telegram:${ADMIN}` },
    new Date('2019-04-05T03:00:00Z'),
  );
  await store.close();
}

function startBot(): Promise<void> {
  bot = spawn(process.execPath, [path.join(ROOT, 'src/run.mjs'), 'main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      STATE_FILE: stateFile,
      ADMIN_TELEGRAM_IDS: String(ADMIN),
      WEBHOOK_URL: '',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    bot!.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"started"')) resolve();
    });
    bot!.once('exit', (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

/** The link /web answers this Telegram user with, through the emulator. */
async function linkFor(userId: number): Promise<string> {
  const c = server.getClient(TOKEN, { userId, chatId: userId, firstName: `U${userId}`, timeout: 15_000 });
  await c.sendCommand(c.makeCommand('/web'));
  const m = await waitFor(server, userId, (x) => /\/web\/[A-Za-z0-9_-]{43}/.test(x.message.text));
  return m.message.text.match(/http:\/\/127\.0\.0\.1:\d+\/web\/[A-Za-z0-9_-]{43}/)![0];
}

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: install Debian's package (apt-get install chromium; .ci/run does it)`);
  try {
    return await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch (e) {
    throw new Error(`Chromium at ${CHROMIUM} could not start: ${(e as Error).message}`);
  }
}

/** A page at a width, collecting Content-Security-Policy violations and failed requests. */
async function open(width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage();
  await page.setViewport({ width, height: 900 });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('requestfailed', (r) => {
    // A download ends the page's request for it ("aborted"): the file itself is checked where it is saved.
    if (r.url().endsWith('/bao-cao.xlsx') && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return { page, problems };
}

/** Layout at this width: nothing wider than the window, the given blocks shown within it; a screenshot kept. */
async function checkLayout(page: Page, name: string, blocks: string[]): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `${name}: page wider than the window`).toBeLessThanOrEqual(inner);
  for (const sel of blocks) {
    const box = await page.$eval(sel, (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width, height: r.height };
    });
    expect(box.width, `${name}: ${sel} shown`).toBeGreaterThan(0);
    expect(box.height, `${name}: ${sel} shown`).toBeGreaterThan(0);
    expect(box.left, `${name}: ${sel} within the window`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${name}: ${sel} within the window`).toBeLessThanOrEqual(inner + 0.5);
  }
  // Tables fit their box (no sideways scrolling inside), and their first column is wide enough to read a name.
  const tables = await page.$$eval('.table-wrap', (ws) =>
    ws.map((w) => ({ scroll: w.scrollWidth, client: w.clientWidth, first: w.querySelector('td')?.getBoundingClientRect().width ?? 999 })),
  );
  for (const tb of tables) {
    expect(tb.scroll, `${name}: a table scrolls sideways`).toBeLessThanOrEqual(tb.client);
    expect(tb.first, `${name}: a table's first column is too narrow`).toBeGreaterThanOrEqual(80);
  }
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  const png = PNG.sync.read(readFileSync(file));
  expect(png.width).toBe(inner);
  expect(png.height).toBeGreaterThan(300);
}

/** The matrix rows as the browser shows them: agency and the numbers. */
const matrixOf = (page: Page) =>
  page.$$eval('table.matrix tbody tr:not(.total)', (trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { label: cells[0]!, n: cells.slice(1, 6).map(Number) };
    }),
  );

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  port = await freePort();
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  await seed();
  await startBot();
  browser = await launch();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (bot && bot.exitCode === null) {
    const exited = new Promise((r) => bot!.once('exit', r));
    bot.kill('SIGTERM');
    await exited;
  }
  await server?.stop();
});

describe('the desk page in Chromium', () => {
  it('an admin opens the link from the chat, reads the plan at phone and desktop widths, opens a task and downloads the report', async () => {
    const link = await linkFor(ADMIN);
    for (const width of [390, 1280]) {
      const { page, problems } = await open(width);
      await page.goto(link, { waitUntil: 'networkidle0' });
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Các kế hoạch đang theo dõi');
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"'))).toBe(true);
      await checkLayout(page, `admin-plans-${width}`, ['table.plans']);
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('table.plans a')]);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Kế hoạch 4561/KH-UBND');
      const rows = await matrixOf(page);
      expect(rows.length).toBeGreaterThan(25);
      expect(rows.find((r) => r.label === 'Sở Tài chính')!.n).toEqual([2, 1, 0, 1, 0]);
      await checkLayout(page, `admin-plan-${width}`, ['#matrix h2', 'form.filters', '#overdue', '#coming']);
      if (width === 1280) {
        // Printed on A4 (12 mm margins: 186 mm, about 703 CSS px): the filters and buttons left out, nothing wider
        // than the paper, and a PDF of a few pages.
        await page.emulateMediaType('print');
        await page.setViewport({ width: 703, height: 1000 });
        expect(await page.$eval('form.filters', (f) => f.getBoundingClientRect().height)).toBe(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
        const pdf = Buffer.from(await page.pdf({ format: 'A4', path: path.join(OUT, 'admin-plan-a4.pdf') }));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(0);
        await page.emulateMediaType('screen');
        await page.setViewport({ width, height: 900 });
        // The report, downloaded by the browser: a valid .xlsx with the page's numbers.
        const dir = mkdtempSync(path.join(tmpdir(), 'desk-download-'));
        const cdp = await page.createCDPSession();
        await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
        await page.click('a.button[href$="bao-cao.xlsx"]');
        let file: string | undefined;
        for (let i = 0; i < 200 && !file; i++) {
          file = readdirSync(dir).find((f) => f.endsWith('.xlsx'));
          if (!file) await new Promise((r) => setTimeout(r, 100));
        }
        expect(file, 'the report was downloaded').toBeDefined();
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(path.join(dir, file!)) as unknown as ArrayBuffer);
        const report: { label: string; n: number[] }[] = [];
        wb.getWorksheet('Tổng hợp')!.eachRow((r, n) => {
          // The last row is the totals ("Tổng cộng"), not an agency.
          if (n > 2 && r.getCell(1).value !== 'Tổng cộng')
            report.push({ label: String(r.getCell(1).value), n: [2, 3, 4, 5, 6].map((i) => Number(r.getCell(i).value)) });
        });
        expect(report).toEqual(rows);
      }
      // Through to a task from the overdue list.
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#overdue a')]);
      expect(await page.$eval('h1', (h) => h.textContent)).toMatch(/^Nhiệm vụ [IVX]+\.\d+/);
      await checkLayout(page, `admin-task-${width}`, ['h1', '.part']);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it("an official's link shows their agency's parts only", async () => {
    const link = await linkFor(OFFICIAL);
    const { page, problems } = await open(390);
    await page.goto(link, { waitUntil: 'networkidle0' });
    expect(await page.$eval('header .who', (p) => p.textContent)).toContain('Phần việc của Sở Tài chính');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('table.plans a')]);
    expect(await matrixOf(page)).toEqual([{ label: 'Sở Tài chính', n: [2, 1, 0, 1, 0] }]);
    expect(await page.$('select[name="agency"]')).toBeNull();
    await checkLayout(page, 'official-plan-390', ['#matrix', 'form.filters']);
    // The status filter, chosen and sent as a person would.
    await page.select('select[name="status"]', 'done_on_time');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('form.filters button')]);
    expect(await page.$eval('#chosen h2', (h) => h.textContent)).toBe('Hoàn thành đúng hạn (1)');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#chosen a')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Nhiệm vụ I.4');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
