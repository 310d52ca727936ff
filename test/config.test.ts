/** The environment's gate (src/config.ts): TRUST_PROXY read as the reverse proxies' addresses, refused otherwise. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('TRUST_PROXY', () => {
  it('is unset by default, and read as addresses and ranges', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 172.16.0.0/12 ::1,fd00::/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '172.16.0.0/12', '::1', 'fd00::/8']);
  });
  it('refuses anything else, naming the variable', () => {
    for (const bad of ['yes', 'true', '10.0.0.0/33', '::1/129', '10.0.0.1/8/2', 'nginx', '256.0.0.1'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(
        new ConfigError('TRUST_PROXY.0: expected addresses or ranges of the reverse proxies, such as 127.0.0.1,10.0.0.0/8'),
      );
  });
});
