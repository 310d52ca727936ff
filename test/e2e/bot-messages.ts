/** Reading what the bot sent through the Bot API emulator (telegram-test-api), for the end-to-end tests. */
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

export type BotMessage = {
  messageId: number;
  message: { chat_id: string; text: string; reply_markup?: { inline_keyboard?: { callback_data: string }[][] } };
};

/** The messages the bot sent to one chat (an edited message shows its latest text). */
export const messagesTo = (server: TelegramServer, chat: number): BotMessage[] =>
  (server.storage.botMessages as unknown as BotMessage[]).filter((m) => String(m.message.chat_id) === String(chat));

/** The callback data of a message's inline buttons. */
export const buttons = (m: BotMessage | undefined) => (m?.message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);

/** Wait until a bot message in this chat satisfies the test. */
export async function waitFor(server: TelegramServer, chat: number, test: (m: BotMessage) => boolean, ms = 15_000): Promise<BotMessage> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const hit = messagesTo(server, chat).findLast(test);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no bot message in chat ${chat} matched; last: ${messagesTo(server, chat).at(-1)?.message.text}`);
}
