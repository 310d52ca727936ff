import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { From } from '../../src/core/kernel/channel.ts';
import type { CoreDeps } from '../../src/core/kernel/deps.ts';
import { createCore } from '../../src/core/features/index.ts';
import type { Outcome, Post } from '../../src/core/kernel/outcome.ts';
import { presentButtons, presentMenu } from '../../src/core/kernel/present.ts';
import type { RosterEntry } from '../../src/core/kernel/roster.ts';
import { translator } from '../../src/i18n.ts';
import { silentLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/port.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { dir, plan } from '../helpers.ts';
import { PlanCatalog } from '../../src/core/kernel/catalog.ts';
import type { Plan } from '../../src/plan/schema.ts';

export const ADMIN = '1000';

/** Router deps on a state file, with a clock the test moves. */
export function coreDeps(
  store: Store,
  clock: { now: Date },
  opts: { roster?: RosterEntry[]; undoMinutes?: number; plans?: readonly Plan[]; plansDir?: string } = {},
): CoreDeps {
  return {
    plans: new PlanCatalog(
      dir,
      {},
      (opts.plans ?? [plan]).map((p) => ({ plan: p })),
      (id) => store.planArchived(id),
    ),
    ...(opts.plansDir ? { plansDir: opts.plansDir } : {}),
    store,
    dir,
    admins: { telegram: [ADMIN], zalo: ['adminzalo'] },
    roster: opts.roster ?? [],
    undoMinutes: opts.undoMinutes ?? 30,
    now: () => clock.now,
    random: () => 0.123456,
    lang: 'vi',
    t: translator('vi'),
    log: silentLogger,
  };
}

/**
 * A real core on a real state file in a temporary folder, with a clock the test moves. What a user sees is read
 * through the presenter: `text` as Telegram would show it, `menuText` as Zalo would.
 */
export async function harness(
  opts: { roster?: RosterEntry[]; undoMinutes?: number; start?: string; file?: string; plans?: readonly Plan[]; plansDir?: string } = {},
) {
  const file = opts.file ?? path.join(mkdtempSync(path.join(tmpdir(), 'core-')), 'state.json');
  const store = await FileStore.open(file);
  const clock = { now: new Date(opts.start ?? '2019-03-10T03:00:00Z') };
  const deps = coreDeps(store, clock, opts);
  const core = createCore(deps);
  const user = (id: string, channel: From['channel'] = 'telegram'): From => ({ channel, userId: id, chatId: id, privateChat: true });
  const say = (id: string, text: string) => core.onText(user(id), text);
  const press = (id: string, action: string) => core.onAction(user(id), action);
  const itemButtons = (items: Post['items']) => (items ?? []).flatMap((i) => [...(i.button ? [i.button] : []), ...(i.more ?? [])]);
  const buttons = (r: Outcome) => [
    ...itemButtons(r.edit?.items),
    ...(r.edit?.buttons ?? []).flat(),
    ...r.replies.flatMap((m) => [...itemButtons(m.items), ...(m.buttons ?? []).flat()]),
    ...r.others.flatMap((m) => (m.buttons ?? []).flat()),
  ];
  const actions = (r: Outcome) => buttons(r).map((b) => b.action);
  /** Everything the asker and the others would read on Telegram, toast included. */
  const text = (r: Outcome) => {
    const p = presentButtons(r, 'vi', true);
    return [p.toast, p.edit?.text, ...p.replies.map((m) => m.text), ...p.others.map((m) => m.text)].filter(Boolean).join('\n');
  };
  const toast = (r: Outcome) => presentButtons(r, 'vi', true).toast;
  const menuText = (r: Outcome) =>
    presentMenu(r, 'vi')
      .messages.map((m) => m.text)
      .join('\n');
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  const setNow = (iso: string) => {
    clock.now = new Date(iso);
  };
  const officialOf = (id: string) => store.snapshot().officials.find((x) => x.accounts[0]!.userId === id)!;

  /** Register user `id` for an agency (typed text, then the agency's button if asked); the request stays pending. */
  async function register(id: string, agencyText: string, agencyId: string, name = `Cán bộ ${id}`) {
    await say(id, '/dangky');
    const r = await say(id, agencyText);
    if (actions(r).includes(`r:${agencyId}`)) await press(id, `r:${agencyId}`);
    await say(id, name);
    await say(id, 'Chuyên viên');
    // The review: 📨 Gửi.
    return press(id, 'rs');
  }

  /** Register user `id` for an agency and have the admin approve. */
  async function official(id: string, agencyText: string, agencyId: string) {
    await register(id, agencyText, agencyId);
    const o = officialOf(id);
    await press(ADMIN, `a:ok:${o.id}`);
    return o.id;
  }
  return { core, deps, store, file, clock, say, press, actions, buttons, text, toast, menuText, advance, setNow, register, official, user, officialOf };
}
