/**
 * src/run.mjs, how the npm scripts start an entry point: a bundle of the sources as they are, made again when any
 * changed; the arguments as the entry would have had them; a clear message for a syntax error; tsx where the bundle
 * cannot be written. Each test runs the launcher in a small project of its own (its node_modules linked to ours).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'run-'));
  mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  copyFileSync(path.join(ROOT, 'src/run.mjs'), path.join(root, 'src/run.mjs'));
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(root, 'src/greeting.ts'), "export const greeting: string = 'xin chào';\n");
  // Where the project is, found as src/paths.ts finds it: from a module one folder below.
  writeFileSync(
    path.join(root, 'src/paths.ts'),
    "import path from 'node:path';\nimport { fileURLToPath } from 'node:url';\nexport const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');\n",
  );
  // Prints what it was given and where the project is.
  writeFileSync(
    path.join(root, 'src/cli/hello.ts'),
    [
      "import { greeting } from '../greeting.ts';",
      "import { ROOT } from '../paths.ts';",
      'interface Said { greeting: string; args: string[]; root: string }',
      'const said: Said = { greeting, args: process.argv.slice(2), root: ROOT };',
      'console.log(JSON.stringify(said));',
      '',
    ].join('\n'),
  );
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'src/run.mjs'), 'cli/hello.ts', ...args], { cwd: root, encoding: 'utf8' });
  const bundles = () => (existsSync(path.join(root, '.run')) ? readdirSync(path.join(root, '.run')) : []);
  return { root, run, bundles };
}

describe('npm scripts start their entry point through src/run.mjs', () => {
  it('runs the entry with its arguments, from a bundle one folder below the project, made once and reused', () => {
    const p = project();
    const first = p.run('Sở Tài chính', '--json');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({ greeting: 'xin chào', args: ['Sở Tài chính', '--json'], root: p.root });
    expect(p.bundles()).toEqual([expect.stringMatching(/^cli-hello\.[0-9a-f]{12}\.mjs$/)]);
    const again = p.run();
    expect(JSON.parse(again.stdout).args).toEqual([]);
    expect(p.bundles()).toHaveLength(1);
  });

  it('a source changed is in the next run: a new bundle, the old one removed', () => {
    const p = project();
    p.run();
    const before = p.bundles();
    const file = path.join(p.root, 'src/greeting.ts');
    writeFileSync(file, "export const greeting: string = 'chào anh';\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(JSON.parse(p.run().stdout).greeting).toBe('chào anh');
    expect(p.bundles()).toHaveLength(1);
    expect(p.bundles()).not.toEqual(before);
  });

  it('a syntax error stops with the file and line, and nothing is run', () => {
    const p = project();
    writeFileSync(path.join(p.root, 'src/greeting.ts'), "export const greeting: string = 'xin chào';\nexport const broken = ;\n");
    const r = p.run();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('src/greeting.ts:2');
    expect(p.bundles()).toEqual([]);
  });

  it('where .run cannot be written, the sources run through tsx', () => {
    const p = project();
    writeFileSync(path.join(p.root, '.run'), 'not a folder');
    const r = p.run('a');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ greeting: 'xin chào', args: ['a'], root: p.root });
  });

  it('without an entry point, says how it is used', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'src/run.mjs')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: node src/run.mjs ENTRY.ts');
  });
});
