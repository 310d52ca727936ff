/** The project's evaluation (test/eval: cases of every kind of question, and conversations) must pass whole. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('evaluation', () => {
  it('every case and every conversation turn is answered right through the ask contract', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'test/eval/run.mjs'), '--verbose'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toMatch(/cases and conversation turns: (\d+)\/\1\n/);
    expect(r.status).toBe(0);
  });
});
