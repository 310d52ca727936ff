/** Questions about the plan's own document: its header, what it is based on, its purpose, parts, recipients, targets. */
import { formatDate } from '../plan/deadline.ts';
import type { Basis } from '../plan/schema.ts';
import { canonicalTokens, wordPairs } from '../text/canonical.ts';
import { fold } from '../text/fold.ts';
import type { Question } from '../understand/intents.ts';
import { language } from '../understand/language.ts';
import type { AnswerContext, Reply } from './answers.ts';
import { excerpt } from './format.ts';

const answer = (text: string): Reply => ({ intent: 'document', text, tasks: [], agencies: [] });

function basisLine(ctx: AnswerContext, b: Basis): string {
  if (!b.kind || !b.number) return `• ${b.text}`;
  // A law cited by number keeps its name: "Luật Tổ chức chính quyền địa phương số 77/2015/QH13".
  const kind = b.title ? `${b.kind} ${b.title}` : b.kind;
  // A document cited without its issuer (a law, "Luật … số 55/2024/QH15 ngày 29/11/2024") is told without one.
  const key = b.issuer ? 'doc.basisLine' : 'doc.basisLineNoIssuer';
  return `• ${ctx.t(key, { kind, number: b.number, date: b.date ? formatDate(b.date) : '—', issuer: b.issuer ?? '', about: b.about ?? '' }).trim()}`;
}

/** The abbreviations of a signing authority: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
const AUTHORITY = /^(TM|KT|TL|TUQ|Q)\.\s*/u;

/**
 * A signature block's line in capitals as a sentence writes it: "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "KT. CHỦ TỊCH" →
 * "KT. Chủ tịch", "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân" (a title after "Phó", "Quyền", "Chánh" keeps its
 * capital: "Phó Giám đốc", "Chánh Văn phòng"). A line not in capitals stays as written.
 */
function sentenceCase(line: string): string {
  if (line !== line.toUpperCase()) return line;
  const [, abbr = '', rest = ''] = line.match(/^((?:TM|KT|TL|TUQ|Q)\.\s*)?(.*)$/su)!;
  const words = rest.toLowerCase().split(' ');
  const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const second = ['phó', 'quyền', 'chánh'].includes(words[0]!) && words.length > 1;
  return abbr + words.map((w, i) => (i === 0 || (second && i === 1) ? upper(w) : w)).join(' ');
}

/**
 * "Người ký: Phó Chủ tịch Nguyễn Văn Đức (KT. Chủ tịch)": the signer's own title before the name, the authority
 * signed with ("TM. …", "KT. …") after it, each as a sentence writes it.
 */
function signerLine(ctx: AnswerContext, signer: { title: string; name: string }): string {
  const lines = signer.title.split(/,\s*(?=\S)/u).map(sentenceCase);
  const own = lines.filter((l) => !AUTHORITY.test(l));
  const title = own.length > 0 ? own.join(', ') : (lines.pop() ?? '');
  const authority = lines.filter((l) => AUTHORITY.test(l));
  const name = signer.name;
  return authority.length > 0 ? ctx.t('doc.signerFor', { title, name, authority: authority.join(', ') }) : ctx.t('doc.signer', { title, name });
}

export function documentAnswer(ctx: AnswerContext, q: Question): Reply {
  const plan = ctx.plan;
  const doc = plan.document;
  const head = ctx.t('doc.header', { plan: plan.number, date: formatDate(plan.date), issuer: plan.issuer, title: plan.title });
  const signed = doc?.signer ? signerLine(ctx, doc.signer) : '';
  // A part our copy of the document lacks is what the plan (as we have it) does not state.
  const missing = (what: string): Reply => ({ ...answer(ctx.t('doc.missing', { what: ctx.t(`doc.part.${what}`), plan: plan.number })), intent: 'not-stated' });
  switch (q.about) {
    case 'header': {
      // A guess of the classifier's whose words are the body's own: what the body says of them.
      const says = q.guessed ? bodySaysAnswer(ctx, q) : undefined;
      if (says) return says;
      // The years the plan runs, from its date to the last deadline of its tasks ("giai đoạn nào", "kéo dài đến khi nào").
      const last = plan.tasks
        .flatMap((task) => (task.deadline.due ? [task.deadline.due] : []))
        .sort()
        .at(-1);
      const [from, to] = [plan.date.slice(0, 4), last?.slice(0, 4)];
      const span = to && to > from ? ctx.t('doc.span', { from, to }) : to === from ? ctx.t('doc.spanYear', { year: from }) : '';
      // "ai ký": a copy without the signature block says so, not only the header.
      const signerAsked = / (?:ai ky|nguoi ky|ky ten|ky boi|ky vay|ai (?:\S+ ){0,3}ky|(?:lanh dao|vi|dong chi) nao (?:ky|duyet)|ai (?:ky )?duyet) /.test(
        ` ${(q.cueWords ?? []).join(' ')} `,
      );
      // "kế hoạch có hiệu lực từ ngày nào": the plan does not say; it is dated.
      if (/ hieu luc /.test(` ${(q.cueWords ?? []).join(' ')} `))
        return { ...answer([ctx.t('doc.inForce', { plan: plan.number }), head].join('\n')), intent: 'not-stated' };
      if (!signed && signerAsked)
        return { ...missing('signer'), text: `${ctx.t('doc.missing', { what: ctx.t('doc.part.signer'), plan: plan.number })}\n${head}` };
      // "Was plan 4561 signed in October 2018?": yes or no first, then its date.
      const dated = q.datedIn && q.period ? `${ctx.t(plan.date >= q.period.start && plan.date <= q.period.end ? 'yesno.yes' : 'yesno.no')} ` : '';
      return answer([dated + head, signed, span].filter(Boolean).join('\n'));
    }
    case 'basis':
      if (!doc || doc.basis.length === 0) return missing('basis');
      return answer([ctx.t('doc.basis', { plan: plan.number, n: doc.basis.length }), ...doc.basis.map((b) => basisLine(ctx, b))].join('\n'));
    case 'cited': {
      if (q.article) return articleAnswer(ctx, q.article);
      const [kind = '', num = ''] = (q.cited ?? '').split('|');
      if (q.asksArticle) return articlesAnswer(ctx, num);
      const full = ({ nd: 'nghi dinh', qd: 'quyet dinh', tt: 'thong tu' } as Record<string, string>)[kind] ?? kind;
      const hits = (doc?.basis ?? []).filter((b) => b.number?.startsWith(`${num}/`) && (!b.kind || fold(b.kind) === full));
      const shown = ({ 'nghi dinh': 'Nghị định', 'quyet dinh': 'Quyết định', 'thong tu': 'Thông tư' } as Record<string, string>)[full] ?? full;
      // Asked yes or no ("có căn cứ Nghị định 45/2020 không"): the word first.
      const yesNo = (yes: boolean) => (q.yesNo ? `${ctx.t(yes ? 'yesno.yes' : 'yesno.no')} ` : '');
      if (hits.length === 0) return answer(yesNo(false) + ctx.t('doc.notCited', { name: `${shown} ${num}`, plan: plan.number }));
      const lines = hits.map((b) => basisLine(ctx, b));
      // "Nghị định 61 có hiệu lực từ ngày nào", "… thay thế nghị định nào", "ai ký NĐ 61": the plan cites it by its
      // number, date, issuer and subject only.
      // (Its signer asked with its date, "ai ký QĐ 985, ngày nào": the cited line says the date and the issuer.)
      const cue = ` ${(q.cueWords ?? []).join(' ')} `;
      const signer = / ai ky | nguoi ky | (?:dong chi|ai) nao ky | ky boi /.test(cue) && !/ ngay | khi nao | bao gio | nam nao | hoi nao /.test(cue);
      if (signer || / (?:co )?hieu luc | bat dau (?:ap dung|thi hanh) | ap dung tu | thay the /.test(cue))
        return { ...answer([ctx.t('doc.citedInForce', { plan: plan.number }), ...lines].join('\n')), intent: 'not-stated' };
      return answer([yesNo(true) + ctx.t('doc.cited', { plan: plan.number }), ...lines].join('\n'));
    }
    case 'purpose': {
      const part = doc?.parts.find((p) => /muc dich|yeu cau/.test(fold(p.title)));
      if (!part) return missing('purpose');
      return answer(
        [ctx.t('doc.part', { number: part.number, title: part.title, plan: plan.number }), ...part.items.map((x, i) => `${i + 1}. ${x}`)].join('\n'),
      );
    }
    case 'parts': {
      // "phần I của kế hoạch là phần gì": that part of the body, item by item; the appendix's section of the same
      // number said after it (officials call both "phần").
      if (q.partNo) {
        const body = doc?.parts.find((p) => p.number === q.partNo);
        const section = plan.sections.find((x) => x.id === q.partNo && !x.missingInSource);
        const inSection = section ? plan.tasks.filter((x) => x.section === section.id).length : 0;
        const sectionLine = section ? ctx.t('doc.appendixSection', { number: section.id, title: section.title, n: inSection }) : '';
        if (body)
          return answer(
            [
              ctx.t('doc.part', { number: body.number, title: body.title, plan: plan.number }),
              ...body.items.map((x, i) => `${i + 1}. ${excerpt(x, 160)}`),
              ...(sectionLine ? ['', sectionLine] : []),
            ].join('\n'),
          );
        if (sectionLine) return answer(sectionLine);
      }
      if (!doc || doc.parts.length === 0) return missing('parts');
      const lines = doc.parts.map((p) => `${p.number}. ${p.title}${p.items.length > 0 ? ` (${ctx.t('doc.items', { n: p.items.length })})` : ''}`);
      const content = doc.parts.find((p) => /noi dung/.test(fold(p.title)));
      const detail = content ? [``, ctx.t('doc.contentOf', { number: content.number }), ...content.items.map((x, i) => `${i + 1}. ${excerpt(x, 160)}`)] : [];
      const appendix = ctx.t('doc.appendix', { n: plan.tasks.length, stops: doc.stopsAt ? ctx.t('doc.stopsAt', { section: doc.stopsAt }) : '' });
      return answer([ctx.t('doc.parts', { plan: plan.number, n: doc.parts.length }), ...lines, ...detail, '', appendix].join('\n'));
    }
    case 'recipients': {
      if (!doc || doc.recipients.length === 0) return missing('recipients');
      const list = [ctx.t('doc.recipients', { plan: plan.number }), ...doc.recipients.map((r) => `• ${r}`)];
      // "Kế hoạch có gửi Công an tỉnh không": whether the agency (or a group it belongs to) is among them, first.
      const say = (yes: boolean, agency: string) =>
        list.unshift(`${ctx.t(yes ? 'yesno.yes' : 'yesno.no')} ${ctx.t(yes ? 'doc.recipientYes' : 'doc.recipientNo', { agency, plan: plan.number })}`);
      // ("cơ quan trung ương nào nhận kế hoạch": which, not whether — the list.)
      if (q.agencies.length > 0 && !(!q.yesNo && / nao /.test(` ${(q.cueWords ?? []).join(' ')} `))) {
        const named = new Set(doc.recipients.flatMap((r) => ctx.dir.scan(canonicalTokens(r)).flatMap((m) => m.agencies)));
        const isSent = (a: string) => ctx.dir.identities(a).some((id) => named.has(id));
        // "the Government Office's Administrative Procedure Control Agency": one name holding two bodies (Chính phủ
        // in the recipient's own line), answered for the one sent it; bodies asked side by side, each in turn.
        const sent = q.agencies.filter(isSent);
        const lineOf = (a: string) =>
          doc.recipients.find((r) => ctx.dir.scan(canonicalTokens(r)).some((m) => m.agencies.some((id) => ctx.dir.identities(a).includes(id))));
        const within = (a: string) => sent.some((b) => fold(lineOf(b) ?? '').includes(fold(ctx.dir.label(a))));
        const asked = q.agencies.filter((a) => isSent(a) || !within(a));
        for (const a of [...asked].reverse()) say(isSent(a), ctx.dir.label(a));
      } else if (q.unresolved) {
        // A body the directory does not know ("có gửi Bưu điện tỉnh không"): looked for by its words in the list.
        const words = canonicalTokens(q.unresolved).join(' ');
        const text = ` ${doc.recipients.map((r) => canonicalTokens(r).join(' ')).join(' | ')} `;
        say(text.includes(` ${words} `), q.unresolved);
      }
      return answer(list.join('\n'));
    }
    case 'focus': {
      // "UBND cấp huyện phải xác định việc này là nhiệm vụ trọng tâm trong giai đoạn nào": the body's sentences that
      // name the key work, each with where it stands (each once: part III and the assignments are the same text).
      const seen = new Set<string>();
      const said = bodySentences(ctx).filter(
        ({ sentence }) => / trong tam /.test(` ${canonicalTokens(sentence).join(' ')} `) && !seen.has(sentence.trim()) && seen.add(sentence.trim()),
      );
      if (said.length === 0) return missing('focus');
      // "Does the plan describe its own implementation as a key task …?": yes, where it says so.
      return answer(
        [
          (q.yesNo ? `${ctx.t('yesno.yes')} ` : '') + ctx.t('doc.focus', { plan: plan.number }),
          ...said.map(({ where, sentence }) => `• ${where}: ${sentence.trim()}`),
        ].join('\n'),
      );
    }
    case 'funding': {
      // "Tiền làm kế hoạch lấy từ nguồn nào": the body's part on funding, else its sentences that speak of money.
      const part = doc?.parts.find((p) => /kinh phi|nguon von|ngan sach/.test(fold(p.title)));
      if (part && part.items.length > 0)
        return answer([ctx.t('doc.part', { number: part.number, title: part.title, plan: plan.number }), ...part.items.map((x) => `• ${x}`)].join('\n'));
      // (Part III of the body and its assignments are the same text: each sentence once, where it is first found.)
      const seen = new Set<string>();
      const said = bodySentences(ctx).filter(
        ({ sentence }) =>
          / (?:kinh phi|ngan sach|nguon von) /.test(` ${canonicalTokens(sentence).join(' ')} `) && !seen.has(sentence.trim()) && seen.add(sentence.trim()),
      );
      if (said.length === 0) return missing('funding');
      return answer([ctx.t('doc.funding', { plan: plan.number }), ...said.map(({ where, sentence }) => `• ${where}: ${sentence.trim()}`)].join('\n'));
    }
    case 'appendix': {
      // "Thời hạn, trách nhiệm của từng cơ quan ghi ở đâu trong kế hoạch": in the appendix of tasks, by section.
      // (A section our copy has the heading of only is said so, not counted as holding no task.)
      const sections = plan.sections.map(
        (x) =>
          `${x.id}. ${x.title} (${x.missingInSource ? ctx.t('doc.headingOnly') : ctx.t('doc.tasksN', { n: plan.tasks.filter((t) => t.section === x.id).length })})`,
      );
      // "phụ lục kèm theo kế hoạch tên là gì": its own title first.
      if (q.appendixTitle && doc?.appendixTitle)
        return answer([ctx.t('doc.appendixTitle', { plan: plan.number, title: doc.appendixTitle, n: plan.tasks.length }), ...sections].join('\n'));
      return answer([ctx.t('doc.appendixWhere', { plan: plan.number, n: plan.tasks.length }), ...sections].join('\n'));
    }
    case 'assignments': {
      // "phần tổ chức thực hiện gồm mấy mục", "phần TCTH giao những gì": the body's numbered items, each in one line.
      if (plan.assignments.length === 0) return missing('assignments');
      const lines = plan.assignments.map((a) => `• ${ctx.t('doc.assignmentLine', { n: a.number, text: excerpt(a.text, 110, 0) })}`);
      return answer([ctx.t('doc.assignments', { plan: plan.number, n: plan.assignments.length }), ...lines].join('\n'));
    }
    case 'closing': {
      // "Gặp khó khăn, vướng mắc thì báo về đâu": what the plan says of difficulties met, wherever it says it; else its
      // closing paragraph ("cuối kế hoạch UBND tỉnh yêu cầu những ai …").
      const asked = ` ${(q.cueWords ?? []).join(' ')} `;
      const closing = doc?.closing ? sentencesOf(doc.closing).map((sentence) => ({ where: ctx.t('doc.closingShort'), sentence })) : [];
      if (/ (?:vuong mac|kho khan) /.test(asked)) {
        const said = [...bodySentences(ctx), ...closing].filter(({ sentence }) => / (?:vuong mac|kho khan) /.test(` ${canonicalTokens(sentence).join(' ')} `));
        if (said.length > 0)
          return answer([ctx.t('doc.difficulties', { plan: plan.number }), ...said.map(({ where, sentence }) => `• ${where}: ${sentence.trim()}`)].join('\n'));
      }
      if (!doc?.closing) return missing('closing');
      return answer([ctx.t('doc.closing', { plan: plan.number }), doc.closing].join('\n'));
    }
    case 'targets': {
      // The plan's numeric targets, as it states them: sentences with a percentage, or a figure aimed at ("phấn đấu
      // tăng ít nhất 05 bậc", "ít nhất 250 hợp tác xã").
      const sentences = targetSentences(ctx);
      const unique = [...new Set(sentences)];
      if (unique.length === 0) return { ...answer(ctx.t('doc.noTargets', { plan: plan.number })), intent: 'not-stated' };
      const lines = unique.map((x) => `• ${x.trim()}`);
      // "Chỉ tiêu bao nhiêu % hồ sơ nộp trực tuyến mức độ 4": a target of something the plan sets none for is said so,
      // with the targets it does set — not its targets as if they answered.
      // Judged on the whole paragraphs the targets stand in ("Các sở cử công chức … phấn đấu … 20%").
      // A percentage asked is answered by the targets in percent only; a level ("mức độ mấy") by the levels aimed at.
      // ("chỉ tiêu số TTHC trực tuyến mức độ 3, 4 là mấy": the level named, a figure of it asked — no level answers.)
      const asked = ` ${(q.cueWords ?? q.words).join(' ')} `;
      const percent = / phan tram /.test(asked);
      const paragraphs = [...(plan.document?.parts ?? []).flatMap((p) => p.items), ...plan.assignments.map((a) => a.text)].filter((x) =>
        percent ? /\d+\s*%/.test(x) : isTarget(x, !/ muc do \d/.test(asked)),
      );
      if (!targetAsked(q, paragraphs, plan.number))
        return { ...answer([ctx.t('doc.targetNotStated', { plan: plan.number }), ...lines].join('\n')), intent: 'not-stated' };
      // "UBND cấp xã phải giải quyết tại chỗ bao nhiêu %", "chỉ tiêu của UBND thành phố Bến Tre": the targets that
      // bind the body named (itself or a group it belongs to); none binding it is said so, with those the plan sets.
      const bodies = q.agencies.filter((a) => a !== 'ubnd-tinh');
      if (bodies.length > 0) {
        const who = bodies.map((a) => ctx.dir.label(a)).join(', ');
        const binds = (line: string) => {
          const named = new Set(ctx.dir.scan(canonicalTokens(line)).flatMap((m) => m.agencies));
          return bodies.some((a) => ctx.dir.identities(a).some((id) => named.has(id)));
        };
        const theirs = lines.filter(binds);
        if (theirs.length === 0)
          return { ...answer([ctx.t('doc.targetNoneFor', { plan: plan.number, agency: who }), ...lines].join('\n')), intent: 'not-stated' };
        // "Does the 50% target also apply to the provincial departments?": whether theirs is of the figure asked.
        const figure = asked.match(/ (\d+) phan tram /)?.[1];
        const word =
          q.yesNo && figure && !/ hay | hoac | or | toi da /.test(asked)
            ? `${ctx.t(theirs.some((l) => new RegExp(`(^|[^0-9])${figure}\\s*%`).test(l)) ? 'yesno.yes' : 'yesno.no')} `
            : '';
        return answer([word + ctx.t('doc.targetsFor', { plan: plan.number, agency: who }), ...theirs].join('\n'));
      }
      // "Mức 50% thủ tục giải quyết tại chỗ giao cho cơ quan nào": the target of that figure.
      const figures = [...asked.matchAll(/ (\d+) phan tram /g)].map((m) => m[1]!);
      const ofFigure = lines.filter((line) => figures.some((n) => new RegExp(`(^|[^0-9])${n}\\s*%`).test(line)));
      return answer([ctx.t('doc.targets', { plan: plan.number }), ...(ofFigure.length > 0 ? ofFigure : lines)].join('\n'));
    }
    default:
      return answer(head);
  }
}

/**
 * The body's sentences that set targets. "Phấn đấu năm 2026: có thêm 12 xã …; 35 sản phẩm OCOP …; 95% đường ấp …":
 * the figures after a heading aim ("phấn đấu …:") are targets too, to the paragraph's end.
 */
function targetSentences(ctx: AnswerContext): string[] {
  const plan = ctx.plan;
  // An assignment's target is said with whom it binds ("Các sở, ban ngành: phấn đấu … 20% …"), unless the sentence
  // names them itself.
  const paragraphs = [
    ...(plan.document?.parts ?? []).flatMap((p) => p.items.map((text) => ({ text, who: '' }))),
    ...plan.assignments.map((a) => ({ text: a.text, who: a.lead.map((p) => p.name).join(', ') })),
  ];
  // (The body's part III and the assignments are the same text: each sentence once, with whom it binds if known.)
  const found = new Map<string, string>();
  for (const { text, who } of paragraphs) {
    let aimed = false;
    for (const sentence of sentencesOf(text)) {
      const kept = isTarget(sentence) || (aimed && /\b\d+\b/.test(figuresOf(sentence)));
      if (/(?:phấn đấu|chỉ tiêu|mục tiêu)[^.;:]*:/iu.test(sentence)) aimed = true;
      if (!kept) continue;
      const key = sentence.trim();
      const named = who && !fold(key).includes(fold(who.split(',')[0]!)) ? `${who}: ${key.replace(/^Phấn đấu/u, 'phấn đấu')}` : key;
      if (!found.has(key) || named !== key) found.set(key, named);
    }
  }
  return [...found.values()];
}

/** A sentence without the numbers that are no figures: dates, years, document numbers. */
const figuresOf = (sentence: string) =>
  sentence.replace(/\d{1,2}\/\d{1,2}\/\d{4}|\d+\/\d{4}\/\S+|\d+\/[A-ZĐ][\w-]*|(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?/giu, ' ');

/** A sentence that sets a target: a percentage, a level ("mức độ 3, 4"), or a figure after "phấn đấu", "ít nhất",
 * "tối thiểu", "chỉ tiêu" (dates, years and document numbers are no figures). */
function isTarget(sentence: string, levels = true): boolean {
  if (/\d+\s*%/.test(sentence)) return true;
  // "giải quyết TTHC trực tuyến mức độ 3, 4": a level of online service aimed at.
  if (levels && /mức độ\s+\d/iu.test(sentence)) return true;
  const figures = figuresOf(sentence);
  return /(?:phấn đấu|chỉ tiêu|mục tiêu|ít nhất|tối thiểu)/iu.test(sentence) && /\b\d+\b/.test(figures);
}

/** Words of a question about targets that name no target's subject. */
const TARGET_WORDS = new Set([
  'ke',
  'hoach',
  'chi',
  'tieu',
  'muc',
  'phan',
  'tram',
  'bao',
  'nhieu',
  'dat',
  'dau',
  'ra',
  'toi',
  'thieu',
  'it',
  'nhat',
  'so',
  'ti',
  'ty',
  'le',
  'lieu',
  'cho',
  'xin',
  'theo',
  // "giải quyết tại chỗ gồm những khâu nào": the on-the-spot target's own name, and its steps asked.
  'giai',
  'quyet',
  // "tối thiểu hay tối đa": which kind of figure it is.
  'da',
  'hay',
  'khau',
  'buoc',
  // "áp dụng cho cấp nào": whom a target binds, asked.
  'ap',
  'dung',
  'doi',
  'voi',
  'nao',
]);

/**
 * Whether the targets stated can answer the question: it names no subject (three words or more besides the target
 * words), or some paragraph holding targets has half of the subject's words.
 */
function targetAsked(q: Question, sentences: readonly string[], planNumber: string): boolean {
  const skip = plainWords();
  const number = new Set(planNumber.split(/\D+/).filter(Boolean));
  const subject = [...new Set(q.words.filter((w) => !skip.has(w) && !TARGET_WORDS.has(w) && !number.has(w) && !/^\d+$/.test(w)))];
  if (subject.length < 3) return true;
  // "dịch vụ công trực tuyến lên mức độ mấy": a level asked, answered by a level aimed at for what it names in part.
  // ("chỉ tiêu số TTHC trực tuyến mức độ 3, 4 là mấy": the level named, a figure of it asked — no level.)
  const levelAsked = / muc do (?!\d)/.test(` ${q.words.join(' ')} `);
  return sentences.some((x) => {
    if (levelAsked && /mức độ\s+\d/iu.test(x) && subject.some((w) => canonicalTokens(x).includes(w))) return true;
    const words = new Set(canonicalTokens(x));
    return subject.filter((w) => words.has(w)).length * 2 >= subject.length;
  });
}

/** The body's sentences (its parts' items, then the implementation assignments), each with where it stands. */
function bodySentences(ctx: AnswerContext): { where: string; sentence: string }[] {
  const plan = ctx.plan;
  return [
    // An item of a part that is one of the assignments (part III, "Tổ chức thực hiện") is told with its number.
    ...(plan.document?.parts ?? []).flatMap((p) =>
      p.items.map((text) => {
        const item = plan.assignments.find((a) => a.text.trim() === text.trim())?.number;
        return { where: item ? ctx.t('doc.partItemShort', { number: p.number, item }) : ctx.t('doc.partShort', { number: p.number }), text };
      }),
    ),
    ...plan.assignments.map((a) => ({ where: ctx.t('doc.assignmentShort', { number: a.number }), text: a.text })),
  ].flatMap(({ where, text }) => sentencesOf(text).map((sentence) => ({ where, sentence })));
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.;])\s+/);

/**
 * Where the plan's text stands, sentence by sentence: its body's parts and assignments, then its tasks — each sentence
 * once, where it is first found (the body's part III and its assignments are the same text).
 */
function citingPlaces(ctx: AnswerContext): { where: string; sentence: string }[] {
  const seen = new Set<string>();
  return [
    ...bodySentences(ctx),
    ...ctx.plan.tasks.flatMap((task) => sentencesOf(task.content).map((sentence) => ({ where: ctx.t('doc.taskShort', { id: task.id }), sentence }))),
  ].filter(({ sentence }) => !seen.has(sentence.trim()) && seen.add(sentence.trim()));
}

/**
 * "Kế hoạch dẫn chiếu những điều nào của NĐ 61": the articles the plan cites, each with where — of the document whose
 * number is given, in the sentences that name it with them ("Điều 7, 8 và 9 của Nghị định 61"), else every one cited.
 */
function articlesAnswer(ctx: AnswerContext, num: string): Reply {
  const plan = ctx.plan;
  const found = new Map<string, string[]>();
  const ofDocument = num ? new RegExp(`(^|[^0-9])${num}([^0-9]|$)`) : undefined;
  for (const { where, sentence } of citingPlaces(ctx)) {
    const folded = fold(sentence);
    if (ofDocument && !ofDocument.test(folded)) continue;
    for (const m of folded.matchAll(/(?:^|[^a-z])dieu (\d{1,3}(?:(?:\s*,\s*|\s+va\s+)\d{1,3}(?![0-9/]))*)/g))
      for (const article of m[1]!.split(/\s*,\s*|\s+va\s+/)) {
        const list = found.get(article) ?? [];
        if (!list.includes(where)) list.push(where);
        found.set(article, list);
      }
  }
  if (found.size === 0) return answer(ctx.t(num ? 'doc.articlesNone' : 'doc.articlesNoneAll', { plan: plan.number }));
  const lines = [...found]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([article, where]) => `• ${ctx.t('doc.articleName', { article })}: ${where.join('; ')}`);
  return answer([ctx.t('doc.articles', { plan: plan.number, n: found.size }), ...lines].join('\n'));
}

/** "Điều 11 nói về gì": where the plan cites that article, sentence by sentence, with where each stands. */
export function articleAnswer(ctx: AnswerContext, article: string): Reply {
  const plan = ctx.plan;
  const cites = new RegExp(`(^|[^a-z])dieu ${article}([^0-9]|$)`);
  const lines = citingPlaces(ctx)
    .filter(({ sentence }) => cites.test(fold(sentence)))
    .map(({ where, sentence }) => `• ${where}: ${excerpt(sentence.trim(), 300)}`);
  if (lines.length === 0) return answer(ctx.t('doc.articleNone', { article, plan: plan.number }));
  return answer(
    [
      lines.length === 1 ? ctx.t('doc.articleOnce', { article, plan: plan.number }) : ctx.t('doc.article', { article, plan: plan.number, n: lines.length }),
      ...lines.slice(0, 6),
    ].join('\n'),
  );
}

/** Words no counted thing is made of: filler ("là", "được"), what a plan itself counts ("kế hoạch", "năm"). */
let plain: ReadonlySet<string> | undefined;
function plainWords(): ReadonlySet<string> {
  const { filler, countable } = language().cues;
  plain ??= new Set([...filler, ...countable].flatMap((x) => canonicalTokens(x)));
  return plain;
}

/**
 * "Đến năm 2027 đón bao nhiêu lượt khách?": a figure the plan does state, in its body (a target of its purpose, a
 * sentence of an assignment), quoted where it stands. The thing counted is the words after "bao nhiêu" / "mấy"
 * ("lượt khách") or before it ("kinh phí bao nhiêu"); a sentence answers when it holds those words and a number.
 * Undefined when none does: the plan does not state it.
 */
/** Word pairs too common in plans' bodies to say what a sentence is about. */
const COMMON_PAIRS = new Set(['ke hoach', 'thuc hien', 'co quan', 'nghi dinh', 'thu tuc', 'tuc hanh', 'hanh chinh', 'don vi', 'to chuc', 'quy dinh']);

/**
 * "kế hoạch nói gì về việc tháo gỡ khó khăn phát sinh", "kế hoạch yêu cầu đảm bảo điều gì giữa các cơ quan": a question
 * no task answers, whose words run as the body's own (two word pairs or more, not the plans' common ones) — the body's
 * sentences that say it, each with where it stands. Undefined when none does.
 */
export function bodySaysAnswer(ctx: AnswerContext, q: Question): Reply | undefined {
  const words = q.words;
  // (The plan's own title's pairs name the plan: "kh chuyển đổi số 2024 ban hành hôm nào".)
  const named = new Set(wordPairs(canonicalTokens(ctx.plan.title)));
  const asked = new Set(wordPairs(words).filter((p) => !COMMON_PAIRS.has(p) && !named.has(p)));
  if (asked.size < 2) return undefined;
  const scored = bodySentences(ctx).map(({ where, sentence }) => {
    const own = new Set(wordPairs(canonicalTokens(sentence)));
    return { where, sentence, n: [...asked].filter((p) => own.has(p)).length };
  });
  const best = Math.max(0, ...scored.map((x) => x.n));
  if (best < 2) return undefined;
  const seen = new Set<string>();
  const lines = scored
    .filter((x) => x.n === best && !seen.has(x.sentence.trim()) && seen.add(x.sentence.trim()))
    .slice(0, 3)
    .map(({ where, sentence }) => `• ${where}: ${excerpt(sentence.trim(), 300)}`);
  return answer([ctx.t('doc.says', { plan: ctx.plan.number }), ...lines].join('\n'));
}

export function figureAnswer(ctx: AnswerContext, q: Question): Reply | undefined {
  const skip = plainWords();
  // The words as asked, "bao nhiêu" kept (task search drops it).
  const w = q.cueWords ?? q.words;
  const phrases: string[][] = [];
  for (let i = 0; i < w.length; i++) {
    const at = w[i] === 'bao' && w[i + 1] === 'nhieu' ? 2 : w[i] === 'may' ? 1 : 0;
    if (at === 0) continue;
    for (const two of [w.slice(i + at, i + at + 2), w.slice(Math.max(0, i - 2), i)])
      if (two.length === 2 && two.every((x) => !skip.has(x) && x !== 'bao' && x !== 'nhieu')) phrases.push(two);
  }
  if (phrases.length === 0) return undefined;
  const lines: string[] = [];
  for (const { where, sentence } of bodySentences(ctx)) {
    if (!/\d/.test(sentence) || lines.length >= 3) continue;
    const t = canonicalTokens(sentence);
    // A quantity next to the counted words ("2,2 triệu lượt khách", "kinh phí 5 tỷ"), not an article's or a
    // document's number ("Điều 38", "số 61/2018"), a level ("mức độ 3"), nor a date.
    const quantity = (k: number) =>
      /^\d[\d.,]*$/.test(t[k] ?? '') && !['dieu', 'so', 'nam', 'ngay', 'thang', 'quy', 'khoan', 'do', 'muc'].includes(t[k - 1] ?? '');
    // Before the counted words, as Vietnamese counts ("400.000 lượt"), or right after them, or after "đạt"/"là"
    // ("kinh phí 5 tỷ", "tổng thu đạt 3.500 tỷ"); not a figure further on ("tai nạn giao thông từ 5%").
    const near = (start: number, end: number) =>
      [start - 3, start - 2, start - 1, end].some(quantity) || (['dat', 'la', 'khoang'].includes(t[end] ?? '') && quantity(end + 1));
    const found = phrases.some((p) => t.some((_, k) => p.every((x, j) => t[k + j] === x) && near(k, k + p.length)));
    if (found) lines.push(`• ${where}: ${excerpt(sentence.trim(), 300)}`);
  }
  if (lines.length === 0) return undefined;
  return answer([ctx.t('doc.figure', { plan: ctx.plan.number }), ...lines].join('\n'));
}
