import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, loadPlan } from '../../src/plan/load.ts';
import { SOURCE } from '../helpers.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'plan-load-'));
const good = JSON.parse(readFileSync(path.join(path.dirname(SOURCE), '..', 'plans', '4561-KH-UBND-2018.json'), 'utf8'));

function write(name: string, data: unknown): string {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

describe('a broken plan file stops loading with the file, the path inside it and what is wrong', () => {
  it('bad JSON', () => {
    const file = write('bad.json', '{"schemaVersion": 1,');
    expect(() => loadPlan(file)).toThrow(DataFileError);
    expect(() => loadPlan(file)).toThrow(/bad\.json: not valid JSON/);
  });
  it('a wrong field deep inside', () => {
    const broken = structuredClone(good);
    broken.tasks[4].deadline.due = '31/12/2018';
    const file = write('deep.json', broken);
    expect(() => loadPlan(file)).toThrow(/deep\.json: tasks\[4\]\.deadline\.due: expected a date as YYYY-MM-DD/);
  });
  it('duplicate task ids', () => {
    const broken = structuredClone(good);
    broken.tasks[10].id = 'II.6';
    expect(() => loadPlan(write('dup.json', broken))).toThrow(/tasks\[10\]\.id: duplicate task id II\.6/);
  });
  it('a missing file', () => {
    expect(() => loadPlan(path.join(tmp, 'none.json'))).toThrow(/none\.json: file not found/);
  });
});

describe('plan files already validated on this machine', () => {
  it('are read again without the schema check only while their bytes are the same: an edit is checked again', () => {
    const plan = structuredClone(good);
    plan.title = `${good.title} (bản thử ${Date.now()})`;
    const file = write('cached.json', plan);
    const first = loadPlan(file);
    // Same bytes: the same plan, as checked the first time.
    expect(loadPlan(file)).toEqual(first);
    // Edited into something invalid: refused, the earlier check notwithstanding.
    const broken = structuredClone(plan);
    broken.tasks[4].deadline.due = '31/12/2018';
    write('cached.json', broken);
    expect(() => loadPlan(file)).toThrow(/cached\.json: tasks\[4\]\.deadline\.due/);
    // And back: read again.
    write('cached.json', plan);
    expect(loadPlan(file).title).toBe(plan.title);
  });
});
