import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Assistant } from '../../src/core/assistant.ts';
import type { From, Result } from '../../src/core/context.ts';
import type { RosterEntry } from '../../src/core/roster.ts';
import { translator } from '../../src/i18n.ts';
import { Store } from '../../src/store/state.ts';
import { dir, engine, plan } from '../helpers.ts';

export const ADMIN = '1000';

/** A real assistant on a real state file in a temporary folder, with a clock the test moves. */
export async function harness(opts: { roster?: RosterEntry[]; undoMinutes?: number; start?: string } = {}) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'core-')), 'state.json');
  const store = await Store.open(file);
  let now = new Date(opts.start ?? '2019-03-10T03:00:00Z');
  const assistant = new Assistant({
    engine,
    store,
    plan,
    dir,
    admins: { telegram: [ADMIN] },
    roster: opts.roster ?? [],
    undoMinutes: opts.undoMinutes ?? 30,
    now: () => now,
    t: translator('vi'),
  });
  const user = (id: string): From => ({ channel: 'telegram', userId: id, chatId: id, privateChat: true });
  const say = (id: string, text: string) => assistant.onText(user(id), text);
  const press = (id: string, action: string) => assistant.onAction(user(id), action);
  const buttons = (r: Result) => [...(r.edit?.buttons ?? []), ...r.messages.flatMap((m) => m.buttons ?? [])].flat();
  const actions = (r: Result) => buttons(r).map((b) => b.action);
  const text = (r: Result) => [r.edit?.text, ...r.messages.map((m) => m.text), r.toast].filter(Boolean).join('\n');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const setNow = (iso: string) => {
    now = new Date(iso);
  };

  /** Register user `id` for an agency (typed text, then the agency's button); the request stays pending. */
  async function register(id: string, agencyText: string, agencyId: string, name = `Cán bộ ${id}`) {
    await say(id, '/dangky');
    await say(id, agencyText);
    await press(id, `r:${agencyId}`);
    await say(id, name);
    return say(id, 'Chuyên viên');
  }

  /** Register user `id` for an agency and have the admin approve. */
  async function official(id: string, agencyText: string, agencyId: string) {
    await register(id, agencyText, agencyId);
    const o = store.state.officials.find((x) => x.accounts[0]!.userId === id)!;
    await press(ADMIN, `a:ok:${o.id}`);
    return o.id;
  }
  return { assistant, store, file, say, press, actions, buttons, text, advance, setNow, register, official, user };
}
