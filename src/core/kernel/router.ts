/**
 * The router: builds the command table, the messengers' command menus and the help text from the features'
 * declarations (refusing a duplicate name or tag at start-up), and turns each update into one feature call:
 *
 *   text    → a command ("/viec"), else the open session's step (registration, a note), else a phrase ("xong 1"),
 *             else a menu number ("2"), else a question;
 *   action  → the feature that declared its tag, after its fields pass zod;
 *   contact → the feature that takes shared contacts.
 *
 * Rights are checked by the features on every call, from the actor looked up afresh here.
 */
import { type Actor, actorOf } from './actor.ts';
import type { Channel, From, IncomingDocument } from './channel.ts';
import { type MenuEntry, menuOf, openDecisions, saveMenu, sessionOf } from './conversation.ts';
import type { CoreDeps } from './deps.ts';
import {
  type ActionDef,
  type Audience,
  type CommandDef,
  type Ctx,
  type Feature,
  type How,
  MAX_ACTION_BYTES,
  type PhraseDef,
  type PickMode,
  type StepDef,
} from './feature.ts';
import { type Outcome, refuse, type Say, say } from './outcome.ts';
import { type PlanEntry, unscope } from './catalog.ts';
import { dayOf } from './time.ts';
import { clean, fold } from '../../text/fold.ts';

export class DuplicateDeclarationError extends Error {}

/** What took an update, filled in as it is routed: for its log line. */
interface Trace {
  feature?: string | undefined;
  handler?: string;
}

const COMMAND = /^\/([A-Za-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/;

export class Router {
  private readonly commands = new Map<string, CommandDef>();
  private readonly actions = new Map<string, ActionDef<never>>();
  /** The feature that declared each action tag (for logs and the golden test of button ids). */
  private readonly actionFeature = new Map<string, string>();
  /** The feature behind each command, step and phrase: named in the update's log line. */
  private readonly owner = new Map<CommandDef | StepDef | PhraseDef, string>();
  private readonly steps = new Map<string, StepDef>();
  private readonly phrases: PhraseDef[] = [];
  private readonly listed: { name: string; audience: Audience }[] = [];
  private contact: Feature['onContact'];
  private document: Feature['onDocument'];
  private question: Feature['onQuestion'];
  private contactFeature: string | undefined;
  private documentFeature: string | undefined;
  private questionFeature: string | undefined;

  constructor(
    readonly deps: CoreDeps,
    features: readonly Feature[],
  ) {
    const dup = (what: string, name: string, feature: string) => {
      throw new DuplicateDeclarationError(`${what} "${name}" is declared twice (again by the ${feature} feature)`);
    };
    for (const f of features) {
      for (const c of f.commands ?? []) {
        for (const n of c.names) {
          if (!/^[a-z]+$/.test(n)) throw new DuplicateDeclarationError(`command "${n}" of ${f.name}: lower-case letters only`);
          if (this.commands.has(n)) dup('command', n, f.name);
          this.commands.set(n, c);
          this.owner.set(c, f.name);
        }
        if (c.audience) this.listed.push({ name: c.names[0]!, audience: c.audience });
      }
      for (const a of f.actions ?? []) {
        if (this.actions.has(a.tag)) dup('action tag', a.tag, f.name);
        this.actions.set(a.tag, a);
        this.actionFeature.set(a.tag, f.name);
      }
      for (const s of f.steps ?? []) {
        if (this.steps.has(s.kind)) dup('conversation step', s.kind, f.name);
        this.steps.set(s.kind, s);
        this.owner.set(s, f.name);
      }
      this.phrases.push(...(f.phrases ?? []));
      for (const p of f.phrases ?? []) this.owner.set(p, f.name);
      if (f.onContact) {
        if (this.contact) dup('contact handler', 'contact', f.name);
        this.contact = f.onContact.bind(f);
        this.contactFeature = f.name;
      }
      if (f.onDocument) {
        if (this.document) dup('document handler', 'document', f.name);
        this.document = f.onDocument.bind(f);
        this.documentFeature = f.name;
      }
      if (f.onQuestion) {
        if (this.question) dup('question handler', 'question', f.name);
        this.question = f.onQuestion.bind(f);
        this.questionFeature = f.name;
      }
    }
  }

  /** Commands a messenger lists in its menu, with the locale key of each description. */
  menu(): { command: string; description: string }[] {
    return this.listed.map((c) => ({ command: c.name, description: `command.${c.name}` }));
  }

  /** The help text's command lines for this actor: what they may use. */
  helpFor(actor: Actor): Say[] {
    const allowed = (a: Audience) => a === 'everyone' || (a === 'official' && (actor.official || actor.admin)) || (a === 'admin' && actor.admin);
    return [
      say('help.commandsHeader'),
      ...this.listed.filter((c) => allowed(c.audience)).map((c) => say('help.commandLine', { command: c.name, text: this.deps.t(`command.${c.name}`) })),
    ];
  }

  private ctx(from: From, plan: PlanEntry = this.deps.plans.default()): Ctx {
    const now = this.deps.now();
    const actor = actorOf(this.deps, from);
    const make = (entry: PlanEntry): Ctx => {
      const ctx: Ctx = {
        deps: this.deps,
        plan: entry,
        inPlan: (other) => make(other),
        from,
        actor,
        now,
        today: dayOf(now),
        run: (action, how) => this.dispatch(ctx, action, how),
        pick: (n, mode) => this.pick(ctx, n, mode),
      };
      return ctx;
    };
    return make(plan);
  }

  onText(from: From, raw: string): Promise<Outcome> {
    return this.logged(from, (trace) => this.text(from, raw, trace));
  }

  private async text(from: From, raw: string, trace: Trace): Promise<Outcome> {
    await this.arrive(from);
    const ctx = this.ctx(from);
    const text = clean(raw);
    const cmd = text.match(COMMAND);
    if (cmd) {
      const def = this.commands.get(cmd[1]!.toLowerCase());
      trace.handler = `/${cmd[1]!.toLowerCase()}`;
      if (!def) return refuse('unknown-command', { command: `/${cmd[1]}` });
      trace.feature = this.owner.get(def);
      return def.run(ctx, clean(cmd[2] ?? ''));
    }
    const session = sessionOf(ctx);
    const step = session && this.steps.get(session.kind);
    if (step) {
      // A step goes on in the plan its session was started in.
      const entry = typeof session.plan === 'string' ? this.deps.plans.byKey(session.plan) : undefined;
      const handled = await step.onText(entry ? ctx.inPlan(entry) : ctx, session, text);
      if (handled) {
        Object.assign(trace, { feature: this.owner.get(step), handler: `step:${step.kind}` });
        return handled;
      }
    }
    const folded = fold(text)
      .replace(/[.!?,;]+$/, '')
      .trim();
    for (const p of this.phrases) {
      const args = p.match(folded, text);
      if (args !== undefined) {
        Object.assign(trace, { feature: this.owner.get(p), handler: 'phrase' });
        return p.run(ctx, args);
      }
    }
    if (/^\d{1,3}$/.test(folded)) {
      const menu = menuOf(this.deps.store, from.channel, from.chatId, ctx.now);
      if (menu) return this.pick(ctx, Number(folded), 'choose', trace);
    }
    trace.handler = 'question';
    if (!this.question) return refuse('unknown-command', { command: text.slice(0, 20) });
    const question = this.question;
    trace.feature = this.questionFeature;
    return question(ctx, raw);
  }

  onAction(from: From, data: string, how: How = { explicit: false }): Promise<Outcome> {
    return this.logged(from, async (trace) => {
      await this.arrive(from);
      return this.dispatch(this.ctx(from), data, how, trace);
    });
  }

  onContact(from: From, contact: { phone: string; userId?: string }): Promise<Outcome> {
    return this.logged(from, async (trace) => {
      await this.arrive(from);
      trace.handler = 'contact';
      if (!this.contact) return refuse('invalid-action');
      const onContact = this.contact;
      trace.feature = this.contactFeature;
      return onContact(this.ctx(from), contact);
    });
  }

  /** A file sent to the bot. */
  onDocument(from: From, doc: IncomingDocument): Promise<Outcome> {
    return this.logged(from, (trace) => this.file(from, doc, trace));
  }

  /**
   * One structured line per update, whatever its end: the channel, the feature and handler that took it, the
   * refusal code if any, and the milliseconds it took. Never the user's text.
   */
  private async logged(from: From, run: (trace: Trace) => Promise<Outcome>): Promise<Outcome> {
    const started = performance.now();
    const trace: Trace = {};
    let out: Outcome | undefined;
    try {
      out = await run(trace);
      return out;
    } finally {
      this.deps.log.log('info', 'update', {
        channel: from.channel,
        feature: trace.feature ?? null,
        handler: trace.handler ?? null,
        ...(out?.refusal ? { refusal: out.refusal.code } : {}),
        ...(out ? {} : { failed: true }),
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  }

  private async file(from: From, doc: IncomingDocument, trace: Trace): Promise<Outcome> {
    await this.arrive(from);
    trace.handler = 'file';
    const ctx = this.ctx(from);
    // A file the open session waits for (evidence of a tick) goes to its step, in the session's plan.
    const session = sessionOf(ctx);
    const step = session && this.steps.get(session.kind);
    if (session && step?.onFile) {
      const onFile = step.onFile.bind(step);
      trace.feature = this.owner.get(step);
      const entry = typeof session.plan === 'string' ? this.deps.plans.byKey(session.plan) : undefined;
      return onFile(entry ? ctx.inPlan(entry) : ctx, session, doc);
    }
    if (!this.document) return refuse('invalid-action');
    const onDocument = this.document;
    trace.feature = this.documentFeature;
    return onDocument(ctx, doc);
  }

  /**
   * Every update starts here: the store catches up with what other processes wrote (a shared database: the
   * conversation step or approval may have happened on another one), and a sender pushes could not reach is
   * reachable again.
   */
  private async arrive(from: From): Promise<void> {
    await this.deps.store.refresh();
    await this.deps.store.markReachable(from.channel, from.userId, this.deps.now());
  }

  /**
   * A text-only messenger showed these menu entries in this chat: "1", "xong 1" refer to them from now on. `decision`:
   * they are the ✅/❌ of that request's card.
   */
  rememberMenu(channel: Channel, chatId: string, entries: readonly MenuEntry[], decision?: string): Promise<void> {
    return saveMenu(this.deps.store, channel, chatId, entries, this.deps.now(), decision);
  }

  /**
   * An action id as a button or a stored menu carries it ("k3f9~t:I.4:0") read into the feature, the action and its
   * checked value; undefined when it is no valid action. Nothing runs.
   */
  route(raw: string): { feature: string; tag: string; key?: string; def: ActionDef<never>; value: never } | undefined {
    if (Buffer.byteLength(raw, 'utf8') > MAX_ACTION_BYTES) return undefined;
    const { key, action: data } = unscope(raw);
    const [tag = '', ...fields] = data.split(':');
    const def = this.actions.get(tag);
    if (!def || fields.length > def.fields.length) return undefined;
    const parsed: unknown[] = [];
    for (let i = 0; i < fields.length; i++) {
      const r = def.fields[i]!.safeParse(fields[i]);
      if (!r.success) return undefined;
      parsed.push(r.data);
    }
    const value = def.decode(parsed);
    if (value === undefined) return undefined;
    return { feature: this.actionFeature.get(tag)!, tag, ...(key ? { key } : {}), def, value };
  }

  private async dispatch(ctx: Ctx, raw: string, how: How, trace: Trace = {}): Promise<Outcome> {
    const routed = this.route(raw);
    trace.handler ??= 'action';
    if (!routed) return refuse('invalid-action');
    Object.assign(trace, { feature: routed.feature, handler: `action:${routed.tag}` });
    if (routed.key) {
      const entry = this.deps.plans.byKey(routed.key);
      if (!entry) return refuse('stale');
      if (entry !== ctx.plan) return this.dispatch(ctx.inPlan(entry), unscope(raw).action, how);
    }
    const { def, value } = routed;
    return def.run(ctx, value, how);
  }

  private async pick(ctx: Ctx, n: number, mode: PickMode, trace: Trace = {}): Promise<Outcome> {
    trace.handler = 'menu';
    const menu = menuOf(this.deps.store, ctx.from.channel, ctx.from.chatId, ctx.now);
    if (!menu) return refuse('no-menu');
    // Several requests open for a decision in this chat: a bare number could mean any of them. Nothing is decided;
    // the admin is told to type the request's own number.
    const open = openDecisions(this.deps.store, menu);
    const own = menu.decisions?.at(-1);
    const cardsOnly = menu.decisions !== undefined && menu.entries.length === 0;
    if (mode !== 'choose' && cardsOnly) return refuse(mode === 'done' ? 'not-a-tick' : 'not-undoable', { n });
    if (mode === 'choose' && (open.length > 1 || (open.length === 1 && (open[0] !== own || cardsOnly)))) {
      const numbers = open.map((ref) => ref.replace(/^[a-z]+/, ''));
      return refuse('ambiguous-number', { n, numbers: numbers.join(', '), example: numbers[0]! });
    }
    if (cardsOnly) return refuse('no-menu');
    const entry = menu.entries[n - 1];
    if (!entry) return refuse('bad-choice', { n, max: menu.entries.length });
    if (mode === 'done') {
      if (entry.kind === 'undo') return refuse('item-done', { n });
      if (entry.kind !== 'tick' && entry.kind !== 'confirm') return refuse('not-a-tick', { n });
      return this.dispatch(ctx, entry.action, { explicit: true }, trace);
    }
    if (mode === 'undo' && entry.kind !== 'undo') return refuse('not-undoable', { n });
    // "hoàn tác N" says plainly what it wants, as "xong N" does: an entry that stands for more (a task's card) undoes.
    return this.dispatch(ctx, entry.action, { explicit: mode === 'undo' }, trace);
  }
}
