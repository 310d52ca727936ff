/**
 * Start-up against a messenger API that may not be reachable yet (a network not up, a proxy restarting): keep
 * trying with exponential backoff and say so in the log, instead of exiting with a stack. An answer that retrying
 * cannot fix (a wrong token) stops at once.
 */
import type { Logger } from '../log.ts';

export interface RetryOptions {
  log: Logger;
  /** True for errors that retrying cannot fix. */
  fatal: (e: unknown) => boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function untilReachable<T>(what: string, attempt: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let delay = opts.firstDelayMs ?? 1000;
  for (let n = 1; ; n++) {
    try {
      const result = await attempt();
      if (n > 1) opts.log.log('info', `${what} reachable again`, { attempts: n });
      return result;
    } catch (e) {
      if (opts.fatal(e)) throw e;
      opts.log.log('warn', `${what} unreachable; retrying`, { attempt: n, retryInMs: delay, error: e });
      await sleep(delay);
      delay = Math.min(delay * 2, opts.maxDelayMs ?? 30_000);
    }
  }
}
