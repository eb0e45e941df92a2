import { describe, expect, it } from 'vitest';
import type { SupplyChainEdge, SupplyChainNode } from '../../../server/services/supply-chain-service.ts';
import { ACCESS_ORDER, ACCESS_STROKE, ARROW_GAP, CONCENTRATION_RING, layoutSupplyChain, shorten } from '../../../web/charts/supply-chain.layout.ts';

const vendor = (id: number, name: string, serves = 0): SupplyChainNode => ({
  id: `vendor:${id}`,
  kind: 'vendor',
  name,
  vendorId: id,
  tier: 1,
  serves,
  concentration: serves >= 2,
});
const provider = (key: string, name: string, serves: number): SupplyChainNode => ({
  id: `sub:${key}`,
  kind: 'subprocessor',
  name,
  vendorId: null,
  tier: null,
  serves,
  concentration: serves >= 2,
});
const edge = (source: string, target: string, subprocessorId: number, accessLevel: SupplyChainEdge['accessLevel'], active = true): SupplyChainEdge => ({
  source,
  target,
  subprocessorId,
  function: 'customer support',
  accessLevel,
  outsourced: true,
  active,
});

// Shaped like the demo portfolio: Okta's Sitel contract has ended, Cloudflare's chain runs through Okta,
// and (unlike the demo) TaskUs serves two of our vendors.
const GRAPH = {
  nodes: [
    vendor(1, 'Okta', 1),
    vendor(7, 'Cloudflare'),
    vendor(33, 'Discord'),
    vendor(34, 'Coinbase'),
    vendor(20, 'Kaseya'),
    provider('sitel group (sykes enterprises)', 'Sitel Group (Sykes Enterprises)', 0),
    provider('okta customer support', 'Okta Customer Support (Help Center case system)', 1),
    provider('taskus', 'TaskUs', 2),
  ],
  edges: [
    edge('vendor:1', 'sub:sitel group (sykes enterprises)', 1, 'admin', false),
    edge('vendor:1', 'sub:okta customer support', 2, 'admin'),
    edge('vendor:7', 'vendor:1', 3, 'session-artifacts'),
    edge('vendor:34', 'sub:taskus', 6, 'customer-data'),
    edge('vendor:33', 'sub:taskus', 7, 'metadata'),
  ],
};

describe('layoutSupplyChain', () => {
  it('is deterministic: the same graph, in any order, lands in the same place', () => {
    const a = layoutSupplyChain(GRAPH, 900, 520);
    const b = layoutSupplyChain(GRAPH, 900, 520);
    expect(b).toEqual(a);
    const shuffled = { nodes: [...GRAPH.nodes].reverse(), edges: [...GRAPH.edges].reverse() };
    expect(layoutSupplyChain(shuffled, 900, 520)).toEqual(a);
  });

  it('draws every node that has an arrangement, and lists the others apart', () => {
    const g = layoutSupplyChain(GRAPH, 900, 520);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      GRAPH.nodes
        .filter((n) => n.id !== 'vendor:20')
        .map((n) => n.id)
        .sort(),
    );
    expect(g.isolated.map((n) => n.name)).toEqual(['Kaseya']);
    expect(g.edges).toHaveLength(GRAPH.edges.length);
  });

  it('keeps nodes inside the box, apart from each other, and edges on their nodes', () => {
    const g = layoutSupplyChain(GRAPH, 900, 520);
    for (const n of g.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(n.r);
      expect(n.x).toBeLessThanOrEqual(900 - n.r);
      expect(n.y).toBeGreaterThanOrEqual(n.r);
      expect(n.y).toBeLessThanOrEqual(520 - n.r);
    }
    for (const [i, a] of g.nodes.entries()) {
      for (const b of g.nodes.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
    }
    const at = new Map(g.nodes.map((n) => [n.id, n]));
    for (const e of g.edges) {
      const [a, b] = [at.get(e.source)!, at.get(e.target)!];
      // From the source's rim, along the line between centres, to just short of the target's rim.
      expect(Math.hypot(e.x1 - a.x, e.y1 - a.y)).toBeCloseTo(a.r, 0);
      expect(Math.hypot(e.x2 - b.x, e.y2 - b.y)).toBeCloseTo(b.r + ARROW_GAP, 0);
      const cross = (b.x - a.x) * (e.y2 - a.y) - (b.y - a.y) * (e.x2 - a.x);
      expect(Math.abs(cross) / Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThan(0.2);
    }
  });

  it('emphasizes a provider serving two or more of our vendors: larger, by its reach plus the ring', () => {
    const g = layoutSupplyChain(GRAPH, 900, 520);
    const taskus = g.nodes.find((n) => n.name === 'TaskUs')!;
    expect(taskus.concentration).toBe(true);
    expect(taskus.reach).toBe(3 + 2); // customer data (1 + 2) and metadata (1 + 1)
    expect(taskus.description).toBe('TaskUs: subprocessor; serves 2 of our vendors, a concentration risk');
    const others = g.nodes.filter((n) => n.reach === taskus.reach && !n.concentration);
    for (const o of others) expect(taskus.r).toBeCloseTo(o.r + CONCENTRATION_RING, 1);
  });

  it('sizes nodes by access reach, counting only arrangements in place', () => {
    const g = layoutSupplyChain(GRAPH, 900, 520);
    const byName = (name: string) => g.nodes.find((n) => n.name === name)!;
    // Okta: its own support (admin, 5) and Cloudflare's chain through it (session artefacts, 4); the ended Sitel contract adds nothing.
    expect(byName('Okta').reach).toBe(9);
    expect(byName('Okta').r).toBeGreaterThan(byName('Cloudflare').r);
    const sitel = byName('Sitel Group (Sykes Enterprises)');
    expect(sitel).toMatchObject({ reach: 0, ended: true, r: 6 });
    expect(byName('Okta').ended).toBe(false);
  });

  it('puts a label on the side fewer of its edges leave from', () => {
    const g = layoutSupplyChain(GRAPH, 900, 520);
    const at = new Map(g.nodes.map((n) => [n.id, n]));
    for (const n of g.nodes) {
      const others = g.edges.flatMap((e) => (e.source === n.id ? [at.get(e.target)!] : e.target === n.id ? [at.get(e.source)!] : []));
      const down = others.filter((o) => (o.y - n.y) / Math.hypot(o.x - n.x, o.y - n.y) > 0.35).length;
      const up = others.filter((o) => (o.y - n.y) / Math.hypot(o.x - n.x, o.y - n.y) < -0.35).length;
      expect(n.labelSide).toBe(down > up ? 'above' : 'below');
    }
    expect(new Set(g.nodes.map((n) => n.labelSide)).size).toBe(2);
  });

  it('describes nodes in words', () => {
    const g = layoutSupplyChain(GRAPH, 900, 520);
    expect(g.nodes.find((n) => n.name === 'Okta')!.description).toBe('Okta: our vendor, tier 1; 1 of 2 arrangements in place; serves 1 of our vendors');
  });

  it('shortens long names for the label only', () => {
    expect(shorten('TaskUs')).toBe('TaskUs');
    expect(shorten('Okta Customer Support (Help Center case system)')).toBe('Okta Customer Support (…');
    const g = layoutSupplyChain(GRAPH, 900, 520);
    expect(g.nodes.find((n) => n.id === 'sub:okta customer support')!.name).toBe('Okta Customer Support (Help Center case system)');
  });

  it('has nothing to draw for an empty graph', () => {
    expect(layoutSupplyChain({ nodes: [vendor(1, 'Okta')], edges: [] }, 900, 520)).toMatchObject({ nodes: [], edges: [], isolated: [{ name: 'Okta' }] });
  });
});

describe('ACCESS_STROKE', () => {
  it('tells access levels apart by width and by dash pattern, not by colour alone', () => {
    expect(ACCESS_ORDER).toEqual(['none', 'metadata', 'customer-data', 'session-artifacts', 'admin']);
    const styles = ACCESS_ORDER.map((a) => ACCESS_STROKE[a]);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(5);
    const widths = styles.map((s) => s.width);
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(5);
    expect(ACCESS_STROKE.admin.dash).toBe('');
  });
});
