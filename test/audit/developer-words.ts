/**
 * What a Vietnamese chat reply must never carry: an npm command, a command-line flag, a file path (or an
 * environment variable's name), an English word. Words are judged by their shape: a Vietnamese syllable, written
 * with or without its marks, is an initial consonant, one to three vowels and a final from a short list; an English
 * word seldom is ("file", "title", "report", "push"). Acronyms (UBND, KH, CNTT) and a few proper names pass.
 */
import { fold } from '../../src/text/fold.ts';

/** Proper names and foreign words Vietnamese offices use as they are. */
export const ALLOWED = new Set(['telegram', 'zalo', 'excel', 'word', 'pdf', 'web', 'unicode', 'unikey']);

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
const FINAL = '(?:ng|nh|ch|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${INITIAL}[aeiouy]{1,3}${FINAL}$`);

/** A word, folded (no marks, đ → d, lower case), that can be a Vietnamese syllable. */
export const vietnameseShape = (word: string) => SYLLABLE.test(fold(word).replace(/đ/g, 'd'));

export interface Finding {
  kind: 'npm' | 'flag' | 'path' | 'env' | 'english';
  text: string;
}

/** Everything in the text a Vietnamese user should not be shown. */
export function developerWords(text: string): Finding[] {
  const out: Finding[] = [];
  // Placeholders are filled by the code ({file}, {url}); a chat command (/viec, /thongbao tat) is what users type.
  const plain = text.replace(/\{\w+\}/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  for (const m of plain.matchAll(/\b(npm|npx|node|tsx|vitest)\b(\s+(run\s+)?[\w:-]+)?/gi)) out.push({ kind: 'npm', text: m[0] });
  for (const m of plain.matchAll(/(?:^|[\s(“"'`])(--?[a-z][\w-]*)/gi)) out.push({ kind: 'flag', text: m[1]! });
  for (const m of plain.matchAll(
    /(?:^|[\s(“"'`])((?:(?:~|\.{1,2})?\/)?(?:[\w-][\w.-]*\/)+[\w.-]*\.[a-z]{1,5}|(?:\.{0,2}\/)?(?:src|data|test|locales|deploy|node_modules|bench|tmp|etc|var)\/[\w./-]*)/gi,
  ))
    out.push({ kind: 'path', text: m[1]! });
  for (const m of plain.matchAll(/\b[\w-]+\.(?:json|jsonl|ts|mjs|js|env|sh|log|yml|yaml)\b/gi)) out.push({ kind: 'path', text: m[0] });
  for (const m of plain.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)) out.push({ kind: 'env', text: m[0] });
  const words = plain
    // Commands with the words typed after them (/kehoach luutru 4561) and file types are not words.
    .replace(/(?:^|\s)\/[a-z]+(?: [a-z]+\b)*/g, ' ')
    .replace(/\.(?:docx|xlsx|pdf|csv|tsv|txt|png|jpg|doc|xls)\b/gi, ' ')
    .match(/\p{L}+/gu);
  for (const w of words ?? []) {
    // Acronyms (UBND, KH, CNTT, HĐND), one letter (a list's "a)"), Vietnamese syllables, proper names pass.
    if (w.length < 2 || (w === w.toUpperCase() && w.length <= 8) || vietnameseShape(w) || ALLOWED.has(w.toLowerCase())) continue;
    out.push({ kind: 'english', text: w });
  }
  return out;
}
