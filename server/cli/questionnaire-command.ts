/**
 * `npm run vendorscope -- questionnaire import-caiq FILE --vendor ID [--format caiq|sig]
 * [--known-from YYYY-MM-DD]`: imports a vendor's completed CAIQ v4 or SIG Lite answer sheet (XLSX or
 * CSV), as POST /vendors/:id/questionnaire-imports does. Exit 0 imported, 1 refused (the problems
 * printed, nothing written), 2 bad usage.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM } from '../domain/account.ts';
import { isoDay } from '../domain/fields.ts';
import { FORMAT_TITLES, IMPORT_FORMATS, type ImportFormat } from '../domain/questionnaire-import.ts';
import type { Deps } from '../deps.ts';
import { MAX_SHEET_BYTES } from '../services/questionnaires/questionnaire-imports-service.ts';
import { ServiceError } from '../services/errors.ts';
import type { Output } from './commands.ts';

export const QUESTIONNAIRE_USAGE = '  questionnaire import-caiq FILE.xlsx|FILE.csv --vendor ID [--format caiq|sig] [--known-from YYYY-MM-DD]';

const ACTOR = { ...SYSTEM, via: 'cli' };

function usage(out: Output, problem: string): number {
  out.line(`questionnaire: ${problem}`);
  out.line(`usage: npm run vendorscope -- ${QUESTIONNAIRE_USAGE.trim()}`);
  return 2;
}

function refused(out: Output, message: string, fields: ReadonlyArray<{ path: string; message: string }> = []): number {
  out.line(`nothing was written: ${message}`);
  for (const f of fields.slice(0, 50)) out.line(`  ${f.path}: ${f.message}`);
  if (fields.length > 50) out.line(`  … and ${fields.length - 50} more`);
  return 1;
}

export async function questionnaireCommand(deps: Deps, args: readonly string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { vendor: { type: 'string' }, format: { type: 'string' }, 'known-from': { type: 'string' } },
    });
  } catch (e) {
    return usage(out, (e as Error).message);
  }
  const { values, positionals } = parsed;
  const [sub, file, ...more] = positionals;
  if (sub !== 'import-caiq') return usage(out, sub ? `unknown subcommand ${sub}` : 'a subcommand is needed');
  if (!file || more.length > 0) return usage(out, 'give exactly one FILE');
  if (!values.vendor || !/^[1-9]\d{0,14}$/.test(values.vendor)) return usage(out, '--vendor needs a vendor id (a positive number)');
  const format = values.format ?? null;
  if (format !== null && !(IMPORT_FORMATS as readonly string[]).includes(format)) return usage(out, '--format must be caiq or sig');
  const knownFrom = values['known-from'] ?? null;
  if (knownFrom !== null && !isoDay.safeParse(knownFrom).success) return usage(out, '--known-from must be a day as YYYY-MM-DD');

  let bytes: Buffer;
  try {
    // Refused before it is read, as the API refuses a body over its limit.
    const size = statSync(file).size;
    if (size > MAX_SHEET_BYTES)
      return refused(out, `${file} is ${Math.ceil(size / 1024 / 1024)} MB; an answer sheet may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB`);
    bytes = readFileSync(file);
  } catch (e) {
    return refused(out, `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const r = await deps.questionnaireImports.importSheet(ACTOR, Number(values.vendor), bytes, {
      format: format as ImportFormat | null,
      knownFrom,
      fileName: basename(file),
    });
    const i = r.import;
    out.line(
      `imported a ${FORMAT_TITLES[i.format]} sheet as import ${i.id} for vendor ${i.vendorId}: ${i.answerCount} answers kept, ${i.mappedCount} mapped to facts (known from ${i.knownFrom})`,
    );
    for (const f of r.facts) out.line(`  ${f.questionId} → ${f.label}: ${f.reading} (${f.outcome}: ${f.detail})`);
    return 0;
  } catch (e) {
    if (e instanceof ServiceError) return refused(out, e.message, e.fields);
    throw e;
  }
}
