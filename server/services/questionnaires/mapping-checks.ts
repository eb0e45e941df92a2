/**
 * The semantic checks of a questionnaire template's mappings (issue 16), PURE: the template loader
 * calls `checkTemplateMappings` at start (re-exported by mapping.ts), beyond the schema's checks.
 */
import { ACCESS_LEVELS, MFA_METHODS, type QuestionMapping, type QuestionnaireTemplate } from '../../domain/questionnaire.ts';
import type { CommitmentField } from '../../domain/commitment.ts';
import type { FieldProblem } from '../../domain/field-problems.ts';
import type { RowField, SupportField } from './mapping.ts';

/** The mapped fields whose facts the methodology scores: their questions must say what they feed. */
const SCORED_SUPPORT: readonly SupportField[] = ['outsourced', 'accessLevel', 'artifactsSanitized', 'retentionDays', 'staffMfa'];

/** The answer type (and, for choices, the vocabulary) each target needs. */
type Need = { types: readonly string[]; values?: readonly string[] };
const TEXT: Need = { types: ['text'] };
const YES_NO: Need = { types: ['yes-no'] };
const NUMBER: Need = { types: ['number'] };
const METHOD: Need = { types: ['choice'], values: MFA_METHODS };
const ACCESS: Need = { types: ['choice'], values: ACCESS_LEVELS };
const SUPPORT_NEEDS: Readonly<Record<SupportField, Need>> = {
  provider: TEXT,
  outsourced: YES_NO,
  location: TEXT,
  accessLevel: ACCESS,
  artifactsSanitized: YES_NO,
  retentionDays: NUMBER,
  sessionControls: { types: ['multi-choice', 'text'] },
  staffMfa: METHOD,
};
const ROW_NEEDS: Readonly<Record<RowField, Need>> = {
  name: TEXT,
  function: TEXT,
  outsourced: YES_NO,
  accessLevel: ACCESS,
  location: TEXT,
  staffMfa: METHOD,
  artifactsSanitized: YES_NO,
  retentionDays: NUMBER,
};
const COMMITMENT_NEEDS: Readonly<Record<CommitmentField, Need>> = { notifyWithinDays: NUMBER, securityContactName: TEXT, securityContactEmail: TEXT };

function needFor(m: QuestionMapping): Need {
  switch (m.fact) {
    case 'mfa':
      return m.field === 'method' ? METHOD : YES_NO;
    case 'support':
      return SUPPORT_NEEDS[m.field];
    case 'subprocessors':
      return { types: ['rows'] };
    case 'commitment':
      return COMMITMENT_NEEDS[m.field];
  }
}

const targetKey = (m: QuestionMapping): string =>
  m.fact === 'mfa' ? `mfa.${m.population}.${m.field}` : m.fact === 'subprocessors' ? 'subprocessors' : `${m.fact}.${m.field}`;

const isScored = (m: QuestionMapping): boolean => m.fact === 'mfa' || m.fact === 'subprocessors' || (m.fact === 'support' && SCORED_SUPPORT.includes(m.field));

function checkNeed(need: Need, type: string, options: ReadonlyArray<{ value: string }> | undefined, path: string, what: string): FieldProblem[] {
  if (!need.types.includes(type)) return [{ path: `${path}.type`, message: `${what} needs a ${need.types.join(' or ')} answer, not ${type}` }];
  if (!need.values) return [];
  const foreign = (options ?? []).map((o) => o.value).filter((v) => !need.values!.includes(v));
  return foreign.length > 0 ? [{ path: `${path}.options`, message: `${what} takes only ${need.values.join(', ')}; not ${foreign.join(', ')}` }] : [];
}

/**
 * The semantic checks of a template's mappings, beyond its schema: each mapped question has the
 * answer type its fact needs (an MFA method is a choice among MFA methods…), a `rows` question maps
 * its columns to subprocessor fields with a name and an access level among them, no fact is fed by
 * two questions, and every question whose fact the methodology scores says what it feeds. Empty
 * when the template is sound; else each problem at its path in the template file.
 */
export function checkTemplateMappings(t: QuestionnaireTemplate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, string>();
  t.sections.forEach((s, i) =>
    s.questions.forEach((q, j) => {
      const path = `sections.${i}.questions.${j}`;
      const m = q.maps;
      if (!m) return;
      const key = targetKey(m);
      const other = seen.get(key);
      if (other) problems.push({ path: `${path}.maps`, message: `${key} is already fed by question ${other}` });
      else seen.set(key, q.id);
      problems.push(...checkNeed(needFor(m), q.type, q.options, path, key));
      if (isScored(m) && q.feeds.length === 0)
        problems.push({ path: `${path}.feeds`, message: `${key} is scored: say what it feeds, e.g. "MFA · support staff"` });
      if (m.fact !== 'subprocessors' || q.type !== 'rows') return;
      const fields = new Map<string, string>();
      (q.columns ?? []).forEach((c, k) => {
        if (!c.field) return;
        const cpath = `${path}.columns.${k}`;
        if (fields.has(c.field)) problems.push({ path: `${cpath}.field`, message: `${c.field} is already column ${fields.get(c.field)}` });
        fields.set(c.field, c.id);
        problems.push(...checkNeed(ROW_NEEDS[c.field], c.type, c.options, cpath, `subprocessors.${c.field}`));
      });
      for (const f of ['name', 'accessLevel'] as const) {
        const col = (q.columns ?? []).find((c) => c.field === f);
        if (!col || !col.required) problems.push({ path: `${path}.columns`, message: `a subprocessor needs a required column mapped to ${f}` });
      }
    }),
  );
  return problems;
}
