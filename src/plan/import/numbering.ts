/**
 * Word's automatic numbering: the numbers a reader sees ("1.", "II.", "a)", "1.2") that are not in the text but made
 * by Word from word/numbering.xml. A paragraph names a list (w:numPr: numId and level, its own or its style's); the
 * list's levels say the start, the format (decimal, Roman, letters, bullet) and the text around the counters
 * ("%1.", "%1.%2"). Counters run in document order, per abstract list (lists sharing one continue each other, as in
 * Word), a level restarting when a level above it counts; a list with a start override restarts where it is first
 * used.
 */

export type XmlNode = Record<string, unknown>;

export const tagOf = (n: XmlNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
export const kids = (n: XmlNode): XmlNode[] => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as XmlNode[]) : []);
export const attr = (n: XmlNode, name: string) => (n[':@'] as Record<string, string> | undefined)?.[`@_${name}`];
export const find = (n: XmlNode, tag: string) => kids(n).find((k) => tagOf(k) === tag);
const val = (n: XmlNode | undefined, tag: string) => {
  const k = n && find(n, tag);
  return k ? attr(k, 'w:val') : undefined;
};

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Num {
  abstract: string;
  starts: Map<number, number>;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) for (; n >= v; n -= v) s += r;
  return s;
}

/** Word's letters: a … z, then aa … zz, aaa … (the letter repeated). */
const letters = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, Num>();
  /** A paragraph style's list (its own or the style it is based on). */
  private readonly styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(numbering: XmlNode[] | undefined, styles: XmlNode[] | undefined) {
    const root = numbering?.find((n) => tagOf(n) === 'w:numbering');
    for (const n of root ? kids(root) : []) {
      const tag = tagOf(n);
      if (tag === 'w:abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of kids(n).filter((k) => tagOf(k) === 'w:lvl')) {
          levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), {
            start: Number(val(lvl, 'w:start') ?? 1),
            format: val(lvl, 'w:numFmt') ?? 'decimal',
            text: val(lvl, 'w:lvlText') ?? '',
          });
        }
        this.abstracts.set(attr(n, 'w:abstractNumId') ?? '', levels);
      } else if (tag === 'w:num') {
        const starts = new Map<number, number>();
        for (const o of kids(n).filter((k) => tagOf(k) === 'w:lvlOverride')) {
          const s = val(o, 'w:startOverride');
          if (s !== undefined) starts.set(Number(attr(o, 'w:ilvl') ?? 0), Number(s));
        }
        this.nums.set(attr(n, 'w:numId') ?? '', { abstract: val(n, 'w:abstractNumId') ?? '', starts });
      }
    }
    const sroot = styles?.find((n) => tagOf(n) === 'w:styles');
    for (const s of sroot ? kids(sroot) : []) {
      if (tagOf(s) !== 'w:style') continue;
      const pr = find(s, 'w:pPr');
      const numPr = pr && find(pr, 'w:numPr');
      const numId = val(numPr, 'w:numId');
      const ilvl = val(numPr, 'w:ilvl');
      const basedOn = val(s, 'w:basedOn');
      this.styles.set(attr(s, 'w:styleId') ?? '', {
        ...(numId !== undefined ? { numId } : {}),
        ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
        ...(basedOn ? { basedOn } : {}),
      });
    }
  }

  /** The list a paragraph is in: its own numPr, else its style's (followed up a few basedOn steps). */
  private listOf(p: XmlNode): { numId: string; ilvl: number } | undefined {
    const pr = find(p, 'w:pPr');
    if (!pr) return undefined;
    const numPr = find(pr, 'w:numPr');
    let numId = val(numPr, 'w:numId');
    let ilvl = val(numPr, 'w:ilvl') !== undefined ? Number(val(numPr, 'w:ilvl')) : undefined;
    let style = val(pr, 'w:pStyle');
    for (let hop = 0; style && hop < 8 && (numId === undefined || ilvl === undefined); hop++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      style = s.basedOn;
    }
    if (numId === undefined || numId === '0') return undefined;
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** The number Word shows before this paragraph ("" when none); counts it, so call once per paragraph, in order. */
  label(p: XmlNode): string {
    const list = this.listOf(p);
    if (!list) return '';
    const num = this.nums.get(list.numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.get(list.ilvl);
    if (!num || !levels || !level) return '';
    const counters = this.counters.get(num.abstract) ?? [];
    this.counters.set(num.abstract, counters);
    if (!this.used.has(list.numId)) {
      this.used.add(list.numId);
      for (const [ilvl, start] of num.starts) {
        counters[ilvl] = start - 1;
        counters.length = Math.max(counters.length, ilvl + 1);
      }
    }
    counters[list.ilvl] = (counters[list.ilvl] ?? level.start - 1) + 1;
    for (let k = list.ilvl + 1; k < counters.length; k++) counters[k] = undefined;
    if (level.format === 'bullet') return /^[-+*]$/.test(level.text) ? level.text : '-';
    return level.text.replace(/%(\d)/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const at = levels.get(k);
      return format(counters[k] ?? at?.start ?? 1, at?.format ?? 'decimal');
    });
  }
}
