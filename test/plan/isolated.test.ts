/**
 * A plan file parsed in a worker thread (src/plan/import/isolated.ts): the same plan as a parse in the process, an
 * import refusal as the same ImportError, and a file past the time or memory limit ends its worker with a refusal
 * naming the limit — the process goes on.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../src/plan/import/index.ts';
import { importIsolated } from '../../src/plan/import/isolated.ts';
import { planDocx } from '../fixtures/plan-docx.ts';
import { dir } from '../helpers.ts';

describe('a plan file read in a worker thread', () => {
  it('gives the plan and the warnings a read in the process gives', async () => {
    const bytes = await planDocx();
    const here = await importFile('kh-1234.docx', bytes, dir, { source: 'kh-1234.docx' }, '2021-06-01');
    const there = await importIsolated('kh-1234.docx', bytes, dir, { source: 'kh-1234.docx' }, '2021-06-01');
    expect(there).toEqual(here);
    expect(there.plan.tasks.map((t) => t.id)).toEqual(['I.1', 'I.2', 'I.3']);
  });

  it('a file it refuses is the same ImportError, with its code and what the message names', async () => {
    const damaged = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    const e = await importIsolated('hong.docx', damaged, dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('damaged');
    const old = await importIsolated('cu.xls', Buffer.alloc(10), dir).catch((x: unknown) => x);
    expect(old).toBeInstanceOf(ImportError);
    expect((old as ImportError).code).toBe('old-format');
  });

  it('past the time limit the worker is stopped and the refusal names the limit', async () => {
    const e = await importIsolated('kh.docx', await planDocx(), dir, {}, undefined, { timeMs: 200, heapMb: 512 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('too-slow');
    expect((e as ImportError).params).toEqual({ seconds: 1 });
  });

  it('past the memory limit the worker ends, not the process, and the refusal names the limit', async () => {
    const e = await importIsolated('kh.docx', await planDocx(), dir, {}, undefined, { timeMs: 60_000, heapMb: 8 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('too-heavy');
    expect((e as ImportError).params).toEqual({ max: 8 });
    // And the next file is read as usual.
    expect((await importIsolated('kh.docx', await planDocx(), dir)).plan.tasks).toHaveLength(3);
  });

  it('one file is read at a time and a few wait their turn; past those the sender is told to send it again later', async () => {
    const bytes = await planDocx();
    const quick = { timeMs: 200, heapMb: 512 };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => importIsolated('kh.docx', bytes, dir, {}, undefined, quick).catch((x: ImportError) => x.code)),
    );
    expect(results.filter((c) => c === 'busy')).toHaveLength(1);
    expect(results.filter((c) => c === 'too-slow')).toHaveLength(5);
  });
});
