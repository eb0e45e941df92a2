/** testApp with the demo portfolio seeded, and a vendor's id by name. */
import { loadConfig } from '../../server/config.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { loadDemoPortfolio } from '../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../server/services/seed-service.ts';
import type { DepsOptions } from '../../server/deps.ts';
import { testApp } from './app.ts';

/** `exampleDecisions: false` leaves out the example decisions (Okta's), for tests of a vendor never reviewed. */
export function demoApp(over: Partial<DepsOptions> = {}, opts: { exampleDecisions?: boolean } = {}) {
  const t = testApp(over);
  const demo = loadDemoPortfolio(loadConfig({}).seedDir);
  seedDemoPortfolio(t.deps.store, opts.exampleDecisions === false ? { ...demo, reviews: [] } : demo, t.deps.clock, { reset: false, actor: SYSTEM });
  const idOf = (name: string): number => t.deps.store.vendors.findByName(name)!.id;
  return { ...t, idOf };
}
