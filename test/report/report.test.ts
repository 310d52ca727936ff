/** The report file, opened back with ExcelJS and checked cell by cell. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n.ts';
import { buildReport } from '../../src/report/xlsx.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { dir, engine, plan } from '../helpers.ts';

async function report(today: string, ticks: { taskId: string; party: string; on: string; note?: string }[] = []) {
  const store = await FileStore.open(path.join(mkdtempSync(path.join(tmpdir(), 'report-')), 'state.json'));
  const { official } = await store.addOfficial(
    { account: { channel: 'telegram', userId: '5', chatId: '5' }, name: 'Nguyễn Thị Hoa', position: '', agency: 'so-tai-chinh', approvedBy: 'roster' },
    'roster',
    new Date(),
  );
  for (const x of ticks) await store.recordCompletion({ planId: plan.id, ...x, by: official.id }, new Date(`${x.on}T03:00:00Z`));
  await store.addProgress(
    { planId: plan.id, taskId: 'III.3', party: 'so-tai-chinh', text: 'đã chuyển đổi 40% hồ sơ', percent: 40, by: official.id },
    new Date('2019-04-01T03:00:00Z'),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildReport({ plan, dir, engine, store, t: translator('vi') }, today)) as unknown as ArrayBuffer);
  return wb;
}

describe('the .xlsx report', () => {
  it("a summary per agency, furthest behind first, with the government's status categories and % on time", async () => {
    const wb = await report('2019-04-10', [{ taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20' }]);
    const s = wb.getWorksheet('Tổng hợp')!;
    expect(s.getCell('A1').value).toBe('Tình hình thực hiện Kế hoạch 4561/KH-UBND theo cơ quan, tính đến 10/04/2019');
    expect(s.getRow(2).values).toEqual([
      undefined,
      'Cơ quan',
      'Số nhiệm vụ',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn',
      'Tỷ lệ đúng hạn',
    ]);
    const rows = new Map<string, unknown[]>();
    s.eachRow((r, n) => {
      if (n > 2) rows.set(String(r.getCell(1).value), (r.values as unknown[]).slice(2));
    });
    expect(rows.get('Sở Tài chính')).toEqual([2, 1, 0, 1, 0, 0.5]);
    expect(rows.get('Sở Nội vụ')).toEqual([5, 0, 0, 1, 4, 0]);
    // Furthest behind first: the first agency listed has the most overdue.
    expect(String(s.getRow(3).getCell(1).value)).toMatch(/VP\.UBND tỉnh|Sở Nội vụ/);
  });
  it('the summary ends with a totals row (sums Excel keeps current, their values written), and both sheets can be filtered', async () => {
    const wb = await report('2019-04-10', [{ taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20' }]);
    const s = wb.getWorksheet('Tổng hợp')!;
    const last = s.lastRow!;
    expect(last.getCell(1).value).toBe('Tổng cộng');
    expect(last.font?.bold).toBe(true);
    const agencies: number[][] = [];
    s.eachRow((r, n) => {
      if (n > 2 && n < last.number) agencies.push([2, 3, 4, 5, 6].map((c) => Number(r.getCell(c).value)));
    });
    for (const [i, col] of ['B', 'C', 'D', 'E', 'F'].entries()) {
      const cell = last.getCell(i + 2).value as { formula: string; result: number };
      expect(cell.formula).toBe(`SUM(${col}3:${col}${last.number - 1})`);
      // ExcelJS writes no value for a zero result (the file asks for a full calculation when opened).
      expect(cell.result ?? 0).toBe(agencies.reduce((n, r) => n + r[i]!, 0));
    }
    const tasks = (last.getCell(2).value as { result: number }).result;
    const onTime = (last.getCell(3).value as { result: number }).result;
    expect((last.getCell(7).value as { result: number }).result).toBeCloseTo(onTime / tasks);
    // The filter covers the header and the agencies, not the totals.
    expect(s.autoFilter).toBe(`A2:G${last.number - 1}`);
    const d = wb.getWorksheet('Chi tiết')!;
    expect(d.autoFilter).toBe(`A2:M${d.lastRow!.number}`);
  });
  it('a detail row per task and agency: status as of the day, when and by whom reported, the note', async () => {
    const wb = await report('2019-04-10', [{ taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', note: 'QĐ 12/QĐ-UBND' }]);
    const d = wb.getWorksheet('Chi tiết')!;
    let found: unknown[] | undefined;
    d.eachRow((r) => {
      if (r.getCell(1).value === 'I.4') found = (r.values as unknown[]).slice(1);
    });
    expect(found).toEqual([
      'I.4',
      expect.stringContaining('Quy định về mức chi'),
      'Sở Tài chính',
      'Sở Tài chính',
      'Dự kiến Quý I/2019',
      // Dates are dates (sorted and filtered as such), shown dd/mm/yyyy.
      new Date('2019-03-31T00:00:00Z'),
      'Hoàn thành đúng hạn',
      new Date('2019-03-20T00:00:00Z'),
      'Nguyễn Thị Hoa',
      'QĐ 12/QĐ-UBND',
      '',
      '',
      '',
    ]);
    expect(d.getColumn(6).numFmt).toBe('dd/mm/yyyy');
    expect(d.getColumn(8).numFmt).toBe('dd/mm/yyyy');
    // II.3 is reported by each district and the communes: one row each.
    let rowsOfII3 = 0;
    d.eachRow((r) => {
      if (r.getCell(1).value === 'II.3') rowsOfII3++;
    });
    expect(rowsOfII3).toBe(10);
    // The latest progress note of a part not yet done.
    d.eachRow((r) => {
      if (r.getCell(1).value === 'III.3' && r.getCell(3).value === 'Sở Tài chính') expect(r.getCell(11).value).toBe('01/04/2019: đã chuyển đổi 40% hồ sơ');
    });
  });
  it('is laid out to print: A4 landscape, fitted to the width, header frozen and repeated on each page', async () => {
    const wb = await report('2019-04-10');
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '2:2' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    expect(wb.getWorksheet('Chi tiết')!.getColumn(2).width).toBe(60);
  });
});
