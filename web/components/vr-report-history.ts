/**
 * A closed quarter's snapshot history: the snapshot in force and those a refreeze replaced (when,
 * by whom, their headline), each readable as the API stored it. For admins, the one way to replace
 * the snapshot: "Refreeze", then a confirmation that says what happens (the current one stays in
 * the history), with the server's refusal shown beside it. Screen only.
 *
 * @fires refreeze-confirmed - the admin confirmed; the page asks the server and sets `busy`, `failure`, `done`
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError } from '../api/client.ts';
import { problemSentences } from '../field-messages.ts';
import { timestamp } from '../format.ts';
import { ORIGIN_WORDS, quarterWords, snapshotHref, type ReportSnapshotItem } from '../report.ts';
import { forms } from '../styles/forms.ts';
import { outcomes } from './form-field.ts';
import { reportSheet } from './vr-report-sheet.styles.ts';

export class RefreezeConfirmed extends Event {
  static readonly type = 'refreeze-confirmed';
  readonly quarter: string;
  constructor(quarter: string) {
    super(RefreezeConfirmed.type, { bubbles: true, composed: true });
    this.quarter = quarter;
  }
}

/** A refusal in words, with the failing fields the server named. */
const failureText = (e: unknown): string => {
  if (!e) return '';
  const message = e instanceof Error ? e.message : String(e);
  const fields =
    e instanceof ApiError
      ? problemSentences(e.fields)
          .map((s) => ` ${s}`)
          .join('')
      : '';
  return `The snapshot was not replaced. ${message}${fields}`;
};

@customElement('vr-report-history')
export class ReportHistory extends LitElement {
  static override styles = [
    reportSheet,
    forms,
    css`
      .refreeze {
        margin-top: var(--vr-space-3);
      }
      .confirm {
        border: 1px solid var(--vr-danger-line);
        border-radius: var(--vr-radius);
        padding: 10px 14px;
        margin: 8px 0;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  @property() quarter = '';
  @property({ attribute: false }) items: readonly ReportSnapshotItem[] = [];
  @property() apiBase = '/api/v1';
  /** Whether the refreeze control is offered (admins, closed quarters). */
  @property({ type: Boolean }) canRefreeze = false;
  @property({ type: Boolean }) busy = false;
  /** The server's refusal of the last refreeze, if any. */
  @property({ attribute: false }) failure: unknown = null;
  /** What the last refreeze did, in words. */
  @property() done = '';
  @state() private _confirming = false;
  @query('#refreeze-confirm') private _confirmButton?: HTMLButtonElement;
  @query('#refreeze') private _startButton?: HTMLButtonElement;

  override render() {
    return html`<section class="sheet" aria-labelledby="hist-title">
      <p class="eyebrow">Report history</p>
      <h2 id="hist-title">Snapshots of ${quarterWords(this.quarter)}</h2>
      ${this.items.length ? this._table() : html`<p class="none">No snapshot yet.</p>`} ${this.canRefreeze ? this._refreeze() : nothing}
    </section>`;
  }

  private _table() {
    return html`<div class="scroll" role="region" aria-label=${`Snapshot table, ${quarterWords(this.quarter)}`} tabindex="0">
      <table class="history">
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            <th scope="col">Taken</th>
            <th scope="col">By</th>
            <th scope="col">State</th>
            <th scope="col" class="num">Vendors</th>
            <th scope="col" class="num">Average risk</th>
            <th scope="col" class="num">Critical</th>
            <th scope="col">As stored</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (s) => html`<tr data-snapshot-id=${s.id} data-in-force=${s.inForce ? 'yes' : 'no'}>
              <th scope="row">${s.id}<span class="sub">${ORIGIN_WORDS[s.origin]}${s.comparedWith ? ` vs ${quarterWords(s.comparedWith)}` : ''}</span></th>
              <td><time datetime=${s.generatedAt}>${timestamp(s.generatedAt)}</time></td>
              <td>${s.generatedBy}</td>
              <td>${s.inForce ? html`<strong>in force</strong>` : html`replaced <time datetime=${s.supersededAt ?? ''}>${timestamp(s.supersededAt)}</time> by ${s.supersededBy}`}</td>
              <td class="num">${s.headline.vendors}</td>
              <td class="num">${s.headline.averageRisk}</td>
              <td class="num">${s.headline.critical}</td>
              <td><a href=${snapshotHref(this.apiBase, this.quarter, s.id)} target="_blank" rel="noopener">JSON<span class="sub">snapshot ${s.id}</span></a></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _refreeze() {
    const current = this.items.find((s) => s.inForce);
    return html`<div class="refreeze">
      ${outcomes(this.done, failureText(this.failure))}
      ${
        this._confirming
          ? html`<div class="confirm" role="group" aria-labelledby="refreeze-question">
            <p id="refreeze-question">
              Replace ${current ? `snapshot ${current.id}, taken ${timestamp(current.generatedAt)},` : 'the quarter’s snapshot'} by one taken now, from today's database and the
              methodology in force? The current one stays in this history, and the change is audited.
            </p>
            <div class="actions">
              <button id="refreeze-cancel" class="secondary" type="button" @click=${this._cancel}>Cancel</button>
              <button id="refreeze-confirm" class="primary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._confirm}>
                ${this.busy ? 'Refreezing…' : `Refreeze ${quarterWords(this.quarter)}`}
              </button>
            </div>
          </div>`
          : html`<button id="refreeze" class="secondary" type="button" @click=${this._start}>Refreeze this quarter…</button>`
      }
    </div>`;
  }

  protected override updated(changed: Map<string, unknown>): void {
    // A finished refreeze closes the question; a refused one leaves it open beside the reason.
    if (changed.has('done') && this.done && this._confirming) {
      this._confirming = false;
      void this.updateComplete.then(() => this._startButton?.focus());
    }
  }

  private async _start(): Promise<void> {
    this._confirming = true;
    this.done = '';
    await this.updateComplete;
    this._confirmButton?.focus();
  }

  private async _cancel(): Promise<void> {
    this._confirming = false;
    await this.updateComplete;
    this._startButton?.focus();
  }

  private _confirm(): void {
    if (this.busy) return;
    this.dispatchEvent(new RefreezeConfirmed(this.quarter));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-history': ReportHistory;
  }
  interface HTMLElementEventMap {
    'refreeze-confirmed': RefreezeConfirmed;
  }
}
