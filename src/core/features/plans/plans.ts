/**
 * The plans served: /kehoach lists them with their progress (admins archive and restore), and an admin publishes a
 * new plan — or a corrected file of one — by sending its Word or Excel file to the bot:
 *
 *   file received → imported (nothing published yet) → a preview: number, title, tasks per section, leads, what the
 *   importer had to judge, and for a replacement what changes → [📢 Công bố] / [✖ Hủy] → on publish the plan file
 *   is written (durably) under PLANS_DIR, goes live at once, and each registered official whose agency has a part
 *   in it is told of their new tasks through the paced sender.
 *
 * The draft waits in PLANS_DIR/.drafts for 24 hours; the publish button carries its token, so a stale button or
 * another admin's draft is refused. Rights are checked again on every step.
 */
import path from 'node:path';
import { z } from 'zod';
import { excerpt } from '../../../answer/format.ts';
import { PlanFiles } from './files.ts';
import { formatDate } from '../../../plan/deadline.ts';
import { createdAgencies, describeWarning, ImportError, type Warning } from '../../../plan/import/index.ts';
import { type Imported, importIsolated } from '../../../plan/import/isolated.ts';
import { MAX_IMPORT_BYTES } from '../../../plan/import/office.ts';
import { type Plan, planSchema, type Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import { endSession, setSession } from '../../kernel/conversation.ts';
import { type Ctx, defineAction, defineTextAction, type Feature, rows } from '../../kernel/feature.ts';
import { type Button, edit, type Envelope, type Outcome, type Post, refuse, reply, say, type Text } from '../../kernel/outcome.ts';
import { type PlanEntry, planProgress } from '../../kernel/catalog.ts';
import type { IncomingDocument } from '../../kernel/channel.ts';
import { pagedPost } from '../../kernel/paging.ts';

const DRAFT_MS = 24 * 3_600_000;
const token = z.string().regex(/^[a-z0-9]{6,12}$/);
const planKey = z.string().regex(/^[a-z0-9]{4,12}$/);

const draftSchema = z.object({
  token,
  by: z.string(),
  at: z.string(),
  filename: z.string(),
  plan: planSchema,
  /** The document named no title: the admin is asked for it, and it is not published until they give one. */
  needsTitle: z.boolean().optional(),
  /**
   * Neither the document nor its file's name gave the plan's number: the admin is asked for it first, and the
   * preview is made once it is known (it may name a plan in use, which the file then replaces). Meanwhile the
   * importer's judgements wait here.
   */
  needsNumber: z.boolean().optional(),
  warnings: z.array(z.looseObject({ kind: z.string(), where: z.string() })).optional(),
});
type Draft = z.infer<typeof draftSchema>;

// ——— /kehoach ———

const archive = defineAction<{ key: string; archived: boolean }>({
  tag: 'pa',
  fields: [planKey, z.enum(['1', '0'])],
  decode: ([k, a]) => (k === undefined || a === undefined ? undefined : { key: k as string, archived: a === '1' }),
  encode: (a) => [a.key, a.archived ? '1' : '0'],
  run: (ctx, a) => setArchived(ctx, a.key, a.archived, true),
});

function planRow(ctx: Ctx, e: PlanEntry): string {
  const p = planProgress(e, { today: ctx.today, completions: ctx.deps.store.completions(e.plan.id) });
  return ctx.deps.t('plans.row', {
    number: e.plan.number,
    date: formatDate(e.plan.date),
    title: excerpt(e.plan.title, 80),
    done: p.done,
    total: p.total,
    pct: p.pct,
    overdue: p.c.overdue,
  });
}

/** "/kehoach": the active plans with their progress; for admins also the archived ones, and a button for each. */
async function listPlans(ctx: Ctx, args: string): Promise<Outcome> {
  const { deps, actor } = ctx;
  const [verb = '', ...rest] = args.trim().split(/\s+/);
  const archiving = /^(luutru|lưutrữ|archive)$/i.test(verb);
  if (archiving || /^(khoiphuc|khôiphục|restore)$/i.test(verb)) {
    if (!actor.admin) return refuse('admin-only');
    const entry = deps.plans.byNumber(rest.join(' '));
    if (!entry) return reply({ text: say('plans.unknown', { name: rest.join(' ').slice(0, 40) || '…' }) });
    return setArchived(ctx, entry.key, archiving, false);
  }
  return reply(await planList(ctx));
}

async function planList(ctx: Ctx, head?: { key: string; params?: Record<string, string | number> }): Promise<Post> {
  const { deps, actor } = ctx;
  const active = deps.plans.active();
  const archived = deps.plans.all().filter((e) => deps.plans.isArchived(e.plan.id));
  const lines: string[] = [deps.t('plans.header', { n: active.length }), ...active.map((e) => planRow(ctx, e))];
  if (actor.admin && archived.length > 0) lines.push('', deps.t('plans.archivedHeader', { n: archived.length }), ...archived.map((e) => planRow(ctx, e)));
  const buttons: Button[] = actor.admin
    ? [
        ...active
          .slice(0, 10)
          .map((e) => archive.button('choose', say('button.archive', { plan: e.plan.number.split('/')[0]! }), { key: e.key, archived: true })),
        ...archived
          .slice(0, 10)
          .map((e) => archive.button('choose', say('button.restore', { plan: e.plan.number.split('/')[0]! }), { key: e.key, archived: false })),
      ]
    : [];
  const footer = say(actor.admin ? 'plans.footerAdmin' : 'plans.footer');
  const text = [...(head ? [deps.t(head.key, head.params), ''] : []), ...lines].join('\n');
  return pagedPost(ctx, text, footer, rows(buttons, 2));
}

async function setArchived(ctx: Ctx, key: string, archived: boolean, pressed: boolean): Promise<Outcome> {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const entry = deps.plans.byKey(key);
  if (!entry) return refuse('stale');
  if (archived && deps.plans.active().length === 1 && deps.plans.active()[0] === entry) return reply({ text: say('plans.lastActive') });
  const changed = await deps.store.setPlanArchived(entry.plan.id, archived, actor.ref, ctx.now);
  const head = say(changed ? (archived ? 'plans.archived' : 'plans.restored') : archived ? 'plans.alreadyArchived' : 'plans.alreadyActive', {
    plan: entry.plan.number,
  });
  const post = await planList(ctx, head);
  return pressed ? edit(post, say(archived ? 'plans.archivedToast' : 'plans.restoredToast')) : reply(post);
}

// ——— publishing a plan sent as a file ———

const publish = defineTextAction({
  tag: 'pp',
  key: 'token',
  field: token,
  run: (ctx, a) => publishDraft(ctx, a.token),
});

const discard = defineTextAction({
  tag: 'pd',
  key: 'token',
  field: token,
  run: (ctx, a) => discardDraft(ctx, a.token),
});

/** The plans folder of this process (drafts and published files), asynchronous. */
const filesOf = (ctx: Ctx) => new PlanFiles(ctx.deps.plansDir!, DRAFT_MS);

async function readDraft(ctx: Ctx, t: string): Promise<Draft | undefined> {
  const d = draftSchema.safeParse(await filesOf(ctx).readDraft(t));
  if (!d.success || ctx.now.getTime() - Date.parse(d.data.at) > DRAFT_MS) return undefined;
  return d.data;
}

/** What a corrected file changes: tasks added, gone and changed (content, parties or deadline). */
export function planDiff(before: Plan, after: Plan): { added: string[]; removed: string[]; changed: string[] } {
  const old = new Map(before.tasks.map((t) => [t.id, t]));
  const now = new Map(after.tasks.map((t) => [t.id, t]));
  const same = (a: Task, b: Task) =>
    a.content === b.content && a.leadText === b.leadText && a.coordinateText === b.coordinateText && a.deadline.text === b.deadline.text;
  return {
    added: after.tasks.filter((t) => !old.has(t.id)).map((t) => t.id),
    removed: before.tasks.filter((t) => !now.has(t.id)).map((t) => t.id),
    changed: after.tasks.filter((t) => old.has(t.id) && !same(old.get(t.id)!, t)).map((t) => t.id),
  };
}

const ids = (list: readonly string[]) => (list.length > 8 ? `${list.slice(0, 8).join(', ')}…` : list.join(', '));

/** A plan file sent by an admin: imported, kept as a draft, previewed with [📢 Công bố] / [✖ Hủy]. */
async function receiveDocument(ctx: Ctx, doc: IncomingDocument): Promise<Outcome> {
  const { deps, actor } = ctx;
  // A photo outside the 📎 step is not a plan, whoever sends it; nor is anyone's file but an admin's.
  if (doc.kind === 'photo') return reply({ text: say('import.chat.photoNotPlan') });
  if (!actor.admin) return reply({ text: say('import.chat.adminOnly') });
  if (!deps.plansDir || deps.store.readOnly) return reply({ text: say('import.chat.unavailable') });
  if (!/\.(docx|xlsx|pdf|csv|tsv|txt)$/i.test(doc.filename)) return reply({ text: say('import.chat.badType', { file: doc.filename.slice(0, 80) }) });
  if (doc.size !== undefined && doc.size > MAX_IMPORT_BYTES)
    return reply({ text: say('import.error.too-big', { size: (doc.size / 2 ** 20).toFixed(1), max: MAX_IMPORT_BYTES / 2 ** 20 }) });
  let imported: Imported;
  try {
    const bytes = await doc.read();
    // Off the event loop, bounded in time and memory: a hostile file ends its worker, never the bot.
    imported = await importIsolated(doc.filename, bytes, deps.dir, { source: doc.filename }, ctx.today, deps.importLimits);
  } catch (e) {
    if (e instanceof ImportError) return reply({ text: [say('import.chat.failed', { file: doc.filename }), say(`import.error.${e.code}`, e.params)] });
    deps.log.log('warn', 'plan file could not be read', { error: e, file: doc.filename });
    return reply({ text: [say('import.chat.failed', { file: doc.filename }), say('import.error.damaged')] });
  }
  const { plan, warnings } = imported;
  if (plan.tasks.length === 0) return reply({ text: [say('import.chat.failed', { file: doc.filename }), say('import.error.not-a-plan')] });
  await filesOf(ctx).sweepDrafts(ctx.now);
  const t = Math.floor(deps.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  // A plan is known by its number: one neither the document nor the file's name gives is asked of the admin first.
  if (warnings.some((w) => w.kind === 'metaGuessed' && w.where === 'number')) {
    const pending: Draft = { token: t, by: actor.ref, at: ctx.now.toISOString(), filename: doc.filename, plan, needsNumber: true, warnings };
    await filesOf(ctx).writeDraft(t, pending);
    await setSession(ctx, { kind: 'planNumber', token: t });
    return reply({
      text: [say('import.chat.preview', { file: doc.filename, number: '…', date: formatDate(plan.date), issuer: plan.issuer }), say('import.chat.askNumber')],
      buttons: [[discard.button('cancel', say('button.cancel'), { token: t })]],
    });
  }
  return previewDraft(ctx, t, doc.filename, plan, warnings);
}

/**
 * The draft kept (24 hours) and its preview: number, title, tasks per section, leads, what a replacement changes and
 * keeps, what the importer judged; then [📢 Công bố] / [✖ Hủy], or first the title where the document gives none.
 */
async function previewDraft(ctx: Ctx, t: string, filename: string, imported: Plan, warnings: readonly Warning[]): Promise<Outcome> {
  const { deps, actor } = ctx;
  let plan = imported;
  // The same number in another year is another plan: its id says the year.
  const sameId = deps.plans.byId(plan.id);
  if (sameId && sameId.plan.date !== plan.date) plan = { ...plan, id: `${plan.id}@${plan.date}` };
  const replaces = deps.plans.byId(plan.id);
  const titleGuessed = warnings.some((w) => w.kind === 'metaGuessed' && w.where === 'title');
  // A corrected file that carries only the table (an Excel sheet) keeps what the plan in use says and it does not:
  // the title, the implementation paragraphs, the document's body.
  const kept = replaces ? keepFrom(replaces.plan, plan, titleGuessed) : undefined;
  if (kept) plan = kept.plan;
  // A plan is listed by its title: one the document does not give is asked of the admin, never the file's name.
  const needsTitle = titleGuessed && !kept?.what.includes('title');
  const draft: Draft = { token: t, by: actor.ref, at: ctx.now.toISOString(), filename, plan, ...(needsTitle ? { needsTitle } : {}) };
  await filesOf(ctx).writeDraft(t, draft);
  if (needsTitle) await setSession(ctx, { kind: 'planTitle', token: t });
  const fromName = warnings.find((w) => w.kind === 'metaFromName' && w.where === 'number');

  const bySection = plan.sections.map((s) => `${s.id}: ${plan.tasks.filter((x) => x.section === s.id).length}`).join(', ');
  const leads = new Map<string, number>();
  for (const task of plan.tasks)
    for (const p of task.lead) leads.set(p.agency ? deps.dir.label(p.agency) : p.name, (leads.get(p.agency ? deps.dir.label(p.agency) : p.name) ?? 0) + 1);
  const topLeads = [...leads]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([n, k]) => `${n} (${k})`)
    .join(', ');
  const lines: Text[] = [
    say('import.chat.preview', { file: filename, number: plan.number, date: formatDate(plan.date), issuer: plan.issuer }),
    ...(fromName ? [say('import.chat.numberFromName', { number: plan.number })] : []),
    needsTitle ? say('import.chat.noTitle') : excerpt(plan.title, 200),
    say('import.chat.tasks', { n: plan.tasks.length, sections: bySection, assignments: plan.assignments.length }),
    say('import.chat.leads', { leads: topLeads || '—' }),
  ];
  if (kept && kept.what.length > 0)
    lines.push(say('import.chat.keptFrom', { plan: replaces!.plan.number, what: kept.what.map((k) => ctx.deps.t(`import.chat.kept.${k}`)).join(', ') }));
  if (replaces) {
    const d = planDiff(replaces.plan, plan);
    const voided = [...d.changed, ...d.removed].filter((id) => (deps.store.completions(plan.id).get(id) ?? []).length > 0);
    lines.push(
      say('import.chat.replaces', { plan: replaces.plan.number }),
      say('import.chat.diff', { added: d.added.length, removed: d.removed.length, changed: d.changed.length }),
    );
    if (d.added.length) lines.push(say('import.chat.diffAdded', { ids: ids(d.added) }));
    if (d.removed.length) lines.push(say('import.chat.diffRemoved', { ids: ids(d.removed) }));
    if (d.changed.length) lines.push(say('import.chat.diffChanged', { ids: ids(d.changed) }));
    lines.push(say(voided.length ? 'import.chat.ticksVoided' : 'import.chat.ticksKept', { n: voided.length, ids: ids(voided) }));
  }
  // The agencies this plan brings that the directory does not know: named before publishing, for an admin to check.
  const created = createdAgencies(plan);
  if (created.length > 0) {
    const names = created
      .slice(0, 10)
      .map((a) =>
        a.tasks.length > 0 ? `${a.name} (${a.tasks.length})` : ctx.deps.t('import.chat.createdBody', { name: a.name, items: a.paragraphs.join(', ') }),
      );
    lines.push(say('import.chat.created', { n: created.length, names: names.join('; ') + (created.length > 10 ? '; …' : '') }));
  }
  // The missing title is asked for below, the number's source said above: neither is listed among the judgements.
  const judged = warnings.filter((w) => !(w.kind === 'metaGuessed' && w.where === 'title') && w !== fromName);
  if (judged.length > 0) {
    lines.push(say('import.chat.judged', { n: judged.length }), ...judged.slice(0, 6).map((w) => `• ${describeWarning(w, ctx.deps.t)}`));
    if (judged.length > 6) lines.push(say('import.chat.judgedMore', { n: judged.length - 6 }));
  }
  if (needsTitle) {
    lines.push(say('import.chat.askTitle', { max: TITLE_MAX }));
    return reply({ text: lines, buttons: [[discard.button('cancel', say('button.cancel'), { token: t })]] });
  }
  lines.push(say('import.chat.confirm'));
  return reply({
    text: lines,
    buttons: [[publish.button('confirm', say('button.publish'), { token: t }), discard.button('cancel', say('button.cancel'), { token: t })]],
  });
}

/** What a replacement keeps from the plan in use where its file says nothing, and the names of what it kept. */
function keepFrom(old: Plan, next: Plan, titleGuessed: boolean): { plan: Plan; what: ('title' | 'assignments' | 'document')[] } {
  const what: ('title' | 'assignments' | 'document')[] = [];
  let plan = next;
  if (titleGuessed && old.title) {
    plan = { ...plan, title: old.title };
    what.push('title');
  }
  if (plan.assignments.length === 0 && old.assignments.length > 0) {
    plan = { ...plan, assignments: old.assignments };
    what.push('assignments');
  }
  if (!plan.document && old.document) {
    plan = { ...plan, document: old.document };
    what.push('document');
  }
  return { plan, what };
}

const numberSession = z.object({ kind: z.literal('planNumber'), token });

/**
 * A plan's number as an admin types it: "1234/KH-UBND", also "Số: 1234/KH-UBND" or "1234 / kh-ubnd". Undefined when
 * it is not one (at most 40 characters).
 */
export function typedPlanNumber(text: string): string | undefined {
  if (text.length > 60) return undefined;
  const s = text
    .normalize('NFC')
    .replace(/^\s*(số|so)\s*:?\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
  const m = s.length <= 40 ? s.match(/^0*([1-9]\d{0,5})\/([A-ZĐ]{1,10}(?:-[A-ZĐ0-9]{1,12}){0,3})$/) : null;
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The number typed for a draft whose document and file name had none: then the preview, as for any file. */
async function numberStep(ctx: Ctx, session: Readonly<Record<string, unknown>>, text: string): Promise<Outcome | undefined> {
  const s = numberSession.safeParse(session);
  if (!s.success || !ctx.actor.admin) {
    await endSession(ctx);
    return undefined;
  }
  const draft = await readDraft(ctx, s.data.token);
  if (!draft?.needsNumber) {
    await endSession(ctx);
    return refuse('stale');
  }
  const number = typedPlanNumber(text);
  if (!number) return reply({ text: say('import.chat.badNumber') });
  await endSession(ctx);
  // The importer's judgements, but the guessed number: it is now the admin's.
  const warnings = (draft.warnings ?? []).filter((w) => !(w.kind === 'metaGuessed' && w.where === 'number')) as unknown as Warning[];
  return previewDraft(ctx, draft.token, draft.filename, { ...draft.plan, id: number, number }, warnings);
}

/** The longest plan title taken in chat. */
const TITLE_MAX = 300;
const titleSession = z.object({ kind: z.literal('planTitle'), token });

/** The title typed for a draft that had none: kept in the draft (durably), then [📢 Công bố] / [✖ Hủy]. */
async function titleStep(ctx: Ctx, session: Readonly<Record<string, unknown>>, text: string): Promise<Outcome | undefined> {
  const s = titleSession.safeParse(session);
  if (!s.success || !ctx.actor.admin) {
    await endSession(ctx);
    return undefined;
  }
  const draft = await readDraft(ctx, s.data.token);
  if (!draft) {
    await endSession(ctx);
    return refuse('stale');
  }
  const title = text.replace(/\s+/g, ' ').trim();
  if (title.length < 5 || title.length > TITLE_MAX || !/\p{L}/u.test(title)) return reply({ text: say('import.chat.badTitle', { max: TITLE_MAX }) });
  const { needsTitle: _asked, ...rest } = draft;
  await filesOf(ctx).writeDraft(draft.token, { ...rest, plan: { ...draft.plan, title } });
  await endSession(ctx);
  return reply({
    text: [say('import.chat.titleSet', { title, number: draft.plan.number }), say('import.chat.confirm')],
    buttons: [
      [publish.button('confirm', say('button.publish'), { token: draft.token }), discard.button('cancel', say('button.cancel'), { token: draft.token })],
    ],
  });
}

async function discardDraft(ctx: Ctx, t: string): Promise<Outcome> {
  if (!ctx.actor.admin) return refuse('admin-only');
  const draft = await readDraft(ctx, t);
  if (draft) await filesOf(ctx).removeDraft(t);
  return edit({ text: say('import.chat.discarded', { file: draft?.filename ?? '' }) });
}

const slugOf = (plan: Plan) => `${plan.number.replace(/[^A-Za-z0-9]+/g, '-')}-${plan.date.slice(0, 4)}`.replace(/^-+|-+$/g, '');

async function publishDraft(ctx: Ctx, t: string): Promise<Outcome> {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  if (!deps.plansDir || deps.store.readOnly) return reply({ text: say('import.chat.unavailable') });
  const draft = await readDraft(ctx, t);
  if (!draft) return refuse('stale');
  // Never published without a number or a title: the admin is asked for it again.
  if (draft.needsNumber) {
    await setSession(ctx, { kind: 'planNumber', token: t });
    return reply({ text: say('import.chat.askNumber') });
  }
  if (draft.needsTitle) {
    await setSession(ctx, { kind: 'planTitle', token: t });
    return reply({ text: say('import.chat.askTitle', { max: TITLE_MAX }) });
  }
  const plan = draft.plan;
  const replaces = deps.plans.byId(plan.id);
  // Where a replaced plan came from a file of this folder, that file is rewritten; else a new one is made.
  const file =
    replaces?.file && path.resolve(path.dirname(replaces.file)) === path.resolve(deps.plansDir)
      ? replaces.file
      : path.join(deps.plansDir, `${slugOf(plan)}.json`);
  // Durable first: the plan file, then the ticks a change voids, then the catalog; the admin is told last.
  await filesOf(ctx).writePlan(file, plan);
  const diff = replaces ? planDiff(replaces.plan, plan) : undefined;
  const voided = diff ? await deps.store.voidCompletions(plan.id, [...diff.changed, ...diff.removed], actor.ref, ctx.now, 'plan replaced') : 0;
  await deps.store.recordEvent(actor.ref, replaces ? 'replace-plan' : 'publish-plan', plan.id, ctx.now, {
    file: path.basename(file),
    tasks: plan.tasks.length,
  });
  const entry = deps.plans.put(plan, file);
  if (deps.plans.isArchived(plan.id)) await deps.store.setPlanArchived(plan.id, false, actor.ref, ctx.now);
  await filesOf(ctx).removeDraft(t);
  await endSession(ctx);
  const fresh = diff ? new Set([...diff.added, ...diff.changed]) : undefined;
  const notices = announce(ctx, entry, fresh);
  const push = deps.push;
  if (notices.length > 0 && push) {
    // One run through the paced sender, after the admin's answer: kept with its messages until all are sent, so a
    // restart in the middle tells only those not yet told.
    const key = `announce:${entry.key}:${ctx.now.toISOString()}`;
    void push.announce(key, notices).catch((e: unknown) => deps.log.log('error', 'plan announcement failed', { error: e, run: key }));
  }
  return edit(
    {
      text: [
        say(replaces ? 'import.chat.replaced' : 'import.chat.published', { plan: plan.number, n: plan.tasks.length }),
        ...(voided > 0 ? [say('import.chat.voided', { n: voided })] : []),
        say(deps.push ? 'import.chat.announced' : 'import.chat.notAnnounced', { n: notices.length }),
      ],
    },
    say('import.chat.publishedToast'),
  );
}

/** One message to each approved official whose agency has a part in the plan's (new or changed) tasks. */
function announce(ctx: Ctx, entry: PlanEntry, only?: ReadonlySet<string>): { to: string; message: Envelope }[] {
  const { deps } = ctx;
  const out: { to: string; message: Envelope }[] = [];
  const byAgency = new Map<string, Task[]>();
  for (const task of entry.plan.tasks) {
    if (only && !only.has(task.id)) continue;
    for (const agency of requiredParties(task, deps.dir)) byAgency.set(agency, [...(byAgency.get(agency) ?? []), task]);
  }
  for (const o of deps.store.officialsWith('approved')) {
    const tasks = byAgency.get(o.agency);
    if (!tasks || !o.notify) continue;
    const account = o.accounts.find((a) => a.channel === o.preferred) ?? o.accounts[0]!;
    const list = tasks.slice(0, 10).map((x) => `• ${x.id} — ${excerpt(x.content, 100)} (${x.deadline.text || deps.t('deadline.none')})`);
    out.push({
      to: o.id,
      message: {
        channel: account.channel,
        chatId: account.chatId,
        text: [
          say(only ? 'import.announce.changed' : 'import.announce.new', { plan: entry.plan.number, title: excerpt(entry.plan.title, 120) }),
          say(only ? 'import.announce.tasks' : 'import.announce.tasksNew', { agency: deps.dir.label(o.agency), n: tasks.length }),
          ...list,
          ...(tasks.length > 10 ? [say('import.announce.more', { n: tasks.length - 10 })] : []),
          say('import.announce.footer'),
        ],
      },
    });
  }
  return out;
}

export const plansFeature: Feature = {
  name: 'plans',
  commands: [{ names: ['kehoach', 'plans'], audience: 'everyone', run: listPlans }],
  actions: [archive.def, publish.def, discard.def],
  steps: [
    { kind: 'planTitle', onText: titleStep },
    { kind: 'planNumber', onText: numberStep },
  ],
  onDocument: receiveDocument,
};
