/**
 * The desk page's one style sheet and fonts, served by the bot itself (no third-party assets): Noto Sans from its npm
 * package (every Vietnamese glyph), laid out for a phone first, a desk screen, and A4 paper (print rules).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONTS: Record<string, string> = {
  'noto-400.ttf': require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  'noto-700.ttf': require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

const fontCache = new Map<string, Buffer>();

/** A shipped font's bytes by its file name, or undefined. */
export function fontFile(name: string): Buffer | undefined {
  const file = FONTS[name];
  if (!file) return undefined;
  let bytes = fontCache.get(name);
  if (!bytes) fontCache.set(name, (bytes = readFileSync(file)));
  return bytes;
}

export const CSS = `${Array.from({ length: 101 }, (_, i) => `.bar span.w${i} { width: ${i}%; }`).join('\n')}
@font-face { font-family: "Noto Sans"; font-weight: 400; src: url("noto-400.ttf") format("truetype"); }
@font-face { font-family: "Noto Sans"; font-weight: 700; src: url("noto-700.ttf") format("truetype"); }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: "Noto Sans", sans-serif; font-size: 16px; line-height: 1.45; color: #1a1a1a; background: #f4f6f8; }
header.top { background: #7f1d1d; color: #fff; padding: 10px 16px; }
header.top a { color: #fff; }
header.top .brand { font-weight: 700; margin: 0; }
header.top .who { margin: 2px 0 0; font-size: 14px; opacity: .9; }
main { max-width: 1180px; margin: 0 auto; padding: 12px; }
h1 { font-size: 22px; margin: 8px 0; overflow-wrap: break-word; }
h2 { font-size: 18px; margin: 20px 0 8px; }
p, li, td, th { overflow-wrap: break-word; }
.muted { color: #555; font-size: 14px; }
.card { background: #fff; border: 1px solid #d9dee3; border-radius: 6px; padding: 12px; margin: 10px 0; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
th, td { border: 1px solid #d9dee3; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #e8eef4; }
td.n, th.n { text-align: right; } td.n { white-space: nowrap; }
tr.total td { font-weight: 700; background: #f0f3f6; }
.s-done_on_time { color: #1b5e20; } .s-done_late { color: #558b2f; } .s-in_progress { color: #37474f; } .s-overdue { color: #b71c1c; font-weight: 700; }
.bar { display: flex; height: 10px; background: #eceff1; border-radius: 3px; overflow: hidden; min-width: 60px; }
.bar span { display: block; height: 100%; }
.b-done_on_time { background: #2e7d32; } .b-done_late { background: #9ccc65; } .b-in_progress { background: #90a4ae; } .b-overdue { background: #d32f2f; }
ul.tasks { list-style: none; padding: 0; margin: 0; }
ul.tasks li { background: #fff; border: 1px solid #d9dee3; border-radius: 6px; padding: 8px 10px; margin: 6px 0; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
form.filters label { display: flex; flex-direction: column; font-size: 14px; flex: 1 1 140px; min-width: 0; }
form.filters select, form.filters button { font: inherit; padding: 6px; max-width: 100%; }
a.button, form.filters button { display: inline-block; background: #1565c0; color: #fff; border: 0; border-radius: 4px; padding: 8px 12px; text-decoration: none; }
dl.facts { display: grid; grid-template-columns: minmax(90px, max-content) 1fr; gap: 4px 12px; margin: 0; }
dl.facts dt { font-weight: 700; } dl.facts dd { margin: 0; overflow-wrap: break-word; min-width: 0; }
ol.history { margin: 0; padding-left: 1.4em; } ol.history li { margin: 2px 0 6px; overflow-wrap: anywhere; } ol.history li.undone { color: #555; }
ul.evidence { margin: 0; padding-left: 1.2em; } ul.evidence li { overflow-wrap: anywhere; }
footer { max-width: 1180px; margin: 0 auto; padding: 12px; color: #555; font-size: 13px; }
@media (max-width: 600px) {
  /* A phone shows agency, parts, overdue and % done; the other counts are in the report and on a wider screen. */
  table.matrix th:nth-child(3), table.matrix td:nth-child(3), table.matrix th:nth-child(4), table.matrix td:nth-child(4),
  table.matrix th:nth-child(5), table.matrix td:nth-child(5), table.matrix th:nth-child(8), table.matrix td:nth-child(8) { display: none; }
  table.plans th:nth-child(5), table.plans td:nth-child(5) { display: none; }
  th, td { padding: 5px; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  header.top { background: none; color: #000; border-bottom: 1px solid #000; padding: 0 0 4px; }
  header.top a { color: #000; text-decoration: none; }
  form.filters, a.button, .noprint { display: none !important; }
  main { max-width: none; padding: 0; }
  .card, ul.tasks li { border: 0; padding: 0; break-inside: avoid; }
  table { font-size: 9.5pt; } tr { break-inside: avoid; } thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  a { color: #000; text-decoration: none; }
}
`;
