/**
 * JSON-line logs on stderr. Errors keep their name, message, code and stack; a child logger binds context (channel,
 * update id, user) to every line it writes. Callers pass context, never secrets; values that look like bot tokens
 * (Telegram's and Zalo's) are masked wherever they appear, stacks and URLs included.
 */
export type Level = 'info' | 'warn' | 'error';

const TOKENS = [/\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g, /\/bot[^/\s"]+\//g];

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
  /** A logger that adds these fields to every line. */
  child(fields: Record<string, unknown>): Logger;
}

/** An Error as fields: name, message, code and stack survive JSON (a plain Error serializes as {}). */
export function errorFields(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(code !== undefined ? { code } : {}), ...(e.stack ? { stack: e.stack } : {}) };
}

export function mask(text: string): string {
  return text.replace(TOKENS[0]!, '<token>').replace(TOKENS[1]!, '/bot<token>/');
}

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/**
 * JSON lines on `stream`, from `least` up: the terminal chat shares its screen with the person typing, so there only
 * warnings and errors are written (not the line per update).
 */
export function consoleLogger(stream: NodeJS.WritableStream = process.stderr, bound: Record<string, unknown> = {}, least: Level = 'info'): Logger {
  return {
    log(level, msg, fields = {}) {
      if (RANK[level] < RANK[least]) return;
      const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...bound, ...fields }, (_k, v) => (v instanceof Error ? errorFields(v) : v));
      stream.write(`${mask(line)}\n`);
    },
    child(fields) {
      return consoleLogger(stream, { ...bound, ...fields }, least);
    },
  };
}

export const silentLogger: Logger = {
  log() {},
  child() {
    return silentLogger;
  },
};
