/**
 * Plans sent as PDF printed from Word (the fixtures are the corpus plans' .docx files printed to PDF by LibreOffice:
 * soffice --headless --convert-to pdf): read back task by task, they are the same plan as the Word file.
 */
import { blankPdf } from '../fixtures/hostile-files.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../src/plan/import/index.ts';
import { dir } from '../helpers.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/corpus-plans');
const read = (name: string) => readFileSync(path.join(FIXTURES, name));

describe('a plan sent as PDF', () => {
  for (const [pdf, docx, tasks] of [
    ['chuyen-doi-so-2024.pdf', 'chuyen-doi-so-2024.docx', 22],
    ['giao-duc-2025.pdf', 'giao-duc-2025.docx', 22],
  ] as const) {
    it(`${pdf}: the same plan as its Word file, task by task (a row running over a page, the header repeated)`, async () => {
      const fromPdf = (await importFile(pdf, read(pdf), dir)).plan;
      const fromWord = (await importFile(docx, read(docx), dir)).plan;
      expect(fromPdf.tasks).toHaveLength(tasks);
      for (const t of fromWord.tasks) {
        const p = fromPdf.tasks.find((x) => x.id === t.id);
        expect(p && [p.section, p.content, p.lead, p.coordinate, p.deadline], t.id).toEqual([t.section, t.content, t.lead, t.coordinate, t.deadline]);
      }
      expect({ ...fromPdf, source: '' }).toEqual({ ...fromWord, source: '' });
    });
  }
  it('a PDF without text (a scan) is refused with what to send instead; a file that is no PDF is named so', async () => {
    const scan = await importFile('scan.pdf', blankPdf(1), dir).catch((e: unknown) => e);
    expect(scan).toBeInstanceOf(ImportError);
    expect((scan as ImportError).code).toBe('pdf-no-text');
    const junk = await importFile('plan.pdf', Buffer.from('not a pdf at all'), dir).catch((e: unknown) => e);
    expect((junk as ImportError).code).toBe('not-pdf');
  });
  it('an admin sends the PDF in the chat: the same preview as for Word, then 📢 Công bố puts it live', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { ADMIN, harness } = await import('../core/harness.ts');
    const h = await harness({ plansDir: mkdtempSync(path.join(tmpdir(), 'plans-pdf-')), start: '2024-05-01T03:00:00Z' });
    const bytes = read('chuyen-doi-so-2024.pdf');
    const preview = await h.core.onDocument(h.user(ADMIN), { filename: 'KH-215.pdf', size: bytes.length, read: async () => bytes });
    expect(h.text(preview)).toContain('215/KH-UBND ngày 15/03/2024');
    expect(h.text(preview)).toContain('Nhiệm vụ: 22');
    const publish = h.actions(preview).find((a) => a.startsWith('pp:'))!;
    expect(h.text(await h.press(ADMIN, publish))).toContain('Đã công bố KH 215/KH-UBND');
    expect(h.deps.plans.byId('215/KH-UBND')?.plan.tasks).toHaveLength(22);
  });
  it('the signer from the signature block (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / the name), in Word and in PDF', async () => {
    for (const name of ['giao-duc-2025.docx', 'giao-duc-2025.pdf'])
      expect((await importFile(name, read(name), dir)).plan.document?.signer, name).toEqual({
        title: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH',
        name: 'Huỳnh Thị Kim Loan',
      });
  });
});
