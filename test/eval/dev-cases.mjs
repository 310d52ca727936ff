// Development questions for Kế hoạch 4561/KH-UBND (Bến Tre, 2018), written as new users would ask them.
// Same format as shared/eval/questions.mjs: each `must` group is a list of alternative spellings, matched on the folded
// reply (lower case, no diacritics, đ->d, other characters -> one space); `not` lists strings that must not appear.
// Run from the project's root: node ../shared/eval/run.mjs test/eval/dev-cases.mjs --verbose

// Agencies
const VP = ['vp ubnd tinh', 'van phong ubnd tinh', 'van phong uy ban nhan dan tinh', 'vp ubnd', 'van phong ubnd', 'vpub'];
const SNV = ['noi vu'];
const STC = ['tai chinh'];
const TTTT = ['thong tin va truyen thong', 'thong tin truyen thong', 'tt&tt', 'tttt'];
const KHDT = ['ke hoach va dau tu', 'ke hoach dau tu', 'kh&dt', 'khdt'];
const CA = ['cong an'];
const NHNN = ['ngan hang nha nuoc', 'nhnn'];
const HUYEN = ['cap huyen', 'ubnd huyen', 'cac huyen', 'huyen thanh pho'];
const CQCM = ['co quan chuyen mon'];
// Deadlines
const T9_2018 = ['thang 9/2018', 'thang 09/2018', '30/9/2018', '30/09/2018', 't9/2018', 'thang 9 nam 2018'];
const Q4_2018 = ['quy iv/2018', '31/12/2018', 'quy 4/2018', 'q4/2018'];
const Q1_2019 = ['quy i/2019', '31/03/2019', '31/3/2019', 'quy 1/2019', 'q1/2019'];
const Q2_2019 = ['quy ii/2019', '30/06/2019', '30/6/2019', 'quy 2/2019', 'q2/2019'];
const Q3_2019 = ['quy iii/2019', '30/09/2019', '30/9/2019', 'quy 3/2019', 'q3/2019'];
const Q3_2020 = ['quy iii/2020', '30/09/2020', '30/9/2020', 'quy 3/2020', 'q3/2020'];
const Q4_2020 = ['quy iv/2020', '31/12/2020', 'quy 4/2020', 'q4/2020'];
// Status words
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
const NOT_STATED = [
  'khong neu',
  'khong ghi',
  'khong co thong tin',
  'chua co',
  'khong de cap',
  'khong quy dinh',
  'khong co trong',
  'khong thay',
  'khong co du lieu',
  'khong co noi dung',
  'khong co so lieu',
  'chua ghi',
  'chua neu',
  'khong cu the',
  'khong xac dinh',
  'thieu',
];
const NUM_WORDS = { 1: 'mot', 2: 'hai', 4: 'bon', 5: 'nam', 6: 'sau', 7: 'bay', 9: 'chin', 14: 'muoi bon', 19: 'muoi chin' };
// A count said in any of the usual ways ("4 nhiệm vụ", "chủ trì 4", "tổng cộng 4", "bốn việc").
const N = (n) => {
  const alts = [
    `${n} nhiem vu`,
    `${n} viec`,
    `${n} cong viec`,
    `${n} dau viec`,
    `${n} noi dung`,
    `${n} muc`,
    `${n} task`,
    `tong ${n}`,
    `tong cong ${n}`,
    `tong so ${n}`,
    `chu tri ${n}`,
    `phoi hop ${n}`,
    `gom ${n}`,
  ];
  const w = NUM_WORDS[n];
  if (w) alts.push(`${w} nhiem vu`, `${w} viec`, `${w} cong viec`, `${w} dau viec`);
  return alts;
};

export const cases = [
  // ── agency-verbs: what an agency has to do, asked with different verbs ──
  {
    tag: 'agency-verbs',
    q: 'Sở Nội vụ được giao những việc gì trong kế hoạch này?',
    must: [['che do chinh sach'], ['thanh lap trung tam']],
    not: ['muc chi phuc vu', 'nhan rong phan mem'],
  },
  { tag: 'agency-verbs', q: 'so tai chinh dam nhan viec gi', must: [['muc chi']], not: ['che do chinh sach', 'cai tao tru so'] },
  {
    tag: 'agency-verbs',
    q: 'Sở TT&TT chịu trách nhiệm những gì vậy ạ?',
    must: [['an toan thong tin'], ['nhan rong phan mem']],
    not: ['muc chi phuc vu', 'che do chinh sach'],
  },
  {
    tag: 'agency-verbs',
    q: 'VPUB tỉnh lo những việc nào',
    must: [['quy trinh noi bo'], ['trang thiet bi', 'danh muc thu tuc']],
    not: ['muc chi phuc vu', 'che do chinh sach'],
  },
  {
    tag: 'agency-verbs',
    q: 'ubnd cap huyen phu trach nhung nhiem vu nao',
    must: [['cai tao tru so'], ['ho so dien tu', 'toan bo quy trinh', 'thanh lap trung tam']],
    not: ['muc chi phuc vu', 'che do chinh sach', 'nhan rong phan mem'],
  },
  {
    tag: 'agency-verbs',
    q: 'Công an tỉnh được phân công làm gì trong KH 4561?',
    must: [['co so du lieu quoc gia', 'dan cu']],
    not: ['muc chi phuc vu', 'che do chinh sach'],
  },
  {
    tag: 'agency-verbs',
    q: 'Ngân hàng Nhà nước chi nhánh tỉnh tham gia vào việc gì?',
    must: [['thanh toan', 'dan cu', 'co so du lieu']],
    not: ['muc chi phuc vu', 'che do chinh sach'],
  },
  {
    tag: 'agency-verbs',
    q: 'Sở KH&ĐT có nhận nhiệm vụ nào ko',
    must: [['dang ky kinh doanh', 'co so du lieu quoc gia', 'dan cu']],
    not: ['muc chi phuc vu', 'che do chinh sach'],
  },
  {
    tag: 'agency-verbs',
    q: 'Dạ cho em hỏi UBND xã, phường, thị trấn phải đảm đương những công việc nào ạ?',
    must: [['cai tao tru so']],
    not: ['muc chi phuc vu', 'che do chinh sach', 'nhan rong phan mem'],
  },
  {
    tag: 'agency-verbs',
    q: 'Cac co quan chuyen mon tinh duoc giao nhiem vu gi',
    must: [['ho so dien tu', 'chuyen doi ho so']],
    not: ['cai tao tru so'],
  },

  // ── ordinary-words: "số liệu", "sơ bộ", "số hóa", "ban hành" are words, not agencies ──
  {
    tag: 'ordinary-words',
    q: 'Việc số hóa hồ sơ giấy do đơn vị nào thực hiện?',
    must: [CQCM.concat(['cap huyen', 'cap xa']), ['ho so dien tu', 'chuyen doi ho so']],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'ordinary-words',
    q: 'theo so lieu trong ke hoach, cac so nganh phai giai quyet tai cho toi thieu bao nhieu % TTHC',
    must: [['20%', '20 %', '20 phan tram']],
    not: [],
  },
  {
    tag: 'ordinary-words',
    q: 'Số liệu phấn đấu giải quyết tại chỗ của UBND các huyện là mấy phần trăm?',
    must: [['50%', '50 %', '50 phan tram']],
    not: [],
  },
  {
    tag: 'ordinary-words',
    q: 'Cho mình xem sơ bộ các việc có hạn trong quý I/2019',
    must: [
      ['muc chi', 'che do chinh sach'],
      ['cai tao tru so', 'trang thiet bi'],
    ],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  { tag: 'ordinary-words', q: 'Ban hành quy trình nội bộ hạn tới khi nào vậy', must: [Q2_2019], not: ['ban quan ly'] },
  { tag: 'ordinary-words', q: 'văn bản quy phạm pháp luật về một cửa ban hành trễ nhất lúc nào', must: [Q4_2018], not: ['ban quan ly'] },
  { tag: 'ordinary-words', q: 'Kết nối số liệu dân cư với cổng DVC tỉnh hạn bao giờ?', must: [Q4_2020], not: ['quy iii/2020'] },
  { tag: 'ordinary-words', q: 'so hoa ho so TTHC thoi han the nao', must: [['thuong xuyen']], not: ['muc chi phuc vu'] },
  {
    tag: 'ordinary-words',
    q: 'Tóm tắt sơ bộ giúp tôi: ai ban hành quy chế hoạt động của phần mềm một cửa điện tử?',
    must: [TTTT, VP],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'ordinary-words',
    q: 'Ban hành hướng dẫn chế độ chính sách cho công chức một cửa là việc của ai?',
    must: [SNV],
    not: ['ban quan ly', 'muc chi phuc vu'],
  },

  // ── synonyms: everyday words for the plan's wording ──
  { tag: 'synonyms', q: 'tiền bồi dưỡng cho người làm ở bộ phận một cửa do ai quy định?', must: [['muc chi'], STC], not: [] },
  { tag: 'synonyms', q: 'Máy tính, máy quét cho trung tâm hành chính công tỉnh ai lo, bao giờ xong?', must: [VP, Q1_2019], not: ['muc chi phuc vu'] },
  {
    tag: 'synonyms',
    q: 'Việc số hóa giấy tờ của dân thành file điện tử ai làm',
    must: [['ho so dien tu', 'chuyen doi ho so'], CQCM.concat(['cap huyen', 'cap xa'])],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'synonyms',
    q: 'bảo mật cho hệ thống một cửa điện tử là trách nhiệm của ai',
    must: [TTTT, ['an toan thong tin']],
    not: ['muc chi phuc vu'],
  },
  { tag: 'synonyms', q: 'Ai sửa sang trụ sở một cửa ở huyện, xã?', must: [['cai tao tru so'], HUYEN], not: ['muc chi phuc vu'] },
  { tag: 'synonyms', q: 'phần mềm một cửa dùng chung toàn tỉnh khi nào phải làm xong', must: [Q3_2020], not: ['quy iv/2020'] },
  { tag: 'synonyms', q: 'Thu phí online qua cổng thanh toán do cơ quan nào làm?', must: [VP, ['thanh toan']], not: ['muc chi phuc vu'] },
  { tag: 'synonyms', q: 'lương phụ cấp cho cán bộ ngồi một cửa thì ai hướng dẫn', must: [SNV, ['che do chinh sach']], not: [] },
  {
    tag: 'synonyms',
    q: 'Xác minh danh tính người dân trên cổng dịch vụ công thì những ai phối hợp?',
    must: [CA, KHDT],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'synonyms',
    q: 'Chấm điểm kết quả giải quyết hồ sơ ở một cửa bao lâu làm một lần?',
    must: [['hang quy', 'moi quy', 'quarter']],
    not: ['muc chi phuc vu'],
  },

  // ── task-status: one task's state on a given day ──
  {
    tag: 'task-status',
    today: '2021-01-10',
    q: 'việc kết nối với cổng quốc gia trễ chưa',
    must: [OVERDUE],
    not: ['chua qua han', 'chua den han', 'con han', 'trong han'],
  },
  { tag: 'task-status', today: '2019-05-15', q: 'Quy trình nội bộ đã tới hạn chưa?', must: [NOT_OVERDUE, Q2_2019], not: ['da qua han'] },
  {
    tag: 'task-status',
    today: '2019-02-01',
    q: 'thanh lap trung tam phuc vu hanh chinh cong tre han chua',
    must: [OVERDUE, Q4_2018],
    not: ['chua qua han', 'chua den han', 'con han'],
  },
  {
    tag: 'task-status',
    today: '2020-08-01',
    q: 'Nhân rộng phần mềm một cửa điện tử giờ sao rồi?',
    must: [NOT_OVERDUE, Q3_2020],
    not: ['da qua han'],
  },
  {
    tag: 'task-status',
    today: '2019-05-01',
    q: 'Việc quy định mức chi phục vụ một cửa quá hạn chưa',
    must: [OVERDUE],
    not: ['chua qua han', 'chua den han', 'con han'],
  },
  { tag: 'task-status', today: '2020-01-01', q: 'Bảo đảm an toàn thông tin có bị trễ hạn không?', must: [['thuong xuyen']], not: ['da qua han'] },
  {
    tag: 'task-status',
    today: '2019-03-15',
    q: 'Công bố danh mục TTHC tại trung tâm và bộ phận một cửa cấp huyện đã trễ chưa?',
    must: [NOT_OVERDUE, Q1_2019],
    not: ['da qua han'],
  },
  {
    tag: 'task-status',
    today: '2018-09-15',
    q: 'xay dung ke hoach trien khai ND 61 da het han chua',
    must: [NOT_OVERDUE, T9_2018],
    not: ['da qua han'],
  },
  {
    tag: 'task-status',
    today: '2019-10-05',
    q: 'Nâng cấp cổng dịch vụ công, hệ thống thông tin một cửa cấp tỉnh, huyện tình trạng thế nào?',
    must: [OVERDUE, Q3_2019],
    not: ['chua qua han', 'chua den han', 'con han'],
  },
  {
    tag: 'task-status',
    today: '2020-11-30',
    q: 'Kết nối với cơ sở dữ liệu quốc gia về dân cư còn bao lâu nữa đến hạn?',
    must: [Q4_2020, NOT_OVERDUE.concat(['31 ngay', '1 thang', 'mot thang'])],
    not: ['da qua han'],
  },

  // ── yes-no ──
  {
    tag: 'yes-no',
    q: 'Sở Nội vụ có phải chủ trì việc nhân rộng phần mềm một cửa điện tử không?',
    must: [['khong'], TTTT],
    not: [],
  },
  {
    tag: 'yes-no',
    q: 'Công an tỉnh có phối hợp kết nối với CSDL quốc gia về dân cư không?',
    must: [['co'], CA, ['phoi hop']],
    not: ['khong phoi hop'],
  },
  { tag: 'yes-no', q: 'Hạn của việc quy định mức chi chỉ là dự kiến thôi đúng không?', must: [['du kien'], Q1_2019], not: [] },
  {
    tag: 'yes-no',
    q: 'Kế hoạch có đặt hạn chót cụ thể cho việc bảo đảm an toàn thông tin không?',
    must: [['khong'], ['thuong xuyen']],
    not: [],
  },
  {
    tag: 'yes-no',
    q: 'VP UBND tỉnh có chủ trì việc thành lập trung tâm PVHCC không',
    must: [['co'], VP],
    not: ['khong chu tri', 'khong phai'],
  },
  {
    tag: 'yes-no',
    q: 'Sở Kế hoạch và Đầu tư có phải là cơ quan chủ trì việc kết nối cơ sở dữ liệu quốc gia không?',
    must: [['khong'], ['phoi hop']],
    not: [],
  },
  { tag: 'yes-no', q: 'ke hoach nay co phai do chu tich ubnd tinh ky khong', must: [['cao van trong']], not: [] },
  { tag: 'yes-no', q: 'Có việc nào hạn chót rơi vào năm 2021 không?', must: [['khong']], not: [] },
  {
    tag: 'yes-no',
    q: 'Có phải việc đánh giá giải quyết TTHC ở bộ phận một cửa chỉ làm hàng năm?',
    must: [['khong'], ['hang quy', 'moi quy']],
    not: [],
  },
  { tag: 'yes-no', q: 'Ngân hàng Nhà nước có chủ trì việc nào không vậy?', must: [['khong'], ['phoi hop']], not: [] },

  // ── first-last: earliest and latest deadlines ──
  { tag: 'first-last', q: 'Việc nào có hạn sớm nhất?', must: [['xay dung ke hoach trien khai'], T9_2018], not: [] },
  { tag: 'first-last', q: 'nhiem vu nao het han cuoi cung', must: [['co so du lieu quoc gia', 'dan cu'], Q4_2020], not: [] },
  {
    tag: 'first-last',
    q: 'Trong phần công nghệ thông tin (mục III), việc nào phải xong trước tiên?',
    must: [['nang cap cong dich vu cong'], Q3_2019],
    not: [],
  },
  { tag: 'first-last', q: 'Việc cuối cùng của Sở Nội vụ hạn lúc nào?', must: [['che do chinh sach'], Q1_2019], not: [] },
  { tag: 'first-last', q: 'VP UBND tỉnh có việc nào hạn xa nhất?', must: [['co so du lieu quoc gia', 'dan cu'], Q4_2020], not: [] },
  { tag: 'first-last', q: 'so tttt viec nao phai xong som nhat', must: [['nang cap cong dich vu cong'], Q3_2019], not: [] },
  { tag: 'first-last', q: 'Hạn chót muộn nhất của UBND cấp huyện là việc gì?', must: [['co so du lieu quoc gia', 'dan cu'], Q4_2020], not: [] },
  { tag: 'first-last', q: 'Mục I việc nào hạn muộn nhất?', must: [['che do chinh sach', 'muc chi'], Q1_2019], not: [] },
  { tag: 'first-last', q: 'Toàn bộ kế hoạch phải xong hết chậm nhất là khi nào?', must: [Q4_2020], not: [] },
  { tag: 'first-last', q: 'muc II viec nao den han dau tien', must: [['thanh lap trung tam'], Q4_2018], not: [] },

  // ── windows: what falls due in a span ──
  {
    tag: 'windows',
    today: '2019-03-20',
    q: 'trong 2 tuần tới hạn những việc gì',
    must: [['cai tao tru so', 'trang thiet bi', 'muc chi', 'che do chinh sach']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  {
    tag: 'windows',
    q: 'Những việc phải xong trước cuối tháng 6/2019 là gì?',
    must: [['quy trinh noi bo'], ['toan bo quy trinh', 'cai tao tru so']],
    not: ['nhan rong phan mem', 'nang cap cong dich vu cong'],
  },
  {
    tag: 'windows',
    q: 'T8/2019 có hạn gì không',
    must: [['nang cap cong dich vu cong', 'quy iii/2019', '30/9/2019', '30/09/2019']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  {
    tag: 'windows',
    today: '2019-06-05',
    q: 'từ giờ tới cuối tháng này cần hoàn thành những gì',
    must: [['quy trinh noi bo']],
    not: ['nhan rong phan mem', 'cai tao tru so'],
  },
  {
    tag: 'windows',
    today: '2020-09-10',
    q: 'Trong 30 ngày tới có hạn nào không?',
    must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']],
    not: ['quy trinh noi bo', 'co so du lieu quoc gia'],
  },
  {
    tag: 'windows',
    today: '2018-10-15',
    q: 'Từ nay đến cuối năm 2018 phải làm xong gì?',
    must: [['van ban quy pham phap luat'], ['thanh lap trung tam']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },
  {
    tag: 'windows',
    q: 'Quý 3 năm 2020 có những việc gì phải xong',
    must: [['nhan rong phan mem'], ['cong dich vu cong quoc gia']],
    not: ['quy trinh noi bo', 'co so du lieu quoc gia'],
  },
  {
    tag: 'windows',
    q: 'Nửa đầu năm 2019 hạn những việc nào?',
    must: [['muc chi'], ['quy trinh noi bo']],
    not: ['nhan rong phan mem', 'thanh lap trung tam'],
  },
  {
    tag: 'windows',
    today: '2019-09-25',
    q: 'tuan nay co gi den han khong',
    must: [['nang cap cong dich vu cong']],
    not: ['nhan rong phan mem', 'quy trinh noi bo'],
  },
  {
    tag: 'windows',
    today: '2018-12-26',
    q: 'trong vòng 1 tuần tới có việc gì phải xong?',
    must: [['thanh lap trung tam'], ['van ban quy pham']],
    not: ['quy trinh noi bo', 'nhan rong phan mem'],
  },

  // ── counts: section sizes, an agency's lead and coordinate counts (tasks where the agency is named) ──
  {
    tag: 'counts',
    q: 'Sở Thông tin và Truyền thông chủ trì bao nhiêu việc, phối hợp bao nhiêu việc?',
    must: [N(4), N(1)],
    not: [],
  },
  { tag: 'counts', q: 'VP UBND tỉnh chủ trì mấy nhiệm vụ?', must: [N(14)], not: [] },
  { tag: 'counts', q: 'Mục II có bao nhiêu nhiệm vụ?', must: [N(9)], not: [] },
  { tag: 'counts', q: 'phu luc co tong cong bao nhieu nhiem vu', must: [N(19)], not: [] },
  { tag: 'counts', q: 'UBND cấp xã chủ trì mấy việc', must: [N(7)], not: [] },
  { tag: 'counts', q: 'Mục III gồm mấy nhiệm vụ?', must: [N(6)], not: [] },
  { tag: 'counts', q: 'Có bao nhiêu việc phải xong trong Quý I/2019?', must: [N(5)], not: [] },
  { tag: 'counts', q: 'Có mấy nhiệm vụ phải làm lặp lại hằng năm?', must: [N(2)], not: [] },
  { tag: 'counts', q: 'Sở KHĐT phối hợp mấy việc?', must: [N(1)], not: [] },
  { tag: 'counts', q: 'Phần Tổ chức thực hiện giao bao nhiêu nhiệm vụ?', must: [N(7)], not: [] },

  // ── not-stated: what the plan does not give, and section IV whose rows our copy lacks ──
  { tag: 'not-stated', q: 'Tổng kinh phí thực hiện kế hoạch là bao nhiêu tỷ đồng?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Mức chi cụ thể cho cán bộ một cửa là bao nhiêu tiền một tháng?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Ai chủ trì việc tập huấn, tuyên truyền Nghị định 61?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'muc IV co nhung nhiem vu nao, han khi nao', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Trung tâm Phục vụ hành chính công tỉnh đặt ở địa chỉ nào?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Mỗi sở phải cử bao nhiêu công chức đến trung tâm?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Thời hạn kiểm tra, đôn đốc việc thực hiện Nghị định 61 là khi nào?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Đơn vị chậm tiến độ thì bị xử lý thế nào?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Phần mềm một cửa điện tử do công ty nào cung cấp?', must: [NOT_STATED], not: [] },
  { tag: 'not-stated', q: 'Ngân hàng Nhà nước Việt Nam ra hướng dẫn vào ngày nào?', must: [NOT_STATED], not: [] },

  // ── document: title, appendix, signer, cited articles, recipients, basis ──
  { tag: 'document', q: 'Ai ký kế hoạch này?', must: [['cao van trong']], not: [] },
  { tag: 'document', q: 'Tên phụ lục kèm theo kế hoạch là gì', must: [['nhiem vu cu the']], not: [] },
  { tag: 'document', q: 'Kế hoạch căn cứ vào những văn bản nào?', must: [['61/2018'], ['985']], not: [] },
  { tag: 'document', q: 'Điều 11 Nghị định 61 được nhắc tới để làm gì?', must: [['tieu chuan', 'cu cong chuc']], not: [] },
  { tag: 'document', q: 'dieu 38 noi gi trong ke hoach', must: [['kinh phi'], STC], not: [] },
  { tag: 'document', q: 'Điều 7 NĐ 61/2018 liên quan nhiệm vụ nào?', must: [['thanh lap trung tam']], not: [] },
  {
    tag: 'document',
    q: 'Kế hoạch được gửi tới những nơi nào?',
    must: [['cuc kiem soat'], ['kho bac', 'bao hiem xa hoi', 'cuc thue']],
    not: [],
  },
  {
    tag: 'document',
    q: 'Số và ngày ban hành của kế hoạch?',
    must: [['4561'], ['28/9/2018', '28/09/2018', '28 thang 9', '2018-09-28', '28 09 2018']],
    not: [],
  },
  {
    tag: 'document',
    q: 'Quyết định 985 là của ai, ban hành ngày nào?',
    must: [['thu tuong'], ['08/8/2018', '8/8/2018', '08/08/2018', '8 thang 8', '08 thang 8', '2018-08-08']],
    not: [],
  },
  { tag: 'document', q: 'tên đầy đủ của kế hoạch này là gì', must: [['co che mot cua'], ['61/2018']], not: [] },

  // ── english: agencies' English names, periods in English ──
  {
    tag: 'english',
    q: 'What does the Department of Finance have to do?',
    must: [['muc chi', 'spending', 'expenditure', 'allowance', 'cost']],
    not: ['che do chinh sach'],
  },
  {
    tag: 'english',
    q: 'Which tasks does the Provincial Police coordinate on?',
    must: [['dan cu', 'co so du lieu', 'population', 'database']],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'english',
    q: "What is the People's Committee of Ba Tri district responsible for?",
    must: [['cai tao tru so', 'renovat', 'premises', 'ho so dien tu', 'electronic']],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'english',
    q: 'Which tasks are due in Q2 2019?',
    must: [['quy trinh noi bo', 'internal procedure', 'internal process', 'toan bo quy trinh', 'entire process', 'whole process']],
    not: ['nhan rong phan mem', 'cai tao tru so'],
  },
  {
    tag: 'english',
    q: 'Who leads the setting up of the Provincial Public Administration Service Center?',
    must: [
      VP.concat(['office of the provincial people s committee', 'provincial people s committee office', 'ppc office', 'office of the ppc']),
      SNV.concat(['home affairs']),
    ],
    not: [],
  },
  { tag: 'english', q: 'Who signed plan 4561?', must: [['cao van trong']], not: [] },
  {
    tag: 'english',
    today: '2019-04-10',
    q: 'What is overdue right now?',
    must: [
      [
        'che do chinh sach',
        'muc chi',
        'cai tao tru so',
        'thanh lap trung tam',
        'van ban quy pham',
        'xay dung ke hoach trien khai',
        'polic',
        'spending',
        'renovat',
        'establish',
      ],
    ],
    not: ['quy trinh noi bo', 'nhan rong phan mem', 'internal procedure'],
  },
  {
    tag: 'english',
    q: 'What must the Department of Information and Communications do?',
    must: [['an toan thong tin', 'information security', 'information safety', 'cyber']],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'english',
    q: 'When is the deadline for connecting to the national population database?',
    must: [Q4_2020.concat(['q4 2020', 'quarter iv 2020', 'quarter 4 2020', 'december 2020', '2020-12-31', '2020 12 31'])],
    not: [],
  },
  {
    tag: 'english',
    q: 'Which agencies coordinate the national database connection task?',
    must: [KHDT.concat(['planning and investment']), CA.concat(['police']), NHNN.concat(['state bank'])],
    not: [],
  },

  // ── plain-kinds: lead, coordinate, deadline, period, overdue, upcoming, progress, recurring in new words ──
  // lead
  { tag: 'plain-kinds', q: 'Đầu mối thực hiện việc rà soát thủ tục liên thông là cơ quan nào?', must: [VP, HUYEN], not: ['muc chi phuc vu'] },
  {
    tag: 'plain-kinds',
    q: 'ai cam truong viec ban hanh quy che quan ly van hanh cong dich vu cong quoc gia',
    must: [VP, TTTT],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'plain-kinds',
    q: 'Đơn vị nào đứng ra đánh giá việc giải quyết TTHC ở bộ phận một cửa?',
    must: [VP],
    not: ['muc chi phuc vu'],
  },
  // coordinate
  {
    tag: 'plain-kinds',
    q: 'Chuyển hồ sơ giấy thành hồ sơ điện tử thì những cơ quan nào hỗ trợ?',
    must: [VP, TTTT],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'plain-kinds',
    q: 'Bố trí trụ sở trung tâm PVHCC tỉnh thì đơn vị nào phối hợp cùng?',
    must: [['lien quan']],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'plain-kinds',
    q: 'Kết nối cổng thanh toán tập trung cần những ai góp sức?',
    must: [NHNN, CA],
    not: ['muc chi phuc vu'],
  },
  // deadline
  {
    tag: 'plain-kinds',
    q: 'Bao giờ phải xong việc rà soát, công bố danh mục TTHC do Bộ, ngành giao (kể cả ngành dọc)?',
    must: [['hang nam', 'moi nam', 'every year', 'annual']],
    not: [],
  },
  {
    tag: 'plain-kinds',
    q: 'xây dựng, nâng cấp cổng DVC và hệ thống thông tin một cửa cấp tỉnh, huyện: hạn chót?',
    must: [Q3_2019],
    not: ['quy iii/2020'],
  },
  { tag: 'plain-kinds', q: 'hướng dẫn chế độ chính sách cho cán bộ một cửa làm xong lúc nào', must: [Q1_2019], not: [] },
  // period
  {
    tag: 'plain-kinds',
    q: 'Trong năm 2020 phải hoàn thành các đầu việc nào?',
    must: [['nhan rong phan mem'], ['co so du lieu quoc gia', 'dan cu']],
    not: ['quy trinh noi bo', 'cai tao tru so'],
  },
  { tag: 'plain-kinds', q: 'Quý III/2019 cần xong gì', must: [['nang cap cong dich vu cong']], not: ['nhan rong phan mem', 'quy trinh noi bo'] },
  // overdue
  {
    tag: 'plain-kinds',
    today: '2019-07-15',
    q: 'Đến thời điểm này có việc gì bị chậm so với kế hoạch không?',
    must: [['quy trinh noi bo', 'toan bo quy trinh', 'cai tao tru so']],
    not: ['nhan rong phan mem', 'nang cap cong dich vu cong'],
  },
  {
    tag: 'plain-kinds',
    today: '2018-11-01',
    q: 'Sở Nội vụ có việc nào lố hạn chưa',
    must: [['xay dung ke hoach trien khai']],
    not: ['che do chinh sach'],
  },
  // upcoming
  {
    tag: 'plain-kinds',
    today: '2020-08-20',
    q: 'Sắp tới hạn việc gì?',
    must: [['nhan rong phan mem', 'cong dich vu cong quoc gia']],
    not: ['quy trinh noi bo', 'cai tao tru so'],
  },
  {
    tag: 'plain-kinds',
    today: '2019-05-20',
    q: 'UBND cấp huyện sắp phải nộp việc gì?',
    must: [['toan bo quy trinh']],
    not: ['nhan rong phan mem', 'co so du lieu quoc gia'],
  },
  // progress
  {
    tag: 'plain-kinds',
    today: '2020-10-15',
    q: 'Tình hình thực hiện của Sở Thông tin và Truyền thông đến nay?',
    must: [TTTT, ['%', 'hoan thanh', 'qua han', 'tre han']],
    not: [],
  },
  {
    tag: 'plain-kinds',
    today: '2019-04-10',
    q: 'Kế hoạch này nhìn chung đã thực hiện tới đâu rồi?',
    must: [['%', 'hoan thanh', 'qua han']],
    not: [],
  },
  {
    tag: 'plain-kinds',
    today: '2019-01-05',
    q: 'VP UBND tỉnh đã làm được bao nhiêu phần trăm?',
    must: [VP, ['%', 'hoan thanh', 'phan tram']],
    not: [],
  },
  // recurring
  {
    tag: 'plain-kinds',
    q: 'Có việc nào phải làm định kỳ mỗi quý không?',
    must: [['danh gia viec giai quyet']],
    not: ['muc chi phuc vu'],
  },
  {
    tag: 'plain-kinds',
    q: 'những việc làm liên tục, không có hạn chót cụ thể',
    must: [['ho so dien tu'], ['an toan thong tin']],
    not: ['quy trinh noi bo'],
  },
];
