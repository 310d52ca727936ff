import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFileError, type Store } from '../../src/store/port.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { fromColumns, toColumns } from '../../src/store/columns.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'state-'));

const record = (task: string) => ({ planId: 'p', taskId: task, party: 'so-noi-vu', on: '2019-01-01', by: 'admin:telegram:9' });
const AT = new Date('2019-01-01T01:00:00.000Z');

describe('the state file', () => {
  it('is created with a schema version and keeps a change across a reopen', async () => {
    const file = path.join(tmp(), 'var', 'state.json');
    const store = await FileStore.open(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(6);
    await store.recordCompletion(record('I.1'), AT);
    const again = await FileStore.open(file);
    expect(again.snapshot().completions.map((c) => c.taskId)).toEqual(['I.1']);
    expect(again.completions('p').get('I.1')).toEqual([{ taskId: 'I.1', party: 'so-noi-vu', on: '2019-01-01' }]);
  });
  it('reads an empty version-1 file from the first release', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":1,"completions":[]}');
    expect((await FileStore.open(file)).snapshot().schemaVersion).toBe(6);
  });
  it('a corrupt file stops opening with a clear message and is left as it was', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":2,"officials":[');
    await expect(FileStore.open(file)).rejects.toThrow(StateFileError);
    await expect(FileStore.open(file)).rejects.toThrow(/not readable as JSON.*left as it is/);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion":2,"officials":[');
  });
  it('a file from an unknown version says which version it is', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":99}');
    await expect(FileStore.open(file)).rejects.toThrow(/schema version 99; this version reads 6/);
  });
  it('a change that cannot be written is reported and leaves nothing behind in memory', async () => {
    const dir = path.join(tmp(), 'd');
    const file = path.join(dir, 'state.json');
    const store = await FileStore.open(file);
    await store.recordCompletion(record('I.1'), AT);
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a directory');
    await expect(store.recordCompletion(record('I.2'), AT)).rejects.toThrow();
    expect(store.snapshot().completions.map((c) => c.taskId)).not.toContain('I.2');
  });
  it('many changes at once are all written, and the file is always whole', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.recordCompletion(record(`T.${i}`), AT)));
    expect(JSON.parse(readFileSync(file, 'utf8')).completions).toHaveLength(200);
  });
  it('each named operation writes what it changes: the whole file stays exactly equal to memory', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file);
    const { official } = await store.addOfficial(
      { account: { channel: 'telegram', userId: '1', chatId: '1' }, name: 'A', position: 'B', agency: 'so-noi-vu' },
      'telegram:1',
      AT,
    );
    await store.decide(official.id, 'approved', 'admin:telegram:9', AT);
    await store.recordCompletion(record('I.1'), AT);
    await store.decide(official.id, 'revoked', 'admin:telegram:9', AT);
    await store.putConversation('session:telegram:1', { kind: 'note' }, new Date('2019-01-01T02:00:00Z'), AT);
    await store.recordCompletion(record('I.2'), AT);
    // The file also names the last change of the change journal it holds (none: a small state is rewritten whole).
    // and the checksums of its side files (none: a small state has none).
    const { journal, sums, ...onDisk } = JSON.parse(readFileSync(file, 'utf8'));
    expect(journal).toBe(0);
    expect(sums).toEqual({});
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(store.snapshot())));
    expect(onDisk.officials[0].status).toBe('revoked');
  });
  it('what a command returns is a copy: changing it changes nothing stored', async () => {
    const store = await FileStore.open(path.join(tmp(), 'state.json'));
    const { record: rec } = await store.recordCompletion(record('I.1'), AT);
    rec.party = 'someone-else';
    expect(store.snapshot().completions[0]!.party).toBe('so-noi-vu');
  });
  it('a conversation value expires, and an expired one is dropped on the next write', async () => {
    const store = await FileStore.open(path.join(tmp(), 'state.json'));
    await store.putConversation('a', { n: 1 }, new Date('2019-01-01T01:10:00Z'), AT);
    expect(store.conversation('a', new Date('2019-01-01T01:05:00Z'))).toEqual({ n: 1 });
    expect(store.conversation('a', new Date('2019-01-01T01:11:00Z'))).toBeUndefined();
    await store.putConversation('b', { n: 2 }, new Date('2019-01-01T03:00:00Z'), new Date('2019-01-01T01:11:00Z'));
    expect(store.snapshot().conversations.map((c) => c.key)).toEqual(['b']);
  });
  it('a version-2 file is read and gains an empty conversation section', async () => {
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, '{"schemaVersion":2,"officials":[],"completions":[],"audit":[],"runs":[],"deliveries":[],"reminders":[],"seq":4}');
    const store = await FileStore.open(file);
    expect(store.snapshot()).toMatchObject({ schemaVersion: 6, conversations: [], progress: [], plans: [], seq: 4 });
  });
  it('closing without a change writes nothing (a reader never overwrites a live file)', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file);
    const other = await FileStore.open(file);
    await other.recordCompletion(record('I.1'), AT);
    await store.flush();
    expect(JSON.parse(readFileSync(file, 'utf8')).completions).toHaveLength(1);
  });
});

describe('a state file bounded by the state, not the history', () => {
  const tick = (store: Store, i: number, at: Date) =>
    store.recordCompletion({ planId: 'P', taskId: `T${i}`, party: 'so-tai-chinh', on: '2019-03-20', by: 'admin:telegram:9' }, at);
  it('past 200 entries the audit log moves to its journal: the state file stays small, the log stays whole and in order', async () => {
    const { AUDIT_IN_FILE } = await import('../../src/store/embedded/file-store.ts');
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file);
    const at = new Date('2019-03-20T03:00:00Z');
    for (let i = 0; i < 450; i++) await tick(store, i, at);
    const inFile = JSON.parse(readFileSync(file, 'utf8')).audit as unknown[];
    expect(inFile.length).toBeLessThanOrEqual(AUDIT_IN_FILE);
    expect(readFileSync(`${file}.audit.jsonl`, 'utf8').trim().split('\n').length + inFile.length).toBe(450);
    const subjects = (await FileStore.open(file)).snapshot().audit.map((a) => a.subject);
    expect(subjects).toEqual(Array.from({ length: 450 }, (_, i) => `T${i}/so-tai-chinh`));
  });
  it('a crash between the journal append and the state write appends nothing twice', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file);
    const at = new Date('2019-03-20T03:00:00Z');
    for (let i = 0; i < 150; i++) await tick(store, i, at);
    // As if a move had appended the first 150 entries and died before rewriting the state file.
    const audit = JSON.parse(readFileSync(file, 'utf8')).audit as unknown[];
    writeFileSync(`${file}.audit.jsonl`, audit.map((a) => `${JSON.stringify(a)}\n`).join(''));
    const again = await FileStore.open(file);
    for (let i = 150; i < 260; i++) await tick(again, i, at);
    const subjects = (await FileStore.open(file)).snapshot().audit.map((a) => a.subject);
    expect(subjects).toEqual(Array.from({ length: 260 }, (_, i) => `T${i}/so-tai-chinh`));
  });
  it('reminders of due dates long past are forgotten as new ones are recorded', async () => {
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file);
    await store.recordReminders(['P|I.1|so-tai-chinh|2019-03-31|7|o1'], new Date('2019-03-24T01:00:00Z'));
    await store.recordReminders(['P|I.2|so-tai-chinh|2019-06-30|7|o1'], new Date('2019-06-23T01:00:00Z'));
    expect(store.remindersSent().has('P|I.1|so-tai-chinh|2019-03-31|7|o1')).toBe(false);
    expect(store.remindersSent().has('P|I.2|so-tai-chinh|2019-06-30|7|o1')).toBe(true);
  });
});

describe('many officials', () => {
  const officials = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      accounts: [{ channel: 'telegram' as const, userId: String(10_000 + i), chatId: String(10_000 + i) }],
      name: `Cán bộ số ${i}`,
      position: 'Chuyên viên phòng Kế hoạch - Tài chính',
      agency: 'so-tai-chinh',
      status: 'approved' as const,
      requestedAt: '2019-01-01T00:00:00.000Z',
      notify: true,
    }));
  it('live in a side file the state file names, written only when they change; a tick leaves it alone', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const dir = tmp();
    const file = path.join(dir, 'state.json');
    const store = await FileStore.open(file);
    await store.importOfficials(officials(6000), 'test', new Date('2019-03-20T03:00:00Z'));
    const main = JSON.parse(readFileSync(file, 'utf8'));
    expect(main.officials).toEqual([]);
    expect(main.officialsRef).toBe('state.json.officials.1.json');
    expect(statSync(file).size).toBeLessThan(50_000);
    const side = path.join(dir, main.officialsRef);
    const written = statSync(side).mtimeMs;
    await store.recordCompletion(
      { planId: 'P', taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-20', by: 'admin:telegram:9' },
      new Date('2019-03-20T03:00:00Z'),
    );
    expect(statSync(side).mtimeMs).toBe(written);
    // A big state: a change is a line of the change journal; the files are written at the next snapshot, where an
    // official's change writes a new side file, and the old one goes.
    await store.setNotify('o1', false, new Date('2019-03-21T03:00:00Z'));
    expect(readdirSync(dir).filter((f) => f.includes('.officials.'))).toEqual(['state.json.officials.1.json']);
    expect((await FileStore.open(file)).official('o1')?.notify).toBe(false);
    await store.flush();
    expect(readdirSync(dir).filter((f) => f.includes('.officials.'))).toEqual(['state.json.officials.2.json']);
    expect(readFileSync(`${file}.changes.jsonl`, 'utf8')).toBe('');
    const again = await FileStore.open(file);
    expect(again.snapshot().officials).toHaveLength(6000);
    expect(again.official('o1')?.notify).toBe(false);
    expect(again.snapshot().completions).toHaveLength(1);
  });
  it('a side file changed since it was written (its checksum differs) is checked record by record again', async () => {
    const dir = tmp();
    const file = path.join(dir, 'state.json');
    await (await FileStore.open(file)).importOfficials(officials(6000), 'test', new Date('2019-03-20T03:00:00Z'));
    const main = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(main.sums)).toEqual([main.officialsRef]);
    const side = path.join(dir, main.officialsRef);
    // Side files hold the records as columns (src/store/columns.ts).
    const list = fromColumns(JSON.parse(readFileSync(side, 'utf8')));
    list[5]!.status = 'retired';
    writeFileSync(side, JSON.stringify(toColumns(list)));
    await expect(FileStore.open(file)).rejects.toThrow(/not a valid state file.*officials\.5\.status/);
    // Put right by hand (a valid record), it is read, checked, and kept; an array of records (as versions before
    // columns wrote side files) is read too.
    list[5]!.status = 'left';
    writeFileSync(side, JSON.stringify(list));
    expect((await FileStore.open(file)).official(String(list[5]!.id))?.status).toBe('left');
  });
  it('a side file left by a crash is removed at start; a missing one stops start-up and changes nothing', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = tmp();
    const file = path.join(dir, 'state.json');
    await (await FileStore.open(file)).importOfficials(officials(6000), 'test', new Date('2019-03-20T03:00:00Z'));
    writeFileSync(path.join(dir, 'state.json.officials.7.json'), '[]');
    await FileStore.open(file, { lock: true });
    expect(readdirSync(dir).filter((f) => f.includes('.officials.'))).toEqual(['state.json.officials.1.json']);
    const other = tmp();
    const copy = path.join(other, 'state.json');
    writeFileSync(copy, readFileSync(file));
    await expect(FileStore.open(copy)).rejects.toThrow(/officials file state\.json\.officials\.1\.json cannot be read/);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });
});

describe('many ticks', () => {
  it('past the split size, completions live in a file per plan, and a tick rewrites its own plan only', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const dir = tmp();
    const file = path.join(dir, 'state.json');
    const store = await FileStore.open(file);
    const at = new Date('2019-03-20T03:00:00Z');
    const state = structuredClone(store.snapshot()) as Parameters<Store['restore']>[0];
    state.completions = Array.from({ length: 9000 }, (_, i) => ({
      id: `c${i + 1}`,
      planId: `P${i % 3}`,
      taskId: `T${i}`,
      party: 'so-tai-chinh',
      on: '2019-03-20',
      at: at.toISOString(),
      by: 'admin:telegram:9',
    }));
    state.seq = 9000;
    await store.restore(state);
    const sides = () =>
      readdirSync(dir)
        .filter((f) => f.includes('.completions.'))
        .sort();
    expect(sides()).toHaveLength(3);
    expect(JSON.parse(readFileSync(file, 'utf8')).completions).toEqual([]);
    const before = new Map(sides().map((f) => [f, statSync(path.join(dir, f)).mtimeMs]));
    await store.recordCompletion({ planId: 'P1', taskId: 'NEW', party: 'so-tai-chinh', on: '2019-03-21', by: 'admin:telegram:9' }, at);
    // Journaled first; the snapshot then rewrites that plan's file only.
    expect(sides().filter((f) => before.get(f) === statSync(path.join(dir, f)).mtimeMs)).toHaveLength(3);
    await store.flush();
    const after = sides();
    expect(after).toHaveLength(3);
    // Two files untouched, the P1 file replaced by a new one.
    expect(after.filter((f) => before.get(f) === statSync(path.join(dir, f)).mtimeMs)).toHaveLength(2);
    const again = await FileStore.open(file, { lock: true });
    expect(again.snapshot().completions).toHaveLength(9001);
    expect(again.completions('P1').get('NEW')).toHaveLength(1);
    expect(again.liveCompletion('P2', 'T2', 'so-tai-chinh')).toBeDefined();
  });
});

describe('other big sections', () => {
  it('reminders past the split size live in their own side file too, and read back whole', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = tmp();
    const file = path.join(dir, 'state.json');
    const store = await FileStore.open(file);
    const keys = Array.from({ length: 20_000 }, (_, i) => `P|T${i}|so-tai-chinh|2019-12-31|7|o${i}`);
    await store.recordReminders(keys, new Date('2019-12-24T01:00:00Z'));
    expect(JSON.parse(readFileSync(file, 'utf8')).remindersRef).toMatch(/^state\.json\.reminders\.\d+\.json$/);
    expect(readdirSync(dir).filter((f) => f.includes('.reminders.'))).toHaveLength(1);
    const again = await FileStore.open(file);
    expect(again.remindersSent().size).toBe(20_000);
    expect(again.remindersSent().has('P|T19999|so-tai-chinh|2019-12-31|7|o19999')).toBe(true);
  });
});

describe('push deliveries', () => {
  it('are read from their journal when first needed, and a delivery recorded first is not counted twice', async () => {
    const file = path.join(tmp(), 'state.json');
    const at = new Date('2019-03-25T00:30:00Z');
    const first = await FileStore.open(file);
    await first.startRun('digest:a', 2, at);
    await first.recordDeliveries([{ run: 'digest:a', to: 'o1', status: 'sent', at: at.toISOString(), attempts: 1 }]);
    // A fresh process whose first touch of the journal is an append.
    const second = await FileStore.open(file);
    await second.recordDeliveries([{ run: 'digest:a', to: 'o2', status: 'sent', at: at.toISOString(), attempts: 1 }]);
    expect(second.deliveriesOf('digest:a').map((d) => d.to)).toEqual(['o1', 'o2']);
    await second.finishRun('digest:a', { sent: 2, failed: 0 }, at);
    expect((await FileStore.open(file)).deliveriesOf('digest:a').map((d) => d.to)).toEqual(['o1', 'o2']);
  });
});

describe('the change journal of a big state', () => {
  const crowd = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      accounts: [{ channel: 'telegram' as const, userId: String(50_000 + i), chatId: String(50_000 + i) }],
      name: `Cán bộ ${i}`,
      position: 'Chuyên viên phòng Kế hoạch - Tài chính',
      agency: 'so-tai-chinh',
      status: 'approved' as const,
      requestedAt: '2019-01-01T00:00:00.000Z',
      notify: true,
    }));
  const big = async (snapshotEvery?: number) => {
    const file = path.join(tmp(), 'state.json');
    const store = await FileStore.open(file, snapshotEvery ? { snapshotEvery } : {});
    await store.importOfficials(crowd(6000), 'test', AT);
    return { file, store };
  };
  const lines = (file: string) => readFileSync(`${file}.changes.jsonl`, 'utf8').split('\n').filter(Boolean);

  it('a change is one line appended, the state file untouched; reopening replays it', async () => {
    const { file, store } = await big();
    const before = readFileSync(file, 'utf8');
    await store.recordCompletion(record('I.1'), AT);
    await store.putConversation('session:telegram:1', { kind: 'note' }, new Date('2019-01-01T02:00:00Z'), AT);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(lines(file)).toHaveLength(2);
    const again = await FileStore.open(file);
    expect(again.liveCompletion('p', 'I.1', 'so-noi-vu')).toBeDefined();
    expect(again.conversation('session:telegram:1', AT)).toEqual({ kind: 'note' });
    // Ids go on after the replayed ones.
    expect((await store.recordCompletion(record('I.2'), AT)).record.id).not.toBe(again.liveCompletion('p', 'I.1', 'so-noi-vu')!.id);
  });

  it('a snapshot every N changes: the journal then keeps only what came after it, and nothing is lost', async () => {
    const { file, store } = await big(5);
    for (let i = 0; i < 12; i++) await store.recordCompletion(record(`T.${i}`), AT);
    await new Promise((r) => setTimeout(r, 200));
    expect(lines(file).length).toBeLessThan(5);
    expect(JSON.parse(readFileSync(file, 'utf8')).journal).toBeGreaterThanOrEqual(10);
    const again = await FileStore.open(file);
    expect(again.completions('p').size).toBe(12);
    expect(again.snapshot().audit.filter((a) => a.action === 'tick')).toHaveLength(12);
  });

  it('a crash mid-append (a torn last line) loses nothing acknowledged, and the next change is read back whole', async () => {
    const { file, store } = await big();
    await store.recordCompletion(record('I.1'), AT);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(`${file}.changes.jsonl`, '{"n":99,"seq":1,"w":[["completions","c9');
    const restarted = await FileStore.open(file);
    expect(restarted.completions('p').size).toBe(1);
    await restarted.recordCompletion(record('I.2'), AT);
    const again = await FileStore.open(file);
    expect([...again.completions('p').keys()].sort()).toEqual(['I.1', 'I.2']);
  });

  it('a damaged line before the last stops start-up with a clear message; nothing is changed', async () => {
    const { file, store } = await big();
    await store.recordCompletion(record('I.1'), AT);
    await store.recordCompletion(record('I.2'), AT);
    const [first, second] = lines(file);
    const damaged = `${first!.replace('"taskId":"I.1"', '"taskId":42')}\n${second}\n`;
    writeFileSync(`${file}.changes.jsonl`, damaged);
    await expect(FileStore.open(file)).rejects.toThrow(/change journal has a damaged line.*left as it is/);
    expect(readFileSync(`${file}.changes.jsonl`, 'utf8')).toBe(damaged);
  });
});
