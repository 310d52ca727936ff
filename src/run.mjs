/**
 * node src/run.mjs ENTRY [args…] — how the npm scripts start an entry point of src/ (`main.ts`, `cli/ask.ts` …);
 * node src/run.mjs --build ENTRY… makes the bundles only.
 *
 * The entry and the project modules it imports are bundled by esbuild into one file under .run/ (packages stay in
 * node_modules), named by a stamp of every file under src/: a source changed, or a new checkout, makes a new bundle
 * on the next start (about 0.3 s); otherwise the bundle is run as it is. Loading the TypeScript sources one by one
 * through tsx's loader thread was most of a start (0.4 s of 0.75 s for `npm run ask`); one plain file takes 30 ms.
 *
 * The bundle lives one folder below the project, as src/ does, so src/paths.ts finds the project from either.
 * Where .run/ cannot be written (a read-only install), the entry runs through tsx as before, a little slower.
 * A syntax error stops the build with esbuild's message, naming the file and line.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Bumped when the build options below change, so that bundles made with the old ones are not reused. */
const RECIPE = 1;

/** Every file under `dir`, as "relative path, size, mtime" lines, in a stable order. */
function listing(dir, prefix = '') {
  const lines = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = `${prefix}${e.name}`;
    if (e.isDirectory()) lines.push(...listing(path.join(dir, e.name), `${rel}/`));
    else if (e.isFile()) {
      const st = statSync(path.join(dir, e.name));
      lines.push(`${rel}\t${st.size}\t${st.mtimeMs}`);
    }
  }
  return lines;
}

/** The stamp of the sources: any file under src/ added, removed, resized or touched changes it. */
export function stampOf(srcDir, esbuildVersion) {
  return createHash('sha1')
    .update(`${RECIPE}\n${esbuildVersion}\n${listing(srcDir).join('\n')}`)
    .digest('hex')
    .slice(0, 12);
}

/** The installed esbuild's version, read from its package file (the bundle depends on it, like on the sources). */
function esbuildVersion(srcDir) {
  const manifest = createRequire(path.join(srcDir, 'run.mjs')).resolve('esbuild/package.json');
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/** The bundle's file name for an entry: "cli/ask.ts" → "cli-ask". */
const nameOf = (entry) => entry.replace(/\.[cm]?ts$/, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * The bundle of `entry` (relative to `srcDir`) for the sources as they are now, built into `outDir` if missing.
 * Builders racing each other each write their own temporary file and rename it into place: the same stamp means the
 * same content, so whichever lands last is as good. Bundles of the same entry with another stamp are removed (a
 * running process has read its bundle whole at start).
 */
export async function ensureBuilt(srcDir, entry, outDir) {
  const name = nameOf(entry);
  const file = path.join(outDir, `${name}.${stampOf(srcDir, esbuildVersion(srcDir))}.mjs`);
  if (statSync(file, { throwIfNoEntry: false })) return { file, built: false };
  // Loaded only to build (its JavaScript API takes 30-50 ms to load: most starts find the bundle made).
  const esbuild = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [path.join(srcDir, entry)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    keepNames: true,
    write: false,
    logLevel: 'silent',
    outfile: file,
  });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, file);
  for (const old of readdirSync(outDir)) {
    if (old.startsWith(`${name}.`) && old.endsWith('.mjs') && path.join(outDir, old) !== file) rmSync(path.join(outDir, old), { force: true });
  }
  return { file, built: true };
}

/** Run `entry` as if it had been started itself: `process.argv` as node would have set it. */
async function run(entry, args) {
  const source = path.join(HERE, entry);
  let target;
  try {
    target = (await ensureBuilt(HERE, entry, path.join(HERE, '..', '.run'))).file;
  } catch (e) {
    if (e && Array.isArray(e.errors) && e.errors.length > 0) {
      // A build error is a source error: said as esbuild says it, file and line.
      const esbuild = await import('esbuild');
      const lines = await esbuild.formatMessages(e.errors, { kind: 'error', color: process.stderr.isTTY });
      process.stderr.write(lines.join(''));
      process.exit(1);
    }
    if (!e || !['EACCES', 'EROFS', 'EPERM', 'ENOSPC', 'EEXIST', 'ENOTDIR'].includes(e.code)) throw e;
    // .run/ cannot be written: the sources through tsx.
    const { register } = await import('tsx/esm/api');
    register();
    target = source;
  }
  process.argv = [process.argv[0], target, ...args];
  await import(pathToFileURL(target).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --build ENTRY…: make the bundles and stop (an image build does this, so that its first start need not).
  if (process.argv[2] === '--build') {
    for (const entry of process.argv.slice(3)) process.stdout.write(`${(await ensureBuilt(HERE, entry, path.join(HERE, '..', '.run'))).file}\n`);
    process.exit(0);
  }
  const [entry, ...args] = process.argv.slice(2);
  if (!entry || !/\.[cm]?ts$/.test(entry)) {
    process.stderr.write('usage: node src/run.mjs ENTRY.ts [args…] (an entry point under src/, e.g. main.ts or cli/ask.ts)\n');
    process.exit(2);
  }
  await run(entry, args);
}
