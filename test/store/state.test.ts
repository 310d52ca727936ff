import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFileError, Store } from '../../src/store/state.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'state-'));

const record = (id: string) => ({ id, planId: 'p', taskId: 'I.1', party: 'so-noi-vu', on: '2019-01-01', at: '2019-01-01T01:00:00.000Z', by: 'o1' });

describe('the state file', () => {
  it('is created with a schema version and keeps a change across a reopen', async () => {
    const file = path.join(tmp(), 'var', 'state.json');
    const store = await Store.open(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(2);
    await store.mutate((d) => void d.completions.push(record('c1')));
    const again = await Store.open(file);
    expect(again.state.completions.map((c) => c.id)).toEqual(['c1']);
    expect(again.completions('p').get('I.1')).toEqual([{ taskId: 'I.1', party: 'so-noi-vu', on: '2019-01-01' }]);
  });
  it('reads an empty version-1 file from the first release', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":1,"completions":[]}');
    expect((await Store.open(file)).state.schemaVersion).toBe(2);
  });
  it('a corrupt file stops opening with a clear message and is left as it was', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":2,"officials":[');
    await expect(Store.open(file)).rejects.toThrow(StateFileError);
    await expect(Store.open(file)).rejects.toThrow(/not readable as JSON.*left as it is/);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion":2,"officials":[');
  });
  it('a file from an unknown version says which version it is', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":99}');
    await expect(Store.open(file)).rejects.toThrow(/schema version 99; this version reads 2/);
  });
  it('a change that cannot be written is reported and leaves nothing behind in memory', async () => {
    const dir = path.join(tmp(), 'd');
    const file = path.join(dir, 'state.json');
    const store = await Store.open(file);
    await store.mutate((d) => void d.completions.push(record('c1')));
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a directory');
    await expect(store.mutate((d) => void d.completions.push(record('c2')))).rejects.toThrow();
    expect(store.state.completions.map((c) => c.id)).not.toContain('c2');
  });
  it('many changes at once are all written, and the file is always whole', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await Store.open(file);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.mutate((d) => void d.completions.push(record(`c${i}`)))));
    expect(JSON.parse(readFileSync(file, 'utf8')).completions).toHaveLength(200);
  });
  it('a change that names its sections still leaves the whole file exactly equal to memory', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await Store.open(file);
    await store.mutate(
      (d) =>
        void d.officials.push({
          id: 'o1',
          accounts: [{ channel: 'telegram', userId: '1', chatId: '1' }],
          name: 'A',
          position: 'B',
          agency: 'so-noi-vu',
          status: 'approved',
          requestedAt: '2019-01-01T00:00:00.000Z',
          notify: true,
        }),
    );
    await store.mutate((d) => void d.completions.push(record('c1')), ['completions', 'audit']);
    await store.mutate((d) => void (d.officials[0]!.status = 'revoked'));
    await store.mutate((d) => void d.completions.push(record('c2')), ['completions', 'audit']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(store.state)));
    expect(JSON.parse(readFileSync(file, 'utf8')).officials[0].status).toBe('revoked');
  });
});
