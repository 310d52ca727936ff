// 50 questions written after this round's understanding work, blind to the code, scored once on first contact
// (41/50): kept as written, not tuned on. Conversations: first-contact-conversations.mjs.
// Fresh evaluation set (50 items: 40 single questions + 5 two-turn conversations) for Kế hoạch 4561/KH-UBND
// (Bến Tre, 28/9/2018), written from the plan JSON, its source text and agencies.json only.
// Format as /work/shared/eval/questions.mjs: must = list of groups (any one spelling per group), not = list.
// Matching is on the folded reply (lower case, no diacritics, đ->d, other characters -> one space, "/" "%" "&" kept).
// Nothing in the plan is ever reported done, so a task is overdue on a day after its due date.
const VP = ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'vpub', 'van phong ubnd'];
const SNV = ['noi vu'];
const TTTT = ['thong tin va truyen thong', 'thong tin truyen thong', 'tt&tt', 'tttt'];
const HUYEN = ['cap huyen', 'ubnd huyen', 'cac huyen', 'huyen thanh pho'];
const XA = ['cap xa', 'ubnd xa', 'cac xa', 'xa phuong'];
const Q4_2018 = ['quy iv/2018', '31/12/2018', 'quy 4/2018', 'q4/2018'];
const Q1_2019 = ['quy i/2019', '31/03/2019', '31/3/2019', 'quy 1/2019', 'q1/2019'];
const Q2_2019 = ['quy ii/2019', '30/06/2019', '30/6/2019', 'quy 2/2019', 'q2/2019'];
const Q3_2019 = ['quy iii/2019', '30/09/2019', '30/9/2019', 'quy 3/2019', 'q3/2019'];
const Q3_2020 = ['quy iii/2020', '30/09/2020', '30/9/2020', 'quy 3/2020', 'q3/2020'];
const Q4_2020 = ['quy iv/2020', '31/12/2020', 'quy 4/2020', 'q4/2020'];
const Q4_2020_EN = [...Q4_2020, '2020-12-31', 'december 31 2020', '31 december 2020', 'fourth quarter of 2020', 'q4 2020', 'quarter iv 2020', 'quarter 4 2020'];
const OVERDUE = ['qua han', 'tre han', 'het han', 'overdue'];
const INTIME = ['chua den han', 'con han', 'trong han', 'trong thoi han', 'dang thuc hien', 'chua qua han', 'chua het han', 'sap den han', 'ngay nua'];
const NOT_STATED = ['khong neu', 'khong ghi', 'khong co thong tin', 'khong de cap', 'chua co'];
const NFD = (s) => s.normalize('NFD');

export const cases = [
  // --- what an agency must do (varied verbs) ---
  {
    tag: 'agency',
    q: 'so tt-tt dc giao lam nhung viec j',
    must: [['an toan thong tin'], ['nhan rong phan mem', 'cong dich vu cong quoc gia', 'nang cap cong dich vu cong']],
    not: ['muc chi', 'che do chinh sach', 'cai tao tru so'],
  },
  {
    tag: 'agency',
    q: 'Dạ, Cục Thuế tỉnh thì cần thực hiện những nội dung gì theo kế hoạch này ạ?',
    must: [['cu cong chuc', 'quan triet', 'quy che to chuc', 'trung uong']],
    not: ['muc chi', 'an toan thong tin'],
  },
  { tag: 'agency', q: 'UBND huyện Ba Tri phải triển khai nhg gì', must: [['cai tao tru so']], not: ['muc chi', 'che do chinh sach', 'an toan thong tin'] },

  // --- who leads a task named in everyday words ---
  {
    tag: 'lead',
    q: 'Chế độ chính sách cho anh em làm ở bộ phận một cửa thì cơ quan nào lo tham mưu?',
    must: [SNV],
    not: ['so tai chinh', 'thong tin va truyen thong'],
  },
  {
    tag: 'lead',
    q: 'sua sang, cai tao tru so bo phan mot cua o huyen voi xa thi ai chiu trach nhiem',
    must: [HUYEN, XA],
    not: ['so tai chinh', 'thong tin va truyen thong'],
  },
  {
    tag: 'lead',
    q: 'Đơn vị nào đứng ra nhân rộng phần mềm một cửa điện tử cho các cơ quan trong tỉnh xài chung?',
    must: [TTTT, VP],
    not: ['so tai chinh', 'noi vu'],
  },

  // --- who coordinates ---
  { tag: 'coord', q: 'Số hoá hồ sơ giấy tờ thành hồ sơ điện tử thì những đơn vị nào phối hợp?', must: [VP, TTTT], not: ['so tai chinh'] },
  {
    tag: 'coord',
    q: 'NHNN chi nhanh tinh phoi hop viec gi, co dieu kien gi ko',
    must: [['co so du lieu quoc gia', 've dan cu', 'thanh toan'], ['khi co huong dan']],
  },
  {
    tag: 'coord',
    q: 'Dạ cho em hỏi việc quy định mức chi cho hoạt động một cửa thì những ai phối hợp với Sở Tài chính ạ?',
    must: [['lien quan']],
    not: ['cong an', 'ngan hang nha nuoc'],
  },

  // --- a task's deadline ---
  { tag: 'deadline', q: 'Cổng DVC tỉnh nối vào Cổng DVC quốc gia thì phải xong trước khi nào?', must: [Q3_2020] },
  { tag: 'deadline', q: 'danh gia viec giai quyet tthc o trung tam phuc vu hcc bao lau lam 1 lan', must: [['hang quy']] },
  { tag: 'deadline', q: 'Kiện toàn Bộ phận Một cửa cấp huyện, cấp xã hạn chót là bao giờ vậy?', must: [Q4_2018] },

  // --- one task's status on a given day ---
  {
    tag: 'status',
    today: '2019-02-20',
    q: 'Việc bố trí trụ sở, trang thiết bị cho Trung tâm PVHCC tỉnh giờ tới đâu rồi?',
    must: [[...INTIME, '39 ngay', '40 ngay'], Q1_2019],
  },
  { tag: 'status', today: '2019-08-01', q: 'quy trinh noi bo, quy trinh dien tu cho tung TTHC da ban hanh xong chua', must: [OVERDUE, Q2_2019] },
  {
    tag: 'status',
    today: '2020-03-01',
    q: 'Tình hình nhân rộng phần mềm một cửa điện tử hiện nay thế nào?',
    must: [[...INTIME, '213 ngay', '214 ngay'], Q3_2020],
  },

  // --- overdue on a day ---
  {
    tag: 'overdue',
    today: '2019-01-10',
    q: 'hnay co viec gi bi tre han k',
    must: [['xay dung ke hoach trien khai'], ['van ban quy pham'], ['thanh lap trung tam']],
    not: ['nhan rong phan mem', 'quy trinh noi bo'],
  },
  {
    tag: 'overdue',
    today: '2019-07-15',
    q: 'Sở Nội vụ có nhiệm vụ nào đã quá hạn chưa?',
    must: [['che do chinh sach'], ['thanh lap trung tam']],
    not: ['an toan thong tin', 'nhan rong phan mem'],
  },
  {
    tag: 'overdue',
    today: '2018-11-20',
    q: 'VPUB tỉnh có việc nào trễ hẹn không vậy',
    must: [['xay dung ke hoach trien khai']],
    not: ['quy trinh noi bo', 'nhan rong phan mem', 'trang thiet bi tai trung tam'],
  },

  // --- coming due in a window ---
  {
    tag: 'upcoming',
    today: '2019-03-15',
    q: '3 tuần tới có những việc gì tới hạn?',
    must: [['muc chi'], ['cai tao tru so']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  {
    tag: 'upcoming',
    today: '2019-05-08',
    q: 'tu nay toi het thang sau can xong nhung viec nao',
    must: [['quy trinh noi bo'], ['quy trinh tiep nhan']],
    not: ['nhan rong phan mem', 'nang cap cong dich vu cong'],
  },
  {
    tag: 'upcoming',
    today: '2019-08-20',
    q: 'Trong 2 tháng tới có nhiệm vụ nào đến hạn không ạ?',
    must: [['nang cap cong dich vu cong'], Q3_2019],
    not: ['nhan rong phan mem', 'co so du lieu quoc gia'],
  },

  // --- tasks due in a period ---
  {
    tag: 'period',
    q: NFD('Trong năm 2018 phải hoàn thành những việc gì?'),
    must: [['xay dung ke hoach trien khai'], ['van ban quy pham'], ['thanh lap trung tam', 'kien toan bo phan mot cua']],
    not: ['muc chi', 'che do chinh sach', 'quy trinh noi bo'],
  },
  {
    tag: 'period',
    q: 'nam 2020 co nhung nhiem vu nao den han',
    must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia'], ['co so du lieu quoc gia', 've dan cu']],
    not: ['quy trinh noi bo', 'muc chi', 'cai tao tru so'],
  },

  // --- earliest / latest deadline ---
  {
    tag: 'extreme',
    q: 'Việc nào trong kế hoạch có hạn sớm nhất?',
    must: [['xay dung ke hoach trien khai'], ['9/2018', 'thang 9 nam 2018']],
    not: ['nhan rong phan mem'],
  },
  { tag: 'extreme', q: 'han chot tre nhat la viec nao, khi nao', must: [Q4_2020, ['co so du lieu quoc gia', 've dan cu', 'thanh toan phi']] },

  // --- yes / no ---
  { tag: 'yesno', q: 'Sở Tài chính có chủ trì nhiệm vụ nào không?', must: [['muc chi']], not: ['che do chinh sach', 'an toan thong tin'] },
  { tag: 'yesno', q: 'Sở Nội vụ có chủ trì việc kết nối Cổng DVC với CSDL quốc gia về dân cư không?', must: [['khong'], VP] },
  { tag: 'yesno', q: 'cong an tinh co phai phoi hop viec gi khong', must: [['co so du lieu quoc gia', 've dan cu']] },

  // --- counts ---
  {
    tag: 'count',
    q: 'Quý I/2019 có bao nhiêu việc phải hoàn thành?',
    must: [['5 viec', '5 nhiem vu', '5 cong viec', 'nam viec', 'nam nhiem vu', 'co 5', 'gom 5', 'tong 5', '5 muc'], ['muc chi']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  {
    tag: 'count',
    q: 'co may nhiem vu han quy 3 nam 2020',
    must: [
      ['2 viec', '2 nhiem vu', '2 cong viec', 'hai viec', 'hai nhiem vu', 'co 2', 'gom 2', 'tong 2', '2 muc'],
      ['nhan rong phan mem'],
      ['cong dich vu cong quoc gia'],
    ],
    not: ['co so du lieu quoc gia'],
  },

  // --- the plan document ---
  {
    tag: 'document',
    q: 'Kế hoạch này ban hành ngày nào, căn cứ vào những văn bản nào?',
    must: [['28/9/2018', '28/09/2018', '28 thang 9 nam 2018', '28 thang 9 2018'], ['61/2018'], ['985']],
  },
  { tag: 'document', q: 'kh 4561 gui cho nhung noi nao', must: [['cuc kiem soat'], ['kho bac'], ['cuc thue', 'bao hiem xa hoi']] },
  { tag: 'document', q: 'Cho tôi hỏi kế hoạch này số mấy, do cơ quan nào ban hành?', must: [['4561'], ['ben tre']] },

  // --- not stated in the plan ---
  { tag: 'not-stated', q: 'Tổng kinh phí thực hiện kế hoạch là bao nhiêu tiền?', must: [NOT_STATED] },
  { tag: 'not-stated', q: 'TT phuc vu hanh chinh cong tinh dat o dia chi nao', must: [NOT_STATED] },
  { tag: 'not-stated', q: 'Lớp tập huấn Nghị định 61 cho cán bộ một cửa do ai tổ chức, khi nào học?', must: [NOT_STATED] },

  // --- English ---
  {
    tag: 'english',
    q: 'Who signed this plan and on what date?',
    must: [['cao van trong'], ['28/9/2018', '28/09/2018', '2018-09-28', 'september 28', '28 september', 'sep 28', 'sept 28', '28 thang 9']],
  },
  {
    tag: 'english',
    q: 'What does the Department of Finance need to do?',
    must: [['muc chi', 'spending', 'expenditure']],
    not: ['che do chinh sach', 'an toan thong tin'],
  },
  {
    tag: 'english',
    today: '2019-04-15',
    q: 'Which tasks are overdue?',
    must: [
      ['muc chi', 'spending', 'expenditure'],
      ['cai tao tru so', 'renovat'],
    ],
    not: ['nhan rong phan mem', 'an toan thong tin', 'information security'],
  },
  { tag: 'english', q: 'When must the provincial public service portal be connected to the national population database?', must: [Q4_2020_EN] },
];
