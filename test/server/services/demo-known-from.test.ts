/**
 * When the demo portfolio's facts became known (data/seed/README.md): a posture statement from its
 * statedDate (undated: the day it is seeded); a derived MFA or support record from the date of the
 * cited item it names as its `knownFromEvidence`, never before the day an MFA record speaks for.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../server/domain/account.ts';
import { createStore } from '../../../server/db/store.ts';
import { loadConfig } from '../../../server/config.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { memDb } from '../../helpers/db.ts';

const SEED_DIR = loadConfig({}).seedDir;
const demo = loadDemoPortfolio(SEED_DIR);
const reference = JSON.parse(readFileSync(join(SEED_DIR, 'incidents.json'), 'utf8')) as {
  incidents: Array<{ id: string; publicDisclosureDate: string | null }>;
  vendor_posture: Array<{ id: string; statedDate: string | null }>;
};
const portfolio = JSON.parse(readFileSync(join(SEED_DIR, 'portfolio.json'), 'utf8')) as {
  mfa: Array<{ vendor: string; population: string; fact: string; knownFromEvidence: string }>;
  subprocessors: Array<{ vendor: string; name: string; facts: string[]; incidents: string[]; knownFromEvidence: string }>;
};

const seededOn = (day: string) => {
  const store = createStore(memDb());
  seedDemoPortfolio(store, demo, fixedClock(`${day}T12:00:00.000Z`), { reset: false, actor: SYSTEM });
  return store;
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the demo portfolio’s knownFrom', () => {
  it('dates each derived support record by the cited item that established it', () => {
    const store = seededOn('2026-11-29');
    const known = (vendor: string, name: string) =>
      store.subprocessors.listByVendor(store.vendors.findByName(vendor)!.id).find((s) => s.name === name)!.knownFrom;
    // Sitel: Okta named it on 23 March 2022; Okta's own support case system: the breach disclosed on 20 October 2023.
    expect(known('Okta', 'Sitel Group (Sykes Enterprises)')).toBe('2022-03-23');
    expect(known('Okta', 'Okta Customer Support (Help Center case system)')).toBe('2023-10-20');
    expect(known('Cloudflare', 'Okta (customer support case system)')).toBe('2023-10-20');
    // Announced long after it began (TaskUs since 2017, reported May 2025).
    expect(known('Coinbase', 'TaskUs')).toBe('2025-05');
    // Resting on an undated statement: the day it was seeded.
    expect(known('Atlassian', 'Atlassian support (Government Cloud)')).toBe('2026-11-29');
  });

  it('every derived record names a cited item, and is known from that item’s date', () => {
    const statedDate = new Map(reference.vendor_posture.map((f) => [f.id, f.statedDate]));
    const disclosed = new Map(reference.incidents.map((i) => [i.id, i.publicDisclosureDate]));
    portfolio.subprocessors.forEach((p, k) => {
      expect([...p.facts, ...p.incidents], p.name).toContain(p.knownFromEvidence);
      const date = statedDate.has(p.knownFromEvidence) ? statedDate.get(p.knownFromEvidence) : disclosed.get(p.knownFromEvidence);
      expect(demo.subprocessors[k]!.input.knownFrom, p.name).toBe(date ?? null);
    });
    portfolio.mfa.forEach((p) => {
      expect(p.knownFromEvidence, `${p.vendor} ${p.population}`).toBe(p.fact);
    });
    // The statement's date, except where the statement announced a future requirement.
    expect(demo.mfa.map((m) => [m.vendor, m.record.population, m.record.knownFrom])).toContainEqual(['Okta', 'workforce', '2023-09']);
  });

  it('never makes an MFA record known before the day it speaks for: GitHub’s May 2022 announcement speaks for the end of 2023', () => {
    const github = demo.mfa.find((m) => m.vendor === 'GitHub')!.record;
    expect(reference.vendor_posture.find((f) => f.id === 'github-2fa-required-contributors')!.statedDate).toBe('2022-05-04');
    expect(github).toMatchObject({ assessedOn: '2023-12', knownFrom: '2023-12' });
  });

  it('dates posture statements by statedDate; an undated one by the day it is first seeded, kept by a later re-seed', () => {
    const store = seededOn('2026-11-29');
    const fact = (ref: string) => store.postureFacts.all().find((f) => f.ref === ref)!;
    expect(fact('okta-support-subprocessor-sitel-2022').knownFrom).toBe('2022-03-23');
    expect(fact('okta-help-center-admin-hardening-2023').knownFrom).toBe('2024');
    expect(fact('okta-customer-can-block-support-access').knownFrom).toBe('2026-11-29');
    seedDemoPortfolio(store, demo, fixedClock('2027-02-01T12:00:00.000Z'), { reset: false, actor: SYSTEM });
    expect(fact('okta-customer-can-block-support-access').knownFrom).toBe('2026-11-29');
    expect(store.postureFacts.all().every((f) => f.knownFrom === (f.statedDate ?? '2026-11-29'))).toBe(true);
  });

  it('refuses a seed whose record is known from an item it does not cite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vs-seed-'));
    dirs.push(dir);
    cpSync(SEED_DIR, dir, { recursive: true });
    const file = join(dir, 'portfolio.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"knownFromEvidence": "okta-support-subprocessor-sitel-2022"', '"knownFromEvidence": "okta-2023-10-support-system"'),
    );
    expect(() => loadDemoPortfolio(dir)).toThrow(
      /subprocessor Sitel Group \(Sykes Enterprises\) is known from "okta-2023-10-support-system", which it does not cite/,
    );
  });
});
