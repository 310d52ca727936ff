/**
 * The plan office's report as an Excel file (ExcelJS): a summary sheet (per agency: tasks, done on time, done late,
 * in progress within the deadline, overdue, % on time) and a detail sheet (every task × agency that must report:
 * content, lead, deadline, due date, status in the government's categories as of a day, when and by whom it was
 * reported, note). Laid out to print: A4 landscape, fitted to the page width, the header row frozen and repeated on
 * every page, text wrapped, Vietnamese kept as it is.
 */
import ExcelJS from 'exceljs';
import { formatDate } from '../plan/deadline.ts';

import { agencyRows, partsOf, type ReportDeps } from './summary.ts';

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
  const { plan, dir, store, t } = deps;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-assistant';

  const parts = partsOf(deps, today, agency);
  const label = (party: string) => dir.label(party);

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
  const rows = agencyRows(parts, label);
  for (const r of rows) summary.addRow([r.label, r.total, r.c.done_on_time, r.c.done_late, r.c.in_progress, r.c.overdue, r.pct / 100]);
  summary.getColumn(7).numFmt = '0%';

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
  const progressOf = (taskId: string, party: string) => {
    const n = store.latestProgress(plan.id, taskId, party);
    return n ? `${formatDate(n.at.slice(0, 10))}: ${n.text}` : '';
  };
  // An approved extension: the new date and the original; one waiting: the date asked.
  const extensionOf = (taskId: string, party: string) => {
    const e = store.latestExtension(plan.id, taskId, party);
    if (!e || e.status === 'rejected') return '';
    return t(e.status === 'approved' ? 'extension.lineApproved' : 'extension.lineWaiting', { to: formatDate(e.to), from: formatDate(e.from) }).replace(
      /^⏳ /,
      '',
    );
  };
  for (const p of parts) {
    // The state was computed once above; the report looked at is that of the period in question.
    const rec = store.liveCompletion(plan.id, p.task.id, p.party, p.task.deadline.kind === 'recurring' ? p.period : undefined);
    const by = rec ? (store.official(rec.by)?.name ?? t('tick.byAdmin')) : '';
    const row = detail.addRow([
      p.task.id,
      p.task.content,
      label(p.party),
      p.task.lead.map((x) => x.name).join(', '),
      p.task.deadline.text,
      p.due ? formatDate(p.due) : '',
      t(`status.${p.status}`),
      rec ? formatDate(rec.on) : '',
      by,
      rec?.note ?? '',
      progressOf(p.task.id, p.party),
      extensionOf(p.task.id, p.party),
      rec
        ? store
            .evidenceOf(rec.id)
            .map((e) => `${e.name} (${formatDate(e.at.slice(0, 10))})`)
            .join('\n')
        : '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
