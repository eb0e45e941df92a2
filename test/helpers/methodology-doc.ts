/**
 * The generated parts of docs/METHODOLOGY.md: the decay comparison, the worked example, the
 * backtest of the demo portfolio, the default parameters, and every parameter with its rationale and
 * source. The doc test compares them with the document; `UPDATE_DOCS=1` rewrites them (after a
 * change to the method, that is how the backtest figures are regenerated).
 */
import { makeDeps } from '../../server/deps.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { DECAY_POLICIES, remainingWeight } from '../../server/scoring/decay.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { PARAMETER_PATHS } from '../../server/domain/methodology.ts';
import { fixedClock } from '../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../server/services/seed-service.ts';
import { loadConfig } from '../../server/config.ts';
import { DECAY_POLICY_NAMES } from '../../server/domain/methodology.ts';
import { backtest } from '../../server/scoring/backtest/backtest.ts';
import { backtestOptions } from '../../server/services/backtest/backtest-service.ts';
import { backtestStatements, backtestTables } from '../../server/services/backtest/backtest-tables.ts';
import { loadAllFacts } from '../../server/services/facts-loader.ts';
import { storedPolicy } from '../../server/domain/methodology.ts';
import { POLICY_1_0_0 } from '../../server/scoring/policy-1.0.0.ts';
import type { ScoringFacts } from '../../server/scoring/types.ts';
import { memDb } from './db.ts';
import { testOptions } from './app.ts';
import { decayTuning } from './decay-tuning.ts';

export const WORKED_DATES = ['2021-12-31', '2022-03-31', '2023-09-30', '2023-10-31'] as const;
export const WORKED_VENDORS = ['Okta', 'Cloudflare'] as const;
const AGES: ReadonlyArray<[number, string]> = [
  [30, '30 days'],
  [120, '120 days'],
  [365, '1 year'],
  [577, '577 days (Okta 2022 → 2023)'],
  [730, '2 years'],
  [1095, '3 years'],
  [2190, '6 years'],
];

export function decayTable(): string {
  const names = Object.keys(DECAY_POLICIES) as Array<keyof typeof DECAY_POLICIES>;
  const head = `| age | ${names.join(' | ')} |\n| --- | ${names.map(() => '---').join(' | ')} |`;
  const rows = AGES.map(
    ([days, label]) => `| ${label} | ${names.map((n) => `${Math.round(remainingWeight(DECAY_POLICIES[n], days) * 1000) / 10}%`).join(' | ')} |`,
  );
  return [head, ...rows].join('\n');
}

export function workedExample(): string {
  const clock = fixedClock('2026-11-29T12:00:00.000Z');
  const deps = makeDeps(memDb(), testOptions({ clock, version: 'doc' }));
  seedDemoPortfolio(deps.store, loadDemoPortfolio(loadConfig({}).seedDir), clock, { reset: false, actor: SYSTEM });
  const head =
    '| vendor | as of | incidents | recurrence | support | MFA | disclosure | likelihood | impact | risk | band | confidence | findings | coverage | inherent risk |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const rows = WORKED_VENDORS.flatMap((name) =>
    WORKED_DATES.map((asOf) => {
      const s = deps.scoring.score(deps.store.vendors.findByName(name)!.id, asOf);
      const f = (id: string) => s.factors.find((x) => x.id === id)!.score.toFixed(1);
      return `| ${name} | ${asOf} | ${f('incidents')} | ${f('recurrence')} | ${f('support')} | ${f('mfa')} | ${f('disclosure')} | ${s.likelihood.toFixed(1)} | ${s.impact.toFixed(1)} | ${s.risk.toFixed(1)} | ${s.band} | ${s.confidence.toFixed(2)} | ${s.findings.length} | ${s.evidenceCoverage.toFixed(2)} | ${s.inherentRisk.toFixed(1)} |`;
    }),
  );
  return [head, ...rows].join('\n');
}

/** The range the document's backtest covers: fixed, so that the figures do not move with the calendar. */
export const BACKTEST_DOC_RANGE = { from: '2019-Q1', to: '2025-Q3', horizonDays: 365 } as const;

/** Every demo vendor's facts, seeded on a fixed day. */
export function demoFacts(): ScoringFacts[] {
  const clock = fixedClock('2026-11-29T12:00:00.000Z');
  const deps = makeDeps(memDb(), testOptions({ clock, version: 'doc' }));
  seedDemoPortfolio(deps.store, loadDemoPortfolio(loadConfig({}).seedDir), clock, { reset: false, actor: SYSTEM });
  return loadAllFacts(deps.store);
}

/**
 * The demo portfolio's backtest under the shipped 1.0.0 (before) and the default methodology with
 * each named decay policy (the tables `npm run vendorscope -- backtest --policy
 * 1.0.0,long-memory,short-penalty,peer-half-life --from 2019-Q1 --to 2025-Q3` prints), and what
 * the default's figures say.
 */
export function backtestSection(): string {
  const facts = demoFacts();
  const policies = [
    storedPolicy(POLICY_1_0_0.parameters, POLICY_1_0_0.version),
    ...DECAY_POLICY_NAMES.map((name) => ({ ...DEFAULT_POLICY, decay: DECAY_POLICIES[name] })),
  ];
  const reports = policies.map((policy) => {
    const outcome = backtest(facts, policy, backtestOptions(BACKTEST_DOC_RANGE, false));
    if (!outcome.ok) throw new Error(`the demo portfolio has too few events (${outcome.events})`);
    return outcome.report;
  });
  const inForce = reports.find((r) => r.methodologyVersion === DEFAULT_POLICY.version && r.decay === DEFAULT_POLICY.decay.name)!;
  return `${backtestTables(reports)}\n\nWhat the figures of the default (${inForce.methodologyVersion}, ${inForce.decay}) say:\n\n${backtestStatements(inForce)}`;
}

/** The default policy's values, without the rationale (which the parameters table shows). */
export const policyJson = (): string => {
  const { rationale: _r, ...values } = DEFAULT_POLICY;
  return `\`\`\`json\n${JSON.stringify(values, null, 2)}\n\`\`\``;
};

/** A parameter's value in a table cell: `low 8, medium 20`; a list of records item by item. */
export function valueCell(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? Object.values(x).join(' ') : String(x))).join(', ');
  if (v !== null && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k} ${valueCell(x)}`)
      .join(', ');
  return String(v);
}

const valueAt = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
const cell = (s: string) => s.replaceAll('|', '\\|');

/** Every parameter of the default policy with its value, why it has it and its source. */
export function parameterTable(): string {
  const head = '| parameter | default | why | source |\n| --- | --- | --- | --- |';
  const rows = PARAMETER_PATHS.map((path) => {
    const r = DEFAULT_POLICY.rationale[path]!;
    return `| \`${path}\` | ${cell(valueCell(valueAt(DEFAULT_POLICY, path)))} | ${cell(r.why)} | ${cell(r.source)} |`;
  });
  return [head, ...rows].join('\n');
}

/** The category prior table of the default methodology, with each row's words and rationale. */
export function categoryPriors(): string {
  const { categoryPriors: rows, otherCategoriesPrior } = DEFAULT_POLICY.inherent;
  return [
    '| category | matches (whole words, case ignored) | prior | rationale |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.category)} | ${r.matches.map((m) => `"${cell(m)}"`).join(', ')} | ${r.prior} | ${cell(r.rationale)} |`),
    `| other categories | (no row matches) | ${otherCategoriesPrior} | A typical SaaS vendor. |`,
  ].join('\n');
}

/** How the default decay was chosen: tuning quarters and hold-out (test/helpers/decay-tuning.ts). */
export const decayTuningSection = (): string => decayTuning(demoFacts(), DEFAULT_POLICY).text;

export const GENERATED = {
  'decay-table': decayTable,
  'worked-example': workedExample,
  'category-priors': categoryPriors,
  backtest: backtestSection,
  'decay-tuning': decayTuningSection,
  'default-policy': policyJson,
  parameters: parameterTable,
} as const;

/** The text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function section(doc: string, name: string): string | undefined {
  const m = new RegExp(`<!-- generated:${name} -->\\n(?:([\\s\\S]*?)\\n)?<!-- /generated:${name} -->`).exec(doc);
  return m ? (m[1] ?? '') : undefined;
}

export function withSection(doc: string, name: string, body: string): string {
  return doc.replace(
    new RegExp(`(<!-- generated:${name} -->)\\n(?:[\\s\\S]*?\\n)?(<!-- /generated:${name} -->)`),
    (_m, open: string, close: string) => `${open}\n${body}\n${close}`,
  );
}
