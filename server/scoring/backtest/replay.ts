/**
 * One quarter end of the backtest: every vendor scored as of that day by the engine itself (which
 * sees only what was known then, known-at.ts), the baselines' values from the same known facts,
 * and the outcome: whether any of the vendor's own incidents became known within the horizon after.
 * The outcome is the only thing read from after the quarter end.
 */
import { dayNumber } from '../../domain/partial-date.ts';
import { quarterEnd } from '../../domain/quarter.ts';
import { incidentKnownFrom } from '../known-at.ts';
import type { Policy } from '../policy.ts';
import { scoreVendor } from '../score-vendor.ts';
import type { ScoringFacts } from '../types.ts';

export interface QuarterReplay {
  readonly quarter: string;
  readonly asOf: string;
  /** Per vendor, in the order of the facts given. */
  readonly likelihood: Float64Array;
  readonly risk: Float64Array;
  readonly band: readonly string[];
  /** Row of the 5 × 5 matrix (1–5). */
  readonly likelihoodRow: Uint8Array;
  /** The vendor's own incidents known at the quarter end. */
  readonly priorIncidents: Uint32Array;
  /** Days from the latest of them becoming known to the quarter end; Infinity when none is known (or none has a date). */
  readonly daysSinceLast: Float64Array;
  /** 1 when at least one of the vendor's own incidents became known in (quarter end, quarter end + horizon]. */
  readonly event: Uint8Array;
  /** `vendorId:incidentId` of the incidents behind the events. */
  readonly eventIncidents: readonly string[];
}

/** Vendors scored between two pauses: about 10–25 ms of work on this machine. */
const CHUNK = 250;

/** Scores every vendor at the end of `quarter` and records what followed within `horizonDays`. */
export function replayQuarter(facts: readonly ScoringFacts[], policy: Policy, quarter: string, horizonDays: number): QuarterReplay {
  const steps = replayQuarterSteps(facts, policy, quarter, horizonDays);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, pausing (yield) after every few hundred vendors, for a caller that lets other work through. */
export function* replayQuarterSteps(facts: readonly ScoringFacts[], policy: Policy, quarter: string, horizonDays: number): Generator<void, QuarterReplay> {
  const asOf = quarterEnd(quarter);
  const day = dayNumber(asOf);
  const n = facts.length;
  const out = {
    quarter,
    asOf,
    likelihood: new Float64Array(n),
    risk: new Float64Array(n),
    band: new Array<string>(n),
    likelihoodRow: new Uint8Array(n),
    priorIncidents: new Uint32Array(n),
    daysSinceLast: new Float64Array(n),
    event: new Uint8Array(n),
    eventIncidents: [] as string[],
  };
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % CHUNK === 0) yield;
    const f = facts[i]!;
    // The engine as a black box, with all the facts: it decides itself what was known on the day.
    const s = scoreVendor(f, policy, asOf);
    out.likelihood[i] = s.likelihood;
    out.risk[i] = s.risk;
    out.band[i] = s.band;
    out.likelihoodRow[i] = s.cell.likelihood;
    let prior = 0;
    let latest = Number.NEGATIVE_INFINITY;
    for (const incident of f.incidents) {
      const known = incidentKnownFrom(incident);
      if (known <= day) {
        prior += 1;
        latest = Math.max(latest, known);
      } else if (known <= day + horizonDays) {
        out.event[i] = 1;
        out.eventIncidents.push(`${f.vendor.id}:${incident.id}`);
      }
    }
    out.priorIncidents[i] = prior;
    out.daysSinceLast[i] = day - latest;
  }
  return out;
}
