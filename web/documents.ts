/**
 * Evidence documents on the dossier, PURE: the kinds and their fields as the upload form shows
 * them, the metadata a filled-in form sends, a document's details and expiry in words. Only
 * metadata: a document's content is never read or shown by the web app, only offered as a download.
 */
import type { Document, DocumentKind } from '../server/domain/document.ts';
import { fieldLabel, fieldMessage, type FieldLabels, type Problem } from './field-messages.ts';

export type { Document, DocumentKind };

export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  soc2: 'SOC 2 report',
  iso27001: 'ISO 27001 certificate',
  pentest: 'Penetration test summary',
  other: 'Other document',
};

export interface KindField {
  readonly name: string;
  readonly label: string;
  readonly type: 'text' | 'date' | 'number' | 'checkbox' | 'select';
  readonly required: boolean;
  readonly options?: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly hint?: string;
}

const title: KindField = { name: 'title', label: 'Title (optional)', type: 'text', required: false };

/** The fields of each kind, in the order the form shows them (names as the API's DocumentMeta). */
export const KIND_FIELDS: Readonly<Record<DocumentKind, readonly KindField[]>> = {
  soc2: [
    {
      name: 'type',
      label: 'Report type',
      type: 'select',
      required: true,
      options: [
        { value: 'type2', label: 'Type II (a period)' },
        { value: 'type1', label: 'Type I (a point in time)' },
      ],
    },
    { name: 'periodStart', label: 'Period start', type: 'date', required: true, hint: 'For a Type I report, its date.' },
    { name: 'periodEnd', label: 'Period end', type: 'date', required: true, hint: 'The report counts for 12 months after it.' },
    { name: 'auditor', label: 'Auditor', type: 'text', required: true },
    { name: 'exceptions', label: 'Exceptions noted', type: 'number', required: true },
    { name: 'bridgeLetter', label: 'A bridge letter covers the time since the period end', type: 'checkbox', required: false },
    title,
  ],
  iso27001: [
    { name: 'certificateNumber', label: 'Certificate number', type: 'text', required: true },
    { name: 'expiresOn', label: 'Expires on', type: 'date', required: true },
    title,
  ],
  pentest: [
    { name: 'testedOn', label: 'Tested on', type: 'date', required: true, hint: 'The day the test ended.' },
    { name: 'scope', label: 'Scope', type: 'text', required: true },
    title,
  ],
  other: [
    { name: 'title', label: 'Title', type: 'text', required: true },
    { name: 'date', label: 'Date (optional)', type: 'date', required: false },
  ],
};

/** The metadata a filled-in form sends: empty optional fields left out, numbers and ticks as such; the server checks the rest. */
export function metaFromForm(kind: DocumentKind, get: (name: string) => string | null): Record<string, unknown> {
  const meta: Record<string, unknown> = { kind };
  for (const f of KIND_FIELDS[kind]) {
    const raw = get(f.name);
    if (f.type === 'checkbox') meta[f.name] = raw !== null && raw !== '';
    else if (raw === null || raw.trim() === '') {
      if (f.required) meta[f.name] = f.type === 'number' ? null : '';
    } else meta[f.name] = f.type === 'number' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw.trim();
  }
  return meta;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A document's kind fields in words: "Type II · 2025-07-01 to 2026-06-30 · Example LLP · 2 exceptions · bridge letter". */
export function detailsText(d: Pick<Document, 'kind' | 'details'>): string {
  const x = d.details;
  switch (d.kind) {
    case 'soc2': {
      const n = typeof x.exceptions === 'number' ? x.exceptions : 0;
      return [
        x.type === 'type1' ? 'Type I' : 'Type II',
        `${str(x.periodStart)} to ${str(x.periodEnd)}`,
        str(x.auditor),
        n === 1 ? '1 exception' : `${n} exceptions`,
        x.bridgeLetter === true ? 'bridge letter' : 'no bridge letter',
      ].join(' · ');
    }
    case 'iso27001':
      return `Certificate ${str(x.certificateNumber)}`;
    case 'pentest':
      return `Tested ${str(x.testedOn)} · ${str(x.scope)}`;
    default:
      return str(x.date) ? `Dated ${str(x.date)}` : 'Undated';
  }
}

export type ExpiryState = 'expired' | 'expiring' | 'valid' | 'none';

/** Days from one YYYY-MM-DD to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A document's expiry as of `today`: expired, expiring within 30 days, valid, or a kind that does not lapse; and in words. */
export function expiryOf(d: Pick<Document, 'expiresOn' | 'expired'>, today: string): { readonly state: ExpiryState; readonly text: string } {
  if (d.expiresOn === null) return { state: 'none', text: 'Does not expire' };
  const left = daysBetween(today, d.expiresOn);
  if (d.expired || left < 0) return { state: 'expired', text: `Expired on ${d.expiresOn}` };
  if (left <= 30) return { state: 'expiring', text: `Expires on ${d.expiresOn}, in ${left === 1 ? '1 day' : `${left} days`}` };
  return { state: 'valid', text: `Valid until ${d.expiresOn}` };
}

/** A byte count in words: "812 bytes", "2.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const MEDIA_LABELS: Readonly<Record<Document['mediaType'], string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'text/plain': 'Text',
};

/** The upload's refusals by form field: `body.meta.periodEnd` → `periodEnd`, `body.file` → `file`, `body.meta` → `meta`. */
export function uploadErrors(fields: ReadonlyArray<Problem>, labels: FieldLabels = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const m = /^body\.(?:meta\.(\w+)|(meta|file))/.exec(f.path);
    const name = m?.[1] ?? m?.[2];
    if (!name) continue;
    const text = fieldMessage(f, fieldLabel(name, { file: 'The file', meta: 'The metadata', ...labels }));
    out[name] = out[name] ? `${out[name]} ${text}` : text;
  }
  return out;
}
