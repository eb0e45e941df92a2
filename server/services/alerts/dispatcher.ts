/**
 * Sends the outbox: due deliveries, one at a time, at least once. A failed attempt is tried again
 * after an exponential backoff (base × 2^(attempts−1), at most an hour) until `maxAttempts`, then the
 * delivery is marked failed with its last error. A refused target (SSRF rules) fails at once. The
 * row is marked sent only after the receiver accepted it, so a crash in between sends it again:
 * receivers deduplicate by the delivery's key. `createApp` never starts it; server/main.ts does.
 */
import type { Store } from '../../db/store.ts';
import type { Change } from '../../domain/change.ts';
import type { Delivery } from '../../domain/webhook.ts';
import type { Logger } from '../../logger.ts';
import type { Clock } from '../clock.ts';
import type { MailTransport } from './mail-sender.ts';
import { mailOf } from './messages.ts';
import { TargetRefused, type Allowlist } from './target-check.ts';
import { postWebhook } from './webhook-sender.ts';

export interface DispatchOptions {
  readonly allow: Allowlist;
  readonly timeoutMs: number;
  /** The first retry's delay; each further one doubles it. */
  readonly backoffMs: number;
  readonly maxAttempts: number;
  /** How often the outbox is looked at. */
  readonly pollMs: number;
  readonly publicUrl: string | null;
  /** Null when e-mail is off (no SMTP_URL). */
  readonly mail: MailTransport | null;
  /**
   * True while another user of the connection (a restore) holds it in an open transaction: nothing
   * is read or written meanwhile, or it would join that transaction.
   */
  readonly paused?: () => boolean;
}

const MAX_BACKOFF_MS = 3_600_000;
const BATCH = 50;

export const backoffMs = (base: number, attempts: number): number => Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attempts - 1));

class Permanent extends Error {}

export function dispatcher(store: Store, clock: Clock, log: Logger, opts: DispatchOptions) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  const redact = (text: string) => (opts.mail ? opts.mail.redact(text) : text);

  const changesOf = (d: Delivery): Change[] => d.changeIds.map((id) => store.changes.find(id)).filter((c): c is Change => c !== null);

  async function send(d: Delivery): Promise<void> {
    const changes = changesOf(d);
    if (changes.length === 0) throw new Permanent('its changes are gone');
    if (d.channel === 'email') {
      if (!opts.mail) throw new Error('e-mail is off (no SMTP_URL)');
      const user = d.userId === null ? undefined : store.users.find(d.userId);
      if (!user || user.disabled) throw new Permanent('the user is gone or disabled');
      await opts.mail.send(user.email, mailOf(changes, opts.publicUrl, d.digestDay));
      return;
    }
    const webhook = d.webhookId === null ? undefined : store.webhooks.find(d.webhookId);
    if (!webhook) throw new Permanent('the webhook is gone');
    if (!webhook.enabled) throw new Permanent('the webhook is disabled');
    const change = changes[0]!;
    const v = change.vendorId === null ? undefined : store.vendors.find(change.vendorId);
    await postWebhook(
      {
        webhook,
        secret: store.webhooks.secret(webhook.id)!,
        key: d.key,
        change,
        vendor: { id: change.vendorId, name: v?.name ?? change.vendorName, tier: v?.tier ?? null, businessOwner: v?.businessOwner ?? null },
        now: new Date(clock.now()),
        publicUrl: opts.publicUrl,
      },
      { allow: opts.allow, timeoutMs: opts.timeoutMs },
    );
  }

  const paused = opts.paused ?? (() => false);
  /** Resolves once the connection is ours again (at once, nearly always). */
  const unpaused = async (): Promise<void> => {
    while (paused()) await new Promise((r) => setTimeout(r, 100));
  };

  async function attempt(d: Delivery): Promise<void> {
    await unpaused();
    try {
      await send(d);
      await unpaused();
      store.deliveries.markSent(d.id, clock.now());
    } catch (e) {
      await unpaused();
      const error = redact(e instanceof Error ? e.message : String(e)).slice(0, 500);
      const final = e instanceof Permanent || e instanceof TargetRefused || d.attempts + 1 >= opts.maxAttempts;
      const next = final ? null : new Date(Date.parse(clock.now()) + backoffMs(opts.backoffMs, d.attempts + 1)).toISOString();
      store.deliveries.markFailed(d.id, error, next);
      log.info(`delivery ${d.id} (${d.channel}) attempt ${d.attempts + 1} failed${final ? ' for good' : `; next at ${next}`}: ${error}`);
    }
  }

  /** Sends what is due now; resolves with how many deliveries were attempted. Never runs twice at once. */
  async function sendDue(): Promise<number> {
    if (paused()) return 0;
    let n = 0;
    for (let batch = store.deliveries.due(clock.now(), BATCH); batch.length > 0; batch = store.deliveries.due(clock.now(), BATCH)) {
      for (const d of batch) await attempt(d);
      n += batch.length;
      if (batch.length < BATCH) break;
    }
    return n;
  }

  /** Sends what is due now; resolves with how many deliveries were attempted. Never runs twice at once. */
  function tick(): Promise<number> {
    if (running) return running;
    // Cleared when settled (not in sendDue's own finally, which may run before this assignment).
    const run = sendDue().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  }

  return {
    tick,
    /** Polls the outbox every `pollMs` (from server/main.ts only). */
    start: (): void => {
      if (timer) return;
      const loop = () => {
        tick()
          .catch((e: unknown) => log.error('the delivery dispatcher failed', e))
          .finally(() => {
            if (timer) timer = setTimeout(loop, opts.pollMs);
          });
      };
      timer = setTimeout(loop, 0);
    },
    stop: (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type Dispatcher = ReturnType<typeof dispatcher>;
