/**
 * The parse of one plan file, inside a worker thread (./isolated.ts starts it through ./worker.mjs): the file's
 * bytes and the agency directory in, the imported plan and its warnings out — or why it cannot be imported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Directory } from '../agencies.ts';
import type { DirectoryData } from '../schema.ts';
import { ImportError, importFile, type Meta } from './index.ts';

export interface ParseJob {
  name: string;
  bytes: Uint8Array;
  directory: DirectoryData;
  meta: Meta;
  today?: string;
}

export type ParseResult =
  | { ok: Awaited<ReturnType<typeof importFile>> }
  | { refused: { message: string; code: ImportError['code']; params: ImportError['params'] } }
  | { failed: string };

async function run(job: ParseJob): Promise<ParseResult> {
  try {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    return { ok: await importFile(job.name, bytes, new Directory(job.directory), job.meta, job.today) };
  } catch (e) {
    if (e instanceof ImportError) return { refused: { message: e.message, code: e.code, params: e.params } };
    return { failed: e instanceof Error ? e.message : String(e) };
  }
}

if (parentPort) parentPort.postMessage(await run(workerData as ParseJob));
