/** Durable file writes: a temporary file beside the target, flushed to disk, then renamed over it. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * The same as writeFileAtomic without blocking the event loop: the write and the flush run on libuv's pool, then
 * the rename and a flush of the folder make it durable.
 */
export async function writeFileAtomicAsync(file: string, parts: readonly Buffer[]): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    let rest = parts.filter((b) => b.length > 0);
    while (rest.length > 0) {
      let { bytesWritten: n } = await fh.writev(rest.slice(0, 1024));
      const left: Buffer[] = [];
      for (const b of rest) {
        if (n >= b.length) n -= b.length;
        else {
          left.push(n > 0 ? b.subarray(n) : b);
          n = 0;
        }
      }
      rest = left;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some filesystems refuse to flush a folder; the file itself was flushed.
  }
}
