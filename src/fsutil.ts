/** Durable file writes: a temporary file beside the target, flushed to disk, then renamed over it. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync, writevSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, data: string | readonly Buffer[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** writev until every byte is written (a partial write resumes where it stopped). */
function writeAll(fd: number, parts: readonly Buffer[]): void {
  let rest = parts.filter((b) => b.length > 0);
  while (rest.length > 0) {
    let n = writevSync(fd, rest.slice(0, 1024));
    const next: Buffer[] = [];
    for (const b of rest) {
      if (n >= b.length) n -= b.length;
      else {
        next.push(n > 0 ? b.subarray(n) : b);
        n = 0;
      }
    }
    rest = next;
  }
}
