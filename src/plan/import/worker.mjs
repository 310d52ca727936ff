/**
 * The entry of the worker thread a plan file is parsed in (./isolated.ts). It runs the parse job from the same
 * bundle mechanism the npm scripts use (src/run.mjs: esbuild, made again when a source changed), so it starts as
 * plain JavaScript whether the bot runs from a bundle, through tsx or under vitest; where the bundle cannot be
 * written (a read-only install), the job's TypeScript runs through tsx.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.resolve(HERE, '..', '..');
const JOB = 'plan/import/parse-job.ts';

let entry;
try {
  const { ensureBuilt } = await import(pathToFileURL(path.join(SRC, 'run.mjs')).href);
  entry = (await ensureBuilt(SRC, JOB, path.join(SRC, '..', '.run'))).file;
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  entry = path.join(SRC, JOB);
}
await import(pathToFileURL(entry).href);
