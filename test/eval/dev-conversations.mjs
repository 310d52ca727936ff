// Development conversations for Kế hoạch 4561/KH-UBND (Bến Tre, 2018): follow-ups that name neither task nor agency,
// asked after a card or a list. Same format as the conversations of shared/eval/questions.mjs; each turn is scored
// like a case (folded reply: lower case, no diacritics, đ->d, other characters -> one space).

const VP = ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'van phong ubnd', 'vpub'];
const SNV = ['noi vu'];
const KHDT = ['ke hoach va dau tu', 'ke hoach dau tu', 'kh&dt', 'khdt'];
const CA = ['cong an'];
const NHNN = ['ngan hang nha nuoc', 'nhnn'];
const HUYEN = ['cap huyen', 'ubnd huyen', 'cac huyen', 'huyen thanh pho'];
const Q1_2019 = ['quy i/2019', '31/03/2019', '31/3/2019', 'quy 1/2019', 'q1/2019'];
const Q2_2019 = ['quy ii/2019', '30/06/2019', '30/6/2019', 'quy 2/2019', 'q2/2019'];
const Q4_2020 = ['quy iv/2020', '31/12/2020', 'quy 4/2020', 'q4/2020'];
const OVERDUE = ['qua han', 'tre han', 'da tre', 'bi tre', 'het han', 'cham tien do'];
const NOT_OVERDUE = [
  'chua qua han',
  'chua den han',
  'chua toi han',
  'chua het han',
  'chua tre',
  'khong qua han',
  'khong tre',
  'con han',
  'trong han',
  'dang trong thoi han',
  'con thoi gian',
  'sap den han',
  'sap toi han',
  'sap het han',
];
const GROUP_TASKS = ['ho so dien tu', 'cu cong chuc', 'ban hanh ke hoach'];

export const conversations = [
  {
    tag: 'follow-up',
    today: '2019-05-01',
    turns: [
      { q: 'Ai chủ trì việc ban hành quy trình nội bộ, quy trình điện tử?', must: [VP] },
      { q: 'thời hạn?', must: [Q2_2019] },
      { q: 'giờ trễ chưa', must: [NOT_OVERDUE], not: ['da qua han'] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-04-10',
    turns: [
      { q: 'Sở Nội vụ chủ trì những việc gì?', must: [['che do chinh sach'], ['thanh lap trung tam']] },
      { q: 'trong đó cái nào quá hạn', must: [['che do chinh sach'], ['thanh lap trung tam']], not: ['muc chi phuc vu'] },
      { q: 'còn Sở Tài chính?', must: [['muc chi']], not: ['che do chinh sach'] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'Việc kết nối cổng dịch vụ công tỉnh với cơ sở dữ liệu quốc gia về dân cư do ai chủ trì?', must: [VP] },
      { q: 'ai phối hợp?', must: [KHDT, CA, NHNN] },
      { q: 'thời hạn?', must: [Q4_2020] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-06-10',
    turns: [
      { q: 'Những việc nào sắp đến hạn?', must: [['quy trinh noi bo', 'toan bo quy trinh']], not: ['nhan rong phan mem'] },
      { q: 'việc đầu ai chủ trì?', must: [VP] },
      { q: 'đã xong chưa', must: [Q2_2019.concat(NOT_OVERDUE)], not: ['da qua han'] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'Liệt kê các nhiệm vụ mục I', must: [['xay dung ke hoach trien khai'], ['muc chi']] },
      { q: 'việc thứ 3 thì sao', must: [['che do chinh sach']], not: ['muc chi phuc vu'] },
      { q: 'ai phụ trách?', must: [SNV] },
      { q: 'còn việc đầu?', must: [VP] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2021-01-10',
    turns: [
      { q: 'Sở TT&TT chủ trì những việc nào?', must: [['an toan thong tin']] },
      { q: 'trong đó cái nào quá hạn', must: [['nhan rong phan mem'], ['nang cap cong dich vu cong']], not: ['an toan thong tin'] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'Sở Giáo dục và Đào tạo phải làm gì', must: [GROUP_TASKS] },
      { q: 'còn Sở Y tế?', must: [GROUP_TASKS], not: ['muc chi phuc vu'] },
      { q: 'còn Công an tỉnh?', must: [['co so du lieu quoc gia', 'dan cu', 'trung uong']], not: ['muc chi phuc vu'] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-02-15',
    turns: [
      {
        q: 'Hiện có việc nào trễ hạn rồi?',
        must: [['xay dung ke hoach trien khai'], ['thanh lap trung tam']],
        not: ['cai tao tru so', 'muc chi phuc vu'],
      },
      { q: 'việc thứ 2 ai chủ trì?', must: [VP, SNV] },
      { q: 'ai phối hợp?', must: [['lien quan']] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'UBND cấp huyện chủ trì những việc gì?', must: [['cai tao tru so']] },
      { q: 'còn cấp xã?', must: [['cai tao tru so']], not: ['muc chi phuc vu'] },
      { q: 'trong đó cái nào làm hằng năm', must: [['ra soat de xuat', 'lien thong']], not: ['cai tao tru so'] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-03-25',
    turns: [
      { q: 'Bố trí trụ sở, trang thiết bị tại Trung tâm Phục vụ hành chính công tỉnh: ai lo?', must: [VP] },
      { q: 'hạn chót?', must: [Q1_2019] },
      { q: 'còn mấy ngày nữa', must: [['6 ngay', '7 ngay', 'sau ngay', 'bay ngay']] },
      {
        q: 'đã xong chưa',
        must: [NOT_OVERDUE.concat(['chua co bao cao', 'chua co thong tin', 'chua cap nhat', 'chua hoan thanh', 'chua xong', 'dang thuc hien'])],
        not: ['da qua han'],
      },
    ],
  },
  {
    tag: 'follow-up',
    today: '2020-10-05',
    turns: [
      { q: 'Quý III/2020 có những việc gì?', must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']] },
      { q: 'giờ trễ chưa', must: [OVERDUE], not: ['chua qua han', 'chua den han', 'con han'] },
      { q: 'việc thứ 2 ai phối hợp?', must: [['lien quan']] },
    ],
  },
  {
    tag: 'follow-up',
    turns: [
      { q: 'Mức chi phục vụ một cửa do ai quy định?', must: [['tai chinh']] },
      { q: 'khi nào phải xong', must: [Q1_2019] },
      { q: 'sao lại ghi là dự kiến', must: [['thong tu', 'bo tai chinh']] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-01-20',
    turns: [
      { q: 'Việc cuối cùng trong mục II là gì?', must: [['danh gia viec giai quyet']] },
      { q: 'bao lâu làm một lần?', must: [['hang quy', 'moi quy']] },
      { q: 'ai phụ trách?', must: [VP, HUYEN] },
    ],
  },
  {
    tag: 'follow-up',
    today: '2019-09-20',
    turns: [
      { q: 'Sở Thông tin và Truyền thông phối hợp những việc nào?', must: [['ho so dien tu', 'chuyen doi ho so']] },
      { q: 'ai chủ trì việc đó?', must: [['co quan chuyen mon']] },
      { q: 'thời hạn?', must: [['thuong xuyen']] },
      { q: 'giờ trễ chưa', must: [['thuong xuyen', 'khong co han', 'khong qua han', 'chua qua han', 'khong tre', 'chua tre']], not: ['da qua han'] },
    ],
  },
];
