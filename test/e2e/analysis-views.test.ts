/**
 * The analysis views in a real browser: compare and the supply-chain graph (the methodology is
 * methodology-view.test.ts), against the demo portfolio on a server of their own (a fresh
 * database, a first admin), opened at http://localhost:PORT and signed in through the sign-in page.
 * What the pages show is checked against the API's own answers. The last part adds a shared
 * provider through the API (so it runs last): the demo portfolio has none, and a concentration
 * must show in both compare and the graph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { Incident } from '../../server/domain/incident.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { SupplyChainEdge, SupplyChainNode } from '../../server/services/supply-chain-service.ts';
import { OKTA_2023 } from './demo.ts';
import { chromiumForTests } from './harness.ts';
import { isFocused, useSession } from './session.ts';

type Graph = { asOf: string; nodes: SupplyChainNode[]; edges: SupplyChainEdge[] };

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('analysis views in Chromium', () => {
  let heatmap: Heatmap;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      heatmap = await s.api<Heatmap>('/portfolio/heatmap');
    },
  });
  const idOf = (name: string) => heatmap.rows.find((r) => r.name === name)!.vendorId;

  /** The parts of the page that must fit a narrow window (the app's own header is not this file's business). */
  const overflowing = (host: string) =>
    s.page
      .locator(host)
      .evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('section, .card, header')]
          .filter((s) => s.getBoundingClientRect().right > window.innerWidth + 1)
          .map((s) => s.className || s.localName),
      );

  describe('compare', () => {
    const picker = () => s.page.locator('vr-compare-picker');
    const search = () => picker().getByLabel('Add a vendor');
    const columns = () => s.page.locator('vr-compare-table thead th[data-vendor-id]');
    const cell = (factor: string, vendorId: number) => s.page.locator(`vr-compare-table tr[data-factor="${factor}"] td[data-vendor-id="${vendorId}"]`);
    /** Opens compare with Okta and Cloudflare, and waits for both columns and the subprocessor panel. */
    const openOktaAndCloudflare = async () => {
      await s.go(`/compare?ids=${idOf('Okta')},${idOf('Cloudflare')}`);
      await columns().nth(1).waitFor();
      await s.page.locator('vr-compare-subprocessors .callout').waitFor();
    };

    it('starts empty, then compares Okta and Cloudflare picked with the picker (mouse and keyboard), the ids in the URL', async () => {
      const [okta, cloudflare] = [idOf('Okta'), idOf('Cloudflare')];
      await s.go('/compare');
      await s.page.locator('vr-compare-page h2', { hasText: 'Pick at least two vendors' }).waitFor();

      await search().fill('okt');
      await picker()
        .getByRole('button', { name: /^Add Okta/ })
        .click();
      await s.page.waitForURL(s.url(`/compare?ids=${okta}`));
      await expect.poll(() => isFocused(search())).toBe(true);
      expect(await picker().locator('li.chip').allTextContents()).toEqual([expect.stringContaining('Okta')]);

      // Enter in the search adds the first match. The search is the API's (GET /vendors?q=: names, aliases, categories,
      // websites), so "cloud" may match more than Cloudflare; a name starting with what was typed comes first.
      await s.page.keyboard.type('cloud');
      const matching = (await s.api<{ items: Array<{ id: number }> }>('/vendors?q=cloud')).items.filter((v) => v.id !== okta).length;
      await picker()
        .locator('[role="status"]', { hasText: `${matching} ${matching === 1 ? 'vendor matches' : 'vendors match'}` })
        .waitFor();
      expect(await picker().locator('ul.results button').first().textContent()).toContain('Add Cloudflare');
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(s.url(`/compare?ids=${okta},${cloudflare}`));
      await expect.poll(() => isFocused(search())).toBe(true);
      await columns().nth(1).waitFor();
      expect(await columns().locator('a').allTextContents()).toEqual(['Okta', 'Cloudflare']);
      expect(await s.page.title()).toBe('Compare Okta and Cloudflare · Vendorscope');
    });

    it('shows both vendors’ scores and every factor, each with its largest contributions', async () => {
      await openOktaAndCloudflare();
      for (const name of ['Okta', 'Cloudflare']) {
        const score = await s.api<VendorScore>(`/vendors/${idOf(name)}/score`);
        const risk = s.page.locator(`vr-compare-table tr[data-row="risk"] td[data-vendor-id="${idOf(name)}"]`);
        expect(await risk.textContent()).toContain(score.risk.toFixed(1));
        expect((await risk.locator('vr-band-badge span').textContent())!.toLowerCase()).toBe(score.band);
        for (const f of score.factors) {
          const text = await cell(f.id, idOf(name)).textContent();
          expect(text).toContain(f.known ? f.score.toFixed(1) : 'unknown');
          const top = [...f.contributions].sort((a, b) => b.points - a.points).filter((c) => c.points > 0)[0];
          if (top) expect(text).toContain(top.label);
        }
      }
      expect(await s.page.locator('vr-compare-table tbody.factors tr[data-factor]').count()).toBe(5);
    });

    it('gives the age and source of the evidence behind each factor cell, and says "no evidence" for unknowns', async () => {
      await openOktaAndCloudflare();
      const okta = idOf('Okta');
      const incidents = (await s.api<{ items: Incident[] }>(`/vendors/${okta}/incidents`)).items;
      const newest = incidents.find((i) => i.title === OKTA_2023)!;
      const evidence = cell('incidents', okta).locator('.evidence');
      expect(await evidence.locator('.what').textContent()).toBe('Newest incident disclosed 20 Oct 2023');
      expect(await evidence.locator('.age').textContent()).toMatch(/^\d+\.\d years old$/);
      expect(await evidence.locator('a').getAttribute('href')).toBe(newest.sources[0]);

      // Okta's MFA rests on one workforce record of Sep 2023; the other four populations have none.
      const mfa = cell('mfa', okta).locator('.evidence');
      expect(await mfa.locator('.what').textContent()).toBe('Assessed Sep 2023');
      expect(await mfa.locator('.note').textContent()).toBe('4 of 5 populations: no evidence');

      // Cloudflare's support chain is its arrangement through Okta, dated by its record.
      const cloudflare = idOf('Cloudflare');
      const subs = (await s.api<{ items: Subprocessor[] }>(`/vendors/${cloudflare}/subprocessors`)).items;
      const support = cell('support', cloudflare).locator('.evidence');
      expect(await support.locator('.what').textContent()).toContain(`Newest record: ${subs[0]!.name}`);
      expect(await support.locator('a').getAttribute('href')).toBe(subs[0]!.sources[0]);

      // A vendor with no support arrangement on record: the factor is unknown, and so is its evidence.
      await s.go(`/compare?ids=${okta},${idOf('GitHub')}`);
      const unknown = cell('support', idOf('GitHub'));
      await unknown.waitFor();
      expect(await unknown.locator('.swatch').textContent()).toBe('unknown');
      expect(await unknown.locator('.evidence[data-none] .what').textContent()).toBe('No evidence: no support arrangement on record');

      // GitHub is not assessed: its band says so, beside its inherent risk, its coverage and what would assess it.
      const github = await s.api<VendorScore>(`/vendors/${idOf('GitHub')}/score`);
      expect(github.band).toBe('not-assessed');
      const row = (key: string) => s.page.locator(`vr-compare-table tr[data-row="${key}"] td[data-vendor-id="${idOf('GitHub')}"]`);
      expect(await row('risk').locator('vr-band-badge span').textContent()).toBe('Not assessed');
      expect(await row('inherent').textContent()).toBe(`${github.inherentRisk.toFixed(1)} (${github.inherentBand})`);
      expect(await row('evidence').textContent()).toContain(
        `${Math.round(github.evidenceCoverage * 100)}% · ${github.unknownPoints.toFixed(1)} of ${github.likelihood.toFixed(1)} points on unknowns`,
      );
      expect(await row('evidence').textContent()).toContain(`to assess: ${github.toAssess.map((m) => m.text).join('; ')}`);
    });

    it('lists a row per finding rule, marked in the columns of the vendors that have it, with the suggested condition', async () => {
      const [okta, cloudflare] = [idOf('Okta'), idOf('Cloudflare')];
      await s.go(`/compare?ids=${okta},${cloudflare}`);
      await s.page.locator('vr-compare-findings tr[data-rule]').first().waitFor();
      const scores = [await s.api<VendorScore>(`/vendors/${okta}/score`), await s.api<VendorScore>(`/vendors/${cloudflare}/score`)];
      const rules = [...new Set(scores.flatMap((s) => s.findings.map((f) => f.rule)))];
      expect((await s.page.locator('vr-compare-findings tr[data-rule]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule')))).sort()).toEqual(
        rules.sort(),
      );
      for (const rule of rules) {
        const row = s.page.locator(`vr-compare-findings tr[data-rule="${rule}"]`);
        for (const s of scores) {
          const mine = s.findings.filter((f) => f.rule === rule);
          const td = row.locator(`td[data-vendor-id="${s.vendorId}"]`);
          expect(await td.getAttribute('data-raised')).toBe(mine.length > 0 ? '' : null);
          expect(await td.textContent()).toContain(mine.length > 0 ? 'Raised' : 'Not raised');
          for (const f of mine) expect(await td.textContent()).toContain(f.title);
        }
        const condition = scores.flatMap((s) => s.findings).find((f) => f.rule === rule)!.suggestedCondition;
        expect(await row.locator('blockquote').textContent()).toBe(condition);
      }
      // Both have the unsanitized-artefacts finding: a mark in both columns.
      expect(await s.page.locator('vr-compare-findings tr[data-rule="unsanitized-support-artifacts"] td[data-raised]').count()).toBe(2);
    });

    it('says what the two have in common: no shared subprocessor, but Cloudflare’s chain runs through Okta', async () => {
      await openOktaAndCloudflare();
      const [okta, cloudflare] = [idOf('Okta'), idOf('Cloudflare')];
      // The demo data: Cloudflare's one arrangement is Okta's own vendor record; Okta's are its support system and Sitel.
      const cfSubs = (await s.api<{ items: Subprocessor[] }>(`/vendors/${cloudflare}/subprocessors`)).items;
      const oktaSubs = (await s.api<{ items: Subprocessor[] }>(`/vendors/${okta}/subprocessors`)).items;
      expect(cfSubs.map((s) => s.vendorId)).toEqual([okta]);
      expect(oktaSubs.some((s) => s.vendorId === cloudflare || cfSubs.some((c) => c.name.toLowerCase() === s.name.toLowerCase()))).toBe(false);

      const box = s.page.locator('vr-compare-subprocessors');
      const callout = await box.locator('.callout').textContent();
      expect(callout).toContain('Okta and Cloudflare share no subprocessor on record');
      expect(callout).toContain(
        "Cloudflare's support chain runs through Okta (workforce identity provider and its support channel): a breach at Okta reaches Cloudflare.",
      );
      const highlighted = box.locator(`section[data-vendor-id="${cloudflare}"] li[data-chain]`);
      expect(await highlighted.count()).toBe(1);
      expect(await highlighted.locator('.tag').textContent()).toBe('Compared here: Okta');
      expect(await box.locator('li[data-shared]').count()).toBe(0);
      // Okta's ended Sitel contract is listed as such.
      expect(await box.locator(`section[data-vendor-id="${okta}"] li[data-ended]`).textContent()).toContain('Sitel');
    });

    it('has no accessibility violations (axe)', async () => {
      await openOktaAndCloudflare();
      await s.expectNoAxeViolations();
      await s.shoot('compare.png');
    });

    it('goes back and forward through the picks, removes a vendor by keyboard, and opens from a shared link', async () => {
      const [okta, cloudflare, microsoft] = [idOf('Okta'), idOf('Cloudflare'), idOf('Microsoft')];
      await s.go('/compare');
      await search().fill('Micro');
      await picker()
        .getByRole('button', { name: /^Add Microsoft/ })
        .click();
      await s.page.waitForURL(/\?ids=\d+$/);
      await search().fill('Okta');
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(s.url(`/compare?ids=${microsoft},${okta}`));
      await columns().nth(1).waitFor();

      await s.page.goBack();
      await s.page.waitForURL(s.url(`/compare?ids=${microsoft}`));
      await s.page.locator('vr-compare-page h2', { hasText: 'Pick at least two vendors' }).waitFor();
      await s.page.goForward();
      await s.page.waitForURL(s.url(`/compare?ids=${microsoft},${okta}`));
      await columns().nth(1).waitFor();

      await picker().getByRole('button', { name: 'Remove Microsoft' }).focus();
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(s.url(`/compare?ids=${okta}`));

      // A shared link, in its own order.
      await s.go(`/compare?ids=${cloudflare},${okta},${microsoft}`);
      await columns().nth(2).waitFor();
      expect(await columns().locator('a').allTextContents()).toEqual(['Cloudflare', 'Okta', 'Microsoft']);
    });

    it('names a vendor that cannot be loaded instead of dropping it', async () => {
      await s.go(`/compare?ids=${idOf('Okta')},999999`);
      await s.page.locator('vr-compare-page vr-error h2', { hasText: 'Vendor #999999 could not be loaded' }).waitFor();
      expect(await s.page.locator('vr-compare-page').getByText('Fewer than two vendors could be loaded').count()).toBe(1);
      expect(await picker().getByRole('button', { name: 'Remove Vendor #999999' }).count()).toBe(1);
      // Chromium logs the 404s of the vendor's calls: expected here.
      expect(s.problems.every((p) => /404/.test(p))).toBe(true);
      s.problems.length = 0;
    });
  });

  describe('supply-chain graph', () => {
    let graph: Graph;
    const node = (id: string) => s.page.locator(`vr-supply-chain g.node[data-node-id="${id}"]`);
    const detail = () => s.page.locator('vr-graph-detail section');
    const openGraph = async () => {
      await s.go('/graph');
      await s.page.locator('vr-supply-chain g.node').first().waitFor();
    };

    beforeAll(async () => {
      graph = await s.api<Graph>('/portfolio/supply-chain');
    });

    it('draws every vendor and subprocessor that has an arrangement, and every arrangement, styled by access', async () => {
      await s.go('/graph');
      await s.page.locator('vr-supply-chain g.node').first().waitFor();
      const touched = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
      const drawn = await s.page.locator('vr-supply-chain g.node').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node-id')));
      expect(drawn.sort()).toEqual([...touched].sort());
      expect(await s.page.locator('vr-supply-chain line.edge').count()).toBe(graph.edges.length);
      // The rest are named under the graph.
      expect(await s.page.locator('vr-graph-page .isolated').textContent()).toContain(`Not drawn: ${graph.nodes.length - touched.size} vendors`);

      // Okta's Sitel contract (ended, admin access) and Cloudflare's chain through Okta (session artefacts).
      const okta = `vendor:${idOf('Okta')}`;
      const sitel = graph.nodes.find((n) => n.name.startsWith('Sitel'))!;
      const sitelEdge = s.page.locator(`vr-supply-chain line.edge[data-source="${okta}"][data-target="${sitel.id}"]`);
      expect(await sitelEdge.getAttribute('class')).toContain('ended');
      expect(await sitelEdge.getAttribute('data-access')).toBe('admin');
      expect(await sitelEdge.getAttribute('stroke-dasharray')).toBeNull();
      expect(await sitelEdge.getAttribute('stroke-width')).toBe('5');
      const cfEdge = s.page.locator(`vr-supply-chain line.edge[data-source="vendor:${idOf('Cloudflare')}"][data-target="${okta}"]`);
      expect(await cfEdge.getAttribute('data-access')).toBe('session-artifacts');
      expect(await cfEdge.getAttribute('stroke-dasharray')).toBe('12 3 2 3');
      // The legend names every access level.
      const legend = await s.page.locator('vr-supply-chain-legend .groups').textContent();
      for (const words of ['No tenant access', 'Ticket metadata', 'Customer data', 'Session artefacts', 'Admin or impersonation', 'ended'])
        expect(legend).toContain(words);
    });

    it('lists the same arrangements in the edge table as the API', async () => {
      await openGraph();
      const rows = s.page.locator('vr-graph-edge-table tbody tr');
      const listed = await rows.evaluateAll((trs) =>
        trs.map((tr) => `${tr.getAttribute('data-source')}>${tr.getAttribute('data-target')}#${tr.getAttribute('data-subprocessor-id')}`),
      );
      expect(listed.sort()).toEqual(graph.edges.map((e) => `${e.source}>${e.target}#${e.subprocessorId}`).sort());
      const sitelRow = rows.filter({ hasText: 'Sitel' });
      expect(await sitelRow.textContent()).toContain('No, ended');
      expect(await sitelRow.locator('th').textContent()).toBe('Okta');
    });

    it('opens a node’s details on a click, with the node in the URL', async () => {
      await openGraph();
      const okta = idOf('Okta');
      await node(`vendor:${okta}`).click();
      await s.page.waitForURL(s.url(`/graph?node=vendor:${okta}`));
      expect(await detail().locator('h2').textContent()).toBe('Okta');
      expect(await detail().getByRole('link', { name: "Open Okta's page" }).getAttribute('href')).toBe(`/vendors/${okta}`);
      const text = await detail().textContent();
      expect(text).toContain('Its subprocessors (2)');
      expect(text).toContain('Sitel Group');
      expect(text).toContain('Serves (1 in place)');
      expect(text).toContain('Cloudflare');
      expect(await node(`vendor:${okta}`).getAttribute('aria-pressed')).toBe('true');
    });

    it('opens a node’s details with Enter on the focused node, and Escape closes them', async () => {
      await openGraph();
      const sitel = graph.nodes.find((n) => n.name.startsWith('Sitel'))!;
      await node(sitel.id).focus();
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL((u) => new URL(u).searchParams.get('node') === sitel.id);
      expect(s.page.url()).toContain('node=sub:sitel');
      expect(await detail().locator('h2').textContent()).toBe(sitel.name);
      expect(await detail().textContent()).toContain('Serves (0 in place)');
      expect(await detail().locator('li[data-ended]').textContent()).toContain('Okta');
      await expect.poll(() => isFocused(node(sitel.id))).toBe(true);
      await s.page.keyboard.press('Escape');
      await s.page.waitForURL(s.url('/graph'));
      expect(await detail().locator('h2').textContent()).toBe('Details');
    });

    it('hides ended arrangements with the toggle, keeping them in the table', async () => {
      await openGraph();
      const sitel = graph.nodes.find((n) => n.name.startsWith('Sitel'))!;
      await s.page.getByLabel('Show ended arrangements').uncheck();
      await s.page.waitForURL(s.url('/graph?ended=hide'));
      expect(await node(sitel.id).count()).toBe(0);
      expect(await s.page.locator('vr-supply-chain line.edge').count()).toBe(graph.edges.filter((e) => e.active).length);
      expect(await s.page.locator('vr-graph-edge-table tbody tr').count()).toBe(graph.edges.length);
      await s.page.getByLabel('Show ended arrangements').check();
      await s.page.waitForURL(s.url('/graph'));
    });

    it('opens from a shared link with a node selected; no accessibility violations (axe)', async () => {
      await s.go(`/graph?node=vendor:${idOf('Cloudflare')}`);
      await detail().locator('h2', { hasText: 'Cloudflare' }).waitFor();
      await s.expectNoAxeViolations();
      await s.go(`/graph?node=vendor:${idOf('Okta')}`);
      await detail().locator('h2', { hasText: 'Okta' }).waitFor();
      await s.shoot('graph.png');
    });
  });

  describe('in a narrow window', () => {
    it('keeps every page’s content within the width', async () => {
      await s.page.setViewportSize({ width: 400, height: 900 });
      await s.go(`/compare?ids=${idOf('Okta')},${idOf('Cloudflare')}`);
      await s.page.locator('vr-compare-table thead th').first().waitFor();
      expect(await overflowing('vr-compare-page')).toEqual([]);
      await s.go('/graph');
      await s.page.locator('vr-graph-edge-table tbody tr').first().waitFor();
      expect(await overflowing('vr-graph-page')).toEqual([]);
      await s.go('/methodology');
      await s.page.locator('vr-methodology-ranking table').first().waitFor();
      expect(await overflowing('vr-methodology-page')).toEqual([]);
    });
  });
});

// A server of its own: it adds a subprocessor to Cloudflare, which the compare and graph tests above read as the demo has it.
describe.skipIf(!chromiumPath)('a provider shared by two vendors (added through the API), in Chromium', () => {
  let heatmap: Heatmap;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      heatmap = await s.api<Heatmap>('/portfolio/heatmap');
    },
  });
  const idOf = (name: string) => heatmap.rows.find((r) => r.name === name)!.vendorId;

  it('is highlighted in compare and emphasized in the graph', async () => {
    const [coinbase, cloudflare] = [idOf('Coinbase'), idOf('Cloudflare')];
    const coinbaseSubs = (await s.api<{ items: Subprocessor[] }>(`/vendors/${coinbase}/subprocessors`)).items;
    expect(coinbaseSubs.map((s) => s.name)).toContain('TaskUs');
    // The same provider under another spelling (the server trims the spaces; the case differs).
    const res = await s.call(`/vendors/${cloudflare}/subprocessors`, {
      method: 'POST',
      body: { name: '  TASKUS ', function: 'customer support', outsourced: true, accessLevel: 'customer-data', sources: ['https://example.com/taskus'] },
    });
    expect(res.status).toBe(201);

    await s.go(`/compare?ids=${coinbase},${cloudflare}`);
    const box = s.page.locator('vr-compare-subprocessors');
    await box.locator('li[data-shared]').first().waitFor();
    expect(await box.locator('.callout').textContent()).toContain('Coinbase and Cloudflare share TaskUs: a concentration risk');
    expect(await box.locator('li[data-shared]').count()).toBe(2);
    expect(await box.locator(`section[data-vendor-id="${coinbase}"] li[data-shared] .tag`).textContent()).toBe('Shared with Cloudflare');

    const graph = await s.api<Graph>('/portfolio/supply-chain');
    // One node, whichever spelling the server met first.
    const taskus = graph.nodes.find((n) => n.id === 'sub:taskus')!;
    expect(taskus).toMatchObject({ serves: 2, concentration: true });
    await s.go('/graph');
    const n = s.page.locator(`vr-supply-chain g.node[data-node-id="${taskus.id}"]`);
    await n.waitFor();
    expect(await n.getAttribute('data-concentration')).toBe('');
    expect(await n.locator('circle.ring').count()).toBe(1);
    expect(await s.page.locator(`vr-supply-chain g.node-label[data-node-id="${taskus.id}"] text.serves`).textContent()).toBe('serves 2');
    await n.click();
    await s.page.locator('vr-graph-detail .concentration', { hasText: 'Serves 2 of our vendors: a concentration risk' }).waitFor();
    expect(await s.page.locator('vr-graph-edge-table tbody tr', { hasText: 'TaskUs' }).count()).toBe(2);
  });
});
