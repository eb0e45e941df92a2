/** Admin: webhook targets (checked against the address rules when saved) and the delivery log. */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import type { Actor } from '../../domain/account.ts';
import type { Webhook, WebhookInput, WebhookPatch } from '../../domain/webhook.ts';
import type { Clock } from '../clock.ts';
import { checkVersion, invalid, notFound, ServiceError } from '../errors.ts';
import { checkUrl, TargetRefused, type Allowlist } from './target-check.ts';

/** 32 random bytes, URL-safe: the HMAC key when the admin gives none. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function webhooksService(store: Store, clock: Clock, allow: Allowlist) {
  const found = (id: number): Webhook =>
    store.webhooks.find(id) ??
    (() => {
      throw notFound('webhook', id);
    })();
  const checked = (url: string): void => {
    try {
      checkUrl(url, allow);
    } catch (e) {
      if (e instanceof TargetRefused) throw invalid('The webhook URL is not allowed.', [{ path: 'body.url', message: e.message }]);
      throw e;
    }
  };
  return {
    list: (): Webhook[] => store.webhooks.all(),
    find: found,
    create: (actor: Actor, input: WebhookInput): Webhook & { secret: string } => {
      checked(input.url);
      const secret = input.secret ?? newSecret();
      return store.transaction(() => {
        const id = store.webhooks.create({ ...input, secret }, clock.now());
        const w = found(id);
        store.audit.append(actor, { action: 'create', entity: 'webhook', entityId: id, after: w }, clock.now());
        return { ...w, secret };
      });
    },
    update: (actor: Actor, id: number, patch: WebhookPatch, ifMatch: number | undefined): Webhook => {
      const before = found(id);
      checkVersion('webhook', before, ifMatch);
      if (patch.url !== undefined) checked(patch.url);
      const { secret, ...fields } = patch;
      return store.transaction(() => {
        const ok = store.webhooks.update(id, { ...before, ...fields, secret: secret ?? store.webhooks.secret(id)! }, clock.now(), ifMatch);
        if (!ok) checkVersion('webhook', found(id), ifMatch ?? -1);
        const after = found(id);
        // The audit names a new secret, never shows it.
        store.audit.append(
          actor,
          { action: 'update', entity: 'webhook', entityId: id, before, after: { ...after, ...(secret ? { secretChanged: true } : {}) } },
          clock.now(),
        );
        return after;
      });
    },
    remove: (actor: Actor, id: number): void => {
      const before = found(id);
      store.transaction(() => {
        store.webhooks.remove(id);
        store.audit.append(actor, { action: 'delete', entity: 'webhook', entityId: id, before }, clock.now());
      });
    },
    deliveries: (f: { channel?: string | undefined; status?: string | undefined; before?: number | undefined; limit: number }) => {
      const rows = store.deliveries.log({ ...f, limit: f.limit + 1 });
      const items = rows.slice(0, f.limit);
      return { items, nextBefore: rows.length > f.limit ? items.at(-1)!.id : null };
    },
    /** A failed delivery queued again now. */
    retry: (id: number) => {
      const d = store.deliveries.find(id);
      if (!d) throw notFound('delivery', id);
      if (!store.deliveries.retry(id, clock.now()))
        throw new ServiceError('conflict', 'conflict', `Only a failed delivery can be retried; delivery ${id} is ${d.status}.`);
      return store.deliveries.find(id)!;
    },
  };
}

export type WebhooksService = ReturnType<typeof webhooksService>;
