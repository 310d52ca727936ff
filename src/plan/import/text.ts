/**
 * Reads a plan in the source's text layout: the body as paragraphs, then the task appendix with one table cell
 * a line (tab-led), rows separated by blank lines, section rows repeating their title in every cell, and empty
 * cells as non-breaking spaces.
 */
import { clean, fold } from '../../text/fold.ts';
import { ImportError, type RawPlan, type RawPlanDocument, type RawRow, type RawSection } from './build.ts';
import { type Column, columnOf } from './columns.ts';
import { checkTable } from './limits.ts';

const ROMAN_ID = /^[IVXLC]+$/;
const SECTION_ACROSS = /^([IVXLC]+)\s*[.:)–-]\s*(.+)$/;

/** Plan number, date, issuer and title, read from the body and the appendix caption. */
export function readMeta(text: string): Pick<RawPlan, 'number' | 'date' | 'issuer' | 'title'> {
  const meta: Pick<RawPlan, 'number' | 'date' | 'issuer' | 'title'> = {};
  // The plan's own reference: in its appendix caption ("Kèm theo Kế hoạch số … của …") or its header ("Số: …"), never
  // one it cites ("Căn cứ Kế hoạch số 100/KH-UBND …", "triển khai Kế hoạch số … của UBND tỉnh").
  const header = text.match(/Số:\s*(\d+\/KH-[A-Za-zĐđ-]+)/)?.[1];
  const notCited = text
    .split(/\r?\n/)
    .filter((l) => !/^\s*căn cứ(?=\s|$)/i.test(l) && !citedUnderTitle(l))
    .join('\n');
  const refs = [
    ...notCited.matchAll(
      /(?:Kế hoạch|KH)\s+số\s+(\d+\/KH-[A-Za-zĐđ-]+)(?:\s+ngày\s+(\d{1,2})\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4}))?(?:\s+của\s+([^)\n]+))?/g,
    ),
  ];
  const ref = header
    ? refs.find((r) => r[1] === header)
    : (refs.find((r) => /kèm theo\s*$/i.test(notCited.slice(Math.max(0, r.index - 12), r.index))) ?? refs[0]);
  if (ref) {
    meta.number = ref[1];
    if (ref[2]) meta.date = `${ref[4]}-${ref[3]!.padStart(2, '0')}-${ref[2].padStart(2, '0')}`;
    // "của UBND tỉnh về …", "của Ủy ban nhân dân tỉnh Bến Tre phê duyệt …": the issuer without what it does.
    const by = ref[5] && clean(ref[5]).replace(/\s+(?:về|phê duyệt|ban hành|triển khai|thực hiện)(?:\s.*)?$/u, '');
    if (by) meta.issuer = by.replace(/^Ủy ban nhân dân|^Uỷ ban nhân dân/, 'UBND');
  }
  const lines = text.split(/\r?\n/).map(clean);
  const head = lines.findIndex((l) => fold(l) === 'ke hoach');
  if (head >= 0 && lines[head + 1]) meta.title = lines[head + 1];
  // A Word document's header table: "Số: 4561/KH-UBND", "Bến Tre, ngày 28 tháng 9 năm 2018", "ỦY BAN NHÂN DÂN TỈNH BẾN TRE".
  if (!meta.number) meta.number = text.match(/Số:\s*(\d+\/KH-[A-Za-zĐđ-]+)/)?.[1];
  if (!meta.date) {
    const d = text.match(/,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/);
    if (d) meta.date = `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}`;
  }
  if (!meta.issuer) {
    const u = lines.map((l) => l.match(/^(?:ỦY|UỶ|ỦY|Ủy|Uỷ) BAN NHÂN DÂN\s+(TỈNH|HUYỆN|THÀNH PHỐ|tỉnh|huyện|thành phố)\s+(.+)$/i)).find(Boolean);
    if (u) {
      const name = u[2]!.toLowerCase().replace(/(^|\s)(\S)/g, (_m, sp: string, ch: string) => sp + ch.toUpperCase());
      meta.issuer = `UBND ${u[1]!.toLowerCase()} ${name}`;
    }
  }
  return meta;
}

const MONTH_DATE = /ngày\s+(\d{1,2})\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/;

/** Kinds of legal documents a plan cites, longest first ("Thông tư liên tịch" before "Thông tư"). */
const KINDS = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Hiến pháp',
  'Nghị định',
  'Nghị quyết',
  'Quyết định',
  'Thông tư',
  'Chỉ thị',
  'Công điện',
  'Công văn',
  'Kế hoạch',
  'Hướng dẫn',
  'Kết luận',
  'Thông báo',
  'Chương trình',
  'Đề án',
  'Chiến lược',
  'Văn bản',
];
const KIND = new RegExp(`^(${KINDS.join('|')})(?=\\s|$)`, 'iu');
const LAW = /^(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?=\s|$)/iu;
/** A document number: digits first and a slash or dash after ("61/2018/NĐ-CP", "29-NQ/TW"). */
const NUMBER = /^\d[\p{L}\d.]*[/-][\p{L}\d./-]*$/u;
/** The words that begin what a document does, after its issuer: "về …", "phê duyệt …", "quy định …". */
const SUBJECT = /\s(về|phê duyệt|ban hành|quy định|hướng dẫn|sửa đổi|bổ sung|thực hiện|triển khai)(?=\s|$)/u;

/**
 * A "Căn cứ …" line: the document's kind, title (a law's name) and number, its date, issuer and subject, as written.
 * What comes before the date or the issuer names the document; a word "số" that is not followed by a number
 * ("Luật Chuyển đổi số", "một số điều") is no number, so a document without one keeps its kind and title.
 */
export function readBasis(line: string): RawPlanDocument['basis'][number] {
  const text = clean(line.replace(/^căn cứ\s*/i, '')).replace(/[;.,]$/, '');
  const date = text.match(MONTH_DATE);
  // The document's name ends where its date, its issuer ("của …") or its subject begins.
  // A law's own name may hold "của" or "sửa đổi" ("Luật sửa đổi, bổ sung một số điều của Luật …"): it ends at its
  // number or its date only.
  const lawNumber = LAW.test(text) ? text.match(/^.*?\ssố\s+\d\S*/u) : null;
  const ends = LAW.test(text) ? [date?.index, lawNumber?.[0].length] : [date?.index, text.search(/\s(?:của)\s/u), text.search(SUBJECT)];
  const found = ends.filter((i): i is number => i !== undefined && i >= 0);
  const nameEnd = found.length > 0 ? Math.min(...found) : text.length;
  const name = text.slice(0, nameEnd).trim();
  let kind: string | undefined;
  let title: string | undefined;
  let number: string | undefined;
  const k = name.match(KIND);
  // "… số 61/2018/NĐ-CP", or the number alone after the kind ("Nghị định 61/2018/NĐ-CP").
  const num = name.match(/^(.*?)\s+(?:số\s+)?(\S+)$/u);
  const numbered = num && NUMBER.test(num[2]!) ? num : undefined;
  if (k) {
    kind = k[1]!;
    const rest = clean(numbered ? numbered[1]!.slice(k[0].length).replace(/\s+số$/u, '') : name.slice(k[0].length));
    if (rest) title = rest;
  } else if (numbered) kind = clean(numbered[1]!.replace(/\s+số$/u, '')) || undefined;
  if (numbered) number = numbered[2]!;
  // Who issued it: "của X" up to what X does ("về …", "phê duyệt …") or the line's end.
  const tail = text.slice(nameEnd);
  const by = tail.match(/(?:^|\s)của\s+(.+)$/u);
  let issuer: string | undefined;
  let about: string | undefined;
  // A line that names no document ("Căn cứ tình hình thực tế của địa phương") has no issuer either.
  // "… của Luật …" after the name names another document, not who issued this one: neither issuer nor subject.
  const another = by !== null && KIND.test(by[1]!);
  if (kind && by && !another) {
    const s = by[1]!.search(SUBJECT);
    issuer = clean(s >= 0 ? by[1]!.slice(0, s) : by[1]!);
    if (s >= 0) about = clean(by[1]!.slice(s));
  } else if (kind && !another) {
    const s = tail.search(SUBJECT);
    if (s >= 0) about = clean(tail.slice(s));
  }
  return {
    text,
    ...(kind ? { kind } : {}),
    ...(title ? { title } : {}),
    ...(number ? { number } : {}),
    ...(date ? { date: `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}` } : {}),
    ...(issuer ? { issuer } : {}),
    ...(about ? { about } : {}),
  };
}

/**
 * Where a "Căn cứ" line's next document begins: at a document's kind written as a name is ("Luật sửa đổi …",
 * "Nghị định số …") after a semicolon, or after a date and a comma or "và" ("… ngày 19/6/2013, Luật …").
 */
const DATE_END = String.raw`(?:năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})`;
// Or at "và" / a comma before a kind with its number, wherever it stands ("… của Thủ tướng Chính phủ và Nghị quyết số
// 07/2025/NQ-HĐND …"): a kind followed by a number is always a document of its own.
const NEXT_DOCUMENT = new RegExp(
  String.raw`(?:;|(?<=${DATE_END}),|(?<=${DATE_END})\s+và)\s+(?=(?:${KINDS.join('|')})(?:\s|$))|(?:,|\s+và)\s+(?=(?:${KINDS.join('|')})\s+(?:số\s+)?\d)`,
  'u',
);

/**
 * The documents a line in parentheses under a plan's title cites, as offices write it in place of "Căn cứ" lines:
 * "(Thực hiện Luật … số 55/2024/QH15 ngày 29/11/2024 và Nghị định số 105/2025/NĐ-CP …)", "(Căn cứ Quyết định số …)",
 * "(Triển khai Kế hoạch số … của UBND tỉnh)" → what follows the opening words. Undefined for any other line: a
 * sentence of the body that starts "Thực hiện …" is no citation, nor a parenthesis that names no document.
 */
export function citedUnderTitle(line: string): string | undefined {
  const m = clean(line).match(/^\(\s*(?:căn cứ|thực hiện|triển khai)\s+([^()]*(?:\([^()]*\)[^()]*)*)\)[.;]?$/iu);
  return m && KIND.test(m[1]!) ? clean(m[1]!) : undefined;
}

/**
 * A "Căn cứ …" line as the documents it cites, one entry each: "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;
 * Luật sửa đổi, bổ sung … ngày 17/6/2020;" cites two laws.
 */
export function readBases(line: string): RawPlanDocument['basis'] {
  return clean(line)
    .split(NEXT_DOCUMENT)
    .map((part) => readBasis(part));
}

/**
 * The body besides the tasks: the documents it is based on, its parts (purpose and requirements, content, …) with
 * their numbered points, the closing paragraph, the recipients and the signer.
 */
export function readDocument(lines: string[]): RawPlanDocument {
  const doc: RawPlanDocument = { basis: [], parts: [], recipients: [] };
  let part: RawPlanDocument['parts'][number] | undefined;
  let inRecipients = false;
  let closing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = clean(lines[i]!);
    const f = fold(line);
    if (!line) continue;
    if (/^phu luc$/.test(f)) {
      // "PHỤ LỤC" then its title in capitals, line by line, up to "(Ban hành kèm theo …)" or the table.
      const title: string[] = [];
      for (let k = i + 1; k < lines.length && title.length < 4; k++) {
        const next = clean(lines[k]!);
        if (!next) continue;
        if (next !== next.toUpperCase() || /^[(\t]/.test(next) || lines[k]!.startsWith('\t')) break;
        title.push(next);
      }
      if (title.length > 0) doc.appendixTitle = title.join(' ').slice(0, 500);
      break;
    }
    if (/^noi nhan:?$/.test(f)) {
      inRecipients = true;
      part = undefined;
      closing = false;
      continue;
    }
    // The signature block with no "Nơi nhận" before it: the body ends there all the same.
    const signs = !inRecipients && isSignatureStart(line);
    if (inRecipients || signs) {
      closing = false;
      if (inRecipients && line.startsWith('-')) {
        doc.recipients.push(clean(line.slice(1)).replace(/[;.]$/, ''));
        continue;
      }
      part = undefined;
      // After the recipients, the signature block: lines in capitals ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
      // "PHÓ CHỦ TỊCH"), the last of them the signer's own title, then their name (the first line that is not in
      // capitals). What follows is no longer the body.
      // A PDF reads the recipients and the signature side by side a line of each: the recipients' lines among
      // the block's are still recipients.
      const recipient = (l: string) => {
        if (!inRecipients || !l.startsWith('-')) return false;
        doc.recipients.push(clean(l.slice(1)).replace(/[;.]$/, ''));
        return true;
      };
      const block: string[] = [];
      let j = i;
      for (; j < lines.length && block.length < 4; j++) {
        const l = clean(lines[j]!);
        // "(Đã ký)", "(ký, ghi rõ họ tên)": where the signature stands on a copy, no line of the block.
        if (!l || recipient(l) || SIGNED.test(fold(l))) continue;
        if (l !== l.toUpperCase() || /^phu luc\b/.test(fold(l))) break;
        block.push(l);
      }
      const name = j < lines.length ? clean(lines[j]!) : '';
      // The whole block as written, whose authority the signer signs with: "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH".
      const title = block.join(', ');
      const named = Boolean(title && name && !/^phu luc\b/.test(fold(name)));
      if (named && !doc.signer) doc.signer = { title, name };
      if (named) while (j + 1 < lines.length && recipient(clean(lines[j + 1]!))) j++;
      inRecipients = false;
      // The name is read; a line that is not one (the appendix's heading) is read next.
      i = Math.max(i, named ? j : j - 1);
      continue;
    }
    if (/^can cu\b/.test(f)) {
      doc.basis.push(...readBases(line));
      continue;
    }
    const cited = citedUnderTitle(line);
    if (cited) {
      doc.basis.push(...readBases(cited));
      continue;
    }
    if (doc.parts.length === 0 && !part && doc.basis.length > 0 && /nhu sau:?$/.test(f)) {
      doc.preamble = line;
      continue;
    }
    const heading = line.match(/^([IVX]+)\.\s+(.+)$/);
    if (heading) {
      closing = false;
      part = { number: heading[1]!, title: heading[2]!, items: [] };
      doc.parts.push(part);
      continue;
    }
    // The closing paragraphs ("Trên đây là Kế hoạch …", "Yêu cầu … nghiêm túc triển khai thực hiện./."): the document's,
    // not the last item's.
    // What follows the closing up to the recipients or the signature is the closing too; a line in capitals (a
    // heading, the next sheet's "ỦY BAN NHÂN DÂN TỈNH …") is not.
    if (closing && line === line.toUpperCase()) closing = false;
    if (isClosing(line) || (closing && !/^\d+\.\s/.test(line))) {
      closing = true;
      doc.closing = doc.closing ? `${doc.closing}\n${line}` : line;
      part = undefined;
      continue;
    }
    if (!part) continue;
    const item = line.match(/^(\d+)\.\s*(.+)$/);
    if (item) part.items.push(item[2]!);
    else if (part.items.length > 0 && !/^cac noi dung/.test(f)) part.items[part.items.length - 1] += `\n${line}`;
    else part.note = part.note ? `${part.note}\n${line}` : line;
  }
  return doc;
}

/**
 * The words a closing paragraph opens with, whatever follows: "Trên đây là Kế hoạch …", "Yêu cầu …", "UBND tỉnh yêu
 * cầu …", "Trong quá trình thực hiện …" (a PDF's line that may start one).
 */
export function opensClosing(line: string): boolean {
  return /^(tren day\b|(?:(?:uy ban nhan dan|ubnd) (?:tinh|huyen|thanh pho|thi xa)\s+)?yeu cau\b|trong qua trinh (?:to chuc )?(?:trien khai )?thuc hien\b)/.test(
    fold(clean(line)),
  );
}

/**
 * A closing paragraph of the body, after its last part: "Trên đây là Kế hoạch …"; "(UBND tỉnh) yêu cầu … nghiêm túc
 * (triển khai) thực hiện./."; "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …". A numbered point is never one.
 */
export function isClosing(line: string): boolean {
  const text = clean(line);
  const f = fold(text);
  if (!opensClosing(text)) return false;
  if (/^tren day\b/.test(f)) return true;
  if (/^trong qua trinh/.test(f)) return /kho khan|vuong mac|phat sinh/.test(f);
  return /nghiem tuc|khan truong|trien khai thuc hien|to chuc thuc hien|thuc hien nghiem/.test(f) || /\.\/\.$/.test(text);
}

/** The mark a copy has where the signature stands: "(Đã ký)", "(đã ký và đóng dấu)", "(Ký, ghi rõ họ tên)". */
const SIGNED = /^[([]\s*(?:da\s+)?ky\b[^)\]]*[)\]]$/;

/** The first line of a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", or the title alone in capitals. */
export function isSignatureStart(line: string): boolean {
  const f = fold(line);
  if (/^(tm|kt|tl|tuq|q)\.\s*\S/.test(f) && line === line.toUpperCase()) return true;
  return /^(pho )?(chu tich|giam doc|truong ban)$/.test(f) && line === line.toUpperCase();
}

/** The numbered paragraphs of the body part headed "TỔ CHỨC THỰC HIỆN". */
export function readAssignments(lines: string[]): { number: string; text: string }[] {
  const start = lines.findIndex((l) => /^[ivx]+\.\s*to chuc thuc hien\b/.test(fold(l)));
  if (start < 0) return [];
  const out: { number: string; text: string }[] = [];
  for (const line of lines.slice(start + 1)) {
    const f = fold(line);
    if (/^[IVX]+\.\s/.test(line) || /^(noi nhan|phu luc$)/.test(f) || line.startsWith('\t') || isSignatureStart(line) || isClosing(line)) break;
    if (!line) continue;
    const m = line.match(/^(\d+)\.\s*(.+)$/);
    if (m) out.push({ number: m[1]!, text: m[2]! });
    else if (out.length > 0) out[out.length - 1]!.text += `\n${line}`;
  }
  return out;
}

/** Tab-led cell blocks after the appendix header (a block whose first cell is "STT"). */
function readBlocks(lines: string[]): { header: string[]; blocks: string[][] } | undefined {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.startsWith('\t')) current.push(clean(line.slice(1)));
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  const at = blocks.findIndex((b) => fold(b[0] ?? '') === 'stt');
  if (at < 0) return undefined;
  return { header: blocks[at]!, blocks: blocks.slice(at + 1).filter((b) => b.some((c) => c !== '')) };
}

/**
 * The appendix table as sections of rows, whatever file it came from. A row whose cells after the first all say the
 * same (a merged section row, or the text layout's repeated title) starts a section when its first cell is a Roman
 * number; otherwise it is a note row and is skipped. A repeated header row (a new page) is skipped. Missing
 * essential columns are an ImportError naming them.
 */
export function tableToSections(header: readonly string[], rows: readonly (readonly string[])[]): RawSection[] {
  checkTable(rows);
  // A header of two rows ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"): each column named by both.
  // Its second row has no number of its own (empty, or "STT" merged down) and only words that name columns.
  const below = rows[0];
  const sub =
    below !== undefined &&
    (fold(below[0] ?? '') === 'stt' || below[0] === '') &&
    below.some((c, k) => c !== '' && c !== header[k]) &&
    below.every((c, k) => c === '' || c === header[k] || columnOf(c) !== undefined);
  const head = sub ? header.map((h, k) => (below[k] && below[k] !== h ? `${h} ${below[k]}`.trim() : h)) : header;
  const columns: (Column | undefined)[] = head.map(columnOf);
  for (const need of ['stt', 'content', 'lead'] as const) {
    if (!columns.includes(need)) throw new ImportError(`the task table has no "${need}" column (header: ${head.join(' | ')})`, 'no-column', { column: need });
  }
  const sections: RawSection[] = [];
  const body = sub ? rows.slice(1) : rows;
  body.forEach((cells, i) => {
    // A number as Word's numbering shows it ("1.", "II.") is the number.
    const stt = (cells[0] ?? '').replace(/^(\w+)[.)]$/, '$1');
    const rest = cells.slice(1);
    if (fold(stt) === 'stt' || cells.every((c) => c === '')) return;
    const uniform = rest.length > 0 && rest.every((c) => c === rest[0]);
    const last = i === body.length - 1;
    const short = cells.length < head.length;
    if (ROMAN_ID.test(stt) && uniform) {
      sections.push({ id: stt, title: rest[0]!, rows: [], ...(last && short ? { truncated: true } : {}) });
      return;
    }
    // One cell across the whole table, its title led by the section's number: "I. HOÀN THIỆN THỂ CHẾ".
    const across = uniform && stt === rest[0] ? stt.match(SECTION_ACROSS) : null;
    if (across) {
      sections.push({ id: across[1]!, title: across[2]!, rows: [], ...(last && short ? { truncated: true } : {}) });
      return;
    }
    // A row merged across the table that is not a section ("Ghi chú: …"): not a task.
    if (uniform && !/^\d/.test(stt) && (stt === '' || stt === rest[0])) return;
    if (sections.length === 0) sections.push({ id: 'NV', title: 'Nhiệm vụ', rows: [] });
    const row: RawRow = { stt, content: '', lead: '', coordinate: '', deadline: '', note: '' };
    columns.forEach((col, k) => {
      if (col && col !== 'stt') row[col] = cells[k] ?? '';
    });
    sections[sections.length - 1]!.rows.push(row);
  });
  return sections;
}

/** A plan's raw parts from its body lines and its appendix table (text, Word or Excel alike). */
export function rawPlanOf(lines: string[], header: readonly string[], rows: readonly (readonly string[])[], source?: string): RawPlan {
  const sections = tableToSections(header, rows);
  const document = readDocument(lines);
  const truncated = sections.find((x) => x.truncated);
  if (truncated) document.stopsAt = truncated.id;
  return { ...readMeta(lines.join('\n')), ...(source ? { source } : {}), sections, assignments: readAssignments(lines), document };
}

export function parseTextPlan(text: string, source?: string): RawPlan {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const table = readBlocks(lines);
  if (!table) throw new ImportError('no task table found: expected a header row of tab-led cells starting with "STT"', 'no-table');
  return rawPlanOf(lines, table.header, table.blocks, source);
}
