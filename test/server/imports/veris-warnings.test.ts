/**
 * Real VERIS data as it is: an invalid optional field is a warning and the record imports without
 * it; only a record without a usable id, victim name or incident year is invalid, and refuses the
 * import (onInvalid=reject, the default) or is skipped and reported (onInvalid=skip). The records
 * are real VCDB incidents (test/fixtures/vcdb) and edited copies with typos (test/fixtures/vcdb-typos).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { expectNoWrite, expectProblem, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

type Http = ReturnType<typeof testApp>['http'];
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures');
const read = (dir: string, file: string) => JSON.parse(readFileSync(join(FIXTURES, dir, file), 'utf8')) as Record<string, any>;
const typo = (name: string) =>
  read(
    'vcdb-typos',
    readdirSync(join(FIXTURES, 'vcdb-typos')).find((f) => f.includes(`.${name}.`))!,
  );
const real = (id: string) => read('vcdb', `${id}.json`);
const sample = readdirSync(join(FIXTURES, 'vcdb'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => read('vcdb', f));
const post = (http: Http, records: unknown, qs = '') =>
  http.post(`/api/v1/import/veris${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(records));
const incidents = async (http: Http) => (await http.get('/api/v1/incidents?source=veris&limit=1000')).body.items as Array<Record<string, any>>;

const NHS = '00204495-81A8-4D51-B4FE-896AA0F89DA2';
const LEXIS = '064F5887-C2DA-4139-B3AA-D55906F8C30A';

describe('an invalid optional field', () => {
  it('(a notification month of 20) is a warning: the record imports, its disclosure date to the year', async () => {
    const { http } = testApp();
    const res = await post(http, [typo('notification-month-20'), real(LEXIS)]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 2, invalid: 0, errors: [], warningsTotal: 1 });
    expect(res.body.warnings).toEqual([
      {
        path: 'records.0.plus.timeline.notification.month',
        index: 0,
        id: NHS,
        field: 'plus.timeline.notification.month',
        value: 20,
        message: 'plus.timeline.notification.month 20 is not a month (1 to 12); the date is imported as its year alone, 2016',
      },
    ]);
    const nhs = (await incidents(http)).find((i) => i.source.id === NHS)!;
    expect(nhs).toMatchObject({ intrusionStartDate: '2016-05-26', publicDisclosureDate: '2016' });
  });

  it('(the 31st of September) keeps the month of the date', async () => {
    const { http } = testApp();
    const res = await post(http, typo('september-31'));
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        id: LEXIS,
        field: 'plus.timeline.notification.day',
        value: 31,
        message: expect.stringContaining('2013-09-31 is not a calendar day'),
      }),
    ]);
    expect((await incidents(http))[0]!).toMatchObject({ publicDisclosureDate: '2013-09' });
  });

  it('(unknown enumerations) leaves out just those values, one warning each', async () => {
    const { http } = testApp();
    const res = await post(http, typo('unknown-values'));
    expect(res.body).toMatchObject({ created: 1, warningsTotal: 2 });
    expect(res.body.warnings.map((w: { field: string; value: unknown }) => [w.field, w.value])).toEqual([
      ['victim.employee_count', '1001 to 100000'],
      ['action.hacking.variety.1', 'Use of backdoor or C3'],
    ]);
    expect(res.body.warnings[1].message).toBe('action.hacking.variety.1 "Use of backdoor or C3" is not a VERIS value; imported without it');
    // The rest of the action is kept.
    expect((await incidents(http))[0]!.initialAccessDetail).toBe('hacking via Web application; malware: Backdoor, Capture app data');
  });

  it('(a misspelt key, "summery") is left out: the record imports without a summary', async () => {
    const { http } = testApp();
    const res = await post(http, typo('summery'));
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ id: NHS, field: 'summery', message: 'summery is not a field of VERIS 1.3.4; imported without it' }),
    ]);
    expect((await incidents(http))[0]!.title).toBe(`VERIS incident ${NHS}`);
  });

  it('(a field VERIS requires but Vendorscope does not, such as actor) is a warning too', async () => {
    const { http } = testApp();
    const r = real(NHS);
    delete r.actor;
    const res = await post(http, r);
    expect(res.body).toMatchObject({
      created: 1,
      warnings: [expect.objectContaining({ field: 'actor', value: null, message: 'actor is missing (VERIS requires it); imported as unknown' })],
    });
  });

  it('in the real sample (notifications dated before the incident) is reported for each record, which imports without that date', async () => {
    const { http } = testApp();
    const res = await post(http, sample);
    expect(res.body).toMatchObject({ created: 155, invalid: 0, errors: [], warningsTotal: 4 });
    const early = [
      '8769D8BE-FE44-4CD9-9322-54C69991E94C',
      '9C7D9315-68D2-417D-BFB9-F00F1A584EE7',
      'E4FF6839-D564-45C8-986B-0926724BC772',
      'c88fbc70-057f-11ea-a6b7-b9a04765ea4f',
    ];
    expect(res.body.warnings.map((w: { id: string }) => w.id).sort()).toEqual(early.sort());
    expect(res.body.warnings.find((w: { id: string }) => w.id === early[1])).toMatchObject({
      field: 'plus.timeline.notification',
      value: '2013-02-22',
      message: 'plus.timeline.notification 2013-02-22 is before the incident (2014); imported without it',
    });
    const imported = await incidents(http);
    for (const id of early) expect(imported.find((i) => i.source.id === id)!.publicDisclosureDate, id).toBeNull();
  });
});

describe('an invalid record (no usable id, victim name or incident year)', () => {
  const batch = () => [real(NHS), typo('year-as-text'), typo('no-incident-id'), typo('notification-month-20'), real(LEXIS)];

  it('refuses the whole import by default, naming the record, its id and the field, and writes nothing', async () => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => post(http, batch()));
    expectProblem(res, 400, 'import-invalid');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'records.1.timeline.incident.year',
        index: 1,
        id: NHS,
        field: 'timeline.incident.year',
        message: expect.stringContaining('"2o16" is not a usable incident date'),
      }),
      expect.objectContaining({ path: 'records.2', index: 2, id: null, message: expect.stringContaining('incident_id is missing') }),
    ]);
  });

  it('is skipped with onInvalid=skip: the valid records import, each skipped one is reported, with the counts', async () => {
    const { http } = testApp();
    const res = await post(http, batch(), '?onInvalid=skip');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // NHS twice (the second, with its warning, wins), LexisNexis once.
    expect(res.body).toMatchObject({ created: 2, updated: 0, invalid: 2, skippedTotal: 2, warningsTotal: 1, errors: [] });
    expect(res.body.skipped.map((s: { index: number; id: string | null; field: string | null }) => [s.index, s.id, s.field])).toEqual([
      [1, NHS, 'timeline.incident.year'],
      [2, null, null],
    ]);
    expect((await incidents(http)).map((i) => i.source.id).sort()).toEqual([NHS, LEXIS]);
  });

  it('includes an NDJSON line that is not JSON: skipped with its line number, the other lines imported', async () => {
    const { http } = testApp();
    const ndjson = [JSON.stringify(real(NHS)), '{"incident_id": ', JSON.stringify(real(LEXIS))].join('\n');
    const res = await http.post('/api/v1/import/veris?onInvalid=skip').set('Content-Type', 'application/x-ndjson').send(ndjson);
    expect(res.body).toMatchObject({ created: 2, invalid: 1, skipped: [expect.objectContaining({ path: 'lines.2', line: 2, index: 1 })] });
  });
});

describe('a dry run', () => {
  it('shows each record, the vendor it would land on (by name, by alias, its incident’s, or new) and its warnings, writing nothing', async () => {
    const { http, db } = testApp();
    const nhs = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'National Health Service (England)', website: null, aliases: ['NHS England'] })))
      .body;
    const lexis = real(LEXIS);
    await post(http, lexis);
    const zendesk = real('9C7D9315-68D2-417D-BFB9-F00F1A584EE7');
    const other = sample.find((r) => r.victim?.victim_id === 'Hostinger ')!;
    const res = await expectNoWrite(db, () => post(http, [typo('notification-month-20'), lexis, zendesk, other], '?dryRun=true'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, created: 3, updated: 1, vendorsCreated: 2, warningsTotal: 2 });
    const lexisVendor = (await incidents(http))[0]!.vendorId;
    expect(res.body.records).toEqual([
      {
        index: 0,
        id: NHS,
        title: 'Outsourced courier company delivers wrong PHI',
        action: 'create',
        vendor: { vendorId: nhs.id, name: 'National Health Service (England)', match: 'alias' },
        warnings: 1,
      },
      {
        index: 1,
        id: LEXIS,
        title: expect.any(String),
        action: 'update',
        vendor: { vendorId: lexisVendor, name: 'LexisNexis', match: 'incident' },
        warnings: 0,
      },
      {
        index: 2,
        id: zendesk.incident_id,
        title: expect.any(String),
        action: 'create',
        vendor: { vendorId: null, name: 'Zendesk', match: 'new' },
        warnings: 1,
      },
      {
        index: 3,
        id: other.incident_id,
        title: expect.any(String),
        action: 'create',
        vendor: { vendorId: null, name: 'Hostinger', match: 'new' },
        warnings: 0,
      },
    ]);
  });

  it('lists the problems of invalid records with a 200, like the CSV one', async () => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => post(http, [real(NHS), typo('year-as-text')], '?dryRun=true'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, invalid: 1, errors: [expect.objectContaining({ index: 1 })] });
  });
});

describe('vendor aliases', () => {
  it('are matched on import, so that a known vendor is not duplicated ("Microsoft Corp" → Microsoft)', async () => {
    const { http } = testApp();
    const ms = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', website: 'https://microsoft.com', aliases: ['Microsoft Corp'] }))).body;
    const r = real(NHS);
    r.victim.victim_id = ' microsoft   CORP ';
    const res = await post(http, r);
    expect(res.body).toMatchObject({ created: 1, vendorsCreated: 0 });
    expect((await http.get(`/api/v1/vendors/${ms.id}/incidents`)).body.items).toHaveLength(1);
    expect((await http.get('/api/v1/vendors')).body.total).toBe(1);
  });
});

describe('the lists an import returns', () => {
  it('keep the first 1,000 warnings and count them all', async () => {
    const { http } = testApp();
    const records = Array.from({ length: 600 }, (_, i) => {
      const r = typo('unknown-values');
      r.incident_id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return r;
    });
    const res = await post(http, records, '?dryRun=true');
    expect(res.body).toMatchObject({ created: 600, warningsTotal: 1200 });
    expect(res.body.warnings).toHaveLength(1000);
  });
});
