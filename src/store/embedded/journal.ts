/**
 * An append-only journal of JSON lines beside the state file — push deliveries, the audit log past the state file's
 * last entries, and a big state's changes since its last snapshot: each append is one write and one fdatasync,
 * whatever the history, instead of a rewrite of the state file. Appends that arrive while one is being written share
 * the next write. A torn last line (a crash mid-append) is ignored when read; compaction rewrites the file atomically
 * with only the records still needed.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { writeFileAtomicAsync } from '../../fsutil.ts';

export class Journal<T> {
  private pending: { lines: string; done: () => void; fail: (e: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  /** Whether the file is known to end with a whole line (checked before the first append, and after a failure). */
  private tailChecked = false;

  constructor(
    readonly file: string,
    private readonly parse: (value: unknown) => T | undefined,
  ) {}

  /** Every whole, valid record in the file, in order; a missing file is empty. */
  read(): T[] {
    if (!existsSync(this.file)) return [];
    const out: T[] = [];
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const rec = this.parse(JSON.parse(line));
        if (rec !== undefined) out.push(rec);
      } catch {
        // A torn line from an interrupted append: what it held was never acknowledged.
      }
    }
    return out;
  }

  /** The last whole line of the file as written (JSON text), reading only its tail; undefined when empty. */
  last(): string | undefined {
    if (!existsSync(this.file)) return undefined;
    const fd = openSync(this.file, 'r');
    try {
      const size = fstatSync(fd).size;
      const len = Math.min(size, 256 * 1024);
      const buf = Buffer.alloc(len);
      readSync(fd, buf, 0, len, size - len);
      const lines = buf
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim());
      // A torn last line (an append cut short) is not a record: the one before it is.
      for (let i = lines.length - 1; i >= 0; i--) {
        try {
          JSON.parse(lines[i]!);
          return lines[i];
        } catch {}
      }
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** Append records; resolves once they are on disk. */
  append(records: readonly T[]): Promise<void> {
    return this.appendLines(records.map((r) => JSON.stringify(r)));
  }

  /** Append records already serialized (one JSON text each, no newline); resolves once they are on disk. */
  appendLines(texts: readonly string[]): Promise<void> {
    if (texts.length === 0) return Promise.resolve();
    const lines = texts.map((t) => `${t}\n`).join('');
    const done = new Promise<void>((resolve, reject) => this.pending.push({ lines, done: resolve, fail: reject }));
    this.writing ??= this.drain();
    return done;
  }

  /** Resolves when every append asked so far is on disk (or has failed). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      // An append never goes to a file that compaction is about to replace.
      while (this.compacting) await this.compacting;
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const fh = await open(this.file, 'a+', 0o600);
          try {
            // A torn last line (a crash or a failed append cut it short) must not swallow the next record: it is
            // closed with a newline first, and stays a line that is skipped when read.
            let head = '';
            if (!this.tailChecked) {
              const { size } = await fh.stat();
              if (size > 0) {
                const last = Buffer.alloc(1);
                await fh.read(last, 0, 1, size - 1);
                if (last[0] !== 0x0a) head = '\n';
              }
            }
            await fh.appendFile(head + batch.map((b) => b.lines).join(''));
            await fh.datasync();
            this.tailChecked = true;
          } finally {
            await fh.close();
          }
          for (const b of batch) b.done();
        } catch (e) {
          this.tailChecked = false;
          for (const b of batch) b.fail(e);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /** Rewrite the file with only these records (atomically), after any append under way. */
  compact(keep: () => readonly T[]): Promise<void> {
    return this.compactLines(() => keep().map((r) => JSON.stringify(r)));
  }

  /** Rewrite the file with only these serialized records (atomically), after any append under way. */
  async compactLines(keep: () => readonly string[]): Promise<void> {
    while (this.writing || this.compacting) await (this.writing ?? this.compacting);
    this.compacting = writeFileAtomicAsync(this.file, [
      Buffer.from(
        keep()
          .map((t) => `${t}\n`)
          .join(''),
      ),
    ]).finally(() => {
      this.compacting = null;
      this.tailChecked = false;
    });
    await this.compacting;
  }
}
