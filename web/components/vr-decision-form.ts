/**
 * An analyst records a procurement decision: the decision, why, the day it was taken (today by
 * default, or earlier), the next review (from the tier's cadence, with the date it gives, a date,
 * or none) and its conditions: the findings of the score as of that day, ticked (each with an
 * owner and a due date), and conditions written freely. The server checks the whole decision; its
 * reasons come back through `errors` by path (`conditions.1.dueOn`) and show beside their fields,
 * focus moving to the first. Text typed is read from the form without re-rendering it (a re-render
 * would set the text again under the caret); ticks, rows and dates re-render.
 *
 * @fires decision-submitted - the form was submitted
 * @fires decision-day-changed - the "decided on" day changed (its findings are those of that day)
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Cadence } from '../api/client.ts';
import type { Finding } from '../../server/http/contract.ts';
import { partialDate, SEVERITY_LABEL } from '../format.ts';
import {
  addFreeCondition,
  cadenceDate,
  DECISION_HINT,
  DECISION_LABEL,
  DECISIONS,
  draftErrors,
  draftFromForm,
  emptyDraft,
  keepFindings,
  localToday,
  removeCondition,
  reviewBody,
  type DecisionDraft,
  type DraftCondition,
} from '../reviews.ts';
import { DecisionDayChanged, DecisionSubmitted } from '../review-events.ts';
import { controls, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { errorsChanged } from './edit-form.ts';
import { editControlStyles } from './edit-controls.ts';
import { field, outcomes, submitButton, textareaField } from './form-field.ts';
import { decisionFormStyles } from './vr-decision-form.styles.ts';

type Errors = Readonly<Record<string, string>>;
const PLACED = new Set(['decision', 'rationale', 'decidedOn', 'nextReviewOn', 'conditions']);
const errorOf = (id: string, message: string | undefined) => (message ? html`<p class="field-error" id=${`${id}-error`}>${message}</p>` : nothing);

@customElement('vr-decision-form')
export class DecisionForm extends LitElement {
  static override styles = [controls, forms, srOnly, editControlStyles, decisionFormStyles];

  @property({ type: Number }) vendorId = 0;
  @property({ type: Number }) tier = 1;
  @property({ attribute: false }) cadence?: Cadence;
  /** The findings of the score as of the decision's day (undefined while they load). */
  @property({ attribute: false }) findings?: readonly Finding[];
  @property() findingsAsOf = '';
  /** Why the findings could not be loaded, if they could not. */
  @property() findingsFailure = '';
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Errors = {};
  /** Raised by each refused save: focus then moves to the first field named. */
  @property({ type: Number }) refusals = 0;
  /** Raised by each decision recorded: the form starts afresh. */
  @property({ type: Number }) recorded = 0;
  @property({ type: Boolean }) busy = false;
  @property() failure = '';
  @property() notice = '';

  private _today = localToday();
  private _draft: DecisionDraft = emptyDraft(this._today);
  /** The draft last sent: the server's `conditions.N` are its rows. */
  private _sent: DecisionDraft = this._draft;
  private _reset = false;
  private _focusKey: number | 'add' | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('recorded') && changed.get('recorded') !== undefined) || (changed.has('vendorId') && changed.get('vendorId') !== undefined)) {
      this._today = localToday();
      this._draft = emptyDraft(this._today);
      this._reset = true;
    }
    if (changed.has('findings') && this.findings)
      this._draft = keepFindings(
        this._draft,
        this.findings.map((f) => f.id),
      );
  }

  protected override updated(changed: PropertyValues<this>): void {
    const root = this.renderRoot;
    if (this._reset) {
      // Typed values outlive attribute changes: reset puts every control back to what the (fresh) draft rendered.
      this._reset = false;
      root.querySelector('form')?.reset();
      this.dispatchEvent(new DecisionDayChanged(''));
    }
    if (this._focusKey !== null) {
      const sel = this._focusKey === 'add' ? 'button.add-row' : `#dec-c${this._focusKey}-text`;
      root.querySelector<HTMLElement>(sel)?.focus();
      this._focusKey = null;
    }
    if (changed.has('refusals') && changed.get('refusals') !== undefined)
      root.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input')?.focus();
  }

  override render() {
    const d = this._draft;
    const { form: e, rows } = draftErrors(this.errors, this._sent);
    const unplaced = Object.entries(e)
      .filter(([k]) => !PLACED.has(k))
      .map(([k, m]) => `${k}: ${m}`)
      .join('; ');
    return html`<details>
      <summary>Record a decision</summary>
      <form method="post" novalidate @input=${this._onInput} @change=${this._onChange} @submit=${this._onSubmit}>
        ${outcomes(this.notice, this.failure || unplaced)}
        <fieldset class="group" ?data-invalid=${!!e.decision} aria-describedby=${e.decision ? 'dec-decision-error' : nothing}>
          <legend>Decision</legend>
          <div class="choices">
            ${DECISIONS.map(
              (k) => html`<div>
                <label class="check radio"><input type="radio" name="decision" value=${k} ?checked=${d.decision === k} aria-describedby=${`dec-h-${k}`} />${DECISION_LABEL[k]}</label>
                <span class="choice-hint" id=${`dec-h-${k}`}>${DECISION_HINT[k]}</span>
              </div>`,
            )}
          </div>
          ${errorOf('dec-decision', e.decision)}
        </fieldset>
        ${textareaField({ id: 'dec-rationale', name: 'rationale', label: 'Rationale', hint: 'Why: what was weighed, what was accepted.', rows: 3, maxlength: 5000, value: d.rationale, error: e.rationale })}
        <div class="row">
          ${field({ id: 'dec-decided-on', name: 'decidedOn', label: 'Decided on', type: 'date', hint: 'Today, or the day an earlier decision was taken.', value: d.decidedOn, error: e.decidedOn })}
        </div>
        ${this._next(d, e.nextReviewOn)} ${this._conditions(d, e.conditions, rows)}
        <div class="actions">
          ${submitButton(this.busy, 'Record decision', 'Recording…')}
        </div>
      </form>
    </details>`;
  }

  private _next(d: DecisionDraft, error: string | undefined) {
    const months = this.cadence?.[`tier${this.tier}` as keyof Cadence];
    const date = this.cadence ? cadenceDate(d.decidedOn || this._today, this.tier, this.cadence) : null;
    const byCadence = !this.cadence
      ? 'loading the cadence…'
      : date
        ? html`<strong><time datetime=${date}>${partialDate(date)}</time></strong> (tier ${this.tier}: every ${months} months)`
        : html`<strong>none</strong> (tier ${this.tier} has no periodic review)`;
    return html`<fieldset class="group" ?data-invalid=${!!error} aria-describedby=${error ? 'dec-next-error' : nothing}>
      <legend>Next review</legend>
      <div class="choices">
        <label class="check radio"><input type="radio" name="next" value="cadence" ?checked=${d.next === 'cadence'} /><span>From the cadence: ${byCadence}</span></label>
        <div class="next-on">
          <label class="check radio"><input type="radio" name="next" value="date" ?checked=${d.next === 'date'} /><span>On a date</span></label>
          <label class="sr-only" for="dec-next-on">Next review date</label>
          <input id="dec-next-on" name="nextOn" type="date" value=${d.nextOn} aria-invalid=${error && d.next === 'date' ? 'true' : 'false'} />
        </div>
        <label class="check radio"><input type="radio" name="next" value="none" ?checked=${d.next === 'none'} /><span>None</span></label>
      </div>
      ${errorOf('dec-next', error)}
    </fieldset>`;
  }

  private _conditions(d: DecisionDraft, error: string | undefined, rows: ReadonlyMap<number, Errors>) {
    const free = d.conditions.filter((c) => c.findingId === null);
    return html`<fieldset class="group" id="dec-conditions" ?data-invalid=${!!error} aria-describedby=${error ? 'dec-conditions-error' : nothing}>
      <legend>Conditions <span class="sr-only">(${d.conditions.length})</span></legend>
      <p class="hint">Approved with conditions needs at least one; Approved and Rejected take none.</p>
      ${errorOf('dec-conditions', error)}
      <h4>From the findings${this.findingsAsOf ? html` as of <time datetime=${this.findingsAsOf}>${partialDate(this.findingsAsOf)}</time>` : nothing}</h4>
      ${this._findings(d, rows)}
      <h4>Other conditions</h4>
      ${repeat(
        free,
        (c) => c.key,
        (c, n) => this._free(c, n + 1, rows.get(c.key) ?? {}),
      )}
      <button class="edit add-row" type="button" @click=${this._add}>Add a condition</button>
    </fieldset>`;
  }

  private _findings(d: DecisionDraft, rows: ReadonlyMap<number, Errors>) {
    if (this.findingsFailure) return html`<p class="field-error">The findings could not be loaded: ${this.findingsFailure}</p>`;
    if (!this.findings) return html`<p class="hint" role="status">Loading the findings…</p>`;
    if (this.findings.length === 0) return html`<p class="hint">No findings on that day.</p>`;
    return html`<ul class="picks">
      ${repeat(
        this.findings,
        (f) => f.id,
        (f, n) => {
          const row = d.conditions.find((c) => c.findingId === f.id);
          const err = (row && rows.get(row.key)) ?? {};
          const id = `dec-f${n}`;
          return html`<li ?data-picked=${!!row} data-finding-id=${f.id}>
            <label class="check">
              <input type="checkbox" name="finding" value=${f.id} ?checked=${!!row} aria-invalid=${err.findingId ? 'true' : 'false'} aria-describedby=${`${id}-cond${err.findingId ? ` ${id}-error` : ''}`} />
              <span><strong>${SEVERITY_LABEL[f.severity]}:</strong> ${f.title}</span>
            </label>
            <p class="suggested" id=${`${id}-cond`}>Suggested condition: ${f.suggestedCondition}</p>
            ${errorOf(id, err.findingId)}
            ${row ? html`<div class="row pick-fields">${this._ownerDue(row, err)}</div>` : nothing}
          </li>`;
        },
      )}
    </ul>`;
  }

  private _free(c: DraftCondition, n: number, err: Errors) {
    return html`<div class="free" data-key=${c.key}>
      <div class="free-head">
        <span>Condition ${n}</span>
        <button class="edit" type="button" @click=${() => this._remove(c.key)}>Remove<span class="sr-only"> condition ${n}</span></button>
      </div>
      ${textareaField({ id: `dec-c${c.key}-text`, name: `c.${c.key}.text`, label: 'What is asked', rows: 2, maxlength: 2000, value: c.text, error: err.text })}
      <div class="row">${this._ownerDue(c, err)}</div>
    </div>`;
  }

  private _ownerDue(c: DraftCondition, err: Errors) {
    return html`${field({ id: `dec-c${c.key}-owner`, name: `c.${c.key}.owner`, label: 'Owner', maxlength: 200, value: c.owner, error: err.owner })}
    ${field({ id: `dec-c${c.key}-due`, name: `c.${c.key}.dueOn`, label: 'Due on', type: 'date', value: c.dueOn, error: err.dueOn })}`;
  }

  private _read(): DecisionDraft {
    const form = this.renderRoot.querySelector('form');
    return form ? draftFromForm(new FormData(form), this._draft) : this._draft;
  }

  private _onInput(e: Event): void {
    this._draft = this._read();
    // Ticks and choices change what is shown; typed text does not.
    const t = e.target as HTMLInputElement;
    if (t.type === 'checkbox' || t.type === 'radio') this.requestUpdate();
  }

  private _onChange(e: Event): void {
    this._draft = this._read();
    this.requestUpdate();
    const t = e.target as HTMLInputElement;
    if (t.name === 'decidedOn') this.dispatchEvent(new DecisionDayChanged(/^\d{4}-\d{2}-\d{2}$/.test(t.value) ? t.value : ''));
  }

  private _add(): void {
    this._draft = addFreeCondition(this._read());
    this._focusKey = this._draft.conditions.at(-1)?.key ?? null;
    this.requestUpdate();
  }

  private _remove(key: number): void {
    this._draft = removeCondition(this._read(), key);
    this._focusKey = 'add';
    this.requestUpdate();
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this._draft = this._sent = this._read();
    this.dispatchEvent(new DecisionSubmitted(reviewBody(this._draft, this._today)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-decision-form': DecisionForm;
  }
}
