/**
 * Updates handled beside each other, one lane per chat: a chat's updates run in the order they came, each after the
 * one before it, while other chats' run meanwhile. So a slow update (a plan file being read) holds up its own chat
 * only — never the other users, nor the messenger's update stream, whose next fetch confirms what was taken. An
 * update that fails is logged and dropped, never retried. At most `max` updates are held at once: past that, taking
 * one more waits for room (polling) or is refused (`full`, a webhook answers "try later").
 */
/**
 * How long a stop waits for the updates being handled: inside the 10 s a container is given to stop (docker's
 * default), the store's close included. A plan file still being read then is not answered; its update was confirmed.
 */
export const DRAIN_MS = 8_000;

export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    /** An update's failure (its handler threw past its own error handling): logged by the caller. */
    private readonly onError: (error: unknown, lane: string) => void,
    private readonly max = 1000,
  ) {}

  /** Whether taking one more would have to wait. */
  get full(): boolean {
    return this.held >= this.max;
  }

  /** Queue a job on its lane. Resolves once it is queued (after waiting for room), not when it has run. */
  async add(lane: string, job: () => Promise<unknown>): Promise<void> {
    while (this.full) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held++;
    const before = this.tails.get(lane) ?? Promise.resolve();
    const run: Promise<void> = before
      .then(job)
      .then(
        () => undefined,
        (e: unknown) => this.onError(e, lane),
      )
      .finally(() => {
        this.held--;
        if (this.tails.get(lane) === run) this.tails.delete(lane);
        this.waiting.shift()?.();
      });
    this.tails.set(lane, run);
  }

  /** Resolves once every update taken has been handled, or after `timeoutMs` (a stop does not wait forever). */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.tails.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...this.tails.values()]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        }),
      ]);
      clearTimeout(timer);
    }
  }
}
