/**
 * The one translation from the API's field problems to what a person reads, PURE: the field named
 * by its label ("Data access", not `dataAccess`), allowed values by their labels ("Internal data",
 * not `internal`), never zod's phrasing. Every form, import and error box goes through here (via
 * `fieldErrors` / `fieldErrorPaths` in api/api-error.ts, or `problemSentences`). Tested in node.
 */
import type { FieldProblem } from '../server/domain/field-problems.ts';
import {
  ACCESS_LEVEL_LABEL,
  ACCESS_VECTOR_LABEL,
  CONFIDENCE_LABEL,
  DATA_ACCESS_LABEL,
  ENVIRONMENT_ACCESS_LABEL,
  FACT_TYPE_LABEL,
  FACTOR_LABEL,
  MFA_EVIDENCE_LABEL,
  MFA_METHOD_LABEL,
  MFA_POPULATION_LABEL,
  MFA_RELEVANCE_LABEL,
  SEVERITY_LABEL,
  STATUS_LABEL,
  SUPPORT_INVOLVEMENT_LABEL,
} from './format.ts';

/** A form's labels by field name (`tier`) or by whole path under the part (`items.0.assessedOn`). */
export type FieldLabels = Readonly<Record<string, string>>;

/** A field problem as the web receives it: only `path` and `message` are sure (older answers, service problems). */
export type Problem = Pick<FieldProblem, 'path' | 'message'> & Partial<Omit<FieldProblem, 'path' | 'message'>>;

/** The labels most forms give these fields; a form with other labels passes its own. */
export const FIELD_LABEL: FieldLabels = {
  name: 'Name',
  category: 'Category',
  website: 'Website',
  domain: 'Website',
  tier: 'Tier',
  dataAccess: 'Data access',
  environmentAccess: 'Access into our environment',
  status: 'Status',
  businessOwner: 'Business owner',
  owner: 'Owner',
  nextReviewOn: 'Next review',
  engagedSince: 'Engaged since',
  notes: 'Notes',
  aliases: 'Aliases',
  email: 'E-mail address',
  contactEmail: 'Contact e-mail',
  contactName: 'Contact name',
  decidedOn: 'Decided on',
  dueOn: 'Due on',
  password: 'Password',
  role: 'Role',
  title: 'Title',
  severity: 'Severity',
  knownFrom: 'Known from',
  assessedOn: 'Assessed on',
  intrusionStartDate: 'Intrusion began',
  detectedByVendorDate: 'Detected by the vendor',
  firstReportedByThirdPartyDate: 'First reported by others',
  publicDisclosureDate: 'Disclosed',
  customersAffected: 'Customers affected',
  retentionDays: 'Artefacts kept (days)',
  asOf: 'Scores as of',
  url: 'URL',
};

/** API field names inside a message ("publicDisclosureDate 2024-04-02 is before …") as words that read in a sentence. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  intrusionStartDate: 'the intrusion date',
  intrusionStartPrecision: 'the precision of the intrusion date',
  detectedByVendorDate: 'the detection date',
  firstReportedByThirdPartyDate: 'the date of the first outside report',
  publicDisclosureDate: 'the disclosure date',
  customersAffected: 'customers affected',
  retentionDays: 'retention',
  assessedOn: 'the assessment date',
  knownFrom: 'the day it became known',
  engagedSince: 'the day the relationship began',
};

/** The vocabularies with labels; a list of allowed values that is exactly one of them is said in its labels. */
const VOCABULARIES: ReadonlyArray<Readonly<Record<string, string>>> = [
  STATUS_LABEL,
  DATA_ACCESS_LABEL,
  ENVIRONMENT_ACCESS_LABEL,
  SEVERITY_LABEL,
  CONFIDENCE_LABEL,
  ACCESS_LEVEL_LABEL,
  ACCESS_VECTOR_LABEL,
  MFA_METHOD_LABEL,
  MFA_EVIDENCE_LABEL,
  MFA_POPULATION_LABEL,
  MFA_RELEVANCE_LABEL,
  FACT_TYPE_LABEL,
  SUPPORT_INVOLVEMENT_LABEL,
  FACTOR_LABEL,
];

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "businessOwner" → "Business owner", "mfa_method" → "Mfa method". */
export const humanName = (name: string): string =>
  capital(
    name
      .replace(/[_-]+/g, ' ')
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      .toLowerCase(),
  );

/** "A, B or C". */
export const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** The labels of allowed values: a vocabulary's when the values are exactly one, else the values themselves. */
export function allowedLabels(values: readonly string[]): string[] {
  const labels = VOCABULARIES.find((l) => Object.keys(l).length === values.length && values.every((v) => v in l));
  return values.map((v) => labels?.[v] ?? v);
}

/** A field's label: the form's (by whole path, then by name), the common one, or its name in words. `aliases.1` is `aliases`. */
export function fieldLabel(path: string, labels: FieldLabels = {}): string {
  const named = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  const name = named[named.length - 1] ?? path;
  return labels[path] ?? labels[name] ?? FIELD_LABEL[name] ?? (name ? humanName(name) : 'This value');
}

/** A message with the API's field names put in words ("publicDisclosureDate" → "the disclosure date"). */
const inWords = (message: string): string => message.replace(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g, (name) => FIELD_WORDS[name] ?? name);

/** A message with the API's field names put in words, starting with a capital. */
export const readableMessage = (message: string): string => capital(inWords(message));

/** A message that carries on from the field's name: "is required", "must be …". */
const PREDICATE = /^(is|are|must|has|have|should|cannot|can't|may|needs?|was|does)\b/;
/** A message that carries on after "… is": "required when …", "after today (…)", "already taken by …". */
const STATE = /^(required|after|before|already|not|too|later|earlier|missing|empty|unknown)\b/;
/** A message that tells what to do ("give at least one condition"): it reads on its own beside the field. */
const INSTRUCTION = /^(give|say|choose|pick|enter|add|remove|use|set|name|type|select|fill|tick)\b/;

/**
 * One problem as a sentence naming the field by `label`: "Tier must be at most 4.", "Status must be
 * one of Proposed, Under review … or Not engaged.". A message the server wrote itself is kept,
 * with API field names in words.
 */
export function fieldMessage(problem: Problem, label: string): string {
  const end = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
  switch (problem.rule) {
    case 'required':
      return `${label} is required.`;
    case 'unknown-field':
      return `${label} is not a field this form can send.`;
    case 'one-of':
      if (problem.allowed && problem.allowed.length > 0) {
        const words = allowedLabels(problem.allowed);
        return words.length === 1 ? `${label} must be ${words[0]}.` : `${label} must be one of ${orList(words)}.`;
      }
      break;
  }
  const m = problem.message.trim();
  if (m === '') return `${label} is not valid.`;
  if (PREDICATE.test(m)) return end(`${label} ${inWords(m)}`);
  if (STATE.test(m)) return end(`${label} is ${inWords(m)}`);
  if (INSTRUCTION.test(m)) return end(readableMessage(m));
  // A schema's own words: "expected a real date as YYYY-MM-DD", "at least 12 characters" read on from "… must be".
  const expected = /^expected (an? .*)$/.exec(m) ?? /^((?:at (?:least|most)|exactly|fewer than|more than|less than) .*)$/.exec(m);
  if (expected) return end(`${label} must be ${inWords(expected[1]!)}`);
  // A message that starts with the field's API name already says whose it is.
  if (/^[a-z]+(?:[A-Z][a-z]+)+\b/.test(m)) return end(readableMessage(m));
  return end(`${label}: ${inWords(m)}`);
}

/** A problem's path under a request part (`body.tier` → `tier`), or undefined when it is another part's. */
export function underPart(path: string, part: string): string | undefined {
  return path.startsWith(`${part}.`) ? path.slice(part.length + 1) : undefined;
}

/** Where a nested field is, in words: `vendors.0.tier` → "Vendors #1"; empty for a top-level field. */
export function placeOf(path: string): string {
  const segs = path.split('.').filter((s) => s !== '');
  return segs
    .slice(0, -1)
    .map((s) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : humanName(s)))
    .join(' ');
}

/**
 * Every problem as a sentence, for a list that is not beside the fields (an error box, an import's
 * refusal): a nested field says where it is ("Vendors #1: Tier must be at most 4.").
 */
export function problemSentences(problems: readonly Problem[], labels: FieldLabels = {}): string[] {
  return problems.map((p) => {
    const path = p.path.replace(/^(body|query|params)(\.|$)/, '');
    if (path === '') return capital(fieldMessage(p, 'The request').replace(/^The request: /, ''));
    const place = labels[path] ? '' : placeOf(path);
    const sentence = fieldMessage(p, fieldLabel(path, labels));
    return place ? `${place}: ${sentence}` : sentence;
  });
}
