// Conversations: each turn is asked after the ones before it, in one chat (`npm run ask -- --json --chat`), and
// checked like the shared runner's cases. Run them with: node test/eval/run.mjs --verbose
const Q4_2018 = ['quy iv/2018', '31/12/2018'];

export const conversations = [
  {
    tag: 'follow-up',
    today: '2019-04-10',
    turns: [
      { q: 'Sở Tài chính phải làm gì?', must: [['muc chi']] },
      { q: 'còn Sở Nội vụ thì sao?', must: [['che do chinh sach']], not: ['muc chi'] },
      { q: 'cái thứ 2 là gì', must: [['i 2'], ['van ban quy pham phap luat']] },
      { q: 'vậy ai phối hợp?', must: [['phoi hop'], ['cac co quan don vi lien quan']] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-04-10',
    turns: [
      { q: 'ai chủ trì thành lập trung tâm phục vụ hành chính công', must: [['noi vu']] },
      { q: 'việc đó hạn khi nào?', must: [Q4_2018] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-04-10',
    turns: [
      { q: 'Sở Nội vụ phải làm gì', must: [['che do chinh sach']] },
      { q: 'trong đó việc nào quá hạn', must: [['qua han'], ['noi vu'], ['i 3']], not: ['bo tri tru so'] },
    ],
  },
];
