/**
 * Evidence: after a tick, the official (or an admin) may attach the document or photo that proves it — 📎 on the
 * tick's message, then the file. It is kept by reference (the messenger's file id; on Zalo the photo's URL), never
 * downloaded, with its name, size and who sent it; the card lists it with 📎 to get it back, and the report names
 * it. Accepted: PDF, Word, Excel and images, at most 20 MB (what a Telegram bot can fetch back); Zalo hands bots
 * photos only.
 */
import { completionId } from '../../actions/fields.ts';
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { z } from 'zod';
import { formatDate } from '../../../plan/deadline.ts';
import type { CompletionRecord, ReadonlyDeep } from '../../../store/port.ts';
import { endSession, setSession } from '../../kernel/conversation.ts';
import { type Ctx, defineTextAction, type Feature } from '../../kernel/feature.ts';
import { type Button, type Outcome, refuse, reply, say, type Text } from '../../kernel/outcome.ts';
import { cancelAction } from '../../kernel/conversation.ts';
import type { IncomingDocument } from '../../kernel/channel.ts';
import { seesPart, viewerOf } from '../../kernel/viewer.ts';
import { taskRef } from './rules.ts';

export const MAX_EVIDENCE_BYTES = 20 * 2 ** 20;
const TYPES = /\.(pdf|docx?|xlsx?|jpe?g|png|heic)$/i;

const attach = defineTextAction({
  tag: 'f',
  key: 'completionId',
  field: completionId,
  run: (ctx, a) => start(ctx, a.completionId),
});

const view = defineTextAction({
  tag: 'fv',
  key: 'id',
  field: z.string().regex(/^f\d{1,12}$/),
  run: (ctx, a) => show(ctx, a.id),
});

/** Who may attach to a tick: the official who made it, or an admin; only while it stands. */
function mayAttach(ctx: Ctx, rec: ReadonlyDeep<CompletionRecord> | undefined): Outcome | undefined {
  if (!rec || rec.undoneAt) return refuse('stale');
  if (ctx.actor.admin) return undefined;
  if (!isOfficial(ctx.actor)) return refuseNotOfficial(ctx.actor);
  if (rec.by !== ctx.actor.official.id) return refuse('undo-not-yours');
  return undefined;
}

/** 📎 under a tick the actor may attach evidence to. */
export function attachButton(ctx: Ctx, rec: ReadonlyDeep<CompletionRecord>): Button | undefined {
  return mayAttach(ctx, rec)
    ? undefined
    : attach.button('note', say(ctx.from.channel === 'zalo' ? 'button.attachPhoto' : 'button.attach', { id: taskRef(ctx, rec.taskId) }), {
        completionId: rec.id,
      });
}

/** The card's lines for the evidence of a tick, each with 📎 to get it back (as buttons). */
export function evidenceLines(ctx: Ctx, rec: ReadonlyDeep<CompletionRecord> | undefined): Text[] {
  if (!rec) return [];
  return ctx.deps.store.evidenceOf(rec.id).map((e) => say('evidence.line', { name: e.name, date: formatDate(e.at.slice(0, 10)) }));
}

export function evidenceButtons(ctx: Ctx, rec: ReadonlyDeep<CompletionRecord> | undefined): Button[] {
  if (!rec) return [];
  return ctx.deps.store
    .evidenceOf(rec.id)
    .slice(0, 4)
    .map((e) => view.button('open', say('button.viewEvidence', { name: e.name.slice(0, 24) }), { id: e.id }));
}

async function start(ctx: Ctx, id: string): Promise<Outcome> {
  const rec = ctx.deps.store.completion(id);
  const why = mayAttach(ctx, rec);
  if (why) return why;
  await setSession(ctx, { kind: 'evidence', completionId: id });
  return reply({
    text: say(ctx.from.channel === 'zalo' ? 'evidence.askPhoto' : 'evidence.ask', { id: rec!.taskId, max: MAX_EVIDENCE_BYTES / 2 ** 20 }),
    buttons: [[cancelAction.button('cancel', say('button.cancel'), {})]],
  });
}

async function receive(ctx: Ctx, session: Readonly<Record<string, unknown>>, doc: IncomingDocument): Promise<Outcome> {
  const s = z.object({ completionId }).safeParse(session);
  const rec = s.success ? ctx.deps.store.completion(s.data.completionId) : undefined;
  const why = mayAttach(ctx, rec);
  if (why) {
    await endSession(ctx);
    return why;
  }
  if (!doc.ref) return reply({ text: say('evidence.noRef') });
  if (doc.kind !== 'photo' && !TYPES.test(doc.filename)) return reply({ text: say('evidence.badType', { name: doc.filename.slice(0, 60) }) });
  if ((doc.size ?? 0) > MAX_EVIDENCE_BYTES)
    return reply({ text: say('evidence.tooBig', { size: ((doc.size ?? 0) / 2 ** 20).toFixed(1), max: MAX_EVIDENCE_BYTES / 2 ** 20 }) });
  const e = await ctx.deps.store.addEvidence(
    {
      completionId: rec!.id,
      channel: ctx.from.channel,
      kind: doc.kind ?? 'document',
      fileId: doc.ref,
      name: doc.filename.slice(0, 120),
      // The messenger's figure, when it is one (a forged update may say anything): otherwise unknown, 0.
      size: Number.isSafeInteger(doc.size) && doc.size! >= 0 ? doc.size! : 0,
      by: ctx.actor.ref,
    },
    ctx.now,
  );
  await endSession(ctx);
  return reply({
    text: say('evidence.saved', { name: e.name, id: rec!.taskId }),
    buttons: [[view.button('open', say('button.viewEvidence', { name: e.name.slice(0, 24) }), { id: e.id })]],
  });
}

/** 📎 on a card: the file sent back, to whoever may see that agency's work (kernel/viewer.ts: its officials, admins, leaders). */
async function show(ctx: Ctx, id: string): Promise<Outcome> {
  const e = ctx.deps.store.evidence(id);
  const rec = e ? ctx.deps.store.completion(e.completionId) : undefined;
  if (!e || !rec) return refuse('stale');
  if (!seesPart(viewerOf(ctx.deps, ctx.from.channel, ctx.from.userId), rec.party))
    return refuse('not-your-task', { id: rec.taskId, agency: ctx.actor.official ? ctx.deps.dir.label(ctx.actor.official.agency) : '' });
  // A file kept on one messenger is fetched from it only.
  if (e.channel !== ctx.from.channel)
    return reply({ text: say('evidence.otherChannel', { name: e.name, channel: e.channel === 'zalo' ? 'Zalo' : 'Telegram' }) });
  return reply({ text: say('evidence.sent', { name: e.name, id: rec.taskId }), attachment: { kind: e.kind, ref: e.fileId, filename: e.name } });
}

export const evidenceFeature: Feature = {
  name: 'evidence',
  actions: [attach.def, view.def],
  steps: [
    {
      kind: 'evidence',
      // Text typed while a file is awaited is answered as a question; the session waits for the file.
      onText: async () => undefined,
      onFile: receive,
    },
  ],
};
