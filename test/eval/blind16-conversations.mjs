// Blind evaluation set 16, conversations (24, 2-4 turns): written from the plan JSON, its source text and
// agencies.json only, without reading how understanding works; scored once on first contact, not tuned on.
// Plan 4561/KH-UBND (Bến Tre, 28/9/2018). Every turn after the first leans on the previous answer.
// Format as first-contact-conversations.mjs; matching is on the folded reply (lower case, no diacritics, đ->d,
// other characters -> one space, "/" "%" "&" kept). Nothing in the plan is ever reported done, so a task is overdue
// on a day after its due date (a quarter's due date is its last day).
// Tags: fu-<kind of follow-up>; en- marks English conversations.
const VP = ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'vpub', 'van phong ubnd'];
const _SNV = ['noi vu'];
const TTTT = ['thong tin va truyen thong', 'thong tin truyen thong', 'tt&tt', 'tttt'];
const HUYEN = ['cap huyen', 'ubnd huyen', 'cac huyen', 'huyen thanh pho'];
const XA = ['cap xa', 'ubnd xa', 'cac xa', 'xa phuong'];
const KHDT = ['ke hoach va dau tu', 'ke hoach dau tu', 'kh&dt', 'khdt'];
const CA = ['cong an'];
const NHNN = ['ngan hang nha nuoc', 'nhnn'];
const Q4_2018 = ['quy iv/2018', '31/12/2018', 'quy 4/2018', 'q4/2018', 'q4 2018'];
const Q1_2019 = ['quy i/2019', '31/03/2019', '31/3/2019', 'quy 1/2019', 'q1/2019', 'q1 2019'];
const Q2_2019 = ['quy ii/2019', '30/06/2019', '30/6/2019', 'quy 2/2019', 'q2/2019', 'q2 2019'];
const _Q3_2019 = ['quy iii/2019', '30/09/2019', '30/9/2019', 'quy 3/2019', 'q3/2019', 'q3 2019'];
const Q3_2020 = ['quy iii/2020', '30/09/2020', '30/9/2020', 'quy 3/2020', 'q3/2020', 'q3 2020'];
const Q4_2020 = ['quy iv/2020', '31/12/2020', 'quy 4/2020', 'q4/2020', 'q4 2020'];
const EN = (q, y, iso, md) => [q, iso, `${md} ${y}`, `${md.split(' ').reverse().join(' ')} ${y}`];
const _Q1_2019_EN = [...Q1_2019, ...EN('quarter 1 2019', 2019, '2019-03-31', 'march 31'), 'first quarter of 2019', 'quarter i 2019'];
const Q3_2020_EN = [...Q3_2020, ...EN('quarter 3 2020', 2020, '2020-09-30', 'september 30'), 'third quarter of 2020', 'quarter iii 2020'];
const Q4_2020_EN = [...Q4_2020, ...EN('quarter 4 2020', 2020, '2020-12-31', 'december 31'), 'fourth quarter of 2020', 'quarter iv 2020'];
const OVERDUE = ['qua han', 'tre han', 'het han', 'overdue'];
const NONE = ['khong co', 'chua co', 'khong thay', 'khong nhiem vu', 'khong viec', '0 viec', '0 nhiem vu', 'no task', 'none'];

export const conversations = [
  // 1. an agency's tasks (no diacritics) -> n-th item's deadline -> its coordinators
  {
    tag: 'fu-nth',
    turns: [
      {
        q: 'so tttt chu tri nhung viec gi',
        must: [['nang cap cong dich vu cong'], ['nhan rong phan mem'], ['an toan thong tin']],
        not: ['muc chi', 'che do chinh sach'],
      },
      { q: 'viec thu 2 han khi nao', must: [Q3_2020], not: ['quy iii/2019', '30/9/2019', '30/09/2019'] },
      { q: 'ai phoi hop', must: [['lien quan']], not: ['cong an', 'ngan hang nha nuoc'] },
    ],
  },
  // 2. a quarter's list -> lead of the 2nd item -> lead of the last item
  {
    tag: 'fu-nth',
    turns: [
      {
        q: 'Quý I/2019 phải xong những việc gì?',
        must: [['che do chinh sach'], ['muc chi'], ['cai tao tru so'], ['cong bo danh muc']],
        not: ['quy trinh noi bo', 'nhan rong phan mem'],
      },
      { q: 'việc thứ hai ai chủ trì?', must: [['tai chinh']], not: ['che do chinh sach', 'cai tao tru so'] },
      { q: 'còn việc cuối cùng?', must: [VP], not: ['muc chi', 'che do chinh sach'] },
    ],
  },
  // 3. overdue on a day (no diacritics) -> lead of the 3rd item -> its deadline
  {
    tag: 'fu-nth',
    today: '2019-01-10',
    turns: [
      {
        q: 'hom nay co viec nao qua han ko',
        must: [['xay dung ke hoach trien khai'], ['van ban quy pham'], ['thanh lap trung tam', 'kien toan bo phan mot cua']],
        not: ['muc chi', 'quy trinh noi bo'],
      },
      { q: 'viec thu 3 ai chu tri', must: [HUYEN, XA], not: ['xay dung ke hoach trien khai'] },
      { q: 'han cua no la khi nao', must: [Q4_2018], not: ['quy i/2019', '31/3/2019'] },
    ],
  },
  // 4. one task's lead -> deadline -> days left
  {
    tag: 'fu-days',
    today: '2019-06-10',
    turns: [
      {
        q: 'Ai chủ trì xây dựng quy trình nội bộ, quy trình điện tử cho từng thủ tục?',
        must: [VP],
        not: ['tai chinh', 'cong an'],
      },
      { q: 'thời hạn?', must: [Q2_2019] },
      { q: 'còn mấy ngày nữa?', must: [['20 ngay', '21 ngay']] },
    ],
  },
  // 5. an agency's tasks (no diacritics) -> same for another agency -> narrowed to the continuous ones
  {
    tag: 'fu-other-agency',
    turns: [
      { q: 'nhiem vu cua so tc la gi', must: [['muc chi']], not: ['che do chinh sach', 'an toan thong tin'] },
      { q: 'con so tt&tt thi sao', must: [['an toan thong tin'], ['nhan rong phan mem']], not: ['muc chi'] },
      {
        q: 'trong do viec nao lam thuong xuyen k co han',
        must: [['an toan thong tin']],
        not: ['nhan rong phan mem', 'nang cap cong dich vu cong', 'muc chi'],
      },
    ],
  },
  // 6. a quarter's list -> the next quarter -> lead of the task just shown
  {
    tag: 'fu-other-period',
    turns: [
      {
        q: 'Quý II/2019 có những nhiệm vụ nào đến hạn?',
        must: [['quy trinh noi bo'], ['quy trinh tiep nhan']],
        not: ['nang cap cong dich vu cong', 'muc chi'],
      },
      { q: 'quý sau thì sao?', must: [['nang cap cong dich vu cong', 'nang cap cong dvc']], not: ['quy trinh noi bo'] },
      { q: 'ai chủ trì việc đó?', must: [VP, TTTT], not: ['cap xa'] },
    ],
  },
  // 7. an empty quarter (no diacritics) -> another quarter -> count
  {
    tag: 'fu-other-period',
    turns: [
      { q: 'quy 4 nam 2019 co viec gi den han k', must: [NONE], not: ['quy trinh noi bo', 'muc chi'] },
      {
        q: 'the quy 3 2020 thi sao',
        must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']],
        not: ['quy trinh noi bo'],
      },
      {
        q: 'tong cong may viec',
        must: [['2 viec', '2 nhiem vu', '2 cong viec', 'hai viec', 'hai nhiem vu', 'co 2', 'gom 2', 'tong 2', '2 muc']],
      },
    ],
  },
  // 8. a count over a window (no diacritics) -> narrowed by agency -> n-th item's status
  {
    tag: 'fu-narrow',
    today: '2019-05-15',
    turns: [
      {
        q: '6 thang dau nam 2019 co bao nhieu viec phai hoan thanh',
        must: [['7 viec', '7 nhiem vu', '7 cong viec', 'bay viec', 'bay nhiem vu', 'co 7', 'gom 7', 'tong 7', '7 muc']],
      },
      {
        q: 'trong do cua ubnd cap huyen',
        must: [['cai tao tru so'], ['quy trinh tiep nhan']],
        not: ['muc chi', 'che do chinh sach', 'quy trinh noi bo'],
      },
      { q: 'viec dau tien xong chua', must: [OVERDUE], not: ['quy trinh tiep nhan'] },
    ],
  },
  // 9. English: an agency's tasks -> another agency -> deadline
  {
    tag: 'en-fu-other-agency',
    turns: [
      { q: 'What is the Department of Home Affairs responsible for?', must: [['che do chinh sach']], not: ['muc chi'] },
      { q: 'what about the police?', must: [['co so du lieu quoc gia', 've dan cu']], not: ['che do chinh sach'] },
      { q: 'and the deadline?', must: [Q4_2020_EN] },
    ],
  },
  // 10. English: one task's lead -> deadline -> days left
  {
    tag: 'en-fu-days',
    today: '2020-09-10',
    turns: [
      { q: 'Who is in charge of rolling out the unified one-stop software to agencies across the province?', must: [TTTT, VP] },
      { q: 'When is it due?', must: [Q3_2020_EN] },
      { q: 'how many days left?', must: [['20 days', '21 days', '20 ngay', '21 ngay']] },
    ],
  },
  // 11. English: overdue on a day -> narrowed by lead
  {
    tag: 'en-fu-narrow',
    today: '2019-07-20',
    turns: [
      {
        q: 'Which tasks are overdue today?',
        must: [['quy trinh noi bo'], ['muc chi']],
        not: ['nhan rong phan mem', 'nang cap cong dich vu cong'],
      },
      {
        q: 'which of those do the districts lead?',
        must: [['cai tao tru so'], ['quy trinh tiep nhan']],
        not: ['muc chi', 'quy trinh noi bo', 'che do chinh sach'],
      },
    ],
  },
  // 12. English: a period's list -> coordinators -> yes/no about a condition
  {
    tag: 'en-fu-yesno',
    turns: [
      { q: 'What is due in the last quarter of 2020?', must: [['co so du lieu quoc gia', 've dan cu']], not: ['nhan rong phan mem'] },
      { q: 'Who coordinates?', must: [KHDT, CA, NHNN] },
      { q: "Is the State Bank's part conditional on anything?", must: [['khi co huong dan', 'guidance', 'instruction']] },
    ],
  },
  // 13. English: a section -> narrowed to ongoing tasks
  {
    tag: 'en-fu-narrow',
    turns: [
      {
        q: 'List the IT application tasks of the plan.',
        must: [['nang cap cong dich vu cong'], ['nhan rong phan mem'], ['an toan thong tin']],
        not: ['muc chi', 'cai tao tru so'],
      },
      {
        q: 'which of them are ongoing, with no end date?',
        must: [['an toan thong tin'], ['chuyen doi ho so', 'ho so dien tu']],
        not: ['nhan rong phan mem', 'co so du lieu quoc gia'],
      },
    ],
  },
  // 14. a section (no diacritics) -> n-th item's deadline -> yes/no: firm or tentative
  {
    tag: 'fu-nth',
    turns: [
      {
        q: 'phan tham muu ban hanh van ban chi dao dieu hanh gom nhung viec nao',
        must: [['xay dung ke hoach trien khai'], ['van ban quy pham'], ['che do chinh sach'], ['muc chi']],
        not: ['quy trinh noi bo', 'an toan thong tin'],
      },
      { q: 'viec thu 3 han bao gio', must: [Q1_2019], not: ['31/12/2018', 'quy iv/2018'] },
      { q: 'han do chac chan chua hay chi du kien', must: [['du kien', 'khi co thong tu', 'chua chac']] },
    ],
  },
  // 15. coming due in a window -> lead -> days left
  {
    tag: 'fu-days',
    today: '2019-09-05',
    turns: [
      {
        q: 'Từ giờ đến cuối tháng có việc gì phải xong không?',
        must: [['nang cap cong dich vu cong', 'nang cap cong dvc']],
        not: ['quy trinh noi bo', 'nhan rong phan mem'],
      },
      { q: 'ai chủ trì?', must: [VP, TTTT] },
      { q: 'còn bao nhiêu ngày?', must: [['25 ngay', '26 ngay']] },
    ],
  },
  // 16. one task's lead (no diacritics) -> deadline -> status
  {
    tag: 'fu-status',
    today: '2019-05-02',
    turns: [
      { q: 'cong bo danh muc tthc tai trung tam hcc tinh va mot cua cap huyen do ai lam', must: [VP], not: ['tai chinh'] },
      { q: 'han j', must: [Q1_2019] },
      { q: 'tre han chua', must: [OVERDUE] },
    ],
  },
  // 17. an agency's tasks -> its role -> deadline
  {
    tag: 'fu-field',
    turns: [
      { q: 'Công an tỉnh có nhiệm vụ gì trong kế hoạch?', must: [['co so du lieu quoc gia', 've dan cu']], not: ['muc chi'] },
      { q: 'đơn vị đó chủ trì hay chỉ phối hợp?', must: [['phoi hop']] },
      { q: 'hạn bao giờ?', must: [Q4_2020] },
    ],
  },
  // 18. an agency's tasks (no diacritics) -> narrowed to overdue -> first item's deadline
  {
    tag: 'fu-narrow',
    today: '2019-04-20',
    turns: [
      {
        q: 'ubnd cap huyen dc giao chu tri nhung viec j',
        must: [['cai tao tru so'], ['co so du lieu quoc gia', 've dan cu']],
        not: ['muc chi', 'che do chinh sach'],
      },
      {
        q: 'trong do viec nao qua han',
        must: [['cai tao tru so'], ['thanh lap trung tam', 'kien toan bo phan mot cua']],
        not: ['co so du lieu quoc gia', 'quy trinh tiep nhan', 'muc chi'],
      },
      { q: 'viec thu nhat han khi nao', must: [Q4_2018], not: ['quy i/2019', '31/3/2019'] },
    ],
  },
  // 19. one task's lead -> yes/no about another agency -> deadline
  {
    tag: 'fu-yesno',
    turns: [
      { q: 'Ai chủ trì thiết lập Cổng Dịch vụ công tỉnh nối với Cổng DVC quốc gia?', must: [VP, TTTT], not: ['cong an'] },
      { q: 'Công an có tham gia việc này không?', must: [['khong']] },
      { q: 'hạn chót?', must: [Q3_2020] },
    ],
  },
  // 20. a count (no diacritics) -> last item's coordinators -> condition
  {
    tag: 'fu-nth',
    turns: [
      {
        q: 'nam 2020 co may viec phai xong',
        must: [['3 viec', '3 nhiem vu', '3 cong viec', 'ba viec', 'ba nhiem vu', 'co 3', 'gom 3', 'tong 3', '3 muc']],
      },
      { q: 'viec cuoi ai phoi hop', must: [CA, KHDT], not: ['nhan rong phan mem'] },
      { q: 'ngan hang thi co dk gi', must: [['khi co huong dan']] },
    ],
  },
  // 21. one task's deadline -> yes/no about its lead -> status
  {
    tag: 'fu-yesno',
    today: '2020-01-01',
    turns: [
      { q: 'Chuyển hồ sơ giấy thành hồ sơ điện tử thì khi nào phải làm?', must: [['thuong xuyen']] },
      { q: 'có phải Văn phòng UBND tỉnh chủ trì không?', must: [['phoi hop'], ['co quan chuyen mon']] },
      {
        q: 'việc này đã quá hạn chưa?',
        must: [['thuong xuyen', 'khong co han', 'khong co thoi han', 'khong qua han', 'chua qua han', 'khong tre han', 'chua tre han']],
      },
    ],
  },
  // 22. a month's list (no diacritics) -> status -> days late
  {
    tag: 'fu-status',
    today: '2018-10-15',
    turns: [
      { q: 'thang 9 2018 co viec gi phai xong', must: [['xay dung ke hoach trien khai']], not: ['muc chi', 'van ban quy pham'] },
      { q: 'xong chua', must: [OVERDUE] },
      { q: 'tre may ngay roi', must: [['15 ngay', '16 ngay']] },
    ],
  },
  // 23. an agency's tasks in a quarter -> same for another agency -> and a third
  {
    tag: 'fu-other-agency',
    turns: [
      {
        q: 'UBND cấp xã có việc gì đến hạn trong quý I/2019?',
        must: [['cai tao tru so']],
        not: ['muc chi', 'che do chinh sach', 'cong bo danh muc'],
      },
      {
        q: 'còn Văn phòng UBND tỉnh?',
        must: [['trang thiet bi tai trung tam'], ['cong bo danh muc']],
        not: ['cai tao tru so', 'muc chi', 'quy trinh noi bo'],
      },
      { q: 'Sở Nội vụ thì sao?', must: [['che do chinh sach']], not: ['muc chi', 'cai tao tru so', 'cong bo danh muc'] },
    ],
  },
  // 24. the plan's text (no diacritics) -> date -> legal basis -> recipients
  {
    tag: 'fu-document',
    turns: [
      { q: 'kh nay ai ky', must: [['cao van trong']] },
      { q: 'ky ngay nao', must: [['28/9/2018', '28/09/2018', '28 thang 9 nam 2018', '28 thang 9 2018']] },
      { q: 'can cu vao nhung van ban nao', must: [['61/2018'], ['985']] },
      { q: 'gui cho nhung noi nao', must: [['kho bac'], ['cuc kiem soat', 'cuc thue', 'bao hiem xa hoi']] },
    ],
  },
];
