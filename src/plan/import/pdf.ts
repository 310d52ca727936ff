/**
 * A plan sent as a text PDF (printed from Word by the document system, signed or not): its lines and its task table
 * rebuilt from where the text sits on each page, then read like a Word file (text.ts's rawPlanOf).
 *
 * - Lines: text items on one baseline, split where a wide gap separates two blocks (the two header columns of a
 *   plan); wrapped lines of one paragraph joined again (a line that ends short of the right margin ends its
 *   paragraph, as does one before a numbered or lettered item, and a sentence's end before a closing paragraph:
 *   "Trên đây là Kế hoạch …").
 * - The table: its header row is the line that begins "STT"; the column starts are the header's items (a wrapped
 *   header cell's second line joins its column). Each following line whose first column holds a row number
 *   ("1", "2a", "I", "II") starts a row; the other lines add to the cells of the row above, by column. A header
 *   repeated at the top of the next page is skipped; a line that starts left of the table or holds text in the
 *   first column that is no row number ends the table.
 * - A page printed rotated, and a body set in two columns, are put in reading order first (pdf-layout.ts).
 * - A scanned PDF (no text) is refused with what to send instead.
 */
import { getDocumentProxy } from 'unpdf';
import { clean, fold } from '../../text/fold.ts';
import { ImportError, type RawPlan } from './build.ts';
import { MAX_PDF_ITEMS as MAX_ITEMS, MAX_PDF_PAGES as MAX_PAGES } from './limits.ts';
import { blocksOf, columnsFirst, type Item, type Line, type RawItem, upright } from './pdf-layout.ts';
import { checkPdfStreams } from './pdf-streams.ts';
import { opensClosing, rawPlanOf } from './text.ts';

const text = (items: readonly Item[]) => clean(items.map((i) => i.str).join(' '));
const ROW_NUMBER = /^(?:[IVX]{1,4}|\d{1,3}[a-z]?)\.?$/;
const SECTION_ACROSS = /^([IVX]{1,4})\.?\s+(\p{Lu}.{3,})$/u;
const LIST_START = /^(?:[IVX]{1,4}\.|\d{1,3}\.|[a-zđ]\)|-|\+|•)\s/u;

async function linesOf(buf: Buffer): Promise<Line[]> {
  // A stream that inflates past the unpacked limit (a compression bomb) is refused before the library decodes it.
  await checkPdfStreams(buf);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(buf));
  } catch (e) {
    throw new ImportError(`not a PDF file that can be read (${(e as Error).message})`, 'not-pdf');
  }
  // A plan past the page limit is refused, not read in part (its last tasks would be lost without a word).
  if (pdf.numPages > MAX_PAGES)
    throw new ImportError(`the PDF has ${pdf.numPages} pages; at most ${MAX_PAGES} are read`, 'pdf-too-many-pages', { n: pdf.numPages, max: MAX_PAGES });
  const lines: Line[] = [];
  let count = 0;
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const raw: RawItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      if (++count > MAX_ITEMS)
        throw new ImportError(`the PDF holds over ${MAX_ITEMS} pieces of text: it is not a plan`, 'pdf-too-much-text', { max: MAX_ITEMS });
      raw.push({ transform: it.transform as number[], width: it.width, str: it.str });
    }
    // A page printed rotated reads as the page it shows.
    const items = upright(raw);
    // Top to bottom, left to right; one line per baseline (within 2 points).
    items.sort((a, b) => b.y - a.y || a.x - b.x);
    for (const it of items) {
      const last = lines.at(-1);
      if (last && last.page === p && Math.abs(last.y - it.y) <= 2) last.items.push(it);
      else lines.push({ page: p, y: it.y, items: [it] });
    }
    for (const l of lines) if (l.page === p) l.items.sort((a, b) => a.x - b.x);
  }
  if (count === 0)
    throw new ImportError('the PDF has no text (a scan or a photo): send the Word file, or a PDF printed from Word by the document system', 'pdf-no-text');
  return lines;
}

/** The table's columns: where each header cell starts, and its text (a wrapped header's lines joined). */
function headerOf(lines: readonly Line[], at: number): { starts: number[]; cells: string[]; next: number } {
  const starts = lines[at]!.items.map((i) => i.x);
  const cells = lines[at]!.items.map((i) => i.str);
  let next = at + 1;
  // A wrapped header cell: the next lines with nothing in the first column, each item under a header cell.
  while (next < lines.length && lines[next]!.page === lines[at]!.page && !inFirst(lines[next]!, starts) && onColumns(lines[next]!, starts)) {
    for (const it of lines[next]!.items) {
      const c = columnAt(it.x, starts);
      cells[c] = `${cells[c]} ${it.str}`;
    }
    next++;
  }
  return { starts, cells: cells.map(clean), next };
}

const columnAt = (x: number, starts: readonly number[]) => {
  let c = 0;
  while (c + 1 < starts.length && x >= starts[c + 1]! - 3) c++;
  return c;
};
const inFirst = (line: Line, starts: readonly number[]) => line.items.some((i) => columnAt(i.x, starts) === 0);
const onColumns = (line: Line, starts: readonly number[]) => line.items.every((i) => i.x >= starts[0]! - 3);

/** Body lines as paragraphs: the wrapped lines of one paragraph joined; blocks far apart on one baseline apart. */
function paragraphs(lines: readonly Line[]): string[] {
  const right = Math.max(...lines.flatMap((l) => l.items.map((i) => i.end)));
  const left = Math.min(...lines.map((l) => l.items[0]!.x));
  const out: string[] = [];
  let open = false;
  let wideCentred: number | undefined;
  for (const line of lines) {
    // Blocks on one baseline with a wide gap between them (the header's two columns) are lines of their own.
    const blocks = blocksOf(line.items);
    if (blocks.length > 1) {
      out.push(...blocks.map(text));
      open = false;
      continue;
    }
    const t = text(line.items);
    const from = line.items[0]!.x;
    const to = line.items.at(-1)!.end;
    const capitals = t === t.toUpperCase();
    // A centred title in capitals wrapped over lines: the line before it was long and centred too.
    const title = capitals && wideCentred !== undefined && Math.abs((from + to) / 2 - wideCentred) < 20;
    // A closing paragraph after a sentence that ran to the margin ("… cấp xã." / "Trên đây là Kế hoạch …"): its own.
    const closes = /[.;:!?]$/.test(out.at(-1) ?? '') && opensClosing(t);
    if ((open && !LIST_START.test(t) && !capitals && !closes) || title) out[out.length - 1] = `${out.at(-1)} ${t}`;
    else out.push(t);
    // A line that stops well short of the margin ends its paragraph; so does a heading in capitals.
    open = to > (line.right ?? right) - 40 && !capitals;
    wideCentred = capitals && to - from > 0.5 * (right - left) && Math.abs((from + to) / 2 - (left + right) / 2) < 20 ? (from + to) / 2 : undefined;
  }
  return out;
}

export async function parsePdfPlan(buf: Buffer, source?: string): Promise<RawPlan> {
  const lines = await linesOf(buf);
  const at = lines.findIndex((l) => fold(l.items[0]!.str.trim()) === 'stt');
  if (at < 0) throw new ImportError('no task table found: expected a table whose header row starts with "STT"', 'no-table');
  const { starts, cells: header, next } = headerOf(lines, at);
  const rows: string[][] = [];
  let i = next;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    // The header repeated at the top of a page.
    if (fold(line.items[0]!.str.trim()) === 'stt' && line.items.length >= header.length - 1) {
      // Its wrapped lines are words of the header's cells; the next line that is not is the row running over.
      let j = i + 1;
      const part = (it: Item) => fold(header[columnAt(it.x, starts)] ?? '').includes(fold(it.str.trim()));
      while (j < lines.length && lines[j]!.page === line.page && !inFirst(lines[j]!, starts) && lines[j]!.items.every(part)) j++;
      i = j - 1;
      continue;
    }
    if (!onColumns(line, starts)) break;
    const first = line.items.filter((it) => columnAt(it.x, starts) === 0);
    // A section row written across the table from its first column: "I. HOÀN THIỆN THỂ CHẾ …".
    const across = text(line.items).match(SECTION_ACROSS);
    if (first.length > 0 && across && !ROW_NUMBER.test(text(first))) {
      rows.push(header.map((_, k) => (k === 0 ? across[1]! : across[2]!)));
      continue;
    }
    if (first.length > 0 && !ROW_NUMBER.test(text(first))) break;
    // A row number starts a row; any other line adds to the row above.
    if (first.length > 0 || rows.length === 0) rows.push(header.map(() => ''));
    const row = rows.at(-1)!;
    for (const it of line.items) {
      const c = columnAt(it.x, starts);
      row[c] = row[c] ? `${row[c]} ${it.str}` : it.str;
    }
  }
  // A section row (a Roman number and one cell of text) reads as Word's merged cell: its title in every column.
  for (const r of rows) {
    const filled = r.slice(1).filter(Boolean);
    if (/^[IVX]{1,4}\.?$/.test(r[0]!.trim()) && filled.length === 1) r.splice(1, r.length - 1, ...r.slice(1).map(() => filled[0]!));
    r[0] = r[0]!.replace(/\.$/, '');
  }
  const body = paragraphs(columnsFirst([...lines.slice(0, at), ...lines.slice(i)]));
  return rawPlanOf(
    body,
    header,
    rows.map((r) => r.map(clean)),
    source,
  );
}
