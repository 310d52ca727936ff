/**
 * The plan office's report as an Excel file (ExcelJS): a summary sheet (per agency: tasks, done on time, done late,
 * in progress within the deadline, overdue, % on time) and a detail sheet (every task × agency that must report:
 * content, lead, deadline, due date, status in the government's categories as of a day, when and by whom it was
 * reported, note). Laid out to print: A4 landscape, fitted to the page width, the header row frozen and repeated on
 * every page, text wrapped, Vietnamese kept as it is. Both sheets can be filtered by column; the summary ends with a
 * totals row (sums Excel keeps current, with their values written too); dates are dates, not text.
 */
import ExcelJS from 'exceljs';
import { formatDate } from '../plan/deadline.ts';

import { agencyRows, type Part, partsOf, type ReportDeps } from './summary.ts';

export type { ReportDeps } from './summary.ts';

/** One sheet laid out to print on A4 landscape, its header row frozen and repeated on each page. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], widths: number[]) {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.getRow(1).font = { bold: true, size: 13 };
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  ws.pageSetup.printTitlesRow = '2:2';
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

/** The report for a plan as of a day (with `agency`, that agency's part only), as the bytes of an .xlsx file. */
export async function buildReport(deps: ReportDeps, today: string, agency?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-assistant';
  // The totals are formulas: computed again whenever the file is opened.
  wb.calcProperties.fullCalcOnLoad = true;
  const parts = partsOf(deps, today, agency);
  addSummarySheet(wb, deps, today, parts);
  addDetailSheet(wb, deps, today, parts);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Per agency: tasks, done on time, done late, in progress within the deadline, overdue, % on time. */
function addSummarySheet(wb: ExcelJS.Workbook, { plan, dir, t }: ReportDeps, today: string, parts: readonly Part[]): void {
  const summary = sheet(
    wb,
    t('report.summarySheet'),
    t('report.summaryTitle', { plan: plan.number, date: formatDate(today) }),
    [
      t('report.agency'),
      t('report.tasks'),
      t('status.done_on_time'),
      t('status.done_late'),
      t('status.in_progress'),
      t('status.overdue'),
      t('report.pctOnTime'),
    ],
    [42, 12, 16, 16, 18, 12, 14],
  );
  const rows = agencyRows(parts, (party) => dir.label(party));
  for (const r of rows) summary.addRow([r.label, r.total, r.c.done_on_time, r.c.done_late, r.c.in_progress, r.c.overdue, r.pctOnTime / 100]);
  summary.getColumn(7).numFmt = '0%';
  const first = 3;
  const last = first + rows.length - 1;
  summary.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, last), column: 7 } };
  if (rows.length === 0) return;
  // Totals: a sum per column (kept current by Excel) with its value, and the share done on time of all parts.
  const sums = [2, 3, 4, 5, 6].map((col) => rows.reduce((n, r) => n + [r.total, r.c.done_on_time, r.c.done_late, r.c.in_progress, r.c.overdue][col - 2]!, 0));
  const letter = (col: number) => String.fromCharCode(64 + col);
  const total = summary.addRow([
    t('report.totals'),
    ...sums.map((result, i) => ({ formula: `SUM(${letter(i + 2)}${first}:${letter(i + 2)}${last})`, result })),
    { formula: `IF(B${last + 1}=0,0,C${last + 1}/B${last + 1})`, result: sums[0] === 0 ? 0 : sums[1]! / sums[0]! },
  ]);
  total.font = { bold: true };
  total.eachCell((c) => {
    c.border = { top: { style: 'thin' } };
  });
}

/** A day as Excel keeps dates (shown dd/mm/yyyy), or empty. */
const day = (iso: string | undefined): Date | string => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : '');

/** A row per task and agency that must report: what the task asks, its status as of the day, and what was reported. */
function addDetailSheet(wb: ExcelJS.Workbook, deps: ReportDeps, today: string, parts: readonly Part[]): void {
  const { plan, t } = deps;
  const detail = sheet(
    wb,
    t('report.detailSheet'),
    t('report.detailTitle', { plan: plan.number, date: formatDate(today) }),
    [
      t('report.taskId'),
      t('report.content'),
      t('report.agency'),
      t('report.lead'),
      t('report.deadline'),
      t('report.due'),
      t('report.status'),
      t('report.reportedAt'),
      t('report.reportedBy'),
      t('report.note'),
      t('report.progress'),
      t('report.extension'),
      t('report.evidence'),
    ],
    [8, 60, 30, 30, 20, 12, 22, 18, 24, 30, 36, 28, 30],
  );
  for (const part of parts) detail.addRow(detailRow(deps, part)).alignment = { vertical: 'top', wrapText: true };
  for (const col of [6, 8]) detail.getColumn(col).numFmt = 'dd/mm/yyyy';
  detail.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, parts.length + 2), column: 13 } };
}

/** One task × agency: the task, its status, and the report looked at (that of the period in question). */
function detailRow(deps: ReportDeps, part: Part): (string | number | Date)[] {
  const { plan, dir, store, t } = deps;
  const { task, party } = part;
  // The state was computed once by partsOf; the report looked at is that of the period in question.
  const rec = store.liveCompletion(plan.id, task.id, party, task.deadline.kind === 'recurring' ? part.period : undefined);
  return [
    task.id,
    task.content,
    dir.label(party),
    task.lead.map((x) => x.name).join(', '),
    task.deadline.text,
    day(part.due),
    t(`status.${part.status}`),
    day(rec?.on),
    rec ? (store.official(rec.by)?.name ?? t('tick.byAdmin')) : '',
    rec?.note ?? '',
    progressOf(deps, task.id, party),
    extensionOf(deps, task.id, party),
    rec ? evidenceList(deps, rec.id) : '',
  ];
}

/** The agency's latest progress note: its day and text. */
function progressOf({ plan, store }: ReportDeps, taskId: string, party: string): string {
  const n = store.latestProgress(plan.id, taskId, party);
  return n ? `${formatDate(n.at.slice(0, 10))}: ${n.text}` : '';
}

/** The latest request for more time: approved (the new date and the original), waiting, or rejected with its reason. */
function extensionOf({ plan, store, t }: ReportDeps, taskId: string, party: string): string {
  const e = store.latestExtension(plan.id, taskId, party);
  if (!e) return '';
  const key = { approved: 'extension.lineApproved', pending: 'extension.lineWaiting', rejected: 'extension.lineRejected' }[e.status];
  return t(key, { to: formatDate(e.to), from: formatDate(e.from), reason: e.decisionReason ?? '—' }).replace(/^⏳ /, '');
}

/** The documents and photos attached to a report, a line each with the day they came. */
function evidenceList({ store }: ReportDeps, completionId: string): string {
  return store
    .evidenceOf(completionId)
    .map((e) => `${e.name} (${formatDate(e.at.slice(0, 10))})`)
    .join('\n');
}
