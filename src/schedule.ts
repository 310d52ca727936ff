/** When pushes happen: cron patterns read in Asia/Ho_Chi_Minh (croner). */
import { Cron } from 'croner';
import { TIME_ZONE } from './plan/deadline.ts';

export class ScheduleError extends Error {}

export function pattern(cron: string): Cron {
  try {
    return new Cron(cron, { timezone: TIME_ZONE, paused: true });
  } catch (e) {
    throw new ScheduleError(`not a cron pattern: "${cron}" (${(e as Error).message})`);
  }
}

/** The next occurrence strictly after `from`. */
export function nextOccurrence(cron: string, from: Date): Date | undefined {
  return pattern(cron).nextRun(from) ?? undefined;
}

/** The latest occurrence at or before `now`, if any within the last year. */
export function latestOccurrence(cron: string, now: Date): Date | undefined {
  const prev = pattern(cron).previousRuns(1, new Date(now.getTime() + 1))[0];
  return prev && now.getTime() - prev.getTime() < 366 * 86_400_000 ? prev : undefined;
}

/**
 * Run `fire` at every occurrence (croner timers, in the province's time). Returns a stop function.
 */
export function every(cron: string, fire: (occurrence: Date) => void): () => void {
  const job = new Cron(cron, { timezone: TIME_ZONE, protect: true }, () => fire(new Date(Math.floor(Date.now() / 60_000) * 60_000)));
  return () => job.stop();
}
