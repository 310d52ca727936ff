// The kinds of question "Answers officials can rely on" added, in the shared runner's format: run them with
//   node ../shared/eval/run.mjs test/eval/cases.mjs --verbose
// Each inner list of `must` is one thing the reply must say (any one spelling); `not` must not appear. Checked on
// the folded reply (lower case, no diacritics, other characters -> one space). What each expects was read from the
// plan's text, not from the bot's output.
const VP = ['vp ubnd tinh', 'van phong ubnd tinh'];
const SNV = ['noi vu'];
const Q4_2018 = ['quy iv/2018', '31/12/2018'];

export const cases = [
  // Counts come first.
  { tag: 'count', q: 'VP.UBND tỉnh chủ trì bao nhiêu nhiệm vụ?', today: '2019-04-10', must: [['chu tri 14 nhiem vu']] },
  { tag: 'count', q: 'Kế hoạch có bao nhiêu nhiệm vụ?', must: [['19 nhiem vu'], ['muc iv']] },
  { tag: 'count', q: 'mục II có bao nhiêu nhiệm vụ', today: '2019-04-10', must: [['co 9 nhiem vu']], not: ['muc chi'] },
  // Two agencies together.
  { tag: 'together', q: 'VP UBND và Sở TTTT cùng chủ trì những việc nào', today: '2019-04-10', must: [['3 nhiem vu'], ['iii 1'], ['iii 2']], not: ['muc chi'] },
  // Combinations, and never a false "no".
  { tag: 'no-false-no', q: 'Sở Nội vụ có việc gì quá hạn trong quý I/2019', today: '2019-01-07', must: [['khong co nhiem vu nao qua han'], ['i 3']] },
  { tag: 'no-false-no', q: 'Sở Nội vụ phối hợp việc gì', today: '2019-04-10', must: [['khong phoi hop'], ['chu tri'], ['i 3']] },
  { tag: 'no-false-no', q: 'sở abc phải làm gì', must: [['so abc']], not: ['muc chi'] },
  { tag: 'waiting', q: 'việc nào đang chờ thông tư', today: '2019-01-07', must: [['i 3'], ['i 4'], ['thong tu']] },
  // The document itself.
  { tag: 'document', q: 'kế hoạch căn cứ văn bản nào', must: [['61/2018/nd cp'], ['985/qd ttg']] },
  { tag: 'document', q: 'ai ký kế hoạch', must: [['cao van trong']] },
  { tag: 'document', q: 'kế hoạch gửi cho những ai', must: [['kho bac nha nuoc tinh']] },
  { tag: 'document', q: 'mục tiêu bao nhiêu phần trăm', must: [['20%'], ['50%']], not: ['tien do'] },
  // English, answered in English.
  { tag: 'english', q: 'which tasks does the Department of Home Affairs lead?', today: '2019-04-10', must: [['leads'], ['i 3']], not: ['chu tri ('] },
  { tag: 'english', q: 'who leads setting up the public administration service center', today: '2019-04-10', must: [VP, SNV, ['lead']] },
  { tag: 'english', q: 'what is the plan based on', must: [['61/2018/nd cp'], ['based on']] },
  // Dates in context.
  { tag: 'dates', q: 'tuần tới có việc gì đến hạn', today: '2019-01-07', must: [['14/01/2019'], ['20/01/2019']] },
  { tag: 'dates', q: 'Sở Nội vụ có việc gì quá hạn', today: '2026-11-29', must: [['2018 2020'], ['i 1']] },
  { tag: 'dates', q: 'Quý IV/2018 có những việc gì phải xong?', today: '2019-04-10', must: [Q4_2018, ['ii 1']] },
];
