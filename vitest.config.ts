import { defineConfig } from 'vitest/config';

// Many tests start real processes (the bot, the CLI) on a 2-core machine: a generous timeout keeps a busy machine
// from failing them. Tests never assert on time; npm run bench measures it.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
});
