/**
 * An approved extension is the deadline everywhere: the answer to "I.4 hạn khi nào" (in chat, from the engine given
 * the store's facts, and from `npm run ask -- --json` reading STATE_FILE), the task's card, /viec, the lists of
 * overdue and coming tasks, the digest and the reminders; and a progress note on a part already reported done is
 * refused.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueReminders, agencyDigest, planDeps } from '../../src/push/digest.ts';
import { launch } from '../helpers.ts';
import { ADMIN, harness } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Today as in the issue: I.4 (due 31/03/2019) is extended to 30/06/2027 and approved. */
async function extended() {
  const h = await harness({ start: '2026-12-02T03:00:00Z' });
  await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
  // Before: long overdue.
  expect(h.text(await h.say('2', 'I.4 hạn khi nào'))).toContain('Quá hạn');
  const sent = await h.say('2', '/giahan I.4 30/06/2027 chờ Thông tư của Bộ Tài chính');
  const id = h.store.snapshot().extensions[0]!.id;
  expect(sent.others.length).toBeGreaterThan(0);
  await h.press(ADMIN, `ed:${id}:ok`);
  return h;
}

describe('an approved extension is the deadline everywhere', () => {
  it('"I.4 hạn khi nào" says the new date and the original, and the status against the new date', async () => {
    const h = await extended();
    const text = h.text(await h.say('2', 'I.4 hạn khi nào'));
    expect(text).toContain('Thời hạn: 30/06/2027 (gia hạn; hạn gốc 31/03/2019)');
    expect(text).toContain('Tình trạng: Đang thực hiện trong hạn (tính đến 02/12/2026)');
    expect(text).not.toContain('Quá hạn');
    // The engine itself, given the store's facts as every caller passes them.
    const { engine } = h.deps.plans.default();
    const r = engine.ask('I.4 hạn khi nào', { today: '2026-12-02', completions: h.store.completions(h.deps.plans.default().plan.id) });
    expect(r.text).toContain('30/06/2027 (gia hạn; hạn gốc 31/03/2019)');
    expect(r.tasks[0]).toMatchObject({ id: 'I.4', due: '2027-06-30', status: 'in_progress' });
    // Without the facts (no store), the plan's own date.
    expect(engine.ask('I.4 hạn khi nào', { today: '2026-12-02' }).text).not.toContain('gia hạn');
  });

  it('the card, /viec, the overdue and coming lists follow the new date', async () => {
    const h = await extended();
    expect(h.text(await h.press('2', 'v:I.4'))).toContain('Thời hạn: 30/06/2027 (gia hạn; hạn gốc 31/03/2019)');
    expect(h.text(await h.say('2', '/viec'))).toContain('Hạn: 30/06/2027 (gia hạn; hạn gốc 31/03/2019) · Đang thực hiện trong hạn');
    const overdue = h.text(await h.say('2', 'Sở Tài chính có nhiệm vụ nào quá hạn?'));
    expect(overdue).toContain('Không có nhiệm vụ nào quá hạn của Sở Tài chính tính đến 02/12/2026');
    expect(overdue).toContain('Đến hạn gần nhất (1):\n• I.4 —');
    const coming = h.text(await h.say('2', 'Sở Tài chính có việc gì đến hạn trong quý II/2027?'));
    expect(coming).toMatch(/I\.4 —/);
    expect(coming).toContain('30/06/2027 (gia hạn; hạn gốc 31/03/2019)');
    // Ranked by its new date: now the plan's latest deadline.
    const last = h.text(await h.say('2', 'Nhiệm vụ nào có hạn muộn nhất?'));
    expect(last).toContain('có hạn muộn nhất: đã gia hạn, hạn gốc 31/03/2019 (hạn 30/06/2027):\n• I.4 —');
    // The quarter it was first due no longer holds it.
    expect(h.text(await h.say('2', 'Sở Tài chính có việc gì đến hạn trong quý I/2019?'))).toContain(
      'Sở Tài chính không có nhiệm vụ nào đến hạn trong Quý I/2019.',
    );
  });

  it('the digest and the reminders give the new date', async () => {
    const h = await extended();
    const deps = planDeps(h.deps, h.deps.plans.default());
    const digest = agencyDigest(deps, 'so-tai-chinh', '2027-06-10', 30);
    expect(h.text({ replies: [digest], others: [] })).toContain('Hạn: 30/06/2027 (gia hạn; hạn gốc 31/03/2019) · Đang thực hiện trong hạn');
    const officials = h.store.officialsWith('approved');
    const reminders = dueReminders(deps, officials, '2027-06-23', [7]);
    expect(reminders.map((r) => [r.task.id, r.due])).toContainEqual(['I.4', '2027-06-30']);
    expect(h.text({ replies: [reminders.find((r) => r.task.id === 'I.4')!.digest], others: [] })).toContain('30/06/2027');
  });

  it('npm run ask -- --json reads the extension from STATE_FILE', async () => {
    const h = await extended();
    await h.store.flush();
    const r = spawnSync(process.execPath, launch('cli/ask.ts', '--json', '--today', '2026-12-02', 'I.4 hạn khi nào'), {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, STATE_FILE: h.file },
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    const asked = JSON.parse(r.stdout);
    expect(asked.reply).toContain('30/06/2027 (gia hạn; hạn gốc 31/03/2019)');
    expect(asked.tasks[0]).toMatchObject({ id: 'I.4', due: '2027-06-30', status: 'in_progress' });
  }, 60_000);

  it('a progress note on a part already reported done is refused, by 📈 and by /baotiendo; nothing is written', async () => {
    const h = await harness({ start: '2019-03-25T03:00:00Z' });
    await h.official('2', 'Sở Tài chính', 'so-tai-chinh');
    await h.say('2', 'xong I.4');
    expect(h.store.liveCompletion(h.deps.plans.default().plan.id, 'I.4', 'so-tai-chinh')).toBeDefined();
    expect(h.toast(await h.press('2', 'g:I.4:0:a'))).toContain('đã báo hoàn thành ngày 25/03/2019, nên không ghi thêm tiến độ');
    const typed = await h.say('2', '/baotiendo I.4 đang làm 60%');
    expect(h.text(typed)).toContain('đã báo hoàn thành ngày 25/03/2019, nên không ghi thêm tiến độ');
    expect(h.store.snapshot().progress).toEqual([]);
  });
});
