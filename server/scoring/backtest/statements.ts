/**
 * What the backtest's figures say, in words, for the methodology page, the command line and the
 * documentation alike. Each sentence follows from the figures by a stated rule: a claim that the
 * score ranks better than chance, or beats a baseline, needs the bootstrap interval to say so.
 */
import type { BacktestReport, Estimate, RateRow, Statement } from '../../domain/backtest.ts';
import { dayNumber, isoDay } from '../../domain/partial-date.ts';
import { decimals, ordinal, percent } from './format.ts';
import { NOT_ASSESSED } from './predictors.ts';

type Figures = Omit<BacktestReport, 'statements'>;

const pct = percent;
const two = (x: number | null) => decimals(x, 2);
const interval = (e: Estimate, f: (x: number | null) => string) => `${f(e.value)} (95 % interval ${f(e.low)} to ${f(e.high)})`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function rank(f: Figures, id: 'likelihood' | 'risk'): Statement {
  const p = f.predictors.find((x) => x.id === id)!;
  const where = `the vendors about to have an incident sat at the ${ordinal(Math.round(p.meanPercentile.value ?? 50))} percentile on average, ${pct(p.topQuartileShare.value)} of them in the top quarter`;
  const auc = `AUC ${interval(p.auc, two)}`;
  if ((p.auc.low ?? 0) > 0.5)
    return {
      id: `rank-${id}`,
      about: id,
      verdict: 'does',
      text: `${capital(id)} ranks the vendors about to have an incident above the others, better than chance: ${auc}; ${where}.`,
    };
  if ((p.auc.high ?? 1) < 0.5)
    return {
      id: `rank-${id}`,
      about: id,
      verdict: 'does-not',
      text: `${capital(id)} ranks the vendors about to have an incident below the others, worse than chance: ${auc}; ${where}.`,
    };
  return {
    id: `rank-${id}`,
    about: id,
    verdict: 'does-not',
    text: `${capital(id)} does not rank the vendors about to have an incident above the others better than chance (0.5): ${auc}; ${where}.`,
  };
}

function versus(f: Figures, id: 'likelihood' | 'risk', baseline: 'prior-incidents' | 'days-since-last'): Statement {
  const c = f.comparisons.find((x) => x.score === id && x.baseline === baseline)!;
  const own = f.predictors.find((x) => x.id === id)!.auc.value;
  const theirs = f.predictors.find((x) => x.id === baseline)!;
  const figures = `AUC ${two(own)} against ${two(theirs.auc.value)}, difference ${interval(c.auc, two)}`;
  const name = `the ${theirs.label} baseline`;
  if ((c.auc.low ?? 0) > 0) return { id: `${id}-vs-${baseline}`, about: id, verdict: 'does', text: `${capital(id)} beats ${name}: ${figures}.` };
  const worse = (c.auc.high ?? 0) < 0 ? `; ranking by ${theirs.label} alone does better` : '';
  return { id: `${id}-vs-${baseline}`, about: id, verdict: 'does-not', text: `${capital(id)} does not beat ${name}: ${figures}${worse}.` };
}

function calibration(f: Figures, id: 'likelihood' | 'risk'): Statement {
  const p = f.predictors.find((x) => x.id === id)!;
  const lead = `Read as the probability of an incident becoming known within ${f.horizonDays} days, ${id} ÷ 100`;
  const skill = `Brier skill ${interval(p.brierSkill, two)}`;
  const base = `the base rate (${pct(f.population.baseRate)})`;
  if ((p.brierSkill.low ?? 0) > 0)
    return { id: `calibration-${id}`, about: id, verdict: 'does', text: `${lead} forecasts better than giving every vendor ${base}: ${skill}.` };
  if ((p.brierSkill.value ?? 0) < 0)
    return { id: `calibration-${id}`, about: id, verdict: 'does-not', text: `${lead} forecasts worse than giving every vendor ${base}: ${skill}.` };
  return { id: `calibration-${id}`, about: id, verdict: 'does-not', text: `${lead} forecasts no better than giving every vendor ${base}: ${skill}.` };
}

/** Whether the observed rate falls from the riskiest group down, and where it does not. */
function ordering(f: Figures, id: 'likelihood' | 'risk'): Statement[] {
  const p = f.predictors.find((x) => x.id === id)!;
  const rows = p.groups.filter((g) => g.id !== NOT_ASSESSED && g.observations > 0);
  const [what, step] = id === 'risk' ? ['band', 'band by band'] : ['likelihood row of the matrix', 'row by row down the likelihood rows of the matrix'];
  const show = (g: RateRow) => `${g.label} ${pct(g.rate)}`;
  const inversions = rows.slice(1).flatMap((g, k) => (g.rate! > rows[k]!.rate! ? [`${show(g)} is above ${show(rows[k]!)}`] : []));
  const out: Statement[] =
    rows.length < 2
      ? [
          {
            id: `groups-${id}`,
            about: id,
            verdict: 'does-not',
            text: `Every vendor-quarter fell in one ${what} (${rows.map(show).join('')}): ${id} did not separate vendors into ${what}s.`,
          },
        ]
      : inversions.length === 0
        ? [{ id: `groups-${id}`, about: id, verdict: 'does', text: `The observed incident rate falls ${step}: ${rows.map(show).join(', ')}.` }]
        : [{ id: `groups-${id}`, about: id, verdict: 'does-not', text: `The observed incident rate does not fall ${step}: ${inversions.join('; ')}.` }];
  const unassessed = p.groups.find((g) => g.id === NOT_ASSESSED && g.observations > 0);
  if (unassessed) {
    out.push({
      id: `not-assessed-${id}`,
      about: id,
      verdict: 'note',
      text: `Vendor-quarters not assessed (too little evidence): ${unassessed.observations}, of which ${unassessed.events} were followed by an incident (${pct(unassessed.rate)}).`,
    });
  }
  return out;
}

/** The last day the run reads: the end of the last quarter's horizon. */
const windowEnd = (f: Figures) => isoDay(dayNumber(f.quarters.at(-1)!.asOf) + f.horizonDays);

function portfolio(f: Figures): Statement[] {
  const p = f.population;
  const out: Statement[] = [
    {
      id: 'events',
      about: 'portfolio',
      verdict: 'note',
      text: `${p.events} of ${p.observations} vendor-quarters (${p.vendors} vendors, ${f.from} to ${f.to}) were followed by an incident becoming known within ${f.horizonDays} days, from ${p.incidents} incidents: a base rate of ${pct(p.baseRate)}.`,
    },
  ];
  // A portfolio of the breached (the demo's vendors are there for their incidents) tests timing more than selection.
  if (p.vendorsWithIncidents * 2 >= p.vendors) {
    out.push({
      id: 'sample',
      about: 'portfolio',
      verdict: 'note',
      text: `${p.vendorsWithIncidents} of the ${p.vendors} vendors had an incident of their own by ${windowEnd(f)}: in a portfolio of mostly breached vendors the figures tell whether the score foresees when a vendor is breached more than whether it is.`,
    });
  }
  return out;
}

export function statementsOf(f: Figures): Statement[] {
  return [
    ...portfolio(f),
    ...(['likelihood', 'risk'] as const).flatMap((id) => [
      rank(f, id),
      versus(f, id, 'prior-incidents'),
      versus(f, id, 'days-since-last'),
      calibration(f, id),
      ...ordering(f, id),
    ]),
  ];
}
