/**
 * A file a user sent, fetched back from the Bot API for the desk page's evidence links: getFile, then the file's
 * download path, read to at most `maxBytes` within FETCH_MS. The download URL holds the bot token: it never leaves
 * this module — not in a page, not in an error message, not in a log line.
 */
import { readFile, stat } from 'node:fs/promises';
import { type Telegram, TelegramError } from 'telegraf';
import type { Fetched } from '../../web/files.ts';

/** Longest a file's fetch may take, getFile and download together. */
export const FETCH_MS = 30_000;

/** Reads a stream to at most max bytes; undefined past it (the rest is not read). */
async function readAtMost(body: AsyncIterable<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Fetches Telegram files by file_id through this bot's own Bot API connection. */
export function telegramFiles(telegram: Telegram): (fileId: string, maxBytes: number) => Promise<Fetched> {
  return async (fileId, maxBytes) => {
    const signal = AbortSignal.timeout(FETCH_MS);
    let file: Awaited<ReturnType<Telegram['getFile']>>;
    try {
      file = await telegram.getFile(fileId);
    } catch (e) {
      // "Bad Request: file is too big" (over the Bot API's 20 MB), "invalid file_id", "wrong file_id".
      if (e instanceof TelegramError && e.code === 400) return { refused: /too big/i.test(e.description) ? 'too-big' : 'gone' };
      if (e instanceof TelegramError) throw e;
      // A network error names the request's address, which carries the token.
      throw new Error(`Telegram getFile failed: ${(e as Error).name}`);
    }
    if ((file.file_size ?? 0) > maxBytes) return { refused: 'too-big' };
    if (!file.file_path) return { refused: 'gone' };
    const link = await telegram.getFileLink(file);
    // A self-hosted Bot API server in --local mode hands out a path on this machine.
    if (link.protocol === 'file:') {
      if ((await stat(link.pathname)).size > maxBytes) return { refused: 'too-big' };
      return { bytes: await readFile(link.pathname) };
    }
    let res: Response;
    try {
      res = await fetch(link, { signal, redirect: 'error' });
    } catch (e) {
      // Said without the address, which carries the token.
      throw new Error(`Telegram file download failed: ${(e as Error).name}`);
    }
    if (res.status === 404) return { refused: 'gone' };
    if (!res.ok || !res.body) throw new Error(`Telegram file download failed: HTTP ${res.status}`);
    if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
      await res.body.cancel();
      return { refused: 'too-big' };
    }
    let bytes: Buffer | undefined;
    try {
      bytes = await readAtMost(res.body as unknown as AsyncIterable<Uint8Array>, maxBytes);
    } catch (e) {
      throw new Error(`Telegram file download failed: ${(e as Error).name}`);
    }
    return bytes ? { bytes } : { refused: 'too-big' };
  };
}
