/** Rendering the core's plain-text results for Telegram: HTML-escaped, split below 4,096 characters. */
import type { Keyboard } from '../../core/kernel/present.ts';

export const MAX_MESSAGE = 4096;
/** Room left for Telegram's own counting of entities. */
const CHUNK = 3900;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Split on line boundaries into chunks of at most `limit` characters. A line and the indented lines under it (a
 * task and its "   Hạn: …" line) stay in one chunk where they fit; a longer block is split by lines, a longer
 * line is cut.
 */
export function splitMessage(text: string, limit = CHUNK): string[] {
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    const last = blocks.at(-1);
    if (last && /^\s+\S/.test(line)) last.push(line);
    else blocks.push([line]);
  }
  const out: string[] = [];
  let cur = '';
  const add = (piece: string) => {
    if (cur && cur.length + 1 + piece.length > limit) {
      out.push(cur);
      cur = piece;
    } else cur = cur ? `${cur}\n${piece}` : piece;
  };
  for (const block of blocks) {
    const whole = block.join('\n');
    if (whole.length <= limit) {
      add(whole);
      continue;
    }
    for (const line of block) for (const piece of line.length > limit ? line.match(new RegExp(`[\\s\\S]{1,${limit}}`, 'g'))! : [line]) add(piece);
  }
  if (cur.trim() || out.length === 0) out.push(cur || ' ');
  return out;
}

export interface InlineKeyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}

export function inlineKeyboard(buttons: readonly (readonly Keyboard[])[] | undefined): InlineKeyboard | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  // Telegram allows about 100 buttons; the core sends far fewer, this is the last guard.
  let left = 100;
  const rows: InlineKeyboard['inline_keyboard'] = [];
  for (const row of buttons) {
    const r = row.slice(0, left).map((b) => ({ text: b.label, callback_data: b.action }));
    left -= r.length;
    if (r.length > 0) rows.push(r);
  }
  return { inline_keyboard: rows };
}
