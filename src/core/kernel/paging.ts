/**
 * Long replies in pages for a phone: the first page now, the rest kept for this chat a day, "Xem thêm" (a button,
 * or the words "thêm" / "xem thêm" where a messenger has no buttons) for the next one. Each long answer's pages are
 * kept under their own id, carried by its button: ⏬ under an earlier answer still brings that answer's next page
 * after other questions; the words mean the latest answer.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { paginate } from '../../answer/engine.ts';
import { type Ctx, defineAction } from './feature.ts';
import { type Button, type Outcome, type Post, reply, say, type Text } from './outcome.ts';

const KEEP_MS = 24 * 3_600_000;
const pagesSchema = z.object({ pages: z.array(z.string()) });
const latestSchema = z.object({ id: z.string() });
const pagesId = z.string().regex(/^[0-9a-f]{12}$/);

const latestKey = (ctx: Ctx) => `pages:${ctx.from.channel}:${ctx.from.chatId}`;
const pagesKey = (ctx: Ctx, id: string) => `pages:${ctx.from.channel}:${ctx.from.chatId}:${id}`;

/** Keep the further pages of a long answer for "Xem thêm" / "thêm"; the button that asks for the next one. */
export async function keepPages(ctx: Ctx, pages: readonly string[]): Promise<Button[][]> {
  // Unique per answer in this chat: the pages, the time and the id before it (the same answer twice gets two ids).
  const before = latestSchema.safeParse(ctx.deps.store.conversation(latestKey(ctx), ctx.now));
  const id = createHash('sha256')
    .update([before.success ? before.data.id : '', ctx.now.toISOString(), ...pages].join('\u0000'))
    .digest('hex')
    .slice(0, 12);
  const until = new Date(ctx.now.getTime() + KEEP_MS);
  await ctx.deps.store.putConversation(pagesKey(ctx, id), { pages: [...pages] }, until, ctx.now);
  await ctx.deps.store.putConversation(latestKey(ctx), { id }, until, ctx.now);
  return [[nextPage.button('more', say('button.more'), { id })]];
}

/** A long text as a post: its first page, the footer (or "Xem thêm" while pages are kept), and these buttons. */
export async function pagedPost(ctx: Ctx, text: string, footer?: Text, buttons: Button[][] = []): Promise<Post> {
  const paged = paginate({ intent: 'list', text, tasks: [], agencies: [] });
  const pages = paged.more ?? [];
  const more = pages.length > 0 && !ctx.deps.store.readOnly ? await keepPages(ctx, pages) : [];
  return {
    text: paged.text,
    ...(more.length > 0 ? { footer: say('page.more', { n: pages.length }) } : footer ? { footer } : {}),
    buttons: [...buttons, ...more],
  };
}

/** The next page of the answer `id` (its ⏬), else of the last long answer in this chat ("thêm"). */
export async function showMore(ctx: Ctx, id?: string): Promise<Outcome> {
  const latest = latestSchema.safeParse(ctx.deps.store.conversation(latestKey(ctx), ctx.now));
  // A ⏬ made before answers had ids means the latest answer, as it always did.
  const which = id ?? (latest.success ? latest.data.id : undefined);
  const key = which ? pagesKey(ctx, which) : undefined;
  const kept = key ? pagesSchema.safeParse(ctx.deps.store.conversation(key, ctx.now)) : undefined;
  // A ⏬ whose pages are no longer kept says so; one whose pages were all shown says there is no more.
  if (id && !kept?.success) return reply({ text: say('page.expired', { hours: KEEP_MS / 3_600_000 }) });
  if (!key || !which || !kept?.success || kept.data.pages.length === 0) return reply({ text: say('page.none') });
  const [page, ...rest] = kept.data.pages;
  // Emptied, not dropped: a later ⏬ on it is told there is no more until the day is out.
  await ctx.deps.store.putConversation(key, { pages: rest }, new Date(ctx.now.getTime() + KEEP_MS), ctx.now);
  return reply({
    text: page!,
    ...(rest.length > 0 ? { footer: say('page.more', { n: rest.length }), buttons: [[nextPage.button('more', say('button.more'), { id: which })]] } : {}),
  });
}

/** "Xem thêm": the next page of the answer it was shown under (the questions feature declares it, with its words). */
export const nextPage = defineAction<{ id?: string }>({
  tag: 'p',
  fields: [pagesId],
  decode: ([id]) => (id === undefined ? {} : { id: id as string }),
  encode: (a) => (a.id ? [a.id] : []),
  run: (ctx, a) => showMore(ctx, a.id),
});
