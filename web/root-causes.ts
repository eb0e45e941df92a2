/**
 * An incident's root cause and entry path in words, whether an analyst set them or the
 * methodology derived them, its campaign, and the points it adds to the score in all. PURE.
 * The labels are typed by the server's unions (docs/METHODOLOGY.md "Root causes and entry paths"),
 * so a new value fails the type check here.
 */
import type { EntryPath, RootCause } from '../server/domain/vocabulary.ts';
import type { Incident } from '../server/domain/incident.ts';
import type { FactorId } from '../server/domain/methodology.ts';
import type { VendorScore } from '../server/http/contract.ts';

export const ROOT_CAUSE_LABEL: Readonly<Record<RootCause, string>> = {
  'support-credential-theft': "Support agent's credentials or session stolen",
  'support-social-engineering': 'Support staff socially engineered',
  'artefact-session-tokens': 'Session tokens in troubleshooting artefacts',
  'subprocessor-compromise': 'Subprocessor or contractor compromised',
  'software-supply-chain': 'Software supply chain (build or update)',
  'exploited-vulnerability': 'Exploited vulnerability',
  'token-forgery': 'Signing key or token forgery',
  'token-theft': 'Session or API token theft',
  'credential-stuffing': 'Credential stuffing or password spray',
  'employee-social-engineering': 'Employees socially engineered',
  'sim-swap': 'SIM swap',
  'stolen-credentials': 'Stolen credentials',
  insider: 'Insider',
  unknown: 'Unknown',
};

export const ENTRY_PATH_LABEL: Readonly<Record<EntryPath, string>> = {
  'support-channel': 'Support channel',
  subprocessor: 'Subprocessor or contractor',
  employee: 'Employee',
  product: 'Product',
  unknown: 'Unknown',
};

type Classified = Pick<Incident, 'rootCause' | 'entryPath' | 'derivedRootCause' | 'derivedEntryPath'>;

/** The root cause and entry path in force, each with whether an analyst set it. */
export function classification(i: Classified) {
  return {
    rootCause: { value: i.rootCause ?? i.derivedRootCause, set: i.rootCause !== null },
    entryPath: { value: i.entryPath ?? i.derivedEntryPath, set: i.entryPath !== null },
  };
}

/** The incident this one continues, and those that continue it, among the vendor's incidents. */
export function campaignLinks(i: Pick<Incident, 'id' | 'continuationOf'>, all: readonly Pick<Incident, 'id' | 'title' | 'continuationOf'>[]) {
  return {
    continues: i.continuationOf === null ? undefined : all.find((x) => x.id === i.continuationOf),
    continuedBy: all.filter((x) => x.continuationOf === i.id),
  };
}

/** The factors one incident adds to (a campaign's, under its first incident). */
const INCIDENT_FACTORS = ['incidents', 'recurrence', 'disclosure'] as const satisfies readonly FactorId[];

export interface IncidentWeight {
  /** Likelihood points in all: Σ factor weight × the incident's contribution. */
  readonly total: number;
  readonly parts: ReadonlyArray<{ readonly factor: (typeof INCIDENT_FACTORS)[number]; readonly points: number; readonly weight: number }>;
}

/** Per incident id, the likelihood points its contributions add to the score (factor weight × points). */
export function incidentWeights(score: Pick<VendorScore, 'factors'>): Map<number, IncidentWeight> {
  const out = new Map<number, { total: number; parts: Array<IncidentWeight['parts'][number]> }>();
  for (const f of score.factors) {
    const factor = INCIDENT_FACTORS.find((id) => id === f.id);
    if (!factor) continue;
    for (const c of f.contributions) {
      const m = /^incident:(\d+)$/.exec(c.ref ?? '');
      if (!m) continue;
      const id = Number(m[1]);
      const w = out.get(id) ?? { total: 0, parts: [] };
      w.parts.push({ factor, points: c.points, weight: f.weight });
      w.total += f.weight * c.points;
      out.set(id, w);
    }
  }
  return out;
}
