/**
 * The demo's campaign links (data/seed/portfolio.json `campaigns`): LastPass's November 2022
 * breach continues August's; a re-seed keeps an analyst's root cause, entry path and links; the
 * loader refuses a link it cannot hold.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { createStore } from '../../../server/db/store.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { memDb } from '../../helpers/db.ts';

const SEED_DIR = loadConfig({}).seedDir;
const demo = loadDemoPortfolio(SEED_DIR);
const clock = fixedClock('2026-11-29T12:00:00.000Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function seeded() {
  const store = createStore(memDb());
  seedDemoPortfolio(store, demo, clock, { reset: false, actor: SYSTEM });
  const byRef = (ref: string) => store.incidents.all().find((i) => i.ref === ref)!;
  return { store, byRef };
}

/** A copy of the seed with portfolio.json changed. */
function seedWith(change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vs-seed-'));
  dirs.push(dir);
  cpSync(SEED_DIR, dir, { recursive: true });
  const file = join(dir, 'portfolio.json');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  return dir;
}

describe('the demo campaigns', () => {
  it("link LastPass's November 2022 breach to August's, and nothing else", () => {
    const { store, byRef } = seeded();
    expect(byRef('lastpass-2022-vault-backups').continuationOf).toBe(byRef('lastpass-2022-08-dev-environment').id);
    expect(store.incidents.all().filter((i) => i.continuationOf !== null)).toHaveLength(1);
    expect(store.incidents.all().every((i) => i.rootCause === null && i.entryPath === null)).toBe(true);
  });

  it("keep an analyst's root cause, entry path and links on a re-seed", () => {
    const { store, byRef } = seeded();
    const sitel = byRef('okta-2022-01-sitel');
    const nov = byRef('lastpass-2022-vault-backups');
    store.incidents.update(sitel.id, { ...sitel, title: 'Renamed', rootCause: 'subprocessor-compromise', entryPath: 'subprocessor' }, 'later');
    store.incidents.setContinuationOf(nov.id, null, 'later');
    seedDemoPortfolio(store, demo, clock, { reset: false, actor: SYSTEM });
    // The public record is the shipped one again; our reading of it stays.
    expect(byRef('okta-2022-01-sitel')).toMatchObject({ title: sitel.title, rootCause: 'subprocessor-compromise', entryPath: 'subprocessor' });
    expect(byRef('lastpass-2022-vault-backups').continuationOf).toBeNull();
  });

  it('refuse a link to an incident the vendor does not have, or one known after its continuation', () => {
    const unknown = seedWith((t) => t.replace('"continuationOf": "lastpass-2022-08-dev-environment"', '"continuationOf": "okta-2022-01-sitel"'));
    expect(() => loadDemoPortfolio(unknown)).toThrow(/names incident "okta-2022-01-sitel", which LastPass does not have/);
    const reversed = seedWith((t) =>
      t.replace(
        '"incident": "lastpass-2022-vault-backups", "continuationOf": "lastpass-2022-08-dev-environment"',
        '"incident": "lastpass-2022-08-dev-environment", "continuationOf": "lastpass-2022-vault-backups"',
      ),
    );
    expect(() => loadDemoPortfolio(reversed)).toThrow(/the continued incident became known after its continuation/);
    const unsourced = seedWith((t) => t.replace(/"sources": \["https:\/\/blog\.lastpass\.com[^\]]*\]/, '"sources": []'));
    expect(() => loadDemoPortfolio(unsourced)).toThrow(/portfolio\.json is invalid/);
  });
});
