/**
 * The agencies a "Tổ chức thực hiện" paragraph names, read from its words when the directory does not know them
 * ("Báo Ấp Bắc, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục …", "Đề nghị Hiệp hội Du lịch tỉnh …", "… phối hợp
 * với Trường Chính trị tỉnh"): a name begins with a word that heads agencies' names (Sở, Báo, Đài, Hội, Trung tâm …)
 * and runs to a comma, to "và"/"với" before another such word, to what the agency does (a verb: "chủ trì",
 * "mở", "phối hợp" …) or to the first word after "tỉnh". Only the paragraph's opening names and those right after
 * "phối hợp (với)" are read: names elsewhere in the sentence are what the agency works on, not who works.
 */
import { fold } from '../../text/fold.ts';

/** Words (folded) that head an agency's name. Two-word heads are listed whole. */
const HEADS = [
  'so',
  'ban',
  'bao',
  'dai',
  'hoi',
  'hiep hoi',
  'lien doan',
  'lien minh',
  'tinh doan',
  'doan',
  'uy ban',
  'ubnd',
  'van phong',
  'trung tam',
  'chi cuc',
  'cuc',
  'cong an',
  'bo chi huy',
  'buu dien',
  'viettel',
  'vnpt',
  'mobifone',
  'ngan hang',
  'kho bac',
  'bao hiem',
  'truong',
  'benh vien',
  'cong ty',
  'tong cong ty',
  'tap doan',
  'quy',
  'thanh tra',
  'vien',
  'toa an',
  'hai quan',
  'dien luc',
  'cong doan',
  'mat tran',
  'cau lac bo',
  'hop tac xa',
  'dang uy',
];

/** What an agency does, written after its name: the name ends before it (folded, one or two words). */
const VERBS = new Set([
  'la',
  'chu tri',
  'phoi hop',
  'tham muu',
  'thuc hien',
  'xay dung',
  'to chuc',
  'huong dan',
  'trien khai',
  'mo',
  'thong tin',
  'uu tien',
  'van dong',
  'tuyen truyen',
  'can cu',
  'theo doi',
  'bo tri',
  'ra soat',
  'co trach nhiem',
  'chiu trach nhiem',
  'day manh',
  'tang cuong',
  'chi dao',
  'nghien cuu',
  'giam dinh',
  'cu',
  'ban hanh',
  'quan triet',
  'kiem tra',
  'don doc',
  'pho bien',
  'cung cap',
  'ho tro',
  'bao dam',
  'dam bao',
  'nang cap',
  'tiep tuc',
  'long ghep',
  'quan tam',
  'chu dong',
  'tich cuc',
  'dua tin',
  'phan anh',
  'lam',
  'giup',
  'duy tri',
  'nam',
  'xem xet',
  'tong hop',
  'bao cao',
  'cap nhat',
  'dang tai',
  'phat song',
  'tham gia',
  'cung',
  'de',
  'theo',
]);

/** Kinds of local government (folded), listed together after "UBND các …": "huyện, thị xã, thành phố". */
const LEVELS = ['thanh pho', 'thi xa', 'thi tran', 'quan', 'huyen', 'phuong', 'xa'];
/** The last word of such a kind ("huyện", "xã", "phố" …). */
const LEVEL_ENDS = new Set(LEVELS.map((l) => l.split(' ').at(-1)!));

/** The length of a kind of local government in lower case starting at word i (1 or 2 words), or 0. */
function levelAt(words: readonly Word[], i: number): number {
  for (const n of [2, 1]) {
    const run = words.slice(i, i + n);
    if (run.length === n && run.every((w) => !upper(w)) && LEVELS.includes(run.map((w) => w.folded).join(' '))) return n;
  }
  return 0;
}

/** The kinds listed from word `j` on (", thị xã, thành phố"), and the word after them. */
function levelsAfter(words: readonly Word[], j: number): { next: number; text: string } {
  let text = '';
  for (let n = levelAt(words, j); n > 0; n = words[j - 1]!.ends ? levelAt(words, j) : 0) {
    text += `, ${words
      .slice(j, j + n)
      .map((w) => w.text)
      .join(' ')}`;
    j += n;
  }
  return { next: j, text };
}

const MAX_NAME_WORDS = 12;
const MAX_NAMES = 12;

interface Word {
  /** As written, without the punctuation after it. */
  text: string;
  folded: string;
  /** A comma or semicolon after it. */
  ends: boolean;
}

const wordsOf = (text: string): Word[] =>
  [...text.matchAll(/\S+/g)].map((m) => {
    const raw = m[0];
    const t = raw.replace(/[,;:.]+$/, '');
    return { text: t, folded: fold(t), ends: t !== raw && /[,;]/.test(raw.slice(t.length)) };
  });

const upper = (w: Word | undefined) => Boolean(w && /^\p{Lu}/u.test(w.text));

/** The length of the agency head starting at word i (1 to 3 words), or 0. */
function headAt(words: readonly Word[], i: number): number {
  if (!upper(words[i])) return 0;
  for (let n = 3; n >= 1; n--) {
    if (i + n > words.length) continue;
    const head = words
      .slice(i, i + n)
      .map((w) => w.folded)
      .join(' ');
    if (HEADS.includes(head)) return n;
  }
  return 0;
}

const verbAt = (words: readonly Word[], i: number) => {
  const w = words[i]!;
  if (upper(w)) return false;
  const two = words[i + 1] ? `${w.folded} ${words[i + 1]!.folded}` : '';
  const three = words[i + 2] ? `${two} ${words[i + 2]!.folded}` : '';
  return VERBS.has(w.folded) || VERBS.has(two) || VERBS.has(three);
};

/** Names from word `from` on: one after another while each begins with a head; stops at the first that does not. */
function namesFrom(words: readonly Word[], from: number): string[] {
  const out: string[] = [];
  let i = from;
  while (i < words.length && out.length < MAX_NAMES) {
    // "và", "với", "các" between names.
    while (i < words.length && ['va', 'voi'].includes(words[i]!.folded) && !upper(words[i])) i++;
    if (headAt(words, i) === 0) break;
    const name: Word[] = [];
    let listed = '';
    let stop = false;
    for (; i < words.length; i++) {
      const w = words[i]!;
      if (name.length > 0) {
        if (verbAt(words, i)) {
          stop = true;
          break;
        }
        // "… tỉnh" then a word in lower case that is no place: the name has ended.
        if (name.at(-1)!.folded === 'tinh' && !upper(w) && !['va', 'voi'].includes(w.folded)) {
          stop = true;
          break;
        }
        // "và"/"với" before another agency's head: the next name.
        if (['va', 'voi'].includes(w.folded) && !upper(w) && headAt(words, i + 1) > 0) break;
      }
      name.push(w);
      if (name.length > MAX_NAME_WORDS) return out;
      // "UBND các huyện, thị xã, thành phố": the other kinds of local government listed after it are the name's
      // words, and the name ends with them.
      if (w.ends && LEVEL_ENDS.has(w.folded) && levelAt(words, i + 1) > 0) {
        ({ next: i, text: listed } = levelsAfter(words, i + 1));
        break;
      }
      if (w.ends) {
        i++;
        break;
      }
    }
    // A name cut short before a verb keeps no "và" at its end.
    while (name.length > 0 && ['va', 'voi'].includes(name.at(-1)!.folded)) name.pop();
    // More than four words in lower case in a row is a sentence, not a name ("Sở Y tế kiểm soát việc chỉ định …").
    const sentence = name
      .map((w) => (upper(w) || w.folded === 'va' ? '.' : 'x'))
      .join('')
      .includes('xxxxx');
    if (name.length > 0 && !sentence) out.push(name.map((w) => w.text).join(' ') + listed);
    if (stop) break;
  }
  return out;
}

/**
 * The names of agencies a paragraph opens with (after "Đề nghị" or "Giao") and those right after each "phối hợp
 * (với)", as written. Known agencies are among them; the caller keeps those the directory does not know.
 */
export function namedParties(text: string): { lead: string[]; coordinate: string[] } {
  const words = wordsOf(text);
  let start = 0;
  if (words[0]?.folded === 'de' && words[1]?.folded === 'nghi') start = 2;
  else if (words[0]?.folded === 'giao') start = 1;
  const lead = namesFrom(words, start);
  const coordinate: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i]!.folded !== 'phoi' || words[i + 1]!.folded !== 'hop') continue;
    coordinate.push(...namesFrom(words, i + 2 + (words[i + 2]?.folded === 'voi' ? 1 : 0)));
  }
  return { lead, coordinate };
}
