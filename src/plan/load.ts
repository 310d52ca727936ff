/**
 * Loading data files: every file passes its zod schema at load; a broken file stops start-up with the file,
 * the path inside it and what is wrong.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { ROOT, SRC_DIR } from '../paths.ts';
import { Directory } from './agencies.ts';
import { type Plan, directorySchema, planSchema } from './schema.ts';

export const DATA_DIR = path.join(ROOT, 'data');

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

function where(p: readonly PropertyKey[]): string {
  return p.length === 0
    ? '(top level)'
    : p
        .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
        .join('')
        .replace(/^\./, '');
}

/** Parse a JSON data file against a schema; DataFileError says which file, where in it and what is wrong. */
export function readDataFile<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new DataFileError(file, [err.code === 'ENOENT' ? 'file not found' : `not valid JSON (${err.message})`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new DataFileError(
      file,
      result.error.issues.slice(0, 10).map((i) => `${where(i.path)}: ${i.message}`),
    );
  }
  return result.data;
}

export function loadDirectory(file = path.join(DATA_DIR, 'agencies.json')): Directory {
  return new Directory(readDataFile(file, directorySchema));
}

export function loadPlan(file: string): Plan {
  const cache = validatedPlans();
  const plan = loadPlanTrusting(file, cache);
  cache.save();
  return plan;
}

/**
 * Plan files this machine has already validated, by the hash of their bytes, under this version of the schema (the
 * hash of schema.ts: any change to it starts afresh). A file whose bytes are known is read without the schema check
 * — the same result, since the plan schema has no defaults or transforms — which is most of the start-up with 200
 * plans; any other file is checked, and remembered once it passes. Kept in the temporary folder: losing it only
 * costs one check more.
 */
class ValidatedPlans {
  private readonly known: Set<string>;
  private added = false;

  constructor(private readonly file: string) {
    let list: unknown = [];
    try {
      list = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // None yet, or unreadable: everything is checked.
    }
    this.known = new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  }

  has(hash: string): boolean {
    return this.known.has(hash);
  }

  add(hash: string): void {
    if (this.known.has(hash)) return;
    this.known.add(hash);
    this.added = true;
  }

  /** Written (atomically, best effort) when something new passed. */
  save(): void {
    if (!this.added) return;
    this.added = false;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, this.text());
      renameSync(tmp, this.file);
    } catch {
      // A cache: not having it is fine.
    }
  }

  /** `save`, without holding up other work (a running bot). */
  async saveAsync(): Promise<void> {
    if (!this.added) return;
    this.added = false;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, this.text());
      await rename(tmp, this.file);
    } catch {
      // A cache: not having it is fine.
    }
  }

  private text(): string {
    return JSON.stringify([...this.known].slice(-5000));
  }
}

let validated: ValidatedPlans | undefined;
function validatedPlans(): ValidatedPlans {
  if (validated) return validated;
  let stamp = 'none';
  try {
    stamp = createHash('sha1')
      .update(readFileSync(path.join(SRC_DIR, 'plan', 'schema.ts')))
      .digest('hex')
      .slice(0, 16);
  } catch {
    // No source beside it: nothing is trusted (a fresh stamp each time).
    stamp = `${process.pid}-${Date.now()}`;
  }
  const uid = process.getuid?.() ?? 'user';
  validated = new ValidatedPlans(path.join(tmpdir(), `plan-assistant-${uid}`, `validated-plans-${stamp}.json`));
  return validated;
}

/**
 * A plan file read without holding up other work (the bot picking up plans another process published): the same
 * checks, and the same cache of files already validated, as `loadPlan`.
 */
export async function readPlan(file: string): Promise<Plan> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  const cache = validatedPlans();
  const plan = planOfBytes(file, bytes, cache);
  await cache.saveAsync();
  return plan;
}

function unreadable(file: string, e: unknown): DataFileError {
  const err = e as NodeJS.ErrnoException;
  return new DataFileError(file, [err.code === 'ENOENT' ? 'file not found' : `not readable (${err.message})`]);
}

function loadPlanTrusting(file: string, cache: ValidatedPlans): Plan {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  return planOfBytes(file, bytes, cache);
}

/** A plan file's bytes, parsed and checked against the schema unless these very bytes passed before. */
function planOfBytes(file: string, bytes: Buffer, cache: ValidatedPlans): Plan {
  const hash = createHash('sha1').update(bytes).digest('hex');
  if (cache.has(hash)) {
    try {
      return JSON.parse(bytes.toString('utf8')) as Plan;
    } catch {
      // Cannot be: the bytes passed before. Checked below like any other.
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new DataFileError(file, [`not valid JSON (${(e as Error).message})`]);
  }
  const result = planSchema.safeParse(raw);
  if (!result.success)
    throw new DataFileError(
      file,
      result.error.issues.slice(0, 10).map((i) => `${where(i.path)}: ${i.message}`),
    );
  cache.add(hash);
  return result.data;
}

export const PLANS_DIR = path.join(DATA_DIR, 'plans');

/** The plan files under a folder (data/plans/ by default) with the file each came from, newest plan date first. */
export function loadPlanFiles(dir = PLANS_DIR): { plan: Plan; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new DataFileError(dir, ['folder not found: set PLANS_DIR to the folder of plan files']);
  }
  const files = names.filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new DataFileError(dir, ['no plan files (*.json): import one with npm run import']);
  const cache = validatedPlans();
  const plans = files.map((f) => ({ plan: loadPlanTrusting(path.join(dir, f), cache), file: path.join(dir, f) }));
  cache.save();
  const seen = new Map<string, string>();
  for (const p of plans) {
    const other = seen.get(p.plan.id);
    if (other) throw new DataFileError(p.file, [`plan id ${p.plan.id} is also the id of ${other}: one file per plan`]);
    seen.set(p.plan.id, p.file);
  }
  return plans.sort((a, b) => b.plan.date.localeCompare(a.plan.date));
}

/** The plans under a folder, newest plan date first. */
export function loadPlans(dir = PLANS_DIR): Plan[] {
  return loadPlanFiles(dir).map((p) => p.plan);
}

/**
 * A plan chosen the way a person names it: a data file's path, or a plan's number among data/plans ("4561",
 * "4561/KH-UBND"). An unknown number is a DataFileError listing the numbers there are.
 */
export function choosePlan(which: string, dir = PLANS_DIR): Plan {
  if (/\.json$/i.test(which) || existsSync(which)) return loadPlan(which);
  const plans = loadPlans(dir);
  const want = which.trim().toUpperCase();
  const hit = plans.find((p) => p.number.toUpperCase() === want || p.number.split('/')[0] === want);
  if (!hit) throw new DataFileError(which, [`no plan with that number under ${dir}; there are: ${plans.map((p) => p.number).join(', ')}`]);
  return hit;
}
