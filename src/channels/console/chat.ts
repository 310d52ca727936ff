/**
 * The terminal chat: the same core as every messenger, one line a message, shown as a text-only messenger shows it
 * (numbered menus instead of buttons). /thoat leaves. Works on a terminal and on piped input.
 */
import { createInterface } from 'node:readline';
import type { From } from '../../core/kernel/channel.ts';
import { presentMenu } from '../../core/kernel/present.ts';
import type { Router } from '../../core/kernel/router.ts';
import type { Lang, T } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import { StateReadOnlyError } from '../../store/port.ts';

export interface ConsoleDeps {
  core: Router;
  t: T;
  lang: Lang;
  log: Logger;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const ME: From = { channel: 'console', userId: 'console', chatId: 'console', privateChat: true };

export async function runConsoleChat(deps: ConsoleDeps): Promise<void> {
  const { core, t, output } = deps;
  const rl = createInterface({ input: deps.input, output, terminal: (deps.input as { isTTY?: boolean }).isTTY === true });
  rl.setPrompt('› ');
  // Listening from the start: piped lines that arrive while the first answer is still being made (a store that
  // reads a database) are queued, not lost.
  const lines = rl[Symbol.asyncIterator]();
  const show = async (text: string) => {
    try {
      for (const view of presentMenu(await core.onText(ME, text), deps.lang).messages) {
        await core.rememberMenu('console', ME.chatId, view.entries, view.decision);
        output.write(`\n${view.text}\n`);
        if (view.document) output.write(`\n${view.document.notHere}\n`);
        // No pictures in a terminal: the chart's text bars.
        if (view.photo) output.write(`\n${view.photo.fallback}\n`);
      }
    } catch (e) {
      // Beside a running bot the state is read-only: say so instead of failing.
      output.write(`\n${t(e instanceof StateReadOnlyError ? 'console.readOnly' : 'error.sorry')}\n`);
      if (!(e instanceof StateReadOnlyError)) deps.log.log('error', 'console handler failed', { error: e });
    }
    output.write('\n');
  };
  await show('/trogiup');
  output.write(`${t('console.howToQuit')}\n`);
  rl.prompt();
  for await (const line of { [Symbol.asyncIterator]: () => lines }) {
    const text = line.trim();
    if (/^\/(quit|exit|thoat|thoát)$/i.test(text)) break;
    if (text) await show(text);
    rl.prompt();
  }
  rl.close();
}
