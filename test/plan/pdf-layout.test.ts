/**
 * PDF pages as printers lay them out (#22): the layouts' plan with its body in two columns and its appendix on
 * landscape pages printed rotated (portrait pages whose content is drawn a quarter turn and shown upright by
 * /Rotate 90), printed from Word by LibreOffice (test/fixtures/columns-rotated.ts), reads as its Word file: the body
 * column by column, the table from the turned pages, task by task.
 */
import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/plan/import/index.ts';
import { COLUMNS_ROTATED_PDF, columnsPlanDocx, PURPOSES } from '../fixtures/columns-rotated.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-11-29';

describe('a PDF with a two-column body and a rotated appendix', async () => {
  const bytes = readFileSync(COLUMNS_ROTATED_PDF);
  it('is laid out so: page 1 has lines of both columns on one baseline, page 2 is portrait, turned by /Rotate 90, its text running up the page', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const first = (await (await pdf.getPage(1)).getTextContent()).items.filter((i) => 'str' in i && i.str.trim()) as { str: string; transform: number[] }[];
    const at = (start: string) => first.find((i) => i.str.startsWith(start))!.transform;
    // "I. MỤC ĐÍCH" heads the left column; the right column's first line stands on the same baseline.
    const rightFirst = first.find((i) => i.transform[4]! > 300 && Math.abs(i.transform[5]! - at('I. MỤC ĐÍCH')[5]!) < 2);
    expect(rightFirst?.str).toMatch(/^người, rõ việc/);
    const second = await pdf.getPage(2);
    expect(second.rotate).toBe(90);
    expect(second.view[2]! < second.view[3]!).toBe(true);
    const items = (await second.getTextContent()).items.filter((i) => 'str' in i && i.str.trim()) as { transform: number[] }[];
    expect(items.every((i) => i.transform[0] === 0 && i.transform[1]! > 0)).toBe(true);
  });
  const fromPdf = (await importFile('kh-310.pdf', bytes, dir, {}, TODAY)).plan;
  const fromWord = (await importFile('kh-310.docx', await columnsPlanDocx(), dir, {}, TODAY)).plan;
  it('reads every task of the rotated pages as the Word file has it', () => {
    expect(fromPdf.tasks).toHaveLength(6);
    for (const t of fromWord.tasks) {
      const p = fromPdf.tasks.find((x) => x.id === t.id);
      expect(p && [p.section, p.content, p.lead, p.coordinate, p.deadline], t.id).toEqual([t.section, t.content, t.lead, t.coordinate, t.deadline]);
    }
  });
  it('reads the two-column body column by column: each paragraph whole, in order', () => {
    expect(fromPdf.document?.parts[0]?.items).toEqual(PURPOSES);
    expect(fromPdf.assignments.map((a) => a.text)).toEqual(fromWord.assignments.map((a) => a.text));
    expect(fromPdf.document?.signer).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
  });
  it('is the same plan as the Word file', () => {
    expect({ ...fromPdf, source: '' }).toEqual({ ...fromWord, source: '' });
  });
});
