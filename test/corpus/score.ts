/**
 * Scores the labelled corpus (data/language/corpus/<split>.jsonl) through the engine, as a user would see it: each
 * question is understood and answered on its plan, on its day, and passes when the reply is of the labelled kind,
 * about the labelled task and agencies, with the labelled focus, and contains what `must` says and nothing of `not`.
 *   node --import tsx test/corpus/score.ts [--split dev|train|test] [--verbose] [--intent NAME]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../src/answer/engine.ts';
import { canonicalTokens } from '../../src/text/canonical.ts';
import { DATA_DIR, loadDirectory, loadPlan, loadPlans } from '../../src/plan/load.ts';
import type { Plan } from '../../src/plan/schema.ts';

export interface Item {
  q: string;
  lang: 'vi' | 'en';
  plan: string;
  group: string;
  intent: string;
  agencies?: string[];
  task?: string;
  focus?: string;
  role?: string;
  period?: { start: string; end: string };
  today?: string;
  yesno?: boolean;
  count?: boolean;
  rank?: string;
  section?: string;
  must?: string[][];
  not?: string[];
}

export interface Scored {
  item: Item;
  ok: boolean;
  why: string[];
  intent: string;
  reply: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    // "/" as a space on both sides: "quy iv 2018" and "Quý IV/2018" are one date.
    .replace(/[^a-z0-9%&]+/g, ' ')
    .trim();

export function readSplit(split: string): Item[] {
  return readFileSync(path.join(DATA_DIR, 'language', 'corpus', `${split}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Item);
}

let engines: Map<string, Engine> | undefined;
export function engineFor(number: string): Engine {
  if (!engines) {
    const dir = loadDirectory();
    // The bundled plans and every plan imported for the corpus (test/fixtures/corpus-plans/*.json).
    const fixtures = path.join(ROOT, 'test/fixtures/corpus-plans');
    const plans: Plan[] = [
      ...loadPlans(),
      ...readdirSync(fixtures)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => loadPlan(path.join(fixtures, f))),
    ];
    engines = new Map(plans.map((p) => [p.number, new Engine(p, dir)]));
  }
  const e = engines.get(number);
  if (!e) throw new Error(`no plan ${number}`);
  return e;
}

/** Kinds of reply that answer a labelled intent (a window "2 tuần tới" may be answered as the period it names). */
const ACCEPT: Record<string, string[]> = {
  task: ['task'],
  // The body's "Tổ chức thực hiện" is part of the document: an assignment answers a question about it.
  document: ['document', 'assignment'],
  upcoming: ['upcoming', 'period'],
  period: ['period', 'upcoming'],
  unknown: ['unknown'],
  help: ['help'],
};

export function scoreItem(item: Item): Scored {
  const engine = engineFor(item.plan);
  const today = item.today ?? '2026-11-28';
  const prepared = engine.prepare(item.q, { today });
  const why: string[] = [];
  if ('reply' in prepared) return { item, ok: false, why: ['refused'], intent: prepared.reply.intent, reply: prepared.reply.text };
  const { q, opts } = prepared;
  const r = engine.reply(q, opts);
  const accept = ACCEPT[item.intent] ?? [item.intent];
  if (!accept.includes(r.intent)) why.push(`intent ${r.intent}`);
  if (item.task && r.tasks[0]?.id !== item.task) why.push(`task ${r.tasks[0]?.id ?? '-'}`);
  // A label "name:X" (a body the directory did not know when the set was written) is met by the id the directory now
  // has for X, as the engine serves the plan (see knownParties).
  const known = (a: string) => {
    const words = a.startsWith('name:') ? canonicalTokens(a.slice(5)) : [];
    return engine.dir.scan(words).find((m) => m.start === 0 && m.end === words.length)?.agencies ?? [];
  };
  if (item.agencies?.length && !item.agencies.every((a) => q.agencies.includes(a) || known(a).some((id) => q.agencies.includes(id))))
    why.push(`agencies ${q.agencies.join(',') || '-'}`);
  if (item.intent === 'task' && item.focus && item.focus !== 'content' && q.focus !== item.focus) why.push(`focus ${q.focus}`);
  const n = ` ${normalize(r.text)} `;
  for (const group of item.must ?? []) if (!group.some((alt) => n.includes(normalize(alt)))) why.push(`missing ${group[0]}`);
  for (const s of item.not ?? []) if (n.includes(normalize(s))) why.push(`has ${s}`);
  return { item, ok: why.length === 0, why, intent: r.intent, reply: r.text };
}

export function scoreSplit(split: string): { pass: number; total: number; results: Scored[] } {
  const results = readSplit(split).map(scoreItem);
  return { pass: results.filter((r) => r.ok).length, total: results.length, results };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const split = arg('--split') ?? 'dev';
  if (split === 'test' && !process.argv.includes('--final')) {
    console.error('test.jsonl is frozen and scored by npm test; it is not for tuning (add --final to see its score anyway).');
    process.exit(2);
  }
  const only = arg('--intent');
  const { results } = scoreSplit(split);
  const byIntent = new Map<string, [number, number]>();
  for (const r of results) {
    const k = `${r.item.intent}${r.item.lang === 'en' ? ' (en)' : ''}`;
    const [p, n] = byIntent.get(k) ?? [0, 0];
    byIntent.set(k, [p + (r.ok ? 1 : 0), n + 1]);
    if (!r.ok && process.argv.includes('--verbose') && (!only || r.item.intent === only))
      console.log(
        `FAIL [${r.item.intent}${r.item.task ? ` ${r.item.task}` : ''}] ${r.item.q} @${r.item.today ?? ''} → ${r.why.join('; ')}\n   ${r.reply.replace(/\n/g, ' | ').slice(0, 220)}`,
      );
  }
  for (const [k, [p, n]] of [...byIntent].sort()) console.log(`  ${k}: ${p}/${n}`);
  const pass = results.filter((r) => r.ok).length;
  console.log(`${split}: ${pass}/${results.length} = ${((100 * pass) / results.length).toFixed(1)}%`);
}
