/**
 * Plans as officials have them: a Word document (.docx) or an Excel workbook (.xlsx). Both become the same parts
 * as the text layout — body lines and the appendix table as rows of cells — and go through the same reading
 * (tableToSections, readDocument, readMeta). Files are opened with well-kept libraries: JSZip and fast-xml-parser
 * for Word's XML, ExcelJS for workbooks; nothing here parses zip or XML by hand.
 *
 * Word: paragraphs in order (a table's cells count as lines too, so that a header table's "Số: 4561/KH-UBND" and
 * "Bến Tre, ngày 28 tháng 9 năm 2018" are read), each with the number Word's automatic numbering shows before it
 * (numbering.ts); the appendix is the table whose first row says "STT", continued by the tables after it that repeat
 * its header or have its columns (a table split over pages); a cell merged across columns (gridSpan) repeats its text
 * in each, one merged down (vMerge) takes the text above, also across such a split; a row that starts some columns in
 * (gridBefore) is padded; a cell's paragraphs (a numbered list) are joined with line breaks. Only what Word shows is
 * text: not deleted text, field codes, or the fallback copy of a drawing.
 *
 * Excel: every sheet, title rows above the header, merged cells read as their master's value.
 */
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { clean, fold } from '../../text/fold.ts';
import { ImportError, type RawPlan } from './build.ts';
import { columnOf } from './columns.ts';
import {
  checkParts,
  MAX_IMPORT_BYTES,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  MAX_UNPACKED_BYTES,
  MAX_ZIP_ENTRIES,
  readPart,
  scanXml,
  tooManyRows,
  type XmlBudget,
  type ZipBudget,
} from './limits.ts';
import { attr, find, kids, Numbering, tagOf, type XmlNode } from './numbering.ts';
import { isClosing, isSignatureStart, rawPlanOf } from './text.ts';

export { MAX_IMPORT_BYTES, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES } from './limits.ts';

/** The text of a paragraph (or run) as Word shows it, tabs and breaks kept. */
function textOf(n: XmlNode): string {
  switch (tagOf(n)) {
    case 'w:t':
      return kids(n)
        .map((k) => String(k['#text'] ?? ''))
        .join('');
    case 'w:tab':
      return '\t';
    case 'w:br':
    case 'w:cr':
      return '\n';
    case 'w:noBreakHyphen':
      return '-';
    // Deleted text (tracked changes), field codes ("PAGE"), a drawing's fallback copy: not shown.
    case 'w:delText':
    case 'w:instrText':
    case 'w:del':
    case 'mc:Fallback':
    case 'w:pPr':
    case 'w:rPr':
    case '#text':
      return '';
    default:
      return kids(n).map(textOf).join('');
  }
}

/** Block and row containers Word wraps content in (content controls, custom XML) opened up. */
function flat(list: readonly XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of list) {
    const tag = tagOf(n);
    if (tag === 'w:sdt') out.push(...flat(kids(find(n, 'w:sdtContent') ?? {})));
    else if (tag === 'w:customXml' || tag === 'w:smartTag') out.push(...flat(kids(n)));
    else out.push(n);
  }
  return out;
}

/** A paragraph's text with the number Word shows before it. */
function paragraphText(p: XmlNode, numbering: Numbering): string {
  const label = numbering.label(p);
  const text = textOf(p);
  return label ? `${label} ${text}` : text;
}

/** Check a buffer is an Office Open XML file; say what it is when it is not. */
export async function openZip(buf: Buffer, kind: 'Word' | 'Excel'): Promise<JSZip> {
  if (buf.length > MAX_IMPORT_BYTES)
    throw new ImportError(`the file is ${(buf.length / 2 ** 20).toFixed(1)} MiB; at most ${MAX_IMPORT_BYTES / 2 ** 20} MiB is imported`, 'too-big', {
      size: (buf.length / 2 ** 20).toFixed(1),
      max: MAX_IMPORT_BYTES / 2 ** 20,
    });
  // An encrypted Office file, like an old .doc/.xls, is an OLE compound file, not a zip.
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new ImportError(
      `the ${kind} file is password-protected, or in the old format (.doc/.xls): remove the password or save it as .${kind === 'Word' ? 'docx' : 'xlsx'}`,
      'protected',
    );
  if (buf.subarray(0, 2).toString('latin1') !== 'PK') throw new ImportError(`not a ${kind} file (.${kind === 'Word' ? 'docx' : 'xlsx'})`, 'not-office');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw new ImportError(`the ${kind} file is damaged and cannot be opened (${(e as Error).message})`, 'damaged');
  }
  // Bounded before anything is inflated: the entries and the size they declare unpacked (a small file that unpacks
  // to gigabytes is refused, not read).
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES)
    throw new ImportError(`the ${kind} file holds ${entries.length} parts; at most ${MAX_ZIP_ENTRIES} are read`, 'too-many-parts', {
      n: entries.length,
      max: MAX_ZIP_ENTRIES,
    });
  const unpacked = entries.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unpacked > MAX_UNPACKED_BYTES)
    throw new ImportError(
      `the ${kind} file unpacks to ${(unpacked / 2 ** 20).toFixed(0)} MiB; at most ${MAX_UNPACKED_BYTES / 2 ** 20} MiB is read`,
      'too-big-unpacked',
      {
        size: (unpacked / 2 ** 20).toFixed(0),
        max: MAX_UNPACKED_BYTES / 2 ** 20,
      },
    );
  return zip;
}

/** A part of a Word file parsed, once it is inflated within the unpacked limit and scanned within the XML limits. */
async function readXml(zip: JSZip, name: string, budget: { bytes: ZipBudget; xml: XmlBudget }): Promise<XmlNode[] | undefined> {
  const file = zip.file(name);
  if (!file) return undefined;
  const bytes = await readPart(file, 'Word', budget.bytes);
  scanXml(bytes, name, budget.xml);
  // Text as written: "1.10" stays "1.10", not the number 1.1.
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false });
  try {
    return parser.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as XmlNode[];
  } catch (e) {
    throw new ImportError(`the Word file is damaged: ${name} is not well-formed XML (${(e as Error).message})`, 'damaged');
  }
}

/** A row of a table nested in a cell as one line: its cells' texts apart by " | ", a merged cell's text once. */
const innerRow = (row: readonly string[]) =>
  row
    .filter((c, k) => c !== '' && c !== row[k - 1])
    .map((c) => c.replace(/\n/g, ' '))
    .join(' | ');

const isHeader = (row: readonly string[]) => fold(row[0] ?? '') === 'stt';
const sameHeader = (a: readonly string[], b: readonly string[]) => isHeader(a) && a.map(fold).join('|') === b.map(fold).join('|');

/**
 * A Word table as rows of cell texts, merged cells spread over the columns they cover; `above` is the last row of the
 * table this one continues (a cell merged down across the split takes its text).
 */
function tableRows(tbl: XmlNode, numbering: Numbering, above?: readonly string[]): string[][] {
  const rows: string[][] = [];
  let lastTasks = above;
  for (const tr of flat(kids(tbl)).filter((k) => tagOf(k) === 'w:tr')) {
    if (rows.length >= MAX_TABLE_ROWS) throw tooManyRows(rows.length + 1);
    const row: string[] = [];
    const trPr = find(tr, 'w:trPr');
    const before = Number((trPr && find(trPr, 'w:gridBefore') && attr(find(trPr, 'w:gridBefore')!, 'w:val')) ?? 0) || 0;
    for (let k = 0; k < Math.min(before, 64); k++) row.push('');
    // Each cell's own text first; a cell merged down takes the text of the cell above it.
    const cells = flat(kids(tr))
      .filter((k) => tagOf(k) === 'w:tc')
      .map((tc) => {
        const pr = find(tc, 'w:tcPr');
        const span = Math.min(Number((pr && find(pr, 'w:gridSpan') && attr(find(pr, 'w:gridSpan')!, 'w:val')) ?? 1) || 1, 64);
        const vMerge = pr && find(pr, 'w:vMerge');
        // A table inside the cell (a task's breakdown): its rows are lines of the cell's text, never rows of this table.
        const text = flat(kids(tc))
          .flatMap((k) => {
            const tag = tagOf(k);
            if (tag === 'w:p') return [clean(paragraphText(k, numbering))];
            if (tag === 'w:tbl') return tableRows(k, numbering).map(innerRow);
            return [];
          })
          .filter(Boolean)
          .join('\n');
        return { span, text, merged: Boolean(vMerge && attr(vMerge, 'w:val') !== 'restart') };
      });
    // Above a task row stands a header repeated in between: the cell above is in the last row of tasks. A header's
    // own second row ("Chủ trì" | "Phối hợp", its other cells merged down) takes the header above it.
    const up = rows.at(-1) ?? above;
    const subHeader = cells.every((c) => c.merged || c.text === '' || columnOf(c.text) !== undefined);
    const source = up && isHeader(up) && !subHeader ? (lastTasks ?? up) : up;
    for (const c of cells) {
      const text = c.merged ? (source?.[row.length] ?? c.text) : c.text;
      for (let k = 0; k < c.span && row.length < MAX_TABLE_COLUMNS; k++) row.push(text);
    }
    rows.push(row);
    if (!isHeader(row)) lastTasks = row;
  }
  return rows;
}

export async function parseDocxPlan(buf: Buffer, source?: string): Promise<RawPlan> {
  const zip = await openZip(buf, 'Word');
  const budget = { bytes: { bytes: 0 }, xml: { elements: 0 } };
  const doc = await readXml(zip, 'word/document.xml', budget);
  if (!doc) throw new ImportError('not a Word document: it has no word/document.xml', 'not-office');
  const numbering = new Numbering(await readXml(zip, 'word/numbering.xml', budget), await readXml(zip, 'word/styles.xml', budget));
  const root = doc.find((n) => tagOf(n) === 'w:document');
  const body = root && find(root, 'w:body');
  if (!body) throw new ImportError('not a Word document: no body', 'not-office');
  const lines: string[] = [];
  let table: string[][] | undefined;
  for (const n of flat(kids(body))) {
    const tag = tagOf(n);
    if (tag === 'w:p') lines.push(...paragraphText(n, numbering).split('\n').map(clean));
    else if (tag === 'w:tbl') {
      const rows = tableRows(n, numbering, table?.at(-1));
      const first = rows[0];
      // The task table split over several tables: the next repeats its header, or has its columns.
      const continues = table && first && (sameHeader(first, table[0]!) || (first.length === table[0]!.length && !isHeader(first)));
      if (!table && rows.some(isHeader)) table = rows.slice(rows.findIndex(isHeader));
      else if (table && continues) table.push(...rows);
      // Any other table (the header with the number, place and date): each paragraph of each cell is a line.
      else for (const r of rows) for (const c of new Set(r)) lines.push(...c.split('\n').filter(Boolean));
    }
  }
  if (!table) throw new ImportError('no task table found: expected a table whose header row starts with "STT"', 'no-table');
  return rawPlanOf(lines, table[0]!, table.slice(1), source);
}

/** A cell's value as text: rich text, formulas and dates read as what the sheet shows. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/**
 * A row under a sheet's task table that starts the document's close: no task number, and a cell that opens the
 * recipients ("Nơi nhận:"), the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC") or the closing paragraph
 * ("Trên đây là Kế hoạch …"). It and every row after it on the sheet are no tasks.
 */
function endsTable(cells: readonly string[]): boolean {
  if (/^(?:\d+|[IVXLC]+)[.)]?$/.test(cells[0] ?? '')) return false;
  return cells.some((c) => /^noi nhan\b/.test(fold(c)) || isSignatureStart(c) || isClosing(c));
}

export async function parseXlsxPlan(buf: Buffer, source?: string): Promise<RawPlan> {
  await checkParts(await openZip(buf, 'Excel'), 'Excel');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError(`the Excel file is damaged and cannot be opened (${(e as Error).message})`, 'damaged');
  }
  const lines: string[] = [];
  let header: string[] | undefined;
  const rows: string[][] = [];
  for (const sheet of wb.worksheets) {
    let sheetHeader = false;
    let sheetFooter = false;
    const width = Math.min(sheet.columnCount, MAX_TABLE_COLUMNS);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells = Array.from({ length: width }, (_, k) => clean(cellText(row.getCell(k + 1).value)));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      if (isHeader(cells) && !sheetFooter) {
        header ??= cells;
        sheetHeader = true;
        return;
      }
      // Rows under the table from its "Nơi nhận" or signature block on close the document, as they do in Word.
      if (sheetHeader && !sheetFooter && endsTable(cells)) sheetFooter = true;
      // Rows above a sheet's header are its title and caption, rows under its table its close: they are read like the
      // body of a document, a row's cells left to right (the recipients beside the signature are told apart there).
      if (!sheetHeader || sheetFooter) lines.push(...[...new Set(cells)].filter(Boolean));
      else rows.push(cells);
      if (rows.length > MAX_TABLE_ROWS) throw tooManyRows(rows.length);
    });
  }
  if (!header) throw new ImportError('no task table found: expected a header row starting with "STT" in one of the sheets', 'no-table');
  return rawPlanOf(lines, header, rows, source);
}
