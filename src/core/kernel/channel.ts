/** Who wrote, from where: the only shape a messenger's update takes inside the core. */
export type Channel = 'telegram' | 'zalo' | 'console';

export interface From {
  channel: Channel;
  userId: string;
  chatId: string;
  privateChat: boolean;
}

/** A file sent to the bot: its name, its size as the messenger says, and a way to fetch its bytes. */
export interface IncomingDocument {
  filename: string;
  size?: number;
  /** A document, or a photo (a picture the messenger compressed). */
  kind?: 'document' | 'photo';
  /** The messenger's own reference to it (Telegram file_id, a Zalo photo URL): evidence is kept by reference. */
  ref?: string;
  read(): Promise<Buffer>;
}
