/** Webhook targets, the body posted to them (a stable, documented schema) and the delivery log. */
import { z } from 'zod';
import { change, CHANGE_KINDS } from './change.ts';
import { id, label, timestamp } from './fields.ts';
import { SEVERITIES } from './vocabulary.ts';

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

const targetUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => URL.canParse(s), { message: 'expected a URL' })
  .refine((s) => !URL.canParse(s) || ['http:', 'https:'].includes(new URL(s).protocol), { message: 'only http and https URLs' })
  .meta({ description: 'http(s) URL to POST to; checked against the address rules (see README, WEBHOOK_ALLOW)' });

const secret = z.string().min(16, 'at least 16 characters').max(200).meta({ description: 'HMAC key; left out, one is generated and shown once' });

const fields = {
  name: label(100),
  url: targetUrl,
  format: z.enum(WEBHOOK_FORMATS).meta({ description: 'json: the WebhookEvent schema; slack: { text, blocks } for a Slack incoming webhook' }),
  kinds: z
    .array(z.enum(CHANGE_KINDS))
    .min(1)
    .refine((k) => new Set(k).size === k.length, { message: 'each kind once' })
    .nullable()
    .meta({ description: 'Only these kinds of change; null = every kind' }),
  tiers: z
    .array(z.number().int().min(1).max(4))
    .min(1)
    .max(4)
    .refine((t) => new Set(t).size === t.length, { message: 'each tier once' })
    .nullable()
    .meta({ description: 'Only vendors of these tiers; null = every tier' }),
  minSeverity: z.enum(SEVERITIES).nullable().meta({ description: 'Changes that carry a severity (incidents, findings): only at least this one' }),
  enabled: z.boolean(),
};

export const newWebhook = z
  .strictObject({
    name: fields.name,
    url: fields.url,
    secret: secret.optional(),
    format: fields.format.default('json'),
    kinds: fields.kinds.default(null),
    tiers: fields.tiers.default(null),
    minSeverity: fields.minSeverity.default(null),
    enabled: fields.enabled.default(true),
  })
  .meta({ id: 'NewWebhook' });
export type WebhookInput = z.output<typeof newWebhook>;

export const webhookPatch = z
  .strictObject({ ...fields, secret })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'give at least one field to change' })
  .meta({ id: 'WebhookPatch' });
export type WebhookPatch = z.output<typeof webhookPatch>;

export const webhook = z
  .object({ id, ...fields, createdAt: timestamp, updatedAt: timestamp, version: z.number().int() })
  .meta({ id: 'Webhook', description: 'A webhook target; its secret is never shown after it is set' });
export type Webhook = z.output<typeof webhook>;

export const createdWebhook = webhook
  .extend({ secret: z.string().meta({ description: 'Shown this once (generated or as given): verify X-Vendorscope-Signature with it' }) })
  .meta({ id: 'CreatedWebhook' });

/**
 * The body of a `json` webhook post. Stable: fields are only ever added. Receivers deduplicate by
 * `deliveryId` (also sent as the X-Vendorscope-Delivery header): a post may arrive more than once.
 */
export const webhookEvent = z
  .object({
    schema: z.literal('vendorscope.change/1').meta({ description: 'The schema and its major version' }),
    deliveryId: z.string().meta({ description: 'The idempotency key, the same on every retry' }),
    sentAt: timestamp.meta({ description: 'When this attempt was sent (also the signature’s t=)' }),
    change,
    vendor: z
      .object({ id: id.nullable(), name: z.string(), tier: z.number().int().nullable(), businessOwner: z.string().nullable() })
      .meta({ description: 'The vendor as it is when the post is sent (tier null once deleted)' }),
    link: z.string().meta({ description: 'The change in the app (absolute when PUBLIC_URL is set)' }),
  })
  .meta({ id: 'WebhookEvent' });
export type WebhookEvent = z.output<typeof webhookEvent>;

export const delivery = z
  .object({
    id,
    channel: z.enum(DELIVERY_CHANNELS),
    key: z.string().meta({ description: 'Idempotency key' }),
    webhookId: id.nullable(),
    userId: id.nullable(),
    recipient: z.string().nullable().meta({ description: 'The user’s e-mail, or the webhook’s name' }),
    digestDay: z.string().nullable(),
    changeIds: z.array(id),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAt: timestamp.meta({ description: 'When the next attempt is due (pending)' }),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.output<typeof delivery>;
