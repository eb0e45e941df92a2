/**
 * The supply chain as a graph: our vendors, their subprocessors and support arrangements, and who
 * serves whom. A subprocessor with its own vendor record is that vendor's node, so the graph can be
 * walked; one without is known by its name. A subprocessor serving two or more of our vendors is a
 * concentration risk.
 */
import { nameKey } from '../domain/vendor.ts';
import type { AccessLevel } from '../domain/vocabulary.ts';
import type { Store } from '../db/store.ts';
import { dayNumber } from '../domain/partial-date.ts';
import { subprocessorActiveAt } from '../scoring/known-at.ts';

export interface SupplyChainNode {
  id: string;
  kind: 'vendor' | 'subprocessor';
  name: string;
  vendorId: number | null;
  tier: number | null;
  /** How many of our vendors it serves (as a subprocessor). */
  serves: number;
  concentration: boolean;
}

export interface SupplyChainEdge {
  source: string;
  target: string;
  subprocessorId: number;
  function: string;
  accessLevel: AccessLevel;
  outsourced: boolean;
  active: boolean;
}

const subNodeId = (s: { vendorId: number | null; name: string }) => (s.vendorId !== null ? `vendor:${s.vendorId}` : `sub:${nameKey(s.name)}`);

export function supplyChainService(store: Store) {
  return {
    graph: (asOf: string): { asOf: string; nodes: SupplyChainNode[]; edges: SupplyChainEdge[] } => {
      const day = dayNumber(asOf);
      const all = store.vendors.all();
      const byId = new Map(all.map((v) => [v.id, v]));
      const vendors = all.filter((v) => v.status !== 'not-engaged');
      const nodes = new Map<string, SupplyChainNode>(
        vendors.map((v) => [
          `vendor:${v.id}`,
          { id: `vendor:${v.id}`, kind: 'vendor', name: v.name, vendorId: v.id, tier: v.tier, serves: 0, concentration: false },
        ]),
      );
      const engaged = new Set(vendors.map((v) => v.id));
      const edges: SupplyChainEdge[] = [];
      for (const s of store.subprocessors.all()) {
        if (!engaged.has(s.parentVendorId)) continue;
        const target = subNodeId(s);
        if (!nodes.has(target)) {
          const linked = s.vendorId !== null ? byId.get(s.vendorId) : undefined;
          nodes.set(target, {
            id: target,
            kind: linked ? 'vendor' : 'subprocessor',
            name: linked?.name ?? s.name,
            vendorId: s.vendorId,
            tier: linked?.tier ?? null,
            serves: 0,
            concentration: false,
          });
        }
        edges.push({
          source: `vendor:${s.parentVendorId}`,
          target,
          subprocessorId: s.id,
          function: s.function,
          accessLevel: s.accessLevel,
          outsourced: s.outsourced,
          active: subprocessorActiveAt(s, day),
        });
      }
      for (const node of nodes.values()) {
        node.serves = new Set(edges.filter((e) => e.target === node.id && e.active).map((e) => e.source)).size;
        node.concentration = node.serves >= 2;
      }
      return { asOf, nodes: [...nodes.values()], edges };
    },
  };
}

export type SupplyChainService = ReturnType<typeof supplyChainService>;
