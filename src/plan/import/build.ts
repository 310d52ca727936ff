/**
 * Turns raw rows (from the text layout or a CSV/TSV) into a validated plan, and lists what it had to judge:
 * unknown agencies, deadlines it could not parse, repeated numbers, agencies run together without a comma.
 */
import { canonicalTokens } from '../../text/canonical.ts';
import { clean, fold } from '../../text/fold.ts';
import { type Directory, planAgencies, wordsWithBreaks } from '../agencies.ts';
import { formatDate, parseDeadline } from '../deadline.ts';
import { type Assignment, type Party, type Plan, type Section, type Task, planSchema } from '../schema.ts';
import { namedParties } from './body-parties.ts';
import { ImportError } from './errors.ts';
import { checkTasks } from './limits.ts';

export { ImportError, type ImportErrorCode } from './errors.ts';

export interface RawRow {
  stt: string;
  content: string;
  lead: string;
  coordinate: string;
  deadline: string;
  note: string;
  product?: string;
}

export interface RawSection {
  id: string;
  title: string;
  rows: RawRow[];
  /** The source stops inside or right after this section's heading. */
  truncated?: boolean;
}

export interface RawPlan {
  number?: string;
  date?: string;
  issuer?: string;
  title?: string;
  source?: string;
  sections: RawSection[];
  /** Numbered paragraphs of the body's "TỔ CHỨC THỰC HIỆN" part. */
  assignments: { number: string; text: string }[];
  /** The rest of the body, where the source has one. */
  document?: RawPlanDocument;
}

export type RawPlanDocument = import('../schema.ts').PlanDocument;

export type Warning =
  | { kind: 'unknownAgency'; where: string; name: string }
  | { kind: 'runTogether'; where: string; cell: string; names: string[] }
  | { kind: 'badDeadline'; where: string; text: string }
  | { kind: 'metaGuessed'; where: string; text: string }
  /** The document does not say it; the file's name does ("ke-hoach-1234-KH-UBND-2021.docx"): taken from there. */
  | { kind: 'metaFromName'; where: string; text: string }
  | { kind: 'noDeadline'; where: string }
  | { kind: 'repeatedNumber'; where: string; number: string; id: string }
  | { kind: 'missingRows'; where: string }
  | { kind: 'noLead'; where: string };

/** A warning as a line a person reads: the locale's `import.warn.<kind>` with the warning's fields. */
export function describeWarning(w: Warning, t: (key: string, params: Record<string, string | number>) => string): string {
  const { kind, ...params } = w;
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
  // What the document did not say, named in words ("số kế hoạch"), not by the field's name in the code.
  if (w.kind === 'metaGuessed' || w.kind === 'metaFromName') flat.field = t(`import.field.${w.where}`, {});
  // A date as people write it (01/06/2021), not as it is stored.
  if (w.kind === 'metaGuessed' && w.where === 'date') flat.text = formatDate(w.text);
  return t(`import.warn.${kind}`, flat);
}

/** Words that may stand between two agency names without being a name themselves. */
const JOINERS = new Set(['va', 'voi', 'cac', 'cung']);
/** First words of bodies a cell may name around a known one: "cơ sở" (facilities), "phòng" (a district's office), "trường". */
const NAME_HEADS = new Set(['co', 'phong', 'truong']);
/** Kinds of local government, listed after a group of their level ("UBND các huyện, thị xã, thành phố"). */
const LEVELS = new Set(['thanh pho', 'thi xa', 'quan', 'huyen', 'thi tran', 'phuong', 'xa']);

/** A level of local government on its own, as it follows a body's name: "cấp xã", "cấp huyện", "các xã, phường". */
const isLevel = (words: readonly string[]) => /^(?:cap|cac) (?:xa|huyen|tinh|phuong|quan|thi tran|thi xa|thanh pho)(?: |$)/.test(words.join(' '));

/** The words of `text` as typed that its canonical words [from, to) come from. */
function typedWords(text: string, from: number, to: number): string {
  const typed = text.split(/\s+/);
  let first = 0;
  let last = typed.length;
  for (let i = 0; i <= typed.length; i++) {
    const n = canonicalTokens(typed.slice(0, i).join(' ')).length;
    if (n <= from) first = i;
    if (n >= to) {
      last = i;
      break;
    }
  }
  return typed.slice(first, last).join(' ');
}

/**
 * Split a lead or coordinate cell into parties. Never splits blindly on commas: names are found by alias,
 * so "UBND cấp huyện, cấp xã" and "Các cơ quan, đơn vị liên quan" stay whole. A parenthesised condition
 * becomes the note of the name before it.
 */
export function parseParties(cell: string, dir: Directory, where: string, warnings: Warning[]): Party[] {
  const text = clean(cell).replace(/[.;]+$/, '');
  if (!text) return [];
  // Lift "(…)" out as notes attached to whatever precedes them.
  const notes: { at: number; note: string }[] = [];
  const body = text.replace(/\s*\(([^)]*)\)/g, (_m, note: string, offset: number) => {
    notes.push({ at: offset, note: clean(note) });
    return ' ';
  });
  const segments = body
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const words: string[] = [];
  const segmentOf: number[] = [];
  segments.forEach((seg, i) => {
    for (const w of canonicalTokens(seg)) {
      words.push(w);
      segmentOf.push(i);
    }
  });
  // A name is read within its segment, unless the name itself has that comma ("UBND các huyện, thành phố").
  const breaks = new Set(segmentOf.flatMap((s, j) => (j > 0 && s !== segmentOf[j - 1] ? [j] : [])));
  // "Các cơ sở giáo dục nghề nghiệp", "Phòng Lao động - TB&XH cấp huyện": a segment headed by a kind of body the
  // directory does not know, right before a name it does, is one body named as written — not the known one inside.
  const whole = new Set<number>();
  const scanned = dir.scan(words, breaks);
  const coversAt = (j: number) => scanned.some((m) => m.start <= j && j < m.end);
  segments.forEach((_, i) => {
    const j = segmentOf.findIndex((sg, k) => sg === i && !JOINERS.has(words[k]!));
    if (j >= 0 && NAME_HEADS.has(words[j]!) && !coversAt(j) && scanned.some((m) => m.start === j + 1)) whole.add(i);
  });
  // "Trung tâm Y tế các huyện, thành phố": a level's group ("các huyện") after words no alias covers is where that body
  // works — one body of that level, named as written, not the districts' people's committees.
  const ofLevel = new Set(
    scanned.filter((m) => {
      const seg = segmentOf[m.start]!;
      const from = segmentOf.indexOf(seg);
      if (m.start === from || !isLevel(words.slice(m.start, m.end))) return false;
      const own = words.slice(from, m.start).some((w) => !JOINERS.has(w));
      return own && !scanned.some((o) => o !== m && segmentOf[o.start] === seg && o.start < m.start);
    }),
  );
  const levelOf = new Set([...ofLevel].map((m) => segmentOf[m.start]!));
  const matches = scanned.filter((m) => !whole.has(segmentOf[m.start]!) && !ofLevel.has(m));
  const covered = new Array<boolean>(words.length).fill(false);
  for (const m of matches) for (let i = m.start; i < m.end; i++) covered[i] = true;

  // Each party with the word where the cell names it: the parties are listed in the cell's order.
  const found: { party: Party; at: number }[] = [];
  const pushAgency = (id: string, at: number) => {
    if (!found.some((p) => p.party.agency === id)) found.push({ party: { name: dir.label(id), agency: id }, at });
  };
  // "UBND các huyện Bình Đại, Ba Tri, Thạnh Phú": a group's name heading the names of some of its kind is their
  // heading, not every district.
  const heading = (k: number) => {
    const m = matches[k]!;
    const next = matches[k + 1];
    return (
      next !== undefined &&
      next.start === m.end &&
      segmentOf[m.end - 1] === segmentOf[next.start] &&
      m.agencies.every((id) => dir.isGroup(id)) &&
      next.agencies.every((id) => !dir.isGroup(id) && m.agencies.some((g) => dir.identities(id).includes(g)))
    );
  };
  // "Công an cấp xã", "Hội Nông dân cấp huyện": a level written right after a body's name makes one body of that
  // level, named as typed; neither the province's body nor the level's people's committees ("UBND cấp xã").
  const leveled = new Set<number>();
  matches.forEach((m, k) => {
    const prev = matches[k - 1];
    const seg = segmentOf[m.start]!;
    if (!prev || prev.end !== m.start || segmentOf[prev.start] !== seg || !isLevel(words.slice(m.start, m.end))) return;
    if (isLevel(words.slice(prev.start, prev.end)) || leveled.has(k - 1)) return;
    leveled.add(k - 1).add(k);
    const start = segmentOf.indexOf(seg);
    // A level with commas of its own ("các xã, phường, thị trấn") runs over the segments it spans.
    const text = segments.slice(seg, segmentOf[m.end - 1]! + 1).join(', ');
    const name = typedWords(text, prev.start - start, m.end - start);
    found.push({ party: { name }, at: prev.start });
    warnings.push({ kind: 'unknownAgency', where, name });
  });
  matches.forEach((m, k) => {
    if (heading(k) || leveled.has(k)) return;
    const prev = matches[k - 1];
    if (prev && !leveled.has(k - 1) && prev.end === m.start && segmentOf[prev.end - 1] === segmentOf[m.start] && !heading(k - 1)) {
      warnings.push({
        kind: 'runTogether',
        where,
        cell: text,
        names: [...prev.agencies, ...m.agencies].map((id) => dir.label(id)),
      });
    }
    for (const id of m.agencies) pushAgency(id, m.start);
  });
  // "các huyện, thị xã, thành phố": after a group of a level, the other kinds of that level listed with it are the
  // group's words, not parties of their own.
  const wordsOf = (i: number) => words.filter((_, j) => segmentOf[j] === i).join(' ');
  const endsInGroup = (i: number) => matches.some((m) => segmentOf[m.end - 1] === i && segmentOf[m.end] !== i && m.agencies.every((id) => dir.isGroup(id)));
  const listed: boolean[] = [];
  segments.forEach((_, i) => {
    listed[i] = i > 0 && LEVELS.has(wordsOf(i)) && (listed[i - 1]! || endsInGroup(i - 1) || levelOf.has(i - 1));
  });
  // Segments with words no alias covers are names the directory does not know: keep them as written (with the other
  // kinds of its level listed after a body of a level: "Trung tâm Y tế các huyện, thành phố").
  segments.forEach((_, i) => {
    const loose = listed[i] ? -1 : words.findIndex((w, j) => segmentOf[j] === i && !covered[j] && !JOINERS.has(w));
    if (loose >= 0) {
      let last = i;
      while (levelOf.has(i) && listed[last + 1]) last++;
      const name = segments
        .slice(i, last + 1)
        .join(', ')
        .replace(/^(và|với)\s+/i, '');
      found.push({ party: { name }, at: loose });
      warnings.push({ kind: 'unknownAgency', where, name });
    }
  });
  const parties = found.sort((a, b) => a.at - b.at).map((p) => p.party);
  if (notes.length > 0 && parties.length > 0) {
    const last = parties[parties.length - 1]!;
    last.note = notes.map((n) => n.note).join('; ');
  }
  return parties;
}

/**
 * The agencies an assignment paragraph opens with ("Sở Tài chính tham mưu…" → Sở Tài chính), and those it
 * says they work with ("…phối hợp các cơ quan có liên quan…").
 */
export function parseAssignmentParties(text: string, dir: Directory): { lead: Party[]; coordinate: Party[] } {
  const { words, breaks } = wordsWithBreaks(text);
  const matches = dir.scan(words, breaks);
  const lead: Party[] = [];
  const coordinate: Party[] = [];
  // A plan's own agency (id "name:…", see planAgencies) is a party by its name, as in the task table.
  const add = (list: Party[], ids: string[]) => {
    for (const id of ids) {
      const party = id.startsWith('name:') ? { name: id.slice(5) } : { name: dir.label(id), agency: id };
      if (!list.some((p) => p.name === party.name)) list.push(party);
    }
  };
  // "Đề nghị Viettel …", "Giao Sở …": the request before the names is no gap.
  let pos = words[0] === 'de' && words[1] === 'nghi' ? 2 : words[0] === 'giao' ? 1 : 0;
  for (const m of matches) {
    if (m.start < pos) continue;
    const gap = words.slice(pos, m.start);
    if (!gap.every((w) => JOINERS.has(w))) break;
    add(lead, m.agencies);
    pos = m.end;
  }
  if (lead.length > 0) {
    // "… phối hợp (với) X, Y": right after the names, or later in the paragraph ("chủ trì …; phối hợp với …").
    for (let at = pos; at + 1 < words.length; at++) {
      if (words[at] !== 'phoi' || words[at + 1] !== 'hop') continue;
      let from = at + 2 + (words[at + 2] === 'voi' ? 1 : 0);
      for (const m of matches.filter((x) => x.start >= from)) {
        if (!words.slice(from, m.start).every((w) => JOINERS.has(w))) break;
        add(coordinate, m.agencies);
        from = m.end;
      }
    }
  }
  return { lead, coordinate };
}

/** Every word of a name is an alias the directory knows (or a word between names), read as a cell is: nothing to create. */
function known(name: string, dir: Directory): boolean {
  return parseParties(name, dir, '', []).every((p) => p.agency !== undefined);
}

function taskId(section: string, number: string): string {
  const n = number.replace(/[^A-Za-z0-9.]/g, '').replace(/^\.+|\.+$/g, '') || '0';
  return section ? `${section}.${n}` : n;
}

/** The suffix of a repeated number's k-th repeat: b … z, then ba, bb … (letters as digits of base 26, a = 0). */
export function repeatSuffix(k: number): string {
  let s = '';
  for (let n = k; n > 0; n = Math.floor(n / 26)) s = String.fromCharCode(97 + (n % 26)) + s;
  return s;
}

/**
 * A plan number in a file's name, as offices name their files: "ke-hoach-1234-KH-UBND-2021", "1234_KH-UBND",
 * "KH 1234-UBND", "KH1234-SYT" → "1234/KH-UBND" (the number, then KH and the issuing body's sign). Undefined when the
 * name has none (a bare number is not one: it may be a year or a version).
 */
export function planNumberFromName(filename: string): string | undefined {
  const name = (filename.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]+$/, '')
    .replace(/[\s_.,()/\\]+/g, '-')
    .slice(0, 200);
  const sign = '([A-Za-zĐđ]{2,12})(?=-|$)';
  const m = name.match(new RegExp(`(?:^|-)(\\d{1,6})-KH-${sign}`, 'i')) ?? name.match(new RegExp(`(?:^|-)KH-?(\\d{1,6})-${sign}`, 'i'));
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? `${n}/KH-${m[2]!.toUpperCase()}` : undefined;
}

/** Build and validate the plan. Throws ImportError when the source lacks what a plan needs. */
export function buildPlan(raw: RawPlan, dir: Directory, opts: { today?: string } = {}): { plan: Plan; warnings: Warning[] } {
  const warnings: Warning[] = [];
  // What the source does not say falls back to something sensible, with a warning: never a refusal.
  const fallback = { today: new Date().toISOString().slice(0, 10), ...opts };
  const name = (raw.source ?? 'ke-hoach').replace(/\.[^.]+$/, '');
  const guessed: Partial<Record<'number' | 'date' | 'issuer' | 'title', string>> = {
    number: `${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'KH'}`,
    date: fallback.today,
    issuer: 'UBND',
    title: name,
  };
  // A number the document does not give may be in the file's name: taken from there, and said.
  const named = raw.number ? undefined : planNumberFromName(raw.source ?? '');
  if (named) {
    raw = { ...raw, number: named };
    warnings.push({ kind: 'metaFromName', where: 'number', text: named });
  }
  for (const k of ['number', 'date', 'issuer', 'title'] as const) {
    if (raw[k]) continue;
    raw = { ...raw, [k]: guessed[k] };
    warnings.push({ kind: 'metaGuessed', where: k, text: guessed[k]! });
  }
  const sections: Section[] = [];
  const tasks: Task[] = [];
  checkTasks(raw.sections.reduce((n, s) => n + s.rows.length, 0));
  const ids = new Set<string>();
  // The next suffix to try per repeated number: rows sharing one number cost their count, not its square.
  const nextRepeat = new Map<string, number>();
  for (const s of raw.sections) {
    sections.push({ id: s.id, title: clean(s.title), ...(s.truncated ? { missingInSource: true } : {}) });
    if (s.truncated) warnings.push({ kind: 'missingRows', where: s.id });
    for (const row of s.rows) {
      let id = taskId(s.id, row.stt);
      if (ids.has(id)) {
        const base = id;
        let k = nextRepeat.get(base) ?? 1;
        while (ids.has(id)) id = `${base}${repeatSuffix(k++)}`;
        nextRepeat.set(base, k);
        warnings.push({ kind: 'repeatedNumber', where: base, number: row.stt, id });
      }
      ids.add(id);
      const { deadline, ok } = parseDeadline(row.deadline);
      if (!clean(row.deadline)) warnings.push({ kind: 'noDeadline', where: id });
      else if (!ok) warnings.push({ kind: 'badDeadline', where: id, text: clean(row.deadline) });
      const lead = parseParties(row.lead, dir, id, warnings);
      if (lead.length === 0) warnings.push({ kind: 'noLead', where: id });
      const task: Task = {
        id,
        section: s.id,
        number: clean(row.stt),
        content: clean(row.content),
        leadText: clean(row.lead),
        lead,
        coordinateText: clean(row.coordinate),
        coordinate: parseParties(row.coordinate, dir, id, warnings),
        deadline,
      };
      const product = clean(row.product ?? '');
      const note = clean(row.note);
      if (product) task.product = product;
      if (note) task.note = note;
      tasks.push(task);
    }
  }
  // The body's paragraphs name the plan's own agencies too ("Viettel Bến Tre … phối hợp"): known by their names there,
  // and those named only there ("Báo Ấp Bắc, Đài … mở chuyên mục …") become the plan's agencies like the table's.
  const fromTable = dir.with(planAgencies(tasks.flatMap((t) => [...t.lead, ...t.coordinate])));
  const bodyOnly = raw.assignments.flatMap((a) => {
    const n = namedParties(a.text);
    // A known agency read with a word more ("Sở Y tế kiểm soát …") or cut at a comma ("Sở Văn hóa, Thể thao …").
    const seen = Object.values(parseAssignmentParties(a.text, fromTable))
      .flat()
      .flatMap((p) => [p.name, (p.agency && fromTable.get(p.agency)?.name) || p.name].map(fold));
    const near = (name: string) => seen.some((k) => fold(name).startsWith(k) || k.startsWith(fold(name)));
    return [...n.lead, ...n.coordinate].filter((name) => !known(name, fromTable) && !near(name)).map((name) => ({ name }));
  });
  const own = fromTable.with(planAgencies(bodyOnly));
  const assignments: Assignment[] = raw.assignments.map((a) => ({
    id: `TCTH.${a.number}`,
    number: a.number,
    text: clean(a.text),
    ...parseAssignmentParties(a.text, own),
  }));
  const parsed = planSchema.safeParse({
    schemaVersion: 1,
    id: raw.number!,
    number: raw.number!,
    date: raw.date!,
    issuer: raw.issuer!,
    title: clean(raw.title!),
    ...(raw.source ? { source: raw.source } : {}),
    sections,
    tasks,
    assignments,
    // A document that says anything besides its tasks: what it cites, its parts, who receives it, who signed it.
    ...(raw.document && (raw.document.basis.length > 0 || raw.document.parts.length > 0 || raw.document.recipients.length > 0 || raw.document.signer)
      ? { document: raw.document }
      : {}),
  });
  // What the reading made is checked like any plan file; a plan it cannot make is refused, never a raw error.
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.');
    throw new ImportError(`the plan read from the file is not valid at ${where}: ${issue.message}`, 'invalid-plan', { where });
  }
  return { plan: parsed.data, warnings };
}
