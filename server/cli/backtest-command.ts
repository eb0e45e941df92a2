/**
 * `npm run vendorscope -- backtest [--from 2019-Q1] [--to 2025-Q3] [--horizon-days 365]
 * [--policy NAME[,NAME…]] [--format text|json]`: the backtest of the portfolio in the database,
 * printed as the tables docs/METHODOLOGY.md shows. NAME is a stored or shipped methodology version ("1.0.0"),
 * a named decay policy applied to the methodology in force ("short-penalty"), or both
 * ("1.0.0/short-penalty"); several names (comma-separated, or --policy given again) print side by
 * side. Without --policy: the methodology in force.
 */
import { parseArgs } from 'node:util';
import type { Deps } from '../deps.ts';
import type { BacktestReport } from '../domain/backtest.ts';
import { ServiceError } from '../services/errors.ts';
import { backtestStatements, backtestTables, policyLabel } from '../services/backtest/backtest-tables.ts';
import type { Output } from './commands.ts';

export const BACKTEST_USAGE = '  backtest [--from YYYY-Qn] [--to YYYY-Qn] [--horizon-days N] [--policy VERSION|DECAY|VERSION/DECAY[,…]] [--format text|json]';

interface BacktestOptions {
  readonly from?: string;
  readonly to?: string;
  readonly horizonDays?: string;
  readonly policies: readonly string[];
  readonly format: string;
}

/** The options (read strictly: an unknown flag or a stray argument is refused), or a line saying what is wrong with them. */
function parse(args: readonly string[]): { options: BacktestOptions } | { problem: string } {
  let values;
  try {
    const parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'horizon-days': { type: 'string' },
        policy: { type: 'string', multiple: true },
        format: { type: 'string' },
      },
    });
    values = parsed.values;
  } catch (e) {
    return { problem: (e as Error).message };
  }
  const format = values.format ?? 'text';
  if (!['text', 'json'].includes(format)) return { problem: '--format must be text or json' };
  const horizon = values['horizon-days'];
  if (horizon !== undefined && !/^\d{1,5}$/.test(horizon)) return { problem: '--horizon-days must be a whole number of days' };
  for (const flag of ['from', 'to'] as const) {
    const q = values[flag];
    if (q !== undefined && !/^(19|2\d)\d{2}-Q[1-4]$/.test(q)) return { problem: `--${flag} must be a quarter as YYYY-Qn, e.g. 2019-Q1` };
  }
  return { options: { from: values.from, to: values.to, horizonDays: horizon, policies: values.policy ?? [], format } };
}

export async function backtestCommand(deps: Deps, args: readonly string[], out: Output): Promise<number> {
  const parsed = parse(args);
  if ('problem' in parsed) {
    out.line(`backtest: ${parsed.problem}`);
    out.line(`usage: npm run vendorscope -- ${BACKTEST_USAGE.trim()}`);
    return 2;
  }
  const { options } = parsed;
  const range = { from: options.from, to: options.to, horizonDays: options.horizonDays === undefined ? undefined : Number(options.horizonDays) };
  const names = options.policies.flatMap((p) => p.split(',')).filter((p) => p.trim() !== '');
  try {
    const reports: BacktestReport[] = [];
    // One at a time: each run already uses the whole of a core.
    if (names.length === 0) reports.push(await deps.backtest.stored(range, 'option'));
    for (const name of names) reports.push(await deps.backtest.named(name.trim(), range));
    if (options.format === 'json') {
      out.raw(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 1)}\n`);
      return 0;
    }
    out.raw(`${backtestTables(reports)}\n`);
    for (const r of reports) out.raw(`\nWhat the figures say (${policyLabel(r)}):\n\n${backtestStatements(r)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    out.line(`backtest: ${e.message}`);
    for (const f of e.fields) out.line(`  ${f.path.replace(/^option\./, '--')}: ${f.message}`);
    if (e.code === 'backtest-too-few-events' && deps.vendors.all().length === 0)
      out.line('The database holds no vendors: `npm run seed` loads the demo portfolio.');
    return 1;
  }
}
