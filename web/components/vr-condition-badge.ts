/** A condition's state as a word on a pill (open: outlined, met: ticked, waived: dashed), never by colour alone. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConditionState } from '../../server/domain/review.ts';
import { CONDITION_STATE_LABEL } from '../reviews.ts';
import { statePill } from '../styles/shared.ts';

const MARK: Readonly<Record<ConditionState, string>> = { open: '○', met: '✓', waived: '–' };

@customElement('vr-condition-badge')
export class ConditionBadge extends LitElement {
  static override styles = [
    statePill,
    css`
      span.badge {
        gap: 5px;
        min-width: 5.5em;
        padding: 0 9px;
        font-size: 0.78rem;
        line-height: 1.6;
      }
      .open {
        color: var(--vr-accent);
        background: var(--vr-accent-soft);
      }
      .met {
        color: var(--vr-fact);
        background: var(--vr-fact-soft);
      }
      .waived {
        color: var(--vr-ink-muted);
        background: var(--vr-surface);
        border-style: dashed;
      }
    `,
  ];

  @property() state: ConditionState = 'open';

  override render() {
    return html`<span class="badge ${this.state}" data-state=${this.state}><span aria-hidden="true">${MARK[this.state]}</span>${CONDITION_STATE_LABEL[this.state]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-condition-badge': ConditionBadge;
  }
}
