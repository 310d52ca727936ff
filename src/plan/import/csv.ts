/**
 * Reads a plan's task table from CSV or TSV with a header row (STT, Nội dung, Cơ quan chủ trì, Cơ quan phối hợp,
 * Thời gian hoàn thành/thực hiện, Ghi chú, and optionally Sản phẩm/Kết quả). Section rows carry a Roman numeral
 * and a title. Quoted fields may hold commas, quotes ("") and line breaks.
 */
import { clean } from '../../text/fold.ts';
import { ImportError, type RawPlan, type RawRow, type RawSection } from './build.ts';
import { type Column, columnOf } from './columns.ts';
import { checkTable } from './limits.ts';

/** RFC 4180 records with the given delimiter. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new ImportError('a quoted field is not closed', 'bad-csv');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((c) => c.trim() !== ''));
}

function detectDelimiter(firstLine: string): string {
  const counts = ['\t', ';', ','].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function parseCsvPlan(text: string, meta: Partial<RawPlan> = {}): RawPlan {
  const body = text.replace(/^\ufeff/, '');
  const records = parseDelimited(body, detectDelimiter(body.split(/\r?\n/)[0] ?? ''));
  checkTable(records);
  const headerAt = records.findIndex((r) => r.map(columnOf).includes('stt'));
  if (headerAt < 0) throw new ImportError('no header row with an "STT" column', 'no-table');
  const columns: (Column | undefined)[] = records[headerAt]!.map(columnOf);
  for (const need of ['content', 'lead'] as const) {
    if (!columns.includes(need)) throw new ImportError(`the header has no "${need}" column (${records[headerAt]!.join(' | ')})`, 'no-column', { column: need });
  }
  const sttAt = columns.indexOf('stt');
  const contentAt = columns.indexOf('content');
  const sections: RawSection[] = [];
  for (const rec of records.slice(headerAt + 1)) {
    const cells = rec.map(clean);
    const stt = cells[sttAt] ?? '';
    const others = cells.filter((_, k) => k !== sttAt && cells[k] !== '');
    if (/^[IVXLC]+$/.test(stt) && others.length > 0 && others.every((c) => c === others[0])) {
      sections.push({ id: stt, title: others[0]!, rows: [] });
      continue;
    }
    if (!cells[contentAt]) continue;
    if (sections.length === 0) sections.push({ id: 'NV', title: 'Nhiệm vụ', rows: [] });
    const row: RawRow = { stt, content: '', lead: '', coordinate: '', deadline: '', note: '' };
    columns.forEach((col, k) => {
      if (col && col !== 'stt') row[col] = cells[k] ?? '';
    });
    sections[sections.length - 1]!.rows.push(row);
  }
  return { ...meta, sections, assignments: meta.assignments ?? [] };
}
