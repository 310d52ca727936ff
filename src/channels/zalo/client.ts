/**
 * A small client for the Zalo Bot API (a near copy of Telegram's): POST /bot<TOKEN>/<method> with JSON. Every
 * answer is { ok, result, description, error_code }; errors may come as HTTP 200 with ok:false, so ok is always
 * read. getUpdates returns one update (no offset); an idle long poll answers 408, which is not an error. Every call
 * has a time limit (../limits.ts).
 */
import { limitOf } from '../limits.ts';

export class ZaloError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
  }
}

export interface ZaloMessage {
  message_id: string;
  text?: string;
  /** An image's URL, on message.image.received. */
  photo?: unknown;
  chat: { id: string; chat_type?: string };
  from: { id: string; display_name?: string; is_bot?: boolean };
  date?: number;
}

export interface ZaloUpdate {
  event_name: string;
  message: ZaloMessage;
}

export interface ZaloClientOptions {
  apiRoot: string;
  fetch?: typeof fetch;
  /** The limit of one call, in ms: limitOf (../limits.ts) unless a test says otherwise. */
  limit?: (method: string, params: unknown) => number;
}

export class ZaloClient {
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(token: string, opts: ZaloClientOptions) {
    this.base = `${opts.apiRoot.replace(/\/+$/, '')}/bot${token}`;
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.limit = opts.limit ?? limitOf;
  }

  private readonly limit: (method: string, params: unknown) => number;

  async call<T>(method: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    let res: Response;
    // Within a time limit (../limits.ts): past it, a network failure the caller retries; the caller's own abort stops.
    const limit = this.limit(method, params);
    const late = AbortSignal.timeout(limit);
    try {
      res = await this.fetch(`${this.base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: signal ? AbortSignal.any([signal, late]) : late,
      });
    } catch (e) {
      if (late.aborted && !signal?.aborted) throw new ZaloError(0, `network: no answer within ${limit / 1000} s`);
      if ((e as Error).name === 'AbortError') throw e;
      throw new ZaloError(0, `network: ${(e as Error).message}`);
    }
    let body: { ok?: boolean; result?: T; description?: string; error_code?: number };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new ZaloError(res.status, `not JSON (HTTP ${res.status})`);
    }
    if (body.ok !== true) throw new ZaloError(body.error_code ?? res.status, body.description ?? `HTTP ${res.status}`);
    return body.result as T;
  }

  getMe(): Promise<{ id: string; account_name?: string; display_name?: string }> {
    return this.call('getMe');
  }

  /** One update, or undefined when the long poll timed out idle (408). */
  async getUpdates(timeoutSec: number, signal?: AbortSignal): Promise<ZaloUpdate | undefined> {
    try {
      const r = await this.call<ZaloUpdate | ZaloUpdate[] | null>('getUpdates', { timeout: timeoutSec }, signal);
      if (!r) return undefined;
      return Array.isArray(r) ? r[0] : r;
    } catch (e) {
      if (e instanceof ZaloError && e.code === 408) return undefined;
      throw e;
    }
  }

  sendMessage(chatId: string, text: string): Promise<{ message_id: string; date: number }> {
    return this.call('sendMessage', { chat_id: chatId, text });
  }

  /** A photo by public URL (the Zalo Bot API takes no uploads). */
  sendPhoto(chatId: string, url: string, caption?: string): Promise<{ message_id: string; date: number }> {
    return this.call('sendPhoto', { chat_id: chatId, photo: url, ...(caption ? { caption } : {}) });
  }

  deleteWebhook(): Promise<unknown> {
    return this.call('deleteWebhook');
  }

  setWebhook(url: string, secretToken: string): Promise<unknown> {
    return this.call('setWebhook', { url, secret_token: secretToken });
  }
}
