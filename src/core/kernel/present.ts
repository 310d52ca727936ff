/**
 * The one presenter: a feature's typed outcome → locale text for one messenger. Two styles:
 *  - `buttons` (Telegram): lines with inline buttons; a refusal on a button press is a toast.
 *  - `menu` (Zalo, the terminal): plain text with a numbered menu, words that fit a chat without buttons; the menu's
 *    entries are returned so that the channel can remember them for "1", "xong 1" and "hoàn tác 1".
 * A key may have a variant for a style (`tick.confirm@menu`); the plain key serves every style otherwise.
 */
import { hasKey, type Lang, t } from '../../i18n.ts';
import type { MenuEntry } from './conversation.ts';
import type { Attachment, Button, ButtonKind, ListItem, Outcome, Post, Text } from './outcome.ts';

export type Style = 'buttons' | 'menu';

export function resolve(x: Text, lang: Lang, style: Style): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x))
    return (x as readonly Text[])
      .map((y) => resolve(y, lang, style))
      .filter((s) => s !== '')
      .join('\n');
  const { key, params } = x as { key: string; params?: Record<string, string | number> };
  const variant = `${key}@${style}`;
  return t(hasKey(variant, lang) ? variant : key, params ?? {}, lang);
}

export interface Keyboard {
  label: string;
  action: string;
}

/** A post rendered for Telegram: text and inline keyboard rows. */
export interface ButtonsView {
  text: string;
  keyboard: Keyboard[][];
  requestContact?: boolean;
  document?: { filename: string; bytes: Buffer };
  /** Sent before the text. */
  photo?: { filename: string; bytes: Buffer };
  attachment?: Attachment;
}

/** A post rendered for a text-only messenger: text with its numbered menu, and the menu's entries. */
export interface MenuView {
  text: string;
  entries: MenuEntry[];
  /** A picture: sent by URL where the messenger can fetch one, else its fallback text is sent instead. */
  photo?: { filename: string; bytes: Buffer; fallback: string };
  attachment?: Attachment;
  /** The request whose ✅/❌ this menu numbers, if it is a request card. */
  decision?: string;
  /** A file (a report): a link that expires where the messenger's adapter can serve one, else `notHere` is said. */
  document?: { filename: string; bytes: Buffer; notHere: string };
}

const PER_ROW = 3;
/** Telegram's ceiling for an inline keyboard. */
export const MAX_BUTTONS = 100;

/**
 * The keyboard of a list: three item buttons to a row; where items offer more, a row per item ([✅ I.4] [📈 I.4]
 * [⏳ I.4]) as far as the keyboard's ceiling allows, the later items keeping their first button only.
 */
function itemRows(items: readonly ListItem[], reserved: number): Button[][] {
  const firsts = items.flatMap((i) => (i.button ? [i.button] : []));
  if (!items.some((i) => i.more?.length)) {
    const out: Button[][] = [];
    for (let i = 0; i < firsts.length; i += PER_ROW) out.push(firsts.slice(i, i + PER_ROW));
    return out;
  }
  let budget = MAX_BUTTONS - reserved - firsts.length;
  return items.flatMap((i) => {
    const more = (i.more ?? []).slice(0, Math.max(0, budget));
    budget -= more.length;
    const row = [...(i.button ? [i.button] : []), ...more];
    return row.length > 0 ? [row] : [];
  });
}

export function buttonsView(post: Post, lang: Lang): ButtonsView {
  const r = (x: Text) => resolve(x, lang, 'buttons');
  const lines = [r(post.text)];
  if (post.items?.length) lines.push(post.items.map((i) => `• ${r(i.text)}`).join('\n'));
  if (post.footer) lines.push(r(post.footer));
  const reserved = (post.buttons ?? []).flat().length;
  const keyboard: Keyboard[][] = itemRows(post.items ?? [], reserved).map((row) => row.map((b) => ({ label: r(b.label), action: b.action })));
  for (const row of post.buttons ?? []) if (row.length > 0) keyboard.push(row.map((b) => ({ label: r(b.label), action: b.action })));
  return {
    text: lines.filter(Boolean).join('\n\n'),
    keyboard,
    ...(post.requestContact ? { requestContact: true } : {}),
    ...(post.document ? { document: post.document } : {}),
    ...(post.photo ? { photo: { filename: post.photo.filename, bytes: post.photo.bytes } } : {}),
    ...(post.attachment ? { attachment: post.attachment } : {}),
  };
}

/** Which hint goes under a menu: only what its entries allow. */
function hintKey(kinds: ReadonlySet<ButtonKind>, listed: boolean): string {
  if (kinds.has('tick') && kinds.has('undo')) return listed ? 'menu.hint.listTickUndo' : 'menu.hint.tickUndo';
  if (kinds.has('tick')) return listed ? 'menu.hint.listTick' : 'menu.hint.tick';
  if (kinds.has('undo')) return 'menu.hint.undo';
  return 'menu.hint.choose';
}

export function menuView(post: Post, lang: Lang): MenuView {
  const r = (x: Text) => resolve(x, lang, 'menu');
  const entries: MenuEntry[] = [];
  const parts = [r(post.text)];
  const kinds = new Set<ButtonKind>();
  const add = (b: Button | undefined) => {
    entries.push(b ? { kind: b.kind, action: b.action } : null);
    if (b) kinds.add(b.kind);
  };
  if (post.items?.length) {
    const shown = post.items.flatMap((item) => {
      add(item.menu ?? item.button);
      return item.quiet ? [] : [`${entries.length}. ${r(item.text)}`];
    });
    parts.push(shown.join('\n'));
    const quiet = post.items.length - shown.length;
    if (quiet > 0) parts.push(t('menu.quietItems', { n: quiet }, lang));
  }
  if (post.footer) parts.push(r(post.footer));
  // "Xem thêm" is a word on a text-only messenger ("thêm"), said in the footer, not a numbered entry.
  const options = (post.buttons ?? []).flat().filter((b) => b.kind !== 'more');
  if (options.length > 0) {
    parts.push(
      options
        .map((b) => {
          add(b);
          return `${entries.length}. ${r(b.label)}`;
        })
        .join('\n'),
    );
  }
  // The hint's examples are this menu's own numbers: the first entry that ticks, the first that undoes.
  const first = (kind: ButtonKind) => entries.findIndex((e) => e?.kind === kind) + 1;
  if (kinds.size > 0) parts.push(t(hintKey(kinds, (post.items?.length ?? 0) > 0), { n: first('tick'), u: first('undo') }, lang));
  return {
    text: parts.filter(Boolean).join('\n\n'),
    entries,
    ...(post.photo ? { photo: { filename: post.photo.filename, bytes: post.photo.bytes, fallback: r(post.photo.fallback) } } : {}),
    ...(post.attachment ? { attachment: post.attachment } : {}),
    ...(post.decision ? { decision: post.decision } : {}),
    // Where no file can be sent, what to do instead (the adapter says it when it cannot give a link).
    ...(post.document ? { document: { ...post.document, notHere: t('document.notHere', {}, lang) } } : {}),
  };
}

/** What one outcome becomes on Telegram, for a text message or a button press. */
export interface ButtonsOutcome {
  toast?: string;
  edit?: ButtonsView;
  replies: ButtonsView[];
  others: (ButtonsView & { channel: string; chatId: string })[];
}

export function presentButtons(o: Outcome, lang: Lang, pressed: boolean): ButtonsOutcome {
  const r = (x: Text) => resolve(x, lang, 'buttons');
  const refusal = o.refusal ? r({ key: `refusal.${o.refusal.code}`, ...(o.refusal.params ? { params: o.refusal.params } : {}) }) : undefined;
  const replies = o.replies.map((p) => buttonsView(p, lang));
  let toast: string | undefined;
  if (pressed) toast = refusal ?? (o.notice ? r(o.notice) : undefined);
  else if (refusal) replies.unshift({ text: refusal, keyboard: [] });
  return {
    ...(toast ? { toast } : {}),
    ...(o.edit ? { edit: buttonsView(o.edit, lang) } : {}),
    replies,
    others: o.others.map((e) => ({ ...buttonsView(e, lang), channel: e.channel, chatId: e.chatId })),
  };
}

/**
 * What one outcome becomes on a text-only messenger: messages in order (a refusal first, then what replaces the
 * pressed message, then the replies). The last message with a menu sets the chat's menu.
 */
export interface MenuOutcome {
  messages: MenuView[];
  others: (MenuView & { channel: string; chatId: string })[];
}

export function presentMenu(o: Outcome, lang: Lang): MenuOutcome {
  const r = (x: Text) => resolve(x, lang, 'menu');
  const messages: MenuView[] = [];
  if (o.refusal) messages.push({ text: r({ key: `refusal.${o.refusal.code}`, ...(o.refusal.params ? { params: o.refusal.params } : {}) }), entries: [] });
  // Several request cards at once (/choduyet): numbered ✅/❌ under each would be ambiguous, so the cards carry no
  // numbers; each says its request's own number to type ("duyệt 57").
  const cards = [o.edit, ...o.replies].filter((p) => p?.decision).length;
  const plain = (p: Post): Post => (cards > 1 && p.decision ? { ...p, buttons: [] } : p);
  if (o.edit) messages.push(menuView(plain(o.edit), lang));
  messages.push(...o.replies.map((p) => menuView(plain(p), lang)));
  if (messages.length === 0 && o.notice) messages.push({ text: r(o.notice), entries: [] });
  return { messages, others: o.others.map((e) => ({ ...menuView(e, lang), channel: e.channel, chatId: e.chatId })) };
}
