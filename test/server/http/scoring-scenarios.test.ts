/** The methodology's "done when" checks, through the API. */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, mfaItem, vendorBody } from '../../helpers/fixtures.ts';

const supportChannel = {
  supportInvolved: true,
  supportInvolvementType: 'in-house-support-system',
  initialAccessVectors: ['stolen-credentials'],
} as const;

describe('scoring through the API', () => {
  it('rates Okta higher as of 2023-10-31 than as of 2023-09-30 on the demo portfolio', async () => {
    const { http } = demoApp();
    const okta = (await http.get('/api/v1/vendors?q=okta')).body.items[0];
    const at = async (asOf: string) => (await http.get(`/api/v1/vendors/${okta.id}/score?asOf=${asOf}`)).body;
    const [before, after] = [await at('2023-09-30'), await at('2023-10-31')];
    expect(after.risk).toBeGreaterThan(before.risk);
    // In September 2023 nothing public yet said how Okta's own support handled HAR files: the support chain was
    // unknown, and with it and most of MFA unknown, Okta was not assessed (its residual risk still moderate).
    expect([before.band, after.band]).toEqual(['not-assessed', 'critical']);
    expect([before.assessed, before.evidenceCoverage, before.inherentBand]).toEqual([false, 0.58, 'high']);
    expect(before.toAssess.map((m: { text: string }) => m.text)).toEqual([expect.stringMatching(/^The support chain/)]);
    expect(after.findings[0]).toMatchObject({ rule: 'repeat-root-cause', severity: 'critical' });
    expect(before.findings.map((f: { rule: string }) => f.rule)).not.toContain('repeat-root-cause');
  });

  it('raises the vendor with a 2022 support-channel incident more for the same new support-channel incident', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'With history' }));
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Without' }));
    const earlier = {
      title: '2022 incident',
      severity: 'high',
      intrusionStartDate: '2022-01-16',
      detectedByVendorDate: '2022-01-20',
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2022-03-22',
      confidence: 'high',
    } as const;
    await http.post('/api/v1/vendors/1/incidents').send(
      incidentBody({
        ...earlier,
        ref: 'a-2022',
        ...supportChannel,
        initialAccessVectors: [...supportChannel.initialAccessVectors],
        supportInvolvementType: 'outsourced-support-provider',
      }),
    );
    // The same incident for the other vendor, but through a vulnerability, not support.
    await http
      .post('/api/v1/vendors/2/incidents')
      .send(
        incidentBody({ ...earlier, ref: 'b-2022', supportInvolved: false, supportInvolvementType: 'none', initialAccessVectors: ['vulnerability-exploit'] }),
      );
    const score = async (id: number) => (await http.get(`/api/v1/vendors/${id}/score?asOf=2023-10-31`)).body;
    const [a0, b0] = [await score(1), await score(2)];
    expect(a0.risk).toBe(b0.risk);
    for (const id of [1, 2])
      await http
        .post(`/api/v1/vendors/${id}/incidents`)
        .send(incidentBody({ ref: 'new-2023', ...supportChannel, initialAccessVectors: [...supportChannel.initialAccessVectors] }));
    const [a1, b1] = [await score(1), await score(2)];
    expect(a1.risk - a0.risk).toBeGreaterThan(b1.risk - b0.risk);
    expect(a1.findings.map((f: { rule: string }) => f.rule)).toContain('repeat-root-cause');
    expect(b1.findings.map((f: { rule: string }) => f.rule)).not.toContain('repeat-root-cause');
  });

  it('lowers likelihood when support-staff MFA changes from SMS to FIDO2', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody());
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ population: 'support', method: 'sms' })] });
    // Recorded today, so scored as of today (the records are known from the day they are recorded).
    const sms = (await http.get('/api/v1/vendors/1/score')).body;
    await http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ population: 'support', method: 'fido2' })] });
    const fido2 = (await http.get('/api/v1/vendors/1/score')).body;
    expect(sms.factors.find((f: { id: string }) => f.id === 'mfa').known).toBe(true);
    expect(fido2.likelihood).toBeLessThan(sms.likelihood);
  });
});
