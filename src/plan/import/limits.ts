/**
 * What an imported file may hold, checked before the work that would cost more than the limit allows: a file sent
 * by anyone must end fast with a message naming the limit, never take the process down. Each limit is documented in
 * the README (npm run import) and refused with its own code (locales: import.error.<code>).
 *
 * - bytes of the file, then (Word and Excel) the parts of the zip and what they unpack to: read from the zip's
 *   directory first, then counted again while inflating, since a directory may lie;
 * - every XML part scanned before it is parsed: elements (all parts together), nesting depth, and no DOCTYPE or
 *   entity declaration (Office files never have one; a parser would expand or fetch it);
 * - a PDF's Flate streams inflated and counted against the same unpacked limit before the PDF library reads it
 *   (pdf-streams.ts), then its pages and pieces of text;
 * - then rows of the task table, tasks of the plan and characters of a cell.
 */
import type JSZip from 'jszip';
import { ImportError } from './errors.ts';

/** Largest file imported; a plan's Word file is some hundred kilobytes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** What a Word or Excel file may unpack to, all its parts together (a PDF: all its compressed streams), and how many parts it may have. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;
/** XML elements of all the parts read together; a plan of 650 tasks written by Word has some 300,000. */
export const MAX_XML_ELEMENTS = 500_000;
/** Elements inside each other; Word's deepest (a table in a text box in a table) is some 40. */
export const MAX_XML_DEPTH = 100;
/** Pages of a PDF, and the pieces of text read from them all. */
export const MAX_PDF_PAGES = 200;
export const MAX_PDF_ITEMS = 200_000;
/** Columns read of a table row (a plan's table has some ten; a stray cell far right in a sheet is not read). */
export const MAX_TABLE_COLUMNS = 50;
/** Rows of the task table (section, note and repeated header rows included). */
export const MAX_TABLE_ROWS = 20_000;
/** Tasks of one plan (the bot is measured serving a plan of 10,000: npm run bench). */
export const MAX_TASKS = 10_000;
/** Characters of one cell of the task table. */
export const MAX_CELL_CHARS = 10_000;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

/** Where `mark` ends (its last byte), or -1 when it never comes. */
function closing(buf: Buffer, mark: string, from: number): number {
  const at = buf.indexOf(mark, from);
  return at < 0 ? -1 : at + mark.length - 1;
}

/** The elements seen so far over the parts of one file: the element limit is for the file, not each part. */
export interface XmlBudget {
  elements: number;
}

/**
 * Count the elements of an XML part and their depth without building anything, refusing past the limits, and
 * refuse a DOCTYPE or any other declaration. Bytes, not characters: UTF-8 never puts '<', '>' or quotes inside a
 * multi-byte character.
 */
export function scanXml(xml: Uint8Array, part: string, budget: XmlBudget): void {
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  let depth = 0;
  let at = buf.indexOf(LT);
  while (at >= 0) {
    const next = buf[at + 1];
    let end: number;
    if (next === SLASH) {
      depth--;
      end = buf.indexOf(GT, at);
    } else if (next === QUESTION) end = closing(buf, '?>', at);
    else if (next === BANG) {
      if (buf.subarray(at, at + 4).toString('latin1') === '<!--') end = closing(buf, '-->', at + 4);
      else if (buf.subarray(at, at + 9).toString('latin1') === '<![CDATA[') end = closing(buf, ']]>', at + 9);
      else throw new ImportError(`${part} holds a DOCTYPE or entity declaration, which Word and Excel files never have: the file is not read`, 'xml-doctype');
    } else {
      if (++budget.elements > MAX_XML_ELEMENTS)
        throw new ImportError(`the file holds over ${MAX_XML_ELEMENTS} XML elements; at most ${MAX_XML_ELEMENTS} are read`, 'too-many-elements', {
          max: MAX_XML_ELEMENTS,
        });
      // The tag's end, past any '>' inside a quoted attribute value.
      let i = at + 1;
      let quote = 0;
      for (; i < buf.length; i++) {
        const c = buf[i]!;
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === GT) break;
      }
      end = i < buf.length ? i : -1;
      if (end > 0 && buf[end - 1] !== SLASH && ++depth > MAX_XML_DEPTH)
        throw new ImportError(`${part} nests elements over ${MAX_XML_DEPTH} deep; at most ${MAX_XML_DEPTH} are read`, 'too-deep', {
          max: MAX_XML_DEPTH,
        });
    }
    // An unclosed tag, comment or declaration: the parser will call the part damaged.
    if (end < 0) return;
    at = buf.indexOf(LT, end + 1);
  }
}

/** Inflated bytes so far over the parts of one file. */
export interface ZipBudget {
  bytes: number;
}

const tooBigUnpacked = (kind: string, bytes: number) =>
  new ImportError(
    `the ${kind} file unpacks to over ${MAX_UNPACKED_BYTES / 2 ** 20} MiB; at most ${MAX_UNPACKED_BYTES / 2 ** 20} MiB is read`,
    'too-big-unpacked',
    {
      size: `${(bytes / 2 ** 20).toFixed(0)}+`,
      max: MAX_UNPACKED_BYTES / 2 ** 20,
    },
  );

/**
 * A part's bytes, inflated a chunk at a time and given up once all parts read exceed the unpacked limit (the size a
 * zip's directory declares is not trusted: a part may inflate to far more).
 */
export function readPart(file: JSZip.JSZipObject, kind: string, budget: ZipBudget): Promise<Uint8Array> {
  // JSZip's own stream (its Node stream is of an old kind): chunks as they are inflated, paused once over the limit.
  const helper = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let done = false;
    helper
      .on('data', (chunk) => {
        if (done) return;
        budget.bytes += chunk.length;
        if (budget.bytes > MAX_UNPACKED_BYTES) {
          done = true;
          helper.pause();
          reject(tooBigUnpacked(kind, budget.bytes));
        } else chunks.push(chunk);
      })
      .on('error', (e) => {
        if (done) return;
        done = true;
        reject(new ImportError(`the ${kind} file is damaged and cannot be opened (${e.message})`, 'damaged'));
      })
      .on('end', () => {
        if (done) return;
        done = true;
        resolve(Buffer.concat(chunks));
      })
      .resume();
  });
}

/** The XML parts a library reads: by their names. */
export const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** Every part of the zip inflated within the budget, and every XML part scanned: before a library reads them all. */
export async function checkParts(zip: JSZip, kind: string): Promise<void> {
  const bytes: ZipBudget = { bytes: 0 };
  const xml: XmlBudget = { elements: 0 };
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const data = await readPart(file, kind, bytes);
    if (isXmlPart(file.name)) scanXml(data, file.name, xml);
  }
}

export const tooManyRows = (n: number) =>
  new ImportError(`the task table has ${n} rows; at most ${MAX_TABLE_ROWS} are read`, 'too-many-rows', { n, max: MAX_TABLE_ROWS });

/** A task table within the row limit, each cell within the cell limit (rows counted from 1 below the header). */
export function checkTable(rows: readonly (readonly string[])[]): void {
  if (rows.length > MAX_TABLE_ROWS) throw tooManyRows(rows.length);
  rows.forEach((cells, i) => {
    const long = cells.find((c) => c.length > MAX_CELL_CHARS);
    if (long !== undefined)
      throw new ImportError(`row ${i + 1} of the task table has a cell of ${long.length} characters; at most ${MAX_CELL_CHARS} are read`, 'cell-too-long', {
        row: i + 1,
        n: long.length,
        max: MAX_CELL_CHARS,
      });
  });
}

/** A plan within the task limit. */
export function checkTasks(n: number): void {
  if (n > MAX_TASKS) throw new ImportError(`the plan has ${n} tasks; at most ${MAX_TASKS} are imported`, 'too-many-tasks', { n, max: MAX_TASKS });
}
