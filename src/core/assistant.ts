/**
 * The assistant behind every messenger: text, button actions and shared contacts in; messages, in-place edits
 * and toasts out. Commands, the registration conversation, admin decisions and ticking live here, free of any
 * messenger's types. Who may do what is decided here on every call.
 */
import { canonicalTokens } from '../text/canonical.ts';
import { clean } from '../text/fold.ts';
import type { Question } from '../understand/intents.ts';
import { type Action, encodeAction, parseAction } from './actions.ts';
import { type Actor, type Button, type CoreDeps, type From, type Message, type Result, actorOf, audit, rows, today } from './context.ts';
import { normalizePhone } from './roster.ts';
import { type Target, confirmTick, myTasks, startTick, tickButtons, undoTick } from './ticking.ts';
import type { Official } from '../store/state.ts';

type Session =
  | { kind: 'register'; step: 'agency' | 'name' | 'position'; agency?: string; name?: string; phone?: string; expires: number }
  | { kind: 'note'; target: Target; expires: number };

const SESSION_MS = 30 * 60_000;
const LINK_MS = 10 * 60_000;
const LINK_TRIES = 5;
const MAX_NAME = 100;

/** Commands and their aliases (Vietnamese first). */
const COMMANDS: Record<string, string> = {
  start: 'start',
  help: 'help',
  trogiup: 'help',
  dangky: 'register',
  register: 'register',
  huydangky: 'unregister',
  unregister: 'unregister',
  viec: 'mytasks',
  mytasks: 'mytasks',
  quahan: 'overdue',
  overdue: 'overdue',
  tiendo: 'progress',
  progress: 'progress',
  canbo: 'officials',
  officials: 'officials',
  choduyet: 'pending',
  pending: 'pending',
  huy: 'cancel',
  cancel: 'cancel',
  id: 'whoami',
  toila: 'whoami',
  thongbao: 'notify',
  notify: 'notify',
  guingay: 'pushnow',
  pushnow: 'pushnow',
  lienket: 'link',
  link: 'link',
  kenh: 'channel',
  channel: 'channel',
};

/** The commands a messenger lists in its menu, with Vietnamese descriptions (from locales). */
export const MENU = [
  'start',
  'trogiup',
  'viec',
  'quahan',
  'tiendo',
  'thongbao',
  'lienket',
  'kenh',
  'dangky',
  'huydangky',
  'canbo',
  'choduyet',
  'guingay',
  'huy',
] as const;

export class Assistant {
  private readonly sessions = new Map<string, Session>();
  /** One-time link codes: code → official, where it was shown, until when. */
  private readonly links = new Map<string, { officialId: string; channel: string; expires: number }>();
  /** Wrong link codes per account, to stop guessing. */
  private readonly linkMisses = new Map<string, { n: number; until: number }>();

  constructor(readonly deps: CoreDeps) {}

  private key(from: From): string {
    return `${from.channel}:${from.userId}`;
  }

  /** Forget expired sessions and link state once the maps grow (users who never came back). */
  private prune(): void {
    const now = Date.now();
    if (this.sessions.size > 1000) for (const [k, s] of this.sessions) if (s.expires < now) this.sessions.delete(k);
    if (this.linkMisses.size > 1000) for (const [k, m] of this.linkMisses) if (m.until < now) this.linkMisses.delete(k);
    if (this.links.size > 1000) for (const [k, l] of this.links) if (l.expires < now) this.links.delete(k);
  }

  private session(from: From): Session | undefined {
    this.prune();
    const s = this.sessions.get(this.key(from));
    if (s && s.expires < Date.now()) {
      this.sessions.delete(this.key(from));
      return undefined;
    }
    return s;
  }

  private say(from: From, text: string, buttons?: Button[][], extra: Partial<Message> = {}): Result {
    return { messages: [{ channel: from.channel, chatId: from.chatId, text, ...(buttons && buttons.length > 0 ? { buttons } : {}), ...extra }] };
  }

  private question(intent: Question['intent'], agencies: string[] = []): Question {
    return { intent, focus: 'all', agencies, agencyFuzzy: false, words: [] };
  }

  /** A message from an official whom pushes could not reach: they can be reached again. */
  private async reachable(from: From): Promise<void> {
    const o = this.deps.store.state.officials.find((x) => x.unreachable && x.accounts.some((a) => a.channel === from.channel && a.userId === from.userId));
    if (!o) return;
    const now = this.deps.now();
    await this.deps.store.mutate(
      (d) => {
        const live = d.officials.find((x) => x.id === o.id);
        if (!live?.unreachable) return;
        delete live.unreachable;
        audit(d, now, live.id, 'reachable', live.id, { unreachable: true }, { unreachable: false });
      },
      ['officials', 'audit'],
    );
  }

  async onText(from: From, raw: string): Promise<Result> {
    await this.reachable(from);
    const text = clean(raw);
    const cmd = text.match(/^\/([A-Za-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/);
    const actor = actorOf(this.deps, from);
    if (cmd) {
      const name = COMMANDS[cmd[1]!.toLowerCase()];
      if (!name) return this.say(from, this.deps.t('command.unknown', { command: `/${cmd[1]}` }));
      return this.command(from, actor, name, clean(cmd[2] ?? ''));
    }
    const session = this.session(from);
    if (session?.kind === 'register') return this.registerStep(from, actor, session, text);
    if (session?.kind === 'note' && text) {
      this.sessions.delete(this.key(from));
      const { target } = session;
      const result = await confirmTick(this.deps, actor, target.task.id, target.index, target.period, text.slice(0, 200));
      // A typed note answers in a new message (there is no button message to edit).
      return this.say(from, result.edit?.text ?? result.toast ?? '', result.edit?.buttons);
    }
    const reply = this.deps.engine.ask(raw, { today: today(this.deps), completions: this.deps.store.completions(this.deps.plan.id) });
    return this.say(
      from,
      reply.text,
      tickButtons(
        this.deps,
        actor,
        reply.tasks.map((t) => t.id),
      ),
    );
  }

  private command(from: From, actor: Actor, name: string, args: string): Promise<Result> | Result {
    const { t } = this.deps;
    const opts = { today: today(this.deps), completions: this.deps.store.completions(this.deps.plan.id) };
    switch (name) {
      case 'start':
        return this.say(from, `${t('start.greeting')}\n\n${this.deps.engine.ask('', opts).text}`);
      case 'help':
        return this.say(from, `${this.deps.engine.answer(this.question('help'), opts).text}\n\n${t('help.commands')}`);
      case 'register':
        return this.startRegistration(from, actor);
      case 'unregister':
        return this.unregister(from, actor);
      case 'mytasks': {
        const r = myTasks(this.deps, actor);
        return this.say(from, r.text, r.buttons);
      }
      case 'overdue':
      case 'progress': {
        const intent = name;
        let agencies: string[] = [];
        if (args && actor.admin) agencies = [...new Set(this.deps.dir.find(canonicalTokens(args)).flatMap((m) => m.agencies))].slice(0, 1);
        else if (actor.official && !actor.admin) agencies = [actor.official.agency];
        else if (actor.official && actor.admin && !args) agencies = [];
        const reply = this.deps.engine.answer(this.question(intent, agencies), opts);
        return this.say(
          from,
          reply.text,
          tickButtons(
            this.deps,
            actor,
            reply.tasks.map((x) => x.id),
          ),
        );
      }
      case 'officials':
        return this.listOfficials(from, actor);
      case 'pending':
        return this.listPending(from, actor);
      case 'cancel':
        this.sessions.delete(this.key(from));
        return this.say(from, t('session.cancelled'));
      case 'notify':
        return this.notify(from, actor, args);
      case 'pushnow':
        return this.pushNow(from, actor);
      case 'link':
        return this.link(from, actor, args);
      case 'channel':
        return this.preferChannel(from, actor, args);
      case 'whoami': {
        const role = actor.admin
          ? t('role.admin')
          : actor.official
            ? t('role.official', { agency: this.deps.dir.label(actor.official.agency) })
            : actor.pending
              ? t('role.pending')
              : t('role.guest');
        return this.say(from, t('whoami', { channel: from.channel, id: from.userId, role }));
      }
      default:
        return this.say(from, t('command.unknown', { command: `/${name}` }));
    }
  }

  // ——— registration ———

  private startRegistration(from: From, actor: Actor): Result {
    const { t } = this.deps;
    if (!from.privateChat) return this.say(from, t('register.privateOnly'));
    if (actor.official) return this.say(from, t('register.already', { agency: this.deps.dir.label(actor.official.agency) }));
    if (actor.pending) return this.say(from, t('auth.pending'));
    this.sessions.set(this.key(from), { kind: 'register', step: 'agency', expires: Date.now() + SESSION_MS });
    const roster = this.deps.roster.length > 0;
    return this.say(from, `${t('register.askAgency')}${roster ? `\n\n${t('register.rosterHint')}` : ''}`, undefined, roster ? { requestContact: true } : {});
  }

  /** Agencies an official can belong to: not a group with listed members, not an outside body. */
  private registrable(id: string): boolean {
    const a = this.deps.dir.get(id);
    if (!a || a.kind === 'external') return false;
    return a.kind !== 'group' || (this.deps.dir.members(id).length === 0 && id !== 'lien-quan');
  }

  private agencyChoices(text: string): string[] {
    const found = this.deps.dir.find(canonicalTokens(text)).flatMap((m) => m.agencies);
    const out: string[] = [];
    for (const id of found) {
      if (this.registrable(id)) out.push(id);
      else if (this.deps.dir.isGroup(id)) out.push(...this.deps.dir.members(id));
    }
    return [...new Set(out)].slice(0, 12);
  }

  private async registerStep(from: From, actor: Actor, s: Extract<Session, { kind: 'register' }>, text: string): Promise<Result> {
    const { t } = this.deps;
    s.expires = Date.now() + SESSION_MS;
    if (s.step === 'agency') {
      const choices = this.agencyChoices(text);
      if (choices.length === 0) return this.say(from, t('register.agencyNotFound'));
      const buttons = choices.map((id) => ({ label: this.deps.dir.get(id)!.name, action: encodeAction({ kind: 'register', agency: id }) }));
      return this.say(from, t('register.chooseAgency'), [...rows(buttons, 1), [{ label: t('button.cancel'), action: encodeAction({ kind: 'cancel' }) }]]);
    }
    if (s.step === 'name') {
      if (!text || text.length > MAX_NAME) return this.say(from, t('register.badName', { max: MAX_NAME }));
      s.name = text;
      s.step = 'position';
      return this.say(from, t('register.askPosition'));
    }
    if (!text || text.length > MAX_NAME) return this.say(from, t('register.badPosition', { max: MAX_NAME }));
    this.sessions.delete(this.key(from));
    return this.submitRegistration(from, actor, { name: s.name!, position: text, agency: s.agency!, ...(s.phone ? { phone: s.phone } : {}) });
  }

  private async submitRegistration(from: From, _actor: Actor, r: { name: string; position: string; agency: string; phone?: string }): Promise<Result> {
    const { t } = this.deps;
    const now = this.deps.now();
    const account = { channel: from.channel, userId: from.userId, chatId: from.chatId };
    const official = await this.deps.store.mutate((draft) => {
      const existing = draft.officials.find(
        (o) => (o.status === 'pending' || o.status === 'approved') && o.accounts.some((a) => a.channel === from.channel && a.userId === from.userId),
      );
      if (existing) return existing;
      const o: Official = {
        id: this.deps.store.nextId('o', draft),
        accounts: [account],
        name: r.name,
        position: r.position,
        agency: r.agency,
        status: 'pending',
        requestedAt: now.toISOString(),
        notify: true,
        ...(r.phone ? { phone: r.phone } : {}),
      };
      draft.officials.push(o);
      audit(draft, now, `${from.channel}:${from.userId}`, 'register', o.id, null, { ...o });
      return o;
    });
    const admins = (Object.entries(this.deps.admins) as [From['channel'], readonly string[]][]).flatMap(([channel, ids]) => ids.map((id) => ({ channel, id })));
    const card = t('register.request', {
      name: official.name,
      position: official.position || '—',
      agency: this.deps.dir.label(official.agency),
      id: official.id,
    });
    const decide = [
      [
        { label: t('button.approve'), action: encodeAction({ kind: 'decide', decision: 'ok', officialId: official.id }) },
        { label: t('button.reject'), action: encodeAction({ kind: 'decide', decision: 'no', officialId: official.id }) },
      ],
    ];
    const toAdmins: Message[] = admins.map((a) => ({ channel: a.channel, chatId: a.id, text: card, buttons: decide }));
    const result = this.say(from, admins.length > 0 ? t('register.sent', { agency: this.deps.dir.label(official.agency) }) : t('register.noAdmins'));
    result.messages.push(...toAdmins);
    return result;
  }

  async onContact(from: From, contact: { phone: string; userId?: string }): Promise<Result> {
    await this.reachable(from);
    const { t } = this.deps;
    const actor = actorOf(this.deps, from);
    const s = this.session(from);
    if (s?.kind !== 'register') return this.say(from, t('contact.unexpected'));
    if (contact.userId !== from.userId) return this.say(from, t('contact.notYours'));
    const phone = normalizePhone(contact.phone);
    const entry = this.deps.roster.find((e) => e.phone === phone);
    if (!entry) {
      s.phone = phone;
      return this.say(from, t('contact.notOnRoster'));
    }
    this.sessions.delete(this.key(from));
    if (actor.official) return this.say(from, t('register.already', { agency: this.deps.dir.label(actor.official.agency) }));
    const now = this.deps.now();
    const official = await this.deps.store.mutate((draft) => {
      const o: Official = {
        id: this.deps.store.nextId('o', draft),
        accounts: [{ channel: from.channel, userId: from.userId, chatId: from.chatId }],
        name: entry.name,
        position: '',
        agency: entry.agency,
        phone,
        status: 'approved',
        requestedAt: now.toISOString(),
        decidedAt: now.toISOString(),
        decidedBy: 'roster',
        notify: true,
      };
      draft.officials.push(o);
      audit(draft, now, 'roster', 'approve', o.id, null, { ...o });
      return o;
    });
    return this.say(from, t('contact.approved', { name: official.name, agency: this.deps.dir.label(official.agency) }));
  }

  private async unregister(from: From, actor: Actor): Promise<Result> {
    const target = actor.official ?? actor.pending;
    if (!target) return this.say(from, this.deps.t('auth.notRegistered'));
    const now = this.deps.now();
    await this.deps.store.mutate((draft) => {
      const o = draft.officials.find((x) => x.id === target.id);
      if (!o) return;
      const before = o.status;
      o.status = 'left';
      o.decidedAt = now.toISOString();
      o.decidedBy = actor.ref;
      audit(draft, now, actor.ref, 'leave', o.id, { status: before }, { status: 'left' });
    });
    return this.say(from, this.deps.t('register.left'));
  }

  // ——— pushes ———

  private async notify(from: From, actor: Actor, args: string): Promise<Result> {
    const { t } = this.deps;
    if (!actor.official) return this.say(from, t(actor.admin ? 'notify.admin' : 'auth.notRegistered'));
    const word = args
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const on = ['bat', 'on', 'mo'].includes(word) ? true : ['tat', 'off'].includes(word) ? false : undefined;
    if (on === undefined) return this.say(from, t(actor.official.notify ? 'notify.isOn' : 'notify.isOff'));
    const now = this.deps.now();
    const id = actor.official.id;
    await this.deps.store.mutate(
      (d) => {
        const o = d.officials.find((x) => x.id === id)!;
        if (o.notify === on) return;
        audit(d, now, id, on ? 'notify-on' : 'notify-off', id, { notify: o.notify }, { notify: on });
        o.notify = on;
      },
      ['officials', 'audit'],
    );
    return this.say(from, t(on ? 'notify.turnedOn' : 'notify.turnedOff'));
  }

  private pushNow(from: From, actor: Actor): Result {
    const { t } = this.deps;
    if (!actor.admin) return this.say(from, t('auth.adminOnly'));
    const push = this.deps.push;
    if (!push) return this.say(from, t('push.unavailable'));
    const tell = (text: string) => void this.deps.tell?.({ channel: from.channel, chatId: from.chatId, text }).catch(() => undefined);
    const total = push.recipients();
    void push
      .digestNow((r) => tell(t('push.progress', { sent: r.sent, total: r.total, failed: r.failed + r.blocked })))
      .then((r) => tell(t('push.finished', { sent: r.sent, total: r.total, failed: r.failed, blocked: r.blocked })))
      .catch(() => tell(t('push.error')));
    return this.say(from, t('push.started', { n: total }));
  }

  // ——— one official, two messengers ———

  private async link(from: From, actor: Actor, args: string): Promise<Result> {
    const { t } = this.deps;
    const now = Date.now();
    for (const [code, l] of this.links) if (l.expires < now) this.links.delete(code);
    if (!args) {
      if (!actor.official) return this.say(from, t('auth.notRegistered'));
      const code = String(Math.floor(100_000 + Math.random() * 900_000));
      this.links.set(code, { officialId: actor.official.id, channel: from.channel, expires: now + LINK_MS });
      return this.say(from, t('link.code', { code, minutes: LINK_MS / 60_000 }));
    }
    const key = this.key(from);
    const misses = this.linkMisses.get(key);
    if (misses && misses.n >= LINK_TRIES && misses.until > now) return this.say(from, t('link.tooMany'));
    const entry = this.links.get(args.replace(/\s/g, ''));
    if (!entry || entry.channel === from.channel) {
      const n = misses && misses.until > now ? misses.n + 1 : 1;
      this.linkMisses.set(key, { n, until: now + LINK_MS });
      return this.say(from, t('link.bad'));
    }
    if (actor.official && actor.official.id !== entry.officialId) return this.say(from, t('link.otherOfficial'));
    this.links.delete(args.replace(/\s/g, ''));
    this.linkMisses.delete(key);
    const at = this.deps.now();
    const official = await this.deps.store.mutate(
      (d) => {
        const o = d.officials.find((x) => x.id === entry.officialId && x.status === 'approved');
        if (!o) return undefined;
        const before = o.accounts.map((a) => ({ ...a }));
        o.accounts = [...o.accounts.filter((a) => a.channel !== from.channel), { channel: from.channel, userId: from.userId, chatId: from.chatId }];
        audit(d, at, o.id, 'link', o.id, { accounts: before }, { accounts: o.accounts });
        return { ...o };
      },
      ['officials', 'audit'],
    );
    if (!official) return this.say(from, t('link.bad'));
    return this.say(
      from,
      t('link.done', { name: official.name, agency: this.deps.dir.label(official.agency), channels: official.accounts.map((a) => a.channel).join(', ') }),
    );
  }

  private async preferChannel(from: From, actor: Actor, args: string): Promise<Result> {
    const { t } = this.deps;
    if (!actor.official) return this.say(from, t('auth.notRegistered'));
    const want = args.toLowerCase();
    const has = actor.official.accounts.map((a) => a.channel);
    if (!has.includes(want as From['channel']))
      return this.say(from, t('channel.choose', { channels: has.join(', '), current: actor.official.preferred ?? has[0]! }));
    const id = actor.official.id;
    const at = this.deps.now();
    await this.deps.store.mutate(
      (d) => {
        const o = d.officials.find((x) => x.id === id)!;
        audit(d, at, id, 'preferred', id, { preferred: o.preferred }, { preferred: want });
        o.preferred = want as From['channel'];
      },
      ['officials', 'audit'],
    );
    return this.say(from, t('channel.set', { channel: want }));
  }

  // ——— admin ———

  private listOfficials(from: From, actor: Actor): Result {
    const { t, dir } = this.deps;
    if (!actor.admin) return this.say(from, t('auth.adminOnly'));
    const approved = this.deps.store.state.officials
      .filter((o) => o.status === 'approved')
      .sort((a, b) => dir.label(a.agency).localeCompare(dir.label(b.agency), 'vi'));
    if (approved.length === 0) return this.say(from, t('officials.none'));
    const lines = approved.map((o) => `• ${o.id} — ${o.name}${o.position ? `, ${o.position}` : ''} (${dir.label(o.agency)})`);
    const buttons = approved
      .slice(0, 30)
      .map((o) => ({ label: t('button.revoke', { name: o.name.slice(0, 24) }), action: encodeAction({ kind: 'decide', decision: 'rv', officialId: o.id }) }));
    return this.say(from, `${t('officials.header', { n: approved.length })}\n${lines.join('\n')}`, rows(buttons, 2));
  }

  private listPending(from: From, actor: Actor): Result {
    const { t, dir } = this.deps;
    if (!actor.admin) return this.say(from, t('auth.adminOnly'));
    const pending = this.deps.store.state.officials.filter((o) => o.status === 'pending');
    if (pending.length === 0) return this.say(from, t('pending.none'));
    const result: Result = { messages: [] };
    for (const o of pending.slice(0, 20)) {
      result.messages.push({
        channel: from.channel,
        chatId: from.chatId,
        text: t('register.request', { name: o.name, position: o.position || '—', agency: dir.label(o.agency), id: o.id }),
        buttons: [
          [
            { label: t('button.approve'), action: encodeAction({ kind: 'decide', decision: 'ok', officialId: o.id }) },
            { label: t('button.reject'), action: encodeAction({ kind: 'decide', decision: 'no', officialId: o.id }) },
          ],
        ],
      });
    }
    return result;
  }

  private async decide(_from: From, actor: Actor, decision: 'ok' | 'no' | 'rv', officialId: string): Promise<Result> {
    const { t, dir } = this.deps;
    if (!actor.admin) return { messages: [], toast: t('auth.adminOnly') };
    const expected = decision === 'rv' ? 'approved' : 'pending';
    const next = decision === 'ok' ? 'approved' : decision === 'no' ? 'rejected' : 'revoked';
    const now = this.deps.now();
    const outcome = await this.deps.store.mutate((draft) => {
      const o = draft.officials.find((x) => x.id === officialId);
      if (!o) return { error: t('decide.unknown') };
      if (o.status !== expected) return { error: t('decide.alreadyDecided', { status: t(`officialStatus.${o.status}`) }) };
      o.status = next;
      o.decidedAt = now.toISOString();
      o.decidedBy = actor.ref;
      audit(draft, now, actor.ref, next, o.id, { status: expected }, { status: next });
      return { official: { ...o } };
    });
    if ('error' in outcome) return { messages: [], toast: outcome.error };
    const o = outcome.official;
    const notice = t(`decide.notify.${next}`, { agency: dir.label(o.agency) });
    const messages: Message[] = o.accounts.map((a) => ({ channel: a.channel, chatId: a.chatId, text: notice }));
    return { messages, edit: { text: t(`decide.done.${next}`, { name: o.name, agency: dir.label(o.agency), id: o.id }) }, toast: t('decide.toast') };
  }

  // ——— buttons ———

  async onAction(from: From, data: string): Promise<Result> {
    const { t } = this.deps;
    const action: Action | undefined = parseAction(data);
    if (!action) return { messages: [], toast: t('action.invalid') };
    await this.reachable(from);
    const actor = actorOf(this.deps, from);
    switch (action.kind) {
      case 'tick': {
        const r = startTick(this.deps, actor, action.taskId, action.party);
        if (r.awaitNote) this.sessions.set(this.key(from), { kind: 'note', target: r.awaitNote, expires: Date.now() + SESSION_MS });
        const { awaitNote: _n, ...rest } = r;
        return rest;
      }
      case 'confirm': {
        const s = this.session(from);
        if (s?.kind === 'note') this.sessions.delete(this.key(from));
        return confirmTick(this.deps, actor, action.taskId, action.party, action.period);
      }
      case 'undo':
        return undoTick(this.deps, actor, action.completionId);
      case 'decide':
        return this.decide(from, actor, action.decision, action.officialId);
      case 'register': {
        const s = this.session(from);
        if (s?.kind !== 'register' || s.step !== 'agency' || !this.registrable(action.agency)) return { messages: [], toast: t('tick.stale') };
        s.agency = action.agency;
        s.step = 'name';
        return {
          messages: [{ channel: from.channel, chatId: from.chatId, text: t('register.askName') }],
          edit: { text: t('register.agencyChosen', { agency: this.deps.dir.get(action.agency)!.name }) },
        };
      }
      case 'cancel':
        this.sessions.delete(this.key(from));
        return { messages: [], edit: { text: t('session.cancelled') } };
    }
  }
}
