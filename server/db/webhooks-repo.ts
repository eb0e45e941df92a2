/** SQL for webhook targets. The secret leaves this module only through `secret`. */
import type { Db } from './open.ts';
import type { ChangeKind } from '../domain/change.ts';
import type { Severity } from '../domain/vocabulary.ts';
import type { Webhook, WebhookInput } from '../domain/webhook.ts';

interface WebhookRow {
  id: number;
  name: string;
  url: string;
  secret: string;
  format: string;
  kinds: string | null;
  tiers: string | null;
  min_severity: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
  version: number;
}

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  name: r.name,
  url: r.url,
  format: r.format as Webhook['format'],
  kinds: r.kinds === null ? null : (JSON.parse(r.kinds) as ChangeKind[]),
  tiers: r.tiers === null ? null : (JSON.parse(r.tiers) as number[]),
  minSeverity: r.min_severity as Severity | null,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export type WebhookFields = Omit<WebhookInput, 'secret'> & { readonly secret: string };

const params = (w: WebhookFields) => ({
  name: w.name,
  url: w.url,
  secret: w.secret,
  format: w.format,
  kinds: w.kinds === null ? null : JSON.stringify(w.kinds),
  tiers: w.tiers === null ? null : JSON.stringify(w.tiers),
  min_severity: w.minSeverity,
  enabled: w.enabled ? 1 : 0,
});

export function webhooksRepo(db: Db) {
  const all = db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY id');
  const enabled = db.prepare<[], WebhookRow>('SELECT * FROM webhooks WHERE enabled = 1 ORDER BY id');
  const byId = db.prepare<[number], WebhookRow>('SELECT * FROM webhooks WHERE id = ?');
  const insert = db.prepare(`INSERT INTO webhooks (name, url, secret, format, kinds, tiers, min_severity, enabled, created_at, updated_at)
    VALUES (@name, @url, @secret, @format, @kinds, @tiers, @min_severity, @enabled, @now, @now)`);
  const update = db.prepare(`UPDATE webhooks SET name = @name, url = @url, secret = @secret, format = @format, kinds = @kinds, tiers = @tiers,
    min_severity = @min_severity, enabled = @enabled, updated_at = @now, version = version + 1 WHERE id = @id AND (@expect IS NULL OR version = @expect)`);
  const remove = db.prepare<[number]>('DELETE FROM webhooks WHERE id = ?');
  return {
    all: (): Webhook[] => all.all().map(toWebhook),
    enabled: (): Webhook[] => enabled.all().map(toWebhook),
    find: (id: number): Webhook | undefined => {
      const r = byId.get(id);
      return r && toWebhook(r);
    },
    secret: (id: number): string | undefined => byId.get(id)?.secret,
    create: (w: WebhookFields, now: string): number => Number(insert.run({ ...params(w), now }).lastInsertRowid),
    update: (id: number, w: WebhookFields, now: string, expect?: number): boolean => update.run({ ...params(w), id, now, expect: expect ?? null }).changes > 0,
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export type WebhooksRepo = ReturnType<typeof webhooksRepo>;
