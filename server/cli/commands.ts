/**
 * The command line (`npm run vendorscope -- …`): imports, export, restore, backup, reports and the
 * backtest, on the database at DB_PATH, safe to run beside a running server. Each command returns an exit code;
 * main.ts runs it.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM } from '../domain/account.ts';
import { backupTo } from '../db/backup.ts';
import type { Deps } from '../deps.ts';
import type { JobError } from '../services/jobs-service.ts';
import { exportAll, parseExport, restore, type RestoreMode } from '../services/imports/full-transfer.ts';
import { importVendorsCsv, vendorCsvRowCount } from '../services/imports/vendors-csv.ts';
import { importVeris, UnreadableBody, readVerisBody } from '../services/imports/veris-import.ts';
import { ServiceError } from '../services/errors.ts';
import { reportCsv, reportMarkdown } from '../services/reports/report-formats.ts';
import { BACKTEST_USAGE, backtestCommand } from './backtest-command.ts';
import { QUESTIONNAIRE_USAGE, questionnaireCommand } from './questionnaire-command.ts';
import { readCommandArgs } from './command-args.ts';

export interface Output {
  line(text: string): void;
  /** Text as it is, for output meant to be piped (a report on stdout). */
  raw(text: string): void;
  /** A progress line that replaces itself on a terminal. */
  progress(text: string): void;
}

const ACTOR = { ...SYSTEM, via: 'cli' };
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const readText = (file: string): string => UTF8.decode(readFileSync(file)).replace(/^\uFEFF/, '');

const bar = (out: Output, what: string, total: number) => (done: number) => {
  const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
  out.progress(`${what}: [${'#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')}] ${done}/${total} (${pct}%)`);
};

/** The rows or records `--on-invalid skip` left out, and why. */
function reportSkipped(out: Output, invalid: number, skipped: readonly JobError[], total: number, unit: string): void {
  if (invalid === 0) return;
  out.line(`${invalid} invalid ${unit}(s) left out:`);
  for (const e of skipped.slice(0, 50)) out.line(`  ${e.path}: ${e.message}`);
  if (total > 50) out.line(`  … and ${total - 50} more`);
}

function reportErrors(out: Output, errors: readonly JobError[]): number {
  out.line(`nothing was written: ${errors.length} problem(s)`);
  for (const e of errors.slice(0, 50)) out.line(`  ${e.path}: ${e.message}`);
  if (errors.length > 50) out.line(`  … and ${errors.length - 50} more`);
  return 1;
}

/** Every VERIS record in a file (JSON object, array, or NDJSON) or a folder of them. */
function verisRecords(path: string): { records: unknown[]; errors: JobError[] } {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.(json|ndjson|jsonl)$/i.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const records: unknown[] = [];
  const errors: JobError[] = [];
  for (const f of files) {
    try {
      records.push(...readVerisBody(readText(f)).records);
    } catch (e) {
      if (!(e instanceof UnreadableBody)) throw e;
      errors.push(...e.errors.map((x) => ({ ...x, path: `${f}${x.path ? `: ${x.path}` : ''}` })));
    }
  }
  return { records, errors };
}

export async function runCommand(deps: Deps, args: readonly string[], out: Output): Promise<number> {
  if (args[0] === 'backtest') return backtestCommand(deps, args.slice(1), out);
  if (args[0] === 'questionnaire') return questionnaireCommand(deps, args.slice(1), out);
  const read = readCommandArgs(args);
  if ('problem' in read) return usage(out, read.problem);
  const { command, values, positionals } = read;
  const option = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  try {
    const onInvalid = option('on-invalid') ?? 'reject';
    const onDuplicate = option('on-duplicate');
    if (!['reject', 'skip'].includes(onInvalid)) return usage(out, '--on-invalid must be reject or skip');
    if (onDuplicate !== undefined && !['create', 'skip'].includes(onDuplicate)) return usage(out, '--on-duplicate must be create or skip');
    const dryRun = values['dry-run'] === true;
    if (command === 'import vendors') {
      const file = positionals[0]!;
      const text = readText(file);
      const total = vendorCsvRowCount(text);
      const r = await importVendorsCsv(deps.store, deps.clock, ACTOR, text, {
        dryRun,
        onInvalid: onInvalid as 'reject' | 'skip',
        onDuplicate: onDuplicate as 'create' | 'skip' | undefined,
        progress: bar(out, 'vendors', total),
      });
      if (r.errors.length > 0) return reportErrors(out, r.errors);
      out.line(`${dryRun ? 'dry run, would have ' : ''}created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}`);
      for (const row of r.rows.filter((x) => x.action === 'duplicate' || x.action === 'skip')) {
        out.line(
          `  row ${row.row} (${row.name}): possible duplicate of ${row.duplicateOf?.name}; ${row.action === 'skip' ? 'skipped' : 'choose --on-duplicate create or skip'}`,
        );
      }
      reportSkipped(out, r.invalid, r.skipped, r.skippedTotal, 'row');
      return 0;
    }
    if (command === 'import veris') {
      const { records, errors } = verisRecords(positionals[0]!);
      if (errors.length > 0) return reportErrors(out, errors);
      const r = await importVeris(deps.store, deps.clock, deps.veris, records, {
        feed: deps.feed,
        actor: ACTOR,
        dryRun,
        onInvalid: onInvalid as 'reject' | 'skip',
        progress: bar(out, 'VERIS records', records.length),
      });
      if (r.errors.length > 0) return reportErrors(out, r.errors);
      out.line(`${dryRun ? 'dry run, would have ' : ''}created ${r.created}, updated ${r.updated}, vendors created ${r.vendorsCreated}`);
      if (r.warningsTotal > 0) out.line(`${r.warningsTotal} warning(s): fields left out, the records imported without them`);
      for (const w of r.warnings.slice(0, 50)) out.line(`  record ${String(w.id ?? w.index)}: ${w.message}`);
      if (r.warningsTotal > 50) out.line(`  … and ${r.warningsTotal - 50} more`);
      reportSkipped(out, r.invalid, r.skipped, r.skippedTotal, 'record');
      return 0;
    }
    if (command === 'export') {
      const file = option('out');
      if (!file) return usage(out, 'export needs --out FILE');
      const doc = exportAll(deps.store, deps.clock, deps.version);
      writeFileSync(file, `${JSON.stringify(doc, null, 1)}\n`);
      out.line(`exported ${doc.vendors.length} vendors and ${doc.incidents.length} incidents to ${file}`);
      return 0;
    }
    if (command === 'restore') {
      const file = positionals[0]!;
      const mode = (option('mode') ?? 'empty') as RestoreMode;
      if (!['empty', 'merge', 'replace'].includes(mode)) return usage(out, '--mode must be empty, merge or replace');
      const r = restore(deps.store, deps.clock, ACTOR, parseExport(readText(file)), mode, deps.feed);
      out.line(`restored (${r.mode}): ${r.vendors} vendors, ${r.incidents} incidents, ${r.snapshots} snapshots`);
      return 0;
    }
    if (command === 'report') {
      const quarter = option('quarter');
      const format = option('format') ?? 'json';
      const view = option('view') ?? 'frozen';
      const vs = option('vs');
      if (!quarter || !/^\d{4}-Q[1-4]$/.test(quarter) || (vs !== undefined && !/^\d{4}-Q[1-4]$/.test(vs)))
        return usage(out, '--quarter (and --vs) must be quarters as YYYY-Qn');
      if (!['json', 'csv', 'md'].includes(format) || !['frozen', 'restated'].includes(view))
        return usage(out, '--format must be json, csv or md, and --view frozen or restated');
      const report = deps.reports.quarterly(ACTOR, quarter, { vs, view: view as 'frozen' | 'restated' });
      const text = format === 'csv' ? reportCsv(report) : format === 'md' ? reportMarkdown(report) : `${JSON.stringify(report, null, 1)}\n`;
      const file = option('out');
      if (file) {
        writeFileSync(file, text);
        out.line(`wrote the ${quarter} report (${format}) to ${file}`);
      } else out.raw(text);
      return 0;
    }
    if (command === 'verify-scores') {
      const r = deps.keptScores.verify();
      for (const d of r.disagreements.slice(0, 200)) out.line(`  vendor ${d.vendorId} (${d.name}): ${d.problem}`);
      if (r.disagreements.length > 200) out.line(`  … and ${r.disagreements.length - 200} more`);
      const pending = r.pending > 0 ? `; ${r.pending} pending recomputation (known stale: the server recomputes them)` : '';
      out.line(`verify-scores: ${r.checked} vendor(s) checked, ${r.disagreements.length} disagreement(s) with what is kept${pending}`);
      return r.disagreements.length > 0 ? 1 : 0;
    }
    if (command === 'backup') {
      const file = option('out');
      if (!file) return usage(out, 'backup needs --out FILE');
      if (existsSync(file)) {
        out.line(`${file} exists; choose a new file`);
        return 1;
      }
      const result = backupTo(deps.store.db, file);
      for (const f of result.removedLeftovers) out.line(`removed ${f}, left by an interrupted backup`);
      const rows = Object.values(result.tables).reduce((a, n) => a + n, 0);
      out.line(`backed up to ${file} (checked: ${Object.keys(result.tables).length} tables, ${rows} rows)`);
      return 0;
    }
    return usage(out, `unknown command ${String(command)}`);
  } catch (e) {
    if (e instanceof ServiceError)
      return reportErrors(out, e.fields.length > 0 ? e.fields.map((f) => ({ path: f.path, message: f.message })) : [{ path: '', message: e.message }]);
    if (e instanceof TypeError && /encoded data was not valid/i.test(e.message))
      return reportErrors(out, [{ path: '', message: 'the file is not valid UTF-8' }]);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return reportErrors(out, [{ path: '', message: (e as Error).message }]);
    throw e;
  }
}

/** The usage, after what was wrong with the command line; exit 2. */
function usage(out: Output, problem?: string): number {
  if (problem) out.line(`${problem}\n`);
  for (const l of [
    'usage: npm run vendorscope -- <command>',
    '  import vendors FILE.csv [--dry-run] [--on-invalid reject|skip] [--on-duplicate create|skip]',
    '  import veris FILE_OR_DIR [--dry-run] [--on-invalid reject|skip]',
    '  export --out FILE.json',
    '  restore FILE.json [--mode empty|merge|replace]',
    '  backup --out FILE.sqlite',
    '  verify-scores   recompute every score and compare with what is kept (exit 1 on any disagreement)',
    '  report --quarter YYYY-Qn [--vs YYYY-Qn] [--view frozen|restated] [--format json|csv|md] [--out FILE]',
    BACKTEST_USAGE,
    QUESTIONNAIRE_USAGE,
  ])
    out.line(l);
  return 2;
}
