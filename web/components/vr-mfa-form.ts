/**
 * An analyst sets the MFA posture, every population at once (PUT replaces the whole posture): for
 * each, the weakest method allowed, whether it is enforced, the evidence, the day it speaks for
 * (assessed on), the day it was public or recorded (known from: today for a new record) and its
 * source.
 * "Unknown" leaves a population without a record, which the score counts as weak. The server's
 * reasons come back by population (`support.assessedOn`) and show beside their fields.
 *
 * @fires edit-submitted - the posture to store
 * @fires edit-cancelled - Cancel
 */
import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MfaPosture, MfaRecord } from '../../server/domain/mfa.ts';
import type { MfaPopulation } from '../../server/domain/vocabulary.ts';
import { MFA_EVIDENCE_LABEL, MFA_METHOD_LABEL, MFA_POPULATION_LABEL, MFA_POPULATIONS } from '../format.ts';
import { mfaPostureOf, type VendorEdit } from '../vendor-edits.ts';
import { isFactSource, sourceWords } from '../evidence.ts';
import { field, selectField } from './form-field.ts';
import { EditForm, options } from './edit-form.ts';

@customElement('vr-mfa-form')
export class MfaForm extends EditForm {
  static override styles = [
    EditForm.styles,
    css`
      .row.pop {
        grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr) minmax(0, 1fr);
        align-items: start;
      }
      .enforced {
        display: flex;
        align-items: center;
        min-height: 36px;
        margin-top: 25px;
      }
      @media (max-width: 640px) {
        .row.pop {
          grid-template-columns: 1fr;
        }
        .enforced {
          margin-top: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) posture: MfaPosture = { items: [] };
  /** The date a new record is assessed on unless the analyst says otherwise (YYYY-MM-DD). */
  @property() today = new Date().toISOString().slice(0, 10);

  override render() {
    // `errors` go by population and field (`support.assessedOn`), `items` for the posture as a whole.
    return this.form(
      html`<p class="hint">Each population's weakest allowed method. Set a population to “Unknown” when nothing says how it signs in.</p>
        ${MFA_POPULATIONS.map((p) => this._population(p))}`,
      'Save MFA posture',
    );
  }

  private _population(p: MfaPopulation) {
    const r = this.posture.items.find((x) => x.population === p);
    const e = (f: string) => this.errors[`${p}.${f}`];
    const id = (f: string) => `mfa-${p}-${f}`;
    return html`<fieldset class="group" data-population=${p}>
      <legend>${MFA_POPULATION_LABEL[p]}</legend>
      <div class="row pop">
        ${selectField({ id: id('method'), name: `${p}.method`, label: 'Method', options: [{ value: '', label: 'Unknown (no record)' }, ...options(MFA_METHOD_LABEL)], value: r?.method ?? '', error: e('method') })}
        <label class="check enforced"><input type="checkbox" name=${`${p}.enforced`} ?checked=${r?.enforced ?? true} />Enforced for everyone</label>
        ${selectField({ id: id('evidence'), name: `${p}.evidence`, label: 'Evidence', options: options(MFA_EVIDENCE_LABEL), value: r?.evidence ?? 'public-statement', error: e('evidence') })}
      </div>
      <div class="row pop">
        ${this._source(p, r?.source ?? null, e('source'))}
        ${field({ id: id('assessedOn'), name: `${p}.assessedOn`, label: 'Assessed on', placeholder: 'YYYY-MM-DD', maxlength: 10, value: r?.assessedOn ?? this.today, error: e('assessedOn') })}
        ${field({ id: id('knownFrom'), name: `${p}.knownFrom`, label: 'Known from', hint: 'The day the evidence was public or recorded', placeholder: 'YYYY-MM-DD', maxlength: 10, value: r?.knownFrom ?? this.today, error: e('knownFrom') })}
      </div>
      ${field({ id: id('notes'), name: `${p}.notes`, label: 'Notes', maxlength: 5000, value: r?.notes ?? '', error: e('notes') })}
    </fieldset>`;
  }

  /**
   * A citation is edited as text. A record from a questionnaire keeps its answer as the source
   * (shown read only, sent back unchanged) unless the analyst gives a citation in its place, which
   * makes the record theirs (recorded).
   */
  private _source(p: MfaPopulation, source: MfaRecord['source'], error: string | undefined) {
    const id = `mfa-${p}-source`;
    if (!isFactSource(source))
      return field({ id, name: `${p}.source`, label: 'Source', hint: 'A URL or a citation', maxlength: 2000, value: source ?? '', error });
    return html`<input type="hidden" name=${`${p}.answerSource`} .value=${JSON.stringify(source)} />${field({
      id,
      name: `${p}.source`,
      label: 'Source',
      hint: `${sourceWords(source)} (the vendor's answer). Leave empty to keep it; a URL or citation replaces it and the record becomes yours (recorded).`,
      maxlength: 2000,
      value: '',
      error,
    })}`;
  }

  protected override edit(data: FormData): VendorEdit {
    return { kind: 'mfa', posture: mfaPostureOf(data) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-mfa-form': MfaForm;
  }
}
