/**
 * Runtime state in one JSON file (lowdb): completions for now; officials and the audit log join it with the
 * Telegram channel. The file carries a schema version and passes zod at load. A corrupt or unreadable file
 * stops start-up with a clear message and is never overwritten. Writes go through lowdb's atomic writer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import type { Completion } from '../plan/status.ts';

export const STATE_VERSION = 1;

const completionSchema = z.object({
  planId: z.string(),
  taskId: z.string(),
  party: z.string(),
  period: z.string().optional(),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const stateSchema = z.object({
  schemaVersion: z.literal(STATE_VERSION),
  completions: z.array(completionSchema),
});
export type State = z.infer<typeof stateSchema>;

export class StateFileError extends Error {}

const empty = (): State => ({ schemaVersion: STATE_VERSION, completions: [] });

export class Store {
  private constructor(
    private readonly db: Low<State>,
    readonly file: string,
  ) {}

  /** Open (or create) the state file. Throws StateFileError, leaving the file untouched, when it is broken. */
  static async open(file: string): Promise<Store> {
    if (existsSync(file)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new StateFileError(`${file}: not readable as JSON (${(e as Error).message}); it was left as it is`);
      }
      const parsed = stateSchema.safeParse(raw);
      if (!parsed.success) {
        const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
        throw new StateFileError(`${file}: not a valid state file (${where}); it was left as it is`);
      }
      const db = new Low<State>(new JSONFile<State>(file), empty());
      db.data = parsed.data;
      return new Store(db, file);
    }
    await mkdir(path.dirname(file), { recursive: true });
    const db = new Low<State>(new JSONFile<State>(file), empty());
    await db.write();
    return new Store(db, file);
  }

  /** Completions of one plan, by task id. */
  completions(planId: string): Map<string, Completion[]> {
    const out = new Map<string, Completion[]>();
    for (const c of this.db.data.completions) {
      if (c.planId !== planId) continue;
      const { planId: _p, ...rest } = c;
      out.set(c.taskId, [...(out.get(c.taskId) ?? []), rest]);
    }
    return out;
  }
}
