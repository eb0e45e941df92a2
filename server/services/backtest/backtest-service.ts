/**
 * The backtest of the installed portfolio: resolves the policy (a stored version, the one in force
 * under another decay policy, or a draft) and the range of quarters, loads every vendor's facts
 * (never a frozen snapshot: every score is computed afresh from the facts), and runs the pure
 * backtest, pausing between its steps (every 250 vendors, every 10 resamples) so that other
 * requests get through during a long run.
 *
 * Answers are cached per (policy parameters, data, range): the key holds a hash of the facts
 * themselves, so any change to the data, by whatever route, is a new key. A run costs about 50 µs
 * per vendor-quarter plus the bootstrap (`npm run bench:backtest`): half a second for the demo
 * portfolio, tens of seconds for 5,000 vendors the first time, a load and hash of the facts after.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import { BACKTEST, type BacktestReport } from '../../domain/backtest.ts';
import { DECAY_POLICY_NAMES, type DecayPolicyName, type Policy } from '../../domain/methodology.ts';
import { dayNumber } from '../../domain/partial-date.ts';
import { quarterEnd, quarterOf, quarterSpan, shiftQuarter } from '../../domain/quarter.ts';
import { backtestSteps, type BacktestOptions } from '../../scoring/backtest/backtest.ts';
import { DECAY_POLICIES } from '../../scoring/decay.ts';
import type { Clock } from '../clock.ts';
import { invalid, ServiceError } from '../errors.ts';
import { loadAllFacts } from '../facts-loader.ts';
import type { MethodologyService } from '../methodology-service.ts';

export interface BacktestRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly horizonDays?: number | undefined;
}

export interface ResolvedRange {
  readonly from: string;
  readonly to: string;
  readonly horizonDays: number;
}

/** The engine's options for a range: the fixed bootstrap and minimum of events (domain/backtest.ts). */
export const backtestOptions = (range: ResolvedRange, draft: boolean): BacktestOptions => ({
  ...range,
  draft,
  resamples: BACKTEST.resamples,
  seed: BACKTEST.seed,
  level: BACKTEST.level,
  minEvents: BACKTEST.minEvents,
});

/** Most answers kept; each is a few kilobytes. */
const CACHE_SIZE = 32;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
const isDecayName = (name: string): name is DecayPolicyName => (DECAY_POLICY_NAMES as readonly string[]).includes(name);

export function backtestService(store: Store, clock: Clock, methodology: MethodologyService) {
  const cache = new Map<string, Promise<BacktestReport>>();

  /** The last quarter whose horizon has passed by today: later ones cannot be judged yet. */
  const lastJudged = (horizonDays: number): string => {
    const today = dayNumber(clock.today());
    let q = quarterOf(clock.today());
    while (dayNumber(quarterEnd(q)) + horizonDays > today) q = shiftQuarter(q, -1);
    return q;
  };

  /** The range asked for, with its defaults, or a validation failure naming the field. */
  const resolveRange = (range: BacktestRange, path = 'query'): ResolvedRange => {
    const horizonDays = range.horizonDays ?? BACKTEST.horizonDays;
    const last = lastJudged(horizonDays);
    const from = range.from ?? BACKTEST.from;
    const to = range.to ?? last;
    if (to > last) {
      throw invalid(`The horizon of ${to} has not passed: incidents of the ${horizonDays} days after ${quarterEnd(to)} cannot all be known today.`, [
        { path: `${path}.to`, message: `must be ${last} or earlier (for a ${horizonDays}-day horizon, as of ${clock.today()})` },
      ]);
    }
    const span = quarterSpan(from, to);
    if (span < 1) throw invalid('from must not be after to.', [{ path: `${path}.from`, message: `must not be after ${to}` }]);
    if (span > BACKTEST.maxQuarters)
      throw invalid(`At most ${BACKTEST.maxQuarters} quarters at a time.`, [{ path: `${path}.from`, message: `spans ${span} quarters` }]);
    return { from, to, horizonDays };
  };

  /** A stored version (default: the one in force), optionally under another named decay policy. */
  const policyFor = (version: string | undefined, decay: DecayPolicyName | undefined, path: string): Policy => {
    const base = version === undefined ? methodology.active() : methodology.byVersion(version);
    if (!base) throw invalid(`No methodology version ${version}.`, [{ path, message: `no version ${version} (known: ${methodology.labels().join(', ')})` }]);
    return decay ? { ...base, decay: DECAY_POLICIES[decay] } : base;
  };

  const run = (policy: Policy, range: ResolvedRange, draft: boolean): Promise<BacktestReport> => {
    const facts = loadAllFacts(store);
    const data = createHash('sha256').update(JSON.stringify(facts)).digest('hex');
    const key = JSON.stringify([policy, range, draft, data]);
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last: the first key is the one to drop.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const pending = (async () => {
      const steps = backtestSteps(facts, policy, backtestOptions(range, draft));
      for (;;) {
        const step = steps.next();
        if (step.done) {
          if (step.value.ok) return step.value.report;
          const { events, nonEvents } = step.value;
          throw new ServiceError(
            'unprocessable',
            'backtest-too-few-events',
            `The backtest needs at least ${BACKTEST.minEvents} vendor-quarters followed by an incident within ${range.horizonDays} days, and ${BACKTEST.minEvents} not followed by one; ` +
              `${range.from} to ${range.to} has ${events} and ${nonEvents}. Widen the range of quarters or lengthen the horizon.`,
          );
        }
        await pause();
      }
    })();
    cache.set(key, pending);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    pending.catch(() => cache.delete(key));
    return pending;
  };

  return {
    resolveRange,
    /** GET /methodology/backtest: a stored version (default: in force), optionally under a named decay policy. */
    stored: (q: BacktestRange & { version?: string | undefined; decay?: DecayPolicyName | undefined }, path = 'query'): Promise<BacktestReport> => {
      const range = resolveRange(q, path);
      return run(policyFor(q.version, q.decay, `${path}.version`), range, false);
    },
    /** POST /methodology/backtest: draft parameters (validated by the caller), before they are put in force. */
    draft: (policy: Policy, q: BacktestRange): Promise<BacktestReport> => run(policy, resolveRange(q), true),
    /**
     * The command line's `--policy NAME`: a stored or shipped version ("1.0.0"), a named decay policy applied to
     * the methodology in force ("short-penalty"), or both ("1.0.0/short-penalty").
     */
    named: (name: string, q: BacktestRange): Promise<BacktestReport> => {
      const range = resolveRange(q, 'option');
      const [first, second] = name.split('/');
      if (second !== undefined) {
        if (!isDecayName(second))
          throw invalid(`Unknown decay policy ${second}.`, [
            { path: 'option.policy', message: `expected one of ${DECAY_POLICY_NAMES.join(', ')} after the /` },
          ]);
        return run(policyFor(first, second, 'option.policy'), range, false);
      }
      const stored = methodology.byVersion(name);
      if (stored && isDecayName(name))
        throw invalid(`${name} is both a stored version and a decay policy.`, [{ path: 'option.policy', message: `write ${name}/${name} or VERSION/${name}` }]);
      if (isDecayName(name)) return run(policyFor(undefined, name, 'option.policy'), range, false);
      if (!stored)
        throw invalid(`No methodology version or decay policy named ${name}.`, [
          {
            path: 'option.policy',
            message: `expected a methodology version (${methodology.labels().join(', ')}) or a decay policy (${DECAY_POLICY_NAMES.join(', ')})`,
          },
        ]);
      return run(stored, range, false);
    },
  };
}

export type BacktestService = ReturnType<typeof backtestService>;
