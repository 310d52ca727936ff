/** Import a plan file of either layout: text (the document's table, one cell a line) or CSV/TSV. */
import type { Directory } from '../agencies.ts';
import { type RawPlan, buildPlan } from './build.ts';
import { parseCsvPlan } from './csv.ts';
import { parseTextPlan } from './text.ts';

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

export { ImportError, type Warning } from './build.ts';
