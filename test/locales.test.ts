import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../src/i18n.ts';

const load = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Record<string, string>;

describe('locales', () => {
  it('Vietnamese and English have the same keys and the same placeholders', () => {
    const vi = load('vi');
    const en = load('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(vi)) expect(holes(en[k]!), k).toEqual(holes(vi[k]!));
  });
  it('every key the code uses exists', () => {
    const vi = load('vi');
    const src = path.resolve(LOCALES_DIR, '../src');
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(path.join(src, f), 'utf8').matchAll(/\bt\('([a-z][\w.]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(20);
    for (const k of used) expect(vi, k).toHaveProperty([k]);
  });
  it('a text that tells the user to press something has a wording for messengers without buttons, which does not', () => {
    for (const lang of ['vi', 'en']) {
      const c = load(lang);
      const press = lang === 'vi' ? /bấm|nhấn/i : /\bpress|\btap\b/i;
      for (const [key, text] of Object.entries(c)) {
        if (key.endsWith('@menu') || key.startsWith('telegram.') || key.startsWith('console.') || !press.test(text)) continue;
        expect(c, `${lang} ${key}`).toHaveProperty([`${key}@menu`]);
        expect(c[`${key}@menu`], `${lang} ${key}@menu`).not.toMatch(press);
      }
    }
  });
});
