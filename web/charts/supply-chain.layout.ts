/**
 * The supply-chain graph's geometry, PURE: a d3-force layout run to a fixed number of ticks from
 * seeded positions with a seeded random source, so the same graph always lands in the same place
 * (tests and screenshots stay stable, and nodes do not jump between visits). Edges carry their
 * access level as width AND dash pattern (colour only echoes it); nodes are sized by the access
 * they hold or hand out, and a provider serving two or more of our vendors is marked.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import type { SupplyChainEdge, SupplyChainNode } from '../../server/http/contract.ts';
import type { AccessLevel } from '../../server/domain/vocabulary.ts';
import { onDark, riskColor } from './heatmap.layout.ts';

export interface AccessStroke {
  /** 0 (none) to 4 (admin): how far into customer tenants it reaches. */
  readonly rank: number;
  readonly width: number;
  /** SVG stroke-dasharray; '' is a solid line. */
  readonly dash: string;
  readonly colour: string;
  /** The colour on a dark canvas (onDark). */
  readonly dark: string;
  /** The legend's words. */
  readonly label: string;
}

/** Wider and more solid means more access; the heatmap's ramp (from 40, where lines keep 3:1 on white) echoes it. */
export const ACCESS_STROKE: Readonly<Record<AccessLevel, AccessStroke>> = {
  none: { rank: 0, width: 1, dash: '1 3', colour: riskColor(40), dark: onDark(40), label: 'No tenant access' },
  metadata: { rank: 1, width: 1.5, dash: '5 3', colour: riskColor(55), dark: onDark(55), label: 'Ticket metadata' },
  'customer-data': { rank: 2, width: 2.5, dash: '10 4', colour: riskColor(70), dark: onDark(70), label: 'Customer data' },
  'session-artifacts': { rank: 3, width: 3.5, dash: '12 3 2 3', colour: riskColor(85), dark: onDark(85), label: 'Session artefacts (HAR files, logs)' },
  admin: { rank: 4, width: 5, dash: '', colour: riskColor(100), dark: onDark(100), label: 'Admin or impersonation' },
};

/** Access levels, least first, for the legend. */
export const ACCESS_ORDER = (Object.keys(ACCESS_STROKE) as AccessLevel[]).sort((a, b) => ACCESS_STROKE[a].rank - ACCESS_STROKE[b].rank);

export interface GraphNode extends SupplyChainNode {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** Access reach: for each arrangement in place touching the node, 1 + its access rank, summed. */
  readonly reach: number;
  /** The name, shortened to fit under the node. */
  readonly label: string;
  /** Where the label goes: on the side fewer of its edges leave from, so lines do not run through it. */
  readonly labelSide: 'below' | 'above';
  /** Every arrangement touching it has ended. */
  readonly ended: boolean;
  /** What a screen reader hears on the node. */
  readonly description: string;
}

export interface GraphEdge extends SupplyChainEdge {
  readonly key: string;
  /** From the source's rim to just short of the target's, so the arrowhead shows which way it runs. */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: AccessStroke;
}

export interface SupplyChainLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Vendors with no arrangement on record: listed beside the graph, not drawn in it. */
  readonly isolated: readonly SupplyChainNode[];
}

const LABEL_CHARS = 24;
const R_MIN = 6;
const R_MAX = 20;
/** Extra radius, and the ring's distance, for a provider that serves several of our vendors. */
export const CONCENTRATION_RING = 5;
/** How far short of the target's rim an edge stops: room for its arrowhead. */
export const ARROW_GAP = 9;
/** Room for a label under a node (two lines) and beside it (half a label's width). */
const MARGIN = { x: 78, top: 44, bottom: 44 };

export const shorten = (name: string): string => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…` : name);

/** A linear congruential generator: d3-force's jiggle, made repeatable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 2 ** 32;
}

function describe(n: SupplyChainNode, out: readonly SupplyChainEdge[], into: readonly SupplyChainEdge[]): string {
  const active = (es: readonly SupplyChainEdge[]) => es.filter((e) => e.active).length;
  const parts = [n.kind === 'vendor' ? `our vendor${n.tier ? `, tier ${n.tier}` : ''}` : 'subprocessor'];
  if (out.length > 0) parts.push(`${active(out)} of ${out.length} arrangements in place`);
  if (into.length > 0) parts.push(`serves ${n.serves} of our vendors${n.concentration ? ', a concentration risk' : ''}`);
  return `${n.name}: ${parts.join('; ')}`;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
}

export function layoutSupplyChain(
  data: { readonly nodes: readonly SupplyChainNode[]; readonly edges: readonly SupplyChainEdge[] },
  width: number,
  height: number,
  ticks = 300,
): SupplyChainLayout {
  const touched = new Set(data.edges.flatMap((e) => [e.source, e.target]));
  // Sorted by id: the same graph seeds the same positions whatever order the API lists it in.
  const drawn = data.nodes.filter((n) => touched.has(n.id)).sort((a, b) => a.id.localeCompare(b.id));
  const isolated = data.nodes.filter((n) => !touched.has(n.id));
  const edges = [...data.edges].sort((a, b) => a.subprocessorId - b.subprocessorId);

  const reach = new Map(drawn.map((n) => [n.id, 0]));
  for (const e of edges.filter((x) => x.active)) {
    const w = 1 + ACCESS_STROKE[e.accessLevel].rank;
    reach.set(e.source, (reach.get(e.source) ?? 0) + w);
    reach.set(e.target, (reach.get(e.target) ?? 0) + w);
  }
  const radius = scaleSqrt([0, Math.max(1, ...reach.values())], [R_MIN, R_MAX]);
  const r = (n: SupplyChainNode) => radius(reach.get(n.id) ?? 0) + (n.concentration ? CONCENTRATION_RING : 0);

  // Phyllotaxis seeding, as d3 does by default, but explicit: the order above fixes it.
  const sim: SimNode[] = drawn.map((n, i) => {
    const d = 10 * Math.sqrt(0.5 + i);
    const a = i * Math.PI * (3 - Math.sqrt(5));
    return { id: n.id, x: d * Math.cos(a), y: d * Math.sin(a) };
  });
  const links = edges.map((e) => ({ source: e.source, target: e.target }));
  const byId = new Map(drawn.map((n) => [n.id, n]));
  forceSimulation(sim)
    .randomSource(lcg(0x5eed))
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((d) => d.id)
        .distance(70)
        .strength(0.7),
    )
    .force('charge', forceManyBody().strength(-350))
    .force(
      'collide',
      forceCollide<SimNode>((d) => r(byId.get(d.id)!) + 26),
    )
    .force('x', forceX(0).strength(0.05))
    .force('y', forceY(0).strength(0.08))
    .stop()
    .tick(ticks);

  // Fit the centres into the box, leaving room for labels; x and y scale apart so the graph fills it.
  const xs = sim.map((d) => d.x!);
  const ys = sim.map((d) => d.y!);
  const fit = (lo: number[], a: number, b: number) => {
    const [min, max] = [Math.min(...lo), Math.max(...lo)];
    return scaleLinear([min, max === min ? min + 1 : max], max === min ? [(a + b) / 2, (a + b) / 2] : [a, b]);
  };
  const fx = fit(xs, MARGIN.x, Math.max(MARGIN.x, width - MARGIN.x));
  const fy = fit(ys, MARGIN.top, Math.max(MARGIN.top, height - MARGIN.bottom));
  const at = new Map(sim.map((d) => [d.id, { x: Math.round(fx(d.x!) * 10) / 10, y: Math.round(fy(d.y!) * 10) / 10 }]));

  const nodes = drawn.map((n): GraphNode => {
    const out = edges.filter((e) => e.source === n.id);
    const into = edges.filter((e) => e.target === n.id);
    const me = at.get(n.id)!;
    const dys = [...out.map((e) => at.get(e.target)!), ...into.map((e) => at.get(e.source)!)].map(
      (o) => (o.y - me.y) / (Math.hypot(o.x - me.x, o.y - me.y) || 1),
    );
    const down = dys.filter((dy) => dy > 0.35).length;
    const up = dys.filter((dy) => dy < -0.35).length;
    return {
      ...n,
      ...me,
      labelSide: down > up ? 'above' : 'below',
      r: Math.round(r(n) * 10) / 10,
      reach: reach.get(n.id) ?? 0,
      label: shorten(n.name),
      ended: [...out, ...into].every((e) => !e.active),
      description: describe(n, out, into),
    };
  });
  const placed = new Map(nodes.map((n) => [n.id, n]));
  return {
    width,
    height,
    nodes,
    edges: edges.map((e): GraphEdge => {
      const a = placed.get(e.source)!;
      const b = placed.get(e.target)!;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
      const round = (v: number) => Math.round(v * 10) / 10;
      return {
        ...e,
        key: `${e.source}>${e.target}#${e.subprocessorId}`,
        x1: round(a.x + ux * a.r),
        y1: round(a.y + uy * a.r),
        x2: round(b.x - ux * (b.r + ARROW_GAP)),
        y2: round(b.y - uy * (b.r + ARROW_GAP)),
        stroke: ACCESS_STROKE[e.accessLevel],
      };
    }),
    isolated,
  };
}
