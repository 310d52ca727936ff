/**
 * User-facing text lives in locales/: code holds keys, vi.json the Vietnamese, en.json the English.
 * `t('agency.asLead', { n: 3 })` fills {n}; a missing key shows the key itself, never crashes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
export const LOCALES_DIR = path.join(ROOT, 'locales');

const catalogs = new Map<Lang, Record<string, string>>();

function catalog(lang: Lang): Record<string, string> {
  let c = catalogs.get(lang);
  if (!c) {
    c = JSON.parse(readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Record<string, string>;
    catalogs.set(lang, c);
  }
  return c;
}

export type Params = Record<string, string | number>;

/** A template cut at its placeholders once: literal, name, literal, name, … literal. */
const pieces = new Map<string, string[]>();

function piecesOf(template: string): string[] {
  let p = pieces.get(template);
  if (!p) pieces.set(template, (p = template.split(/\{(\w+)\}/)));
  return p;
}

export function t(key: string, params: Params = {}, lang: Lang = 'vi'): string {
  const template = catalog(lang)[key] ?? catalog('vi')[key] ?? key;
  const p = piecesOf(template);
  if (p.length === 1) return template;
  let out = p[0]!;
  for (let i = 1; i < p.length; i += 2) {
    const name = p[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + p[i + 1]!;
  }
  return out;
}

/** A translator bound to one language. */
export type T = (key: string, params?: Params) => string;
export const translator =
  (lang: Lang): T =>
  (key, params) =>
    t(key, params, lang);

/** Whether a language (or Vietnamese, its fallback) has this key. */
export function hasKey(key: string, lang: Lang = 'vi'): boolean {
  return key in catalog(lang) || key in catalog('vi');
}
