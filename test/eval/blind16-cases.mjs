// Blind evaluation set 16, single questions (26): written from the plan JSON, its source text and agencies.json
// only, without reading how understanding works; scored once on first contact, not tuned on. Conversations:
// blind16-conversations.mjs. Plan 4561/KH-UBND (Bến Tre, 28/9/2018). First contact (with the conversations, at
// c8a0499): 71/97 cases and turns.
// Format as first-contact-cases.mjs: must = list of groups (any one spelling per group), not = list. Matching is on
// the folded reply (lower case, no diacritics, đ->d, other characters -> one space, "/" "%" "&" kept).
// Nothing in the plan is ever reported done, so a task is overdue on a day after its due date.
const VP = ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'vpub', 'van phong ubnd'];
const _TTTT = ['thong tin va truyen thong', 'thong tin truyen thong', 'tt&tt', 'tttt'];
const _Q1_2019 = ['quy i/2019', '31/03/2019', '31/3/2019', 'quy 1/2019', 'q1/2019', 'q1 2019'];
const Q3_2019 = ['quy iii/2019', '30/09/2019', '30/9/2019', 'quy 3/2019', 'q3/2019', 'q3 2019'];
const Q4_2020 = ['quy iv/2020', '31/12/2020', 'quy 4/2020', 'q4/2020', 'q4 2020'];
const INTIME = ['chua den han', 'con han', 'trong han', 'trong thoi han', 'dang thuc hien', 'chua qua han', 'chua het han', 'sap den han', 'ngay nua'];
const NOT_STATED = ['khong neu', 'khong ghi', 'khong co thong tin', 'khong de cap', 'chua co', 'khong quy dinh'];
const NOT_STATED_EN = [...NOT_STATED, 'not state', 'not specif', 'no information', 'does not say', 'not mention', 'not given', 'doesn t'];
const NONE = ['khong co', 'chua co', 'khong thay', 'khong duoc giao', 'khong de cap', 'khong neu', 'khong nhiem vu', 'khong viec', '0 viec', '0 nhiem vu'];

export const cases = [
  // --- two conditions at once ---
  {
    tag: 'two-conditions',
    q: 'Văn phòng UBND tỉnh chủ trì những việc nào có hạn trong quý I/2019?',
    must: [['trang thiet bi tai trung tam'], ['cong bo danh muc']],
    not: ['cai tao tru so', 'muc chi', 'che do chinh sach', 'quy trinh noi bo'],
  },
  {
    tag: 'two-conditions',
    q: 'so tttt chu tri viec nao ma han nam 2020',
    must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']],
    not: ['nang cap cong dich vu cong', 'an toan thong tin', 'co so du lieu quoc gia'],
  },
  {
    tag: 'two-conditions',
    today: '2019-07-10',
    q: 'nhung viec cap xa chu tri ma da tre han',
    must: [['cai tao tru so'], ['quy trinh tiep nhan'], ['thanh lap trung tam', 'kien toan bo phan mot cua']],
    not: ['co so du lieu quoc gia', 'muc chi', 'quy trinh noi bo'],
  },
  {
    tag: 'two-conditions',
    q: 'Có việc nào mà Sở Nội vụ và UBND cấp huyện cùng đứng tên chủ trì không?',
    must: [['thanh lap trung tam', 'kien toan bo phan mot cua']],
    not: ['che do chinh sach', 'cai tao tru so', 'van ban quy pham'],
  },
  {
    tag: 'two-conditions',
    q: "Which tasks led by the Provincial People's Committee Office were due in 2018?",
    must: [['xay dung ke hoach trien khai'], ['van ban quy pham'], ['thanh lap trung tam', 'kien toan bo phan mot cua']],
    not: ['trang thiet bi tai trung tam', 'quy trinh noi bo', 'muc chi'],
  },

  // --- superlatives ---
  {
    tag: 'superlative',
    q: 'Trong các việc Sở TT&TT chủ trì, việc nào hạn sớm nhất?',
    must: [['nang cap cong dich vu cong'], Q3_2019],
    not: ['nhan rong phan mem'],
  },
  {
    tag: 'superlative',
    q: 'quy nao don nhieu viec den han nhat',
    must: [
      ['quy i/2019', 'quy 1/2019', 'q1/2019', 'q1 2019', 'quy i nam 2019'],
      ['5 viec', '5 nhiem vu', '5 cong viec', 'nam viec', 'nam nhiem vu', 'co 5', 'gom 5', 'tong 5', '5 muc'],
    ],
  },
  { tag: 'superlative', q: 'Cơ quan nào phải chủ trì nhiều nhiệm vụ nhất trong kế hoạch?', must: [VP] },
  {
    tag: 'superlative',
    q: 'viec nao cua vp ubnd tinh co han muon nhat',
    must: [['co so du lieu quoc gia', 've dan cu'], Q4_2020],
    not: ['xay dung ke hoach trien khai'],
  },

  // --- a window of dates ---
  {
    tag: 'window',
    today: '2019-01-05',
    q: 'Trong 3 tháng tới có những việc nào tới hạn?',
    must: [['che do chinh sach'], ['muc chi'], ['cai tao tru so'], ['cong bo danh muc']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  {
    tag: 'window',
    q: 'tu thang 4 den thang 9 nam 2019 co nhung han nao',
    must: [['quy trinh noi bo'], ['quy trinh tiep nhan'], ['nang cap cong dich vu cong']],
    not: ['muc chi', 'nhan rong phan mem', 'cai tao tru so'],
  },
  {
    tag: 'window',
    q: 'Từ 1/10/2019 đến 30/6/2020 có việc gì phải hoàn thành không?',
    must: [NONE],
    not: ['quy trinh noi bo', 'muc chi'],
  },
  {
    tag: 'window',
    today: '2020-08-01',
    q: 'What falls due in the next two months?',
    must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']],
    not: ['co so du lieu quoc gia', 'quy trinh noi bo'],
  },

  // --- yes / no ---
  { tag: 'yesno', q: 'Tỉnh Đoàn có được giao việc gì trong kế hoạch này không?', must: [NONE] },
  {
    tag: 'yesno',
    today: '2019-03-20',
    q: 'Tới hôm nay việc bố trí trụ sở, trang thiết bị cho Trung tâm HCC tỉnh đã trễ hạn chưa?',
    must: [[...INTIME, '11 ngay', '12 ngay']],
    not: ['da qua han', 'da tre han'],
  },
  {
    tag: 'yesno',
    q: 'ngan hang nha nuoc co chu tri viec nao ko',
    must: [['phoi hop'], ['co so du lieu quoc gia', 've dan cu', 'thanh toan']],
  },
  {
    tag: 'yesno',
    q: 'Sở KH&ĐT có tham gia việc nối cổng DVC tỉnh với CSDL đăng ký kinh doanh không?',
    must: [['phoi hop'], ['co so du lieu quoc gia', 'dang ky kinh doanh']],
  },

  // --- what the plan does not state ---
  { tag: 'not-stated', q: 'Ai làm giám đốc Trung tâm Phục vụ hành chính công tỉnh?', must: [NOT_STATED] },
  {
    tag: 'not-stated',
    q: 'danh gia viec giai quyet tthc o trung tam hcc phai nop bao cao ngay may',
    must: [['hang quy']],
    not: ['31/12/2018', '31/3/2019'],
  },
  { tag: 'not-stated', q: 'Đơn vị nào trễ hạn thì bị xử lý kỷ luật ra sao?', must: [[...NOT_STATED, 'bao cao chu tich']] },
  { tag: 'not-stated', q: 'How much money does the plan allocate for the one-stop mechanism?', must: [NOT_STATED_EN] },

  // --- the plan's own text ---
  {
    tag: 'text',
    q: 'cac so cu cong chuc ra trung tam hcc thi phan dau giai quyet tai cho bao nhieu phan tram tthc',
    must: [['20%', '20 %', '20 phan tram']],
  },
  { tag: 'text', q: 'Huyện, thành phố phải phấn đấu giải quyết tại chỗ bao nhiêu % TTHC?', must: [['50%', '50 %', '50 phan tram']] },
  { tag: 'text', q: 'Kế hoạch coi giai đoạn nào là trọng tâm?', must: [['2018-2020', '2018 den 2020', '2018 - 2020']] },
  { tag: 'text', q: 'so tai chinh tham muu kinh phi theo dieu may cua nd 61', must: [['dieu 38']] },

  // --- recurring tasks ---
  {
    tag: 'recurring',
    q: 'Những việc nào phải làm lại mỗi năm?',
    must: [
      ['nganh doc', 'bo nganh giao', 'cac bo nganh', 'ra soat cong bo danh muc'],
      ['thu tuc hanh chinh lien thong', 'tthc lien thong'],
    ],
    not: ['quy trinh noi bo', 'muc chi'],
  },
];
