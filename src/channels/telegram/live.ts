/**
 * Messages a running job edits in place on Telegram (a push run's progress): per chat and key, the id of the message
 * first sent with it. In memory: after a restart the next post with the key starts a new message. Bounded: the
 * oldest keys are forgotten first.
 */
export class LiveMessages {
  private readonly ids = new Map<string, number>();

  constructor(private readonly max = 1000) {}

  get(chatId: string, key: string): number | undefined {
    return this.ids.get(`${chatId}\u0000${key}`);
  }

  set(chatId: string, key: string, messageId: number): void {
    const k = `${chatId}\u0000${key}`;
    this.ids.delete(k);
    this.ids.set(k, messageId);
    if (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value!);
  }
}
