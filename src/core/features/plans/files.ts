/**
 * The plans folder as the plans feature uses it while answering: drafts kept a day for the admin's confirmation,
 * and the published plan's file. All of it asynchronous, so a slow disk never holds up other updates.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomicAsync } from '../../../fsutil.ts';

export class PlanFiles {
  constructor(
    private readonly dir: string,
    /** How long a draft waits for its confirmation. */
    private readonly draftMs: number,
  ) {}

  private get drafts(): string {
    return path.join(this.dir, '.drafts');
  }

  private draftFile(token: string): string {
    return path.join(this.drafts, `${token}.json`);
  }

  /** A draft's JSON as written, or undefined when there is none (or it cannot be read). */
  async readDraft(token: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.draftFile(token), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Kept durably (temporary file, flush, rename) before the admin is shown it. */
  writeDraft(token: string, draft: unknown): Promise<void> {
    return writeFileAtomicAsync(this.draftFile(token), [Buffer.from(JSON.stringify(draft))]);
  }

  removeDraft(token: string): Promise<void> {
    return rm(this.draftFile(token), { force: true });
  }

  /** Drafts older than a day go when a new one is made. */
  async sweepDrafts(now: Date): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.drafts);
    } catch {
      return; // No drafts folder yet.
    }
    for (const name of names) {
      const file = path.join(this.drafts, name);
      const at = await stat(file).catch(() => undefined);
      if (at && now.getTime() - at.mtimeMs > this.draftMs) await rm(file, { force: true });
    }
  }

  /** The published plan's file, durable before the catalog serves it. */
  writePlan(file: string, plan: unknown): Promise<void> {
    return writeFileAtomicAsync(file, [Buffer.from(`${JSON.stringify(plan, null, 1)}\n`)]);
  }
}
