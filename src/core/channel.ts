/** Who wrote, from where: the only shape a messenger's update takes inside the core. */
export type Channel = 'telegram' | 'zalo' | 'console';

export interface From {
  channel: Channel;
  userId: string;
  chatId: string;
  privateChat: boolean;
}
