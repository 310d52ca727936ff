/**
 * Long replies in pages for a phone: the first page now, the rest kept for this chat a day, "Xem thêm" (a button,
 * or the words "thêm" / "xem thêm" where a messenger has no buttons) for the next one.
 */
import { z } from 'zod';
import { paginate } from '../../answer/engine.ts';
import { type Ctx, defineAction } from './feature.ts';
import { type Button, type Outcome, type Post, reply, say, type Text } from './outcome.ts';

const pagesSchema = z.object({ pages: z.array(z.string()) });

/** Keep the further pages of a long answer for "Xem thêm" / "thêm"; the button that asks for the next one. */
export async function keepPages(ctx: Ctx, pages: readonly string[]): Promise<Button[][]> {
  await ctx.deps.store.putConversation(
    `pages:${ctx.from.channel}:${ctx.from.chatId}`,
    { pages: [...pages] },
    new Date(ctx.now.getTime() + 24 * 3_600_000),
    ctx.now,
  );
  return [[nextPage.button('more', say('button.more'), {})]];
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

/** The next page of the last long answer in this chat. */
export async function showMore(ctx: Ctx): Promise<Outcome> {
  const key = `pages:${ctx.from.channel}:${ctx.from.chatId}`;
  const kept = pagesSchema.safeParse(ctx.deps.store.conversation(key, ctx.now));
  if (!kept.success || kept.data.pages.length === 0) return reply({ text: say('page.none') });
  const [page, ...rest] = kept.data.pages;
  if (rest.length > 0) await ctx.deps.store.putConversation(key, { pages: rest }, new Date(ctx.now.getTime() + 24 * 3_600_000), ctx.now);
  else await ctx.deps.store.dropConversation(key);
  return reply({
    text: page!,
    ...(rest.length > 0 ? { footer: say('page.more', { n: rest.length }), buttons: [[nextPage.button('more', say('button.more'), {})]] } : {}),
  });
}

/** "Xem thêm": the next page (the questions feature declares it, with the words that mean it). */
export const nextPage = defineAction<Record<string, never>>({ tag: 'p', fields: [], decode: () => ({}), encode: () => [], run: (ctx) => showMore(ctx) });
