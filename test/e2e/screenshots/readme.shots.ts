/**
 * The README's pictures, taken from the app on the demo portfolio as a signed-in admin, 1000 px
 * wide: each a page's first screen (or one element), written to docs/screenshots/NAME.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Heatmap } from '../../../server/services/scoring-service.ts';
import { chromiumForTests, PROJECT_ROOT } from '../harness.ts';
import { useSession } from '../session.ts';
import { AFTER_OKTA_2023 } from '../demo.ts';

const chromiumPath = chromiumForTests();
const OUT = join(PROJECT_ROOT, 'docs', 'screenshots');

describe.skipIf(!chromiumPath)('the README’s screenshots', () => {
  let ids: Map<string, number>;
  const s = useSession(chromiumPath!, {
    viewport: { width: 1000, height: 900 },
    start: async () => {
      ids = new Map((await s.api<Heatmap>('/portfolio/heatmap')).rows.map((r) => [r.name, r.vendorId]));
    },
    openAt: '/portfolio',
  });
  const id = (name: string) => ids.get(name)!;

  /** Opens a path, waits for what shows once it is drawn, and keeps the first `height` pixels. */
  const page = async (name: string, path: string, ready: string, height: number, p: Page = s.page) => {
    await p.goto(s.url(path));
    await p.locator(ready).first().waitFor();
    await p.mouse.move(0, 0);
    await p.evaluate(() => document.fonts.ready);
    mkdirSync(OUT, { recursive: true });
    await p.screenshot({ path: join(OUT, `${name}.png`), clip: { x: 0, y: 0, width: 1000, height } });
  };
  const element = async (name: string, l: Locator) => {
    await l.scrollIntoViewIfNeeded();
    await l.screenshot({ path: join(OUT, `${name}.png`) });
  };

  /** The portfolio in compact rows, so that its first screen shows the heatmap (each test's page starts with the default). */
  const compactRows = () => s.page.evaluate(() => localStorage.setItem('vendorscope.heatmap.density', 'compact'));

  it('takes each page’s first screen', async () => {
    await compactRows();
    await page('portfolio', '/portfolio', 'vr-heatmap tbody tr[data-vendor-id]', 900);
    await page('matrix', '/matrix', 'vr-risk-matrix svg', 698);
    await page('trends', '/trends', 'vr-trend-heatmap tbody tr', 714);
    await page('vendor', `/vendors/${id('Okta')}?asOf=${AFTER_OKTA_2023}`, 'vr-incident-list article', 929);
    await page('compare', `/compare?ids=${id('Okta')},${id('Cloudflare')}`, 'vr-compare-table thead th[data-vendor-id]', 857);
    await page('graph', '/graph', 'vr-graph-edge-table tbody tr', 857);
    await page('methodology', '/methodology', 'vr-methodology-ranking table', 857);
    await page('report', '/reports/2023-Q4', 'vr-report-vendor table.factors', 929);
    await page('reviews', `/reviews?asOf=${AFTER_OKTA_2023}`, 'vr-due-table tbody tr', 786);
    await page('dossier-print', `/vendors/${id('Okta')}/print?asOf=${AFTER_OKTA_2023}`, 'vr-dossier-print-page h1', 929);
    await page('audit', '/admin/audit', 'vr-audit-table tbody tr[data-audit-id]', 714);
  });

  it('takes the dossier’s panels: the what-if with a scenario, the review', async () => {
    await s.go(`/vendors/${id('Okta')}?asOf=${AFTER_OKTA_2023}`);
    const whatIf = s.page.locator('vr-what-if-panel');
    await whatIf.locator('.scenarios').getByRole('checkbox', { name: 'All support staff on FIDO2, enforced' }).check();
    await s.page.locator('vr-what-if-result .moves tr[data-factor]').first().waitFor();
    await element('what-if', whatIf);
    await element('vendor-review', s.page.locator('vr-vendor-page #review'));
  });

  it('takes the add-vendor form with the server’s words beside a field', async () => {
    await s.go('/portfolio');
    await s.page.locator('vr-add-vendor button', { hasText: 'Add vendor' }).click();
    const form = s.page.locator('vr-vendor-form');
    await form.locator('#add-name').fill('Okta');
    await form.getByRole('button', { name: 'Add vendor' }).click();
    await form.locator('#add-tier-error').waitFor();
    await element('add-vendor', s.page.locator('vr-add-vendor vr-edit-dialog dialog'));
    await s.page.keyboard.press('Escape');
  });

  it('takes the portfolio in the dark scheme', async () => {
    await compactRows();
    await s.page.emulateMedia({ colorScheme: 'dark' });
    await page('dark-portfolio', '/portfolio', 'vr-heatmap tbody tr[data-vendor-id]', 900);
  });
});
