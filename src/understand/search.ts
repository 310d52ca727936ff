/**
 * Task search over canonical words: BM25 on single words plus a bonus for word pairs in the question's order,
 * so "thành lập trung tâm" prefers the task that says exactly that. Words not in the plan's vocabulary are
 * mapped to their closest vocabulary word with fuse.js (typos: "thanh lapp", "trung tamm"). Each hit carries
 * its coverage: the share of the question's weight it matched, which tells a confident answer from a guess.
 */
import Fuse from 'fuse.js';
import { canonicalTokens, isSyllable } from '../text/canonical.ts';

export interface SearchHit<T> {
  item: T;
  score: number;
  /** Share (0–1) of the question's word weight this item matched. */
  coverage: number;
  /** Distinct question words matched. */
  matched: number;
  /** Pairs of consecutive question words found together, in order (phrase evidence). */
  pairs: number;
  /** Share (0–1) of the item's own word weight the question matched: what of it the question did not say. */
  precision: number;
}

const K1 = 1.2;
const B = 0.5;
const PAIR_WEIGHT = 0.6;
const FUZZY_PENALTY = 0.7;

/** References such as "61/2018/nd" are searched by their parts, so "Nghị định 61" finds them. */
export function searchTerms(words: readonly string[]): string[] {
  return words.flatMap((w) => (w.includes('/') ? w.split('/').filter(Boolean) : [w]));
}

export class TaskSearch<T> {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly pairs = new Map<string, Set<number>>();
  private readonly lengths: number[] = [];
  private readonly avgLength: number;
  private readonly fuse: Fuse<string>;
  private readonly fuzzyCache = new Map<string, string | null>();

  private readonly weights: Float64Array;
  /** Each item's own word weight (the idf of its distinct words). */
  private readonly itemWeights: Float64Array;
  /** Thesaurus phrases by their first word, longest first, each with its group. */
  private readonly phrases = new Map<string, { words: string[]; group: number }[]>();
  /** The tags' tokens and the phrases a question says them by (the tag's own, and its thesaurus group's: "mỗi quý"). */
  private readonly tagPhrases = new Map<string, string[][]>();
  /** Per group, the members the items use, in the group's order, found on first need. */
  private readonly inPlan = new Map<number, string[][]>();

  /**
   * `weight` scales an item's score (e.g. below 1 for items that should lose close calls). `thesaurus`: groups of
   * phrases (canonical words) used interchangeably: a question's phrase the items do not use is searched as the
   * member of its group they do use ("sửa sang trụ sở" → "cải tạo trụ sở"). `tags`: a phrase an item is also named by
   * that is not its text (a task's rhythm, "hằng năm"): one token of its own, found only when a question says the whole
   * phrase, and no part of the item's length or weight — on every other question the item ranks as before.
   */
  constructor(
    readonly items: readonly T[],
    text: (item: T) => string,
    weight: (item: T) => number = () => 1,
    private readonly thesaurus: readonly (readonly string[][])[] = [],
    tags: (item: T) => string = () => '',
  ) {
    thesaurus.forEach((group, g) => {
      for (const words of group) {
        let list = this.phrases.get(words[0]!);
        if (!list) this.phrases.set(words[0]!, (list = []));
        list.push({ words, group: g });
      }
    });
    for (const list of this.phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.weights = Float64Array.from(items, weight);
    items.forEach((item, doc) => {
      const words = searchTerms(canonicalTokens(text(item)));
      this.lengths.push(words.length);
      const tf = new Map<string, number>();
      for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
      for (const [w, n] of tf) {
        let list = this.postings.get(w);
        if (!list) this.postings.set(w, (list = []));
        list.push({ doc, tf: n });
      }
      for (let i = 0; i + 1 < words.length; i++) {
        const key = `${words[i]} ${words[i + 1]}`;
        let set = this.pairs.get(key);
        if (!set) this.pairs.set(key, (set = new Set()));
        set.add(doc);
      }
    });
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, items.length);
    this.itemWeights = new Float64Array(items.length);
    for (const [w, list] of this.postings) {
      const idf = this.idf(w);
      for (const { doc } of list) this.itemWeights[doc]! += idf;
    }
    // A tag is one token of its own ("#hang_nam"), found only when the question says its whole phrase: the items' own
    // words ("hàng", "năm", "quy") and their weights stay as they were.
    items.forEach((item, doc) => {
      const phrase = canonicalTokens(tags(item));
      if (phrase.length === 0) return;
      const token = `#${phrase.join('_')}`;
      if (!this.tagPhrases.has(token)) {
        const said = phrase.join(' ');
        const group = thesaurus.find((g) => g.some((m) => m.join(' ') === said));
        this.tagPhrases.set(token, group ? [phrase, ...group.filter((m) => m.join(' ') !== said)] : [phrase]);
      }
      const list = this.postings.get(token) ?? [];
      list.push({ doc, tf: 1 });
      this.postings.set(token, list);
    });
    this.fuse = new Fuse(
      [...this.postings.keys()].filter((w) => w.length >= 3 && !w.startsWith('#')),
      {
        threshold: 0.3,
        ignoreLocation: true,
        includeScore: true,
      },
    );
  }

  /** Words that follow each word in some item, and the items' words by first letter: built on the first acronym asked. */
  private follows: Map<string, string[]> | undefined;
  private byInitial: Map<string, string[]> | undefined;
  private readonly acronymCache = new Map<string, string[] | null>();

  /**
   * The run of the items' words a question typed by its initials ("cnscd" → "công nghệ số cộng đồng", "pctt" →
   * "phòng chống thiên tai"): a run found in one same item whose words' first letters spell the word. Only for a word
   * that is no syllable, no word of the items and no typo of one; the run found in most items wins, a tie is none.
   */
  acronym(word: string): string[] | undefined {
    if (word.length < 3 || word.length > 8 || !/^[a-z]+$/.test(word) || isSyllable(word) || this.postings.has(word)) return undefined;
    let hit = this.acronymCache.get(word);
    if (hit === undefined) {
      hit = this.correct(word) === undefined ? (this.findAcronym(word) ?? null) : null;
      if (this.acronymCache.size > 10_000) this.acronymCache.clear();
      this.acronymCache.set(word, hit);
    }
    return hit ?? undefined;
  }

  private findAcronym(word: string): string[] | undefined {
    if (!this.follows || !this.byInitial) {
      this.follows = new Map();
      for (const key of this.pairs.keys()) {
        const [a, b] = key.split(' ') as [string, string];
        if (!/^[a-z]/.test(b)) continue;
        const list = this.follows.get(a) ?? [];
        list.push(b);
        this.follows.set(a, list);
      }
      this.byInitial = new Map();
      for (const w of this.postings.keys()) {
        if (!/^[a-z]/.test(w)) continue;
        const list = this.byInitial.get(w[0]!) ?? [];
        list.push(w);
        this.byInitial.set(w[0]!, list);
      }
    }
    const found = new Map<string, number>();
    let steps = 0;
    const walk = (run: string[]) => {
      if (++steps > 20_000) return;
      if (run.length === word.length) {
        const docs = this.docsOf(run);
        if (docs > 0) found.set(run.join(' '), docs);
        return;
      }
      for (const n of this.follows!.get(run.at(-1)!) ?? []) if (n[0] === word[run.length]) walk([...run, n]);
    };
    for (const start of this.byInitial.get(word[0]!) ?? []) if (this.follows.has(start)) walk([start]);
    const ranked = [...found].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[1]![1] === ranked[0]![1])) return undefined;
    return ranked[0]![0].split(' ');
  }

  /** How many items use the phrase (its words in a row, each consecutive pair in one same item). */
  private docsOf(words: readonly string[]): number {
    return this.docSet(words).size;
  }

  /** The items that use the phrase: a word's, or those holding each consecutive pair of it. */
  private docSet(words: readonly string[]): ReadonlySet<number> {
    if (words.length === 1) return new Set((this.postings.get(words[0]!) ?? []).map((e) => e.doc));
    let docs: Set<number> | undefined;
    for (let i = 0; i + 1 < words.length; i++) {
      const next = this.pairs.get(`${words[i]} ${words[i + 1]}`);
      if (!next) return new Set();
      docs = docs ? new Set([...docs].filter((d) => next.has(d))) : next;
      if (docs.size === 0) return docs;
    }
    return docs ?? new Set();
  }

  private idf(word: string): number {
    const n = this.postings.get(word)?.length ?? 0;
    return Math.log(1 + (this.items.length - n + 0.5) / (n + 0.5));
  }

  /** The vocabulary word a typo stands for, if one is close enough. */
  private correct(word: string): string | undefined {
    // A real syllable the plan does not use ("vàng", "tiết") is a different word, not a typo.
    if (word.length < 4 || /\d/.test(word) || isSyllable(word)) return undefined;
    let hit = this.fuzzyCache.get(word);
    if (hit === undefined) {
      const best = this.fuse.search(word, { limit: 1 })[0];
      hit = best && (best.score ?? 1) <= 0.3 && Math.abs(best.item.length - word.length) <= 2 ? best.item : null;
      if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
      this.fuzzyCache.set(word, hit);
    }
    return hit ?? undefined;
  }

  /** How many of the words (canonical) the items use exactly: a cheap first look before a search with typos. */
  overlap(words: readonly string[]): number {
    let n = 0;
    for (const w of searchTerms(words)) if (this.postings.has(w)) n++;
    return n;
  }

  /** Whether some item uses the phrase (its words in a row: each consecutive pair found in one same item). */
  uses(words: readonly string[]): boolean {
    return words.length === 1 ? this.postings.has(words[0]!) : this.docsOf(words) > 0;
  }

  /** The question's words with each thesaurus phrase the items do not use swapped for a member they do use. */
  private withThesaurus(words: readonly string[]): string[] {
    if (this.phrases.size === 0) return [...words];
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = this.phrases.get(words[i]!)?.find((p) => p.words.every((w, k) => words[i + k] === w));
      if (!hit || this.uses(hit.words)) {
        if (hit) out.push(...hit.words);
        else out.push(words[i]!);
        i += hit ? hit.words.length : 1;
        continue;
      }
      let members = this.inPlan.get(hit.group);
      if (members === undefined) {
        members = this.thesaurus[hit.group]!.filter((m) => this.uses(m));
        this.inPlan.set(hit.group, members);
      }
      const rest = [...words.slice(0, i), ...words.slice(i + hit.words.length)];
      out.push(...(this.nearest(members, rest) ?? hit.words));
      i += hit.words.length;
    }
    return out;
  }

  /**
   * Of the members of a group the items use, the one used where the question's other words are: "làm mới cổng dịch vụ
   * công" is the portal's "nâng cấp", not the office's "cải tạo". The first in the group's order when none is nearer.
   */
  private nearest(members: readonly string[][], rest: readonly string[]): string[] | undefined {
    if (members.length <= 1) return members[0];
    const others = [...new Set(rest)].filter((w) => this.postings.has(w));
    let best = members[0];
    let bestWeight = 0;
    for (const m of members) {
      const docs = this.docSet(m);
      const weight = others.reduce((sum, w) => sum + (this.postings.get(w)!.some((e) => docs.has(e.doc)) ? this.idf(w) : 0), 0);
      if (weight > bestWeight) [best, bestWeight] = [m, weight];
    }
    return best;
  }

  /** Best items for query words (already canonical, question phrases removed), best first. */
  search(words: readonly string[], limit = 5): SearchHit<T>[] {
    const terms: { word: string; weight: number }[] = [];
    const seen = new Set<string>();
    // A tag's phrase said ("hằng năm") is searched as the tag, its words no longer as words of the items' text.
    let said = ` ${words.join(' ')} `;
    const tagged: string[] = [];
    for (const [token, phrases] of this.tagPhrases) {
      const at = phrases.map((p) => ` ${p.join(' ')} `).find((x) => said.includes(x));
      if (!at) continue;
      tagged.push(token);
      said = said.replace(at, ' ');
    }
    if (tagged.length > 0) words = said.trim().split(' ').filter(Boolean);
    for (const w of searchTerms(this.withThesaurus(words))) {
      const known = this.postings.has(w) ? w : this.correct(w);
      const key = known ?? w;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push({ word: key, weight: known === w ? 1 : known ? FUZZY_PENALTY : 1 });
    }
    for (const token of tagged) terms.push({ word: token, weight: 1 });
    if (terms.length === 0 || this.items.length === 0) return [];
    const scores = new Float64Array(this.items.length);
    const covered = new Float64Array(this.items.length);
    const matched = new Uint16Array(this.items.length);
    const pairs = new Uint16Array(this.items.length);
    let total = 0;
    for (const { word, weight } of terms) {
      const idf = this.idf(word);
      total += idf;
      for (const { doc, tf } of this.postings.get(word) ?? []) {
        const norm = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.avgLength));
        scores[doc]! += weight * idf * norm;
        covered[doc]! += weight * idf;
        matched[doc]!++;
      }
    }
    for (let i = 0; i + 1 < terms.length; i++) {
      const docs = this.pairs.get(`${terms[i]!.word} ${terms[i + 1]!.word}`);
      if (!docs) continue;
      const bonus = (PAIR_WEIGHT * (this.idf(terms[i]!.word) + this.idf(terms[i + 1]!.word))) / 2;
      for (const doc of docs) {
        scores[doc]! += bonus;
        pairs[doc]!++;
      }
    }
    for (let doc = 0; doc < scores.length; doc++) scores[doc]! *= this.weights[doc]!;
    // Top-k by insertion into a short sorted list: no object per matching document.
    const top: number[] = [];
    for (let doc = 0; doc < scores.length; doc++) {
      const sc = scores[doc]!;
      if (sc <= 0 || (top.length === limit && sc <= scores[top[limit - 1]!]!)) continue;
      let at = top.length;
      while (at > 0 && scores[top[at - 1]!]! < sc) at--;
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
    return top.map((doc) => ({
      item: this.items[doc]!,
      score: scores[doc]!,
      coverage: total > 0 ? covered[doc]! / total : 0,
      matched: matched[doc]!,
      pairs: pairs[doc]!,
      precision: this.itemWeights[doc]! > 0 ? Math.min(1, covered[doc]! / this.itemWeights[doc]!) : 0,
    }));
  }
}
