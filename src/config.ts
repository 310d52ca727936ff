/** The only reader of process.env: validated once at start with zod; a bad value stops start-up with a clear message. */
import { z } from 'zod';

const schema = z.object({
  BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'expected a Telegram bot token such as 123456:ABC-DEF…').optional(),
  STATE_FILE: z.string().min(1).default('var/state.json'),
  PLAN_FILE: z.string().min(1).optional(),
  BOT_LANG: z.enum(['vi', 'en']).default('vi'),
  REMIND_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty values count as unset, as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    // Name the variable and the problem; never echo the value (it may be a secret).
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}
