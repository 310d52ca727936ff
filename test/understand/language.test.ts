/** The language data files: validated when loaded, phrases folded as questions are. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, DataFileError } from '../../src/plan/load.ts';
import { loadEnglish, loadLanguage } from '../../src/understand/language.ts';

const vi = () => JSON.parse(readFileSync(path.join(DATA_DIR, 'language', 'vi.json'), 'utf8'));
const write = (data: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lang-')), 'vi.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
};

describe('language data', () => {
  it('the bundled files load; cue phrases are canonical words whatever their spelling', () => {
    const lang = loadLanguage();
    expect(lang.cues.lead).toContain('ai chu tri');
    expect(loadEnglish().glossary.length).toBeGreaterThan(50);
    const data = vi();
    data.cues.lead.push('Ai Chịu Trách Nhiệm Chính');
    expect(loadLanguage(write(data)).cues.lead).toContain('ai chiu trach nhiem chinh');
  });
  it('a broken file is refused with where and what', () => {
    const data = vi();
    data.cues.lead = 'ai chu tri';
    expect(() => loadLanguage(write(data))).toThrow(DataFileError);
    expect(() => loadLanguage(write(data))).toThrow(/cues\.lead/);
    const unknown = vi();
    unknown.cues.leed = [];
    expect(() => loadLanguage(write(unknown))).toThrow(/leed/);
  });
});

describe("a plan's own agencies", () => {
  it('a party the directory does not know is askable by the names people type', async () => {
    const { aliasesOf } = await import('../../src/plan/agencies.ts');
    expect(aliasesOf('VNPT Bến Tre')).toEqual(['VNPT Bến Tre', 'VNPT']);
    expect(aliasesOf('Đài Phát thanh và Truyền hình tỉnh')).toContain('Đài PTTH');
    expect(aliasesOf('Hiệp hội Doanh nghiệp tỉnh')).toContain('Hiệp hội DN');
    // As people say them: without "và", and "Hội Phụ nữ" for "Hội Liên hiệp Phụ nữ".
    expect(aliasesOf('Đài Phát thanh và Truyền hình tỉnh')).toContain('Đài Phát thanh Truyền hình');
    expect(aliasesOf('Hội Liên hiệp Phụ nữ tỉnh')).toEqual(expect.arrayContaining(['Hội Phụ nữ tỉnh', 'Hội Phụ nữ']));
    const { Engine } = await import('../../src/answer/engine.ts');
    const { loadDirectory, loadPlan } = await import('../../src/plan/load.ts');
    const plan = loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/215-KH-UBND-2024.json'));
    const engine = new Engine(plan, loadDirectory());
    const r = engine.ask('vnpt phai lam gi', { today: '2024-05-01' });
    expect(r.intent).toBe('agency');
    expect(r.text.split('\n')[0]).toContain('VNPT Bến Tre');
    expect(r.tasks.length).toBeGreaterThan(0);
    expect(engine.ask('Hiệp hội DN có phối hợp việc gì không', { today: '2024-05-01' }).text).toMatch(/^Có\./);
  });
});
