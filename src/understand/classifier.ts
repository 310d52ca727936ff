/**
 * The learned part of understanding: a multinomial naive Bayes over the words of a question once its agencies,
 * period and task id are taken out (unigrams, pairs, and the character 4-grams of each word, so that typos and
 * unseen inflections still share evidence), plus the slots the parsers found (an agency named, a period, a count,
 * a yes/no form…). It is trained when first needed, in milliseconds, from the labelled questions of
 * data/language/corpus/train.jsonl and the example questions of data/language/vi.json, and it speaks only where no
 * rule did (Question.guessed) and it is sure: exact rules (task ids, dates, cue phrases) stay where they are exact.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Directory } from '../plan/agencies.ts';
import { writeFileAtomic } from '../fsutil.ts';
import { ROOT } from '../paths.ts';
import { DATA_DIR } from '../plan/load.ts';
import { fromEnglish, looksEnglish } from './english.ts';
import { type Intent, type Question, understand } from './intents.ts';
import { language } from './language.ts';

/** The features of an understood question. */
export function featuresOf(q: Question): string[] {
  const words = q.cueWords ?? q.words;
  const out: string[] = [];
  for (const w of words) {
    out.push(`w:${w}`);
    const padded = `_${w}_`;
    for (let i = 0; i + 4 <= padded.length; i++) out.push(`c:${padded.slice(i, i + 4)}`);
  }
  for (let i = 0; i + 1 < words.length; i++) out.push(`b:${words[i]} ${words[i + 1]}`);
  if (q.agencies.length > 0) out.push('s:agency', 's:agency', 's:agency');
  if (q.period) out.push('s:period', 's:period');
  if (q.count) out.push('s:count');
  if (q.yesNo) out.push('s:yesno');
  if (q.section) out.push('s:section');
  if (q.focus !== 'all') out.push(`s:focus:${q.focus}`);
  if (q.words.length === 0) out.push('s:nowords');
  return out;
}

export class NaiveBayes {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly priors = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private n = 0;

  constructor(
    examples: readonly { features: readonly string[]; label: string }[],
    private readonly alpha = 0.3,
  ) {
    for (const { features, label } of examples) {
      this.n++;
      this.priors.set(label, (this.priors.get(label) ?? 0) + 1);
      let c = this.counts.get(label);
      if (!c) this.counts.set(label, (c = new Map()));
      for (const f of features) {
        c.set(f, (c.get(f) ?? 0) + 1);
        this.totals.set(label, (this.totals.get(label) ?? 0) + 1);
        this.vocabulary.add(f);
      }
    }
  }

  /** Labels by probability, highest first. */
  predict(features: readonly string[]): { label: string; p: number }[] {
    const v = this.vocabulary.size;
    const known = features.filter((f) => this.vocabulary.has(f));
    const scores = [...this.counts].map(([label, c]) => {
      let s = Math.log(this.priors.get(label)! / this.n);
      const total = this.totals.get(label)! + this.alpha * v;
      for (const f of known) s += Math.log(((c.get(f) ?? 0) + this.alpha) / total);
      return { label, s };
    });
    const max = Math.max(...scores.map((x) => x.s));
    const z = scores.reduce((sum, x) => sum + Math.exp(x.s - max), 0);
    return scores.map((x) => ({ label: x.label, p: Math.exp(x.s - max) / z })).sort((a, b) => b.p - a.p);
  }
}

/** Intents the classifier may choose, and what each needs of the question to be answerable. */
const ANSWERABLE: Partial<Record<Intent, (q: Question) => boolean>> = {
  agency: (q) => q.agencies.length > 0,
  overdue: () => true,
  upcoming: () => true,
  period: (q) => q.period !== undefined,
  progress: () => true,
  recurring: () => true,
  count: () => true,
  // The document itself only when the question names it ("kế hoạch", "văn bản"): never a guess at small talk.
  document: (q) => /(^| )(ke hoach|van ban|phu luc)( |$)/.test((q.cueWords ?? []).join(' ')),
  'not-stated': () => true,
  'first-last': (q) => q.rank !== undefined,
  waiting: () => true,
  help: () => true,
  thanks: () => true,
  unknown: () => true,
};

interface Labelled {
  q: string;
  intent: string;
}

let model: NaiveBayes | undefined;

/** The labelled questions to learn from: the corpus's train split, then the language file's examples. */
function labelled(file: string): Labelled[] {
  let lines: string[] = [];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    // No corpus shipped: the language file's examples alone.
  }
  const out: Labelled[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as Labelled;
    if (typeof item.q === 'string' && typeof item.intent === 'string') out.push({ q: item.q.slice(0, 300), intent: item.intent });
  }
  for (const [intent, qs] of Object.entries(language().examples)) for (const q of qs) out.push({ q, intent });
  return out;
}

function example(item: Labelled, dir: Directory): { features: string[]; label: string } {
  const english = looksEnglish(item.q);
  return { features: featuresOf(understand(english ? fromEnglish(item.q) : item.q, '2019-01-01', dir)), label: item.intent };
}

const TRAIN_FILE = path.join(DATA_DIR, 'language', 'corpus', 'train.jsonl');

/**
 * Where the training examples of this build are kept: only when running from a bundle (.run/<entry>.<stamp>.mjs,
 * named by every source file), so that a changed rule never reads features made by the old one. The key also
 * covers the data the features come from.
 */
function cacheFile(file: string, dir: Directory): string | undefined {
  const here = import.meta.url;
  if (!here.includes('/.run/')) return undefined;
  const h = createHash('sha1').update(here).update(String(dir.agencies.length));
  for (const f of [file, path.join(DATA_DIR, 'language', 'vi.json'), path.join(DATA_DIR, 'language', 'en.json'), path.join(DATA_DIR, 'agencies.json')]) {
    try {
      h.update(readFileSync(f));
    } catch {
      h.update('-');
    }
  }
  return path.join(ROOT, '.run', `classifier-${h.digest('hex').slice(0, 16)}.json`);
}

/** The model, trained on first use (about 0.3 s, or read from the build's cache; the bot trains it after starting). */
export function classifier(dir: Directory, file = TRAIN_FILE): NaiveBayes {
  if (model) return model;
  const cache = cacheFile(file, dir);
  let examples: { features: string[]; label: string }[] | undefined;
  if (cache) {
    try {
      examples = JSON.parse(readFileSync(cache, 'utf8')) as { features: string[]; label: string }[];
    } catch {
      // Not made yet, or unreadable: made below.
    }
  }
  if (!examples) {
    examples = labelled(file).map((item) => example(item, dir));
    if (cache) {
      try {
        writeFileAtomic(cache, JSON.stringify(examples));
        // Those of earlier builds go, as their bundles do.
        for (const f of readdirSync(path.dirname(cache)))
          if (/^classifier-[0-9a-f]{16}\.json$/.test(f) && f !== path.basename(cache)) rmSync(path.join(path.dirname(cache), f), { force: true });
      } catch {
        // A read-only checkout trains again next time.
      }
    }
  }
  model = new NaiveBayes(examples);
  return model;
}

/** Train between other work, 100 questions a turn of the event loop, so that no update waits for it. */
export async function trainInBackground(dir: Directory, file = TRAIN_FILE): Promise<void> {
  if (model) return;
  const items = labelled(file);
  const examples: { features: string[]; label: string }[] = [];
  for (let i = 0; i < items.length; i += 100) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + 100)) examples.push(example(item, dir));
  }
  model ??= new NaiveBayes(examples);
}

/** Words that carry no content (the language file's filler), made into a set once. */
let filler: Set<string> | undefined;

/** How sure the classifier must be to overrule the default guess. */
export const CONFIDENT = 0.6;

/** The question with the classifier's intent where no rule decided and it is sure; otherwise as it was. */
export function classify(q: Question, dir: Directory): Question {
  if (!q.guessed) return q;
  // Too little to go on ("ok dc roi", "hmm"): the fallback, not a guess.
  const empty = (filler ??= new Set(language().cues.filler));
  if ((q.cueWords ?? []).filter((w) => w.length > 1 && !empty.has(w)).length < 2) return q;
  const [best] = classifier(dir).predict(featuresOf(q));
  if (!best || best.p < CONFIDENT || best.label === q.intent) return q;
  const intent = best.label as Intent;
  if (intent === 'task') return { ...q, intent };
  const can = ANSWERABLE[intent];
  return can?.(q) ? { ...q, intent, ...(intent === 'document' ? { about: q.about ?? 'header' } : {}) } : q;
}
