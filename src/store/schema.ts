/**
 * The state's shape, whichever store keeps it: zod schemas for every section and record, the schema version, and
 * migrations from older state files. This is the gate for what is read from disk or imported (the embedded store's
 * files and change journal, `npm run state -- import`): past it, types are trusted.
 */
import { z } from 'zod';

export const STATE_VERSION = 6;

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO timestamp');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const accountSchema = z.object({
  channel: z.enum(['telegram', 'zalo', 'console']),
  userId: z.string().min(1),
  chatId: z.string().min(1),
});
export type Account = z.infer<typeof accountSchema>;

export const officialSchema = z.object({
  id: z.string().min(1),
  accounts: z.array(accountSchema).min(1),
  name: z.string().min(1),
  position: z.string(),
  agency: z.string().min(1),
  phone: z.string().optional(),
  status: z.enum(['pending', 'approved', 'rejected', 'revoked', 'left']),
  requestedAt: timestamp,
  decidedAt: timestamp.optional(),
  decidedBy: z.string().optional(),
  /** Why a registration was rejected (or rights revoked), as the official was told. */
  decisionReason: z.string().min(1).max(300).optional(),
  /** Weekly digest and reminders; /thongbao tat|bat. */
  notify: z.boolean().default(true),
  /** Set when the messenger refused delivery (blocked, deactivated); cleared when they write again. */
  unreachable: z.boolean().optional(),
  /** The messenger pushes go to, when the official has linked more than one. */
  preferred: z.enum(['telegram', 'zalo', 'console']).optional(),
  /** A leader (granted by an admin, /lanhdao): sees every agency on the desk page, read-only; changes nothing more. */
  leader: z.boolean().optional(),
});
export type Official = z.infer<typeof officialSchema>;

export const completionRecordSchema = z.object({
  id: z.string().min(1),
  planId: z.string(),
  taskId: z.string(),
  /** The agency whose part is done (directory id, or "name:…"). */
  party: z.string(),
  period: day.optional(),
  /** Local calendar day it was reported, for on-time/late. */
  on: day,
  at: timestamp,
  /** Official id, or "admin:<channel>:<userId>" when an admin ticked on behalf of an agency. */
  by: z.string(),
  note: z.string().optional(),
  undoneAt: timestamp.optional(),
  undoneBy: z.string().optional(),
});
export type CompletionRecord = z.infer<typeof completionRecordSchema>;

export const auditSchema = z.object({
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditSchema>;

/** One push run: a scheduled weekly digest ("digest:<occurrence>") or an on-demand one ("manual:<time>"). */
export const runSchema = z.object({
  key: z.string().min(1),
  startedAt: timestamp,
  finishedAt: timestamp.optional(),
  total: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** The day the digest is written for, so that a resumed run says what the first part of it said. */
  day: day.optional(),
  /** Who asked for it (/guingay): told when a resumed run finishes. */
  notify: z.object({ channel: z.enum(['telegram', 'zalo', 'console']), chatId: z.string() }).optional(),
  /**
   * The messages of a one-off run (a plan's announcement), kept until it finishes so that a restart sends those not
   * yet sent. Each is checked again (as an envelope) when it is sent.
   */
  outbox: z.array(z.object({ to: z.string(), message: z.record(z.string(), z.unknown()) })).optional(),
});
export type Run = z.infer<typeof runSchema>;

/** One message of a run to one recipient, recorded as soon as its fate is known. */
export const deliverySchema = z.object({
  run: z.string(),
  /** Official id, or "admin:<channel>:<userId>". */
  to: z.string(),
  status: z.enum(['sent', 'blocked', 'failed']),
  at: timestamp,
  attempts: z.number().int().nonnegative(),
  error: z.string().optional(),
  /** For a message sent in parts: which part this record is for (0-based), of how many. */
  part: z.number().int().nonnegative().optional(),
  parts: z.number().int().positive().optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** A deadline reminder sent: once per task, agency, due date, days before, and recipient. */
export const reminderSchema = z.object({ key: z.string(), at: timestamp });

/**
 * One piece of conversation state, by key ("session:telegram:42", "menu:zalo:abc", "link:123456", …), with the
 * time it expires. Its data is checked again by the feature that reads it.
 */
export const conversationSchema = z.object({ key: z.string().min(1), data: z.record(z.string(), z.unknown()), expires: timestamp });
export type Conversation = z.infer<typeof conversationSchema>;

/** A progress note on one agency's part of a task ("đang thực hiện 60%, đã trình dự thảo"), short of ticking it. */
export const progressSchema = z.object({
  id: z.string().min(1),
  planId: z.string(),
  taskId: z.string(),
  party: z.string(),
  text: z.string().min(1).max(500),
  /** A percentage said in the note, if any. */
  percent: z.number().int().min(0).max(100).optional(),
  at: timestamp,
  /** Official id, or "admin:<channel>:<userId>". */
  by: z.string(),
});
export type ProgressNote = z.infer<typeof progressSchema>;

/** A plan taken out of the default scope (archived) or put back: the latest entry per plan counts. */
export const planStateSchema = z.object({
  planId: z.string().min(1),
  archived: z.boolean(),
  at: timestamp,
  by: z.string(),
});
export type PlanState = z.infer<typeof planStateSchema>;

/** An official's request for more time on their agency's part of a task, and the admin's decision. */
export const extensionSchema = z.object({
  id: z.string().min(1),
  planId: z.string(),
  taskId: z.string(),
  party: z.string(),
  /** The due date asked to be moved, and the new one. */
  from: day,
  to: day,
  reason: z.string().min(1).max(300),
  status: z.enum(['pending', 'approved', 'rejected']),
  at: timestamp,
  by: z.string(),
  decidedAt: timestamp.optional(),
  decidedBy: z.string().optional(),
  /** Why the request was rejected, as the official was told. */
  decisionReason: z.string().min(1).max(300).optional(),
});
export type Extension = z.infer<typeof extensionSchema>;

/**
 * A file that proves a tick (a document or photo sent after confirming it), stored by reference: the messenger's
 * file id, never the bytes.
 */
export const evidenceSchema = z.object({
  id: z.string().min(1),
  completionId: z.string(),
  channel: z.enum(['telegram', 'zalo', 'console']),
  kind: z.enum(['document', 'photo']),
  /** The messenger's reference to fetch it again (Telegram file_id). */
  fileId: z.string().min(1),
  name: z.string(),
  size: z.number().int().nonnegative(),
  at: timestamp,
  by: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const stateSchema = z.object({
  schemaVersion: z.literal(STATE_VERSION),
  officials: z.array(officialSchema),
  completions: z.array(completionRecordSchema),
  audit: z.array(auditSchema),
  runs: z.array(runSchema).default([]),
  deliveries: z.array(deliverySchema).default([]),
  reminders: z.array(reminderSchema).default([]),
  /** Conversation state that must survive a restart: registration steps, notes awaited, menus, link codes. */
  conversations: z.array(conversationSchema).default([]),
  /** Progress notes, the latest per task and agency shown on cards, digests and reports. */
  progress: z.array(progressSchema).default([]),
  /** Plans archived or restored by an admin (/kehoach). */
  plans: z.array(planStateSchema).default([]),
  /** Requests for more time, pending and decided. */
  extensions: z.array(extensionSchema).default([]),
  /** Files attached to ticks as proof. */
  evidence: z.array(evidenceSchema).default([]),
  seq: z.number().int().nonnegative(),
});
export type State = z.infer<typeof stateSchema>;

export const emptyState = (): State => ({
  schemaVersion: STATE_VERSION,
  officials: [],
  completions: [],
  audit: [],
  runs: [],
  deliveries: [],
  reminders: [],
  conversations: [],
  progress: [],
  plans: [],
  extensions: [],
  evidence: [],
  seq: 0,
});

/**
 * Older files this version reads: v1 held only completions, which had no author (an empty one is read); v2 had no
 * conversation state (it gains an empty section).
 */
export function migrate(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === 1) {
    const v1 = raw as { completions?: unknown[] };
    if (Array.isArray(v1.completions) && v1.completions.length === 0) return emptyState();
  }
  // v2 had no conversation state, v3 no progress notes: they gain empty sections.
  // v4 had no plan states.
  const v5 = { plans: [], extensions: [], evidence: [] };
  if (version === 2) return { ...(raw as object), schemaVersion: STATE_VERSION, conversations: [], progress: [], ...v5 };
  if (version === 3) return { ...(raw as object), schemaVersion: STATE_VERSION, progress: [], ...v5 };
  if (version === 4) return { ...(raw as object), schemaVersion: STATE_VERSION, ...v5 };
  // v6 added the change journal beside the file (<state>.changes.jsonl): a v5 file has none to replay.
  if (version === 5) return { ...(raw as object), schemaVersion: STATE_VERSION };
  return raw;
}

export type Section =
  | 'officials'
  | 'completions'
  | 'audit'
  | 'runs'
  | 'deliveries'
  | 'reminders'
  | 'conversations'
  | 'progress'
  | 'plans'
  | 'extensions'
  | 'evidence';
export const SECTIONS: readonly Section[] = [
  'officials',
  'completions',
  'audit',
  'runs',
  'deliveries',
  'reminders',
  'conversations',
  'progress',
  'plans',
  'extensions',
  'evidence',
];
