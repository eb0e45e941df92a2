/**
 * Posts a webhook delivery: the body (WebhookEvent or Slack), signed, to a checked address, with a
 * timeout and without following redirects. Resolves when the target answered 2xx; throws otherwise.
 *
 * Signature: X-Vendorscope-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Change } from '../../domain/change.ts';
import type { Webhook, WebhookEvent } from '../../domain/webhook.ts';
import { absolute, linkOf, slackOf } from './messages.ts';
import { checkedLookup, checkUrl, type Allowlist } from './target-check.ts';

export const SIGNATURE_HEADER = 'X-Vendorscope-Signature';
export const DELIVERY_HEADER = 'X-Vendorscope-Delivery';

export function sign(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

export interface WebhookPost {
  readonly webhook: Webhook;
  readonly secret: string;
  readonly key: string;
  readonly change: Change;
  readonly vendor: WebhookEvent['vendor'];
  readonly now: Date;
  readonly publicUrl: string | null;
}

export function bodyOf(p: WebhookPost): string {
  if (p.webhook.format === 'slack') return JSON.stringify(slackOf(p.change, p.publicUrl));
  const event: WebhookEvent = {
    schema: 'vendorscope.change/1',
    deliveryId: p.key,
    sentAt: p.now.toISOString(),
    change: p.change,
    vendor: p.vendor,
    link: absolute(p.publicUrl, linkOf(p.change)),
  };
  return JSON.stringify(event);
}

export interface PostOptions {
  readonly allow: Allowlist;
  readonly timeoutMs: number;
}

export function postWebhook(p: WebhookPost, opts: PostOptions): Promise<void> {
  const url = checkUrl(p.webhook.url, opts.allow);
  const body = bodyOf(p);
  const t = Math.floor(p.now.getTime() / 1000);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: checkedLookup(opts.allow),
        timeout: opts.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Vendorscope-Webhook/1',
          [SIGNATURE_HEADER]: sign(p.secret, t, body),
          [DELIVERY_HEADER]: p.key,
        },
      },
      (res) => {
        res.resume(); // the answer's body is not needed; read and drop it (bounded memory)
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else if (status >= 300 && status < 400) reject(new Error(`answered ${status} (a redirect, not followed)`));
        else reject(new Error(`answered ${status}`));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
