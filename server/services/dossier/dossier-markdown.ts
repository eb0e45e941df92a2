/**
 * A vendor's dossier as Markdown: a readable document to attach to a ticket. Everything that came
 * from a user or a source (names, titles, rationales, URLs) is escaped, so that a pipe cannot break
 * a table nor an asterisk or a bracket turn into emphasis or a link; cells hold no line breaks.
 */
import { DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS, VENDOR_STATUS_LABELS } from '../../domain/vocabulary-labels.ts';
import type { Dossier } from './dossier-service.ts';

/** Markdown's inline specials, a backslash first; line breaks become spaces. */
export const mdText = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '–'
    : String(v)
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);

export const mdTable = (head: readonly string[], rows: readonly (readonly unknown[])[]): string =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`)].join('\n');

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? 'unknown' : b ? 'yes' : 'no');
const pct = (x: number) => `${Math.round(x * 100)}%`;
const words = (v: string) => v.replace(/-/g, ' ');
const or = (items: readonly unknown[], table: () => string, none: string) => (items.length ? table() : none);

export function dossierMarkdown(d: Dossier): string {
  const v = d.vendor;
  const s = d.score;
  const st = d.review.status;
  const conditions = d.review.decisions.flatMap((r) => r.conditions.map((c) => ({ ...c, decidedOn: r.decidedOn })));
  const agreed = (findingId: string) =>
    conditions
      .filter((c) => c.findingId === findingId)
      .map((c) => `${c.text} (${c.state})`)
      .join('; ') || 'none agreed';
  const left = d.leftOut;
  const leftOut = left.incidents + left.supportChain + left.mfa + left.statements + left.decisions;
  return [
    `# ${mdText(v.name)}: vendor dossier`,
    '',
    `As of ${d.asOf}. Methodology ${s.methodologyVersion}. Generated ${d.generatedAt}. Only what was known on ${d.asOf} is included${leftOut ? `; recorded later and left out: ${left.incidents} incidents, ${left.supportChain} support arrangements, ${left.mfa} MFA records, ${left.statements} statements, ${left.decisions} decisions` : ''}.`,
    '',
    '## Relationship',
    '',
    mdTable(
      ['field', 'value'],
      [
        ['Category', v.category],
        ['Website', v.website],
        ['Tier', v.tier],
        ['Data access', DATA_ACCESS_LABELS[v.dataAccess]],
        ['Environment access', ENVIRONMENT_ACCESS_LABELS[v.environmentAccess]],
        ['Status', VENDOR_STATUS_LABELS[v.status]],
        ['Business owner', v.businessOwner],
        ['Next review', v.nextReviewOn],
        ['Notes', v.notes],
      ],
    ),
    '',
    '## Score',
    '',
    `Residual risk ${s.risk} (${words(s.band)}): likelihood ${s.likelihood} × impact ${s.impact} / 100. Inherent risk ${s.inherentRisk} (${s.inherentBand}). Evidence coverage ${pct(s.evidenceCoverage)}; ${s.unknownPoints} likelihood points rest on unknowns; confidence ${pct(s.confidence)}.`,
    '',
    mdTable(
      ['factor', 'score', 'weight', 'known'],
      s.factors.map((f) => [f.label, f.score, f.weight, yesNo(f.known)]),
    ),
    '',
    ...(s.toAssess.length ? [`To assess it: ${s.toAssess.map((m) => mdText(m.text)).join('; ')}.`, ''] : []),
    '## Findings',
    '',
    or(
      s.findings,
      () =>
        mdTable(
          ['severity', 'finding', 'why', 'suggested condition', 'agreed conditions'],
          s.findings.map((f) => [f.severity, f.title, f.rationale, f.suggestedCondition, agreed(f.id)]),
        ),
      'No findings.',
    ),
    '',
    '## Gaps in the evidence',
    '',
    s.gaps.length ? s.gaps.map((g) => `- ${mdText(g.text)}`).join('\n') : 'None.',
    '',
    '## Review',
    '',
    `Review status: ${words(st.state)}. ${st.lastReview ? `Last decision: ${words(st.lastReview.decision)} on ${st.lastReview.decidedOn} (band then ${st.lastReview.band}).` : 'No decision recorded.'} Next review: ${st.nextReviewOn ?? 'none set'}.`,
    '',
    ...(st.reasons.length ? [st.reasons.map((r) => `- ${mdText(r.text)}`).join('\n'), ''] : []),
    '### Decisions',
    '',
    or(
      d.review.decisions,
      () =>
        mdTable(
          ['decided on', 'decision', 'by', 'risk then', 'rationale', 'next review'],
          d.review.decisions.map((r) => [r.decidedOn, words(r.decision), r.decidedBy, `${r.score.risk} (${r.score.band})`, r.rationale, r.nextReviewOn]),
        ),
      'None.',
    ),
    '',
    '### Conditions',
    '',
    or(
      conditions,
      () =>
        mdTable(
          ['condition', 'finding', 'state (today)', 'owner', 'due', 'evidence or waiver'],
          conditions.map((c) => [
            c.text,
            c.findingId,
            c.state,
            c.owner,
            c.dueOn,
            c.state === 'waived' ? `waived until ${c.waiverExpiresOn ?? '–'} by ${c.waiverApprover ?? '–'}` : c.evidence,
          ]),
        ),
      'None.',
    ),
    '',
    '## Incidents',
    '',
    or(
      d.incidents,
      () =>
        mdTable(
          ['incident', 'severity', 'intrusion began', 'disclosed', 'support involved', 'MFA relevance', 'customers affected'],
          d.incidents.map((i) => [
            i.title,
            i.severity,
            i.intrusionStartDate,
            i.publicDisclosureDate,
            yesNo(i.supportInvolved),
            words(i.mfaRelevance),
            i.customersAffected,
          ]),
        ),
      'No incidents known.',
    ),
    '',
    '## Support chain',
    '',
    or(
      d.supportChain,
      () =>
        mdTable(
          ['name', 'function', 'outsourced', 'access', 'staff MFA', 'artefacts sanitized', 'retention (days)', 'since', 'until', 'known from'],
          d.supportChain.map((p) => [
            p.name,
            p.function,
            yesNo(p.outsourced),
            words(p.accessLevel),
            p.staffMfa ?? 'unknown',
            yesNo(p.artifactsSanitized),
            p.retentionDays ?? 'unknown',
            p.since,
            p.until,
            p.knownFrom,
          ]),
        ),
      'None on record.',
    ),
    '',
    '## MFA',
    '',
    or(
      d.mfa.items,
      () =>
        mdTable(
          ['population', 'method', 'enforced', 'evidence', 'assessed on', 'known from'],
          d.mfa.items.map((r) => [r.population, r.method, yesNo(r.enforced), words(r.evidence), r.assessedOn, r.knownFrom]),
        ),
      'No MFA records.',
    ),
    '',
    d.mfa.unknown.length ? `Unknown (no record): ${d.mfa.unknown.join(', ')}.` : 'Every population has a record.',
    '',
    '## Statements',
    '',
    or(
      d.statements,
      () =>
        mdTable(
          ['statement', 'type', 'applies to', 'stated', 'known from', 'confidence'],
          d.statements.map((f) => [f.statement, words(f.factType), f.appliesTo, f.statedDate, f.knownFrom, f.confidence]),
        ),
      'None.',
    ),
    '',
    '## Sources',
    '',
    or(
      d.sources,
      () =>
        mdTable(
          ['about', 'source'],
          d.sources.map((x) => [x.about, x.source]),
        ),
      'None cited.',
    ),
    '',
  ].join('\n');
}
