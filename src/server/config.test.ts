import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('configuration', () => {
  it('believes no proxy unless TRUST_PROXY lists its addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(() => readConfig({ TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
  });
});
