/**
 * What a feature gives back: typed, free of any messenger. Text is a locale key with parameters (or text already
 * composed, such as an answer), buttons carry a kind and an opaque action id, and a refusal carries a code. One
 * presenter (present.ts) turns an outcome into locale text for each messenger: buttons on Telegram, numbered menus
 * on Zalo and in the terminal.
 */
import type { Params } from '../../i18n.ts';
import type { Channel } from './channel.ts';

/** A locale key and its parameters; the presenter picks the messenger's variant of the key when there is one. */
export interface Say {
  key: string;
  params?: Params;
}

/** Text to show: composed text, a locale key, or lines of either (joined with line breaks). */
export type Text = string | Say | readonly Text[];

export const say = (key: string, params?: Params): Say => (params ? { key, params } : { key });

/**
 * What a button does, as a menu sees it: "xong N" on a text-only messenger runs only a `tick` or `confirm` item,
 * "hoàn tác N" only an `undo` item.
 */
export type ButtonKind = 'tick' | 'confirm' | 'note' | 'cancel' | 'undo' | 'open' | 'choose' | 'approve' | 'reject' | 'revoke' | 'more';

export interface Button {
  kind: ButtonKind;
  label: Text;
  /** An action id (at most 64 bytes), opaque to every adapter: it comes back to the core as it was. */
  action: string;
}

/**
 * A list whose items may each carry a button: Telegram shows lines and buttons, a menu numbers the items. An item
 * may offer more (📈, ⏳: a row of its own on Telegram), and stand in a menu for another action (its card, where
 * those choices are numbered).
 */
export interface ListItem {
  text: Text;
  button?: Button;
  /** Further buttons for the item, beside its button where buttons can be shown. */
  more?: readonly Button[];
  /** What the item's number does in a menu, where it is not `button`. */
  menu?: Button;
  /**
   * Unchanged since the list was last shown: where the message is edited in place (buttons) it is shown as ever; a
   * menu, which sends a new message, keeps its number but does not print it again.
   */
  quiet?: boolean;
}

export interface Post {
  text: Text;
  /** Items shown after the text (a task list), each with at most one button. */
  items?: readonly ListItem[];
  /** Text after the items. */
  footer?: Text;
  buttons?: readonly (readonly Button[])[];
  /** Offer the messenger's "share my phone number" button where it has one. */
  requestContact?: boolean;
  /** A file sent with the post (a report), where the messenger can send files. */
  document?: { filename: string; bytes: Buffer };
  /** A picture (a PNG chart), and what stands for it where no picture can be sent (text bars). */
  photo?: Photo;
  /** A file the messenger already holds, sent again by its reference (evidence of a tick). */
  attachment?: Attachment;
  /**
   * The request this post asks an admin to decide ("o57", "e58"). On a text-only messenger its numbered ✅/❌ hold
   * only while it is the one request open in the chat; with several open, a bare number is refused (conversation.ts).
   */
  decision?: string;
  /**
   * A running job's message (a push run's progress): where the messenger can edit a message (Telegram), every later
   * post with the same key to the same chat replaces the first one in place; elsewhere each is a message of its own.
   */
  live?: string;
}

export interface Attachment {
  kind: 'document' | 'photo';
  /** Telegram's file_id, or a Zalo photo's URL. */
  ref: string;
  filename: string;
}

/** A picture (a PNG chart) and what stands for it where no picture can be sent: report/chart.ts makes them. */
import type { Photo } from '../../report/chart.ts';

export type { Photo };

/** A post for someone else: an admin, the official a decision was about, the other account of a linked official. */
export interface Envelope extends Post {
  channel: Channel;
  chatId: string;
}

/** Why nothing was done. Each code has a text under `refusal.<code>` in locales/. */
export type RefusalCode =
  | 'invalid-action'
  | 'unknown-command'
  | 'not-registered'
  | 'pending-approval'
  | 'admin-only'
  | 'private-only'
  | 'not-your-task'
  | 'unknown-task'
  | 'stale'
  | 'period-passed'
  | 'already-done'
  | 'progress-after-done'
  | 'all-reported'
  | 'undo-too-late'
  | 'undo-not-yours'
  | 'already-undone'
  | 'unknown-official'
  | 'already-decided'
  | 'link-bad'
  | 'link-too-many'
  | 'link-other-official'
  | 'no-menu'
  | 'ambiguous-number'
  | 'unknown-request'
  | 'bad-choice'
  | 'not-a-tick'
  | 'not-undoable'
  | 'item-done'
  | 'push-unavailable'
  | 'retry-later';

export interface Refusal {
  code: RefusalCode;
  params?: Params;
}

export interface Outcome {
  /** Replaces the message whose button was pressed (Telegram edits it; a text-only messenger sends it anew). */
  edit?: Post;
  /** New messages to the asker's chat, in order. */
  replies: Post[];
  /** A short acknowledgement ("Đã ghi nhận."): a toast on Telegram; not repeated where the edit says it. */
  notice?: Text;
  refusal?: Refusal;
  /** Messages to other people. */
  others: Envelope[];
}

export const reply = (...posts: Post[]): Outcome => ({ replies: posts, others: [] });
export const edit = (post: Post, notice?: Text): Outcome => ({ edit: post, replies: [], others: [], ...(notice ? { notice } : {}) });
/** A refusal; with `then`, what is shown with it (what actually happened, and the next step). */
export const refuse = (code: RefusalCode, params?: Params, then: Partial<Outcome> = {}): Outcome => ({
  replies: [],
  others: [],
  ...then,
  refusal: params ? { code, params } : { code },
});
