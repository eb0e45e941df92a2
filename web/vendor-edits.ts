/**
 * What an analyst's forms on the vendor page send, PURE: a submitted form's FormData read into
 * the API's request bodies (empty text is null, "unknown" is null, one source URL a line), and
 * the server's errors on the MFA posture's nested paths mapped back to the form's own fields.
 * The server checks everything again; nothing here second-guesses it.
 */
import type { MfaRecord } from '../server/domain/mfa.ts';
import type { FactSource } from '../server/domain/fact-source.ts';
import type {
  AccessLevel,
  AccessVector,
  Confidence,
  DataAccess,
  EntryPath,
  EnvironmentAccess,
  MfaMethod,
  MfaPopulation,
  MfaRelevance,
  RootCause,
  Severity,
  SupportInvolvementType,
  VendorStatus,
} from '../server/domain/vocabulary.ts';
import type { IncidentBody, MfaPostureBody, SubprocessorBody, SubprocessorPatch, VendorBody, VendorPatch } from './api/client.ts';
import { fieldErrorPaths } from './api/api-error.ts';
import { MFA_POPULATIONS } from './format.ts';

/**
 * One change an analyst asked for; the page runs it and refreshes what it touched. `version`: the
 * version of the stored record the form was opened on (sent as If-Match; none for a new record).
 */
export type VendorEdit = (
  | { readonly kind: 'incident'; readonly id: number | null; readonly body: IncidentBody }
  | { readonly kind: 'subprocessor'; readonly id: number | null; readonly body: SubprocessorBody }
  | { readonly kind: 'subprocessor-incident'; readonly subprocessorId: number; readonly name: string; readonly body: IncidentBody }
  | { readonly kind: 'mfa'; readonly posture: MfaPostureBody }
  | { readonly kind: 'relationship'; readonly patch: VendorPatch }
  | { readonly kind: 'delete-incident'; readonly id: number; readonly label: string }
  | { readonly kind: 'delete-subprocessor'; readonly id: number; readonly label: string }
) & { readonly version?: number | undefined };

/** A field's trimmed text, or null when it is empty (or absent). */
export function textOrNull(fd: FormData, name: string): string | null {
  const v = fd.get(name);
  const t = typeof v === 'string' ? v.trim() : '';
  return t === '' ? null : t;
}

const text = (fd: FormData, name: string): string => textOrNull(fd, name) ?? '';

/** "yes" / "no" / anything else (unknown) → true / false / null. */
export function triState(fd: FormData, name: string): boolean | null {
  const v = fd.get(name);
  return v === 'yes' ? true : v === 'no' ? false : null;
}

/** A whole number, or null when empty; text that is not a number goes as it is, for the server to name the problem. */
export function numberOrNull(fd: FormData, name: string): number | null {
  const t = textOrNull(fd, name);
  if (t === null) return null;
  return /^-?\d+$/.test(t) ? Number(t) : (t as unknown as number);
}

/** A textarea of one item a line: the non-empty lines, trimmed. */
export const lines = (fd: FormData, name: string): string[] =>
  text(fd, name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function incidentBody(fd: FormData): IncidentBody {
  return {
    title: text(fd, 'title'),
    severity: text(fd, 'severity') as Severity,
    confidence: text(fd, 'confidence') as Confidence,
    intrusionStartDate: textOrNull(fd, 'intrusionStartDate'),
    firstReportedByThirdPartyDate: textOrNull(fd, 'firstReportedByThirdPartyDate'),
    firstReportedBy: textOrNull(fd, 'firstReportedBy'),
    detectedByVendorDate: textOrNull(fd, 'detectedByVendorDate'),
    publicDisclosureDate: textOrNull(fd, 'publicDisclosureDate'),
    initialAccessVectors: fd.getAll('initialAccessVectors').filter((v): v is AccessVector => typeof v === 'string'),
    initialAccessDetail: textOrNull(fd, 'initialAccessDetail'),
    supportInvolved: triState(fd, 'supportInvolved'),
    supportInvolvementType: (textOrNull(fd, 'supportInvolvementType') ?? 'none') as SupportInvolvementType,
    supportSubprocessor: textOrNull(fd, 'supportSubprocessor'),
    mfaRelevance: (textOrNull(fd, 'mfaRelevance') ?? 'unknown') as MfaRelevance,
    customersAffected: numberOrNull(fd, 'customersAffected'),
    threatActor: textOrNull(fd, 'threatActor'),
    sources: lines(fd, 'sources'),
    notes: textOrNull(fd, 'notes'),
    // Empty is "derived" (null) for root cause and entry path, "continues nothing" for the campaign.
    rootCause: textOrNull(fd, 'rootCause') as RootCause | null,
    entryPath: textOrNull(fd, 'entryPath') as EntryPath | null,
    continuationOf: numberOrNull(fd, 'continuationOf'),
  };
}

export function subprocessorBody(fd: FormData): SubprocessorBody {
  const vendorId = textOrNull(fd, 'vendorId');
  return {
    name: text(fd, 'name'),
    function: text(fd, 'function'),
    outsourced: fd.get('outsourced') === 'yes',
    accessLevel: text(fd, 'accessLevel') as AccessLevel,
    artifactsSanitized: triState(fd, 'artifactsSanitized'),
    retentionDays: numberOrNull(fd, 'retentionDays'),
    staffMfa: textOrNull(fd, 'staffMfa') as MfaMethod | null,
    vendorId: vendorId === null ? null : Number(vendorId),
    location: textOrNull(fd, 'location'),
    since: textOrNull(fd, 'since'),
    until: textOrNull(fd, 'until'),
    evidence: textOrNull(fd, 'evidence'),
    sources: lines(fd, 'sources'),
    // Left empty, the server records it as known from today.
    knownFrom: textOrNull(fd, 'knownFrom'),
  };
}

/**
 * The answer a record came from, as the form keeps it (hidden, read-only): sent back unchanged when
 * the analyst gives no citation in its place.
 */
function answerSource(fd: FormData, population: string): FactSource | null {
  const kept = textOrNull(fd, `${population}.answerSource`);
  if (kept === null) return null;
  try {
    return JSON.parse(kept) as FactSource;
  } catch {
    return null;
  }
}

/** The posture a form describes, a field per population (`support.method`…); a population set to "unknown" has no record. */
export function mfaPostureOf(fd: FormData): MfaPostureBody {
  const items = MFA_POPULATIONS.flatMap((p): MfaPostureBody['items'] => {
    const method = textOrNull(fd, `${p}.method`);
    if (method === null) return [];
    return [
      {
        population: p,
        method: method as MfaMethod,
        enforced: fd.get(`${p}.enforced`) === 'on',
        evidence: (textOrNull(fd, `${p}.evidence`) ?? 'public-statement') as MfaRecord['evidence'],
        source: textOrNull(fd, `${p}.source`) ?? answerSource(fd, p),
        assessedOn: text(fd, `${p}.assessedOn`),
        notes: textOrNull(fd, `${p}.notes`),
        knownFrom: textOrNull(fd, `${p}.knownFrom`),
      },
    ];
  });
  return { items };
}

/** The server's errors on a PUT posture (`items.1.assessedOn`) as the form's fields (`support.assessedOn`); a whole-list error under `items`. */
export function mfaFieldErrors(e: unknown, sent: MfaPostureBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorPaths(e, 'body', { items: 'The MFA posture' }))) {
    const m = /^items\.(\d+)\.(\w+)/.exec(path);
    const population: MfaPopulation | undefined = m ? sent.items[Number(m[1])]?.population : undefined;
    const key = m && population ? `${population}.${m[2]}` : 'items';
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

/** A subprocessor form's change to a stored record: an emptied "known from" keeps the stored day (a patch takes no null). */
export function subprocessorPatch(body: SubprocessorBody): SubprocessorPatch {
  const { knownFrom, ...rest } = body;
  return knownFrom === null ? rest : { ...rest, knownFrom };
}

/**
 * The relationship form's change. `engagedSince` goes only when the analyst changed it: left as it
 * was, a vendor that becomes engaged now starts today (the server's rule). The aliases, one a
 * line, replace the vendor's.
 */
export function relationshipPatch(fd: FormData, current?: { readonly engagedSince: string }): VendorPatch {
  const engagedSince = textOrNull(fd, 'engagedSince');
  return {
    tier: Number(text(fd, 'tier')),
    dataAccess: text(fd, 'dataAccess') as DataAccess,
    environmentAccess: text(fd, 'environmentAccess') as EnvironmentAccess,
    status: text(fd, 'status') as VendorStatus,
    businessOwner: textOrNull(fd, 'businessOwner'),
    nextReviewOn: textOrNull(fd, 'nextReviewOn'),
    notes: textOrNull(fd, 'notes'),
    relationshipIsExample: fd.get('relationshipIsExample') === 'on',
    aliases: lines(fd, 'aliases'),
    ...(engagedSince !== null && engagedSince !== current?.engagedSince ? { engagedSince } : {}),
  };
}

/** The server's errors on a relationship save by field; one about an alias (`aliases.1`) names the alias, as the form shows them one a line. */
export function relationshipFieldErrors(e: unknown, sent: Partial<VendorBody>): Record<string, string> {
  const out: Record<string, string> = {};
  // An alias's problem is named by the alias and its line, as the form shows them.
  const labels = Object.fromEntries((sent.aliases ?? []).map((a, i) => [`aliases.${i}`, `“${a}” (line ${i + 1})`]));
  for (const [path, text] of Object.entries(fieldErrorPaths(e, 'body', labels))) {
    const key = path.split('.')[0] ?? path;
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}

/** Where on the page an edit shows, and what to say once it went through. */
export function editOutcome(edit: VendorEdit): { readonly section: 'incidents' | 'subprocessors' | 'mfa' | 'relationship'; readonly text: string } {
  const rescored = 'The score has been recomputed.';
  switch (edit.kind) {
    case 'incident':
      return { section: 'incidents', text: `Incident “${edit.body.title}” ${edit.id === null ? 'added' : 'saved'}. ${rescored}` };
    case 'subprocessor':
      return { section: 'subprocessors', text: `Subprocessor “${edit.body.name}” ${edit.id === null ? 'added' : 'saved'}. ${rescored}` };
    case 'subprocessor-incident':
      return {
        section: 'subprocessors',
        text: `Incident “${edit.body.title}” recorded at ${edit.name}, on its own vendor record: every vendor it serves inherits it. ${rescored}`,
      };
    case 'mfa':
      return { section: 'mfa', text: `MFA posture saved: ${edit.posture.items.length} of ${MFA_POPULATIONS.length} populations on record. ${rescored}` };
    case 'relationship':
      return { section: 'relationship', text: `Relationship saved. ${rescored}` };
    case 'delete-incident':
      return { section: 'incidents', text: `Incident “${edit.label}” deleted. ${rescored}` };
    case 'delete-subprocessor':
      return { section: 'subprocessors', text: `Subprocessor “${edit.label}” deleted. ${rescored}` };
  }
}
