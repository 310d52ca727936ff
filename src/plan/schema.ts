/** zod schemas: the one gate for data files (plans and the agency directory). Past it, types are trusted. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const deadlineSchema = z.object({
  /** As written in the plan. */
  text: z.string(),
  /**
   * date/period: one due date; recurring: due at the end of every period (year, half, quarter, month);
   * continuous: "Thường xuyên", never due; unknown: a form the parser does not know, never overdue.
   */
  kind: z.enum(['date', 'period', 'recurring', 'continuous', 'unknown']),
  tentative: z.boolean(),
  /** First day of the period (date/period), or the day a recurring/continuous task starts ("từ Quý I/2019"). */
  start: isoDate.optional(),
  /** Last day: the due date (date/period only). */
  due: isoDate.optional(),
  every: z.enum(['year', 'half', 'quarter', 'month']).optional(),
  /** A yearly task's day of the year, "MM-DD" ("Tháng 11 hằng năm": 11-30): each year falls due then, not on 31/12. */
  day: z
    .string()
    .regex(/^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/)
    .optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const partySchema = z.object({
  /** The agency's name as the directory prints it, or as written when it is not in the directory. */
  name: z.string().min(1),
  /** Directory id; absent when the name is not in the directory (the importer warns). */
  agency: z.string().optional(),
  /** A condition written beside the name, e.g. "khi có hướng dẫn của Ngân hàng Nhà nước Việt Nam". */
  note: z.string().optional(),
});
export type Party = z.infer<typeof partySchema>;

export const taskSchema = z.object({
  /** Stable, unique, keeps the printed numbering visible: "II.3"; a repeated number gets a suffix: "II.6b". */
  id: z.string().regex(/^[A-Za-z0-9.-]+$/, 'ids use letters, digits, dots and dashes'),
  section: z.string().min(1),
  /** The number as printed in the STT column. */
  number: z.string(),
  content: z.string().min(1),
  /** As written in the "Cơ quan chủ trì" cell. */
  leadText: z.string(),
  lead: z.array(partySchema),
  coordinateText: z.string(),
  coordinate: z.array(partySchema),
  deadline: deadlineSchema,
  product: z.string().optional(),
  note: z.string().optional(),
});
export type Task = z.infer<typeof taskSchema>;

export const sectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The source breaks off at this section: its rows are not in our copy. */
  missingInSource: z.boolean().optional(),
});
export type Section = z.infer<typeof sectionSchema>;

/** A numbered paragraph of the plan's body ("TỔ CHỨC THỰC HIỆN") that gives work to named agencies. */
export const assignmentSchema = z.object({
  id: z.string().min(1),
  number: z.string(),
  text: z.string().min(1),
  lead: z.array(partySchema),
  coordinate: z.array(partySchema),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** A document the plan is based on (a "Căn cứ" line), as the plan cites it. */
export const basisSchema = z.object({
  /** The whole line as written. */
  text: z.string().min(1),
  /** "Nghị định số 61/2018/NĐ-CP", "Quyết định số 985/QĐ-TTg". */
  kind: z.string().optional(),
  /** A titled act's name after its kind: "Khám bệnh, chữa bệnh" of "Luật Khám bệnh, chữa bệnh". */
  title: z.string().optional(),
  number: z.string().optional(),
  date: isoDate.optional(),
  /** Who issued it: "Chính phủ", "Thủ tướng Chính phủ". */
  issuer: z.string().optional(),
  /** What it is about or does, as written after its issuer: "về …", "phê duyệt …", "quy định …". */
  about: z.string().optional(),
});
export type Basis = z.infer<typeof basisSchema>;

/** The plan's body besides its tasks: what an official may ask about the document itself. */
export const documentSchema = z.object({
  basis: z.array(basisSchema),
  /** The sentence that introduces the plan ("UBND tỉnh … xây dựng Kế hoạch … như sau:"). */
  preamble: z.string().optional(),
  /** The body's parts in order: "I. MỤC ĐÍCH - YÊU CẦU" with its numbered points, and so on. */
  parts: z.array(z.object({ number: z.string(), title: z.string(), items: z.array(z.string()), note: z.string().optional() })),
  closing: z.string().optional(),
  recipients: z.array(z.string()),
  /**
   * Who signed: the signature block's lines above the name as written, joined by ", " — the authority signed with
   * ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), then the signer's own title ("PHÓ CHỦ TỊCH") —, and the name.
   */
  signer: z.object({ title: z.string(), name: z.string() }).optional(),
  /** Where our copy of the source stops, when it is incomplete ("mục IV của phụ lục"). */
  stopsAt: z.string().optional(),
  /** The appendix's own title, under "PHỤ LỤC" ("CÁC NHIỆM VỤ CỤ THỂ THỰC HIỆN …"). */
  appendixTitle: z.string().max(500).optional(),
});
export type PlanDocument = z.infer<typeof documentSchema>;

export const planSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().min(1),
    /** "4561/KH-UBND" */
    number: z.string().min(1),
    date: isoDate,
    issuer: z.string().min(1),
    title: z.string().min(1),
    source: z.string().optional(),
    sections: z.array(sectionSchema),
    tasks: z.array(taskSchema),
    assignments: z.array(assignmentSchema),
    document: documentSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.tasks.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `duplicate task id ${t.id}` });
      seen.add(t.id);
    });
    const sections = new Set(plan.sections.map((s) => s.id));
    plan.tasks.forEach((t, i) => {
      if (!sections.has(t.section)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'section'], message: `unknown section ${t.section}` });
    });
  });
export type Plan = z.infer<typeof planSchema>;

export const agencySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case words joined by dashes'),
  name: z.string().min(1),
  /** The short form used in replies. */
  short: z.string().min(1),
  kind: z.enum(['group', 'province', 'department', 'district', 'central', 'external']),
  aliases: z.array(z.string().min(1)),
  /** Ids of the groups this agency belongs to ("UBND cấp huyện", "Các sở, ban ngành"…). */
  groups: z.array(z.string()),
});
export type Agency = z.infer<typeof agencySchema>;

export const directorySchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    agencies: z.array(agencySchema),
    /** Names that stand for several agencies at once, e.g. "UBND cấp huyện, cấp xã". */
    compounds: z.array(z.object({ alias: z.string().min(1), agencies: z.array(z.string()).min(1) })),
  })
  .superRefine((dir, ctx) => {
    const ids = new Set<string>();
    dir.agencies.forEach((a, i) => {
      if (ids.has(a.id)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'id'], message: `duplicate agency id ${a.id}` });
      ids.add(a.id);
    });
    const groups = new Set(dir.agencies.filter((a) => a.kind === 'group').map((a) => a.id));
    dir.agencies.forEach((a, i) => {
      a.groups.forEach((g, j) => {
        if (!groups.has(g)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'groups', j], message: `${g} is not a group` });
      });
    });
    dir.compounds.forEach((c, i) => {
      c.agencies.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['compounds', i, 'agencies', j], message: `unknown agency ${id}` });
      });
    });
  });
export type DirectoryData = z.infer<typeof directorySchema>;
