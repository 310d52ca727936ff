/**
 * Where the project's files are. The one module that reads its own location: the rest ask it, so that the code runs
 * the same from src/ under tsx and bundled into .run/ by src/run.mjs (both one folder below the project).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SRC_DIR = path.join(ROOT, 'src');
