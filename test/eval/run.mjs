#!/usr/bin/env node
// Runs this folder's evaluation through the `ask` contract: cases.mjs (one question each, `ask --json`, as the
// shared runner does: node ../shared/eval/run.mjs test/eval/cases.mjs) and conversations.mjs (`ask --json --chat`,
// one process a day; a blank line between conversations starts a new one). Every reply is scored as the shared
// runner scores a case. usage, from the project's root: node test/eval/run.mjs [--verbose] [--tags] [--set dev]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// --set NAME reads NAME-cases.mjs and NAME-conversations.mjs of this folder instead (e.g. --set dev).
const setAt = process.argv.indexOf('--set');
const prefix = setAt > 0 ? `${process.argv[setAt + 1]}-` : '';
const load = (name) => import(pathToFileURL(path.join(import.meta.dirname, `${prefix}${name}.mjs`)).href);
const { cases } = await load('cases');
const { conversations } = await load('conversations');

const normalize = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%/&]+/g, ' ')
    .trim();

function score(c, reply) {
  const n = ` ${normalize(reply)} `;
  const missing = c.must.filter((group) => !group.some((alt) => n.includes(normalize(alt))));
  const wrong = (c.not || []).filter((s) => n.includes(normalize(s)));
  return { ok: missing.length === 0 && wrong.length === 0, missing, wrong };
}

const verbose = process.argv.includes('--verbose');
let pass = 0;
let total = 0;
const byTag = new Map();
const tagOf = new Map();
// A case is a conversation of one turn, asked on its own.
const all = [
  ...cases.map((c) => ({ today: c.today ?? '', chat: false, turns: [c] })),
  ...conversations.map((c) => ({ ...c, today: c.today ?? '', chat: true })),
];
const byRun = new Map();
for (const c of all) byRun.set(`${c.chat}|${c.today}`, [...(byRun.get(`${c.chat}|${c.today}`) ?? []), c]);
for (const [run, list] of byRun) {
  const [chat, today] = run.split('|');
  const input = list.map((c) => c.turns.map((t) => t.q).join('\n')).join(chat === 'true' ? '\n\n' : '\n');
  const args = ['run', '--silent', 'ask', '--', '--json', ...(chat === 'true' ? ['--chat'] : []), ...(today ? ['--today', today] : [])];
  const r = spawnSync('npm', args, { input: `${input}\n`, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`ask failed (${r.status}): ${(r.stderr || '').slice(-500)}`);
  const answers = r.stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l));
  const turns = list.flatMap((c) => c.turns);
  for (const c of list) for (const t of c.turns) tagOf.set(t, c.tag ?? t.tag ?? '');
  if (answers.length !== turns.length) throw new Error(`ask returned ${answers.length} answers for ${turns.length} turns`);
  turns.forEach((t, i) => {
    total++;
    const s = score(t, answers[i].reply ?? '');
    const tally = byTag.get(tagOf.get(t)) ?? [0, 0];
    byTag.set(tagOf.get(t), [tally[0] + (s.ok ? 1 : 0), tally[1] + 1]);
    if (s.ok) pass++;
    else if (verbose)
      console.log(
        `FAIL ${t.q} @${today}\n  missing: ${JSON.stringify(s.missing)} wrong: ${JSON.stringify(s.wrong)}\n  reply: ${(answers[i].reply ?? '').replace(/\n/g, ' | ').slice(0, 400)}`,
      );
  });
}
if (process.argv.includes('--tags')) for (const [tag, [p, n]] of byTag) console.log(`  ${tag}: ${p}/${n}`);
console.log(`cases and conversation turns: ${pass}/${total}`);
process.exitCode = pass === total ? 0 : 1;
