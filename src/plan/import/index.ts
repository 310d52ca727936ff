/**
 * Import a plan file: a Word document (.docx), an Excel workbook (.xlsx), the text layout (the document's table,
 * one cell a line) or CSV/TSV.
 */
import { parsePdfPlan } from './pdf.ts';
import { type Directory, planAgencies } from '../agencies.ts';
import type { Party, Plan } from '../schema.ts';
import { type RawPlan, buildPlan } from './build.ts';
import { parseCsvPlan } from './csv.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { parseDocxPlan, parseXlsxPlan } from './office.ts';
import { parseTextPlan } from './text.ts';
import { ImportError } from './build.ts';

export type Meta = Pick<RawPlan, 'number' | 'date' | 'issuer' | 'title' | 'source'>;

/** CSV/TSV when the name says so or the first line is a delimited header; else the text layout. */
export function detectFormat(name: string, text: string): 'csv' | 'text' {
  if (/\.(csv|tsv)$/i.test(name)) return 'csv';
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return /^"?stt"?[,;\t]/i.test(first.trim()) ? 'csv' : 'text';
}

export function importPlan(name: string, text: string, dir: Directory, meta: Meta = {}) {
  const format = detectFormat(name, text);
  const raw = format === 'csv' ? parseCsvPlan(text) : parseTextPlan(text);
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  return { format, ...buildPlan({ ...raw, ...defined }, dir) };
}

const tooBig = (size: number) =>
  new ImportError(`the file is ${(size / 2 ** 20).toFixed(1)} MiB; at most ${MAX_IMPORT_BYTES / 2 ** 20} MiB is imported`, 'too-big', {
    size: (size / 2 ** 20).toFixed(1),
    max: MAX_IMPORT_BYTES / 2 ** 20,
  });

/**
 * Any supported file, by its name: Word and Excel read from bytes, the others as UTF-8 text. Whatever the file holds,
 * what cannot be read ends as an ImportError (a library's own error is the file being damaged), never another throw.
 */
export async function importFile(name: string, bytes: Buffer, dir: Directory, meta: Meta = {}, today?: string) {
  try {
    return await readFile(name, bytes, dir, meta, today);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`the file cannot be read (${e instanceof Error ? e.message : String(e)})`, 'damaged');
  }
}

async function readFile(name: string, bytes: Buffer, dir: Directory, meta: Meta, today?: string) {
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  const opts = today ? { today } : {};
  if (/\.docx$/i.test(name)) return { format: 'docx' as const, ...buildPlan({ ...(await parseDocxPlan(bytes, meta.source)), ...defined }, dir, opts) };
  if (/\.xlsx$/i.test(name)) return { format: 'xlsx' as const, ...buildPlan({ ...(await parseXlsxPlan(bytes, meta.source)), ...defined }, dir, opts) };
  if (/\.pdf$/i.test(name)) {
    if (bytes.length > MAX_IMPORT_BYTES) throw tooBig(bytes.length);
    return { format: 'pdf' as const, ...buildPlan({ ...(await parsePdfPlan(bytes, meta.source)), ...defined }, dir, opts) };
  }
  if (/\.(doc|xls)$/i.test(name)) throw new ImportError('old Word/Excel format (.doc/.xls): save the file as .docx or .xlsx first', 'old-format');
  if (bytes.length > MAX_IMPORT_BYTES) throw tooBig(bytes.length);
  const text = bytes.toString('utf8');
  const format = detectFormat(name, text);
  const raw = format === 'csv' ? parseCsvPlan(text) : parseTextPlan(text);
  return { format, ...buildPlan({ ...raw, ...defined }, dir, opts) };
}

/**
 * The agencies an import creates: parties of the task table and of the "Tổ chức thực hiện" paragraphs the directory
 * does not know, which the plan serves as its own agencies (planAgencies) — each with the tasks and the paragraphs
 * naming it, for an admin to check before publishing.
 */
export function createdAgencies(plan: Plan): { name: string; tasks: string[]; paragraphs: string[] }[] {
  const made = planAgencies([...plan.tasks, ...plan.assignments].flatMap((t) => [...t.lead, ...t.coordinate]));
  const names = new Set(made.map((a) => a.name));
  const tasks = naming(plan.tasks, names, (t) => t.id);
  const paragraphs = naming(plan.assignments, names, (a) => a.number);
  return made.map((a) => ({ name: a.name, tasks: tasks.get(a.name) ?? [], paragraphs: paragraphs.get(a.name) ?? [] }));
}

/** Which of `list` (tasks or paragraphs) name each of `names`, by `key`. */
function naming<T extends { lead: Party[]; coordinate: Party[] }>(list: readonly T[], names: ReadonlySet<string>, key: (x: T) => string) {
  const by = new Map<string, string[]>();
  for (const x of list)
    for (const p of new Set([...x.lead, ...x.coordinate].filter((y) => !y.agency && names.has(y.name)).map((y) => y.name))) {
      const ids = by.get(p) ?? [];
      ids.push(key(x));
      by.set(p, ids);
    }
  return by;
}

/** "II.1, II.2, II.4" — at most `max` ids, then "…". */
export const idList = (ids: readonly string[], max = 6) => (ids.length > max ? `${ids.slice(0, max).join(', ')}…` : ids.join(', '));

export { describeWarning, ImportError, type Warning } from './build.ts';
