import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from './harness.ts';

describe('findChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vendorscope-chromium-'));
  const fake = join(dir, 'chromium');
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds chromium on PATH when the default location has none', () => {
    expect(findChromium({ PATH: `/nonexistent:${dir}` }, ['/nonexistent/chromium'])).toBe(fake);
  });

  it('finds nothing when neither the default location nor PATH has one', () => {
    expect(findChromium({ PATH: '/nonexistent' }, ['/nonexistent/chromium'])).toBeNull();
  });

  it('takes CHROMIUM_PATH as the only candidate, found or not', () => {
    expect(findChromium({ CHROMIUM_PATH: fake, PATH: '' }, [])).toBe(fake);
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent', PATH: dir }, [fake])).toBeNull();
  });

  it('finds nothing when VENDORSCOPE_NO_BROWSER=1', () => {
    expect(findChromium({ VENDORSCOPE_NO_BROWSER: '1', PATH: dir }, [fake])).toBeNull();
  });
});
