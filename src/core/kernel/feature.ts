/**
 * A feature declares what it answers to: commands (a name and its aliases), button actions (a short tag and a
 * zod-checked codec), conversation steps (text typed while a session of its kind is open), phrases (words such as
 * "xong 1") and shared contacts. The router builds the command table, the messengers' menus and the help text from
 * these declarations, and refuses duplicates at start-up.
 */
import type { z } from 'zod';
import type { Actor } from './actor.ts';
import type { From, IncomingDocument } from './channel.ts';
import type { CoreDeps } from './deps.ts';
import { type PlanEntry, scoped } from './catalog.ts';
import type { Button, ButtonKind, Outcome, Text } from './outcome.ts';

/** One update, as every handler sees it. */
export interface Ctx {
  deps: CoreDeps;
  /**
   * The plan in scope: the one a button or session names, else the newest active plan. Features that span plans
   * (questions, /viec, /kehoach) go through deps.plans and `inPlan`.
   */
  plan: PlanEntry;
  /** This update in the scope of another plan: its buttons and sessions carry that plan's key. */
  inPlan(entry: PlanEntry): Ctx;
  from: From;
  actor: Actor;
  now: Date;
  /** The province's calendar day at `now`. */
  today: string;
  /** Run an action id as if its button were pressed (menus: "1", "xong 1"). */
  run(action: string, how: How): Promise<Outcome>;
  /** Run entry `n` of the chat's current menu, if it allows `mode`. */
  pick(n: number, mode: PickMode): Promise<Outcome>;
}

/**
 * How an action was asked for. `explicit`: the user said plainly what they want ("xong 1"), so a confirmation step
 * is not needed. `reason`: words typed with the choice ("từ chối 3 lý do …"), for an action that needs a reason.
 */
export interface How {
  explicit: boolean;
  reason?: string;
}

/** How a numbered entry was chosen: "1" (choose), "xong 1" (done: ticks only), "hoàn tác 1" (undo only). */
export type PickMode = 'choose' | 'done' | 'undo';

export type Audience = 'everyone' | 'official' | 'admin';

export interface CommandDef {
  /** The first is the Vietnamese name shown in menus and help; the rest are aliases (English first). */
  names: readonly string[];
  /** Who sees it in /trogiup and the messenger's command menu; omitted: not listed (still answered). */
  audience?: Audience;
  run(ctx: Ctx, args: string): Outcome | Promise<Outcome>;
}

export interface ActionDef<A> {
  /** A short tag, unique across features: the action id is "<tag>:<field>:<field>…". */
  tag: string;
  /** Acts on a task of one plan: where several plans are served, its buttons carry the plan's key ("k3f9~t:I.4"). */
  planScoped?: boolean;
  /** The fields' zod schemas in order; trailing optional fields may be left out. */
  fields: readonly z.ZodType[];
  /** Fields → the action's value; undefined when they do not make one. */
  decode(fields: readonly unknown[]): A | undefined;
  encode(a: A): readonly (string | number)[];
  run(ctx: Ctx, a: A, how: How): Outcome | Promise<Outcome>;
}

/** Text typed while the user's session is of this kind. Undefined: not consumed, answered as a question. */
export interface StepDef {
  kind: string;
  onText(ctx: Ctx, session: Readonly<Record<string, unknown>>, text: string): Promise<Outcome | undefined>;
  /** A file sent while the session is of this kind (evidence awaited); else files go to the feature that takes them. */
  onFile?(ctx: Ctx, session: Readonly<Record<string, unknown>>, doc: IncomingDocument): Promise<Outcome>;
}

/** Words that mean a command when typed alone, such as "xong 1" or "hoàn tác 2" (matched on folded text). */
export interface PhraseDef {
  match(folded: string, raw: string): string | undefined;
  run(ctx: Ctx, args: string): Outcome | Promise<Outcome>;
}

export interface Feature {
  name: string;
  commands?: readonly CommandDef[];
  actions?: readonly ActionDef<never>[];
  steps?: readonly StepDef[];
  phrases?: readonly PhraseDef[];
  onContact?(ctx: Ctx, contact: { phone: string; userId?: string }): Promise<Outcome>;
  /** A file sent to the bot (a plan to publish). */
  onDocument?(ctx: Ctx, doc: IncomingDocument): Promise<Outcome>;
  /** Any other text: at most one feature answers questions. */
  onQuestion?(ctx: Ctx, text: string): Outcome | Promise<Outcome>;
}

export const MAX_ACTION_BYTES = 64;

/**
 * Where a plan-scoped button is made: the plan in scope, and the plans served. Where several are served the button
 * carries its plan's key ("k3f9~t:I.4"), so that pressing it later acts on that plan whatever has been published
 * since. A Ctx is one.
 */
export interface PlanScope {
  plan: { key: string };
  deps: { plans: { all(): readonly unknown[] } };
}

/** An action's button data: its tag, zod-checked fields and codec, without what pressing it does. */
export type CodecDef<A> = Omit<ActionDef<A>, 'run'>;

/** The ids and buttons of an action: a plan-scoped one is made with the plan it acts on, from its declaration. */
export interface Codec<A, Scoped extends boolean = boolean> extends CodecDef<A> {
  /** The action id for a value (with its plan's key where the action is plan-scoped and several plans are served). */
  id(a: A, ...scope: Scoped extends true ? [PlanScope] : []): string;
  button(kind: ButtonKind, label: Text, a: A, ...scope: Scoped extends true ? [PlanScope] : []): Button;
}

/** Declare an action's button data (shared by the feature that runs it and the modules that make its buttons). */
export function defineCodec<A>(def: CodecDef<A> & { planScoped: true }): Codec<A, true>;
export function defineCodec<A>(def: CodecDef<A> & { planScoped?: false }): Codec<A, false>;
export function defineCodec<A>(def: CodecDef<A>): Codec<A, boolean> {
  const id = (a: A, scope?: PlanScope): string => {
    const s = [def.tag, ...def.encode(a)].join(':');
    // Over 64 bytes is a programming error: ids are short by design.
    if (Buffer.byteLength(s, 'utf8') > MAX_ACTION_BYTES) throw new Error(`action over ${MAX_ACTION_BYTES} bytes: ${s}`);
    if (!def.planScoped || !scope || scope.deps.plans.all().length < 2) return s;
    const withKey = scoped(scope.plan.key, s);
    return Buffer.byteLength(withKey, 'utf8') <= MAX_ACTION_BYTES ? withKey : s;
  };
  return {
    ...def,
    id: id as Codec<A, boolean>['id'],
    button: ((kind: ButtonKind, label: Text, a: A, scope?: PlanScope): Button => ({ kind, label, action: id(a, scope) })) as Codec<A, boolean>['button'],
  };
}

/** What pressing a codec's button does: the action a feature declares. */
export function handle<A>(codec: CodecDef<A>, run: ActionDef<A>['run']): ActionDef<never> {
  return {
    tag: codec.tag,
    ...(codec.planScoped ? { planScoped: true } : {}),
    fields: codec.fields,
    decode: codec.decode,
    encode: codec.encode,
    run,
  } as unknown as ActionDef<never>;
}

/** Declare an action used only by the feature that runs it: its codec, its handler, and buttons that carry it. */
export function defineAction<A>(def: ActionDef<A> & { planScoped: true }): Codec<A, true> & { def: ActionDef<never> };
export function defineAction<A>(def: ActionDef<A> & { planScoped?: false }): Codec<A, false> & { def: ActionDef<never> };
export function defineAction<A>(def: ActionDef<A>): Codec<A, boolean> & { def: ActionDef<never> } {
  const codec = defineCodec<A>(def as CodecDef<A> & { planScoped?: false });
  return { ...codec, def: handle(def, def.run) };
}

/** An action whose value is one text field, named `key` (a draft's token, a completion's id, an agency). */
export function defineTextAction<K extends string>(def: {
  tag: string;
  key: K;
  field: z.ZodType;
  run(ctx: Ctx, a: Record<K, string>, how: How): Outcome | Promise<Outcome>;
}) {
  return defineAction<Record<K, string>>({
    tag: def.tag,
    fields: [def.field],
    decode: ([v]) => (v === undefined ? undefined : ({ [def.key]: v as string } as Record<K, string>)),
    encode: (a) => [a[def.key]],
    run: def.run,
  });
}

/** Buttons laid out `perRow` to a row. */
export function rows<B>(buttons: readonly B[], perRow: number): B[][] {
  const out: B[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}
