/** In-app notifications: a change one of your watch rules matched, read or not. */
import { z } from 'zod';
import { change } from './change.ts';
import { id, timestamp } from './fields.ts';

export const notification = z
  .object({
    id,
    createdAt: timestamp,
    readAt: timestamp.nullable(),
    change,
    link: z.string().meta({ description: 'Where in the app the change is shown (the vendor, its evidence)' }),
  })
  .meta({ id: 'Notification' });
export type Notification = z.output<typeof notification>;

export const notificationPage = z
  .object({
    items: z.array(notification),
    unread: z.number().int().meta({ description: 'Your unread notifications, all of them' }),
    nextBefore: id.nullable().meta({ description: 'Pass as ?before= for the next (older) page; null at the end' }),
  })
  .meta({ id: 'NotificationPage' });
