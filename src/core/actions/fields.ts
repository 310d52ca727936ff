/** The zod fields button data is made of, declared once for every action that carries them. */
import { z } from 'zod';

/** A task's id as plans number them: "I.4", "II.6b". */
export const taskId = z.string().regex(/^[A-Za-z0-9.-]{1,20}$/);
/** A party's place among a task's required parties, or "-" for the actor's own. */
export const partyIndex = z.union([z.literal('-'), z.coerce.number().int().min(0).max(999)]);
/** A party's place, always given. */
export const partyAt = z.coerce.number().int().min(0).max(999);
/** The last day of a recurring task's period as YYYYMMDD, or "-". */
export const period = z.union([z.literal('-'), z.string().regex(/^\d{8}$/)]);
/** Where a tick was started: the /viec list ('l'), or a card, an answer, a digest ('a'). */
export const source = z.enum(['l', 'a']);
/** A completion record's id. */
export const completionId = z.string().regex(/^[a-z0-9-]{1,40}$/);
/** An official's or an agency's id. */
export const recordId = z.string().regex(/^[a-z0-9-]{1,40}$/);
