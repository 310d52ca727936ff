/**
 * The desk page's pages, server-rendered in the bot's language (locales/): the plans with their progress; one
 * plan's agencies × status (counted by plan/progress.ts through report/summary.ts, the numbers of /tiendo, the chart
 * and the report), its overdue and coming-due parts; one task with its leads, coordinators and each agency's part.
 * An official sees their agency's parts; admins and leaders every agency. Pure: deps, viewer and day in, HTML out.
 */
import { excerpt } from '../answer/format.ts';
import type { CoreDeps } from '../core/kernel/deps.ts';
import { localTime } from '../core/kernel/time.ts';
import type { PlanEntry } from '../core/kernel/catalog.ts';
import { seesPart, type Viewer } from '../core/kernel/viewer.ts';
import { addDays, formatDate } from '../plan/deadline.ts';
import { agencyRows, countsOf, type Part, STATUSES, taskCounts } from '../plan/progress.ts';
import type { Task } from '../plan/schema.ts';
import type { Status } from '../plan/status.ts';
import { partsOf } from '../report/summary.ts';
import { type FileSources, reachOf } from './files.ts';
import { type Html, html } from './html.ts';

/** Days ahead in the "coming due" list. */
export const COMING_DAYS = 30;
/** Progress notes and extension requests shown per part on a task's page, newest first. */
const HISTORY = 20;
/** Lines at most in a list of tasks (the rest counted). */
export const LIST_MAX = 200;

export interface PageCtx {
  deps: CoreDeps;
  viewer: Viewer;
  today: string;
  /** Root-relative path of this link's pages: "/web/<token>". */
  root: string;
  /** How evidence files are reached from this process (files.ts). */
  files: FileSources;
}

/** The filters of a plan's page, already validated (server.ts). */
export interface Filters {
  agency?: string;
  status?: Status;
  /** "2019" or "2019-Q2": parts due within it. */
  period?: string;
}

const t = (c: PageCtx, key: string, params?: Record<string, string | number>) => c.deps.t(key, params);
const label = (c: PageCtx, party: string) => c.deps.dir.label(party);
const enc = encodeURIComponent;

/** The whole page around a body. */
export function layout(c: Pick<PageCtx, 'deps'> & Partial<PageCtx>, title: string, body: Html): string {
  const who = c.viewer
    ? c.viewer.all
      ? t(c as PageCtx, `desk.viewer.${c.viewer.role}`)
      : t(c as PageCtx, 'desk.viewer.agency', { agency: label(c as PageCtx, c.viewer.agency!) })
    : '';
  const home = c.root ? html`<a href="${c.root}">${c.deps.t('desk.brand')}</a>` : html`${c.deps.t('desk.brand')}`;
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${title}</title><link rel="stylesheet" href="/web/desk.css"></head>
<body><header class="top"><p class="brand">${home}</p>${who ? html`<p class="who">${who}${c.today ? ` · ${c.deps.t('desk.asOf', { date: formatDate(c.today) })}` : ''}</p>` : ''}</header>
<main>${body}</main>
<footer>${c.deps.t('desk.footer')}</footer></body></html>`.text;
}

/** A refusal page: what happened and what to do, nothing else. */
export function messagePage(deps: CoreDeps, key: string): string {
  return layout({ deps }, deps.t(`${key}.title`), html`<div class="card"><h1>${deps.t(`${key}.title`)}</h1><p>${deps.t(`${key}.text`)}</p></div>`);
}

function bar(c: Record<Status, number>, total: number): Html {
  if (total === 0) return html`<div class="bar"></div>`;
  return html`<div class="bar" role="img">${STATUSES.filter((s) => c[s] > 0).map((s) => html`<span class="b-${s} w${Math.round((100 * c[s]) / total)}"></span>`)}</div>`;
}

/** The parts this viewer may see. */
function visible(c: PageCtx, parts: readonly Part[]): Part[] {
  return c.viewer.all ? [...parts] : parts.filter((p) => p.party === c.viewer.agency);
}

const stateOpts = (c: PageCtx, e: PlanEntry) => ({ today: c.today, completions: c.deps.store.completions(e.plan.id) });

const reportDeps = (c: PageCtx, e: PlanEntry) => ({ plan: e.plan, dir: c.deps.dir, engine: e.engine, store: c.deps.store, t: c.deps.t });

/** The plans with their progress: tasks for admins and leaders, the agency's own parts for an official. */
export function plansPage(c: PageCtx): string {
  const rows = c.deps.plans.active().map((e) => {
    const opts = stateOpts(c, e);
    const k = c.viewer.all
      ? taskCounts(e.plan.tasks, (task, party) => e.engine.stateOf(task, opts, party))
      : countsOf(visible(c, partsOf(reportDeps(c, e), c.today, c.viewer.agency)).map((p) => p.status));
    return html`<tr><td><a href="${c.root}/p/${enc(e.key)}">${e.plan.number}</a><br><span class="muted">${excerpt(e.plan.title, 140)}</span></td>
<td class="n">${k.done}/${k.total}</td><td class="n">${k.pct}%</td><td class="n s-overdue">${k.c.overdue}</td><td>${bar(k.c, k.total)}</td></tr>`;
  });
  const unit = c.viewer.all ? t(c, 'desk.col.tasks') : t(c, 'desk.col.parts');
  const body = html`<h1>${t(c, 'desk.plans.title')}</h1>
<div class="table-wrap"><table class="plans"><thead><tr><th>${t(c, 'desk.col.plan')}</th><th class="n">${unit}</th><th class="n">%</th><th class="n">${t(c, 'status.overdue')}</th><th>${t(c, 'desk.col.bar')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>${rows.length === 0 ? html`<p>${t(c, 'desk.plans.none')}</p>` : ''}`;
  return layout(c, t(c, 'desk.plans.title'), body);
}

/** Whether a part's due date falls within a period ("2019" or "2019-Q2"). */
function inPeriod(part: Part, period: string | undefined): boolean {
  if (!period) return true;
  if (!part.due) return false;
  const [year, q] = period.split('-Q');
  if (!part.due.startsWith(`${year}-`)) return false;
  if (!q) return true;
  const month = Number(part.due.slice(5, 7));
  return Math.ceil(month / 3) === Number(q);
}

/** The periods worth offering: each year and quarter in which some part falls due. */
function periodsOf(parts: readonly Part[]): string[] {
  const out = new Set<string>();
  for (const p of parts) {
    if (!p.due) continue;
    out.add(p.due.slice(0, 4));
    out.add(`${p.due.slice(0, 4)}-Q${Math.ceil(Number(p.due.slice(5, 7)) / 3)}`);
  }
  return [...out].sort();
}

const periodLabel = (c: PageCtx, p: string) =>
  p.includes('-Q') ? t(c, 'desk.period.quarter', { q: p.slice(6), year: p.slice(0, 4) }) : t(c, 'desk.period.year', { year: p });

function partLine(c: PageCtx, e: PlanEntry, p: Part): Html {
  const due = p.due
    ? p.extendedFrom
      ? t(c, 'desk.dueExtended', { date: formatDate(p.due), from: formatDate(p.extendedFrom) })
      : formatDate(p.due)
    : p.task.deadline.text;
  return html`<li><a href="${c.root}/p/${enc(e.key)}/t/${enc(p.task.id)}">${p.task.id}</a> — ${excerpt(p.task.content, 160)}<br>
<span class="muted">${label(c, p.party)} · ${t(c, 'desk.due')}: ${due}</span> · <span class="s-${p.status}">${t(c, `status.${p.status}`)}</span></li>`;
}

function partList(c: PageCtx, e: PlanEntry, title: string, parts: readonly Part[], id: string): Html {
  const shown = parts.slice(0, LIST_MAX);
  return html`<section id="${id}"><h2>${title} (${parts.length})</h2>${
    parts.length === 0 ? html`<p class="muted">${t(c, 'desk.list.none')}</p>` : html`<ul class="tasks">${shown.map((p) => partLine(c, e, p))}</ul>`
  }${parts.length > LIST_MAX ? html`<p class="muted">${t(c, 'desk.list.more', { n: parts.length - LIST_MAX })}</p>` : ''}</section>`;
}

function filterForm(c: PageCtx, e: PlanEntry, all: readonly Part[], f: Filters): Html {
  const agencies = [...new Set(all.map((p) => p.party))].sort((a, b) => label(c, a).localeCompare(label(c, b), 'vi'));
  const option = (value: string, text: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${text}</option>`;
  return html`<form class="filters card" method="get" action="${c.root}/p/${enc(e.key)}">
${
  c.viewer.all
    ? html`<label>${t(c, 'desk.filter.agency')}<select name="agency">${option('', t(c, 'desk.filter.any'), !f.agency)}${agencies.map((a) => option(a, label(c, a), f.agency === a))}</select></label>`
    : ''
}
<label>${t(c, 'desk.filter.status')}<select name="status">${option('', t(c, 'desk.filter.any'), !f.status)}${STATUSES.map((s) => option(s, t(c, `status.${s}`), f.status === s))}</select></label>
<label>${t(c, 'desk.filter.period')}<select name="period">${option('', t(c, 'desk.filter.any'), !f.period)}${periodsOf(all).map((p) => option(p, periodLabel(c, p), f.period === p))}</select></label>
<button type="submit">${t(c, 'desk.filter.apply')}</button></form>`;
}

/** One plan: agencies × status, then the overdue and coming-due parts (or those of the status chosen). */
export function planPage(c: PageCtx, e: PlanEntry, f: Filters): string {
  const all = visible(c, partsOf(reportDeps(c, e), c.today));
  const agency = c.viewer.all ? f.agency : c.viewer.agency;
  const parts = all.filter((p) => (!agency || p.party === agency) && inPeriod(p, f.period));
  const rows = agencyRows(parts, (p) => label(c, p));
  const sum = countsOf(parts.map((p) => p.status));
  const cells = (k: { c: Record<Status, number>; total: number; pct: number; pctOnTime: number }) =>
    html`<td class="n">${k.total}</td>${STATUSES.map((s) => html`<td class="n s-${s}">${k.c[s]}</td>`)}<td class="n">${k.pct}%</td><td class="n">${k.pctOnTime}%</td>`;
  const matrix = html`<div class="table-wrap"><table class="matrix"><thead><tr><th>${t(c, 'report.agency')}</th><th class="n">${t(c, 'desk.col.parts')}</th>${STATUSES.map(
    (s) => html`<th class="n">${t(c, `status.${s}`)}</th>`,
  )}<th class="n">${t(c, 'desk.col.pctDone')}</th><th class="n">${t(c, 'report.pctOnTime')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td><a href="${c.root}/p/${enc(e.key)}?agency=${enc(r.party)}">${r.label}</a></td>${cells(r)}</tr>`)}
${rows.length > 1 ? html`<tr class="total"><td>${t(c, 'desk.total')}</td>${cells(sum)}</tr>` : ''}</tbody></table></div>`;
  const horizon = addDays(c.today, COMING_DAYS);
  const byDue = (a: Part, b: Part) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.task.id.localeCompare(b.task.id);
  const lists = f.status
    ? [partList(c, e, t(c, 'desk.list.status', { status: t(c, `status.${f.status}`) }), parts.filter((p) => p.status === f.status).sort(byDue), 'chosen')]
    : [
        partList(c, e, t(c, 'desk.list.overdue'), parts.filter((p) => p.status === 'overdue').sort(byDue), 'overdue'),
        partList(
          c,
          e,
          t(c, 'desk.list.coming', { days: COMING_DAYS }),
          parts.filter((p) => p.status === 'in_progress' && p.due && p.due >= c.today && p.due <= horizon).sort(byDue),
          'coming',
        ),
      ];
  const query = new URLSearchParams(agency && c.viewer.all ? { agency } : {}).toString();
  const body = html`<h1>${t(c, 'desk.plan.title', { plan: e.plan.number })}</h1><p class="muted">${excerpt(e.plan.title, 300)}</p>
${filterForm(c, e, all, f)}
<section id="matrix"><h2>${t(c, 'desk.plan.byAgency')}</h2>${parts.length === 0 ? html`<p>${t(c, 'desk.list.none')}</p>` : matrix}</section>
${lists}
<p class="noprint"><a class="button" href="${c.root}/p/${enc(e.key)}/bao-cao.xlsx${query ? `?${query}` : ''}">${t(c, 'desk.download')}</a></p>`;
  return layout(c, t(c, 'desk.plan.title', { plan: e.plan.number }), body);
}

/** One task: what it asks, its leads and coordinators, and each agency's part (reports in detail where allowed). */
export function taskPage(c: PageCtx, e: PlanEntry, task: Task): string {
  const { store } = c.deps;
  const parts = partsOf(reportDeps(c, e), c.today).filter((p) => p.task === task);
  const names = (list: Task['lead']) => list.map((p) => (p.agency ? label(c, p.agency) : p.name)).join('; ') || '—';
  const reports = store.taskReports(e.plan.id, task.id);
  const who = (by: string) => (by.startsWith('admin:') ? t(c, 'tick.byAdmin') : (store.official(by)?.name ?? '—'));
  const partCard = (p: Part) => {
    const rec = store.liveCompletion(e.plan.id, task.id, p.party, task.deadline.kind === 'recurring' ? p.period : undefined);
    // Newest first, at most HISTORY of each.
    const notes = store.progressNotes(e.plan.id, task.id, p.party).slice(-HISTORY).reverse();
    const exts = store.extensionsOf(e.plan.id, task.id, p.party).slice(-HISTORY).reverse();
    // Earlier periods' reports and undone ones: every report of this part but the one standing now.
    const earlier = reports.filter((r) => r.party === p.party && r.id !== rec?.id);
    const history = earlier.slice(-HISTORY).reverse();
    const due = p.due ? formatDate(p.due) : task.deadline.text;
    const details = seesPart(c.viewer, p.party)
      ? html`${rec ? html`<dt>${t(c, 'report.reportedAt')}</dt><dd>${formatDate(rec.on)} — ${who(rec.by)}${rec.note ? html`<br>${rec.note}` : ''}</dd>` : ''}
${notes.length > 0 ? html`<dt>${t(c, 'report.progress')}</dt><dd>${notes.map((n) => html`<div>${formatDate(n.at.slice(0, 10))}: ${n.text}</div>`)}</dd>` : ''}
${
  exts.length > 0
    ? html`<dt>${t(c, 'report.extension')}</dt><dd>${exts.map(
        (x) =>
          html`<div>${t(c, `desk.extension.${x.status}`, { from: formatDate(x.from), to: formatDate(x.to) })} — <span class="muted">${x.reason}</span></div>`,
      )}</dd>`
    : ''
}
${rec ? evidence(c, rec.id) : ''}
${
  history.length > 0
    ? html`<dt>${t(c, 'desk.history.title')}</dt><dd><ol class="history">${history.map(
        (r) =>
          html`<li${r.undoneAt ? html` class="undone"` : ''}>${r.period ? html`<b>${t(c, 'desk.history.period', { date: formatDate(r.period) })}</b>: ` : ''}${t(
            c,
            'desk.history.made',
            { who: who(r.by), date: formatDate(r.on), at: localTime(new Date(r.at)) },
          )}${r.note ? html`<br><span class="muted">${r.note}</span>` : ''}${
            r.undoneAt
              ? html`<br><span class="s-overdue">${t(c, 'desk.history.undone', { who: who(r.undoneBy ?? ''), at: localTime(new Date(r.undoneAt)) })}</span>`
              : ''
          }${evidenceList(c, r.id)}</li>`,
      )}</ol>${earlier.length > HISTORY ? html`<p class="muted">${t(c, 'desk.history.more', { n: earlier.length - HISTORY })}</p>` : ''}</dd>`
    : ''
}`
      : '';
    return html`<div class="card part" id="part-${p.party}"><h3>${label(c, p.party)}</h3><dl class="facts">
<dt>${t(c, 'report.status')}</dt><dd class="s-${p.status}">${t(c, `status.${p.status}`)}</dd>
<dt>${t(c, 'desk.due')}</dt><dd>${p.extendedFrom ? t(c, 'desk.dueExtended', { date: due, from: formatDate(p.extendedFrom) }) : due}</dd>
${details}</dl></div>`;
  };
  const body = html`<p class="noprint"><a href="${c.root}/p/${enc(e.key)}">← ${t(c, 'desk.plan.title', { plan: e.plan.number })}</a></p>
<h1>${t(c, 'desk.task.title', { id: task.id })}</h1>
<div class="card"><p>${task.content}</p><dl class="facts">
<dt>${t(c, 'report.deadline')}</dt><dd>${task.deadline.text}</dd>
<dt>${t(c, 'report.lead')}</dt><dd>${names(task.lead)}</dd>
<dt>${t(c, 'desk.coordinate')}</dt><dd>${names(task.coordinate)}</dd>
${task.product ? html`<dt>${t(c, 'desk.product')}</dt><dd>${task.product}</dd>` : ''}
</dl></div>
<h2>${t(c, 'desk.task.parts')}</h2>${parts.length === 0 ? html`<p class="muted">${t(c, 'desk.list.none')}</p>` : parts.map(partCard)}`;
  return layout(c, t(c, 'desk.task.title', { id: task.id }), body);
}

/**
 * The documents and photos sent with a report, each with its day: a Telegram file as a link served by this server
 * (server.ts fetches it), a Zalo photo as the link Zalo gave, anything else named with why it cannot be opened.
 */
function evidence(c: PageCtx, completionId: string): Html {
  const list = evidenceList(c, completionId);
  return list.text ? html`<dt>${t(c, 'report.evidence')}</dt><dd>${list}</dd>` : list;
}

function evidenceList(c: PageCtx, completionId: string): Html {
  const list = c.deps.store.evidenceOf(completionId);
  if (list.length === 0) return html``;
  const line = (x: (typeof list)[number]) => {
    const day = formatDate(x.at.slice(0, 10));
    const reach = reachOf(x, c.files);
    if (reach.kind === 'served') return html`<li><a href="${c.root}/f/${enc(x.id)}">${x.name}</a> (${day})</li>`;
    if (reach.kind === 'link') return html`<li><a href="${reach.url}" rel="noopener noreferrer">${x.name}</a> (${day})</li>`;
    return html`<li>${x.name} (${day}) — <span class="muted">${t(c, `desk.evidence.${reach.why}`)}</span></li>`;
  };
  return html`<ul class="evidence">${list.map(line)}</ul>`;
}
