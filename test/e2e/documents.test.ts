/**
 * Evidence documents on the dossier in a real browser, as the admin: the server's refusals beside
 * their fields (an HTML page named .pdf at the file, a period that ends before it starts at Period
 * end), nothing written; a SOC 2 report past its 12 months uploaded through the form shows as
 * expired, becomes a gap in the score linking to it; a text file's content is never shown on the
 * page; the download is an attachment with the file's name. Each stage passes axe. Each test adds
 * a vendor of its own (no document yet) and opens its dossier, so what one uploads no other sees.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../server/domain/document.ts';
import { vendorBody } from '../helpers/fixtures.ts';
import { chromiumForTests } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const MARKER = 'BRIDGE-LETTER-CONTENT-NEVER-SHOWN';

describe.skipIf(!chromiumPath)('evidence documents on the dossier, in Chromium', () => {
  /** The vendor of the running test (set by openOwnVendor, first thing in each test). */
  let vendorId: number;
  let added = 0;
  const s = useSession(chromiumPath!, {});
  /** Adds a vendor of the test's own and opens its dossier at the document list. */
  const openOwnVendor = async () => {
    const res = await s.call('/vendors', { method: 'POST', body: vendorBody({ name: `Document probe ${++added}` }) });
    expect(res.status, await res.clone().text()).toBe(201);
    vendorId = ((await res.json()) as { id: number }).id;
    await s.go(`/vendors/${vendorId}`);
    await s.page.locator('vr-document-list h2').waitFor();
  };
  const form = () => s.page.locator('vr-document-form');
  const documents = async () => (await s.api<{ items: Document[] }>(`/vendors/${vendorId}/documents`)).items;
  const fillSoc2 = async (periodStart: string, periodEnd: string) => {
    await form().getByLabel('Kind').selectOption('soc2');
    await form().locator('#doc-periodStart').fill(periodStart);
    await form().locator('#doc-periodEnd').fill(periodEnd);
    await form().locator('#doc-auditor').fill('Example Assurance LLP');
    await form().locator('#doc-exceptions').fill('2');
  };
  /** Chromium logs each refused request as a console error: those the test asked for are expected. */
  const expectOnlyRefusals = (n: number) => {
    expect(s.problems.filter((p) => !/status of 4(00|15) \(/.test(p))).toEqual([]);
    expect(s.problems).toHaveLength(n);
    s.problems.length = 0;
  };

  it('lists none at first, with the upload form, and passes axe', async () => {
    await openOwnVendor();
    expect(await s.page.locator('vr-document-list h2').textContent()).toContain('Evidence documents (0)');
    await form().getByLabel('Kind').waitFor();
    await s.expectNoAxeViolations();
  });

  it("shows the server's refusals beside their fields and writes nothing", async () => {
    await openOwnVendor();
    await fillSoc2('2024-01-01', '2024-06-30');
    await form().getByLabel('File').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: HTML });
    await form().getByRole('button', { name: 'Upload' }).click();
    const fileError = form().locator('#doc-file-error');
    await fileError.waitFor();
    expect(await fileError.textContent()).toContain('not a PDF, PNG, JPEG or plain text');
    expect(await form().getByLabel('File').getAttribute('aria-invalid')).toBe('true');

    await fillSoc2('2024-07-01', '2024-06-30');
    await form().getByLabel('File').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form().getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => form().locator('#doc-periodEnd-error').count()).toBe(1);
    expect(await form().locator('#doc-periodEnd-error').textContent()).toContain('the period starts after it ends');
    // Focus moved to the first field the server named.
    expect(
      await form()
        .locator('[aria-invalid="true"]')
        .first()
        .evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    ).toBe(true);
    expect(await documents()).toEqual([]);
    await s.expectNoAxeViolations();
    expectOnlyRefusals(2);
  });

  it('uploads a SOC 2 report past its 12 months: listed as expired, a gap in the score that links to it', async () => {
    await openOwnVendor();
    await fillSoc2('2024-01-01', '2024-06-30');
    await form().getByLabel('File').setInputFiles({ name: 'okta-soc2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form().getByRole('button', { name: 'Upload' }).click();
    await form().locator('.outcome.ok', { hasText: 'Uploaded okta-soc2.pdf' }).waitFor();
    const [doc] = await documents();
    expect(doc).toMatchObject({ kind: 'soc2', expired: true, expiresOn: '2025-06-30' });
    const row = s.page.locator(`vr-document-list tr#document-${doc!.id}`);
    expect(await row.locator('th').textContent()).toContain('SOC 2 report');
    expect(await row.locator('.expiry').textContent()).toBe('Expired on 2025-06-30');
    expect(await row.textContent()).toContain('Type II · 2024-01-01 to 2024-06-30 · Example Assurance LLP · 2 exceptions · no bridge letter');
    // The score (reloaded after the upload) names the lapsed report among its gaps, linked to its row.
    const gap = s.page.locator('vr-gaps-list li', { hasText: 'expired on 2025-06-30' });
    await gap.waitFor();
    expect(await gap.locator('a').getAttribute('href')).toBe(`#document-${doc!.id}`);
    await gap.locator('a').click();
    await expect.poll(() => row.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await s.expectNoAxeViolations();
    await s.shootElement(s.page.locator('vr-document-list'), 'vendor-documents.png');
  });

  it("never shows a text document's content, and downloads it as an attachment with its name", async () => {
    await openOwnVendor();
    await form().getByLabel('Kind').selectOption('other');
    await form().getByLabel('Title', { exact: true }).fill('Bridge letter');
    await form()
      .getByLabel('File')
      .setInputFiles({ name: 'bridge.txt', mimeType: 'text/plain', buffer: Buffer.from(`${MARKER}\n<b>not markup</b>\n`) });
    await form().getByRole('button', { name: 'Upload' }).click();
    await form().locator('.outcome.ok', { hasText: 'Uploaded bridge.txt' }).waitFor();
    const text = s.page.locator('vr-document-list tr', { hasText: 'bridge.txt' });
    await text.waitFor();
    expect(await s.page.locator('vr-document-list').evaluate((el) => el.shadowRoot!.innerHTML)).not.toContain(MARKER);
    const [download] = await Promise.all([s.page.waitForEvent('download'), text.getByRole('link', { name: /Download/ }).click()]);
    expect(download.suggestedFilename()).toBe('bridge.txt');
    // The page stayed where it was: nothing was opened or rendered.
    expect(s.page.url()).toContain(`/vendors/${vendorId}`);
    await s.expectNoAxeViolations();
  });
});
