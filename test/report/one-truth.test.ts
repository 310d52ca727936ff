/**
 * One truth for progress: /tiendo's text, its chart, the digests and the Excel report, made from one state, show
 * the same numbers per agency and for the plan, in the same "furthest behind first" order.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { adminDigest, adminDigestOf, agencyDigest, planDeps } from '../../src/push/digest.ts';
import { buildReport } from '../../src/report/xlsx.ts';
import { ADMIN, harness } from '../core/harness.ts';
import { plan } from '../helpers.ts';

const TODAY = '2019-04-10';

/** A state with parts done on time and late, and the rest as the plan is. */
async function state() {
  const h = await harness({ start: `${TODAY}T03:00:00Z` });
  await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
  await h.official('3', 'Văn phòng UBND tỉnh', 'vp-ubnd-tinh');
  const tick = (taskId: string, party: string, on: string) =>
    h.store.recordCompletion({ planId: plan.id, taskId, party, on, by: `admin:telegram:${ADMIN}` }, new Date(`${on}T03:00:00Z`));
  await tick('I.4', 'so-tai-chinh', '2019-03-20');
  await tick('I.1', 'so-noi-vu', '2019-01-15');
  await tick('II.2', 'vp-ubnd-tinh', '2019-04-05');
  return h;
}

interface Row {
  label: string;
  done: number;
  total: number;
  overdue: number;
}

/** "• Sở Nội vụ: 1/5 (20%), 3 quá hạn" lines of /tiendo's text. */
function textRows(text: string): Row[] {
  return [...text.matchAll(/^• (.+): (\d+)\/(\d+) \(\d+%\), (\d+) quá hạn$/gmu)].map((m) => ({
    label: m[1]!,
    done: Number(m[2]),
    total: Number(m[3]),
    overdue: Number(m[4]),
  }));
}

/** The chart's text bars: "Sở Nội vụ\n██▒▒░░ 1/5 xong · 3 quá hạn". */
function chartRows(text: string): Row[] {
  return [...text.matchAll(/^(.+)\n[█▒░]+ (\d+)\/(\d+) xong · (\d+) quá hạn$/gmu)].map((m) => ({
    label: m[1]!,
    done: Number(m[2]),
    total: Number(m[3]),
    overdue: Number(m[4]),
  }));
}

/** The report's summary sheet: agency, tasks, on time, late, in progress, overdue. */
async function reportRows(bytes: Buffer): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: Row[] = [];
  wb.getWorksheet('Tổng hợp')!.eachRow((r, n) => {
    // Its last row is the totals ("Tổng cộng"), not an agency.
    if (n <= 2 || r.getCell(1).value === 'Tổng cộng') return;
    const v = (i: number) => Number(r.getCell(i).value);
    rows.push({ label: String(r.getCell(1).value), total: v(2), done: v(3) + v(4), overdue: v(6) });
  });
  return rows;
}

describe('one truth for progress', () => {
  it("/tiendo's text, the chart, the digests and the report count the same, in the same order", async () => {
    const h = await state();
    const entry = h.deps.plans.active()[0]!;
    const deps = planDeps(h.deps, entry);

    const tiendo = h.text(await h.say(ADMIN, '/tiendo'));
    const text = textRows(tiendo);
    const digest = adminDigest(deps, TODAY);
    const chart = chartRows(String(digest.photo!.fallback));
    const report = await reportRows(await buildReport({ ...deps, engine: entry.engine }, TODAY));

    // The report lists every agency; the chart the first 25 of the same order; the text the first 10.
    expect(report.length).toBeGreaterThan(25);
    // (The chart cuts a long name to 28 characters.)
    const cut = (r: Row) => ({ ...r, label: r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label });
    expect(chart).toEqual(report.slice(0, 25).map(cut));
    expect(text).toEqual(report.slice(0, 10));
    expect(tiendo).toContain(`… và ${report.length - 10} cơ quan khác.`);
    // The digest's text is /tiendo's, and its picture is the chart.
    expect(textRows(String(digest.text))).toEqual(text);

    // VP.UBND tỉnh: III.3 is led by "Các cơ quan chuyên môn tỉnh", whose members include VP.UBND tỉnh (which also
    // coordinates it): its part, counted by every output (the text once counted 14 tasks where the chart counted 15).
    const vp = report.find((r) => r.label === 'VP.UBND tỉnh')!;
    expect(vp).toEqual({ label: 'VP.UBND tỉnh', done: 1, total: 15, overdue: 5 });
    expect(text.find((r) => r.label === 'VP.UBND tỉnh')).toEqual(vp);

    // Each agency's own view: /tiendo of its official, its weekly digest, its own report, its row above.
    for (const [user, agency, label] of [
      ['3', 'vp-ubnd-tinh', 'VP.UBND tỉnh'],
      ['2', 'so-tai-chinh', 'Sở Tài chính'],
    ] as const) {
      const row = report.find((r) => r.label === label)!;
      const pct = Math.round((100 * row.done) / row.total);
      expect(h.text(await h.say(user, '/tiendo'))).toContain(`${row.done}/${row.total} nhiệm vụ chủ trì đã hoàn thành (${pct}%)`);
      expect(String(agencyDigest(deps, agency, TODAY, 7).text)).toContain(`Tiến độ: ${row.done}/${row.total} nhiệm vụ chủ trì đã hoàn thành (${pct}%).`);
      expect(await reportRows(await buildReport({ ...deps, engine: entry.engine }, TODAY, agency))).toEqual([row]);
    }

    // The plan: /tiendo's head, the admins' line per plan and /kehoach count the same tasks.
    const head = tiendo.match(/(\d+)\/(\d+) nhiệm vụ đã hoàn thành \((\d+)%\)/)!;
    const overdue = tiendo.match(/• Quá hạn: (\d+)/)![1];
    expect(String(adminDigestOf(h.deps, [entry], TODAY).text)).toContain(`${head[1]}/${head[2]} xong (${head[3]}%), ${overdue} quá hạn`);
    expect(h.text(await h.say(ADMIN, '/kehoach'))).toContain(`${head[1]}/${head[2]}`);
  });

  it('a group that lists its members is the sum of their parts', async () => {
    const h = await state();
    const text = h.text(await h.say(ADMIN, 'tiến độ của UBND cấp huyện'));
    // 7 tasks led by UBND cấp huyện × its 9 districts, none reported.
    expect(text).toContain('0/63 phần việc chủ trì của các đơn vị thành viên đã hoàn thành (0%)');
  });
});
