/**
 * The plans the bot serves. Each plan has its own engine (search index, per-agency index, state cache) and a short
 * key that button actions carry ("k3f9~t:I.4"), so a button pressed weeks later still means the plan it came from.
 * Whether a plan is archived is state (the store); the plans themselves are data files, added at run time when an
 * admin publishes one.
 */
import { trainInBackground } from '../../understand/classifier.ts';
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Directory } from '../../plan/agencies.ts';
import { choosePlan, loadPlanFiles, readPlan } from '../../plan/load.ts';
import type { Plan } from '../../plan/schema.ts';
import { type Counts, taskCounts } from '../../plan/progress.ts';
import { fold } from '../../text/fold.ts';
import { type AskOptions, Engine, type EngineOptions } from '../../answer/engine.ts';

export interface PlanEntry {
  readonly plan: Plan;
  readonly engine: Engine;
  /** Short, stable: derived from the plan's id. */
  readonly key: string;
  /** The data file it was read from or written to. */
  readonly file?: string;
}

/** A plan's mention in a question ("theo KH 1234", "kế hoạch thanh toán không dùng tiền mặt"), and the question without it. */
export interface PlanMention {
  entry: PlanEntry;
  rest: string;
}

const KEY_SEP = '~';

function keyOf(id: string, taken: ReadonlySet<string>): string {
  const hash = BigInt(`0x${createHash('sha1').update(id).digest('hex').slice(0, 15)}`).toString(36);
  for (let n = 4; n <= hash.length; n++) if (!taken.has(hash.slice(0, n))) return hash.slice(0, n);
  return hash;
}

/** Words too common in plan titles to name one. */
const TITLE_STOP = new Set([
  'ke',
  'hoach',
  'thuc',
  'hien',
  've',
  'cua',
  'va',
  'tren',
  'dia',
  'ban',
  'tinh',
  'nam',
  'giai',
  'doan',
  'trien',
  'khai',
  'so',
  'ngay',
  'thang',
]);

const words = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

export class PlanCatalog {
  private entries: PlanEntry[] = [];
  private readonly byKeyMap = new Map<string, PlanEntry>();
  /** Each plan's title as folded words, for naming plans in questions (made once per plan, not per question). */
  private readonly titles = new WeakMap<PlanEntry, string>();

  constructor(
    private readonly dir: Directory,
    private readonly engineOptions: EngineOptions,
    plans: readonly { plan: Plan; file?: string }[],
    /** Whether a plan is archived: asked afresh on every call, the store being the one place that knows. */
    private readonly archived: (planId: string) => boolean = () => false,
  ) {
    for (const p of plans) this.put(p.plan, p.file);
  }

  /** Add a plan, or replace the one with the same id (its key stays). */
  put(plan: Plan, file?: string): PlanEntry {
    const old = this.entries.find((e) => e.plan.id === plan.id);
    const key = old?.key ?? keyOf(plan.id, new Set(this.byKeyMap.keys()));
    const engine = new Engine(plan, this.dir, this.engineOptions);
    const entry: PlanEntry = { plan: engine.plan, engine, key, ...(file ? { file } : {}) };
    this.entries = [...this.entries.filter((e) => e.plan.id !== plan.id), entry].sort(
      (a, b) => b.plan.date.localeCompare(a.plan.date) || a.plan.number.localeCompare(b.plan.number),
    );
    this.byKeyMap.set(key, entry);
    return entry;
  }

  /**
   * Plan files another process wrote into the folder since this one last looked (several bot processes sharing
   * PLANS_DIR and a database: a plan published on one goes live on all). Only new or changed files are read, without
   * holding up the updates being answered meanwhile; a file that does not validate is skipped (its publisher checked
   * it) and reported. Returns the plans taken in. A look asked for while one is under way shares it.
   */
  pickUp(plansDir: string, onError: (file: string, e: unknown) => void = () => undefined): Promise<PlanEntry[]> {
    this.looking ??= this.look(plansDir, onError).finally(() => {
      this.looking = undefined;
    });
    return this.looking;
  }

  private looking: Promise<PlanEntry[]> | undefined;

  private async look(plansDir: string, onError: (file: string, e: unknown) => void): Promise<PlanEntry[]> {
    const taken: PlanEntry[] = [];
    let names: string[];
    try {
      names = (await readdir(plansDir)).filter((f) => f.endsWith('.json'));
    } catch {
      return taken;
    }
    for (const name of names) {
      const file = path.join(plansDir, name);
      const mtime = (await stat(file).catch(() => undefined))?.mtimeMs;
      if (mtime === undefined) continue;
      const seen = this.seenFiles.get(file);
      this.seenFiles.set(file, mtime);
      // The first look only notes what is there (those plans were loaded at start).
      if (seen === mtime || (seen === undefined && this.entries.some((e) => e.file === file))) continue;
      try {
        taken.push(this.put(await readPlan(file), file));
      } catch (e) {
        onError(file, e);
      }
    }
    return taken;
  }

  private readonly seenFiles = new Map<string, number>();

  /**
   * Build the word indexes of the active plans in the background, one plan at a time between other work: a task asked
   * about in words over many plans reads every plan's index, and building 200 of them at once is 1.5 s that the
   * first such question after a start would otherwise wait for. Resolves when all are built.
   */
  async prepareSearch(): Promise<void> {
    for (const e of this.active()) {
      await new Promise((resolve) => setImmediate(resolve));
      void e.engine.search;
    }
    // Then the question classifier, a slice at a time as well.
    const first = this.active()[0] ?? this.default();
    await trainInBackground(first.engine.dir);
  }

  /** Every plan, newest first. */
  all(): readonly PlanEntry[] {
    return this.entries;
  }

  /** The plans asked about by default and pushed about: those not archived, newest first. */
  active(): readonly PlanEntry[] {
    return this.entries.filter((e) => !this.archived(e.plan.id));
  }

  isArchived(planId: string): boolean {
    return this.archived(planId);
  }

  /** The plan a scope-less action or command falls back to: the newest active plan (else the newest). */
  default(): PlanEntry {
    const e = this.active()[0] ?? this.entries[0];
    if (!e) throw new Error('no plans');
    return e;
  }

  byKey(key: string): PlanEntry | undefined {
    return this.byKeyMap.get(key);
  }

  byId(id: string): PlanEntry | undefined {
    return this.entries.find((e) => e.plan.id === id);
  }

  /** A plan named by its number as a person types it: "4561", "4561/KH-UBND", "kh 4561". Newest first on a tie. */
  byNumber(text: string): PlanEntry | undefined {
    const want = fold(text)
      .replace(/^(kh|ke hoach)\s*(so\s*)?/, '')
      .replace(/\s+/g, '');
    if (!want) return undefined;
    return this.entries.find((e) => {
      const n = fold(e.plan.number).replace(/\s+/g, '');
      return n === want || n.split('/')[0] === want || e.key === want;
    });
  }

  /**
   * The plan a question names, if it names one: by number ("KH 1234", "kế hoạch số 1234/KH-UBND") or by a run of
   * at least three distinctive words of its title after "kế hoạch" / "KH". The mention is taken out of the question.
   */
  mentioned(text: string): PlanMention | undefined {
    const raw = text.split(/\s+/).filter(Boolean);
    const folded = raw.map((w) => fold(w).replace(/[^a-z0-9/.-]/g, ''));
    for (let i = 0; i < folded.length; i++) {
      // "kh", "ke hoach", "kehoach": where a plan's name starts.
      let j = i;
      if (folded[i] === 'kh' || folded[i] === 'kehoach') j = i + 1;
      else if (folded[i] === 'ke' && folded[i + 1] === 'hoach') j = i + 2;
      else continue;
      if (folded[j] === 'so') j++;
      const num = folded[j]?.match(/^(\d{1,6})(\/[a-z0-9/-]*)?$/);
      if (num) {
        const hit = this.byNumber(num[1]!);
        if (hit) return { entry: hit, rest: this.without(raw, i, j + 1) };
      }
      // By title: the longest run of the question's words, in order, inside a title, with three distinctive ones.
      let best: { entry: PlanEntry; end: number; strength: number } | undefined;
      for (const entry of this.entries) {
        let title = this.titles.get(entry);
        if (title === undefined) this.titles.set(entry, (title = words(entry.plan.title).join(' ')));
        let end = j;
        while (end < folded.length && folded[end] && ` ${title} `.includes(` ${folded.slice(j, end + 1).join(' ')} `)) end++;
        const strength = folded.slice(j, end).filter((w) => !TITLE_STOP.has(w)).length;
        if (strength >= 3 && (!best || strength > best.strength)) best = { entry, end, strength };
      }
      if (best) return { entry: best.entry, rest: this.without(raw, i, best.end) };
    }
    return undefined;
  }

  /** A plan named at the start of a command's arguments ("1234 Sở Nội vụ", "KH 1234 …") or anywhere as in a question. */
  named(args: string): PlanMention | undefined {
    const [first = '', ...others] = args.trim().split(/\s+/);
    const byNumber = this.byNumber(first);
    return this.mentioned(args) ?? (byNumber ? { entry: byNumber, rest: others.join(' ') } : undefined);
  }

  private without(raw: readonly string[], from: number, to: number): string {
    // "cả", "toàn bộ" ("cả kế hoạch 4561 có mấy việc": the whole plan), then "theo", "của", "trong", "thuộc" before the
    // plan's name go with it.
    const word = (k: number) => (k >= 0 ? fold(raw[k]!).replace(/[^a-z0-9]/g, '') : '');
    let start = from;
    if (word(start - 1) === 'ca' || word(start - 1) === 'toan') start -= 1;
    else if (word(start - 1) === 'bo' && word(start - 2) === 'toan') start -= 2;
    if (/^(theo|cua|trong|thuoc|o|tai)$/.test(word(start - 1))) start -= 1;
    return [...raw.slice(0, start), ...raw.slice(to)].join(' ').trim();
  }
}

/** An action id scoped to a plan: "<key>~<action>". */
export function scoped(key: string, action: string): string {
  return action.includes(KEY_SEP) ? action : `${key}${KEY_SEP}${action}`;
}

/** The plan key and the bare action of an action id; no key for an action that carries none. */
export function unscope(action: string): { key?: string; action: string } {
  const at = action.indexOf(KEY_SEP);
  if (at <= 0 || at > 12) return { action };
  return { key: action.slice(0, at), action: action.slice(at + 1) };
}

/**
 * The catalog a process serves: one plan when `only` names it (a number or a file: --plan, PLAN_FILE), else every
 * plan file under `plansDir`.
 */
export function openCatalog(o: {
  dir: Directory;
  plansDir: string;
  only?: string;
  engine: EngineOptions;
  archived?: (planId: string) => boolean;
}): PlanCatalog {
  const plans = o.only ? [{ plan: choosePlan(o.only, o.plansDir), ...(/\.json$/i.test(o.only) ? { file: o.only } : {}) }] : loadPlanFiles(o.plansDir);
  return new PlanCatalog(o.dir, o.engine, plans, o.archived);
}

/** Where a plan stands as of a day: tasks done (on time or late), overdue, and in all. */
export function planProgress(entry: PlanEntry, opts: AskOptions): Counts {
  // Counted as /tiendo, the chart and the report count (plan/progress.ts).
  return taskCounts(entry.plan.tasks, (task, party) => entry.engine.stateOf(task, opts, party));
}
