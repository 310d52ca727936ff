/**
 * A job that runs one at a time (a write of the state, a catch-up with the database). Asked while it runs, it runs
 * once more afterwards, however many asked meanwhile; each caller resolves when a run that started after its call
 * has finished, and gets that run's error.
 */
export class Coalesced {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly run: () => Promise<void>) {}

  get busy(): boolean {
    return this.running !== null;
  }

  request(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.request();
      });
    return this.next;
  }
}
