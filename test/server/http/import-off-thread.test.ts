/**
 * A large import does not freeze other requests: its body is read in a worker, and its records are
 * written 100 to a transaction with the event loop free in between.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { testApp } from '../../helpers/app.ts';

const DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb');
const sample = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, any>);
const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ...structuredClone(sample[i % sample.length]!),
    incident_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));

describe('a large import and everyone else', () => {
  it('answers other requests while a job is writing its records, batch by batch', async () => {
    const { http, deps } = testApp();
    const total = 1500;
    const started = await http
      .post('/api/v1/import/veris')
      .set('Content-Type', 'application/x-ndjson')
      .send(
        records(total)
          .map((r) => JSON.stringify(r))
          .join('\n'),
      );
    expect(started.status).toBe(202);
    // What other requests saw of the import while it ran: a part written is only visible between transactions.
    const seen = new Set<number>();
    let job = started.body;
    for (let i = 0; i < 2000 && job.state === 'running'; i++) {
      const health = await http.get('/api/v1/health');
      expect(health.status).toBe(200);
      seen.add(deps.store.incidents.list({ source: 'veris', limit: 1, offset: 0 }).total);
      job = (await http.get(`/api/v1/jobs/${job.id}`)).body;
    }
    expect(job.state).toBe('succeeded');
    const partly = [...seen].filter((n) => n > 0 && n < total);
    // One transaction would show 0, then all of them; batches of 100 show the import part-way.
    expect(partly.length).toBeGreaterThan(0);
    expect(partly.every((n) => n % 100 === 0)).toBe(true);
    expect(deps.store.incidents.list({ source: 'veris', limit: 1, offset: 0 }).total).toBe(total);
  });
});
