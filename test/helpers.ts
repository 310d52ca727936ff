import path from 'node:path';
import { Engine } from '../src/answer/engine.ts';
import { DATA_DIR, loadDirectory, loadPlans } from '../src/plan/load.ts';
import { fold } from '../src/text/fold.ts';

export const dir = loadDirectory();
export const plan = loadPlans()[0]!;
export const engine = new Engine(plan, dir);
export const SOURCE = path.join(DATA_DIR, 'sources', 'ke-hoach-4561-KH-UBND-2018.txt');

/**
 * How the npm scripts start an entry point of src/ ("cli/ask.ts", "main.ts"): `spawn(process.execPath, launch(entry,
 * …args))` runs it exactly as `npm run ask -- …` does, through src/run.mjs.
 */
export const launch = (entry: string, ...args: string[]) => [path.resolve(import.meta.dirname, '../src/run.mjs'), entry, ...args];

/** The reply folded, one space between words: `first` is the first message (what the eval reads), `folded` all pages. */
export function ask(question: string, today = '2026-11-28') {
  const r = engine.ask(question, { today });
  const f = (s: string) => fold(s).replace(/\s+/g, ' ');
  return { ...r, first: f(r.text), folded: f([r.text, ...(r.more ?? [])].join('\n')), ids: r.tasks.map((t) => t.id) };
}
