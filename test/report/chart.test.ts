/** The progress chart: a PNG decoded back and looked at, and the data it draws. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n.ts';
import { chartPng, chartRows, chartText, COLORS, progressPhoto } from '../../src/report/chart.ts';
import { agencyRows, partsOf } from '../../src/report/summary.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { dir, engine, plan } from '../helpers.ts';

const t = translator('vi');
const label = (p: string) => dir.label(p.replace(/^name:/, ''));
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

async function ticked() {
  const store = await FileStore.open(path.join(mkdtempSync(path.join(tmpdir(), 'chart-')), 'state.json'));
  // Sở Tài chính reports I.4 on time; Sở Nội vụ reports I.1 late.
  await store.recordCompletion(
    { planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', by: 'admin:telegram:1' },
    new Date('2019-03-20T03:00:00Z'),
  );
  await store.recordCompletion(
    { planId: plan.id, taskId: 'I.1', party: 'so-noi-vu', on: '2019-01-15', by: 'admin:telegram:1' },
    new Date('2019-01-15T03:00:00Z'),
  );
  return store;
}

describe('the progress chart', () => {
  it('draws a bar per agency, furthest behind first, with the counts the report has', async () => {
    const store = await ticked();
    const rows = agencyRows(partsOf({ plan, dir, engine, store }, '2019-04-10'), label);
    const { drawn, more } = chartRows(rows);
    // The data, in the order drawn: [on time, late, in progress, overdue].
    expect(drawn.slice(0, 3)).toEqual([
      { label: 'VP.UBND tỉnh', counts: [0, 0, 9, 6], total: 15 },
      // Equal on overdue and on time: the one with nothing done is further behind.
      { label: 'UBND cấp xã', counts: [0, 0, 4, 3], total: 7 },
      { label: 'UBND huyện Ba Tri', counts: [0, 0, 4, 3], total: 7 },
    ]);
    expect(rows.find((r) => r.label === 'Sở Nội vụ')).toMatchObject({ c: { done_on_time: 0, done_late: 1, in_progress: 1, overdue: 3 }, total: 5 });
    expect(rows.find((r) => r.label === 'Sở Tài chính')).toMatchObject({ c: { done_on_time: 1, done_late: 0, in_progress: 1, overdue: 0 }, total: 2 });
    // At most 25 bars; the rest are counted.
    expect(drawn).toHaveLength(25);
    expect(more).toBe(rows.length - 25);
  });
  it('renders a PNG readable on a phone, with bars in the status colours and the labels drawn with the bundled font', async () => {
    const store = await ticked();
    const rows = agencyRows(partsOf({ plan, dir, engine, store }, '2019-04-10'), label);
    const png = PNG.sync.read(chartPng({ title: 'Tiến độ KH 4561/KH-UBND', subtitle: 'Tính đến 10/04/2019', rows }, t));
    expect(png.width).toBe(1080);
    expect(png.height).toBeGreaterThan(600);
    const count = (test: (r: number, g: number, b: number) => boolean, x0 = 0, x1 = png.width) => {
      let n = 0;
      for (let y = 0; y < png.height; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * png.width + x) * 4;
          if (test(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) n++;
        }
      return n;
    };
    const near = (c: number[]) => (r: number, g: number, b: number) => Math.abs(r - c[0]!) + Math.abs(g - c[1]!) + Math.abs(b - c[2]!) < 12;
    for (const s of ['done_on_time', 'done_late', 'in_progress', 'overdue'] as const) expect(count(near(rgb(COLORS[s])))).toBeGreaterThan(200);
    // Left of the bars only the agencies' names are drawn: dark pixels there are glyphs of the bundled font (no
    // system font is loaded, so without it this column would be blank).
    expect(count((r, g, b) => r + g + b < 200, 0, 320)).toBeGreaterThan(2000);
  });
  it('the same as text bars where no picture can be sent', async () => {
    const store = await ticked();
    const photo = progressPhoto({ plan, dir, engine, store, t }, '2019-04-10');
    expect(photo.filename).toBe('tien-do-4561-KH-UBND-2019-04-10.png');
    const text = String(photo.fallback);
    expect(text).toContain('Tiến độ KH 4561/KH-UBND theo cơ quan');
    expect(text).toContain('Sở Nội vụ\n██▒▒▒▒▒▒░░ 1/5 xong · 3 quá hạn');
    expect(text).toContain('… và 3 cơ quan khác (xem /baocao)');
    expect(chartText({ title: 'x', subtitle: 'y', rows: [] }, t)).toBe('x\ny\n█ đã xong  ▒ quá hạn  ░ đang thực hiện');
  });
});
