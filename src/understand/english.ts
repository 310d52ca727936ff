/**
 * Questions typed in English. A question is taken as English when most of its words are English function words
 * or words of the glossary; it is then rewritten onto the Vietnamese cues and names the engine understands (the
 * plan's tasks are in Vietnamese, so task words go through a glossary of the domain's terms), and answered in
 * English. Anything the glossary does not know stays as typed.
 */
import { fold } from '../text/fold.ts';

/** Longest first: phrases before the words inside them. */
const GLOSSARY: [string, string][] = [
  // Agencies
  ["provincial people's committee office", 'vp ubnd tinh'],
  ["people's committee office", 'vp ubnd tinh'],
  ['ppc office', 'vp ubnd tinh'],
  ['department of home affairs', 'so noi vu'],
  ['home affairs department', 'so noi vu'],
  ['department of finance', 'so tai chinh'],
  ['finance department', 'so tai chinh'],
  ['department of information and communications', 'so thong tin va truyen thong'],
  ['information and communications department', 'so thong tin va truyen thong'],
  ['department of justice', 'so tu phap'],
  ['department of health', 'so y te'],
  ['department of planning and investment', 'so ke hoach va dau tu'],
  ['provincial police', 'cong an tinh'],
  ['state treasury', 'kho bac nha nuoc tinh'],
  ['state bank', 'ngan hang nha nuoc'],
  ["district people's committees", 'ubnd cap huyen'],
  ['district committees', 'ubnd cap huyen'],
  ['districts', 'ubnd cap huyen'],
  ["commune people's committees", 'ubnd cap xa'],
  ['communes', 'ubnd cap xa'],
  ['ba tri district', 'ubnd huyen ba tri'],
  // Domain terms found in task contents
  ['public administration service center', 'trung tam phuc vu hanh chinh cong'],
  ['public administrative service center', 'trung tam phuc vu hanh chinh cong'],
  ['public service center', 'trung tam phuc vu hanh chinh cong'],
  ['national public service portal', 'cong dich vu cong quoc gia'],
  ['public service portal', 'cong dich vu cong'],
  ['one stop shop', 'mot cua'],
  ['one-stop shop', 'mot cua'],
  ['one-stop', 'mot cua'],
  ['administrative procedures', 'thu tuc hanh chinh'],
  ['administrative procedure', 'thu tuc hanh chinh'],
  ['national population database', 'co so du lieu quoc gia ve dan cu'],
  ['population database', 'co so du lieu quoc gia ve dan cu'],
  ['internal procedures', 'quy trinh noi bo'],
  ['spending levels', 'muc chi'],
  ['spending level', 'muc chi'],
  ['information security', 'an toan thong tin'],
  ['electronic records', 'ho so dien tu'],
  ['headquarters', 'tru so'],
  ['legal documents', 'van ban quy pham phap luat'],
  ['what can you do', 'ban lam duoc gi'],
  ['hello', 'xin chao'],
  ['thank you', 'cam on'],
  ['thanks', 'cam on'],
  ['help', 'tro giup'],
  ['is due', 'den han'],
  ['are due', 'den han'],
  ['due in', 'den han'],
  ['set up', 'thanh lap'],
  ['established', 'thanh lap'],
  ['completed', 'xong'],
  ['setting up', 'thanh lap'],
  ['establish', 'thanh lap'],
  ['establishing', 'thanh lap'],
  ['establishment of', 'thanh lap'],
  ['connect', 'ket noi'],
  ['connecting', 'ket noi'],
  ['connection', 'ket noi'],
  // Question forms
  ['what must', ''],
  ['what does', ''],
  ['what do', ''],
  ['have to do', 'phai lam gi'],
  ['has to do', 'phai lam gi'],
  ['must do', 'phai lam gi'],
  ['do', 'phai lam gi'],
  ['tasks of', 'nhiem vu cua'],
  ['what tasks', 'nhiem vu gi'],
  ['who leads', 'ai chu tri'],
  ['who is in charge of', 'ai chu tri'],
  ['who is responsible for', 'ai chu tri'],
  ['in charge of', 'chu tri'],
  ['who coordinates', 'ai phoi hop'],
  ['who supports', 'ai phoi hop'],
  ['coordinate', 'phoi hop'],
  ['coordinates', 'phoi hop'],
  ['lead', 'chu tri'],
  ['leads', 'chu tri'],
  ['what is the deadline for', 'han chot'],
  ['deadline for', 'han chot'],
  ['deadline', 'han chot'],
  ['when must', 'khi nao'],
  ['when is', 'khi nao'],
  ['when', 'khi nao'],
  ['be done', 'xong'],
  ['be finished', 'xong'],
  ['which tasks are overdue', 'viec nao qua han'],
  ['overdue', 'qua han'],
  ['late', 'qua han'],
  ['due soon', 'sap den han'],
  ['coming due', 'sap den han'],
  ['upcoming', 'sap den han'],
  ['progress', 'tien do'],
  ['how many tasks', 'bao nhieu nhiem vu'],
  ['how many', 'bao nhieu'],
  ['in total', 'tong cong'],
  ['ongoing', 'thuong xuyen'],
  ['regular', 'thuong xuyen'],
  ['every year', 'hang nam'],
  ['annual', 'hang nam'],
  ['yearly', 'hang nam'],
  ['every quarter', 'hang quy'],
  ['quarterly', 'hang quy'],
  ['this month', 'thang nay'],
  ['next month', 'thang toi'],
  ['this week', 'tuan nay'],
  ['next week', 'tuan toi'],
  ['next quarter', 'quy toi'],
  ['the plan', 'ke hoach'],
  ['plan', 'ke hoach'],
  ['who signed', 'ai ky'],
  ['signed', 'ky'],
  ['based on', 'can cu'],
  ['purpose', 'muc dich'],
  ['recipients', 'noi nhan'],
  ['and', 'va'],
  ['together', 'cung'],
  ['both', 'cung'],
];

const FUNCTION_WORDS = new Set(
  'what which who whom when where why how is are was were be been do does did must should will would can could you your the a an of for to in on at by with about this that these those there any all my our their its it task tasks have has had need needs done finished due many much please tell me show list'.split(
    ' ',
  ),
);

/** Glossary phrases as word lists, longest first, so that the longest match wins at each place. */
const ENTRIES = GLOSSARY.map(([en, vi]) => [en.split(' '), vi ? vi.split(' ') : []] as const).sort((a, b) => b[0].length - a[0].length);

/** Whether a question is in English: its words are mostly English function words or glossary terms, none Vietnamese. */
export function looksEnglish(text: string): boolean {
  if (/[\u00C0-\u1EF9]/.test(text.normalize('NFC').replace(/[’']/g, ''))) return false;
  const words = text
    .toLowerCase()
    .replace(/[^a-z' ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length < 2) return false;
  const glossary = new Set(GLOSSARY.flatMap(([en]) => en.split(' ')));
  const known = words.filter((w) => FUNCTION_WORDS.has(w) || glossary.has(w)).length;
  return known / words.length >= 0.5 && words.some((w) => FUNCTION_WORDS.has(w));
}

/** An English question rewritten onto the Vietnamese cues ("What must the Department of Finance do?" → "so tai chinh phai lam gi"). */
export function fromEnglish(text: string): string {
  let s = ` ${fold(text)
    .replace(/[’]/g, "'")
    .replace(/[^a-z0-9'&/.\- ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  // Quarters and years as English writes them: "Q4 2018", "quarter 4 of 2018", "in 2019".
  s = s.replace(/ (?:q|quarter )([1-4])(?: of| in)? ((?:19|20)\d\d) /g, ' quy $1/$2 ').replace(/ in ((?:19|20)\d\d) /g, ' nam $1 ');
  // One pass over the words: what a phrase becomes is never looked up again ("tiến độ" is not the English "do").
  const words = s.trim().split(' ');
  const out: string[] = [];
  for (let k = 0; k < words.length; ) {
    const hit = ENTRIES.find(([en]) => en.every((w, n) => words[k + n] === w));
    if (hit) {
      out.push(...hit[1]);
      k += hit[0].length;
    } else {
      // English words left over carry no meaning for the engine: dropped, so they are not searched as task words.
      if (!FUNCTION_WORDS.has(words[k]!)) out.push(words[k]!);
      k++;
    }
  }
  return out.join(' ');
}
