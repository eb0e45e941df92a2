/**
 * A VERIS incident as a Vendorscope incident, following the shared field guide: the victim is the
 * vendor, dates keep their precision, "Unknown" in any form means unknown, and the record keeps
 * its VERIS id and the VCDB attribution. Pure: no I/O.
 */
import type { AccessVector, Confidence, EntryPath, RootCause, Severity } from '../../domain/vocabulary.ts';
import { certainlyBefore } from '../../domain/partial-date.ts';

export const VERIS_ATTRIBUTION = 'VERIS Community Database (VCDB), Verizon RISK Team and contributors, licensed CC BY-SA 4.0 (https://github.com/vz-risk/VCDB)';
export const UNKNOWN_VICTIM = 'Unidentified organisation (VERIS)';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const known = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => x !== '' && x !== 'Unknown' && x !== 'NA');
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' && v.trim() !== 'Unknown' ? v.trim() : null);

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from VERIS year/month/day integers, at the precision given. */
export function verisDate(t: unknown): string | null {
  const { year, month, day } = obj(t) as { year?: unknown; month?: unknown; day?: unknown };
  if (typeof year !== 'number') return null;
  const y = String(year).padStart(4, '0');
  if (typeof month !== 'number') return y;
  const m = `${y}-${String(month).padStart(2, '0')}`;
  return typeof day === 'number' ? `${m}-${String(day).padStart(2, '0')}` : m;
}

/** Our access vectors from VERIS actions and actors (guide §4.4), most telling first. */
export function accessVectors(r: Json): AccessVector[] {
  const action = obj(r.action);
  const hacking = obj(action.hacking);
  const social = obj(action.social);
  const malware = obj(action.malware);
  const out = new Set<AccessVector>();
  const hv = strings(hacking.variety);
  const hvec = strings(hacking.vector);
  if (
    hvec.some((v) => ['Partner', '3rd party desktop', 'Desktop sharing software'].includes(v)) ||
    strings(social.target).includes('Partner') ||
    (obj(r.actor).partner && (action.hacking || action.misuse))
  ) {
    out.add('subprocessor-compromise');
  }
  if (strings(malware.vector).includes('Software update')) out.add('malicious-update-build-compromise');
  if (hv.some((v) => ['Use of stolen creds', 'Brute force', 'Pass-the-hash'].includes(v))) out.add('stolen-credentials');
  if (
    action.social &&
    (strings(social.variety).some((v) => ['Phishing', 'Pretexting', 'Forgery', 'Extortion'].includes(v)) ||
      strings(social.vector).some((v) => ['Email', 'Phone', 'Website'].includes(v)))
  ) {
    out.add('phishing-social-engineering');
  }
  if (strings(social.variety).includes('Bribery')) out.add('insider-bribery');
  if (hv.some((v) => v.startsWith('Exploit') || ['SQLi', 'XSS', 'RFI', 'Path traversal'].includes(v)) || strings(malware.variety).includes('Exploit vuln')) {
    out.add('vulnerability-exploit');
  }
  return [...out];
}

/**
 * The root cause and entry path VERIS says outright where our vectors cannot (guide §4.4): misuse
 * by an internal actor is an insider, through an employee. Otherwise null: derived from the
 * vectors and the action words ("Brute force" reads as a password spray), like any incident.
 */
export function verisRootCause(r: Json): { rootCause: RootCause | null; entryPath: EntryPath | null } {
  const action = obj(r.action);
  if (action.misuse && obj(r.actor).internal) return { rootCause: 'insider', entryPath: 'employee' };
  return { rootCause: null, entryPath: null };
}

/** The actions in words, e.g. "hacking: Use of stolen creds via Web application". */
function actionDetail(r: Json): string | null {
  const parts = Object.entries(obj(r.action)).map(([category, a]) => {
    const varieties = known(strings(obj(a).variety));
    const vectors = known(strings(obj(a).vector));
    return `${category}${varieties.length ? `: ${varieties.join(', ')}` : ''}${vectors.length ? ` via ${vectors.join(', ')}` : ''}`;
  });
  return parts.length ? parts.join('; ') : null;
}

/** Who found it, when someone outside did (guide §4.5). */
function foundBy(r: Json): string | null {
  const d = r.discovery_method;
  const m = obj(d);
  const ext = known(strings(obj(m.external).variety));
  const partner = known(strings(obj(m.partner).variety));
  if (ext.length) return `External: ${ext.join(', ')}`;
  if (partner.length || m.partner) return `Partner: ${partner.join(', ') || 'unspecified'}`;
  return null;
}

/** Severity from what was exposed and how far it spread (our rubric: docs/METHODOLOGY.md). */
export function verisSeverity(r: Json): { severity: Severity; why: string } {
  const c = obj(obj(r.attribute).confidentiality);
  const total = typeof c.data_total === 'number' ? c.data_total : null;
  const secondary = obj(obj(r.victim).secondary);
  const downstream = typeof secondary.amount === 'number' ? secondary.amount : strings(secondary.victim_id).length;
  const varieties = (Array.isArray(c.data) ? c.data : []).map((d) => String(obj(d).variety ?? ''));
  const disclosed = c.data_disclosure === 'Yes';
  if (downstream >= 10 || (total ?? 0) >= 1_000_000)
    return { severity: 'critical', why: downstream >= 10 ? `${downstream} downstream organisations hit` : `${total} records exposed` };
  if ((total ?? 0) >= 10_000) return { severity: 'high', why: `${total} records exposed` };
  if (disclosed && varieties.some((v) => ['Credentials', 'Secrets', 'Bank', 'Payment'].includes(v)))
    return { severity: 'high', why: `${varieties.join(', ')} data disclosed` };
  if (disclosed || obj(r.attribute).integrity || obj(r.attribute).availability || downstream > 0)
    return { severity: 'medium', why: disclosed ? 'data disclosed' : 'integrity, availability or downstream impact' };
  return { severity: 'low', why: 'no confirmed disclosure' };
}

function confidence(r: Json): Confidence {
  const stated = String(r.confidence ?? '');
  if (stated === 'High') return 'high';
  if (stated === 'Low' || stated === 'None' || r.security_incident !== 'Confirmed') return 'low';
  return ['First pass', 'Needs review', 'Ready for review'].includes(String(obj(r.plus).analysis_status ?? '')) ? 'low' : 'medium';
}

/** The URLs in VERIS's one `reference` string ("a; b c"). */
export const references = (v: unknown): string[] =>
  [...new Set((typeof v === 'string' ? v.split(/[;\s]+/) : []).map((s) => s.trim()).filter((s) => /^https?:\/\/[^\s]+\.[^\s]+/.test(s)))].slice(0, 20);

const NAICS: ReadonlyArray<[string, string]> = [
  ['62', 'health care'],
  ['92', 'public administration'],
  ['52', 'finance and insurance'],
  ['51', 'information'],
  ['54', 'professional and technical services'],
  ['44', 'retail'],
  ['45', 'retail'],
  ['61', 'education'],
  ['48', 'transportation'],
  ['49', 'transportation'],
];

export const industryOf = (naics: unknown): string => {
  const code = typeof naics === 'string' ? naics.trim() : '';
  if (!/^\d{2,6}$/.test(code) || /^0+$/.test(code)) return 'unknown industry (VERIS)';
  return NAICS.find(([p]) => code.startsWith(p))?.[1] ?? `NAICS ${code}`;
};

export interface MappedVeris {
  readonly id: string;
  readonly victim: string;
  readonly victimCategory: string;
  readonly incident: Record<string, unknown>;
}

export function mapVeris(r: Json): MappedVeris {
  const id = String(r.incident_id);
  const victim = obj(r.victim);
  const name = text(victim.victim_id) ?? UNKNOWN_VICTIM;
  const summary = text(r.summary);
  const firstSentence = summary?.split(/(?<=[.!?])\s/)[0]?.slice(0, 280);
  const intrusion = verisDate(obj(r.timeline).incident);
  let disclosure = verisDate(obj(obj(r.plus).timeline).notification);
  // VCDB sometimes dates the notification before the incident; a disclosure cannot precede it.
  if (disclosure && intrusion && certainlyBefore(disclosure, intrusion)) disclosure = null;
  const partner = obj(obj(r.actor).partner);
  const partnerName = [...known(strings(partner.name)), text(partner.notes)].find(Boolean) ?? null;
  const secondary = obj(victim.secondary);
  const total = obj(obj(r.attribute).confidentiality).data_total;
  const { severity, why } = verisSeverity(r);
  const notes = [
    `Imported from VERIS incident ${id}. Source: ${VERIS_ATTRIBUTION}.`,
    r.security_incident && r.security_incident !== 'Confirmed' ? `VERIS rates it ${String(r.security_incident).toLowerCase()}.` : null,
    text(r.notes),
  ].filter(Boolean);
  return {
    id,
    victim: name.slice(0, 200),
    victimCategory: industryOf(victim.industry),
    incident: {
      ref: `veris-${id.toLowerCase()}`.replace(/[^a-z0-9-]/g, '-').slice(0, 100),
      title: firstSentence ? firstSentence[0]!.toUpperCase() + firstSentence.slice(1) : `VERIS incident ${id}`,
      intrusionStartDate: intrusion,
      detectedByVendorDate: null,
      firstReportedByThirdPartyDate: null,
      firstReportedBy: foundBy(r),
      publicDisclosureDate: disclosure,
      initialAccessVectors: accessVectors(r),
      initialAccessDetail: actionDetail(r),
      supportInvolved: Object.keys(partner).length > 0 ? true : null,
      supportInvolvementType: Object.keys(partner).length > 0 ? 'external-contractor' : 'none',
      supportSubprocessor: partnerName?.slice(0, 200) ?? null,
      supportDetail: Object.keys(partner).length > 0 ? 'A partner of the organisation was an actor (VERIS actor.partner).' : null,
      mfaRelevance: 'unknown',
      customersAffected: typeof secondary.amount === 'number' ? Math.round(secondary.amount) : null,
      customersAffectedDetail: typeof total === 'number' ? `${total} records exposed (VERIS data_total)` : null,
      threatActor:
        known(strings(obj(obj(r.actor).external).name))
          .join(', ')
          .slice(0, 200) || null,
      severity,
      severityRationale: `Derived from the VERIS record: ${why}.`,
      sources: references(r.reference),
      ...verisRootCause(r),
      confidence: confidence(r),
      notes: notes.join(' ').slice(0, 5000),
    },
  };
}
