/**
 * Typing slips in a question ("Sở Tài chníh", "nhimệ vụ", "hyuện", "tahng"): a word that is no Vietnamese syllable, no
 * abbreviation and no word the plan, the directory or the language data know, is read as the known syllable one slip
 * away — two letters swapped, one dropped, one added or one mistyped — that those texts use most. A word with no such
 * neighbour is left as typed (an acronym of the plan's, a name), and so is every word that is a syllable: "táng" for
 * "tháng" is a word of its own and needs the context a spelling fix does not have.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The vowel runs a Vietnamese syllable can have, marks folded ("uye" of "huyện", "uoi" of "người"). */
const NUCLEI = new Set('a e i o u y ai ao au ay eo eu ia ie iu oa oe oi oo ua ue ui uo uu uy ye ieu oai oay oeo uay uoi uou uya uye uyu yeu'.split(' '));
const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];

/**
 * One pattern for every onset, vowel run and ending (the longest alternatives first; the pattern tries every split,
 * so "gia" is "gi" + "a" or "" + "ia"), compiled once: the speller asks it of every neighbour it weighs.
 */
const SYLLABLE = new RegExp(
  `^(?:${ONSETS.filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .join('|')})?(?:${[...NUCLEI].sort((a, b) => b.length - a.length).join('|')})(?:ch|nh|ng|[cmnpt])?$`,
);

/** Whether a folded word spells a Vietnamese syllable: an onset, a vowel run one can have, an ending ("hyuen" is none). */
export function strictSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}
/** A swap is the likeliest slip on a phone's keyboard, then a letter dropped or added, then one mistyped. */
const WEIGHT = { swap: 4, drop: 2, add: 2, change: 1 } as const;

/** How often a canonical word, and two words in a row ("ke hoach"), occur in the texts that make a vocabulary. */
export interface Vocabulary {
  count(word: string): number;
  pair(words: string): number;
  /** How often the likeliest word after this one follows it. */
  follows(word: string): number;
}

export class Speller {
  /**
   * @param vocabulary the words to read slips as
   * @param known whether a word is known in another way (an abbreviation, alone or with a word beside it — "tài
   *   chánh" —, an English word): never corrected
   */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly known: (word: string, before?: string, after?: string) => boolean,
  ) {}

  /**
   * The word meant at `i` of these (folded) words, or undefined when it is fine as typed or no single slip explains
   * it. A word that spells no syllable takes the likeliest neighbour; one that spells a syllable no text here uses
   * ("nhim vụ", "kế hoch") only a neighbour that makes a known pair with the word before or after it ("nhiem vu").
   */
  fix(words: readonly string[], i: number, marked = false): string | undefined {
    const word = words[i]!;
    if (word.length < 3 || word.length > 12 || !/^[a-z]+$/.test(word)) return undefined;
    const before = words[i - 1];
    const after = words[i + 1];
    // A word the texts use is fine as typed — unless it makes no pair with the word before it, and a neighbour
    // does, often ("kế hạch" is "kế hoạch": "hạch" is a word, "kế hạch" none).
    // (A known word typed with its marks — "ai xây đường" — is the word meant.)
    if (this.vocabulary.count(word) > 0) {
      if (!strictSyllable(word)) return undefined;
      const withBefore = !marked && before !== undefined && this.vocabulary.pair(`${before} ${word}`) === 0 && this.vocabulary.follows(before) >= OFTEN;
      // ("bn niệm vụ" is "nhiệm vụ": "niệm" is a word, "niệm vụ" none — the pair it makes with the word after.)
      const withAfter =
        after !== undefined && this.vocabulary.pair(`${word} ${after}`) === 0 && (before === undefined || this.vocabulary.pair(`${before} ${word}`) === 0);
      if ((!withBefore && !withAfter) || this.known(word, before, after)) return undefined;
      if (withBefore) {
        const fixed = this.inPair(word, before, 'before');
        if (fixed) return fixed;
      }
      // (After: only a word far rarer than the pair its neighbour makes — "hạn thành lập" keeps its "hạn".)
      const fixed = withAfter ? this.inPair(word, after!, 'after') : undefined;
      return fixed && this.vocabulary.count(word) * 2 < this.vocabulary.pair(`${fixed} ${after}`) ? fixed : undefined;
    }
    if (this.known(word, before, after)) return undefined;
    const syllable = strictSyllable(word);
    // Consonants only: an acronym ("ntm", "cnscd"), unless a vowel dropped from a longer word ("trng").
    if (!/[aeiouy]/.test(word) && word.length < 4) return undefined;
    let best: string | undefined;
    let bestScore = 0;
    const consider = (candidate: string, weight: number) => {
      if (candidate === word || !strictSyllable(candidate)) return;
      const n = this.vocabulary.count(candidate);
      if (!n) return;
      const paired = (before ? this.vocabulary.pair(`${before} ${candidate}`) : 0) + (after ? this.vocabulary.pair(`${candidate} ${after}`) : 0);
      // (A syllable's neighbour one letter changed is mostly another word: "bữa nào" is no "cửa nào".)
      if (syllable && (paired === 0 || weight === WEIGHT.change)) return;
      const score = weight * (Math.log(1 + n) + 3 * Math.log(1 + paired));
      if (score > bestScore) [best, bestScore] = [candidate, score];
    };
    for (const [candidate, slip] of slips(word)) consider(candidate, WEIGHT[slip]);
    return best;
  }

  /** The neighbour of a known word that makes a frequent pair with the word beside it, when the word makes none. */
  private inPair(word: string, beside: string, side: 'before' | 'after'): string | undefined {
    let best: string | undefined;
    let most = OFTEN - 1;
    // Two letters swapped or one left out, not one too many: a word less a letter is mostly another word ("xây
    // đường" is no "xây dựng", "hồ sao" no "hồ sơ").
    for (const [candidate, slip] of slips(word)) {
      if ((slip !== 'swap' && slip !== 'add') || candidate === word || !strictSyllable(candidate)) continue;
      const n = this.vocabulary.pair(side === 'before' ? `${beside} ${candidate}` : `${candidate} ${beside}`);
      if (n > most) [best, most] = [candidate, n];
    }
    return best;
  }
}

/** Every word one slip away, with the slip: two letters swapped, one dropped, one added, one changed. */
function* slips(word: string): Generator<[string, keyof typeof WEIGHT]> {
  for (let k = 0; k + 1 < word.length; k++) yield [word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2), 'swap'];
  for (let k = 0; k < word.length; k++) yield [word.slice(0, k) + word.slice(k + 1), 'drop'];
  for (let k = 0; k <= word.length; k++) for (const c of LETTERS) yield [word.slice(0, k) + c + word.slice(k), 'add'];
  for (let k = 0; k < word.length; k++) for (const c of LETTERS) if (c !== word[k]) yield [word.slice(0, k) + c + word.slice(k + 1), 'change'];
}

/** How often a pair must occur for a known word beside its first word to be read as a slip for it. */
const OFTEN = 20;

/** How often each word, and each two words in a row, occur in these word lists. */
export function countWords(lists: Iterable<readonly string[]>): {
  counts: Map<string, number>;
  pairs: Map<string, number>;
  follows: Map<string, number>;
} {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  const follows = new Map<string, number>();
  for (const words of lists)
    for (let i = 0; i < words.length; i++) {
      counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1);
      if (i > 0) {
        const pair = `${words[i - 1]} ${words[i]}`;
        const n = (pairs.get(pair) ?? 0) + 1;
        pairs.set(pair, n);
        if (n > (follows.get(words[i - 1]!) ?? 0)) follows.set(words[i - 1]!, n);
      }
    }
  return { counts, pairs, follows };
}
