/**
 * The live state as the read-only commands see it (npm run ask, npm run export): STATE_FILE (or the configured
 * store) opened read-only — no lock taken, nothing written — and reports counted as of a day, so that `--today`
 * shows the status on that day.
 */
import { existsSync } from 'node:fs';
import { loadEnvFile, stateFileSetting } from '../config.ts';
import type { Completion } from '../plan/status.ts';

/** Reports made on or before `today`, by task. */
export function asOf(map: ReadonlyMap<string, readonly Completion[]>, today: string): Map<string, Completion[]> {
  const out = new Map<string, Completion[]>();
  for (const [task, list] of map) {
    const kept = list.filter((c) => c.on <= today);
    if (kept.length > 0) out.set(task, kept);
  }
  return out;
}

/** The completions of a plan in the configured state file, as of a day; none when there is no state file yet. */
export async function liveCompletions(planId: string, today: string): Promise<Map<string, Completion[]>> {
  loadEnvFile();
  const file = stateFileSetting();
  // No state file yet (a fresh clone): nothing was ever reported, and the store need not be loaded at all.
  if (!existsSync(file)) return new Map();
  const { Store } = await import('../store/state.ts');
  const store = await Store.open(file, { readOnly: true });
  return asOf(store.completions(planId), today);
}
