/**
 * The alerts sink: for each recorded change, the in-app notifications of the users whose rules
 * match it, and the outbox rows (e-mail, webhook) the dispatcher will send. It runs inside the
 * recording transaction (changes-service.ts), so a change and its deliveries are written together.
 */
import type { Store } from '../../db/store.ts';
import type { Change } from '../../domain/change.ts';
import type { ChangeSink } from '../changes/changes-service.ts';
import { ruleMatches, webhookMatches, type VendorFacts } from './match.ts';

export interface SinkOptions {
  /** False when no SMTP server is configured: no e-mail deliveries are queued (they could never be sent). */
  readonly email: boolean;
}

/** Digests go out once the day they collect is over (UTC). */
export const digestDue = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

export function alertsSink(store: Store, opts: SinkOptions): ChangeSink {
  return (changes) => {
    const webhooks = store.webhooks.enabled();
    // Looked up once per recorded batch: a rescore may record thousands of changes at once.
    const rulesOf = new Map<string, ReturnType<Store['watchRules']['ofKind']>>();
    const emails = new Map<number, string>();
    const emailOf = (userId: number) => {
      if (!emails.has(userId)) emails.set(userId, store.users.find(userId)?.email ?? '');
      return emails.get(userId)!;
    };
    for (const c of changes) {
      const v = c.vendorId === null ? undefined : store.vendors.find(c.vendorId);
      const vendor: VendorFacts | undefined = v && { tier: v.tier, businessOwner: v.businessOwner };
      if (!rulesOf.has(c.kind)) rulesOf.set(c.kind, store.watchRules.ofKind(c.kind));
      for (const rule of rulesOf.get(c.kind)!) {
        if (!ruleMatches(rule, c, vendor, emailOf(rule.userId))) continue;
        if (rule.inApp) store.notifications.add(rule.userId, c.id, c.at);
        if (opts.email && rule.email !== 'off') queueMail(store, rule.userId, rule.email, c);
      }
      for (const w of webhooks) {
        if (webhookMatches(w, c, vendor))
          store.deliveries.add({ channel: 'webhook', key: `webhook-${w.id}-change-${c.id}`, webhookId: w.id, nextAt: c.at }, c.id, c.at);
      }
    }
  };
}

function queueMail(store: Store, userId: number, mode: 'immediate' | 'digest', c: Change): void {
  if (mode === 'immediate') {
    store.deliveries.add({ channel: 'email', key: `email-${userId}-change-${c.id}`, userId, nextAt: c.at }, c.id, c.at);
    return;
  }
  const day = c.at.slice(0, 10);
  store.deliveries.add({ channel: 'email', key: `digest-${userId}-${day}`, userId, digestDay: day, nextAt: digestDue(day) }, c.id, c.at);
}
