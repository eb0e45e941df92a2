import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000, the data/ database and the demo on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', demo: true });
    expect(c.dbPath).toMatch(/data\/vendorscope\.sqlite$/);
    expect(isAbsolute(c.dbPath)).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads PORT, HOST, DB_PATH and VENDORSCOPE_DEMO', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0', DB_PATH: '/tmp/x.sqlite', VENDORSCOPE_DEMO: 'OFF' })).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dbPath: '/tmp/x.sqlite',
      demo: false,
    });
  });

  it.each([{ PORT: 'abc' }, { PORT: '70000' }, { VENDORSCOPE_DEMO: 'maybe' }])('rejects %j', (env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });
});
