/**
 * The import graph of src/: every module and what it imports (relative imports, type-only ones included — a
 * type import is a dependency a reader follows too). Used by the boundary test and printable for a look:
 *   node --import tsx test/arch/imports.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Module (path relative to src/, "/" separated) → the modules it imports. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g), ...text.matchAll(/import\('(\.{1,2}\/[^']+)'\)/g)]
      .map((m) =>
        path
          .relative(SRC, path.resolve(path.dirname(file), m[1]!))
          .split(path.sep)
          .join('/'),
      )
      .filter((m) => !m.startsWith('..'));
    graph.set(path.relative(SRC, file).split(path.sep).join('/'), [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of more than one module (or a module importing itself): the import circles. */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const g = importGraph();
  for (const c of circles(g)) console.log('circle:', c.join(' → '));
}
