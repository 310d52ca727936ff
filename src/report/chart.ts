/**
 * A picture of progress: one horizontal bar per agency, stacked by status (done on time, done late, in progress,
 * overdue), agencies furthest behind first. Drawn as SVG and rendered to PNG on the server by resvg, with Noto Sans
 * from its npm package (every Vietnamese glyph; the system's fonts are never used), large enough to read on a phone.
 * Where a picture cannot be sent (Zalo without a public address), the same data as text bars.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { T } from '../i18n.ts';
import type { Status } from '../plan/status.ts';
import { formatDate } from '../plan/deadline.ts';
import { type AgencyRow, agencyRows, partsOf, type ReportDeps, STATUSES } from './summary.ts';

const require = createRequire(import.meta.url);
const FONTS = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

export const COLORS: Record<Status, string> = { done_on_time: '#2e7d32', done_late: '#9ccc65', in_progress: '#90a4ae', overdue: '#d32f2f' };

/** Agencies drawn at most: the rest are counted in a last line. */
export const MAX_ROWS = 25;

const WIDTH = 1080;
const LABEL_W = 330;
const BAR_W = 440;
const ROW_H = 46;
const TOP = 176;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface ChartData {
  title: string;
  subtitle: string;
  rows: readonly AgencyRow[];
}

/** What the chart shows, as data: the rows drawn (label and counts per status) and how many more agencies there are. */
export function chartRows(rows: readonly AgencyRow[]): { drawn: { label: string; counts: number[]; total: number }[]; more: number } {
  const drawn = rows.slice(0, MAX_ROWS).map((r) => ({ label: r.label, counts: STATUSES.map((s) => r.c[s]), total: r.total }));
  return { drawn, more: Math.max(0, rows.length - MAX_ROWS) };
}

export function chartSvg(data: ChartData, t: T): string {
  const { drawn, more } = chartRows(data.rows);
  const height = TOP + drawn.length * ROW_H + (more > 0 ? ROW_H : 0) + 30;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Noto Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="24" y="44" font-size="30" font-weight="bold" fill="#111">${esc(cut(data.title, 60))}</text>`,
    `<text x="24" y="80" font-size="22" fill="#444">${esc(cut(data.subtitle, 80))}</text>`,
  ];
  // Legend: two by two.
  STATUSES.forEach((s, i) => {
    const x = 24 + (i % 2) * 520;
    const y = 98 + Math.floor(i / 2) * 32;
    out.push(
      `<rect x="${x}" y="${y}" width="22" height="22" fill="${COLORS[s]}"/>`,
      `<text x="${x + 30}" y="${y + 19}" font-size="20" fill="#222">${esc(t(`status.${s}`))}</text>`,
    );
  });
  drawn.forEach((r, i) => {
    const y = TOP + i * ROW_H;
    out.push(`<text x="${LABEL_W - 12}" y="${y + 29}" font-size="21" text-anchor="end" fill="#111">${esc(cut(r.label, 28))}</text>`);
    let bx = LABEL_W;
    r.counts.forEach((n, k) => {
      if (n === 0 || r.total === 0) return;
      const w = (BAR_W * n) / r.total;
      out.push(`<rect x="${bx.toFixed(1)}" y="${y + 8}" width="${w.toFixed(1)}" height="30" fill="${COLORS[STATUSES[k]!]}"/>`);
      bx += w;
    });
    const done = r.counts[0]! + r.counts[1]!;
    out.push(
      `<text x="${LABEL_W + BAR_W + 14}" y="${y + 29}" font-size="21" fill="#111">${esc(t('chart.rowNumbers', { done, total: r.total, overdue: r.counts[3]! }))}</text>`,
    );
  });
  if (more > 0) out.push(`<text x="${LABEL_W}" y="${TOP + drawn.length * ROW_H + 29}" font-size="20" fill="#444">${esc(t('chart.more', { n: more }))}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** The chart as PNG bytes. */
export function chartPng(data: ChartData, t: T): Buffer {
  const resvg = new Resvg(chartSvg(data, t), {
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'original' },
  });
  return Buffer.from(resvg.render().asPng());
}

/** The same data as text bars, for a messenger that cannot take the picture: "Sở Nội vụ ██░░░ 1/5 · 2 quá hạn". */
export function chartText(data: ChartData, t: T): string {
  const { drawn, more } = chartRows(data.rows);
  const bar = (r: (typeof drawn)[number]) => {
    const cells = 10;
    const done = r.total ? Math.round((cells * (r.counts[0]! + r.counts[1]!)) / r.total) : 0;
    const late = r.total ? Math.min(cells - done, Math.round((cells * r.counts[3]!) / r.total)) : 0;
    return `${'█'.repeat(done)}${'▒'.repeat(late)}${'░'.repeat(cells - done - late)}`;
  };
  const lines = drawn.map(
    (r) => `${cut(r.label, 28)}\n${bar(r)} ${t('chart.rowNumbers', { done: r.counts[0]! + r.counts[1]!, total: r.total, overdue: r.counts[3]! })}`,
  );
  return [data.title, data.subtitle, t('chart.textLegend'), ...lines, ...(more > 0 ? [t('chart.more', { n: more })] : [])].join('\n');
}

/** A plan's progress chart as of a day, ready to post: the PNG and its text bars. */
/** A PNG chart, and the text that stands for it where no picture can be sent (text bars). */
export interface Photo {
  filename: string;
  bytes: Buffer;
  fallback: string;
}

export function progressPhoto(deps: Pick<ReportDeps, 'plan' | 'dir' | 'engine' | 'store' | 't'>, today: string): Photo {
  const rows = agencyRows(partsOf(deps, today), (p) => deps.dir.label(p));
  const data = { title: deps.t('chart.title', { plan: deps.plan.number }), subtitle: deps.t('chart.subtitle', { date: formatDate(today) }), rows };
  return {
    filename: `tien-do-${deps.plan.number.replace(/[^A-Za-z0-9]+/g, '-')}-${today}.png`,
    bytes: chartPng(data, deps.t),
    fallback: chartText(data, deps.t),
  };
}
