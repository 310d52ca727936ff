/** JSON-line logs on stderr. Callers pass context, never secrets; values that look like bot tokens are masked. */
export type Level = 'info' | 'warn' | 'error';

const TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g;

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
}

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  return {
    log(level, msg, fields = {}) {
      const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }, (_k, v) =>
        v instanceof Error ? { name: v.name, message: v.message } : v,
      );
      stream.write(`${line.replace(TOKEN, '<token>')}\n`);
    },
  };
}

export const silentLogger: Logger = { log() {} };
