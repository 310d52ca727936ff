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
