/**
 * Vietnamese text normalization, applied identically to plan data and to questions.
 *
 * `fold` turns any spelling of a phrase (NFC or NFD, old or new tone placement, with or without diacritics,
 * Đ or its look-alike Ð) into one lower-case ASCII form; `tokenize` splits that form into words, keeping `&`
 * inside abbreviations (tt&tt) and `/` inside references (4561/kh-ubnd, iv/2018).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_LOOKALIKES = /[đĐðÐ]/g;

/** NFC, then lower case: the form to show and to store. */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A word's spelling with its marks, wherever its tone mark is placed: the letters with their hats and hooks, then the
 * tone ("hoà" and "hòa" alike; "mục" and "mức" not). Lower case.
 */
export function markSignature(word: string): string {
  const nfd = word.normalize('NFD').toLowerCase();
  const tone = nfd.match(TONE_MARKS)?.[0] ?? '';
  return `${nfd.replace(TONE_MARKS, '').normalize('NFC')}|${tone}`;
}

/** Lower-case, diacritic-free, đ→d. Old and new tone placement fold to the same string. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(D_LOOKALIKES, 'd').toLowerCase();
}

/**
 * Words of a folded string. Punctuation separates words, except `&` between letters (tt&tt), `/` between
 * alphanumerics (iv/2018), and `.` between digits (15.10). A lone `&` reads as "và".
 */
export function tokenize(folded: string): string[] {
  const spaced = folded
    .replace(/\b([a-z]{1,3})\s*&\s*([a-z]{1,3})\b/g, '$1\u0001$2')
    .replace(/&/g, ' va ')
    .replace(/\u0001/g, '&')
    .replace(/(\d)\.(\d)/g, '$1\u0002$2')
    .replace(/[^a-z0-9&/\u0002]+/g, ' ')
    .replace(/\u0002/g, '.');
  const out: string[] = [];
  for (const raw of spaced.split(' ')) {
    const word = raw.replace(/^\/+|\/+$/g, '');
    if (word) out.push(word);
  }
  return out;
}

/**
 * Words of an original cell or question, with separators kept as tokens ("," ";" "(" ")"), for the agency
 * scanner, which needs to know whether two names were separated.
 */
export function tokenizeWithSeparators(folded: string): string[] {
  const out: string[] = [];
  for (const part of folded.replace(/\.(\s|$)/g, ',$1').split(/([,;()])/)) {
    if (part === ',' || part === ';' || part === '(' || part === ')') out.push(part);
    else out.push(...tokenize(part));
  }
  return out;
}
