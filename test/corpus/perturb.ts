/**
 * How well understanding holds when the labelled questions of train and dev are typed otherwise, as users do: each
 * kind below rewrites every question it applies to in a way that keeps its label (the same intent, task, agencies and
 * reply), and the rewritten questions are scored as the corpus is (score.ts). A measuring tool, like the benchmark:
 * it prints its figures, it asserts nothing.
 *   node --import tsx test/corpus/perturb.ts [--kind NAME] [--verbose]
 * Kinds: nomarks (diacritics dropped), polite (courtesy around the question), slips (one letter swapped or dropped in
 * one word), context (a clause about the asker before or after), context2 (other such clauses, written after the
 * first list and kept for measuring), abbr (officials' shorthand), verbs (everyday verbs for the cues), english
 * (everyday English words in the English questions), enlower (English in lower case without punctuation).
 * The rewrites are seeded: the same tree prints the same figures.
 */
import path from 'node:path';
import { rng } from '../random.ts';
import { type Item, readSplit, scoreItem } from './score.ts';

const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
const marked = (s: string) => strip(s) !== s;
/** A phrase in the question's own style: without marks when the question has none. */
const styled = (q: string, phrase: string) => (marked(q) ? phrase : strip(phrase));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const SMALL_TALK = new Set(['thanks', 'help', 'unknown']);

type Rewrite = (item: Item, r: () => number) => string | undefined;

/** Replace the first of each pattern found (with probability p) by one of its replacements. */
function substitute(table: [RegExp, string[]][], p: number): Rewrite {
  return (item, r) => {
    let q = item.q;
    for (const [pattern, subs] of table) {
      if (r() >= p) continue;
      const plain = new RegExp(strip(pattern.source), pattern.flags);
      const re = pattern.test(q) ? pattern : plain.test(q) ? plain : undefined;
      if (re) q = q.replace(re, styled(q, pick(r, subs)));
    }
    return q === item.q ? undefined : q;
  };
}

function around(before: string[], after: string[]): Rewrite {
  return (item, r) => {
    if (item.lang !== 'vi' || SMALL_TALK.has(item.intent)) return undefined;
    const q = item.q.replace(/[\s?.]+$/, '');
    return r() < 0.5 ? `${styled(item.q, pick(r, before))}${lowerFirst(q)}?` : `${q}${styled(item.q, pick(r, after))}?`;
  };
}

const KINDS: Record<string, Rewrite> = {
  nomarks: (item) => (item.lang === 'vi' && marked(item.q) ? strip(item.q) : undefined),
  polite: around(
    ['cho em hỏi ', 'anh chị ơi cho hỏi ', 'dạ ', 'xin hỏi ', 'chị ơi ', 'cho mình hỏi chút, ', 'em chào anh, '],
    [' ạ', ' vậy', ' nhé', ' với ạ', ' vậy anh', ' ạ, cảm ơn'],
  ),
  slips: (item, r) => {
    if (item.lang !== 'vi') return undefined;
    const words = item.q.split(' ');
    const at = words.map((w, i) => (w.length >= 5 && /^\p{Ll}+$/u.test(w) ? i : -1)).filter((i) => i >= 0);
    if (at.length === 0) return undefined;
    const i = pick(r, at);
    const w = [...words[i]!];
    const j = 1 + Math.floor(r() * (w.length - 2));
    if (r() < 0.5) [w[j], w[j + 1]] = [w[j + 1]!, w[j]!];
    else w.splice(j, 1);
    words[i] = w.join('');
    return words.join(' ');
  },
  context: around(
    [
      'Em mới về nhận công tác nên chưa nắm rõ, ',
      'Sếp em vừa giao rà lại kế hoạch, ',
      'Em đang chuẩn bị tài liệu cho cuộc họp sáng mai, ',
      'Tôi đang tổng hợp số liệu để báo cáo lãnh đạo, ',
      'Chiều nay có đoàn kiểm tra xuống, ',
    ],
    [', để em báo cáo lãnh đạo', ' để kịp làm báo cáo', ', em cần gấp', ', trả lời ngắn giúp em', ' để em nắm tình hình'],
  ),
  context2: around(
    [
      'Tuần sau bên em có hội nghị sơ kết, ',
      'Anh trưởng phòng dặn em hỏi lại, ',
      'Mình đang rà soát hồ sơ cuối năm, ',
      'Em làm bên văn thư, mới tiếp nhận văn bản này, ',
      'Chị ơi em đang bận lắm, ',
      'Hôm qua họp giao ban có nhắc, ',
    ],
    [', em cảm ơn nhiều', ' để em trình sếp ký', ', mai em phải nộp rồi', ' để chuẩn bị giao ban', ', anh chị chỉ giúp em với', ' cho em ghi vào biên bản'],
  ),
  abbr: (item, r) =>
    item.lang === 'vi'
      ? substitute(
          [
            [/nhiệm vụ/i, ['nv']],
            [/kế hoạch/i, ['kh', 'KH']],
            [/không\b/i, ['ko', 'k', 'hông', 'khg']],
            [/được/i, ['dc', 'đc']],
            [/bao nhiêu/i, ['bn', 'bnhiu']],
            [/những/i, ['nhg']],
            [/\bvới\b/i, ['vs']],
            [/\bgì\b/i, ['j']],
            [/Văn phòng UBND tỉnh/i, ['vp ubnd', 'VPUBND', 'vp ub']],
            [/thủ tục hành chính/i, ['tthc', 'TTHC']],
            [/hành chính công/i, ['hcc', 'HCC']],
            [/cơ quan/i, ['cq']],
            [/Sở Tài chính/i, ['STC', 'stc']],
            [/Sở Nội vụ/i, ['SNV', 'snv']],
            [/Ủy ban nhân dân/i, ['UBND', 'ubnd']],
          ],
          0.7,
        )(item, r)
      : undefined,
  verbs: (item, r) =>
    item.lang === 'vi'
      ? substitute(
          [
            [/chủ trì/i, ['đứng đầu', 'lo chính', 'làm đầu mối', 'đứng ra chủ trì']],
            [/phối hợp/i, ['hỗ trợ', 'cùng làm', 'tham gia phối hợp']],
            [/phải làm gì/i, ['cần làm những gì', 'được giao gì', 'phải lo việc gì', 'có trách nhiệm gì']],
            [/khi nào/i, ['bao giờ', 'lúc nào', 'khi nào thì']],
            [/quá hạn/i, ['trễ hạn', 'chậm', 'quá hạn rồi']],
            [/sắp đến hạn/i, ['sắp tới hạn', 'gần đến hạn']],
            [/thời hạn/i, ['hạn chót', 'hạn']],
            [/hoàn thành/i, ['xong', 'làm xong']],
          ],
          0.8,
        )(item, r)
      : undefined,
  english: (item, r) =>
    item.lang === 'en'
      ? substitute(
          [
            [/\bwho leads\b/i, ['who is in charge of', 'who heads', 'who is responsible for', 'which body leads']],
            [/\bwho coordinates\b/i, ['who supports', 'who assists with', 'which bodies help with']],
            [/\bdeadline\b/i, ['due date', 'time limit', 'cut-off date']],
            [/\boverdue\b/i, ['late', 'behind schedule', 'past due']],
            [/\btasks\b/i, ['jobs', 'duties', 'work items']],
            [/\bmust\b/i, ['has to', 'needs to', 'is supposed to']],
          ],
          0.8,
        )(item, r)
      : undefined,
  enlower: (item) => {
    if (item.lang !== 'en') return undefined;
    const q = item.q.replace(/[?.!,]/g, '').toLowerCase();
    return q === item.q ? undefined : q;
  },
};

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--kind');
  const only = at > 0 ? process.argv[at + 1] : undefined;
  const items = [...readSplit('train'), ...readSplit('dev')];
  for (const [name, rewrite] of Object.entries(KINDS)) {
    if (only && name !== only) continue;
    const r = rng(7);
    let pass = 0;
    let total = 0;
    let asTyped = 0;
    for (const item of items) {
      const q = rewrite(item, r);
      if (q === undefined) continue;
      total++;
      if (scoreItem(item).ok) asTyped++;
      const scored = scoreItem({ ...item, q });
      if (scored.ok) pass++;
      else if (process.argv.includes('--verbose')) console.log(`FAIL [${name}] ${q} → ${scored.why.join('; ')}`);
    }
    const pc = (n: number) => `${((100 * n) / Math.max(1, total)).toFixed(1)}%`;
    console.log(`${name.padEnd(9)} ${pass}/${total} = ${pc(pass)} (the same questions as written: ${pc(asTyped)})`);
  }
}
