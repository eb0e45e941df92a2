/** What the app says about itself: version, database health, and where the demo data comes from. */
import type { Store } from '../db/store.ts';

export const DEMO_COMPANY_KEY = 'demo-company';

export const DATA_SOURCES = [
  {
    name: 'Vendorscope incident reference dataset',
    scope: 'Public incidents and posture statements of the demo portfolio',
    license: 'Facts carried over from the cited public sources; text written in our own words',
    note: 'Every incident and posture statement links to its sources.',
  },
] as const;

export function aboutService(store: Store, version: string) {
  return {
    health: () => {
      let db: 'ok' | 'unavailable';
      try {
        db = store.meta.ping() ? 'ok' : 'unavailable';
      } catch {
        db = 'unavailable';
      }
      return { status: db === 'ok' ? ('ok' as const) : ('degraded' as const), version, db };
    },
    about: () => {
      const company = store.meta.get(DEMO_COMPANY_KEY);
      return {
        product: 'Vendorscope',
        version,
        demo: company ? (JSON.parse(company) as { name: string; fictional: boolean; note: string; seededAt: string }) : null,
        dataSources: DATA_SOURCES,
      };
    },
  };
}
