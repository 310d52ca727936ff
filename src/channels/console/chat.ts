/**
 * The terminal chat: the same engine as every channel, one question a line. /help shows what to ask,
 * /quit (/thoat) leaves. Works on a terminal and on piped input.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../../core/engine.ts';
import type { T } from '../../i18n.ts';
import type { Completion } from '../../plan/status.ts';

export interface ConsoleDeps {
  engine: Engine;
  t: T;
  today: () => string;
  completions: () => ReadonlyMap<string, readonly Completion[]>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export async function runConsoleChat(deps: ConsoleDeps): Promise<void> {
  const { engine, t, output } = deps;
  const rl = createInterface({ input: deps.input, output, terminal: (deps.input as { isTTY?: boolean }).isTTY === true });
  rl.setPrompt('› ');
  output.write(`${engine.ask('/help', { today: deps.today() }).text}\n\n${t('console.howToQuit')}\n`);
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^\/(quit|exit|thoat|thoát)$/i.test(text)) break;
    if (text) output.write(`\n${engine.ask(text, { today: deps.today(), completions: deps.completions() }).text}\n\n`);
    rl.prompt();
  }
  rl.close();
}
