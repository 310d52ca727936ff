/**
 * The desk page in a real browser: the bot runs as a process (long polling) against the local Bot API emulator with
 * PUBLIC_URL set; an admin and an official ask for their link with /web through the emulator; Debian's Chromium
 * (/usr/bin/chromium, driven by puppeteer-core) opens each link, clicks through to a plan and a task, downloads the
 * report, and takes screenshots at phone (360 and 390 px) and desktop (1280 px) widths, checked for layout, and A4 prints. Chromium that
 * cannot start fails the test with a message saying so: nothing is skipped. The layout is compared by measured
 * geometry, not pixel baselines (fonts differ between machines): see checkLayout and checkPrint.
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
import { FakeBotFiles } from '../fakes/telegram-files.ts';
import { waitFor } from './bot-messages.ts';

/** What the page's own scripts (run in the browser) read; the project's TypeScript has no DOM library. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface El {
  getBoundingClientRect(): Box;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  tagName: string;
  className: string;
  id: string;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}
declare const document: {
  documentElement: { scrollWidth: number };
  fonts: { check(font: string): boolean };
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
};
declare const window: { innerWidth: number; getComputedStyle(e: El): { overflowX: string; fontSize: string } };

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ADMIN = 1000;
const OFFICIAL = 5;
const CHROMIUM = '/usr/bin/chromium';
/** Screenshots kept for a person to look at: var/ is git-ignored. */
const OUT = path.join(ROOT, 'var/test-output/desk');

let server: TelegramServer;
/** The Bot API's file store in front of the emulator (which has none): the bot's TELEGRAM_API_ROOT. */
let botFiles: FakeBotFiles;
const PHOTO_ID = 'AgACAgIAAxkBAAIBQ2ZfotoEvidence';
/** A 40 × 30 picture, as the photo an official sent. */
const photo = (() => {
  const png = new PNG({ width: 40, height: 30 });
  png.data.fill(200);
  return PNG.sync.write(png);
})();
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
  const { record } = await store.recordCompletion(
    { planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', by: official.id },
    new Date('2019-03-20T03:00:00Z'),
  );
  // A photo sent as its evidence (📎), kept by Telegram's file id; the Bot API's file store holds it.
  await store.addEvidence(
    { completionId: record.id, channel: 'telegram', kind: 'photo', fileId: PHOTO_ID, name: 'anh-42.png', size: photo.length, by: official.id },
    new Date('2019-03-20T03:05:00Z'),
  );
  botFiles.add(PHOTO_ID, 'photos/file_42.png', photo);
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
      TELEGRAM_API_ROOT: botFiles.url,
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

/**
 * The page's geometry as the browser laid it out, for a layout comparison that holds across machines (fonts and
 * anti-aliasing differ; positions relative to each other and to the window do not): the window's width, how wide the
 * document is, each key block's box (in the order asked), the elements that stick out of the window (outside a table
 * box that scrolls on its own), each table box's widths and overflow, and the smallest text size shown.
 */
async function geometry(page: Page, blocks: string[]) {
  return page.evaluate((sels: string[]) => {
    const inner = window.innerWidth;
    const name = (e: El) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}`;
    const boxes = sels.map((sel) => {
      const el = document.querySelector(sel);
      const r = el?.getBoundingClientRect();
      return {
        sel,
        found: Boolean(el),
        left: r?.left ?? 0,
        right: r?.right ?? 0,
        top: r?.top ?? 0,
        bottom: r?.bottom ?? 0,
        width: r?.width ?? 0,
        height: r?.height ?? 0,
      };
    });
    const outside: string[] = [];
    let smallest = 99;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.textContent?.trim() && el.tagName !== 'svg') smallest = Math.min(smallest, Number.parseFloat(window.getComputedStyle(el).fontSize));
      const wrap = el.closest('.table-wrap');
      if (wrap && wrap !== el && ['auto', 'scroll'].includes(window.getComputedStyle(wrap).overflowX)) continue;
      if (r.right > inner + 0.5 || r.left < -0.5) outside.push(`${name(el)} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    const tables = [...document.querySelectorAll('.table-wrap')].map((w) => ({
      scroll: w.scrollWidth,
      client: w.clientWidth,
      right: w.getBoundingClientRect().right,
      overflow: window.getComputedStyle(w).overflowX,
      first: w.querySelector('td')?.getBoundingClientRect().width ?? 999,
    }));
    return { inner, doc: document.documentElement.scrollWidth, boxes, outside, tables, smallest };
  }, blocks);
}

/**
 * The layout comparison at this width (what a person checks by eye on the screenshots, measured): the document no
 * wider than the window and no element sticking out of it; each key block shown, within the window, and below the one
 * before it (the expected order, none overlapping); each table fits its box, or else scrolls inside it (its box within
 * the window), its first column wide enough for a name; no text under 11 px. The screenshot is kept for a person.
 */
async function checkLayout(page: Page, name: string, blocks: string[]): Promise<void> {
  const g = await geometry(page, blocks);
  expect(g.doc, `${name}: page wider than the window`).toBeLessThanOrEqual(g.inner);
  expect(g.outside, `${name}: elements outside the window`).toEqual([]);
  let above = Number.NEGATIVE_INFINITY;
  for (const b of g.boxes) {
    expect(b.found, `${name}: ${b.sel} on the page`).toBe(true);
    expect(b.width * b.height, `${name}: ${b.sel} shown`).toBeGreaterThan(0);
    expect(b.left, `${name}: ${b.sel} within the window`).toBeGreaterThanOrEqual(0);
    expect(b.right, `${name}: ${b.sel} within the window`).toBeLessThanOrEqual(g.inner + 0.5);
    expect(b.top, `${name}: ${b.sel} below the block before it`).toBeGreaterThanOrEqual(above - 0.5);
    above = b.bottom;
  }
  for (const tb of g.tables) {
    if (tb.scroll > tb.client) expect(tb.overflow, `${name}: a table wider than its box does not scroll in it`).toMatch(/auto|scroll/);
    expect(tb.right, `${name}: a table's box outside the window`).toBeLessThanOrEqual(g.inner + 0.5);
    expect(tb.first, `${name}: a table's first column is too narrow`).toBeGreaterThanOrEqual(80);
  }
  expect(g.smallest, `${name}: text smaller than 11 px`).toBeGreaterThanOrEqual(11);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  const png = PNG.sync.read(readFileSync(file));
  expect(png.width).toBe(g.inner);
  expect(png.height).toBeGreaterThan(300);
}

/** A4 portrait with 12 mm margins: 186 mm of width, in CSS pixels. */
const A4_WIDTH = Math.floor((186 / 25.4) * 96);

/**
 * The page printed on A4 (print media at the paper's printable width): no navigation chrome (links back, filters,
 * buttons — each laid out to nothing), nothing wider than the paper and no table scrolling (paper cannot scroll), the
 * key blocks in order; then a PDF of it, kept beside the screenshots.
 */
async function checkPrint(page: Page, name: string, blocks: string[]): Promise<void> {
  const screen = page.viewport()!;
  await page.emulateMediaType('print');
  await page.setViewport({ width: A4_WIDTH, height: 1000 });
  const chrome = await page.$$eval('.noprint, form, button, a.button, select', (els) =>
    els.map((e) => e.getBoundingClientRect().width * e.getBoundingClientRect().height),
  );
  expect(chrome.length, `${name}: the page has navigation chrome to leave out`).toBeGreaterThan(0);
  expect(
    chrome.filter((area) => area > 0),
    `${name}: navigation chrome printed`,
  ).toEqual([]);
  const g = await geometry(page, blocks);
  expect(g.doc, `${name}: wider than the paper`).toBeLessThanOrEqual(A4_WIDTH);
  expect(g.outside, `${name}: elements outside the paper`).toEqual([]);
  for (const tb of g.tables) expect(tb.scroll, `${name}: a table wider than the paper`).toBeLessThanOrEqual(tb.client);
  let above = Number.NEGATIVE_INFINITY;
  for (const b of g.boxes) {
    expect(b.width * b.height, `${name}: ${b.sel} printed`).toBeGreaterThan(0);
    expect(b.top, `${name}: ${b.sel} below the block before it`).toBeGreaterThanOrEqual(above - 0.5);
    above = b.bottom;
  }
  const pdf = Buffer.from(await page.pdf({ format: 'A4', path: path.join(OUT, `${name}.pdf`) }));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(0);
  await page.emulateMediaType('screen');
  await page.setViewport(screen);
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
  botFiles = new FakeBotFiles(TOKEN, server.config.apiURL);
  await botFiles.start();
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
  await botFiles?.stop();
});

describe('the desk page in Chromium', () => {
  it('an admin opens the link from the chat, reads the plan at phone and desktop widths, opens a task and downloads the report', async () => {
    const link = await linkFor(ADMIN);
    // 360 px: the narrowest phone in common use; 1280 px: a desk screen.
    for (const width of [360, 1280]) {
      const { page, problems } = await open(width);
      await page.goto(link, { waitUntil: 'networkidle0' });
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Các kế hoạch đang theo dõi');
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"'))).toBe(true);
      await checkLayout(page, `admin-plans-${width}`, ['header.top', 'main h1', 'table.plans', 'footer']);
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('table.plans a')]);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Kế hoạch 4561/KH-UBND');
      const rows = await matrixOf(page);
      expect(rows.length).toBeGreaterThan(25);
      expect(rows.find((r) => r.label === 'Sở Tài chính')!.n).toEqual([2, 1, 0, 1, 0]);
      const planBlocks = ['header.top', 'main h1', 'form.filters', '#matrix', '#overdue', '#coming', 'footer'];
      await checkLayout(page, `admin-plan-${width}`, planBlocks);
      if (width === 1280) {
        // Printed on A4: the same blocks but the filters, in order, within the paper.
        await checkPrint(
          page,
          'admin-plan-a4',
          planBlocks.filter((b) => b !== 'form.filters'),
        );
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
      const taskBlocks = ['header.top', 'main h1', 'main > .card', '.part', 'footer'];
      await checkLayout(page, `admin-task-${width}`, taskBlocks);
      if (width === 1280) await checkPrint(page, 'admin-task-a4', taskBlocks);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it("an official's link shows their agency's parts only, and the evidence photo of its report through the bot's server", async () => {
    const link = await linkFor(OFFICIAL);
    const { page, problems } = await open(390);
    await page.goto(link, { waitUntil: 'networkidle0' });
    expect(await page.$eval('header .who', (p) => p.textContent)).toContain('Phần việc của Sở Tài chính');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('table.plans a')]);
    expect(await matrixOf(page)).toEqual([{ label: 'Sở Tài chính', n: [2, 1, 0, 1, 0] }]);
    expect(await page.$('select[name="agency"]')).toBeNull();
    await checkLayout(page, 'official-plan-390', ['header.top', 'main h1', 'form.filters', '#matrix', '#overdue', 'footer']);
    // The status filter, chosen and sent as a person would.
    await page.select('select[name="status"]', 'done_on_time');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('form.filters button')]);
    expect(await page.$eval('#chosen h2', (h) => h.textContent)).toBe('Hoàn thành đúng hạn (1)');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#chosen a')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Nhiệm vụ I.4');
    // The evidence photo of the report, opened through the bot's own server: fetched from the Bot API's file store,
    // shown as a picture; the bot token nowhere in the page or the address.
    expect(await page.content()).not.toContain(TOKEN);
    const [opened] = await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('ul.evidence a')]);
    expect(opened!.status()).toBe(200);
    expect(opened!.headers()['content-type']).toBe('image/png');
    expect(page.url()).toMatch(/\/web\/[A-Za-z0-9_-]{43}\/f\/f\d+$/);
    expect(
      await page.$eval('img', (img) => [
        (img as unknown as { naturalWidth: number }).naturalWidth,
        (img as unknown as { naturalHeight: number }).naturalHeight,
      ]),
    ).toEqual([40, 30]);
    expect(botFiles.requests).toEqual([`/bot${TOKEN}/getFile`, `/file/bot${TOKEN}/photos/file_42.png`]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
