/**
 * A plan file parsed off the event loop, in a worker thread with its own limits: whatever the file holds, the bot
 * goes on answering everyone else meanwhile, and a file that would take too long or too much memory ends its
 * worker, never the bot. The worker is made for one file and ends with it, so the memory a big file took is given
 * back. One file is parsed at a time; a few more wait their turn, and past those the sender is asked to try again.
 *
 *   time:   IMPORT_TIME_MS from the worker's start (its start-up included) — past it the worker is terminated;
 *   memory: IMPORT_HEAP_MB of JavaScript heap — past it V8 ends the worker.
 *
 * Either way the caller gets an ImportError naming the limit (too-slow, too-heavy), never a stack trace.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SRC_DIR } from '../../paths.ts';
import type { Directory } from '../agencies.ts';
import { ImportError } from './build.ts';
import type { importFile, Meta } from './index.ts';
import type { ParseJob, ParseResult } from './parse-job.ts';

/** How long a file may take, its worker's start included. */
export const IMPORT_TIME_MS = 20_000;
/** The JavaScript heap a file's worker may use. */
export const IMPORT_HEAP_MB = 512;
/** Files parsed at once, and files that may wait for their turn (past them: ImportError 'busy'). */
const RUNNING = 1;
const WAITING = 4;

export interface ImportLimits {
  timeMs: number;
  heapMb: number;
}

export type Imported = Awaited<ReturnType<typeof importFile>>;

const WORKER = path.join(SRC_DIR, 'plan', 'import', 'worker.mjs');

let running = 0;
const queue: (() => void)[] = [];

/** A turn to parse: at once when none is running, else after those before it; refused when too many wait. */
async function turn(): Promise<() => void> {
  if (running >= RUNNING) {
    if (queue.length >= WAITING) throw new ImportError('other plan files are being read: send this one again in a few minutes', 'busy');
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  running++;
  return () => {
    running--;
    queue.shift()?.();
  };
}

/** `importFile`, in a worker thread bounded in time and memory. */
export async function importIsolated(
  name: string,
  bytes: Buffer,
  dir: Directory,
  meta: Meta = {},
  today?: string,
  limits: ImportLimits = { timeMs: IMPORT_TIME_MS, heapMb: IMPORT_HEAP_MB },
): Promise<Imported> {
  const done = await turn();
  try {
    return await inWorker({ name, bytes, directory: dir.data, meta, ...(today ? { today } : {}) }, limits);
  } finally {
    done();
  }
}

function inWorker(job: ParseJob, limits: ImportLimits): Promise<Imported> {
  return new Promise<Imported>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      // The worker's output is its message; a parser writing to the console does not reach the bot's log.
      stdout: true,
      stderr: true,
      // Not the bot's own flags (an inspector port, a heap size meant for the bot).
      execArgv: [],
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const seconds = Math.ceil(limits.timeMs / 1000);
    const tooSlow = () => new ImportError(`reading the file took over ${seconds} s and was stopped`, 'too-slow', { seconds });
    const timer = setTimeout(() => settle(() => reject(tooSlow())), limits.timeMs);
    worker.on('message', (r: ParseResult) =>
      settle(() => {
        if ('ok' in r) resolve(r.ok);
        else if ('refused' in r) reject(new ImportError(r.refused.message, r.refused.code, r.refused.params));
        else reject(new Error(`the file could not be read: ${r.failed}`));
      }),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportError(`reading the file needed over ${limits.heapMb} MB of memory and was stopped`, 'too-heavy', { max: limits.heapMb })
            : new Error(`the file's reader failed: ${e.message}`),
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the file's reader ended (exit code ${code}) without an answer`))));
  });
}
