/**
 * Prints the layer graph: imports per pair of layers (value and type-only), server, web, and web →
 * server, with the bends. `npm run layers`. The closing notes of architecture issues quote it.
 */
import { PROJECT_ROOT } from '../../server/config.ts';
import { BENDS, layerOf, SERVER_LAYERS, WEB_LAYERS, type Layer } from './layers.ts';
import { layerEdges, readProject, type EdgeCount } from './rules.ts';

const project = readProject(PROJECT_ROOT);
const on = (side: string) => project.imports.filter((i) => i.from.startsWith(`${side}/`));

function table(title: string, edges: EdgeCount[], layers: readonly Layer[] | undefined): string[] {
  const lines = [`${title}`];
  for (const e of edges) {
    const self = e.from === e.to ? ' (within)' : '';
    const listed = !layers || e.from === e.to || layers.find((l) => l.name === e.from)?.imports.includes(e.to);
    const bent = layers && BENDS.some((b) => layerOf(layers, b.from)?.name === e.from && layerOf(layers, b.to)?.name === e.to);
    const allowed = listed ? '' : bent ? '  ← a bend (below)' : '  ← NOT IN THE TABLE';
    lines.push(`  ${`${e.from} → ${e.to}${self}`.padEnd(34)} ${String(e.value + e.type).padStart(5)}  (${e.value} value, ${e.type} type)${allowed}`);
  }
  return lines;
}

const out = [
  ...table('Server (imports per pair of layers):', layerEdges(on('server'), SERVER_LAYERS, SERVER_LAYERS), SERVER_LAYERS),
  '',
  ...table('Web (imports per pair of layers):', layerEdges(on('web'), WEB_LAYERS, WEB_LAYERS), WEB_LAYERS),
  '',
  ...table('Web → server:', layerEdges(on('web'), WEB_LAYERS, SERVER_LAYERS), undefined),
  '',
  'Bends (imports the tables forbid, kept on purpose):',
  ...(BENDS.length ? BENDS.map((b) => `  ${b.from} → ${b.to}: ${b.why}`) : ['  none']),
];
console.log(out.join('\n'));
