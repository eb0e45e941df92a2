/** Your watch rules and your notifications (the bell): /me/… for whoever is signed in. */
import { z } from 'zod';
import { newWatchRule, watchRule, watchRuleReplace } from '../../domain/watch-rule.ts';
import { notificationPage } from '../../domain/notification.ts';
import { route } from '../route.ts';
import { flagParam, idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const rules = z.object({ items: z.array(watchRule) }).meta({ id: 'WatchRules' });
const unread = z.object({ unread: z.number().int().meta({ description: 'Your unread notifications' }) }).meta({ id: 'UnreadCount' });

export const alertRoutes = ({ watch }: RouteDeps) => [
  route({
    method: 'get',
    path: '/me/watch-rules',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Your watch rules: which changes you hear about, in the app and by e-mail',
    status: 200,
    response: rules,
    handle: ({ principal }) => ({ items: watch.rules(principal.user.id) }),
  }),
  route({
    method: 'post',
    path: '/me/watch-rules',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Add a watch rule',
    body: newWatchRule,
    status: 201,
    response: watchRule,
    errors: [413, 415],
    handle: ({ principal, body }) => watch.createRule(principal.user.id, body),
  }),
  route({
    method: 'put',
    path: '/me/watch-rules/:id',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Replace one of your watch rules (every field given)',
    params: idParams,
    body: watchRuleReplace,
    status: 200,
    response: watchRule,
    errors: [404, 413, 415],
    handle: ({ principal, params, body }) => watch.updateRule(principal.user.id, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/me/watch-rules/:id',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Delete one of your watch rules',
    params: idParams,
    status: 204,
    errors: [404],
    handle: ({ principal, params }) => watch.deleteRule(principal.user.id, params.id),
  }),
  route({
    method: 'post',
    path: '/me/watch-rules/reset',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Replace your watch rules with the defaults every user starts with',
    status: 200,
    response: rules,
    handle: ({ principal }) => ({ items: watch.resetRules(principal.user.id) }),
  }),
  route({
    method: 'get',
    path: '/me/notifications',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Your notifications, newest first, with the unread count',
    query: z.strictObject({
      before: z.coerce.number().int().positive().optional().meta({ description: 'Only notifications with an id below this (the next page)' }),
      unread: flagParam.meta({ description: 'Only unread ones' }),
      limit: z.coerce.number().int().min(1).max(200).default(20),
    }),
    status: 200,
    response: notificationPage,
    handle: ({ principal, query }) => watch.notifications(principal.user.id, { before: query.before, unreadOnly: query.unread, limit: query.limit }),
  }),
  route({
    method: 'get',
    path: '/me/notifications/unread-count',
    access: 'viewer',
    tag: 'alerts',
    summary: 'How many of your notifications are unread (the bell)',
    status: 200,
    response: unread,
    handle: ({ principal }) => ({ unread: watch.unread(principal.user.id) }),
  }),
  route({
    method: 'post',
    path: '/me/notifications/:id/read',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Mark one of your notifications read',
    params: idParams,
    status: 200,
    response: unread,
    errors: [404],
    handle: ({ principal, params }) => watch.markRead(principal.user.id, params.id),
  }),
  route({
    method: 'post',
    path: '/me/notifications/read-all',
    access: 'viewer',
    tag: 'alerts',
    summary: 'Mark all your notifications read',
    status: 200,
    response: unread,
    handle: ({ principal }) => watch.markAllRead(principal.user.id),
  }),
];
