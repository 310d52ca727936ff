/**
 * The canonical word sequence of a text, the same for plan data and for questions: folded (see fold.ts),
 * abbreviations expanded (TTHC → thủ tục hành chính), chat shorthand spelled out (ko → không), southern and
 * i/y spellings unified (tài chánh → tài chính, quí → quý), Telex leftovers repaired (phari → phải) only
 * when the repair gives a real syllable, so that "internet" and "website" survive.
 */
import { clean, fold, tokenize, tokenizeWithSeparators } from './fold.ts';

/** Folded phrase → folded replacement. Keys of one to four words; the longest match wins. */
const REWRITES: Record<string, string> = {
  // administrative abbreviations (../shared/notes/vietnamese.md)
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  vpub: 'van phong uy ban nhan dan',
  vpubnd: 'van phong uy ban nhan dan',
  vp: 'van phong',
  // "VP UB", "UB tỉnh": UB is the people's committee.
  'vp ub': 'van phong uy ban nhan dan',
  'ub tinh': 'uy ban nhan dan tinh',
  'ub huyen': 'uy ban nhan dan huyen',
  'ub xa': 'uy ban nhan dan xa',
  'tt&tt': 'thong tin va truyen thong',
  tttt: 'thong tin va truyen thong',
  'tt tt': 'thong tin va truyen thong',
  'thong tin truyen thong': 'thong tin va truyen thong',
  'kh&dt': 'ke hoach va dau tu',
  khdt: 'ke hoach va dau tu',
  'kh dt': 'ke hoach va dau tu',
  'ke hoach dau tu': 'ke hoach va dau tu',
  'tn&mt': 'tai nguyen va moi truong',
  tnmt: 'tai nguyen va moi truong',
  'tai nguyen moi truong': 'tai nguyen va moi truong',
  // "kh bv môi trường", "BVMT": protecting the environment, as officials shorten it.
  'bv moi truong': 'bao ve moi truong',
  bvmt: 'bao ve moi truong',
  'nn&ptnt': 'nong nghiep va phat trien nong thon',
  nnptnt: 'nong nghiep va phat trien nong thon',
  'ld tb&xh': 'lao dong thuong binh va xa hoi',
  ldtbxh: 'lao dong thuong binh va xa hoi',
  'lao dong thuong binh xa hoi': 'lao dong thuong binh va xa hoi',
  'vh tt&dl': 'van hoa the thao va du lich',
  vhttdl: 'van hoa the thao va du lich',
  'vh tt dl': 'van hoa the thao va du lich',
  'van hoa the thao du lich': 'van hoa the thao va du lich',
  'kh&cn': 'khoa hoc va cong nghe',
  khcn: 'khoa hoc va cong nghe',
  'khoa hoc cong nghe': 'khoa hoc va cong nghe',
  'gd&dt': 'giao duc va dao tao',
  gddt: 'giao duc va dao tao',
  // "Sở GD", "SGD": the department of education as officials shorten it.
  'so gd': 'so giao duc va dao tao',
  sgd: 'so giao duc va dao tao',
  'giao duc dao tao': 'giao duc va dao tao',
  gtvt: 'giao thong van tai',
  // "NHNN VN", "Chính phủ VN": the country.
  vn: 'viet nam',
  stc: 'so tai chinh',
  snv: 'so noi vu',
  // After "sở", the letters are the agency's initials ("sở nv" is Sở Nội vụ, not "sở nhiệm vụ").
  'so nv': 'so noi vu',
  'so tc': 'so tai chinh',
  'so tp': 'so tu phap',
  'so yt': 'so y te',
  'so xd': 'so xay dung',
  'so ct': 'so cong thuong',
  'so tt': 'so thong tin va truyen thong',
  'so tttt': 'so thong tin va truyen thong',
  'so khdt': 'so ke hoach va dau tu',
  'so gtvt': 'so giao thong van tai',
  stp: 'so tu phap',
  syt: 'so y te',
  sxd: 'so xay dung',
  sct: 'so cong thuong',
  skhdt: 'so ke hoach va dau tu',
  stttt: 'so thong tin va truyen thong',
  // "1 cửa", "4 tại chỗ": numbers typed for the words of the one-stop terms.
  '1 cua': 'mot cua',
  // "cb", "cbcc": cán bộ, công chức, as officials shorten them.
  cb: 'can bo',
  // "cq", "đv nào": cơ quan, đơn vị, as officials shorten them.
  cq: 'co quan',
  cqcm: 'co quan chuyen mon',
  'dv nao': 'don vi nao',
  // Shorthand of an official's notes, read only where the word beside it says what it is ("ai ph", "đã ht", "chịu tn"):
  // alone "ph", "ct", "ht", "th" are many things ("sổ hk" is a household book, "trường TH" a primary school).
  'ai ph': 'ai phoi hop',
  'nao ph': 'nao phoi hop',
  'co ph': 'co phoi hop',
  'phai ph': 'phai phoi hop',
  'ph voi': 'phoi hop voi',
  'ph vs': 'phoi hop voi',
  'ph viec': 'phoi hop viec',
  'ph nv': 'phoi hop nhiem vu',
  'ai ct': 'ai chu tri',
  'nao ct': 'nao chu tri',
  'co ct': 'co chu tri',
  'dung ct': 'dung chu tri',
  'phai ct': 'phai chu tri',
  'ct viec': 'chu tri viec',
  'ct nv': 'chu tri nhiem vu',
  'da ht': 'da hoan thanh',
  'chua ht': 'chua hoan thanh',
  'phai ht': 'phai hoan thanh',
  'ht chua': 'hoan thanh chua',
  'ht duoc': 'hoan thanh duoc',
  'ht dc': 'hoan thanh duoc',
  'ht roi': 'hoan thanh roi',
  'chiu tn': 'chiu trach nhiem',
  'to chuc th': 'to chuc thuc hien',
  // "nộp bc", "bc sơ kết", "bc định kỳ": a report.
  'nop bc': 'nop bao cao',
  'gui bc': 'gui bao cao',
  'lam bc': 'lam bao cao',
  'bc so ket': 'bao cao so ket',
  'bc tong ket': 'bao cao tong ket',
  'bc dinh ky': 'bao cao dinh ky',
  'bc ket qua': 'bao cao ket qua',
  'bc ve': 'bao cao ve',
  bnhiu: 'bao nhieu',
  bnhieu: 'bao nhieu',
  nhg: 'nhung',
  cbcc: 'can bo cong chuc',
  '4 tai cho': 'bon tai cho',
  cchc: 'cai cach hanh chinh',
  tthc: 'thu tuc hanh chinh',
  dvctt: 'dich vu cong truc tuyen',
  dvc: 'dich vu cong',
  hcc: 'hanh chinh cong',
  ttpvhcc: 'trung tam phuc vu hanh chinh cong',
  pvhcc: 'phuc vu hanh chinh cong',
  csdl: 'co so du lieu',
  cntt: 'cong nghe thong tin',
  bhxh: 'bao hiem xa hoi',
  kbnn: 'kho bac nha nuoc',
  nhnn: 'ngan hang nha nuoc',
  'ca tinh': 'cong an tinh',
  kcn: 'khu cong nghiep',
  bql: 'ban quan ly',
  bch: 'bo chi huy',
  // "Bộ CHQS tỉnh", "BCHQS": the military command.
  chqs: 'chi huy quan su',
  bchqs: 'bo chi huy quan su',
  ql: 'quan ly',
  // "xã bọn em", "huyện mình": the asker's own commune or district is its people's committee.
  'xa bon em': 'uy ban nhan dan xa',
  'xa chung em': 'uy ban nhan dan xa',
  'xa chung toi': 'uy ban nhan dan xa',
  'xa chung tui': 'uy ban nhan dan xa',
  'xa minh': 'uy ban nhan dan xa',
  'xa tui': 'uy ban nhan dan xa',
  'xa ben em': 'uy ban nhan dan xa',
  'xa bon toi': 'uy ban nhan dan xa',
  'xa bon tui': 'uy ban nhan dan xa',
  'huyen bon em': 'uy ban nhan dan huyen',
  'huyen chung em': 'uy ban nhan dan huyen',
  'huyen chung toi': 'uy ban nhan dan huyen',
  'huyen chung tui': 'uy ban nhan dan huyen',
  'huyen minh': 'uy ban nhan dan huyen',
  'huyen tui': 'uy ban nhan dan huyen',
  'huyen ben em': 'uy ban nhan dan huyen',
  'huyen bon toi': 'uy ban nhan dan huyen',
  'huyen bon tui': 'uy ban nhan dan huyen',
  'phuong bon em': 'uy ban nhan dan xa',
  'phuong chung em': 'uy ban nhan dan xa',
  'phuong chung toi': 'uy ban nhan dan xa',
  'phuong chung tui': 'uy ban nhan dan xa',
  'phuong minh': 'uy ban nhan dan xa',
  'phuong tui': 'uy ban nhan dan xa',
  'phuong ben em': 'uy ban nhan dan xa',
  'phuong bon toi': 'uy ban nhan dan xa',
  'phuong bon tui': 'uy ban nhan dan xa',
  // "cơ quan TW", "ngành dọc TW": the central government (not Telex for "tư").
  tw: 'trung uong',
  tp: 'thanh pho',
  tx: 'thi xa',
  kh: 'ke hoach',
  nd: 'nghi dinh',
  'nd cp': 'nghi dinh cp',
  qd: 'quyet dinh',
  'qd ttg': 'quyet dinh ttg',
  // chat shorthand
  j: 'gi',
  gj: 'gi',
  k: 'khong',
  ko: 'khong',
  kg: 'khong',
  khg: 'khong',
  hok: 'khong',
  dc: 'duoc',
  ntn: 'nhu the nao',
  bn: 'bao nhieu',
  vs: 'voi',
  ms: 'moi',
  lm: 'lam',
  nv: 'nhiem vu',
  cv: 'cong viec',
  trc: 'truoc',
  bg: 'bao gio',
  qh: 'qua han',
  ds: 'danh sach',
  // "bao nhiu": a letter dropped from "bao nhiêu".
  'bao nhiu': 'bao nhieu',
  'bao nhieuu': 'bao nhieu',
  // "UBND H", "UBND X": the district's, the commune's committee by its initial.
  'ubnd h': 'uy ban nhan dan huyen',
  // "BPMC", "BP một cửa": the one-stop desk.
  bpmc: 'bo phan mot cua',
  'bp mot cua': 'bo phan mot cua',
  // "c.ơn", "c ơn": thanks typed short.
  'c on': 'cam on',
  // "xong r", "trễ r": a lone r is "rồi".
  r: 'roi',
  // "TT dữ liệu", "TT phục vụ HCC": before these words TT is a centre, not a circular (thông tư).
  'tt du lieu': 'trung tam du lieu',
  'tt phuc vu': 'trung tam phuc vu',
  'tt hanh chinh': 'trung tam hanh chinh',
  'tt hcc': 'trung tam hanh chinh cong',
  // southern spelling and i/y variants
  'tai chanh': 'tai chinh',
  'hanh chanh': 'hanh chinh',
  'chanh phu': 'chinh phu',
  qui: 'quy',
  ki: 'ky',
  li: 'ly',
};

const MAX_REWRITE_WORDS = 4;
const REWRITE_TOKENS = new Map<string, string[]>(Object.entries(REWRITES).map(([k, v]) => [k, v.split(' ')]));

const ONSET = '(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
const VALID_SYLLABLE = new RegExp(`^${ONSET}[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?$`);
const TONE_KEYS = /[sfrxj]/;

/** True when a folded word has the shape of a Vietnamese syllable. */
export function isSyllable(word: string): boolean {
  // A doubled vowel is Telex for a hat ("coong" is công, "tees" tế), not a syllable of its own.
  return VALID_SYLLABLE.test(word) && !/aa|ee|oo/.test(word);
}

/** Undo Telex typed with the input method off ("phari" → "phai"); undefined when no repair gives a syllable. */
export function repairTelex(word: string): string | undefined {
  if (word.length < 2 || word.length > 9 || !/^[a-z]+$/.test(word) || isSyllable(word)) return undefined;
  const vowels = (w: string) => w.replace('dd', 'd').replace(/aa|aw/, 'a').replace('ee', 'e').replace(/oo|ow/, 'o').replace('uw', 'u').replace(/w/g, 'u');
  // "hopw": the hook key typed after the syllable's last consonant (Telex puts it on the vowel: "hơp"); "hopwj" with
  // the tone key after it.
  const read = (w: string) => [vowels(w), ...(/[aeiouy][^aeiouyw]+w$/.test(w) ? [vowels(w.slice(0, -1))] : [])];
  const candidates = read(word);
  for (let i = 1; i < word.length; i++) {
    if (TONE_KEYS.test(word[i]!)) candidates.push(...read(word.slice(0, i) + word.slice(i + 1)));
  }
  return candidates.find((c) => c !== word && isSyllable(c));
}

/**
 * Abbreviations made of ordinary syllables, read as such only when typed without diacritics: "CA tỉnh", "ca tinh" is
 * Công an tỉnh; "cả tỉnh" (the whole province) and "cá tính" are not.
 */
const PLAIN_ONLY = new Set(['ca tinh']);
/** Words after which "ca tinh" is "cả tỉnh", the whole province ("triển khai cho cả tỉnh", "trên cả tỉnh"). */
const WHOLE_BEFORE = new Set(['cho', 'trong', 'tren', 'khap', 'toan', 'o', 'tai', 'ra', 'den', 'toi', 'nhat', 'chung', 'rong', 'het']);

/** First words of PLAIN_ONLY keys that the text typed with diacritics only ("cả" but never "ca"). */
function markedOnly(text: string): Set<string> {
  const marked = new Set<string>();
  const plain = new Set<string>();
  for (const raw of clean(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    const folded = fold(raw);
    (folded === raw ? plain : marked).add(folded);
  }
  for (const w of plain) marked.delete(w);
  return marked;
}

function rewrite(tokens: string[], text?: string): string[] {
  // Worked out only when a PLAIN_ONLY key is met (rarely): canonicalTokens runs on every cell, alias and question.
  let marked: ReadonlySet<string> | undefined;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let n = Math.min(MAX_REWRITE_WORDS, tokens.length - i); n >= 1; n--) {
      const key = tokens.slice(i, i + n).join(' ');
      const rep = REWRITE_TOKENS.get(key);
      if (rep && PLAIN_ONLY.has(key) && text !== undefined && (marked ??= markedOnly(text)).has(tokens[i]!)) continue;
      // "cho ca tinh", "trong ca tinh", "khap ca tinh": the whole province, typed without marks.
      if (rep && PLAIN_ONLY.has(key) && WHOLE_BEFORE.has(tokens[i - 1] ?? '')) continue;
      // "việc số 1 của phần III", "nhiệm vụ thứ 1 của mục II": a place, not the one-stop "1 cửa".
      if (rep && key === '1 cua' && (tokens[i - 1] === 'so' || tokens[i - 1] === 'thu')) continue;
      if (rep) {
        out.push(...rep);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(tokens[i++]!);
  }
  return out;
}

function repair(tokens: string[]): string[] {
  return tokens.flatMap((t) => (REWRITE_TOKENS.has(t) ? [t] : (soJoined(t) ?? [undoubled(t) ?? repairTelex(t) ?? unstretched(t) ?? jForGi(t) ?? t])));
}

/** "bao jờ", "jải quyết", "jấy tờ": "gi" typed as "j", as the young and the south type it ("job" spells no syllable). */
function jForGi(word: string): string | undefined {
  if (word.length < 2 || word[0] !== 'j' || isSyllable(word)) return undefined;
  const gi = `gi${word.slice(word[1] === 'i' ? 2 : 1)}`;
  return isSyllable(gi) ? gi : undefined;
}

/** "nhatt", "roiii", "khongg": a last letter held down, when the word without the repeats is a syllable. */
function unstretched(word: string): string | undefined {
  if (word.length < 3 || word.at(-1) !== word.at(-2) || isSyllable(word)) return undefined;
  const base = word.replace(/(.)\1+$/, '$1');
  return base !== word && isSyllable(base) ? base : undefined;
}

/** "sotttt", "sonv", "sotc": "sở" typed onto an agency's initials, apart ("so tttt"), when the rest is known. */
function soJoined(word: string): string[] | undefined {
  if (word.length < 4 || !word.startsWith('so') || isSyllable(word)) return undefined;
  const rest = word.slice(2);
  const known = REWRITE_TOKENS.has(`so ${rest}`) || REWRITE_TOKENS.has(rest) ? rest : undoubled(rest);
  return known && (REWRITE_TOKENS.has(`so ${known}`) || REWRITE_TOKENS.has(known)) ? ['so', known] : undefined;
}

/**
 * An abbreviation typed with a letter of a run doubled or dropped ("sttttt", "ubndd", "sttt" for "stttt"): the known
 * one a letter less or more, if there is one.
 */
function undoubled(word: string): string | undefined {
  if (word.length < 4 || word.length > 9 || !/^[bcdghklmnpqrstvx&]+$/.test(word)) return undefined;
  for (let i = 1; i < word.length; i++) {
    if (word[i] !== word[i - 1]) continue;
    const fewer = word.slice(0, i) + word.slice(i + 1);
    if (REWRITE_TOKENS.has(fewer)) return fewer;
    const more = word.slice(0, i) + word.slice(i - 1);
    if (i >= 2 && word[i - 2] === word[i] && REWRITE_TOKENS.has(more)) return more;
  }
  return undefined;
}

/** Canonical words of any text (plan cell, alias or question). */
export function canonicalTokens(text: string): string[] {
  return rewrite(repair(tokenize(fold(clean(text)))), text);
}

/**
 * Canonical words with separators ("," ";" "(" ")") kept, for scanning agency cells. Rewrites do not cross
 * separators.
 */
export function canonicalTokensWithSeparators(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const t of tokenizeWithSeparators(fold(clean(text)))) {
    if (t === ',' || t === ';' || t === '(' || t === ')') {
      out.push(...rewrite(repair(run)), t);
      run = [];
    } else run.push(t);
  }
  out.push(...rewrite(repair(run)));
  return out;
}

export const SEPARATORS = new Set([',', ';', '(', ')']);

/** Each word with the next, in order ("tập huấn nghị định" → "tập huấn", "huấn nghị", "nghị định"). */
export function wordPairs(words: readonly string[]): string[] {
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}
