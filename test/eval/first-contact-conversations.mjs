export const conversations = [
  {
    tag: 'follow-up',
    turns: [
      {
        q: 'Ai chủ trì ban hành quy trình nội bộ, quy trình điện tử giải quyết từng TTHC?',
        must: [['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'vpub', 'van phong ubnd']],
      },
      { q: 'hạn khi nào?', must: [['quy ii/2019', '30/06/2019', '30/6/2019', 'quy 2/2019', 'q2/2019']] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      {
        q: 'viec chuyen ho so giay sang ho so dien tu do ai chu tri?',
        must: [['co quan chuyen mon'], ['cap huyen', 'ubnd huyen', 'cac huyen', 'huyen thanh pho']],
      },
      {
        q: 'ai phối hợp?',
        must: [
          ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'vpub', 'van phong ubnd'],
          ['thong tin va truyen thong', 'thong tin truyen thong', 'tt&tt', 'tttt'],
        ],
      },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-05-10',
    turns: [
      {
        q: 'Hạn bố trí trụ sở, trang thiết bị tại Trung tâm Phục vụ HCC tỉnh là khi nào?',
        must: [['quy i/2019', '31/03/2019', '31/3/2019', 'quy 1/2019', 'q1/2019']],
      },
      { q: 'xong chưa?', must: [['qua han', 'tre han', 'het han', 'overdue']] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'Quý III/2020 có việc nào đến hạn?', must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']] },
      {
        q: 'việc thứ 2 do ai chủ trì?',
        must: [
          ['thong tin va truyen thong', 'thong tin truyen thong', 'tt&tt', 'tttt'],
          ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'vpub', 'van phong ubnd'],
        ],
        not: ['cap huyen', 'cap xa'],
      },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'Sở Nội vụ phải làm những việc gì?', must: [['che do chinh sach']] },
      { q: 'còn Sở Tài chính?', must: [['muc chi']], not: ['che do chinh sach'] },
    ],
  },
];
