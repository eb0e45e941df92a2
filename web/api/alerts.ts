/** The API calls of what changed (the feed), alerts (watch rules, the bell) and, for admins, webhooks and deliveries. */
import type { QueryOf, WatchRuleInput, WebhookBody, WebhookPatch } from '../../server/http/contract.ts';
import type { ApiCore, RequestOptions } from './core.ts';

export type ChangesQuery = QueryOf<'GET /changes'>;

export const alertCalls = (api: ApiCore) => ({
  changes: (q: ChangesQuery, o?: RequestOptions) => api.call('GET /changes', { query: q }, o),
  changesSeen: (o?: RequestOptions) => api.call('GET /me/changes-seen', {}, o),
  markChangesSeen: (seenAt?: string) => api.call('PUT /me/changes-seen', { body: seenAt ? { seenAt } : {} }),

  // Alerts: your watch rules and the bell.
  watchRules: async (o?: RequestOptions) => (await api.call('GET /me/watch-rules', {}, o)).items,
  createWatchRule: (r: WatchRuleInput) => api.call('POST /me/watch-rules', { body: r }),
  replaceWatchRule: (id: number, r: WatchRuleInput) => api.call('PUT /me/watch-rules/:id', { params: { id }, body: r }),
  deleteWatchRule: (id: number) => api.call('DELETE /me/watch-rules/:id', { params: { id } }),
  resetWatchRules: () => api.call('POST /me/watch-rules/reset', {}),
  notifications: (q: { before?: number; unread?: boolean; limit?: number } = {}, o?: RequestOptions) =>
    api.call('GET /me/notifications', { query: { before: q.before, unread: q.unread ? 'true' : undefined, limit: q.limit } }, o),
  unreadCount: (o?: RequestOptions) => api.call('GET /me/notifications/unread-count', {}, o),
  markRead: (id: number) => api.call('POST /me/notifications/:id/read', { params: { id } }),
  markAllRead: () => api.call('POST /me/notifications/read-all', {}),

  // Admins: webhook targets and the delivery log.
  webhooks: async (o?: RequestOptions) => (await api.call('GET /admin/webhooks', {}, o)).items,
  createWebhook: (w: WebhookBody) => api.call('POST /admin/webhooks', { body: w }),
  updateWebhook: (id: number, patch: WebhookPatch, version: number) =>
    api.call('PATCH /admin/webhooks/:id', { params: { id }, body: patch }, { ifMatch: version }),
  deleteWebhook: (id: number) => api.call('DELETE /admin/webhooks/:id', { params: { id } }),
  deliveries: (q: QueryOf<'GET /admin/deliveries'> = {}, o?: RequestOptions) => api.call('GET /admin/deliveries', { query: q }, o),
  retryDelivery: (id: number) => api.call('POST /admin/deliveries/:id/retry', { params: { id } }),
});
