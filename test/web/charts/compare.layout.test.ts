import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../server/scoring/types.ts';
import {
  chainLinks,
  chainSentence,
  compareUrl,
  findingRows,
  listNames,
  nameKey,
  parseIds,
  sharedSentence,
  sharedSubprocessors,
} from '../../../web/charts/compare.layout.ts';
import { sub } from './compare.fixtures.ts';

const finding = (rule: string, severity: Finding['severity'], title = rule): Finding => ({
  id: `${rule}:${title}`,
  rule,
  severity,
  title,
  rationale: 'why',
  suggestedCondition: `Condition for ${rule}`,
  refs: [],
});

describe('parseIds', () => {
  it('keeps positive integers in order, once each, at most four', () => {
    expect(parseIds('3,7')).toEqual([3, 7]);
    expect(parseIds(' 7 , 3,7,x,-1,0,2.5,9,10,11')).toEqual([7, 3, 9, 10]);
    expect(parseIds(null)).toEqual([]);
    expect(parseIds('')).toEqual([]);
  });
});

describe('listNames', () => {
  it('joins names as a sentence does', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['Okta'])).toBe('Okta');
    expect(listNames(['Okta', 'Cloudflare'])).toBe('Okta and Cloudflare');
    expect(listNames(['Okta', 'Cloudflare', 'Microsoft'])).toBe('Okta, Cloudflare and Microsoft');
  });
});

describe('findingRows', () => {
  it('makes one row per rule with a cell per vendor, the most severe and widespread first', () => {
    const rows = findingRows([
      {
        vendorId: 1,
        findings: [finding('late-disclosure', 'medium', 'a'), finding('late-disclosure', 'high', 'b'), finding('outsourced-tenant-access', 'high')],
      },
      { vendorId: 7, findings: [finding('outsourced-tenant-access', 'medium'), finding('repeat-root-cause', 'critical')] },
      { vendorId: 9, findings: [] },
    ]);
    expect(rows.map((r) => r.rule)).toEqual(['repeat-root-cause', 'outsourced-tenant-access', 'late-disclosure']);
    expect(rows[0]!.label).toBe('Same root cause twice');
    expect(rows[0]!.condition).toBe('Condition for repeat-root-cause');
    expect(rows[1]!.cells.map((c) => c.findings.length)).toEqual([1, 1, 0]);
    // Within a cell, the most severe finding comes first.
    expect(rows[2]!.cells[0]!.findings.map((f) => f.title)).toEqual(['b', 'a']);
    expect(rows[2]!.cells.map((c) => c.vendorId)).toEqual([1, 7, 9]);
  });

  it('names an unknown rule by its finding’s title', () => {
    expect(findingRows([{ vendorId: 1, findings: [finding('new-rule', 'low', 'Something new')] }])[0]!.label).toBe('Something new');
  });
});

describe('shared subprocessors', () => {
  const okta = { vendorId: 1, name: 'Okta', subprocessors: [sub(1, { name: 'Sitel Group', parentVendorId: 1 }), sub(2, { name: 'Okta Customer Support' })] };
  const cloudflare = { vendorId: 7, name: 'Cloudflare', subprocessors: [sub(3, { name: 'Okta (support case system)', vendorId: 1, parentVendorId: 7 })] };

  it('ignores case and runs of spaces in names, as the server does', () => {
    expect(nameKey('  Sitel   GROUP ')).toBe('sitel group');
  });

  it('finds none when the vendors have no provider in common', () => {
    expect(sharedSubprocessors([okta, cloudflare], '2024-01-01')).toEqual([]);
  });

  it('matches the same name, whatever its case and spacing', () => {
    const other = { vendorId: 9, name: 'Discord', subprocessors: [sub(4, { name: ' sitel  group' })] };
    expect(sharedSubprocessors([okta, cloudflare, other], '2024-01-01')).toEqual([
      { name: 'Sitel Group', linkedVendorId: null, vendorIds: [1, 9], subprocessorIds: [1, 4] },
    ]);
  });

  it('matches the same linked vendor record under different names, and names it after that vendor when compared', () => {
    const other = { vendorId: 9, name: 'Discord', subprocessors: [sub(5, { name: 'Okta Workforce Identity', vendorId: 1 })] };
    const shared = sharedSubprocessors([okta, cloudflare, other], '2024-01-01');
    expect(shared).toEqual([{ name: 'Okta', linkedVendorId: 1, vendorIds: [7, 9], subprocessorIds: [3, 5] }]);
    expect(sharedSentence(shared[0]!, (id) => ({ 7: 'Cloudflare', 9: 'Discord' })[id] ?? '?')).toBe(
      'Cloudflare and Discord share Okta: a concentration risk, since one breach there reaches both.',
    );
  });

  it('merges groups transitively (a linked record and a same-named one)', () => {
    const a = { vendorId: 2, name: 'A', subprocessors: [sub(6, { name: 'TaskUs', vendorId: 40 })] };
    const b = { vendorId: 3, name: 'B', subprocessors: [sub(7, { name: 'taskus' })] };
    const c = { vendorId: 4, name: 'C', subprocessors: [sub(8, { name: 'Task Us Inc', vendorId: 40 })] };
    expect(sharedSubprocessors([a, b, c], '2024-01-01')).toEqual([{ name: 'TaskUs', linkedVendorId: 40, vendorIds: [2, 3, 4], subprocessorIds: [6, 7, 8] }]);
  });

  it('leaves out arrangements not in place on the day', () => {
    const ended = { vendorId: 9, name: 'Discord', subprocessors: [sub(4, { name: 'Sitel Group', until: '2022-01' })] };
    expect(sharedSubprocessors([okta, ended], '2024-01-01')).toEqual([]);
    expect(sharedSubprocessors([okta, ended], '2022-01-31')).toHaveLength(1);
    const later = { vendorId: 9, name: 'Discord', subprocessors: [sub(4, { name: 'Sitel Group', since: '2025' })] };
    expect(sharedSubprocessors([okta, later], '2024-01-01')).toEqual([]);
  });
});

describe('chainLinks', () => {
  it('finds a compared vendor in another compared vendor’s chain, and says what it means', () => {
    const okta = { vendorId: 1, name: 'Okta', subprocessors: [sub(1, { name: 'Sitel Group' })] };
    const cloudflare = { vendorId: 7, name: 'Cloudflare', subprocessors: [sub(3, { vendorId: 1, function: 'identity provider' })] };
    const links = chainLinks([okta, cloudflare], '2024-01-01');
    expect(links.map((l) => [l.fromVendorId, l.toVendorId, l.subprocessor.id])).toEqual([[7, 1, 3]]);
    expect(chainSentence(links[0]!, (id) => (id === 1 ? 'Okta' : 'Cloudflare'))).toBe(
      "Cloudflare's support chain runs through Okta (identity provider): a breach at Okta reaches Cloudflare.",
    );
    expect(chainLinks([cloudflare], '2024-01-01')).toEqual([]);
  });
});

describe('compareUrl', () => {
  it('keeps the ids readable, and leaves out what is empty', () => {
    expect(compareUrl([1, 7])).toBe('/compare?ids=1,7');
    expect(compareUrl([1, 7], '2023-10-31')).toBe('/compare?ids=1,7&asOf=2023-10-31');
    expect(compareUrl([], '2023-10-31')).toBe('/compare?asOf=2023-10-31');
    expect(compareUrl([])).toBe('/compare');
    expect(parseIds(new URLSearchParams(compareUrl([3, 9]).split('?')[1]).get('ids'))).toEqual([3, 9]);
  });
});
