/** Facts of the demo portfolio that several browser-test files check the pages against, and a session on it. */
import type { Heatmap, HeatmapRow } from '../../server/services/scoring-service.ts';
import { useSession, type E2eSession, type UseSessionOptions } from './session.ts';

/** The titles of Okta's two support-system incidents. */
export const OKTA_2023 = "Stolen service-account credentials expose customer HAR files in Okta's support case system";
export const OKTA_2022 = 'Lapsus$ reaches Okta support tooling through a Sitel/Sykes contractor workstation';
/**
 * A day after Okta's October 2023 disclosure (2023-10-20), pinned: findings look back a fixed
 * window (3 years), so on "today" the repeat finding has aged out once late 2026 is reached.
 */
export const AFTER_OKTA_2023 = '2023-10-31';
/** The id of the finding that Okta's support staff do not use phishing-resistant MFA. */
export const SUPPORT_MFA_FINDING = 'support-mfa-not-phishing-resistant:mfa:support';

/**
 * A session for the enclosing describe block (useSession: a fresh signed-in page per test, opened at `openAt` if given),
 * with today's heatmap of the demo portfolio fetched first: `vendor('Okta')` is Okta's row in it.
 */
export function usePortfolioSession(
  chromiumPath: string,
  o: Pick<UseSessionOptions, 'openAt' | 'quietConsole'> = {},
): { s: E2eSession; heatmap: () => Heatmap; vendor: (name: string) => HeatmapRow } {
  let heatmap: Heatmap;
  const s = useSession(chromiumPath, {
    ...o,
    start: async () => {
      heatmap = await s.api<Heatmap>('/portfolio/heatmap');
    },
  });
  return { s, heatmap: () => heatmap, vendor: (name) => heatmap.rows.find((r) => r.name === name)! };
}
