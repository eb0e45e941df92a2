/**
 * The contract conditions of a vendor's decisions, latest decision first: what is asked, its
 * state, owner, due date (late ones say so), the evidence that met it, or the waiver's expiry
 * and approver. Analysts mark a condition met (asked for the evidence), waive it (asked for the
 * expiry; the approver is whoever waives unless named), reopen it, or change its owner and due
 * date; each in a small form under the condition, with the server's errors beside the fields.
 * Each condition is the target of a status reason's link (`id="condition-7"`).
 *
 * @fires condition-edit-requested - Mark met, Waive, or Change owner or due date
 * @fires condition-edit-cancelled - Cancel in the small form
 * @fires condition-change-requested - the small form was submitted, or Reopen
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Condition, Review } from '../api/client.ts';
import { partialDate, SEVERITY_LABEL } from '../format.ts';
import { conditionPatch, DECISION_LABEL, localToday } from '../reviews.ts';
import { ConditionChangeRequested, ConditionEditCancelled, ConditionEditRequested, type ConditionEditMode } from '../review-events.ts';
import { anchorTarget, card, controls, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { editControlStyles, savedLine } from './edit-controls.ts';
import { errorsChanged, focusFirstError } from './edit-form.ts';
import { field, outcomes, submitButton, textareaField } from './form-field.ts';
import { conditionListStyles } from './vr-condition-list.styles.ts';
import './vr-condition-badge.ts';

const day = (d: string) => html`<time datetime=${d}>${partialDate(d)}</time>`;
const SAVE_WORDS: Readonly<Record<ConditionEditMode, string>> = { met: 'Mark met', waive: 'Waive', edit: 'Save' };

@customElement('vr-condition-list')
export class ConditionList extends LitElement {
  static override styles = [card, controls, forms, srOnly, anchorTarget, editControlStyles, conditionListStyles];

  @property({ attribute: false }) reviews: readonly Review[] = [];
  @property({ type: Boolean }) editable = false;
  /** The condition whose small form is open, and which one. */
  @property({ attribute: false }) editing: { readonly id: number; readonly mode: ConditionEditMode } | null = null;
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  /** Raised by each refused save: focus then moves to the first field named. */
  @property({ type: Number }) refusals = 0;
  @property({ type: Boolean }) busy = false;
  @property() failure = '';
  /** What the last change did, in words. */
  @property() notice = '';
  /** The day a due date is late after ('' for today). */
  @property() asOf = '';

  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get('editing');
    if (changed.has('editing') && this.editing) {
      this.renderRoot.querySelector<HTMLElement>('.editor :is(input, textarea)')?.focus();
    } else if (changed.has('editing') && before) {
      // Closed: back to the button that opened the form if it is still there (Cancel), else to the condition (its state changed).
      const row = this.renderRoot.querySelector<HTMLElement>(`#condition-${before.id}`);
      (row?.querySelector<HTMLElement>(`button[data-mode="${before.mode}"]`) ?? row)?.focus();
    }
    if (changed.has('refusals')) focusFirstError(this.renderRoot);
  }

  override render() {
    const all = this.reviews.flatMap((r) => r.conditions.map((c) => ({ c, r })));
    const open = all.filter(({ c }) => c.state === 'open').length;
    return html`<h3 id="cl-t">Conditions <span class="muted">(${open} open of ${all.length})</span></h3>
      ${savedLine(this.notice)}
      ${this.editing ? nothing : html`<p class="outcome" role="alert">${this.failure}</p>`}
      ${
        all.length === 0
          ? html`<p class="muted">No conditions: none of the decisions carries any.</p>`
          : html`<ul class="conditions" aria-labelledby="cl-t">
            ${all.map(({ c, r }) => this._condition(c, r))}
          </ul>`
      }`;
  }

  private _condition(c: Condition, r: Review) {
    const today = this.asOf || localToday();
    const late = c.state === 'open' && c.dueOn !== null && c.dueOn < today;
    return html`<li class="condition anchor-target" id=${`condition-${c.id}`} tabindex="-1" data-condition-id=${c.id} data-state=${c.state}>
      <div class="cond-head">
        <vr-condition-badge state=${c.state}></vr-condition-badge>
        <p class="text">${c.text}</p>
      </div>
      <dl>
        <div><dt>Owner</dt><dd>${c.owner ?? html`<span class="muted">not set</span>`}</dd></div>
        <div>
          <dt>Due</dt>
          <dd>${c.dueOn ? html`${day(c.dueOn)}${late ? html` <span class="late">late</span>` : nothing}` : html`<span class="muted">no date</span>`}</dd>
        </div>
        <div><dt>From</dt><dd>${DECISION_LABEL[r.decision]} on ${day(r.decidedOn)}${c.severity ? html`, a ${SEVERITY_LABEL[c.severity].toLowerCase()} finding` : nothing}</dd></div>
        ${
          c.state === 'waived'
            ? html`<div><dt>Waiver</dt><dd>until ${c.waiverExpiresOn ? day(c.waiverExpiresOn) : '?'}, approved by ${c.waiverApprover ?? 'nobody named'}</dd></div>`
            : nothing
        }
        ${c.evidence ? html`<div class="wide"><dt>Evidence</dt><dd>${c.evidence}</dd></div>` : nothing}
      </dl>
      ${this.editable ? this._actions(c) : nothing}
      ${this.editing?.id === c.id ? this._editor(c, this.editing.mode) : nothing}
    </li>`;
  }

  private _actions(c: Condition) {
    const name = html`<span class="sr-only">: ${c.text}</span>`;
    const open = (mode: ConditionEditMode) => () => this.dispatchEvent(new ConditionEditRequested(c.id, mode));
    const opened = (mode: ConditionEditMode) => (this.editing?.id === c.id && this.editing.mode === mode ? 'true' : 'false');
    return html`<div class="record-actions">
      ${
        c.state === 'open'
          ? html`<button type="button" class="edit" data-mode="met" aria-expanded=${opened('met')} @click=${open('met')}>Mark met${name}</button>
            <button type="button" class="edit" data-mode="waive" aria-expanded=${opened('waive')} @click=${open('waive')}>Waive${name}</button>`
          : html`<button type="button" class="edit" data-mode="reopen" @click=${() => this.dispatchEvent(new ConditionChangeRequested(c.id, { state: 'open' }))}>
            Reopen${name}
          </button>`
      }
      <button type="button" class="edit" data-mode="edit" aria-expanded=${opened('edit')} @click=${open('edit')}>Change owner or due date${name}</button>
    </div>`;
  }

  private _editor(c: Condition, mode: ConditionEditMode) {
    const e = this.errors;
    const id = (name: string) => `c${c.id}-${name}`;
    const heading = mode === 'met' ? 'Mark this condition met' : mode === 'waive' ? 'Waive this condition' : 'Owner and due date';
    let fields;
    if (mode === 'met') {
      fields = textareaField({
        id: id('evidence'),
        name: 'evidence',
        label: 'Evidence that it is met',
        hint: 'What shows it: a document, an audit report, a link.',
        rows: 3,
        maxlength: 5000,
        value: c.evidence ?? '',
        error: e.evidence,
      });
    } else if (mode === 'waive') {
      fields = html`<div class="row">
        ${field({ id: id('expiry'), name: 'waiverExpiresOn', label: 'Waiver expires on', type: 'date', value: c.waiverExpiresOn ?? '', error: e.waiverExpiresOn })}
        ${field({ id: id('approver'), name: 'waiverApprover', label: 'Approved by', hint: 'Leave empty: you.', maxlength: 200, value: c.waiverApprover ?? '', error: e.waiverApprover })}
      </div>`;
    } else {
      fields = html`<div class="row">
        ${field({ id: id('owner'), name: 'owner', label: 'Owner', maxlength: 200, value: c.owner ?? '', error: e.owner })}
        ${field({ id: id('due'), name: 'dueOn', label: 'Due on', type: 'date', value: c.dueOn ?? '', error: e.dueOn })}
      </div>`;
    }
    const unplaced = Object.entries(e)
      .filter(([k]) => !['evidence', 'waiverExpiresOn', 'waiverApprover', 'owner', 'dueOn'].includes(k))
      .map(([k, m]) => `${k}: ${m}`)
      .join('; ');
    return html`<form class="editor" method="post" novalidate aria-label=${heading} @submit=${(ev: SubmitEvent) => this._submit(ev, c, mode)} @keydown=${this._onKey}>
      ${outcomes('', this.failure || unplaced)} ${fields}
      <div class="actions">
        ${submitButton(this.busy, SAVE_WORDS[mode], 'Saving…')}
        <button class="secondary" type="button" @click=${() => this.dispatchEvent(new ConditionEditCancelled())}>Cancel</button>
      </div>
    </form>`;
  }

  /** Escape closes the small form, as it closes the app's dialogs. */
  private _onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.dispatchEvent(new ConditionEditCancelled());
  }

  private _submit(e: SubmitEvent, c: Condition, mode: ConditionEditMode): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new ConditionChangeRequested(c.id, conditionPatch(mode, new FormData(e.currentTarget as HTMLFormElement))));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-condition-list': ConditionList;
  }
}
