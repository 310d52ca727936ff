/**
 * Questions typed in English. A question is taken as English when most of its words are English function words
 * or words of the glossary; it is then rewritten onto the Vietnamese cues and names the engine understands (the
 * plan's tasks are in Vietnamese, so task words go through a glossary of the domain's terms), and answered in
 * English. Anything the glossary does not know stays as typed. The glossary and the function words are data:
 * data/language/en.json.
 */
import { isSyllable } from '../text/canonical.ts';
import { fold } from '../text/fold.ts';
import { english } from './language.ts';

/** The glossary (data/language/en.json) as word lists, longest first, so that the longest match wins at each place. */
let tables: { byFirst: Map<string, (readonly [string[], string[]])[]>; words: Set<string>; functionWords: Set<string> } | undefined;
function glossary() {
  if (!tables) {
    const data = english();
    tables = {
      // Keys read as questions are: "people's" is "people" once the possessive is dropped (see fromEnglish).
      // By first word, longest first: a question's word is looked up among the phrases it can begin.
      byFirst: data.glossary
        .map(([en, vi]) => [asTyped(en).split(' '), vi ? vi.split(' ') : []] as const)
        .sort((a, b) => b[0].length - a[0].length)
        .reduce((m, e) => {
          const list = m.get(e[0][0]!);
          if (list) list.push(e);
          else m.set(e[0][0]!, [e]);
          return m;
        }, new Map<string, (readonly [string[], string[]])[]>()),
      words: new Set(data.glossary.flatMap(([en]) => asTyped(en).split(' '))),
      functionWords: new Set(data.functionWords),
    };
  }
  return tables;
}

/** A glossary key as a question reaches the lookup: possessives dropped, hyphens as spaces. */
const asTyped = (key: string) => key.replace(/(\w)'s\b/g, '$1').replace(/-/g, ' ');

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fourteen: '14',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fortyfive: '45',
  fifty: '50',
  sixty: '60',
  ninety: '90',
};

/** Whether the glossary knows the word (folded, lowercase) as English: "app", "plan", "thanks" are no acronyms. */
export function isEnglishWord(word: string): boolean {
  const { words, functionWords } = glossary();
  return words.has(word) || functionWords.has(word);
}

/**
 * Whether a question is in English: its words are mostly English function words or glossary terms. Vietnamese marks
 * outside names make it Vietnamese, unless English words are most of it ("who phối hợp with the police?" is English
 * with the plan's words in it). A short one ("overdue?", "II.5 days left?", "4561 legal basis?") is English when its
 * known words include one no Vietnamese syllable spells and outnumber the Vietnamese syllables it has.
 */
export function looksEnglish(text: string): boolean {
  // Capitalised names keep their marks: "What does Báo Đồng Khởi have to do?" is English with a name in it.
  const unnamed = text
    .normalize('NFC')
    .replace(/[’']/g, '')
    .replace(/(?<![\p{L}])\p{Lu}\p{L}*/gu, ' ');
  const marked = unnamed.split(/[^\p{L}]+/u).filter((w) => /[\u00C0-\u1EF9]/.test(w)).length;
  const tokens = lowerTokens(text);
  // Roman numerals and "Q3" are ids and periods in either language; "k", "j", "b" are Vietnamese shorthand.
  const words = tokens.filter((w) => /^[a-z']{2,}$/.test(w) && !/^(?:i{1,3}|iv|vi{0,3})$/.test(w));
  const shorthand = tokens.filter((w) => /^[b-hj-pr-z]$/.test(w)).length;
  const { functionWords } = glossary();
  const english = glossaryWords(words);
  if (shorthand > 0 && english.length < 4 * shorthand) return false;
  // "kh 4561 co may can cu": Vietnamese shorthand ("kh", "ko", "dc") with fewer than three English words around it that
  // no Vietnamese syllable spells ("may", "can", "co" do).
  // ("88/KH-UBND issued by?": a plan's number holds "KH", no shorthand.)
  const viShorthand = lowerTokens(text.replace(/\d+\s*\/\s*kh[\w-]*/giu, ' ')).filter((w) => VI_SHORTHAND.has(w)).length;
  if (viShorthand > 0 && english.filter((w) => !VI_SHORTHAND.has(w) && !isSyllable(w)).length < 3 * viShorthand) return false;
  if (marked > 0) return english.length >= 3 && english.length >= 1.5 * marked && english.some((w) => functionWords.has(w));
  // "tien do" is Vietnamese though "do" is an English word: English needs a word no Vietnamese syllable spells.
  const unlikeVietnamese = english.some((w) => !isSyllable(w)) || english.length >= 3 || (english.length === words.length && words.length >= 2);
  if (words.length >= 2 && english.length / words.length >= 0.5 && words.some((w) => functionWords.has(w)) && unlikeVietnamese) return true;
  const vietnamese = words.filter((w) => isSyllable(w) && !english.includes(w)).length;
  return english.length >= 1 && english.length >= 2 * vietnamese && english.length / words.length >= 0.5 && english.some((w) => !isSyllable(w));
}

/**
 * A Vietnamese question with English words in it, as officials mix them ("Who sign plan 4561, chức vụ gì?", "How many
 * việc in phần quản lý chất thải?"): two English words or more that no Vietnamese syllable spells, one of them a
 * function word. It is read through the glossary too (Vietnamese words pass through it as they are).
 */
export function mixedEnglish(text: string): boolean {
  const english = glossaryWords(lowerTokens(text).filter((w) => /^[a-z']{2,}$/.test(w) && !isSyllable(w)));
  return english.length >= 2 && english.some((w) => glossary().functionWords.has(w));
}

/** Vietnamese shorthand officials type ("kh" kế hoạch, "ko" không, "dc" được, "nv" nhiệm vụ). */
const VI_SHORTHAND = new Set(['kh', 'ko', 'khg', 'dc', 'nv', 'vb', 'bn', 'tthc']);

/** A question's words, lower-cased, split at anything but letters and apostrophes. */
const lowerTokens = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    // "what's", "who's", "it's": the word before the contraction ("what") is the English one.
    .replace(/(\p{L})['’](?:s|re|ve|ll|d)\b/gu, '$1')
    .split(/[^\p{L}']+/u);

/** The words the glossary knows, as keys or function words, and the months' names. */
function glossaryWords(words: readonly string[]): string[] {
  const { words: known, functionWords } = glossary();
  return words.filter((w) => functionWords.has(w) || known.has(w) || MONTHS.includes(w));
}

/**
 * "Is X one of the agencies in charge of …", "Are X among the leads for …", "Does X have to support …", "Is X listed as
 * a coordinating agency …": a body (group 1), then a lead role (2) or a coordinating one (3), then the work (4).
 */
const ROLE_ASKED = (() => {
  const among = '(?:(?:one of|among|amongst|part of) (?:the )?)';
  const lead = `(?:(?:the one|the agency|the body|the department|the office) (?:that|which|who) (?:has|have|needs?|is supposed) to|(?:have|has|need|needs) to (?:lead|take charge of|be in charge of)|listed as (?:a |the )?(?:lead|lead agency|leading agency)(?: for| on| of| in)?|${among}?(?:agencies |bodies |ones |units )?(?:in charge of|responsible for|leading|that leads?|who leads?)|leads?|co leads?|${among}(?:leads|lead agencies|lead bodies|co leads)(?: of| for| on| in)?)`;
  const coordinate = `(?:listed as (?:a |the )?(?:coordinating agency|coordinator|partner|supporting agency)(?: for| on| of| in)?|(?:have|has|need|needs) to (?:support|help|assist|coordinate|work with)|support|supports|supporting|coordinat(?:e|es|ing)|${among}(?:coordinators|coordinating agencies|supporting agencies|supporters|partners)(?: of| for| on| in)?)`;
  return new RegExp(`^ (?:is|are|was|were|does|do|did) (.+?) (?:(${lead})|(${coordinate})) (.+) $`);
})();

/** An English question rewritten onto the Vietnamese cues ("What must the Department of Finance do?" → "so tai chinh phai lam gi"). */
export function fromEnglish(text: string): string {
  let s = ` ${fold(text)
    .replace(/[’]/g, "'")
    // British spellings as the glossary's: "centre" → "center".
    .replace(/\bcentre/g, 'center')
    // "the finance department's duty": the possessive is the name.
    .replace(/(\w)'s\b/g, '$1')
    // "the Department of Information and Communications' tasks": a plural's possessive too.
    .replace(/(s)'(?=\s|$)/g, '$1')
    // "the 'schools say no to plastic waste' campaign": quotes around a name are no part of its words.
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1 ')
    // "dept", "depts": the department, the departments.
    .replace(/\bdepts\b\.?/g, 'departments')
    .replace(/\bdept\b\.?/g, 'department')
    // "what % of …", "20%": the glossary's "percent".
    .replace(/%/g, ' percent ')
    // "planning & investment": the glossary's "and".
    .replace(/\s*&\s*/g, ' and ')
    // "district-level", "anti-plastic-waste": the words apart, as the glossary keys them.
    .replace(/(\w)-(?=\w)/g, '$1 ')
    // "… electronic way — who make it?": a clause's break before "who" makes it a question, not a relative clause.
    .replace(/\s*[—–,;:]\s*(?=who\b)/g, ' then ')
    .replace(/[^a-z0-9'&/.\- ]/g, ' ')
    // "… of the Government decree. What is …": a sentence's full stop, not part of its last word ("II.2" keeps its dot).
    .replace(/([a-z])\.(?= |$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()} `;
  // "the third quarter of 2019": a quarter by its ordinal, as "Q3 2019" is read below.
  s = s.replace(
    // (Not the second of two: "from the second to the fourth quarter of 2019" is read whole further on.)
    /(?<!(?:first|second|third|fourth|1st|2nd|3rd|4th)(?: quarter)? (?:to|and|through|until|till)(?: the)?) (?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of| in)? ((?:19|20)\d\d) /g,
    (_, n: string, y: string) =>
      ` q${({ first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 } as Record<string, number>)[n]} ${y} `,
  );
  // "the next three months": numbers as figures.
  s = s.replace(
    / (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|forty five|fifty|sixty|ninety) (?=(?:day|week|month|quarter|year)s? )/g,
    (_, n: string) => ` ${NUMBER_WORDS[n.replace(' ', '')]} `,
  );
  // "Is the connection to the national portal late?", "Has the software been rolled out yet?": one task's state,
  // asked yes or no, as Vietnamese asks it ("… trễ chưa").
  // "What must the finance department do?": "do" closing the question asks what the agency must do.
  s = s.replace(/ (?<!\byou )do $/, ' phai lam gi ');
  // "What must the police do in the health plan?": the same, the plan named after it.
  if (/^ what (?:must|should|does|do|will|has|have|is|are) /.test(s))
    s = s.replace(/ (?<!\byou )do (?=(?:in|for|under|within|as part of|according to) )(?!.* do )/, ' phai lam gi ');
  // "… still on schedule?", "… on track?", "… running late?": the same question in other words.
  // "as of 1 Oct 2019", "as at October 1, 2019", "as of 15/10/2020": the day the asker names, said at the end as
  // Vietnamese says it ("tính đến 1/10/2019"); the states are told at that day.
  let asOfDay = '';
  const dayMonth = s.match(new RegExp(` as (?:of|at) (\\d{1,2})(?:st|nd|rd|th)? ${MONTH_NAME} ((?:19|20)\\d\\d) `));
  const monthDay = s.match(new RegExp(` as (?:of|at) ${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)? ((?:19|20)\\d\\d) `));
  const numeric = s.match(/ as (?:of|at) (\d{1,2}\/\d{1,2}\/(?:19|20)\d\d) /);
  // "as of February 2025": the month, as Vietnamese says it ("tính đến tháng 2/2025").
  const inMonth = s.match(new RegExp(` as (?:of|at) (?:(?:the )?(early|mid|late|end of) )?${MONTH_NAME} ((?:19|20)\\d\\d) `));
  if (dayMonth) asOfDay = `${dayMonth[1]}/${monthNumber(dayMonth[2]!)}/${dayMonth[3]}`;
  else if (monthDay) asOfDay = `${monthDay[2]}/${monthNumber(monthDay[1]!)}/${monthDay[3]}`;
  else if (numeric) asOfDay = numeric[1]!;
  else if (inMonth) {
    const part = ({ early: 'dau ', mid: 'giua ', late: 'cuoi ', 'end of': 'het ' } as Record<string, string>)[inMonth[1] ?? ''] ?? '';
    asOfDay = `${part}thang ${monthNumber(inMonth[2]!)}/${inMonth[3]}`;
  }
  const asOfPhrase = (dayMonth ?? monthDay ?? numeric ?? inMonth)?.[0];
  if (asOfPhrase) s = s.replace(asOfPhrase, ' ');
  // "as of 15 February 2019", "as of early June 2024": the day the asker is at, which today already is.
  s = s.replace(
    new RegExp(
      ` as (?:of|at) (?:(?:early|mid|late|the (?:start|beginning|middle|end) of) )?(?:\\d{1,2}(?:st|nd|rd|th)? )?${MONTH_NAME}(?: \\d{1,2}(?:st|nd|rd|th)?)?(?: (?:19|20)\\d\\d)? `,
    ),
    ' ',
  );
  // "As of today, is …", "As things stand, has …": the moment asked is today's, as every state is.
  s = s.replace(
    /^ (?:as of today|as things stand(?: today| now)?|right now|at the moment|currently|today|now|so far) (?=(?:is|are|has|have|was|were|how|which|what) )/,
    ' ',
  );
  // "Before everyone disappears for the Lunar New Year holiday": before Tết, the words between dropped.
  s = s.replace(/ (?:before|by) (?:\S+ ){0,5}?(?:the )?(?:lunar new year|tet)(?: holidays?| break)? /, ' truoc tet ');
  // "Which agencies help the Statistics Office measure …?", "Who helps the radio station with …?": who works with the
  // lead named, its coordinators.
  s = s.replace(
    /^ (who|which (?:agencies|agency|bodies|body|departments|units)|what (?:agencies|bodies)) (?:helps?|assists?|supports?|backs? up) (?=the |[a-z]+ (?:department|office|committee|station|police)\b)/,
    ' $1 phoi hop voi ',
  );
  // "Is the link to the national databases due by the end of 2020?": the deadline stated, asked back.
  s = s.replace(/^ (?:is|are|was|were) (.+) due (by|in|before|at) (.+) $/, ' $1 han $2 $3 phai khong ');
  // "Is the … guidance something done once a year?": the rhythm stated and asked back, as "… làm hằng năm phải không".
  s = s.replace(
    /^ (?:is|are) (.+?) (?:something |a task |a job |work )?(?:that is |that's )?(?:done|carried out|held|repeated|required) (once a year|once a quarter|once a month|every year|every quarter|every month|yearly|annually|quarterly|monthly) $/,
    ' $1 lam $2 phai khong ',
  );
  // "How is the DIC going with its tasks so far?": that body's progress.
  s = s.replace(
    /^ how (?:is|are) (.+?) (?:going|getting on|doing|progressing)(?: with (?:its|their|the) (?:tasks|work|part))?(?: so far| now| to date)? $/,
    ' $1 tien trinh ',
  );
  // "Which section II task comes due first?": the tasks of that section.
  s = s.replace(/ which (?:section|part) (iv|i{1,3}|[1-6]) (?:tasks?|items?|jobs?) /g, ' nhiem vu nao muc $1 ');
  // "police in charge of the population data hookup?": a body and a role, asked as a question with no verb before
  // them — "có … chủ trì … không".
  if (/\?\s*$/.test(text))
    s = s.replace(
      /^ (?!(?:who|what|which|when|where|how|why|is|are|was|were|does|do|did|has|have|can|will|should|must)\b)((?:\S+ ){1,5}?)(?:in charge of|responsible for|leading|the lead (?:on|for)) (.+) $/,
      ' co $1 chu tri $2 khong ',
    );
  // "section 2 plus section 3 task count": how many tasks.
  s = s.replace(/ tasks? count $/, ' bao nhieu nhiem vu ');
  // "Has anything gone overdue yet?", "do commune-level committees have any overdue tasks": asked yes or no.
  s = s
    .replace(
      /^ (?:has|have|is|are) (?:anything|any tasks?|any work|something|any of them) (?:gone |become |fallen |slipped |been |running )?(overdue|late|behind)(?: yet)? $/,
      ' co viec nao qua han khong ',
    )
    .replace(/^ (?:do|does) (.+?) have any (?:overdue|late) (?:tasks|work|jobs|items)(?: yet)? $/, ' $1 co viec nao qua han khong ');
  // "Which decree and which decision does plan 4561 implement?": the documents it rests on, its legal basis.
  s = s.replace(/^ which (.+?) (?:does|do) (?:the |this )?plan(?: \d+)? (?:implement|carry out|follow|rest on|build on) $/, ' ke hoach dua tren nhung $1 nao ');
  // "What does the yearly review of inter-connected procedures actually require?": what the work is, as "… gồm những gì".
  s = s.replace(
    /^ what (?:does|do|will|would) (?!(?:the |this |that )?(?:plan|kh)\b)(.+?) (?:actually |really |exactly |in practice )?(?:require|involve|entail|consist of|cover|mean|ask for) $/,
    ' $1 gom nhung gi ',
  );
  // "Is it the Department of Justice that reviews …?": whether that body is the one doing the work, as "có phải … không".
  s = s.replace(/^ (?:is|was) it (?!true |right |correct |so |possible |necessary |likely |ok |okay )(.+?) (?:that|who) (.+) $/, ' co phai $1 $2 khong ');
  // "… due by Q1 2019, correct?", "… deadline is Q3 2019 right?": a fact stated and asked back, as "… phải không".
  s = s.replace(/ (?:(?:is that|that is|is it|am i) )?(?:right|correct|true|so)(?: or not)? $| (?:isn't|is not|wasn't) (?:it|that) $/, ' phai khong ');
  // ("… it was due by Q1 2019, correct?": the deadline said, then asked back.)
  if (/ phai khong $/.test(s))
    s = s.replace(/ (?:(?:it|that|this) )?(?:was |is |were |are |will be |should be )?due (?=(?:by|in|on|before|q[1-4]|quarter) )/g, ' han ');
  // "… in charge of rolling out X - yes or no?": asked yes or no, as "… or not".
  s = s.replace(/ (?:- )?(?:yes or no|yes no|y\/n) $/, ' or not ').replace(/ or not or not $/, ' or not ');
  if (/ or not $/.test(s) && !/^ (?:is|are|was|were|does|do|did|has|have) /.test(s)) s = s.replace(/ (in charge of|leading|coordinating) /, ' is $1 ');
  // "Is the Department of Health coordinating the SME programme or not?": asked yes or no, as "có … không".
  if (/ or not $/.test(s))
    s = s.replace(/ or not $/, ' khong ').replace(/ (?:is |are |does |do )?(coordinat\w*|lead\w*|involved|taking part|part of) /, ' co $1 ');
  // "Is the PPC Office one of the agencies in charge of rolling out …?", "Are the district committees among the leads
  // for …?", "Does the police lead any task?": a role asked yes or no, as "X có chủ trì … không".
  else {
    const role = s.match(ROLE_ASKED);
    if (role && !/ (?:and|then) (?:who|which|what|when) /.test(s)) s = ` ${role[1]} co ${role[2] ? 'chu tri' : 'phoi hop'} ${role[4]} khong `;
  }
  // "one-stop expense norms - finished?": the work named, then its state asked after a dash.
  s = s.replace(/ - (?:is it |it s |all )?(?:finished|done|completed|complete)(?: yet)? $/, ' xong chua ');
  // "II.2 late?", "III.4 done?": one task's state asked tersely, as "… trễ chưa".
  if (/^ (?:task )?[ivx]+\.\d{1,2}[a-z]? (?:already |still |yet )?(?:late|overdue|done|finished|completed|on time|on track|on schedule) $/.test(s))
    s = `${s.replace(/ (?:on time|on track|on schedule) $/, ' late ')}chua `;
  // "… overdue now?", "… done already?": the moment asked is today's, as every state is.
  if (/^ (?:is|are|has|have|was|were) /.test(s)) s = s.replace(/ (?:right now|now|already|currently|at the moment|as of today|today) $/, ' ');
  // "… late, or is it ongoing?", "… done, or is there still time?": the other way of the same state, asked after it.
  s = s.replace(
    / (late|overdue|delayed|behind(?: schedule)?|done|finished|completed|published|issued)(?: yet)? or (?:is it |it is |is there |there is |are we |still )*(?:ongoing|in progress|underway|under way|on track|on time|on schedule|still time|time left|fine|ok|okay)(?: yet| still)? $/,
    (_, state: string) => (/^(?:done|finished|completed|published|issued)$/.test(state) ? ` ${state} yet ` : ' late '),
  );
  // "Where are we on the yearly review …?", "How is the national portal connection going?": one work's state.
  s = s
    // "Where does the Education Department stand with its digital transformation tasks?": that body's progress.
    .replace(/^ where (?:does|do|is|are) (.+?) stand(?:ing)? (?:with|on) (?:its|their) (?:\S+ ){0,4}?(?:tasks|work|part|jobs) $/, ' $1 tien trinh ')
    .replace(/^ where (?:are|do) (?:we|things) (?:stand )?(?:on|with) (.+) $/, ' $1 toi dau roi ')
    .replace(/^ how (?:is|are) (?!things |it )(.+) (?:going|coming along|progressing|getting on) $/, ' $1 toi dau roi ');
  s = s.replace(/ (?:still )?(?:on (?:schedule|track|time)|within (?:the |its )?(?:deadline|due date)|in time) $/, ' on time ');
  s = s.replace(/ (?:still )?(?:running late|delayed|past due|past (?:its|the) (?:deadline|due date)|behind(?: schedule)?) $/, ' late ');
  // "Has the unified software been rolled out to all agencies?": whether it is done.
  if (/^ (?:has|have) (?!.* (?:who|when|which|what) ).* been /.test(s) && !/ (?:late|overdue|done|finished|completed|yet|on time) $/.test(s))
    s = `${s}xong chua `;
  if (/^ (?:is|are|has|have|was|were) /.test(s) && / (?:late|overdue|done|finished|completed|yet|on time) $/.test(s))
    s = `${s.replace(/ yet $/, ' ').replace(/ on time $/, ' tre han ')}chua `;
  // Quarters and years as English writes them: "Q4 2018", "quarter 4 of 2018", "in 2019".
  const ORD: Record<string, string> = {
    first: '1',
    second: '2',
    third: '3',
    fourth: '4',
    '1st': '1',
    '2nd': '2',
    '3rd': '3',
    '4th': '4',
    last: '4',
    final: '4',
  };
  const month = `(${MONTHS.join('|')})`;
  // "Sep 2025", "end of Oct 2019": a month cut short before its year, written out.
  s = s.replace(/ (jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec) (?=(?:19|20)\d\d )/g, (_, m: string) => ` ${MONTHS[monthNumber(m) - 1]} `);
  s = s
    // "between Q2 and Q4 2019", "from the second to the fourth quarter of 2019": a span of quarters.
    .replace(/ (?:between|from) (?:q|quarter )([1-4]) (?:and|to) (?:q|quarter )([1-4])(?: of| in)? ((?:19|20)\d\d) /g, ' quy $1 den quy $2/$3 ')
    // "between Q3 2019 and Q3 2020": two quarters, each with its year.
    .replace(
      / (?:between|from) (?:q|quarter )([1-4])(?: of| in)? ((?:19|20)\d\d) (?:and|to|until|till|through) (?:the end of )?(?:q|quarter )([1-4])(?: of| in)? ((?:19|20)\d\d) /g,
      ' tu quy $1/$2 den quy $3/$4 ',
    )
    .replace(
      / (?:between|from) (?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) (?:quarter )?(?:and|to) (?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarters? (?:of |in )?((?:19|20)\d\d) /g,
      (_, a: string, b: string, y: string) => ` quy ${ORD[a]} den quy ${ORD[b]}/${y} `,
    )
    .replace(
      / (?:the )?(first|second|third|fourth|1st|2nd|3rd|4th|last|final) quarter (?:of |in )?((?:19|20)\d\d) /g,
      (_, o: string, y: string) => ` quy ${ORD[o]}/${y} `,
    )
    .replace(
      / (?:the )?(first|second) half (?:of |in )?(?:the )?(?:year )?((?:19|20)\d\d) /g,
      (_, h: string, y: string) => ` 6 thang ${h === 'first' ? 'dau' : 'cuoi'} nam ${y} `,
    )
    // "between 1/1/2019 and 30/6/2019", "from 1/7 to 30/9/2019": the days between.
    .replace(
      / (?:between|from) (\d{1,2}\/\d{1,2}(?:\/(?:19|20)\d\d)?) (?:and|to|until|till|through) (\d{1,2}\/\d{1,2}(?:\/(?:19|20)\d\d)?) /g,
      ' tu $1 den $2 ',
    )
    // "between now and the end of the year": from today to the year's end.
    .replace(/ (?:from now|from today|between now|between today) (?:to|until|till|and) (?:the )?end of (?:the |this )?year /g, ' tu nay den cuoi nam ')
    // "overdue on 10 January 2019": the day the asker is at, which today already is.
    .replace(new RegExp(` (overdue|late) (?:on|as of|at) (?:\\d{1,2} )?${month}(?: \\d{1,2})?(?: (?:19|20)\\d\\d)? `, 'g'), ' $1 ')
    // "from now to the end of September", "between now and end of June": what falls due from today to then.
    .replace(
      new RegExp(` (?:from now|from today|between now|between today) (?:to|until|till|and) (?:the )?end of ${month}(?: ((?:19|20)\\d\\d))? `, 'g'),
      (_, mo: string, y?: string) => ` tu nay den cuoi thang ${monthNumber(mo)}${y ? `/${y}` : ''} `,
    )
    .replace(
      new RegExp(` (?:by |before )(?:the )?end of ${month}(?: ((?:19|20)\\d\\d))? `, 'g'),
      (_, mo: string, y?: string) => ` truoc cuoi thang ${monthNumber(mo)}${y ? `/${y}` : ''} `,
    )
    .replace(
      new RegExp(` (?:by |before )(\\d{1,2}) ${month} ((?:19|20)\\d\\d) `, 'g'),
      (_, d: string, mo: string, y: string) => ` truoc ${d}/${monthNumber(mo)}/${y} `,
    )
    // "from April to September 2019", "between April and September 2019": the months between.
    .replace(
      new RegExp(` (?:from|between) ${month} (?:to|and|until|till|through) ${month} ((?:19|20)\\d\\d) `, 'g'),
      (_, a: string, b: string, y: string) => ` tu thang ${monthNumber(a)} den thang ${monthNumber(b)}/${y} `,
    )
    .replace(new RegExp(` ${month} ((?:19|20)\\d\\d) `, 'g'), (_, mo: string, y: string) => ` thang ${monthNumber(mo)}/${y} `)
    .replace(
      / (?:in |within |over )?(?:the )?next (\d{1,3}) (day|week|month)s? /g,
      (_, n: string, u: string) => ` ${n} ${u === 'day' ? 'ngay' : u === 'week' ? 'tuan' : 'thang'} toi `,
    )
    // "in the 2 weeks ahead": a window from today.
    .replace(
      / (?:in |within |over |during |for )?(?:the )?(\d{1,3}) (day|week|month)s? ahead /g,
      (_, n: string, u: string) => ` ${n} ${u === 'day' ? 'ngay' : u === 'week' ? 'tuan' : 'thang'} toi `,
    )
    // "in the coming 6 weeks", "over the next 10 days": a window from today.
    .replace(
      / (?:in |within |over |during |for )?the (?:coming|next|upcoming) (\d{1,3}) (day|week|month)s? /g,
      (_, n: string, u: string) => ` ${n} ${u === 'day' ? 'ngay' : u === 'week' ? 'tuan' : 'thang'} toi `,
    )
    // "within ten days from now", "in 2 weeks' time", "within 2 weeks": the same window from today.
    .replace(
      / (?:in|within) (\d{1,3}) (day|week|month)s?(?: (?:from now|from today|time|ahead))? /g,
      (_, n: string, u: string) => ` ${n} ${u === 'day' ? 'ngay' : u === 'week' ? 'tuan' : 'thang'} toi `,
    )
    // "People's Committee of Ba Tri district", "Ba Tri District People's Committee", "Chau Thanh district".
    .replace(
      / (?:the )?people'?s? committee of ([a-z ]+?) (district|commune|city|town) /g,
      (_, n: string, k: string) => ` ubnd ${k === 'commune' ? 'xa' : k === 'district' ? 'huyen' : 'thanh pho'} ${n} `,
    )
    // ("Mo Cay Nam district People's Committee": up to three words of a name, as below.)
    .replace(/ ([a-z]+(?: [a-z]+){0,2}) (district|commune) (?:people'?s? committee|pc) /g, (x, n: string, level: string) => {
      const words = n.split(' ');
      let k = words.length === 3 && isEnglishWord(words[0]!) ? 1 : 0;
      while (k < words.length - 1 && glossary().functionWords.has(words[k]!)) k++;
      const name = words.slice(k);
      return name.some((w) => ['the', 'each', 'every', 'all', 'a', 'which', 'of'].includes(w))
        ? x
        : ` ${[...words.slice(0, k), 'ubnd', level === 'commune' ? 'xa' : 'huyen', ...name].join(' ')} `;
    })
    // ("What is Mo Cay Nam district expected to do": up to three words of a name, the English ones before it left.)
    .replace(/ ([a-z]+(?: [a-z]+){0,2}) district (?!(?:people|committees?|pcs?|level) )/g, (x, n: string) => {
      const words = n.split(' ');
      // A third word back only when it is no English word ("one-stop desks at district" keeps "one stop").
      let k = words.length === 3 && isEnglishWord(words[0]!) ? 1 : 0;
      while (k < words.length - 1 && glossary().functionWords.has(words[k]!)) k++;
      const name = words.slice(k);
      // ("one-stop sections at district and commune level": English words, no district's name.)
      return name.some((w) => ['the', 'each', 'every', 'all', 'a', 'which', 'of'].includes(w) || glossary().functionWords.has(w))
        ? x
        : ` ${[...words.slice(0, k), 'huyen', ...name].join(' ')} `;
    })
    .replace(/ (?:q|quarter )([1-4])(?: of| in)? ((?:19|20)\d\d) /g, ' quy $1/$2 ')
    // "mid-2019", "the middle of 2019": its middle months.
    .replace(/ (?:the )?(?:mid|middle of)(?: |-)((?:19|20)\d\d) /g, ' giua nam $1 ')
    // "by the end of 2018": the year's end.
    .replace(/ (?:the )?end of (?:the year )?((?:19|20)\d\d) /g, ' cuoi nam $1 ')
    // "in 2018-2019", "between 2018 and 2019", "from 2018 to 2020": the years between, both counted.
    // ("due in 2018 and 2020": two years apart, no span — "between", "from … to" and a dash are spans whatever they hold.)
    .replace(
      / (?:in|during|for|over|from|between) ((?:19|20)\d\d)( ?[-–] ?| to | and | through | until | )((?:19|20)\d\d) /g,
      (x, a: string, by: string, b: string) =>
        / between /.test(x) || !['and', ''].includes(by.trim()) || Number(b) === Number(a) + 1 ? ` giai doan ${a} den ${b} ` : x,
    )
    .replace(/ (?:in|during|for|of) (?:(?:the )?year )?((?:19|20)\d\d) /g, ' nam $1 ');
  // "at district one-stop desks": the desks of that level, as Vietnamese names them ("bộ phận một cửa cấp huyện").
  s = s.replace(
    / (?:in|at) (?:the )?(district|commune)s?(?: and (district|commune)s?)?(?: level)? one stop (?:desks?|sections?|units?|offices?|counters?) /g,
    (_, a: string, b?: string) =>
      ` bo phan mot cua${[a, b]
        .filter(Boolean)
        .map((k) => ` cap ${k === 'district' ? 'huyen' : 'xa'}`)
        .join('')} `,
  );
  // "doctors to work in districts and communes": a place in a task's words, the levels, not their committees.
  s = s.replace(
    / (?:in|at) (?:the )?(district|commune)s?(?: and (district|commune)s?)? /g,
    (_, a: string, b?: string) =>
      [a, b]
        .filter(Boolean)
        .map((k) => ` cap ${k === 'district' ? 'huyen' : 'xa'}`)
        .join('') + ' ',
  );
  // "pieces of this plan": the plan itself, as "trong kế hoạch" says it.
  s = s.replace(/ (?:in|of|under|from) (?:the|this|our|that) plan /g, ' trong ke hoach ');
  // "in the health plan", "in the 2024 digital transformation plan": the plan named by its domain (and year), as
  // Vietnamese says it ("trong kế hoạch y tế", "kế hoạch chuyển đổi số năm 2024").
  s = s.replace(/ (?:in|of|under|from) (?:the |this )?(?:((?:19|20)\d\d) )?([a-z]+(?: [a-z]+){0,2}) plan /g, (x, year: string | undefined, name: string) =>
    /^(?:implementation|action|master|whole|overall|same|current|provincial|province)$/.test(name) ||
    /\b(?:month|quarter|year|week|the|this|a|of|is|are|was|were|in|what|which|who|how)\b/.test(name)
      ? x
      : ` trong ke hoach ${name}${year ? ` nam ${year}` : ''} `,
  );
  // One pass over the words: what a phrase becomes is never looked up again ("tiến độ" is not the English "do").
  const words = s.trim().split(' ');
  const { byFirst, functionWords } = glossary();
  const out: string[] = [];
  for (let k = 0; k < words.length; ) {
    // "Department Finance", "department health": the glossary's "department of …" with "of" left out.
    const of = words[k] === 'department' && words[k + 1] !== 'of' ? ['department', 'of', ...words.slice(k + 1)] : undefined;
    const ofHit = of && byFirst.get('department')?.find(([en]) => en.length > 2 && en.every((w, n) => of[n] === w));
    // "which department of information …": "which department" stops short of the name that runs on after "of".
    const runsOn = (en: readonly string[]) => /^departments?$/.test(en.at(-1)!) && words[k + en.length] === 'of';
    const hit =
      (ofHit ? ([ofHit[0].slice(1), ofHit[1]] as const) : undefined) ??
      byFirst.get(words[k]!)?.find(([en]) => en.every((w, n) => words[k + n] === w) && !runsOn(en)) ??
      // "hooking", "linked", "trains": a word the glossary has in its plain form.
      lemmas(words[k]!)
        .map((w) => byFirst.get(w)?.find(([en]) => en.length === 1))
        .find(Boolean);
    // "the staff who sit at the counters": "who" after a noun begins a clause about it, it asks nobody.
    const relative =
      (words[k] === 'who' || words[k] === 'that') &&
      k > 0 &&
      !functionWords.has(words[k - 1]!) &&
      !/^(?:and|or|but|so|then|tell|know|ask)$/.test(words[k - 1]!);
    if (relative) {
      k++;
    } else if (hit) {
      out.push(...hit[1]);
      k += hit[0].length;
    } else {
      // English words left over carry no meaning for the engine: dropped, so they are not searched as task words.
      // ("Công an tỉnh have any việc": "an" after "công" is the police's name, typed in Vietnamese.)
      if (!functionWords.has(words[k]!) || (words[k] === 'an' && out.at(-1) === 'cong')) out.push(words[k]!);
      k++;
    }
  }
  // "What is Cai Lay district assigned in this plan?": "what is" opening a question of what a body is given or must do
  // is that question, not "là gì" of its subject.
  const read = out.join(' ');
  const given = / (?:duoc giao|phai lam gi|co nhiem vu gi)(?: |$)/.test(` ${read}`);
  const asked = read.startsWith('la gi ') && given ? read.slice('la gi '.length).replace(/ duoc giao(?! gi)/, ' duoc giao gi') : read;
  // "Does X have any part to play …?", "Has Bình Đại fallen behind on any of its tasks?", "any overdue work for …?":
  // a question put yes or no, asked as "có … không" when the reading has not kept that already.
  const yesNo =
    /\?\s*$/.test(text) &&
    /^\s*(?:does|do|did|is|are|was|were|has|have|had|any|anything)\b/i.test(text) &&
    !/\b(?:who|what|which|when|where|how|why)\b/i.test(text) &&
    !/ (?:khong|chua|ko|phai khong)$/.test(` ${asked}`) &&
    !/^co /.test(asked);
  return `${yesNo ? `co ${asked} khong` : asked}${asOfDay ? ` tinh den ${asOfDay}` : ''}`;
}

/** The months as English writes them in full. */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Months in full or cut short ("Oct", "Sept"). */
const MONTH_NAME = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;
/** The month's number of an English month name, full or short. */
function monthNumber(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3))) + 1;
}

/** A word's plain forms, tried when the glossary lacks the word as typed: "hooking" → "hook", "linked" → "link". */
function lemmas(word: string): string[] {
  if (word.length < 5) return [];
  const out: string[] = [];
  for (const [suffix, ...ends] of [
    ['ing', '', 'e'],
    ['ed', '', 'e'],
    ['ies', 'y'],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    for (const end of ends) out.push(stem + end);
    // "planning" → "plan": a doubled last consonant.
    if (stem.length > 3 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
  }
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN_N: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const UNITS: Record<string, string> = { ngày: 'days', tuần: 'weeks', tháng: 'months' };

/** A period's label as an English answer says it: "Quý II/2019" → "Q2 2019", "tháng 6/2019" → "June 2019". */
export function periodLabelEn(label: string): string {
  let m: RegExpMatchArray | null;
  if ((m = label.match(/^Quý (I{1,3}|IV)\/(\d{4})$/u))) return `Q${ROMAN_N[m[1]!]} ${m[2]}`;
  if ((m = label.match(/^Quý (I{1,3}|IV)–(I{1,3}|IV)\/(\d{4})$/u))) return `Q${ROMAN_N[m[1]!]}–Q${ROMAN_N[m[2]!]} ${m[3]}`;
  if ((m = label.match(/^tháng (\d{1,2})\/(\d{4})$/u))) return `${MONTH_NAMES[Number(m[1]) - 1]} ${m[2]}`;
  if ((m = label.match(/^tháng (\d{1,2})–(\d{1,2})\/(\d{4})$/u))) return `${MONTH_NAMES[Number(m[1]) - 1]}–${MONTH_NAMES[Number(m[2]) - 1]} ${m[3]}`;
  if ((m = label.match(/^năm (\d{4})$/u))) return m[1]!;
  if ((m = label.match(/^năm (\d{4})–(\d{4})$/u))) return `${m[1]}–${m[2]}`;
  if ((m = label.match(/^6 tháng (đầu|cuối) năm (\d{4})$/u))) return `the ${m[1] === 'đầu' ? 'first' : 'second'} half of ${m[2]}`;
  if ((m = label.match(/^(\d+) (ngày|tuần|tháng) tới \(đến (.+)\)$/u))) return `the next ${m[1]} ${UNITS[m[2]!]} (to ${m[3]})`;
  if ((m = label.match(/^chậm nhất ngày (.+)$/u))) return `by ${m[1]}`;
  if ((m = label.match(/^từ nay đến hết (.+)$/u))) return `from now to the end of ${periodLabelEn(m[1]!)}`;
  if ((m = label.match(/^từ nay đến (.+)$/u))) return `from now to ${m[1]}`;
  if ((m = label.match(/^từ (\S+) đến (\S+)$/u))) return `from ${m[1]} to ${m[2]}`;
  // "từ Quý III/2019 đến Quý III/2020", "từ tháng 10/2019 đến tháng 3/2020": each end in English.
  if ((m = label.match(/^từ ((?:Quý|tháng) \S+) đến ((?:Quý|tháng) \S+)$/u))) return `from ${periodLabelEn(m[1]!)} to ${periodLabelEn(m[2]!)}`;
  if ((m = label.match(/^tuần này \(đến (.+)\)$/u))) return `this week (to ${m[1]})`;
  if ((m = label.match(/^tuần tới \((.+)\)$/u))) return `next week (${m[1]})`;
  return label;
}

/**
 * A deadline as the plan writes it, said in English: "Quý III/2020" → "Q3 2020", "Dự kiến Quý I/2019" → "expected
 * Q1 2019", "Trước ngày 15/12/2026" → "by 15/12/2026", "Thường xuyên" → "ongoing". Wording it does not know stays.
 */
export function deadlineEn(text: string): string {
  const s = text.normalize('NFC').trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^dự kiến\s+(.+)$/iu))) return `expected ${deadlineEn(m[1]!)}`;
  // "Tháng 11 hằng năm", "Trước ngày 15/12 hằng năm": every year, by that month or day.
  if ((m = s.match(/^tháng\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+năm$/iu)) && MONTH_NAMES[Number(m[1]) - 1])
    return `every year in ${MONTH_NAMES[Number(m[1]) - 1]}`;
  if ((m = s.match(/^(?:trước\s+)?(?:ngày\s+)?(\d{1,2}\/\d{1,2})\s+(?:hằng|hàng|mỗi)\s+năm$/iu))) return `every year by ${m[1]}`;
  // "Trước mùa khô 2026": before that season of that year.
  if ((m = s.match(/^trước\s+mùa\s+(khô|mưa|lũ|mưa bão|bão)\s+(\d{4})$/iu)))
    return `before the ${({ khô: 'dry', mưa: 'rainy', lũ: 'flood', 'mưa bão': 'storm', bão: 'storm' } as Record<string, string>)[m[1]!.toLowerCase()]} season of ${m[2]}`;
  if ((m = s.match(/^(?:trước|chậm nhất|hạn chót)(?: ngày)?\s+(.+)$/iu))) return `by ${deadlineEn(m[1]!)}`;
  if ((m = s.match(/^(?:ngày\s+)?(\d{1,2}\/\d{1,2}\/\d{4})$/u))) return m[1]!;
  const rhythm: Record<string, string> = {
    'thường xuyên': 'ongoing',
    'liên tục': 'ongoing',
    'hằng năm': 'every year',
    'hàng năm': 'every year',
    'hằng quý': 'every quarter',
    'hàng quý': 'every quarter',
    'hằng tháng': 'every month',
    'hàng tháng': 'every month',
    'định kỳ': 'periodically',
  };
  const key = s.toLowerCase().replace(/[.;]$/, '');
  if (rhythm[key]) return rhythm[key];
  // "6 tháng/lần", "3 tháng một lần", "mỗi quý": once per span.
  const per = key.match(
    /^(?:định kỳ\s+)?(?:(?:hằng|hàng|mỗi|từng)\s+)?(6 tháng|nửa năm|3 tháng|quý|1 tháng|tháng|1 năm|năm)(?:(?:\s*\/\s*|\s+(?:một|1)\s+)lần)?$/u,
  );
  const PER_EN: Record<string, string> = {
    '6 tháng': 'six months',
    'nửa năm': 'six months',
    '3 tháng': 'quarter',
    quý: 'quarter',
    '1 tháng': 'month',
    tháng: 'month',
    '1 năm': 'year',
    năm: 'year',
  };
  if (per && (/lần$/u.test(key) || /^(?:mỗi|từng)/u.test(key))) return `every ${PER_EN[per[1]!]}`;
  const lowered = s
    .replace(/^Tháng /u, 'tháng ')
    .replace(/^Năm /u, 'năm ')
    .replace(/^quý /u, 'Quý ')
    .replace(/\s*\/\s*/g, '/');
  const en = periodLabelEn(lowered);
  return en === lowered ? s : en;
}
