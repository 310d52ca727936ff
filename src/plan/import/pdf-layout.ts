/**
 * A PDF page's text put in reading order before its lines are read (pdf.ts):
 *
 * - upright: a page printed rotated (a landscape appendix drawn a quarter turn on portrait paper and shown upright by
 *   /Rotate) has its text running up or down the page; its items' positions are turned so that the text runs left to
 *   right again. The page's direction is the one most of its text runs in; text across it (a stamp along the
 *   margin) is not the plan's and is left out.
 * - columnsFirst: a body page set in two columns (each line of the left column beside one of the right) is read
 *   column by column: the left column's lines, then the right's. A region is two columns when at least three of its
 *   lines hold a full line of text on each side of the page's middle, the left starting at the body's left edge and
 *   the right at one common start; a header or a signature block side by side (short, centred blocks) is no such
 *   region and keeps its lines as they are.
 */

export interface Item {
  x: number;
  y: number;
  end: number;
  str: string;
}

export interface Line {
  page: number;
  y: number;
  items: Item[];
  /** The right edge of the column the line is in, when it is not the page's (a line of a two-column region). */
  right?: number;
}

/** A text item as the PDF library gives it: its matrix [a b c d e f] and its width along its direction. */
export interface RawItem {
  transform: number[];
  width: number;
  str: string;
}

/** The quarter turn (0–3, anticlockwise) of an item's direction. */
const quarterOf = (t: readonly number[]) => ((Math.round(Math.atan2(t[1]!, t[0]!) / (Math.PI / 2)) % 4) + 4) % 4;

/** The page's items with their positions turned so that the page's text runs left to right. */
export function upright(raw: readonly RawItem[]): Item[] {
  const weight = [0, 0, 0, 0];
  for (const it of raw) weight[quarterOf(it.transform)]! += it.str.length;
  const q = weight.indexOf(Math.max(...weight));
  const out: Item[] = [];
  for (const it of raw) {
    if (quarterOf(it.transform) !== q) continue;
    const [e, f] = [it.transform[4]!, it.transform[5]!];
    // Turned back by q quarters: (x, y) → (y, −x) for one quarter, and so on.
    const [x, y] = q === 0 ? [e, f] : q === 1 ? [f, -e] : q === 2 ? [-e, -f] : [-f, e];
    out.push({ x, y, end: x + it.width, str: it.str });
  }
  return out;
}

/** Items of a line apart where a wide gap separates them. */
export function blocksOf(items: readonly Item[], gap = 30): Item[][] {
  const blocks: Item[][] = [];
  for (const it of items) {
    const last = blocks.at(-1);
    if (last && it.x - last.at(-1)!.end < gap) last.push(it);
    else blocks.push([it]);
  }
  return blocks;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 3;

/** The lines of one page's body in reading order: a two-column region column by column. */
function pageColumnsFirst(lines: readonly Line[]): Line[] {
  if (lines.length < 3) return [...lines];
  const left = Math.min(...lines.map((l) => l.items[0]!.x));
  const right = Math.max(...lines.map((l) => l.items.at(-1)!.end));
  const mid = (left + right) / 2;
  const full = 0.35 * (right - left);
  const sides = lines.map((l) => {
    const blocks = blocksOf(l.items);
    const westOf = blocks.filter((b) => b.at(-1)!.end <= mid);
    const eastOf = blocks.filter((b) => b[0]!.x >= mid);
    return { west: westOf, east: eastOf, crosses: westOf.length + eastOf.length < blocks.length };
  });
  const width = (b: Item[]) => b.at(-1)!.end - b[0]!.x;
  // The right column's start: where the right blocks of the lines full on both sides start, most often.
  const starts = new Map<number, number>();
  sides.forEach((s) => {
    if (s.west.length === 1 && s.east.length === 1 && width(s.west[0]!) >= full && width(s.east[0]!) >= full) {
      const x = Math.round(s.east[0]![0]!.x);
      starts.set(x, (starts.get(x) ?? 0) + 1);
    }
  });
  const [east, seeds] = [...starts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (seeds < 3) return [...lines];
  const westAt = (s: (typeof sides)[number]) => s.west.every((b) => near(b[0]!.x, left));
  const eastAt = (s: (typeof sides)[number]) => s.east.length > 0 && s.east.every((b) => near(b[0]!.x, east));
  const inRegion = (k: number) => !sides[k]!.crosses && westAt(sides[k]!) && (eastAt(sides[k]!) || sides[k]!.east.length === 0);
  const seed = sides.findIndex((s) => eastAt(s) && westAt(s) && s.west.length === 1 && width(s.west[0]!) >= full);
  // From the first line with text in both columns up to the first line the region cannot hold.
  let from = seed;
  while (from > 0 && inRegion(from - 1) && eastAt(sides[from - 1]!)) from--;
  let to = seed;
  while (to + 1 < lines.length && inRegion(to + 1)) to++;
  const region = lines.slice(from, to + 1);
  const column = (side: 'west' | 'east', edge: number): Line[] =>
    region.flatMap((l, k) => {
      const items = sides[from + k]![side].flat();
      return items.length > 0 ? [{ page: l.page, y: l.y, items, right: edge }] : [];
    });
  const westEdge = Math.max(...region.flatMap((_, k) => sides[from + k]!.west.map((b) => b.at(-1)!.end)));
  return [...lines.slice(0, from), ...column('west', westEdge), ...column('east', right), ...lines.slice(to + 1)];
}

/** Body lines in reading order, page by page (each page's two-column region read column by column). */
export function columnsFirst(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let k = 0; k < lines.length; ) {
    let j = k;
    while (j < lines.length && lines[j]!.page === lines[k]!.page) j++;
    out.push(...pageColumnsFirst(lines.slice(k, j)));
    k = j;
  }
  return out;
}
