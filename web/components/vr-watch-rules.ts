/**
 * The user's watch rules, each a small form: the filters its kind has (tiers, severity, band rise,
 * days, mine only) and where matches go (in-app, e-mail). Save and Delete per rule; a kind picker
 * adds a rule; "Reset to defaults" brings back the day-one rules. The page saves; errors from the
 * API come back in `errors` for the rule `errorFor` (a rule id, or 0 for the new one) beside the fields.
 *
 * @fires watch-rule-save-requested - Save (id) or Add (id null)
 * @fires watch-rule-delete-requested - Delete
 * @fires watch-rules-reset-requested - Reset to defaults
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChangeKind } from '../../server/domain/change.ts';
import type { WatchRule } from '../../server/domain/watch-rule.ts';
import { newRuleOf, WatchRuleDeleteRequested, WatchRuleSaveRequested, WatchRulesResetRequested } from '../alert-events.ts';
import { EMAIL_LABEL, EMAIL_MODES, hasBandRise, hasDays, hasSeverity, KIND_LABEL, KINDS, ruleFromForm, ruleSummary, SEVERITY_OPTIONS } from '../watch-rules.ts';
import { checkboxGroup, field, outcomes, selectField } from './form-field.ts';
import { controls, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { watchRulesStyles } from './vr-watch-rules.styles.ts';

const TIERS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}` }));

@customElement('vr-watch-rules')
export class WatchRules extends LitElement {
  static override styles = [controls, forms, srOnly, watchRulesStyles];

  @property({ attribute: false }) rules: readonly WatchRule[] = [];
  /** Field errors of the last save, by field name, for the rule `errorFor`. */
  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};
  @property({ type: Number }) errorFor = -1;
  @property() done = '';
  @property() failure = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`${outcomes(this.done, this.failure)}
      ${this.rules.length === 0 ? html`<p class="empty">No watch rules: you hear about nothing. Add one, or reset to the defaults.</p>` : nothing}
      <ul class="rules">
        ${this.rules.map((r) => html`<li>${this._rule(r)}</li>`)}
      </ul>
      <form class="add" @submit=${this._onAdd}>
        ${selectField({ id: 'new-kind', name: 'kind', label: 'Watch for', options: KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] })), error: this.errorFor === 0 ? this.errors.kind : undefined })}
        <button class="secondary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>Add rule</button>
        <button class="secondary" type="button" @click=${this._onReset}>Reset to defaults</button>
      </form>`;
  }

  private _rule(r: WatchRule) {
    const id = `rule-${r.id}`;
    const err = (name: string) => (this.errorFor === r.id ? this.errors[name] : undefined);
    const summary = ruleSummary(r);
    return html`<form class="rule" novalidate data-rule-id=${r.id} aria-labelledby=${`${id}-title`} @submit=${(e: SubmitEvent) => this._onSave(e, r)}>
      <h3 id=${`${id}-title`}>${summary}</h3>
      <div class="row">
        ${checkboxGroup({ id: `${id}-tiers`, name: 'tiers', label: 'Vendor tiers (none ticked: every tier)', options: TIERS, values: (r.tiers ?? []).map(String), error: err('tiers') })}
        ${
          hasSeverity(r.kind)
            ? selectField({
                id: `${id}-severity`,
                name: 'minSeverity',
                label: 'Severity at least',
                value: r.minSeverity ?? '',
                options: [{ value: '', label: 'Any severity' }, ...SEVERITY_OPTIONS.map((s) => ({ value: s, label: s }))],
                error: err('minSeverity'),
              })
            : nothing
        }
        ${
          hasDays(r.kind)
            ? field({
                id: `${id}-days`,
                name: 'withinDays',
                label: 'Expiring within (days)',
                type: 'number',
                min: 1,
                max: 365,
                inputmode: 'numeric',
                value: r.withinDays === null ? '' : String(r.withinDays),
                error: err('withinDays'),
              })
            : nothing
        }
        ${selectField({ id: `${id}-email`, name: 'email', label: 'E-mail', value: r.email, options: EMAIL_MODES.map((m) => ({ value: m, label: EMAIL_LABEL[m] })), error: err('email') })}
      </div>
      <div class="row checks-row">
        ${hasBandRise(r.kind) ? html`<label class="check"><input type="checkbox" name="bandRoseOnly" ?checked=${r.bandRoseOnly} />Only when the band rose</label>` : nothing}
        <label class="check"><input type="checkbox" name="mineOnly" ?checked=${r.mineOnly} />Only vendors I own</label>
        <label class="check"><input type="checkbox" name="inApp" ?checked=${r.inApp} />Show under the bell</label>
      </div>
      ${this.errorFor === r.id && this.errors[''] ? html`<p class="field-error">${this.errors['']}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>Save<span class="sr-only"> rule: ${summary}</span></button>
        <button class="danger" type="button" @click=${() => this.dispatchEvent(new WatchRuleDeleteRequested(r.id, summary))}>Delete<span class="sr-only"> rule: ${summary}</span></button>
      </div>
    </form>`;
  }

  private _onSave(e: SubmitEvent, r: WatchRule): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new WatchRuleSaveRequested(r.id, ruleFromForm(r.kind, new FormData(e.target as HTMLFormElement))));
  }

  private _onAdd(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const kind = new FormData(e.target as HTMLFormElement).get('kind') as ChangeKind;
    this.dispatchEvent(new WatchRuleSaveRequested(null, newRuleOf(kind)));
  }

  private _onReset(): void {
    this.dispatchEvent(new WatchRulesResetRequested());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-watch-rules': WatchRules;
  }
}
