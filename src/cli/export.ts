/**
 * npm run export -- --format json|csv [--today YYYY-MM-DD] [--plan NUMBER|FILE]
 * Every task with its parsed fields and status. The CSV is UTF-8 with a BOM and CRLF line ends, so Excel
 * opens it with Vietnamese intact.
 */
import { csvField } from '../report/csv.ts';
import { t } from '../i18n.ts';
import { formatDate } from '../plan/deadline.ts';
import { DataFileError, loadDirectory } from '../plan/load.ts';
import type { Plan } from '../plan/schema.ts';
import { type Completion, taskState } from '../plan/status.ts';
import { ConfigError } from '../config.ts';
import { StateFileError, StoreConnectError } from '../store/port.ts';
import { livePlans } from './live-state.ts';
import type { Directory } from '../plan/agencies.ts';
import { parseArgs, parseToday, runCli, UsageError } from './args.ts';

export interface ExportRow {
  id: string;
  section: string;
  number: string;
  content: string;
  lead: string;
  coordinate: string;
  deadline: string;
  deadlineKind: string;
  tentative: boolean;
  start: string;
  due: string;
  every: string;
  status: string;
  statusLabel: string;
  note: string;
}

export function exportRows(plan: Plan, dir: Directory, today: string, completions: ReadonlyMap<string, readonly Completion[]> = new Map()): ExportRow[] {
  return plan.tasks.map((task) => {
    const state = taskState(task, { today, planDate: plan.date, dir, completions });
    const names = (ps: typeof task.lead) => ps.map((p) => (p.note ? `${p.name} (${p.note})` : p.name)).join('; ');
    return {
      id: task.id,
      section: task.section,
      number: task.number,
      content: task.content,
      lead: names(task.lead),
      coordinate: names(task.coordinate),
      deadline: task.deadline.text,
      deadlineKind: task.deadline.kind,
      tentative: task.deadline.tentative,
      start: task.deadline.start ?? '',
      due: state.due ?? '',
      every: task.deadline.every ?? '',
      status: state.status,
      statusLabel: t(`status.${state.status}`),
      note: task.note ?? '',
    };
  });
}

export function toCsv(rows: ExportRow[]): string {
  const header = [
    'STT',
    'Mục',
    'Số',
    'Nội dung',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời gian hoàn thành',
    'Loại thời hạn',
    'Dự kiến',
    'Từ ngày',
    'Hạn',
    'Định kỳ',
    'Mã tình trạng',
    'Tình trạng',
    'Ghi chú',
  ];
  const lines = rows.map((r) =>
    [
      r.id,
      r.section,
      r.number,
      r.content,
      r.lead,
      r.coordinate,
      r.deadline,
      r.deadlineKind,
      r.tentative ? 'có' : '',
      r.start && formatDate(r.start),
      r.due && formatDate(r.due),
      r.every,
      r.status,
      r.statusLabel,
      r.note,
    ]
      .map(csvField)
      .join(','),
  );
  return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['--format', '--today', '--plan']);
  const format = args.values.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError('--format json|csv');
  const today = parseToday(args.values.get('--today'));
  // --plan: that plan (a number or a file); else the newest active plan.
  const { plans, completionsOf } = await livePlans(today, args.values.get('--plan'));
  const { plan } = plans.default();
  const rows = exportRows(plan, loadDirectory(), today, completionsOf(plan.id));
  process.stdout.write(format === 'csv' ? toCsv(rows) : `${JSON.stringify({ plan: plan.number, asOf: today, tasks: rows }, null, 1)}\n`);
}

runCli(main, [DataFileError, ConfigError, StateFileError, StoreConnectError]);
