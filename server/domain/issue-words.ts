/**
 * One zod issue in plain words, with the rule it broke and its data (allowed values, a limit), so
 * that an answer never shows zod's own phrasing ("Invalid option: expected one of …") and a client
 * can say it again with its own labels. A message a schema wrote itself is kept as written. PURE.
 */
import { z } from 'zod';
import { DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS, VENDOR_STATUS_LABELS } from './vocabulary-labels.ts';

export const FIELD_RULES = ['required', 'one-of', 'too-big', 'too-small', 'format', 'type', 'unknown-field', 'custom'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export interface IssueWords {
  readonly message: string;
  readonly rule: FieldRule;
  readonly allowed?: string[];
  readonly limit?: number;
}

type Issue = z.core.$ZodIssue;

/** The vocabularies with words of their own; a list of allowed values that is one of them is said in its labels. */
const VOCABULARIES: ReadonlyArray<Readonly<Record<string, string>>> = [VENDOR_STATUS_LABELS, DATA_ACCESS_LABELS, ENVIRONMENT_ACCESS_LABELS];

/** "A, B or C". */
export const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** The allowed values in words: a vocabulary's labels when the values are exactly one, else the values as sent. */
function allowedWords(values: readonly string[]): string[] {
  const labels = VOCABULARIES.find((l) => Object.keys(l).length === values.length && values.every((v) => v in l));
  return values.map((v) => labels?.[v] ?? v);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  bigint: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a group of fields',
  record: 'must be a group of fields',
  date: 'must be a date',
  null: 'must be empty',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'must be an e-mail address',
  url: 'must be a web address (URL)',
  date: 'must be a real date as YYYY-MM-DD',
  datetime: 'must be a date and time (ISO 8601, e.g. 2024-05-01T09:30:00Z)',
  time: 'must be a time of day as HH:MM',
  uuid: 'must be a UUID',
  base64: 'must be base64-encoded',
};

const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items', set: 'items', map: 'entries', file: 'bytes' };

/** A limit in words: "at most 4", "at most 200 characters", "fewer than 3 items". */
function bound(issue: { origin: string; inclusive?: boolean; exact?: boolean }, n: number, most: boolean): string {
  const unit = UNITS[issue.origin];
  const amount = unit ? `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}` : String(n);
  if (issue.exact) return `exactly ${amount}`;
  if (issue.inclusive !== false) return `${most ? 'at most' : 'at least'} ${amount}`;
  return unit ? `${most ? 'fewer' : 'more'} than ${amount}` : `${most ? 'less' : 'more'} than ${amount}`;
}

/** Whether zod wrote the message (its English default) rather than the schema. */
function zodWrote(issue: Issue): boolean {
  if (issue.code === 'invalid_type') return /^Invalid input: expected \S+, received \S+$/.test(issue.message);
  // The issue lacks only `input`, which zod's words use for invalid_type alone (handled above).
  const said = z.locales.en().localeError({ ...issue, input: undefined });
  return issue.message === (typeof said === 'string' ? said : said?.message);
}

/** The rule and data of an issue, with zod's words replaced. */
function ruleOf(issue: Issue): IssueWords {
  switch (issue.code) {
    case 'invalid_type':
      if (/received (undefined|null)$/.test(issue.message)) return { rule: 'required', message: 'is required' };
      return { rule: 'type', message: TYPE_WORDS[issue.expected] ?? `must be ${issue.expected}` };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const words = allowedWords(allowed);
      return { rule: 'one-of', allowed, message: allowed.length === 1 ? `must be ${words[0]}` : `must be one of ${orList(words)}` };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      const verb = UNITS[issue.origin] ? 'must have' : 'must be';
      return { rule: 'too-big', limit, message: `${verb} ${bound(issue, limit, true)}` };
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string' && limit === 1 && issue.inclusive !== false) return { rule: 'too-small', limit, message: 'must not be empty' };
      const verb = UNITS[issue.origin] ? 'must have' : 'must be';
      return { rule: 'too-small', limit, message: `${verb} ${bound(issue, limit, false)}` };
    }
    case 'invalid_format': {
      if (issue.format === 'starts_with' && 'prefix' in issue) return { rule: 'format', message: `must start with “${String(issue.prefix)}”` };
      if (issue.format === 'ends_with' && 'suffix' in issue) return { rule: 'format', message: `must end with “${String(issue.suffix)}”` };
      if (issue.format === 'includes' && 'includes' in issue) return { rule: 'format', message: `must contain “${String(issue.includes)}”` };
      return { rule: 'format', message: FORMAT_WORDS[issue.format] ?? 'is not in the expected form' };
    }
    case 'not_multiple_of':
      return { rule: 'format', limit: Number(issue.divisor), message: `must be a multiple of ${String(issue.divisor)}` };
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
      if (options.length > 0) return { rule: 'one-of', allowed: options, message: `must be one of ${orList(allowedWords(options))}` };
      return { rule: 'type', message: 'does not have any of the accepted forms' };
    }
    case 'invalid_key':
      return { rule: 'type', message: 'has a key that is not allowed' };
    case 'invalid_element':
      return { rule: 'type', message: 'has a value that is not allowed' };
    case 'unrecognized_keys':
      return { rule: 'unknown-field', message: 'unknown field' };
    default:
      return { rule: 'custom', message: issue.message };
  }
}

/** An issue in words: zod's own messages replaced, a schema's own message kept (with the rule it broke). */
export function issueWords(issue: Issue): IssueWords {
  const r = ruleOf(issue);
  return zodWrote(issue) || issue.code === 'unrecognized_keys' ? r : { ...r, message: issue.message };
}
