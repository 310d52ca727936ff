import { t } from '../i18n.ts';
import { todayIn } from '../plan/deadline.ts';

/** A small argv reader for the CLI commands: flags with values, boolean flags, and positionals. */
export interface Args {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valued: string[], booleans: string[] = []): Args {
  const args: Args = { values: new Map(), flags: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (valued.includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      args.values.set(a, v);
    } else if (booleans.includes(a)) args.flags.add(a);
    else if (a.startsWith('-') && a.length > 1) throw new UsageError(`unknown option ${a}`);
    else args.positional.push(a);
  }
  return args;
}

/** --today YYYY-MM-DD (a real calendar day), or today in Asia/Ho_Chi_Minh. */
export function parseToday(value: string | undefined): string {
  if (value === undefined) return todayIn(new Date());
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(t('cli.badDate', { value }));
  }
  return value;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Run a command: an error of one of the `expected` kinds (bad usage, a broken data or state file, a bad environment
 * value) is one line "Lỗi: …" and exit code 2; anything else is printed whole with exit code 1.
 */
export function runCli(main: () => Promise<unknown>, expected: readonly ErrorClass[]): void {
  // Output piped into a reader that stops early (`npm run ask | head`): nothing more to say, and no stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError || expected.some((k) => e instanceof k)) {
        console.error(`${t('cli.error')}: ${(e as Error).message}`);
        process.exitCode = 2;
      } else {
        console.error(e);
        process.exitCode = 1;
      }
    },
  );
}
