/** The only reader of process.env: validated once at start with zod; a bad value stops start-up with a clear message. */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ScheduleError, pattern } from './schedule.ts';

const idList = z
  .string()
  .transform((s) => s.split(/[\s,;]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{1,20}$/, 'expected numeric Telegram user ids separated by commas')));

/** An address or a range: "10.0.0.5", "172.16.0.0/12", "::1", "fd00::/8". */
function isAddressOrRange(item: string): boolean {
  const [address = '', bits, ...rest] = item.split('/');
  const v = isIP(address);
  if (v === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128));
}

const proxyList = z
  .string()
  .transform((s) => s.split(/[\s,;]+/).filter(Boolean))
  .pipe(z.array(z.string().refine(isAddressOrRange, 'expected addresses or ranges of the reverse proxies, such as 127.0.0.1,10.0.0.0/8')).min(1).max(50));

const buildSchema = () =>
  z
    .object({
      BOT_TOKEN: z
        .string()
        .regex(/^\d+:[\w-]{20,}$/, 'expected a Telegram bot token such as 123456:ABC-DEF…')
        .optional(),
      ADMIN_TELEGRAM_IDS: idList.default([]),
      TELEGRAM_API_ROOT: z.url({ message: 'expected a URL such as http://127.0.0.1:8081' }).optional(),
      WEBHOOK_URL: z.url({ message: 'expected the public https URL Telegram will call' }).optional(),
      WEBHOOK_SECRET: z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16 to 256 letters, digits, _ or -')
        .optional(),
      PORT: z.coerce.number().int().min(1).max(65535).default(8080),
      /** The public address of this bot's HTTP server, which /web links start with (the desk page). Unset: /web is off. */
      PUBLIC_URL: z.url({ message: 'expected the public http(s) address of this server, e.g. https://bot.example.gov.vn' }).optional(),
      /**
       * The reverse proxies in front of this server (addresses or ranges): a request from one of them is rate-limited
       * by the client address it forwards (X-Forwarded-For, X-Real-IP). Unset: those headers are ignored.
       */
      TRUST_PROXY: proxyList.optional(),
      STATE_FILE: z.string().min(1).default('var/state.json'),
      DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, 'expected a PostgreSQL URL such as postgres://bot:password@db:5432/plans')
        .optional(),
      /** With DATABASE_URL: the most one database call may take before the update gets its error reply. */
      DB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(3),
      /** With DATABASE_URL: how often a process looks for a push run whose sender died, to take it over. */
      TAKEOVER_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
      PLAN_FILE: z.string().min(1).optional(),
      PLANS_DIR: z.string().min(1).optional(),
      ROSTER_FILE: z.string().min(1).optional(),
      BOT_LANG: z.enum(['vi', 'en']).default('vi'),
      REMIND_DAYS: z.coerce.number().int().min(1).max(365).default(30),
      UNDO_MINUTES: z.coerce.number().int().min(0).max(10_080).default(30),
      ZALO_BOT_TOKEN: z
        .string()
        .regex(/^[^\s:]+:[^\s]{8,}$/, 'expected a Zalo bot token such as <bot_id>:<secret>')
        .optional(),
      ZALO_API_ROOT: z.url({ message: 'expected a URL such as https://bot-api.zaloplatforms.com' }).default('https://bot-api.zaloplatforms.com'),
      ZALO_WEBHOOK_URL: z.url({ message: 'expected the public https URL Zalo will call' }).optional(),
      ZALO_WEBHOOK_SECRET: z.string().min(8, 'expected 8 to 256 characters').max(256, 'expected 8 to 256 characters').optional(),
      ADMIN_ZALO_IDS: z
        .string()
        .transform((s) => s.split(/[\s,;]+/).filter(Boolean))
        .pipe(z.array(z.string().regex(/^[0-9a-zA-Z]{1,64}$/, 'expected Zalo user ids separated by commas')))
        .default([]),
      ZALO_PUSH_RATE: z.coerce.number().positive().max(100).default(5),
      PUSH_CRON: z.string().default('30 7 * * 1'),
      REMIND_CRON: z.string().default('0 8 * * *'),
      PUSH_RATE: z.coerce.number().positive().max(1000).default(25),
      REMIND_BEFORE: z
        .string()
        .default('7,1')
        .transform((s) =>
          s
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map(Number),
        )
        .pipe(z.array(z.number().int().min(0).max(365)).min(1, 'expected days such as 7,1')),
    })
    .superRefine((c, ctx) => {
      if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required with WEBHOOK_URL' });
      if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET)
        ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'required with ZALO_WEBHOOK_URL' });
      for (const key of ['PUSH_CRON', 'REMIND_CRON'] as const) {
        try {
          pattern(c[key]);
        } catch (e) {
          if (e instanceof ScheduleError) ctx.addIssue({ code: 'custom', path: [key], message: e.message });
          else throw e;
        }
      }
    });

export type Config = z.infer<ReturnType<typeof buildSchema>>;

/** Built on first use: a command that needs only STATE_FILE (ask, export) does not pay for the whole schema. */
let schema: ReturnType<typeof buildSchema> | undefined;

/** The state file's path alone, for the read-only commands. */
export function stateFileSetting(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.STATE_FILE;
  return value && value.length > 0 ? value : 'var/state.json';
}

/** The store the read-only commands open: DATABASE_URL when set, else STATE_FILE. */
export function storeSetting(env: NodeJS.ProcessEnv = process.env): { databaseUrl?: string; stateFile: string } {
  const url = env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\/\S+$/.test(url))
    throw new ConfigError('DATABASE_URL: expected a PostgreSQL URL such as postgres://bot:password@db:5432/plans');
  return { ...(url ? { databaseUrl: url } : {}), stateFile: stateFileSetting(env) };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty values count as unset, as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  schema ??= buildSchema();
  const result = schema.safeParse(present);
  if (!result.success) {
    // Name the variable and the problem; never echo the value (it may be a secret).
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}

/** Load KEY=value lines from a .env file, if there is one; variables already set in the environment win. */
export function loadEnvFile(file = '.env'): void {
  if (!existsSync(file)) return;
  try {
    process.loadEnvFile(file);
  } catch (e) {
    throw new ConfigError(`${file}: cannot be read (${(e as Error).message})`);
  }
}
