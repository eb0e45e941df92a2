/**
 * The quarterly risk report: where the portfolio stands at a quarter's end, what moved since the
 * quarter compared with and why, which incidents were disclosed and how late, and the open
 * findings of the vendors that matter most. A closed quarter's report is frozen the first time it
 * is generated: later requests give the same body, whatever changed since.
 */
import { BANDS, type Band } from '../../domain/methodology.ts';
import { dayNumber, parsePartialDate } from '../../domain/partial-date.ts';
import { quarterEnd, shiftQuarter } from '../../domain/quarter.ts';
import type { Store } from '../../db/store.ts';
import { round1 } from '../../scoring/arithmetic.ts';
import { explainChange, type Causes } from '../../scoring/attribution.ts';
import { disclosureLag, foundByOthersFirst } from '../../scoring/disclosure-factor.ts';
import { FINDING_SEVERITIES, type Finding, type VendorScore } from '../../scoring/types.ts';
import type { Clock } from '../clock.ts';
import { invalid } from '../errors.ts';
import { groupBy, loadAllFacts } from '../facts-loader.ts';
import type { HistoryService } from '../history-service.ts';
import type { MethodologyService } from '../methodology-service.ts';

const TOP = 10;
/** Movers: vendors whose risk changed by at least this much. */
const MOVER_POINTS = 1;
const LATE_DAYS = 14;

export interface Mover {
  vendorId: number;
  name: string;
  tier: number;
  from: number;
  to: number;
  delta: number;
  causes: Causes;
}

export function reportService(store: Store, clock: Clock, history: HistoryService, methodology: MethodologyService) {
  const build = (quarter: string, vs: string) => {
    const facts = loadAllFacts(store).filter((f) => f.vendor.status !== 'not-engaged');
    const now = history.scoresAt(quarter, facts);
    const before = history.scoresAt(vs, facts);
    const asOf = quarter === history.current() ? clock.today() : quarterEnd(quarter);
    const vsAsOf = quarterEnd(vs);
    const rows = facts.map((f) => ({ f, s: now.get(f.vendor.id)!, was: before.get(f.vendor.id)! }));
    const policyOf = (s: VendorScore) => methodology.byVersion(s.methodologyVersion) ?? methodology.active();

    const byBand = Object.fromEntries(BANDS.map((b) => [b, rows.filter((r) => r.s.band === b).length])) as Record<Band, number>;
    const summary = {
      vendors: rows.length,
      byBand,
      averageRisk: rows.length ? round1(rows.reduce((a, r) => a + r.s.risk, 0) / rows.length) : 0,
      critical: byBand.critical,
    };
    const topRisks = [...rows]
      .sort((a, b) => b.s.risk - a.s.risk || a.f.vendor.name.localeCompare(b.f.vendor.name))
      .slice(0, TOP)
      .map(({ f, s }) => ({ vendorId: f.vendor.id, name: f.vendor.name, tier: f.vendor.tier, likelihood: s.likelihood, impact: s.impact, risk: s.risk, band: s.band, cell: s.cell, topFinding: s.findings[0]?.title ?? null }));
    const movers: Mover[] = rows
      .map(({ f, s, was }) => ({
        vendorId: f.vendor.id,
        name: f.vendor.name,
        tier: f.vendor.tier,
        from: was.risk,
        to: s.risk,
        delta: round1(s.risk - was.risk),
        causes: explainChange(f, { day: vsAsOf, policy: policyOf(was), risk: was.risk }, { day: asOf, policy: policyOf(s), risk: s.risk }),
      }))
      .filter((m) => Math.abs(m.delta) >= MOVER_POINTS)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name));

    // Incidents publicly disclosed during the quarter (its first day to asOf), with their lags.
    const start = dayNumber(quarterEnd(shiftQuarter(quarter, -1))) + 1;
    const end = dayNumber(asOf);
    const newIncidents = facts
      .flatMap((f) => f.incidents.map((i) => ({ f, i })))
      .filter(({ i }) => {
        const d = i.publicDisclosureDate ? parsePartialDate(i.publicDisclosureDate) : undefined;
        return d !== undefined && d.last >= start && d.last <= end;
      })
      .map(({ f, i }) => {
        const lag = disclosureLag(i, end);
        return {
          incidentId: i.id,
          vendorId: f.vendor.id,
          vendorName: f.vendor.name,
          title: i.title,
          severity: i.severity,
          publicDisclosureDate: i.publicDisclosureDate,
          lagDays: lag.known ? lag.days : null,
          foundByOthersFirst: foundByOthersFirst(i),
          sources: i.sources.slice(0, 3),
        };
      })
      .sort((a, b) => (b.publicDisclosureDate ?? '').localeCompare(a.publicDisclosureDate ?? '') || a.vendorName.localeCompare(b.vendorName));
    const lags = newIncidents.map((n) => n.lagDays).filter((d): d is number => d !== null).sort((a, b) => a - b);
    const disclosureLags = {
      incidents: newIncidents.length,
      known: lags.length,
      medianDays: lags.length ? lags[Math.floor((lags.length - 1) / 2)]! : null,
      maxDays: lags.length ? lags.at(-1)! : null,
      overFourteenDays: lags.filter((d) => d > LATE_DAYS).length,
      foundByOthersFirst: newIncidents.filter((n) => n.foundByOthersFirst).length,
    };
    // The score's open findings, and the open contract conditions of decisions taken by asOf.
    const reviews = groupBy(store.reviews.all().filter((r) => r.decidedOn <= asOf), (r) => r.vendorId);
    const findings = rows
      .filter(({ f }) => f.vendor.tier <= 2)
      .flatMap(({ f, s }) => [
        ...s.findings.map((x) => ({ source: 'score' as const, vendorId: f.vendor.id, name: f.vendor.name, tier: f.vendor.tier, id: x.id, rule: x.rule, severity: x.severity, title: x.title, suggestedCondition: x.suggestedCondition, owner: null, dueOn: null })),
        ...(reviews.get(f.vendor.id) ?? [])
          .flatMap((r) => r.conditions.filter((c) => c.state === 'open'))
          .map((c) => ({ source: 'condition' as const, vendorId: f.vendor.id, name: f.vendor.name, tier: f.vendor.tier, id: `condition:${c.id}`, rule: 'review-condition', severity: (c.severity ?? 'medium') as Finding['severity'], title: `Open condition: ${c.text}`, suggestedCondition: c.text, owner: c.owner, dueOn: c.dueOn })),
      ])
      .sort((a, b) => FINDING_SEVERITIES.indexOf(b.severity) - FINDING_SEVERITIES.indexOf(a.severity) || a.tier - b.tier || a.name.localeCompare(b.name));
    const vendors = [...rows]
      .sort((a, b) => b.s.risk - a.s.risk || a.f.vendor.name.localeCompare(b.f.vendor.name))
      .map(({ f, s, was }) => ({ vendorId: f.vendor.id, name: f.vendor.name, tier: f.vendor.tier, category: f.vendor.category, likelihood: s.likelihood, impact: s.impact, risk: s.risk, band: s.band, cell: s.cell, previousRisk: was.risk, delta: round1(s.risk - was.risk), findings: s.findings.length, confidence: s.confidence }));
    // The appendix explains each tier-1 vendor to the last point: its score as the report used it (frozen with it).
    const tier1Scores = [...rows].filter(({ f }) => f.vendor.tier === 1).sort((a, b) => b.s.risk - a.s.risk || a.f.vendor.name.localeCompare(b.f.vendor.name)).map(({ s }) => s);

    const versions = [...new Set(rows.map((r) => r.s.methodologyVersion))];
    return {
      quarter,
      asOf,
      vs,
      vsAsOf,
      methodologyVersion: versions.length === 1 ? versions[0]! : versions.join(', '),
      frozen: quarter !== history.current(),
      summary,
      topRisks,
      movers,
      newIncidents,
      disclosureLags,
      findings,
      vendors,
      tier1Scores,
      bands: (methodology.byVersion(versions[0] ?? '') ?? methodology.active()).bands,
      method: {
        movers: `Vendors whose risk changed by at least ${MOVER_POINTS} point since ${vs}. Each change is split by recomputing with one part moved at a time, in this order: methodology, decay, new incidents, posture (MFA, support arrangements, relationship); the causes add up to the change.`,
        findings: 'Open findings of tier-1 and tier-2 vendors, from their score at the quarter’s end, and the open contract conditions of their procurement decisions.',
      },
    };
  };

  return {
    /** The report of `quarter` compared with `vs` (default: the previous quarter). */
    quarterly: (quarter: string, vs?: string) => {
      const compareWith = vs ?? shiftQuarter(quarter, -1);
      if (quarter > history.current()) throw invalid(`${quarter} has not begun.`, [{ path: 'params.quarter', message: `must not be after ${history.current()}` }]);
      if (compareWith >= quarter) throw invalid('The quarter compared with must be earlier.', [{ path: 'query.vs', message: `must be before ${quarter}` }]);
      return store.transaction(() => {
        const generatedAt = clock.now();
        if (quarter === history.current()) return { ...build(quarter, compareWith), generatedAt };
        const frozen = store.reports.find(quarter, compareWith);
        if (frozen) return { ...(frozen.body as ReturnType<typeof build>), generatedAt };
        const body = build(quarter, compareWith);
        store.reports.put(quarter, compareWith, body, generatedAt);
        return { ...body, generatedAt };
      });
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
export type QuarterlyReport = ReturnType<ReportService['quarterly']>;
