/**
 * /baocao: the plan's report as an .xlsx file — for an admin the whole plan, for an official their agency's part.
 * Telegram sends the file; Zalo (which cannot send files) and the terminal say where to get it.
 */
import { formatDate } from '../../plan/deadline.ts';
import { buildReport } from '../../report/xlsx.ts';
import type { Ctx, Feature } from '../feature.ts';
import { type Outcome, refuse, reply, say } from '../outcome.ts';

async function report(ctx: Ctx): Promise<Outcome> {
  const { actor, deps } = ctx;
  if (!actor.admin && !actor.official) return refuse(actor.pending ? 'pending-approval' : 'not-registered');
  const agency = actor.admin ? undefined : actor.official!.agency;
  const bytes = await buildReport({ plan: deps.plan, dir: deps.dir, engine: deps.engine, store: deps.store, t: deps.t }, ctx.today, agency);
  const slug = deps.plan.number.replace(/[^A-Za-z0-9]+/g, '-');
  const filename = `bao-cao-${slug}${agency ? `-${agency}` : ''}-${ctx.today}.xlsx`;
  const scope = agency ? deps.dir.label(agency) : deps.t('report.wholePlan');
  return reply({ text: say('report.sent', { plan: deps.plan.number, scope, date: formatDate(ctx.today) }), document: { filename, bytes } });
}

export const reportsFeature: Feature = {
  name: 'reports',
  commands: [{ names: ['baocao', 'report'], audience: 'official', run: report }],
};
