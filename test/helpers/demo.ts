/** testApp with the demo portfolio seeded, and a vendor's id by name. */
import { loadConfig } from '../../server/config.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { loadDemoPortfolio } from '../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../server/services/seed-service.ts';
import type { DepsOptions } from '../../server/deps.ts';
import { testApp } from './app.ts';

export function demoApp(over: Partial<DepsOptions> = {}) {
  const t = testApp(over);
  seedDemoPortfolio(t.deps.store, loadDemoPortfolio(loadConfig({}).seedDir), t.deps.clock, { reset: false, actor: SYSTEM });
  const idOf = (name: string): number => t.deps.store.vendors.findByName(name)!.id;
  return { ...t, idOf };
}
