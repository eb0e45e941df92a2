/**
 * Each architecture rule fails on a made-up violating file: the same rule engine as
 * imports.test.ts, run over test/architecture/fixtures (laid out like the project), must report
 * exactly these violations, no more (the fixtures' allowed imports stay quiet) and no fewer.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, readProject, RULES, type RuleName } from './rules.ts';

const found = check(readProject(fileURLToPath(new URL('./fixtures', import.meta.url))));

const EXPECTED: Record<RuleName, string[]> = {
  'server layers: every import follows the staircase table (layers.ts), nothing imports upward': [
    'server/http/imports-main.ts:2 → server/main.ts (http → main)',
    'server/http/reads-db.ts:2 → server/db/rows.ts (http → db)',
    'server/scoring/uses-db.ts:2 → server/db/rows.ts (scoring → db)',
    'server/services/uses-http.ts:2 → server/http/route.ts (type) (services → http)',
  ],
  'scoring is pure: it imports only scoring and domain modules, no package': ['server/scoring/uses-db.ts:2 → server/db/rows.ts'],
  'domain imports only domain modules and zod': ['server/domain/reads-path.ts:2 → node:path'],
  'db imports only db, domain, node built-ins, better-sqlite3 and the score vocabulary (type-only)': [
    'server/db/uses-scoring.ts:3 → server/scoring/uses-db.ts',
  ],
  'services never import http; nothing below http imports it': ['server/services/uses-http.ts:2 → server/http/route.ts (type)'],
  'http reaches storage only through services (scoring only for its vocabulary)': ['server/http/reads-db.ts:2 → server/db/rows.ts'],
  'nothing imports main.ts, and only main.ts reads the environment, listens or exits': [
    'server/http/imports-main.ts:2 → server/main.ts',
    'server/services/reads-env.ts: process.env',
  ],
  'the server never imports the web or the tests': ['server/services/uses-web.ts:2 → web/labels.ts'],
  'web layers: shell → pages → components → charts → controllers → pure, nothing imports upward': [
    // a dynamic import, a side-effect import, a type-only re-export, a plain import: all upward
    'web/charts/loads-page.ts:2 → web/pages/vr-page.ts (charts → pages)',
    'web/charts/vr-chart.ts:2 → web/components/vr-card.ts (charts → components)',
    'web/components/re-export.ts:2 → web/pages/vr-page.ts (type) (components → pages)',
    'web/components/vr-card.ts:2 → web/pages/vr-page.ts (components → pages)',
  ],
  'web → server only through the contract (types) and the domain (types; values from dependency-free modules)': [
    'web/labels.ts:11 → server/domain/schema.ts', // a zod schema's value
    'web/labels.ts:12 → server/domain/wraps-schema.ts', // zod one module further down
    'web/pages/uses-service.ts:2 → server/services/svc.ts (type)',
    'web/pages/uses-service.ts:3 → server/http/route.ts (type)',
    'web/uses-contract-value.ts:2 → server/http/contract.ts',
  ],
  'the web never imports node built-ins': ['web/uses-node.ts:2 → node:path'],
  'every source file belongs to a layer': ['server/stray.ts: no layer in layers.ts'],
  'every relative import resolves to a file': ['server/http/missing.ts:3 → server/http/gone.ts'],
};

describe('each rule reports its made-up violation', () => {
  for (const rule of Object.keys(RULES) as RuleName[]) {
    it(rule, () => {
      expect(EXPECTED[rule].length).toBeGreaterThan(0);
      expect(found[rule]).toEqual(EXPECTED[rule]);
    });
  }
});
