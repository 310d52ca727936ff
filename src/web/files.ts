/**
 * Evidence files on the desk page: how each is reached, and the headers a fetched file is served with. A Telegram
 * file is fetched by the bot's own server (the messenger's file id, through the Bot API; the token never in a page);
 * a Zalo photo is kept as Zalo's URL, linked as it is; anything else (the terminal's files) cannot be fetched.
 */
import type { Evidence, ReadonlyDeep } from '../store/port.ts';

/** The Bot API's own limit on files a bot fetches (getFile), and the most the desk serves. */
export const MAX_FILE_BYTES = 20 * 2 ** 20;
/** Files fetched at once (each held in memory while it is served). */
export const MAX_FETCHES = 4;

/** The bytes of a messenger's file, or why there are none. */
export type Fetched = { bytes: Buffer } | { refused: 'gone' | 'too-big' };
/** How this process fetches files back, per messenger it is connected to. */
export interface FileSources {
  telegram?: (fileId: string, maxBytes: number) => Promise<Fetched>;
}

/** Where an evidence file is: served here, a link as kept, or nowhere this server can reach. */
export type Reach = { kind: 'served' } | { kind: 'link'; url: string } | { kind: 'none'; why: 'otherMessenger' | 'notKept' };

export function reachOf(e: ReadonlyDeep<Evidence>, sources: FileSources): Reach {
  if (e.channel === 'telegram') return sources.telegram ? { kind: 'served' } : { kind: 'none', why: 'otherMessenger' };
  if (e.channel === 'zalo') {
    const url = safeUrl(e.fileId);
    return url ? { kind: 'link', url } : { kind: 'none', why: 'notKept' };
  }
  return { kind: 'none', why: 'notKept' };
}

/** An http(s) URL without credentials, as text; anything else (javascript:, data:, a bare id) undefined. */
function safeUrl(text: string): string | undefined {
  try {
    const u = new URL(text);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return undefined;
    return u.toString();
  } catch {
    return undefined;
  }
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
};
/** Shown in the browser; everything else is downloaded. */
const INLINE = new Set(['image/jpeg', 'image/png']);

/**
 * The Content-Type and Content-Disposition of a file by its name's extension (the kinds evidence accepts; anything
 * else application/octet-stream): pictures shown, documents downloaded; the name as ASCII and as UTF-8 (RFC 6266).
 */
export function fileHeaders(name: string): { 'content-type': string; 'content-disposition': string } {
  const ext = name.match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[ext] ?? 'application/octet-stream';
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(-100) || 'tep';
  const utf8 = encodeURIComponent(name.slice(0, 200)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return {
    'content-type': type,
    'content-disposition': `${INLINE.has(type) ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${utf8}`,
  };
}
