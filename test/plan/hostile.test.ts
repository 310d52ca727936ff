/**
 * Files made to hurt the importer (#23 item 1): each is refused with the code of the limit it breaks — the chat's
 * Vietnamese message names the limit — or imported within bounds; none ends in another error. Their time and memory
 * through `npm run import` are measured by hand (test/fixtures/hostile-files.ts writes them out), not here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n.ts';
import { IMPORT_ERROR_CODES } from '../../src/plan/import/errors.ts';
import { ImportError, importFile } from '../../src/plan/import/index.ts';
import { MAX_TASKS, MAX_XML_ELEMENTS } from '../../src/plan/import/limits.ts';
import { bombPdf, hostileFiles } from '../fixtures/hostile-files.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-11-29';
const files = hostileFiles();
const refusal = async (kind: string) => {
  const h = files[kind]!;
  const e = await importFile(h.file, h.bytes(), dir, {}, TODAY).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, kind).toBeInstanceOf(ImportError);
  const { code, params } = e as ImportError;
  return { code, params, vi: t(`import.error.${code}`, params) };
};

describe('hostile files', () => {
  it('a part that inflates past 100 MiB while its zip says 1 KB is refused while inflating', async () => {
    expect(await refusal('lying-zip')).toMatchObject({ code: 'too-big-unpacked', vi: 'Tệp khi giải nén nặng 100+ MB; bot chỉ đọc tệp giải nén đến 100 MB.' });
  });
  it('600,000 empty paragraphs are refused by the element count before they are parsed; 50,000 are read past', async () => {
    const r = await refusal('empty-paragraphs-600k');
    expect(r).toMatchObject({ code: 'too-many-elements', params: { max: MAX_XML_ELEMENTS } });
    expect(r.vi).toContain('hơn 500000');
    const h = files['empty-paragraphs-50k']!;
    const { plan } = await importFile(h.file, h.bytes(), dir, {}, TODAY);
    expect(plan.tasks.map((x) => [x.id, x.lead[0]?.agency])).toEqual([['I.1', 'so-tai-chinh']]);
  });
  it('elements nested 100,000 deep are refused by depth', async () => {
    expect(await refusal('deep-nesting')).toMatchObject({ code: 'too-deep', vi: expect.stringContaining('hơn 100 tầng') });
  });
  it('a DOCTYPE with an external entity, or entities that expand a billion times, is refused, in Word and in Excel', async () => {
    for (const kind of ['doctype-entity', 'entity-billion-laughs', 'xlsx-doctype'])
      expect(await refusal(kind), kind).toMatchObject({ code: 'xml-doctype', vi: expect.stringContaining('bot không đọc tệp này') });
  });
  it('30 rows numbered "-" get 30 valid, distinct ids', async () => {
    const h = files['dash-rows-30']!;
    const { plan, warnings } = await importFile(h.file, h.bytes(), dir, {}, TODAY);
    const ids = plan.tasks.map((x) => x.id);
    expect(new Set(ids).size).toBe(30);
    expect(ids.slice(0, 3)).toEqual(['I.0', 'I.0b', 'I.0c']);
    expect(ids.slice(25, 28)).toEqual(['I.0z', 'I.0ba', 'I.0bb']);
    expect(warnings.filter((w) => w.kind === 'repeatedNumber')).toHaveLength(29);
  });
  it('10,000 rows sharing one number import with distinct ids; 20,000 are refused by the row count', async () => {
    const h = files['shared-number-10k']!;
    const { plan } = await importFile(h.file, h.bytes(), dir, {}, TODAY);
    expect(plan.tasks).toHaveLength(MAX_TASKS);
    expect(new Set(plan.tasks.map((x) => x.id)).size).toBe(MAX_TASKS);
    expect(await refusal('shared-number-20k')).toMatchObject({
      code: 'too-many-rows',
      vi: 'Bảng nhiệm vụ có 20001 dòng; bot chỉ đọc bảng đến 20000 dòng.',
    });
  });
  it('a cell past 10,000 characters and a CSV of 30,000 rows are refused naming the limit', async () => {
    expect((await refusal('long-cell')).vi).toBe('Một ô ở dòng 2 của bảng nhiệm vụ dài 20000 ký tự; mỗi ô chỉ được đến 10000 ký tự.');
    expect(await refusal('many-rows-csv')).toMatchObject({ code: 'too-many-rows', params: { n: 30_002, max: 20_000 } });
  });
  it('a sheet with a cell at its last column (XFD) and 5,000 rows reads its table from the first 50 columns', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KH');
    ws.addRow(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành']);
    ws.getCell('XFD1').value = 'x';
    for (let k = 1; k <= 5000; k++) ws.addRow([String(k), `Việc ${k}`, 'Sở Tài chính', '', 'Năm 2026']);
    const { plan } = await importFile('xa.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), dir, {}, TODAY);
    expect(plan.tasks).toHaveLength(5000);
    expect(plan.tasks.at(-1)).toMatchObject({ id: 'NV.5000', lead: [{ agency: 'so-tai-chinh' }] });
  });
  it('a PDF of 5,000 pages is refused naming the page limit, not read in part', async () => {
    expect((await refusal('pdf-pages-5000')).vi).toBe('Tệp PDF có 5000 trang; bot chỉ đọc tệp đến 200 trang (gửi riêng phần kế hoạch và phụ lục nhiệm vụ).');
  });
  it('a PDF whose page inflates to 250 MiB (a compression bomb of 250 KB) is refused before the PDF library decodes it', async () => {
    const e = await importFile('bomb.pdf', await bombPdf(250), dir, {}, TODAY).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ImportError);
    const { code, params } = e as ImportError;
    expect(code).toBe('too-big-unpacked');
    expect(t(`import.error.${code}`, params)).toBe('Tệp khi giải nén nặng 100+ MB; bot chỉ đọc tệp giải nén đến 100 MB.');
  });
  it('a PDF whose page inflates to 20 MiB is read past the check (a blank page: no text)', async () => {
    const e = await importFile('blank.pdf', await bombPdf(20), dir, {}, TODAY).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as ImportError).code).toBe('pdf-no-text');
  });
  it('garbage named .docx or .pdf, or XML with a comment never closed, is a damaged file', async () => {
    expect((await refusal('garbage-docx')).code).toBe('damaged');
    expect((await refusal('unclosed-comment')).code).toBe('damaged');
    expect((await refusal('garbage-pdf')).code).toBe('not-pdf');
  });
  it('every refusal code has its text in the locales (vi and en have the same keys: test/locales.test.ts)', () => {
    for (const code of IMPORT_ERROR_CODES) {
      expect(t(`import.error.${code}`, {}, 'vi'), code).not.toBe(`import.error.${code}`);
      expect(t(`import.error.${code}`, {}, 'en'), code).not.toBe(`import.error.${code}`);
    }
  });
  it('npm run import says what the chat says, without a stack trace, and writes nothing', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    for (const kind of ['doctype-entity', 'garbage-docx']) {
      const file = path.join(tmp, files[kind]!.file);
      writeFileSync(file, files[kind]!.bytes());
      const out = path.join(tmp, 'out.json');
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../src/cli/import.ts'), file, '-o', out], {
        encoding: 'utf8',
      });
      expect(r.status, kind).toBe(2);
      expect(r.stderr).toContain(kind === 'garbage-docx' ? 'Tệp bị hỏng, không mở được.' : 'bot không đọc tệp này');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });
});
