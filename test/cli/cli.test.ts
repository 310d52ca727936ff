import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, SOURCE } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// As npm runs them: through src/run.mjs.
const run = (script: string, args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync(process.execPath, launch(script, ...args), { input, encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 });

describe('npm run ask', () => {
  it('answers a question given as an argument', () => {
    const r = run('cli/ask.ts', ['--today', '2019-04-10', 'Sở Tài chính phải làm gì?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('I.4 — Quy định về mức chi');
  });
  it('--json reads one question a line from stdin and prints one object a line', () => {
    const r = run(
      'cli/ask.ts',
      ['--json', '--today', '2018-12-01'],
      'ai chu tri thanh lap trung tam phuc vu hanh chinh cong\n\nSở Tài chính có việc gì trễ hạn không?\n',
    );
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ question: 'ai chu tri thanh lap trung tam phuc vu hanh chinh cong', intent: 'task', agencies: [] });
    expect(lines[0].tasks[0]).toEqual({
      id: 'II.1',
      content: expect.stringContaining('Tham mưu thành lập'),
      lead: ['VP.UBND tỉnh', 'Sở Nội vụ', 'UBND cấp huyện', 'UBND cấp xã'],
      coordinate: ['Các cơ quan, đơn vị liên quan'],
      deadline: 'Quý IV/2018',
      due: '2018-12-31',
      status: 'in_progress',
    });
    expect(lines[1].intent).toBe('empty');
    expect(lines[2].reply).toContain('Không có nhiệm vụ nào quá hạn');
  });
  it('refuses an impossible --today with a message', () => {
    const r = run('cli/ask.ts', ['--today', '2019-02-30', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ngày không hợp lệ: 2019-02-30');
  });
  it('--plan answers from another data file, and a broken one is a clear error', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'ask-'));
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"schemaVersion":1}');
    const r = run('cli/ask.ts', ['--plan', bad, 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: id: /);
  });
});

describe('npm run import and export', () => {
  it('imports the source text into a data file and lists what it judged', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'imp-')), 'plan.json');
    const r = run('cli/import.ts', [SOURCE, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('19 nhiệm vụ, 7 phân công');
    expect(r.stderr).toContain('II.6: số thứ tự 6 bị lặp');
    expect(JSON.parse(readFileSync(out, 'utf8')).tasks).toHaveLength(19);
  });
  it('exports CSV as UTF-8 with a BOM, Vietnamese intact, one row a task', () => {
    const r = spawnSync(process.execPath, launch('cli/export.ts', '--format', 'csv', '--today', '2019-04-10'), { cwd: ROOT });
    const bytes = r.stdout as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^STT,Mục,Số,Nội dung,Cơ quan chủ trì/);
    expect(lines.find((l) => l.startsWith('I.4,'))).toContain('Quá hạn');
  });
});

describe('npm start without a messenger token', () => {
  it('opens the terminal chat, answers, and says how Telegram will connect', () => {
    const state = path.join(mkdtempSync(path.join(tmpdir(), 'start-')), 'state.json');
    const r = run('main.ts', [], 'so tai chinh phai lam gi\n/quahan\n/xong 1\n/thoat\n', { STATE_FILE: state, BOT_TOKEN: '' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('BOT_TOKEN');
    expect(r.stdout).toContain('Sở Tài chính — nhiệm vụ theo Kế hoạch 4561/KH-UBND');
    // The same guest commands as on the messengers, with the same refusals.
    expect(r.stdout).toContain('Nhiệm vụ quá hạn');
    expect(r.stdout).toContain('Bạn chưa đăng ký cán bộ');
    // The screen is the person's: no log line per update among the chat (warnings and errors only).
    expect(r.stderr).not.toContain('"msg":"update"');
    // Nothing but the chat's own conversation state (what it was last shown, for follow-ups) was written.
    expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual({
      schemaVersion: 6,
      conversations: expect.any(Array),
      progress: [],
      plans: [],
      extensions: [],
      evidence: [],
      officials: [],
      completions: [],
      audit: [],
      runs: [],
      deliveries: [],
      reminders: [],
      seq: 0,
      journal: 0,
      sums: {},
    });
  });
  it('a corrupt state file stops start-up with a clear message and is left as it was', () => {
    const state = path.join(mkdtempSync(path.join(tmpdir(), 'start-')), 'state.json');
    writeFileSync(state, '{"schemaVersion": 1, "completions": [');
    const r = run('main.ts', [], '', { STATE_FILE: state });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Không khởi động được: .*state\.json: not readable as JSON/);
    expect(readFileSync(state, 'utf8')).toBe('{"schemaVersion": 1, "completions": [');
  });
  it('a bad environment value is named without echoing it', () => {
    const r = run('main.ts', [], '', { BOT_TOKEN: 'secret-but-malformed' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('BOT_TOKEN');
    expect(r.stderr).not.toContain('secret-but-malformed');
  });
});

describe('npm run report', () => {
  it('writes the .xlsx report for a plan as of a day', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'report-')), 'bao-cao.xlsx');
    const r = run('cli/report.ts', ['--plan', '4561', '--today', '2019-04-10', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('tính đến 10/04/2019');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Chi tiết']);
  }, 60_000);
  it('reports a plan of PLANS_DIR by its number, as the bot serves it', () => {
    const plans = mkdtempSync(path.join(tmpdir(), 'plans-'));
    writeFileSync(path.join(plans, '215.json'), readFileSync(path.join(ROOT, 'test/fixtures/corpus-plans/215-KH-UBND-2024.json')));
    const out = path.join(plans, 'r.xlsx');
    const r = run('cli/report.ts', ['--plan', '215', '--today', '2024-06-01', '-o', out], '', { PLANS_DIR: plans, STATE_FILE: path.join(plans, 'state.json') });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Kế hoạch 215/KH-UBND');
  }, 60_000);
});

describe('--plan', () => {
  it("takes a plan's number as well as a file; an unknown number lists those there are", () => {
    expect(run('cli/ask.ts', ['--plan', '4561', '--today', '2019-04-10', 'Sở Tài chính phải làm gì?']).stdout).toContain('I.4 — Quy định về mức chi');
    expect(run('cli/export.ts', ['--format', 'csv', '--plan', '4561/KH-UBND']).stdout).toContain('I.1,I,1,');
    const bad = run('cli/ask.ts', ['--plan', '9999', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('there are: 4561/KH-UBND');
  }, 60_000);
});

describe('npm run import of an Excel file', () => {
  it('writes a validated data file and names what it had to guess', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Phụ lục');
    sheet.addRow(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành']);
    sheet.addRow(['1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý III/2027']);
    const dirPath = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
    const file = path.join(dirPath, 'ra-soat-tthc.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = path.join(dirPath, 'plan.json');
    const r = run('cli/import.ts', [file, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('(xlsx): 1 nhiệm vụ');
    expect(r.stderr).toContain('Văn bản không ghi số kế hoạch');
    expect(r.stderr).toContain('--number');
    expect(JSON.parse(readFileSync(out, 'utf8')).tasks[0]).toMatchObject({ id: 'NV.1', content: 'Rà soát thủ tục hành chính' });
    // The same sheet named with its number: the number is read from the name and said; the command is unchanged.
    const named = path.join(dirPath, 'KH 1234-UBND.xlsx');
    writeFileSync(named, Buffer.from(await wb.xlsx.writeBuffer()));
    const r2 = run('cli/import.ts', [named, '-o', out]);
    expect(r2.status).toBe(0);
    expect(r2.stderr).toContain('Văn bản không ghi số kế hoạch; lấy theo tên tệp: "1234/KH-UBND"');
    expect(r2.stderr).not.toContain('--number');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: '1234/KH-UBND', number: '1234/KH-UBND' });
  }, 60_000);
});

describe('npm run ask -- --json --chat', () => {
  it('answers stdin lines as one conversation; a blank line starts a new one; `more` holds the further pages', () => {
    const r = run(
      'cli/ask.ts',
      ['--json', '--chat', '--today', '2019-04-10'],
      'Sở Nội vụ có việc gì quá hạn\ncòn Sở Tài chính thì sao?\n\ncòn Sở Tài chính thì sao?\nVP.UBND tỉnh có nhiệm vụ gì?\n',
    );
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[1].reply).toContain('Nhiệm vụ quá hạn của Sở Tài chính (1)');
    expect(lines[2].reply).not.toContain('quá hạn của Sở Tài chính');
    expect(lines[3].reply.length).toBeLessThanOrEqual(2000);
    expect(lines[3].more.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('one writer per state file', () => {
  async function stateWithTick(on: string) {
    const { FileStore } = await import('../../src/store/embedded/file-store.ts');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'live-')), 'state.json');
    const store = await FileStore.open(file);
    const { plan } = await import('../helpers.ts');
    await store.recordCompletion({ planId: plan.id, taskId: 'I.4', party: 'so-tai-chinh', on, by: 'o1' }, new Date(`${on}T03:00:00Z`));
    return file;
  }
  it('npm run export and npm run ask show the status recorded in STATE_FILE, as of --today', async () => {
    const file = await stateWithTick('2019-03-10');
    const rows = JSON.parse(run('cli/export.ts', ['--format', 'json', '--today', '2019-04-10'], '', { STATE_FILE: file }).stdout).tasks;
    expect(rows.find((r: { id: string }) => r.id === 'I.4').status).toBe('done_on_time');
    const before = JSON.parse(run('cli/export.ts', ['--format', 'json', '--today', '2019-03-01'], '', { STATE_FILE: file }).stdout).tasks;
    expect(before.find((r: { id: string }) => r.id === 'I.4').status).toBe('in_progress');
    const asked = JSON.parse(run('cli/ask.ts', ['--json', '--today', '2019-04-10', 'khi nao xong quy dinh muc chi'], '', { STATE_FILE: file }).stdout);
    expect(asked.tasks[0]).toMatchObject({ id: 'I.4', status: 'done_on_time' });
    expect(readFileSync(`${file}`, 'utf8')).toContain('"I.4"');
  }, 60_000);
  it('the terminal chat beside a running bot reads the live file and never writes it', async () => {
    const file = await stateWithTick('2019-03-10');
    const { spawn } = await import('node:child_process');
    const bot = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/fixtures/take-lock.ts'), file, '20000'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise((r) => bot.stdout!.once('data', r));
      const before = readFileSync(file, 'utf8');
      const r = run('main.ts', [], 'khi nao xong quy dinh muc chi\n/dangky\nSở Tài chính\n/thoat\n', { STATE_FILE: file, BOT_TOKEN: '' });
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('trò chuyện này chỉ đọc');
      expect(r.stdout).toContain('Hoàn thành');
      expect(r.stdout).toContain('chỉ hỏi đáp được');
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      bot.kill('SIGKILL');
    }
  }, 60_000);
});

describe('many plans on the command line', () => {
  it('ask spans the plans of PLANS_DIR; --plan by number answers from one; export and push --dry-run take --plan too', async () => {
    const { mkdtempSync, copyFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { importFile } = await import('../../src/plan/import/index.ts');
    const { planDocx } = await import('../fixtures/plan-docx.ts');
    const { dir } = await import('../helpers.ts');
    const plansDir = mkdtempSync(path.join(tmpdir(), 'cli-plans-'));
    copyFileSync(path.join(ROOT, 'data/plans/4561-KH-UBND-2018.json'), path.join(plansDir, '4561-KH-UBND-2018.json'));
    const { plan } = await importFile('kh-1234.docx', await planDocx(), dir, { source: 'kh-1234.docx' }, '2026-11-29');
    writeFileSync(path.join(plansDir, '1234-KH-UBND-2021.json'), JSON.stringify(plan));
    const env = { PLANS_DIR: plansDir, STATE_FILE: path.join(plansDir, 'none.json') };
    const both = JSON.parse(run('cli/ask.ts', ['--json', '--today', '2021-06-01', 'Sở Tài chính phải làm gì?'], '', env).stdout);
    expect(both.reply).toContain('KH 4561/KH-UBND');
    expect(both.reply).toContain('KH 1234/KH-UBND');
    const one = JSON.parse(run('cli/ask.ts', ['--json', '--plan', '1234', '--today', '2021-06-01', 'Sở Tài chính phải làm gì?'], '', env).stdout);
    expect(one.reply).toContain('quy chế phối hợp thanh toán');
    expect(one.reply).not.toContain('4561');
    const exported = JSON.parse(run('cli/export.ts', ['--format', 'json', '--plan', '1234', '--today', '2021-06-01'], '', env).stdout);
    expect(exported.plan).toBe('1234/KH-UBND');
    expect(exported.tasks).toHaveLength(3);
    // Without --plan, export keeps its contract: the newest active plan.
    expect(JSON.parse(run('cli/export.ts', ['--format', 'json'], '', env).stdout).plan).toBe('1234/KH-UBND');
    const unknown = run('cli/ask.ts', ['--json', '--plan', '999', 'Sở Tài chính phải làm gì?'], '', env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('1234/KH-UBND');
  });
});

describe('CSV cells', () => {
  it('formula text is neutralised; other text is as it was', async () => {
    const { csvField } = await import('../../src/report/csv.ts');
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=a,"b"')).toBe(`"'=a,""b"""`);
    expect(csvField('Sở Tài chính')).toBe('Sở Tài chính');
  });
});

describe('the question classifier', () => {
  it('is trained once per build: its examples are kept beside the bundle and read by the next process', () => {
    const first = run('cli/ask.ts', ['--json', 'hôm nay thời tiết thế nào']);
    expect(first.status).toBe(0);
    const kept = readdirSync(path.join(ROOT, '.run')).filter((f) => /^classifier-[0-9a-f]{16}\.json$/.test(f));
    expect(kept).toHaveLength(1);
    const examples = JSON.parse(readFileSync(path.join(ROOT, '.run', kept[0]!), 'utf8')) as { label: string }[];
    expect(examples.length).toBeGreaterThan(1000);
    const again = run('cli/ask.ts', ['--json', 'hôm nay thời tiết thế nào']);
    expect(JSON.parse(again.stdout).intent).toBe(JSON.parse(first.stdout).intent);
  }, 60_000);
});
