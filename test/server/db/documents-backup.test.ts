/** Documents live in the database: a backup carries their bytes, and the kept scores follow their writes (migration 0020's triggers). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTo } from '../../../server/db/backup.ts';
import { openDb } from '../../../server/db/open.ts';
import { testApp } from '../../helpers/app.ts';
import { PDF, soc2Meta, uploadDocument } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('documents in the database', () => {
  it('are in a backup, bytes and all', async () => {
    const { http, db } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody()).expect(201);
    await uploadDocument(http, 1, soc2Meta(), PDF).expect(201);
    const dir = mkdtempSync(join(tmpdir(), 'vs-docs-'));
    dirs.push(dir);
    const r = backupTo(db, join(dir, 'backup.sqlite'));
    expect(r.tables).toMatchObject({ documents: 1 });
    const copy = openDb(join(dir, 'backup.sqlite'));
    const row = copy.prepare<[], { content: Buffer; file_name: string }>('SELECT content, file_name FROM documents').get()!;
    copy.close();
    expect(row.file_name).toBe('report.pdf');
    expect(Buffer.compare(row.content, PDF)).toBe(0);
  });

  it('mark the vendor stale on every write, whatever wrote it (a hand edit too)', async () => {
    const { http, db } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody()).expect(201);
    const marks = () => db.prepare<[], { vendor_id: number; reason: string }>('SELECT vendor_id, reason FROM kept_stale').all();
    const clear = () => db.exec('DELETE FROM kept_stale');
    clear();
    db.prepare(
      `INSERT INTO documents (vendor_id, kind, details, file_name, media_type, size, sha256, content, uploaded_by, known_from, created_at)
       VALUES (1, 'iso27001', '{"certificateNumber":"X","expiresOn":"2026-01-01","title":null}', 'c.pdf', 'application/pdf', 3, 'x', X'414243', 'hand', '2026-11-29', '2026-11-29T00:00:00Z')`,
    ).run();
    expect(marks()).toEqual([{ vendor_id: 1, reason: 'posture' }]);
    clear();
    db.exec(`UPDATE documents SET details = '{"certificateNumber":"X","expiresOn":"2027-01-01","title":null}'`);
    expect(marks()).toEqual([{ vendor_id: 1, reason: 'posture' }]);
    clear();
    db.exec('DELETE FROM documents');
    expect(marks()).toEqual([{ vendor_id: 1, reason: 'posture' }]);
  });
});
