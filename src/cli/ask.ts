/**
 * npm run ask -- [--json] [--chat] [--today YYYY-MM-DD] [--plan NUMBER|FILE] [--lang vi|en] ["question"]
 * Without --plan, a question spans every active plan (one that names a plan, "theo KH 4561 …", is answered from it).
 * Prints the reply to a question; with no question, answers one question a line from stdin.
 * --json prints one object a line: {question, intent, reply, more, tasks[], agencies}: `reply` is the first
 * message as a phone shows it, `more` the further pages. --chat takes the stdin lines as one conversation (follow-ups
 * such as "còn Sở Nội vụ thì sao?" refer to the answer before); a blank line starts a new one. A question that fails
 * prints its own line (intent "error", with `error`) and the rest are still answered: the exit code is 0.
 */
import { createInterface } from 'node:readline';
import { askPlans } from '../core/features/questions/ask.ts';
import type { Reply } from '../answer/engine.ts';
import { type Lang, LANGS, translator } from '../i18n.ts';
import { DataFileError } from '../plan/load.ts';
import { ConfigError } from '../config.ts';
import { StateFileError, StoreConnectError } from '../store/port.ts';
import { parseArgs, parseToday, runCli, UsageError } from './args.ts';
import { livePlans } from './live-state.ts';

function jsonLine(question: string, r: Reply): string {
  return JSON.stringify({
    question,
    intent: r.intent,
    reply: r.text,
    more: r.more ?? [],
    tasks: r.tasks.map(({ id, content, lead, coordinate, deadline, due, status }) => ({ id, content, lead, coordinate, deadline, due, status })),
    agencies: r.agencies,
    ...(r.asOf ? { asOf: r.asOf } : {}),
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['--today', '--plan', '--lang'], ['--json', '--chat']);
  const chat = args.flags.has('--chat');
  let context: Reply['context'];
  const today = parseToday(args.values.get('--today'));
  const lang = (args.values.get('--lang') ?? 'vi') as Lang;
  if (!LANGS.includes(lang)) throw new UsageError(`--lang: ${LANGS.join(', ')}`);
  // --plan: that plan alone; else every active plan, grouped by plan where several answer.
  const { plans, completionsOf } = await livePlans(today, args.values.get('--plan'), lang);
  const json = args.flags.has('--json');
  const answer = (q: string) => {
    if (chat && q.trim() === '') {
      context = undefined;
      return;
    }
    let r: Reply;
    try {
      r = askPlans(plans, q, { today, completionsOf, lang, ...(chat && context ? { context } : {}) });
    } catch (e) {
      // One question that fails never loses the answers after it: its line says so, the stack goes to stderr.
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      const text = translator(lang)('error.sorry');
      if (chat) context = undefined;
      process.stdout.write(
        json
          ? `${JSON.stringify({ question: q, intent: 'error', reply: text, more: [], tasks: [], agencies: [], error: e instanceof Error ? e.message : String(e) })}\n`
          : `${text}\n\n`,
      );
      return;
    }
    if (chat) context = r.context;
    process.stdout.write(json ? `${jsonLine(q, r)}\n` : `${[r.text, ...(r.more ?? [])].join('\n\n')}\n\n`);
  };
  if (args.positional.length > 0) {
    answer(args.positional.join(' '));
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) answer(line);
}

runCli(main, [DataFileError, ConfigError, StateFileError, StoreConnectError]);
