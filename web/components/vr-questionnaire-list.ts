/**
 * A vendor's questionnaire requests, newest first: template, state in words, due day (and how
 * overdue), when sent, submitted and reviewed, with the actions the state allows: send a draft, a
 * new link, revoke (asked first, in the row: Keep takes focus), reopen, and a link to the review.
 *
 * @fires questionnaire-action-requested - Send, New link, Revoke (confirmed) or Reopen
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { QuestionnaireRequest } from '../../server/domain/questionnaire.ts';
import { QuestionnaireActionRequested } from '../questionnaire-events.ts';
import { ACTION_LABEL, dueText, REQUEST_STATE_LABEL, requestActions, reviewHref } from '../questionnaires.ts';
import { timestamp } from '../format.ts';
import { tableStyles } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-questionnaire-list')
export class QuestionnaireList extends LitElement {
  static override styles = [
    ...tableStyles,
    forms,
    css`
      td.act {
        white-space: nowrap;
      }
      td.act > * + * {
        margin-left: 6px;
      }
      .state {
        font-weight: 600;
      }
      .muted {
        color: var(--vr-ink-muted);
        font-weight: 400;
      }
      .overdue {
        font-weight: 600;
        color: var(--vr-danger);
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        white-space: normal;
      }
    `,
  ];

  @property({ attribute: false }) requests: readonly QuestionnaireRequest[] = [];
  /** Template titles by id. */
  @property({ attribute: false }) titles: ReadonlyMap<string, string> = new Map();
  @property() today = '';
  @property({ type: Boolean }) editable = false;
  @property({ type: Boolean }) busy = false;
  /** The request whose revocation is being asked about. */
  @state() private _confirming = 0;

  override render() {
    if (this.requests.length === 0) return html`<p class="empty">No questionnaire has been sent to this vendor yet.</p>`;
    return html`<div class="scroll" role="region" aria-label="Questionnaire requests table" tabindex="0"><table>
      <caption class="sr-only">Questionnaire requests, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Request</th><th scope="col">State</th><th scope="col">Due</th><th scope="col">Sent</th><th scope="col">Submitted</th><th scope="col">Reviewed</th>
          <th scope="col"><span class="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.requests.map((r) => this._row(r))}
      </tbody>
    </table></div>`;
  }

  private _row(r: QuestionnaireRequest) {
    const name = `request ${r.id}`;
    return html`<tr id=${`questionnaire-${r.id}`} data-request-id=${r.id}>
      <th scope="row" tabindex="-1">${this.titles.get(r.templateId) ?? r.templateId} <span class="muted">(${name}, to ${r.contactName})</span></th>
      <td class="state">${REQUEST_STATE_LABEL[r.state]}</td>
      <td class=${r.overdue ? 'overdue' : ''}>${dueText(r, this.today)}</td>
      <td>${timestamp(r.sentAt) || '—'}</td>
      <td>${timestamp(r.submittedAt) || '—'}</td>
      <td>${timestamp(r.reviewedAt) || '—'}</td>
      <td class="act">${this._confirming === r.id ? this._confirm(r) : this._actions(r)}</td>
    </tr>`;
  }

  private _actions(r: QuestionnaireRequest) {
    // Viewers see the history only: the review and every change are the analysts' (the server refuses others anyway).
    if (!this.editable) return nothing;
    const suffix = html`<span class="sr-only"> request ${r.id}</span>`;
    return requestActions(r.state).map((a) => {
      if (a === 'review' || a === 'answers') return html`<a href=${reviewHref(r)}>${ACTION_LABEL[a]}${suffix}</a>`;
      const onClick = a === 'revoke' ? () => this._ask(r.id) : () => this.dispatchEvent(new QuestionnaireActionRequested(r, a));
      return html`<button type="button" class=${a === 'revoke' ? 'danger' : 'secondary'} data-action=${a} aria-disabled=${this.busy ? 'true' : 'false'} @click=${onClick}>
        ${ACTION_LABEL[a]}${suffix}
      </button>`;
    });
  }

  private _confirm(r: QuestionnaireRequest) {
    const keep = () => {
      this._confirming = 0;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-request-id="${r.id}"] [data-action="revoke"]`)?.focus());
    };
    return html`<div class="confirm" role="group" aria-label=${`Revoke request ${r.id}?`}>
      <span>Revoke request ${r.id}? Its link stops working.</span>
      <button type="button" class="secondary" data-keep @click=${keep}>Keep</button>
      <button type="button" class="danger" data-confirm @click=${() => this._revoke(r)}>Revoke link</button>
    </div>`;
  }

  /** The question goes with its buttons: the row's heading takes focus, so that it is not lost. */
  private async _revoke(r: QuestionnaireRequest): Promise<void> {
    this._confirming = 0;
    this.dispatchEvent(new QuestionnaireActionRequested(r, 'revoke'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-request-id="${r.id}"] th`)?.focus();
  }

  private async _ask(id: number): Promise<void> {
    if (this.busy) return;
    this._confirming = id;
    await this.updateComplete;
    // Keep first: Enter on a question opened by mistake revokes nothing.
    this.renderRoot.querySelector<HTMLElement>(`tr[data-request-id="${id}"] [data-keep]`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-list': QuestionnaireList;
  }
}
