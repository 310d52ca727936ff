/**
 * The agency directory: names and the forms people type, groups ("UBND cấp huyện"), and a scanner that finds
 * agencies in a cell or a question by longest alias match over canonical words.
 */
import { canonicalTokens, canonicalTokensWithSeparators, SEPARATORS } from '../text/canonical.ts';
import { fold } from '../text/fold.ts';
import type { Agency, DirectoryData, Party, Plan } from './schema.ts';

export interface AgencyMatch {
  /** Word positions [start, end) in the scanned word list. */
  start: number;
  end: number;
  agencies: string[];
  /** True when found by the typo fallback rather than an exact alias. */
  fuzzy?: boolean;
}

interface Alias {
  words: string[];
  agencies: string[];
  /** The alias as written, for its own commas (see breaksOf). */
  text: string;
  /**
   * Where the name itself has a comma (or a dash, which offices write as one): before word k. Null when its
   * punctuation cannot be placed among its canonical words ("Sở VH,TT&DL"): then a comma anywhere is let through.
   * Worked out on the first scan of a text with separators (an import's cells), never at start-up.
   */
  breaks?: ReadonlySet<number> | null;
  /** A provincial body's name without its "tỉnh" ("bộ đội biên phòng"): never read before a level ("… huyện"). */
  bare?: true;
}

/** Words that name a level of local government after a body's name: "hội chữ thập đỏ huyện" is the district's. */
const LEVEL_WORDS = new Set(['huyen', 'xa', 'phuong', 'cap', 'thi', 'thanh', 'quan', 'tp', 'tx']);
/** Bodies every level has ("hội đồng nhân dân", "tòa án nhân dân"): the province's is never named without "tỉnh". */
const EVERY_LEVEL = /^(?:hoi dong nhan dan|thuong truc|chu tich|pho chu tich|toa an|vien kiem sat|uy ban|thanh tra|cong an|ban chi huy|ban thuong vu)\b/;

const NO_BREAKS: ReadonlySet<number> = new Set();

/** An alias's own breaks (see Alias.breaks), worked out once. */
function breaksOf(a: Alias): ReadonlySet<number> | null {
  if (a.breaks !== undefined) return a.breaks;
  // "Sở Lao động - Thương binh và Xã hội" is also written "Sở Lao động, Thương binh và Xã hội".
  const own = /[,;()–-]|\.\s/.test(a.text) ? wordsWithBreaks(a.text.replace(/\s+[-–]\s+/g, ', ')) : { words: a.words, breaks: NO_BREAKS };
  a.breaks = own.words.join(' ') === a.words.join(' ') ? own.breaks : null;
  return a.breaks;
}

/**
 * A text's canonical words and where a separator (",", ";", "(", ")", or "." ending a sentence) stands: before word
 * k for each k in `breaks`. A name is never read across a separator it does not have itself ("Bộ Chỉ huy Quân sự
 * tỉnh, UBND …" holds no "tỉnh ủy").
 */
export function wordsWithBreaks(text: string): { words: string[]; breaks: Set<number> } {
  const words: string[] = [];
  const breaks = new Set<number>();
  for (const t of canonicalTokensWithSeparators(text)) {
    if (SEPARATORS.has(t)) {
      if (words.length > 0) breaks.add(words.length);
    } else words.push(t);
  }
  return { words, breaks };
}

export class Directory {
  readonly agencies: readonly Agency[];
  private readonly byId = new Map<string, Agency>();
  private readonly membersOf = new Map<string, string[]>();
  private readonly identityCache = new Map<string, readonly string[]>();
  /** First word → aliases starting with it, longest first. */
  private readonly aliasIndex = new Map<string, Alias[]>();
  /** Joined alias → agencies, for the typo fallback, bucketed by first letter. */
  private readonly fuzzyIndex = new Map<string, { text: string; agencies: string[] }[]>();
  /** Runs of 2–4 words found inside aliases ("thanh pho" of "UBND thành phố Bến Tre"): real words, never typos. */
  private readonly aliasGrams = new Set<string>();
  /** Every word of every alias ("ccb" of "Hội CCB"): a word an agency's name is made of. */
  private readonly aliasWords = new Set<string>();

  constructor(
    /** The directory as read from its data file (what a worker thread builds its own copy from). */
    readonly data: DirectoryData,
  ) {
    this.agencies = data.agencies;
    // A plan's own agencies (see planAgencies) first: a plan imported before the directory learnt a name ("Báo Đồng
    // Khởi") keeps its parties by that name, and a question naming it must reach the tasks stored under it.
    const own = data.agencies.filter((a) => a.id.startsWith('name:'));
    const known = data.agencies.filter((x) => !x.id.startsWith('name:'));
    // Such a party whose name the directory now knows answers to every name of its twin there ("Hội LHPN tỉnh" for a
    // stored "Hội Liên hiệp Phụ nữ tỉnh"), so the longer directory alias does not take the question from it.
    const twinOf = new Map<string, Agency>();
    if (own.length > 0) for (const k of known) for (const alias of [k.name, k.short, ...k.aliases]) twinOf.set(canonicalTokens(alias).join(' '), k);
    for (const a of [...own, ...known]) {
      this.byId.set(a.id, a);
      for (const g of a.groups) this.membersOf.set(g, [...(this.membersOf.get(g) ?? []), a.id]);
      const twin = a.id.startsWith('name:') ? twinOf.get(canonicalTokens(a.name).join(' ')) : undefined;
      for (const alias of new Set([a.name, a.short, ...a.aliases, ...(twin ? [twin.name, twin.short, ...twin.aliases] : [])])) this.addAlias(alias, [a.id]);
    }
    for (const c of data.compounds) this.addAlias(c.alias, c.agencies);
    // "snn", "SNN&PTNT", "sở nn": a department's initials as officials type them, where no other agency has them.
    for (const a of data.agencies) for (const alias of initialsOf(a.name)) this.addUntaken(alias, a.id);
    // "bên thuế", "ngành nông nghiệp", "bên kế hoạch": a department by what it does, headed as officials say it,
    // where no other agency has that name.
    for (const a of known) for (const alias of informalOf(a.name)) this.addUntaken(alias, a.id);
    // "bộ đội biên phòng", "hội chữ thập đỏ": a provincial body named without its "tỉnh", where no other agency has
    // that name (three words at least: "thanh tra", "công an" alone are also what such bodies do) and no other
    // agency's name goes on from it ("ủy ban nhân dân" is also every district's and commune's).
    // Not one a shorthand was read into ("Hội ND tỉnh" is no "hội nghị định"), nor a body every level has.
    for (const a of known)
      for (const alias of [a.name, a.short, ...a.aliases]) {
        const words = canonicalTokens(alias);
        if (
          words.length < 4 ||
          words.at(-1) !== 'tinh' ||
          fold(alias)
            .split(/[^a-z0-9&]+/)
            .filter(Boolean).length !== words.length
        )
          continue;
        const bare = words.slice(0, -1);
        if (EVERY_LEVEL.test(bare.join(' '))) continue;
        const goesOn = this.aliasIndex
          .get(bare[0]!)
          ?.some((x) => x.words.length > bare.length && bare.every((w, k) => x.words[k] === w) && !x.agencies.includes(a.id));
        if (!goesOn) this.addUntaken(bare.join(' '), a.id, true);
      }
    for (const list of this.aliasIndex.values()) list.sort((x, y) => y.words.length - x.words.length);
  }

  /** An alias made up for one agency, added only where no agency has it already. */
  private addUntaken(alias: string, id: string, bare?: true): void {
    const words = canonicalTokens(alias).join(' ');
    const taken = this.aliasIndex.get(words.split(' ')[0]!)?.some((x) => x.words.join(' ') === words);
    if (!taken) this.addAlias(alias, [id], bare);
  }

  private addAlias(text: string, agencies: string[], bare?: true): void {
    const words = canonicalTokens(text);
    if (words.length === 0) return;
    const list = this.aliasIndex.get(words[0]!) ?? [];
    if (!list.some((a) => a.words.join(' ') === words.join(' '))) list.push({ words, agencies, text, ...(bare ? { bare } : {}) });
    this.aliasIndex.set(words[0]!, list);
    for (const w of words) this.aliasWords.add(w);
    for (let i = 0; i < words.length; i++) for (let n = 2; n <= 4 && i + n <= words.length; n++) this.aliasGrams.add(words.slice(i, i + n).join(' '));
    const joined = words.join(' ');
    // Short names ("ba tri", "cho lach") are one typo away from ordinary words ("bố trí"): exact matches only.
    if (words.length >= 2 && joined.length >= 9) {
      const bucket = this.fuzzyIndex.get(joined[0]!) ?? [];
      bucket.push({ text: joined, agencies });
      this.fuzzyIndex.set(joined[0]!, bucket);
    }
  }

  /** Every word of every agency's name and alias (canonical). */
  get nameWords(): ReadonlySet<string> {
    return this.aliasWords;
  }

  /** Whether some agency's name or alias has this (canonical) word. */
  hasNameWord(word: string): boolean {
    return this.aliasWords.has(word);
  }

  /** This directory and more agencies (a plan's own, see planAgencies): a new directory, this one unchanged. */
  with(extra: readonly Agency[]): Directory {
    return extra.length === 0 ? this : new Directory({ ...this.data, agencies: [...this.data.agencies, ...extra] });
  }

  get(id: string): Agency | undefined {
    return this.byId.get(id);
  }

  /** The short name used in replies. */
  /** The short name of an agency, or a party the directory does not know ("name:…") as written. */
  label(id: string): string {
    return this.byId.get(id)?.short ?? id.replace(/^name:/, '');
  }

  isGroup(id: string): boolean {
    return this.byId.get(id)?.kind === 'group';
  }

  /** Agencies listed as members of a group (a group with no listed members, e.g. UBND cấp xã, has none). */
  members(groupId: string): string[] {
    return this.membersOf.get(groupId) ?? [];
  }

  /** The agency itself and every group it belongs to: the names under which work reaches it. */
  identities(id: string): readonly string[] {
    let ids = this.identityCache.get(id);
    if (!ids) this.identityCache.set(id, (ids = [id, ...(this.byId.get(id)?.groups ?? [])]));
    return ids;
  }

  /**
   * Exact alias matches, longest first, left to right, not overlapping. With `breaks` (see wordsWithBreaks), a match
   * spans a separator only where its name has one: "UBND các huyện, thành phố" is one name, "tỉnh, UBND" no "tỉnh ủy".
   */
  scan(words: readonly string[], breaks?: ReadonlySet<number>): AgencyMatch[] {
    const out: AgencyMatch[] = [];
    const fits = (a: Alias, i: number) => {
      if (!breaks || breaks.size === 0 || a.words.length === 1) return true;
      const own = breaksOf(a);
      if (!own) return true;
      for (let k = 1; k < a.words.length; k++) if (breaks.has(i + k) && !own.has(k)) return false;
      return true;
    };
    for (let i = 0; i < words.length; ) {
      // ("luân chuyển hồ sơ nội bộ": a name begun inside a compound word — "sơ nội" of "hồ sơ" — is none typed.)
      const inside = i > 0 && INSIDE_COMPOUND.has(`${words[i - 1]} ${words[i]}`);
      const hit = inside
        ? undefined
        : this.aliasIndex
            .get(words[i]!)
            ?.find((a) => a.words.every((w, k) => words[i + k] === w) && fits(a, i) && !(a.bare && LEVEL_WORDS.has(words[i + a.words.length] ?? '')));
      if (hit) {
        out.push({ start: i, end: i + hit.words.length, agencies: hit.agencies });
        i += hit.words.length;
      } else i++;
    }
    return out;
  }

  /**
   * Agencies named in a question: exact aliases first; failing that, 2–4-word windows within a small edit
   * distance of an alias ("so tai chin", "so noi vuu").
   */
  find(words: readonly string[]): AgencyMatch[] {
    const exact = this.scan(words);
    if (exact.length > 0) return exact;
    let best: (AgencyMatch & { distance: number }) | undefined;
    for (let n = 4; n >= 2; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const text = words.slice(i, i + n).join(' ');
        // "thành phố" is no typo of "Thạnh Phú": words that stand in some agency's name are read as typed.
        if (text.length < 6 || this.aliasGrams.has(text)) continue;
        // ("văn bản kế hoạch": a window begun inside a compound word is no typed name — "bản kế hoạch" no "Sở KH".)
        if (i > 0 && INSIDE_COMPOUND.has(`${words[i - 1]} ${words[i]}`)) continue;
        const allowed = text.length >= 12 ? 2 : 1;
        for (const cand of this.fuzzyIndex.get(text[0]!) ?? []) {
          if (Math.abs(cand.text.length - text.length) > allowed) continue;
          const d = editDistance(text, cand.text, allowed);
          if (d > allowed || (best && d >= best.distance) || !oneWordOff(text, cand.text)) continue;
          best = { start: i, end: i + n, agencies: cand.agencies, fuzzy: true, distance: d };
        }
      }
    }
    return best ? [{ start: best.start, end: best.end, agencies: best.agencies, fuzzy: true }] : [];
  }
}

/**
 * A typo of a name is one word mistyped in its place ("so tai chin"), not several words changed ("cong toan trinh" is
 * no "công đoàn tỉnh") nor another word ("sát" is no "sở"). Windows of another word count are judged whole.
 */
function oneWordOff(typed: string, name: string): boolean {
  const mine = typed.split(' ');
  const theirs = name.split(' ');
  if (mine.length !== theirs.length) return true;
  const changed = mine.filter((w, k) => w !== theirs[k]!);
  return changed.length <= 1 && mine.every((w, k) => editDistance(w, theirs[k]!, 1) <= 1);
}

/**
 * The initials of a department's name as officials shorten it: "Sở Nông nghiệp và Phát triển nông thôn" → "snnptnt",
 * "snn&ptnt", "snn", "sở nn&ptnt", "sở nn" (one letter a syllable, "và" and punctuation dropped, the first part
 * alone too). Only for names of the form "Sở …" of two syllables or more.
 */
export function initialsOf(name: string): string[] {
  const m = name.normalize('NFC').match(/^Sở\s+(.+)$/u);
  if (!m) return [];
  const parts = fold(m[1]!)
    .split(/\s+(?:va)\s+|\s*[,–-]\s*/)
    .map((p) =>
      p
        .split(/\s+/)
        .filter((w) => /^[a-z]+$/.test(w))
        .map((w) => w[0]!)
        .join(''),
    )
    .filter(Boolean);
  const all = parts.join('');
  if (all.length < 2) return [];
  const first = parts[0]!;
  const out = new Set([`s${all}`, `so ${all}`]);
  if (parts.length > 1) {
    out.add(`s${first}&${parts.slice(1).join('')}`);
    out.add(`so ${first}&${parts.slice(1).join('')}`);
  }
  if (first.length >= 2) {
    out.add(`s${first}`);
    out.add(`so ${first}`);
  }
  return [...out];
}

/** Levenshtein distance with an early exit once every cell exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The id a party answers to: its agency's, or "name:<name>" for one the directory does not know (its completions
 * carry that id, and the plan's own agencies are made under it).
 */
export const partyId = (p: { name: string; agency?: string | undefined }): string => p.agency ?? `name:${p.name}`;

/**
 * The plan with each party the directory did not know when the plan was imported, and knows now by that very name
 * (one agency, the whole name), made that agency's: a plan imported before the directory learnt "Tỉnh Đoàn" reaches
 * the officials registered under it, in their lists, summaries and reminders. The same plan object when nothing
 * changes.
 */
export function knownParties(plan: Plan, dir: Directory): Plan {
  const known = new Map<string, string | undefined>();
  const resolve = (name: string) => {
    if (!known.has(name)) {
      const words = canonicalTokens(name);
      const hits = dir.scan(words);
      const whole = hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === words.length && hits[0]!.agencies.length === 1;
      const id = whole ? hits[0]!.agencies[0]! : undefined;
      known.set(name, id && !id.startsWith('name:') ? id : undefined);
    }
    return known.get(name);
  };
  let changed = false;
  const parties = (ps: readonly Party[]): Party[] =>
    ps.map((p) => {
      const id = p.agency ? undefined : resolve(p.name);
      if (!id) return p;
      changed = true;
      return { ...p, agency: id };
    });
  const tasks = plan.tasks.map((t) => ({ ...t, lead: parties(t.lead), coordinate: parties(t.coordinate) }));
  const assignments = plan.assignments.map((a) => ({ ...a, lead: parties(a.lead), coordinate: parties(a.coordinate) }));
  return changed ? { ...plan, tasks, assignments } : plan;
}

/** Words that end a name without telling it apart ("Bưu điện tỉnh", "VNPT Bến Tre"). */
const PLACE_TAIL = /\s+(?:tỉnh\s+Bến\s+Tre|Bến\s+Tre|tỉnh)$/iu;
/** Heads after which the remaining words' initials are a name people type ("Đài PTTH", "Hiệp hội DN"). */
const HEADS = ['Hiệp hội', 'Hội', 'Đài', 'Sở', 'Ban', 'Trung tâm', 'Chi cục', 'Cục', 'Liên đoàn', 'Bộ Chỉ huy'];

/** "Sở Nông nghiệp và Phát triển nông thôn" → "bên nông nghiệp", "ngành nông nghiệp" (and the whole field after them). */
function informalOf(name: string): string[] {
  const field = name.match(/^Sở\s+(.+)$/u)?.[1];
  if (!field) return [];
  const first = field.split(/\s+(?:và|&|-)\s+|,\s*/u)[0]!;
  return [...new Set([field, first])].flatMap((f) => [`bên ${f}`, `ngành ${f}`]);
}

/** The forms people type for a name: the name, without its place, and head + initials of the rest. */
export function aliasesOf(name: string): string[] {
  const out = new Set<string>([name]);
  const bare = name.replace(PLACE_TAIL, '').trim();
  if (bare && bare !== name) out.add(bare);
  // "Chi nhánh Ngân hàng Chính sách xã hội tỉnh" is asked as "Ngân hàng Chính sách xã hội tỉnh"; "Công ty Cổ phần Cấp
  // thoát nước" as "Công ty Cấp thoát nước".
  for (const form of [name, bare]) {
    const plain = form
      .replace(/^Chi\s+nhánh\s+/iu, '')
      .replace(/^(Công\s+ty)\s+(?:Cổ\s+phần|TNHH(?:\s+(?:một|MTV|1)\s+thành\s+viên)?)\s+/iu, '$1 ')
      .trim();
    if (plain && plain !== form && plain.split(/\s+/).length >= 2) out.add(plain);
    // "Công ty CP Cấp thoát nước": "Cổ phần" as its initials.
    const cp = form.replace(/^(Công\s+ty)\s+Cổ\s+phần\s+/iu, '$1 CP ');
    if (cp !== form) out.add(cp);
  }
  // "Đài Phát thanh Truyền hình" for "… và Truyền hình"; "Hội Phụ nữ" for "Hội Liên hiệp Phụ nữ": as people say them.
  for (const form of [name, bare]) {
    const short = form
      .replace(/\s+(?:và|&)\s+/giu, ' ')
      .replace(/^(Hội)\s+Liên\s+hiệp\s+/iu, '$1 ')
      .trim();
    if (short && short !== form) out.add(short);
  }
  const head = HEADS.find((h) => bare.toLowerCase().startsWith(`${h.toLowerCase()} `));
  // "Trung tâm Nước sạch" for "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn": the head and what it names first.
  const before = head ? bare.split(/\s+(?:và|&)\s+|,\s*/u)[0]! : '';
  if (head && before !== bare && before.slice(head.length).trim().split(/\s+/).length >= 2) out.add(before);
  if (head) {
    const rest = bare
      .slice(head.length)
      .trim()
      .split(/\s+/)
      .filter((w) => !/^(và|&|-)$/i.test(w));
    if (rest.length >= 2) out.add(`${head} ${rest.map((w) => w[0]!.toUpperCase()).join('')}`);
  }
  return [...out];
}

/**
 * A plan's own agencies: the parties its tasks and assignments name that the directory does not know ("VNPT Bến
 * Tre", "Báo Đồng Khởi"), each an agency with id "name:<name>" (the id their completions already use) and the
 * aliases people type, so that they can be asked about like any other.
 */
export function planAgencies(parties: readonly { name: string; agency?: string | undefined }[]): Agency[] {
  const seen = new Map<string, Agency>();
  for (const p of parties) {
    if (p.agency || seen.has(p.name) || p.name.length > 80) continue;
    seen.set(p.name, { id: partyId(p), name: p.name, short: p.name, kind: 'external', aliases: aliasesOf(p.name), groups: [] });
  }
  return [...seen.values()];
}

/** Two-syllable words whose second syllable begins no agency's name typed with a slip ("văn bản", "bộ phận"). */
const INSIDE_COMPOUND = new Set(['van ban', 'bo phan', 'thu tuc', 'ke hoach', 'ho so', 'tai lieu', 'giay to']);
