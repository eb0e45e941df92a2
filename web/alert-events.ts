/** Events of the alert pieces (watch rules, the bell, webhooks): components say what was asked, pages do it. */
import type { ChangeKind } from '../server/domain/change.ts';
import type { WatchRuleInput } from '../server/domain/watch-rule.ts';
import type { Webhook } from '../server/domain/webhook.ts';
import type { WebhookBody } from './api/client.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** Save a rule: `id` null adds a new one. */
export class WatchRuleSaveRequested extends Event {
  static readonly type = 'watch-rule-save-requested';
  readonly id: number | null;
  readonly rule: WatchRuleInput;
  constructor(id: number | null, rule: WatchRuleInput) {
    super(WatchRuleSaveRequested.type, UP);
    this.id = id;
    this.rule = rule;
  }
}

export class WatchRuleDeleteRequested extends Event {
  static readonly type = 'watch-rule-delete-requested';
  readonly id: number;
  readonly label: string;
  constructor(id: number, label: string) {
    super(WatchRuleDeleteRequested.type, UP);
    this.id = id;
    this.label = label;
  }
}

export class WatchRulesResetRequested extends Event {
  static readonly type = 'watch-rules-reset-requested';
  constructor() {
    super(WatchRulesResetRequested.type, UP);
  }
}

/** Add a rule of this kind (with the kind's neutral filters; the user edits it after). */
export const newRuleOf = (kind: ChangeKind): WatchRuleInput => ({
  kind,
  tiers: null,
  minSeverity: null,
  mineOnly: false,
  bandRoseOnly: false,
  withinDays: null,
  inApp: true,
  email: 'off',
});

declare global {
  interface HTMLElementEventMap {
    'watch-rule-save-requested': WatchRuleSaveRequested;
    'watch-rule-delete-requested': WatchRuleDeleteRequested;
    'watch-rules-reset-requested': WatchRulesResetRequested;
  }
}

/** An admin asked for a new webhook target. */
export class WebhookCreateRequested extends Event {
  static readonly type = 'webhook-create-requested';
  readonly webhook: WebhookBody;
  constructor(webhook: WebhookBody) {
    super(WebhookCreateRequested.type, UP);
    this.webhook = webhook;
  }
}

/** Enable or disable a target, or delete it. */
export class WebhookChangeRequested extends Event {
  static readonly type = 'webhook-change-requested';
  readonly webhook: Webhook;
  readonly change: 'enable' | 'disable' | 'delete';
  constructor(webhook: Webhook, change: 'enable' | 'disable' | 'delete') {
    super(WebhookChangeRequested.type, UP);
    this.webhook = webhook;
    this.change = change;
  }
}

export class DeliveryRetryRequested extends Event {
  static readonly type = 'delivery-retry-requested';
  readonly id: number;
  constructor(id: number) {
    super(DeliveryRetryRequested.type, UP);
    this.id = id;
  }
}

declare global {
  interface HTMLElementEventMap {
    'webhook-create-requested': WebhookCreateRequested;
    'webhook-change-requested': WebhookChangeRequested;
    'delivery-retry-requested': DeliveryRetryRequested;
  }
}
