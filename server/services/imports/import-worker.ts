/**
 * The import worker: decodes a body (UTF-8 only), parses it and, for VERIS, checks every record,
 * off the thread that serves requests. It touches no database; what it finds goes back to
 * import-reading.ts, which writes it. Messages: `counted` (how many records, as soon as known),
 * `progress`, then `done` or `failed`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { parseExport } from './full-export.ts';
import { csvParseCost, jsonParseCost } from './parse-cost.ts';
import { prepareVeris, readVerisBody, TooCostly, UnreadableBody, type OnInvalid } from './veris-prepare.ts';
import { verisValidator } from './veris-schema.ts';
import { ServiceError } from '../errors.ts';

export type WorkerTask =
  | { readonly kind: 'veris'; readonly bytes: Uint8Array; readonly onInvalid: OnInvalid }
  | { readonly kind: 'csv'; readonly bytes: Uint8Array }
  | { readonly kind: 'export'; readonly bytes: Uint8Array };

/** A failure the client caused, carried back as data (errors do not cross threads with their class). */
export type WorkerFailure =
  | { readonly reason: 'bad-encoding' }
  | { readonly reason: 'too-large'; readonly message: string }
  | { readonly reason: 'unreadable'; readonly errors: readonly { path: string; message: string; [k: string]: unknown }[] }
  | { readonly reason: 'csv-syntax'; readonly line: number; readonly message: string }
  | {
      readonly reason: 'service';
      readonly kind: ServiceError['kind'];
      readonly code: string;
      readonly message: string;
      readonly fields: ServiceError['fields'];
    };

export type WorkerMessage =
  | { readonly type: 'counted'; readonly total: number }
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly result: unknown }
  | { readonly type: 'failed'; readonly failure: WorkerFailure }
  | { readonly type: 'crashed'; readonly message: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const { verisSchemaDir, heapMb } = workerData as { verisSchemaDir: string; heapMb: number };
const validate = verisValidator(verisSchemaDir);
/** What one JSON.parse may cost: half the heap, so that a parse never meets the limit (parse-cost.ts). */
const maxCost = heapMb * 1024 * 1024 * 0.5;

function run(task: WorkerTask, send: (m: WorkerMessage) => void): void {
  let text: string;
  try {
    text = UTF8.decode(task.bytes).replace(/^\uFEFF/, '');
  } catch {
    return send({ type: 'failed', failure: { reason: 'bad-encoding' } });
  }
  try {
    if (task.kind === 'veris') {
      // Counting first lets the request answer 202 at once when the import is large.
      const { total, records } = readVerisBody(text, maxCost);
      send({ type: 'counted', total });
      const result = prepareVeris(records, validate, { onInvalid: task.onInvalid, progress: (done) => send({ type: 'progress', done }) });
      return send({ type: 'done', result });
    }
    if (task.kind === 'csv') {
      if (csvParseCost(text) > maxCost) throw new TooCostly();
      const records = parseCsv(text);
      send({ type: 'counted', total: Math.max(0, records.length - 1) });
      return send({ type: 'done', result: records });
    }
    if (jsonParseCost(text) > maxCost) throw new TooCostly();
    return send({ type: 'done', result: parseExport(text) });
  } catch (e) {
    if (e instanceof TooCostly) return send({ type: 'failed', failure: { reason: 'too-large', message: e.message } });
    if (e instanceof UnreadableBody) return send({ type: 'failed', failure: { reason: 'unreadable', errors: e.errors } });
    if (e instanceof CsvSyntaxError) return send({ type: 'failed', failure: { reason: 'csv-syntax', line: e.line, message: e.message } });
    if (e instanceof ServiceError)
      return send({ type: 'failed', failure: { reason: 'service', kind: e.kind, code: e.code, message: e.message, fields: e.fields } });
    return send({ type: 'crashed', message: (e as Error).stack ?? String(e) });
  }
}

parentPort?.on('message', (task: WorkerTask) => run(task, (m) => parentPort!.postMessage(m)));
