/**
 * Every call to a messenger's Bot API has a time limit, so that an API out of reach (a partition, a proxy that
 * stopped answering) costs a reply or a push an error — retried by whoever sent it — never a hang: API_TIMEOUT_MS
 * for a call, UPLOAD_TIMEOUT_MS for a file sent (a report, a chart), and a long poll its own wait plus
 * API_TIMEOUT_MS. Telegraf allows 500 s per call and takes no setting for it: its calls are limited here.
 */
import type { Telegram } from 'telegraf';

export const API_TIMEOUT_MS = 30_000;
export const UPLOAD_TIMEOUT_MS = 120_000;

const UPLOADS = new Set(['sendDocument', 'sendPhoto', 'sendMediaGroup', 'sendVideo', 'sendAudio', 'sendVoice']);

/** The limit of one call: a long poll (`timeout` in seconds) waits that long first. */
export function limitOf(method: string, params: unknown): number {
  if (method === 'getUpdates') return Number((params as { timeout?: unknown } | undefined)?.timeout ?? 0) * 1000 + API_TIMEOUT_MS;
  return UPLOADS.has(method) ? UPLOAD_TIMEOUT_MS : API_TIMEOUT_MS;
}

/** What a call past its limit throws: a network failure (named as node-fetch names one), which callers retry. */
export class ApiTimeoutError extends Error {
  override readonly name = 'FetchError';
  constructor(method: string, ms: number) {
    super(`${method}: no answer within ${ms / 1000} s`);
  }
}

type SignalLike = { aborted: boolean; addEventListener?: (t: 'abort', f: () => void) => void; removeEventListener?: (t: 'abort', f: () => void) => void };

/**
 * Run `call` with a signal that aborts at the limit or when `outer` does (the caller stopping, e.g. polling); past the
 * limit it throws ApiTimeoutError, not an abort, so that a poller retries instead of stopping.
 */
export async function withinLimit<T>(
  method: string,
  params: unknown,
  outer: SignalLike | undefined,
  call: (signal: AbortSignal) => Promise<T>,
  ms = limitOf(method, params),
): Promise<T> {
  const own = new AbortController();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    own.abort();
  }, ms);
  const stop = () => own.abort();
  if (outer?.aborted) own.abort();
  else outer?.addEventListener?.('abort', stop);
  try {
    return await call(own.signal);
  } catch (e) {
    if (late) throw new ApiTimeoutError(method, ms);
    throw e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener?.('abort', stop);
  }
}

const LIMITED = Symbol.for('plan-assistant.api-limits');

/**
 * Limit every call of Telegraf's client (the bot's and the one Telegraf makes per webhook update share its class).
 * Applied once per process (`limit`: the limit of a call, limitOf unless a test says otherwise).
 */
export function limitTelegramCalls(telegram: Telegram, limit: (method: string, params: unknown) => number = limitOf): void {
  const proto = Object.getPrototypeOf(telegram) as Record<PropertyKey, unknown> & { callApi: Telegram['callApi'] };
  if (proto[LIMITED]) return;
  proto[LIMITED] = true;
  const call = proto.callApi;
  proto.callApi = function (this: Telegram, method: string, payload: unknown, opts: { signal?: SignalLike } = {}) {
    return withinLimit(
      method,
      payload,
      opts.signal,
      (signal) => (call as (...a: unknown[]) => Promise<unknown>).call(this, method, payload, { signal }),
      limit(method, payload),
    );
  } as Telegram['callApi'];
}
