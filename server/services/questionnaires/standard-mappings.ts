/**
 * Which questions of the standard sheets correspond to Vendorscope facts, and how their answers are
 * read (the table in docs/QUESTIONNAIRES.md; keep the two in step). Pure: answers in, readings out.
 *
 * CAIQ v4 ids are stable within v4, so CAIQ questions are matched by id, and the question's text
 * must also say what the mapping assumes (a sheet of another CAIQ version that reuses an id for
 * another control is then not misread). SIG renumbers its questions with every yearly edition, so
 * SIG Lite questions are matched by what their text asks.
 *
 * Conservative throughout: an answer never reads as better than what it says. A "Yes" that names
 * no MFA method reads as SMS codes, the weakest method that is MFA at all (a Yes rules out "none"
 * and nothing else), and never as FIDO2; where several methods are named the weakest counts, since
 * an MFA record holds the weakest method a population may use.
 */
import { MFA_METHODS, type MfaMethod, type MfaPopulation } from '../../domain/vocabulary.ts';
import type { AnswerKind, ImportFormat } from '../../domain/questionnaire-import.ts';
import { POPULATION_LABELS, METHOD_LABELS } from '../../scoring/mfa-factor.ts';

export type Mapping =
  | { readonly fact: 'mfa'; readonly population: MfaPopulation }
  | { readonly fact: 'commitment'; readonly field: 'notifyWithinDays' }
  | { readonly fact: 'supply-chain'; readonly field: 'inventory' };

interface Rule {
  readonly mapping: Mapping;
  /** The question's text must match (CAIQ: as a guard; SIG: this is how the question is found). */
  readonly asks: readonly RegExp[];
}

const MFA_WORDS = /multi[- ]?factor|two[- ]factor|2fa|\bmfa\b|strong authentication/i;
const NOTIFY = /notif|report/i;
const BREACH = /breach|incident/i;

export const CAIQ_RULES: Readonly<Record<string, Rule>> = {
  // IAM-14.1: authentication "including multifactor authentication for at least privileged user and sensitive data access".
  'IAM-14.1': { mapping: { fact: 'mfa', population: 'admins' }, asks: [MFA_WORDS] },
  // SEF-07.2: security breaches (including supply chain breaches) reported as per SLAs, laws and regulations.
  'SEF-07.2': { mapping: { fact: 'commitment', field: 'notifyWithinDays' }, asks: [NOTIFY, BREACH] },
  // STA-07.1: an inventory of all supply chain relationships developed and maintained.
  'STA-07.1': { mapping: { fact: 'supply-chain', field: 'inventory' }, asks: [/inventory/i, /supply chain|third part|subprocessor|supplier/i] },
};

/** SIG Lite questions by what they ask, first match wins (the more specific population first). */
export const SIG_RULES: readonly Rule[] = [
  { mapping: { fact: 'mfa', population: 'contractors' }, asks: [MFA_WORDS, /third[- ]part|subcontractor|contractor|vendor|supplier/i] },
  { mapping: { fact: 'mfa', population: 'admins' }, asks: [MFA_WORDS, /privileged|administrat|production/i] },
  { mapping: { fact: 'mfa', population: 'workforce' }, asks: [MFA_WORDS, /remote access|workforce|employees|all users/i] },
  { mapping: { fact: 'commitment', field: 'notifyWithinDays' }, asks: [/notif/i, BREACH, /client|customer/i] },
  { mapping: { fact: 'supply-chain', field: 'inventory' }, asks: [/inventory|list/i, /third[- ]part|subcontractor|fourth[- ]part|nth[- ]part|subprocessor/i] },
];

export function mappingFor(format: ImportFormat, questionId: string, question: string): Mapping | null {
  const matches = (r: Rule) => r.asks.every((re) => re.test(question));
  if (format === 'caiq') {
    const rule = CAIQ_RULES[questionId];
    return rule && matches(rule) ? rule.mapping : null;
  }
  return SIG_RULES.find(matches)?.mapping ?? null;
}

export const mappingLabel = (m: Mapping): string =>
  m.fact === 'mfa'
    ? `MFA · ${POPULATION_LABELS[m.population].toLowerCase()}`
    : m.fact === 'commitment'
      ? 'Breach notification commitment (days)'
      : 'Supply chain inventory';

export const mappingTarget = (m: Mapping): string => (m.fact === 'mfa' ? m.population : m.field);

/** A reading: what the answer says in our terms, or null (NA, blank, or nothing usable). */
export type Reading =
  | { readonly fact: 'mfa'; readonly method: MfaMethod; readonly enforced: boolean; readonly methodNamed: boolean; readonly words: string }
  | { readonly fact: 'commitment'; readonly days: number | null; readonly words: string }
  | { readonly fact: 'supply-chain'; readonly inventory: boolean; readonly words: string };

// The words that name a method. "Phishing-resistant" alone names a property, not a method: it is not read as FIDO2.
const METHOD_WORDS: ReadonlyArray<[MfaMethod, RegExp]> = [
  ['sms', /\bsms\b|text message|voice call|phone call/i],
  ['totp', /\btotp\b|authenticator app|one[- ]time (pass)?code|one[- ]time password|\botp\b|time[- ]based/i],
  ['push', /\bpush\b(?![^.;]*number[- ]matching)/i],
  ['push-number-matching', /number[- ]matching/i],
  ['fido2', /\bfido2?\b|webauthn|passkey|security key|hardware key|yubikey|\bu2f\b/i],
];
const NOT_ENFORCED = /optional|not (yet )?(enforced|required|mandatory)|where (supported|possible|available)|encouraged|recommended|opt[- ]in/i;

/** The methods an answer names, weakest first. */
export function namedMethods(text: string): MfaMethod[] {
  return MFA_METHODS.filter((m) => METHOD_WORDS.some(([method, re]) => method === m && re.test(text)));
}

export function readMfa(kind: AnswerKind, text: string): Reading | null {
  if (kind === 'na' || kind === 'blank') return null;
  if (kind === 'no') return { fact: 'mfa', method: 'none', enforced: false, methodNamed: true, words: 'No: read as no MFA' };
  const named = namedMethods(text);
  // "Partially", "In progress": only a named method makes such an answer readable.
  if (kind === 'other' && named.length === 0) return null;
  const enforced = kind === 'yes' && !NOT_ENFORCED.test(text);
  if (named.length === 0) {
    return {
      fact: 'mfa',
      method: 'sms',
      enforced,
      methodNamed: false,
      words: `Yes, no method named: read as ${METHOD_LABELS.sms} (the weakest MFA), ${enforced ? 'enforced' : 'not enforced'}`,
    };
  }
  const method = named[0]!;
  const also =
    named.length > 1
      ? ` (also names ${named
          .slice(1)
          .map((m) => METHOD_LABELS[m])
          .join(', ')}; the weakest counts)`
      : '';
  return { fact: 'mfa', method, enforced, methodNamed: true, words: `${METHOD_LABELS[method]}${also}, ${enforced ? 'enforced' : 'not enforced'}` };
}

/** Days to notify: the longest period the answer names (hours rounded up to days), so a promise is never read as faster than made. */
export function readNotifyDays(kind: AnswerKind, text: string): Reading | null {
  if (kind === 'na' || kind === 'blank') return null;
  if (kind === 'no') return { fact: 'commitment', days: null, words: 'No: no notification commitment' };
  const periods = [...text.matchAll(/(\d{1,4})\s*(?:-\s*)?(business days?|working days?|days?|hours?|hrs?|h)\b/gi)].map((m) => {
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase();
    if (unit.startsWith('h')) return Math.ceil(n / 24);
    // Business days: a week has five of them.
    return /business|working/.test(unit) ? Math.ceil((n * 7) / 5) : n;
  });
  if (periods.length === 0) return kind === 'yes' ? { fact: 'commitment', days: null, words: 'Yes, no period named' } : null;
  const days = Math.max(...periods);
  return { fact: 'commitment', days, words: `within ${days} day(s)${periods.length > 1 ? ' (the longest period named)' : ''}` };
}

export function readInventory(kind: AnswerKind): Reading | null {
  if (kind === 'yes') return { fact: 'supply-chain', inventory: true, words: 'Yes: an inventory of supply chain relationships is kept' };
  if (kind === 'no') return { fact: 'supply-chain', inventory: false, words: 'No: no inventory of supply chain relationships' };
  return null;
}

export function readAnswer(m: Mapping, kind: AnswerKind, text: string): Reading | null {
  if (m.fact === 'mfa') return readMfa(kind, text);
  if (m.fact === 'commitment') return readNotifyDays(kind, text);
  return readInventory(kind);
}
