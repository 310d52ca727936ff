/**
 * /baocao: the plan's report as an .xlsx file — for an admin the whole plan, for an official their agency's part.
 * Telegram sends the file; Zalo (which cannot send files) and the terminal say where to get it.
 */
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { formatDate } from '../../../plan/deadline.ts';
import { buildReport } from '../../../report/xlsx.ts';
import { canonicalTokens } from '../../../text/canonical.ts';
import type { Ctx, Feature } from '../../kernel/feature.ts';
import { type Outcome, reply, say } from '../../kernel/outcome.ts';

/**
 * "/baocao", "/baocao KH 4561", "/baocao 4561 Sở Tài chính": the plan named (else the newest active one) and, for an
 * admin, the agency named; an official always gets their own agency's part.
 */
async function report(ctx: Ctx, args: string): Promise<Outcome> {
  const { actor, deps } = ctx;
  if (!actor.admin && !isOfficial(actor)) return refuseNotOfficial(actor);
  const named = deps.plans.named(args);
  const { plan, engine } = named?.entry ?? ctx.plan;
  const rest = named ? named.rest : args;
  let agency = actor.admin ? undefined : actor.official!.agency;
  if (actor.admin && rest.trim()) {
    agency = deps.dir.find(canonicalTokens(rest)).flatMap((m) => m.agencies)[0];
    if (!agency) return reply({ text: say('report.unknownAgency', { name: rest.trim().slice(0, 60) }) });
  }
  const bytes = await buildReport({ plan, dir: deps.dir, engine, store: deps.store, t: deps.t }, ctx.today, agency);
  const slug = plan.number.replace(/[^A-Za-z0-9]+/g, '-');
  const filename = `bao-cao-${slug}${agency ? `-${agency}` : ''}-${ctx.today}.xlsx`;
  const scope = agency ? deps.dir.label(agency) : deps.t('report.wholePlan');
  return reply({ text: say('report.sent', { plan: plan.number, scope, date: formatDate(ctx.today) }), document: { filename, bytes } });
}

export const reportsFeature: Feature = {
  name: 'reports',
  commands: [{ names: ['baocao', 'report'], audience: 'official', run: report }],
};
