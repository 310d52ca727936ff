/**
 * The audit of what Vietnamese users read: no npm command, command-line flag, file path, environment variable or
 * English word — in every Vietnamese text of locales/vi.json, and in the replies every command gives guests,
 * officials and admins on Telegram and on Zalo (and what their buttons lead to, one step down).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { From } from '../../src/core/kernel/channel.ts';
import type { Outcome } from '../../src/core/kernel/outcome.ts';
import { presentButtons, presentMenu } from '../../src/core/kernel/present.ts';
import { LOCALES_DIR } from '../../src/i18n.ts';
import { ADMIN, harness } from '../core/harness.ts';
import { developerWords } from './developer-words.ts';

const vi = JSON.parse(readFileSync(path.join(LOCALES_DIR, 'vi.json'), 'utf8')) as Record<string, string>;

/**
 * Texts for the operator at the shell (npm run …, start-up), not for a chat: they name commands, flags and variables
 * on purpose. Only code outside the chat uses them (checked below).
 */
const OPERATOR = (key: string) => /^(cli|state|pushcli)\./.test(key) || ['import.usage', 'start.noToken', 'start.tokenRefused'].includes(key);
const OPERATOR_CODE = /^(cli\/|startup\/|store\/|main\.ts$)/;

describe('the audit itself', () => {
  it('finds npm commands, flags, paths, variables and English words, and passes Vietnamese', () => {
    const kinds = (s: string) => developerWords(s).map((f) => `${f.kind}:${f.text}`);
    expect(kinds('… hoặc nhờ VP.UBND tỉnh chạy npm run report')).toContain('npm:npm run report');
    expect(kinds('⚠️ Văn bản không ghi title; sửa bằng --title nếu cần')).toEqual(['flag:--title', 'english:title', 'english:title']);
    expect(kinds('Tệp đã ghi vào data/plans/4561-KH-UBND-2018.json')).toEqual(expect.arrayContaining(['path:data/plans/4561-KH-UBND-2018.json']));
    expect(kinds('Đặt PLANS_DIR rồi khởi động lại')).toEqual(['env:PLANS_DIR']);
    expect(kinds('Please send the file')).toEqual(['english:Please', 'english:send', 'english:file']);
    expect(
      kinds(
        'Đã ghi nhận: Sở Tài chính hoàn thành I.4 lúc 10:05 ngày 10/03/2019. Hạn: 30/06/2027 (gia hạn; hạn gốc 31/03/2019). ' +
          'Gõ /viec để xem, /kehoach luutru 4561 để lưu trữ; gửi tệp Word (.docx), Excel (.xlsx) hoặc PDF qua Telegram hay Zalo. ' +
          'KH 1234/KH-UBND, 2/6, UBND cấp huyện, Sở TTTT, Nghị định 61/2018/NĐ-CP; khong dau van doc duoc.',
      ),
    ).toEqual([]);
  });
});

describe('locales/vi.json', () => {
  it('no chat text names an npm command, a flag, a path, a variable or an English word', () => {
    const found = Object.entries(vi)
      .filter(([key]) => !OPERATOR(key))
      .flatMap(([key, text]) => developerWords(text).map((f) => `${key}: ${f.kind} "${f.text}"`));
    expect(found).toEqual([]);
  });
  it("the operator's texts are used only by code outside the chat (the shell commands and start-up)", () => {
    const src = path.resolve(LOCALES_DIR, '../src');
    const keys = Object.keys(vi).filter(OPERATOR);
    expect(keys.length).toBeGreaterThan(10);
    const misuse: string[] = [];
    for (const f of readdirSync(src, { recursive: true }).map(String)) {
      if (!f.endsWith('.ts') || OPERATOR_CODE.test(f.replaceAll(path.sep, '/'))) continue;
      const code = readFileSync(path.join(src, f), 'utf8');
      for (const key of keys) if (code.includes(`'${key}'`) || code.includes(`"${key}"`)) misuse.push(`${f}: ${key}`);
      // A key made from a prefix (`state.${…}`) in chat code would escape the check above.
      if (/[`'"](cli|state|pushcli)\.(\$\{|['"`])/.test(code)) misuse.push(`${f}: a built operator key`);
    }
    expect(misuse).toEqual([]);
  });
});

describe('what every command answers, on both messengers', () => {
  it('guests, officials and admins on Telegram and Zalo, and one step down each reply’s buttons', async () => {
    const h = await harness({ start: '2019-04-10T03:00:00Z' });
    await h.store.importOfficials(
      [
        { accounts: [{ channel: 'telegram' as const, userId: '2', chatId: '2' }], name: 'Cán bộ 2', position: 'Chuyên viên', agency: 'so-tai-chinh' },
        { accounts: [{ channel: 'zalo' as const, userId: 'z2', chatId: 'z2' }], name: 'Cán bộ Z', position: 'Chuyên viên', agency: 'so-noi-vu' },
      ].map((o) => ({ ...o, status: 'approved' as const, requestedAt: '2019-01-01T00:00:00.000Z', notify: true })),
      'test',
      h.clock.now,
    );
    const told: Outcome[] = [];
    h.deps.tell = async (m) => void told.push({ replies: [], others: [m] });
    h.deps.push = {
      recipients: () => 3,
      digestNow: async (progress) => {
        progress({ sent: 2, failed: 0, blocked: 0, total: 3 });
        return { sent: 3, failed: 0, blocked: 0, total: 3 };
      },
      announce: async () => ({ sent: 0, failed: 0, blocked: 0, total: 0 }),
    };
    const users: From[] = [
      h.user('9'),
      h.user('2'),
      h.user(ADMIN),
      h.user('z9', 'zalo'),
      h.user('z2', 'zalo'),
      h.user('adminzalo', 'zalo'),
      h.user('c9', 'console'),
    ];
    const commands = [
      ...h.core.menu().map((c) => `/${c.command}`),
      '/xong',
      '/xong I.4',
      '/giahan',
      '/giahan I.4',
      '/baotiendo',
      '/tiendo so tai chinh',
      '/quahan',
      '/lienket 123',
      '/kehoach luutru 9999',
      '/khong-co-lenh-nay',
      'Sở Tài chính phải làm gì?',
      'I.4 hạn khi nào',
      'việc nào quá hạn',
      'xong 1',
      '1',
    ];
    const shown: { who: string; said: string; text: string }[] = [];
    const look = (u: From, said: string, r: Outcome) => {
      const texts =
        u.channel === 'zalo'
          ? (({ messages, others }) => [...messages, ...others].map((m) => m.text))(presentMenu(r, 'vi'))
          : (({ toast, edit, replies, others }) => [toast, edit?.text, ...replies.map((m) => m.text), ...others.map((m) => m.text)])(
              presentButtons(r, 'vi', true),
            );
      // The asker's own id (/id shows it) is data, not a word.
      for (const text of texts) if (text) shown.push({ who: `${u.channel}:${u.userId}`, said, text: text.replaceAll(u.userId, '') });
    };
    for (const u of users)
      for (const c of commands) {
        const r = await h.core.onText(u, c);
        look(u, c, r);
        // One step down: what the reply's buttons (Telegram) lead to.
        if (u.channel === 'telegram') for (const a of h.actions(r).slice(0, 6)) look(u, `${c} → ${a}`, await h.core.onAction(u, a));
        await h.core.onText(u, '/huy');
      }
    for (const r of told) look(h.user(ADMIN), 'told', r);
    expect(shown.length).toBeGreaterThan(200);
    const found = shown.flatMap((s) => developerWords(s.text).map((f) => `${s.who} "${s.said}": ${f.kind} "${f.text}" in: ${s.text.slice(0, 120)}`));
    expect(found).toEqual([]);
  }, 120_000);
});
