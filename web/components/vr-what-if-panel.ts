/**
 * What-if: scenarios as users think of them (all support staff on FIDO2, sanitized artefacts, an
 * outsourced provider removed: web/what-if-scenarios.ts), each a checkbox that sets the fine
 * controls below it; or, with those controls, change support staff's or admins' MFA, drop a subprocessor or change how it works, or
 * change our relationship, and see the score that would follow beside the real one (the result
 * is `vr-what-if-result`). Nothing is stored, so anyone may use it. Every control starts "as
 * recorded"; the panel only says what was moved (a WhatIfDraft) and the page asks the API.
 *
 * @fires what-if-changed - the draft changed, or Reset
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
import type { MfaMethod } from '../../server/domain/vocabulary.ts';
import type { WhatIfResult } from '../api/client.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, MFA_METHOD_LABEL, MFA_POPULATION_LABEL } from '../format.ts';
import { WhatIfChanged } from '../vendor-events.ts';
import {
  EMPTY_DRAFT,
  isNoChange,
  whatIfChange,
  WHAT_IF_POPULATIONS,
  type Relationship,
  type SubprocessorChoice,
  type WhatIfDraft,
  type WhatIfPopulation,
} from '../what-if.ts';
import { scenarios, type Scenario } from '../what-if-scenarios.ts';
import { options } from './edit-form.ts';
import { card, controls, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { whatIfPanelStyles } from './vr-what-if-panel.styles.ts';
import './vr-what-if-result.ts';

const METHODS = options(MFA_METHOD_LABEL);

@customElement('vr-what-if-panel')
export class WhatIfPanel extends LitElement {
  static override styles = [card, controls, forms, srOnly, whatIfPanelStyles];

  @property({ attribute: false }) draft: WhatIfDraft = EMPTY_DRAFT;
  @property({ attribute: false }) relationship?: Relationship;
  @property({ attribute: false }) subprocessors: readonly Subprocessor[] = [];
  @property({ attribute: false }) mfa: MfaPosture = { items: [] };
  @property({ attribute: false }) result?: WhatIfResult;
  @property({ type: Boolean }) pending = false;
  @property({ attribute: false }) error: unknown;

  override render() {
    const changed = !!this.relationship && !isNoChange(whatIfChange(this.draft, this.relationship));
    return html`<section class="card" aria-labelledby="wi-t">
      <header class="head">
        <h2 id="wi-t">What if…</h2>
        <span class="muted">Try a change and see the score that would follow. Nothing is saved.</span>
        <button class="secondary reset" type="button" ?disabled=${!changed} @click=${() => this._set(EMPTY_DRAFT)}>Reset</button>
      </header>
      <div class="layout">
        <form class="controls" @submit=${(e: Event) => e.preventDefault()}>
          <fieldset class="scenarios">
            <legend>Scenarios</legend>
            ${scenarios(this.subprocessors).map((sc) => this._scenario(sc))}
          </fieldset>
          <p class="fine muted">Or set each control (a scenario sets these too):</p>
          <fieldset>
            <legend>MFA</legend>
            ${WHAT_IF_POPULATIONS.map((p) => this._mfa(p))}
          </fieldset>
          ${this.subprocessors.length > 0 ? html`<fieldset><legend>Subprocessors</legend>${this.subprocessors.map((s) => this._subprocessor(s))}</fieldset>` : nothing}
          ${this.relationship ? this._relationship(this.relationship) : nothing}
        </form>
        <vr-what-if-result .result=${this.result} ?pending=${this.pending} .error=${this.error} ?changed=${changed}></vr-what-if-result>
      </div>
    </section>`;
  }

  private _scenario(sc: Scenario) {
    const on = sc.applied(this.draft);
    return html`<div class="scenario" data-scenario=${sc.id}>
      <label class="check"><input type="checkbox" .checked=${on} aria-describedby=${`sc-${sc.id}`}
        @change=${(e: Event) => this._set((e.target as HTMLInputElement).checked ? sc.apply(this.draft) : sc.clear(this.draft))} /><span>${sc.title}</span></label>
      <p class="detail" id=${`sc-${sc.id}`}>${sc.detail}</p>
    </div>`;
  }

  private _mfa(p: WhatIfPopulation) {
    const recorded = this.mfa.items.find((r) => r.population === p);
    const now = recorded ? `${MFA_METHOD_LABEL[recorded.method]}, ${recorded.enforced ? 'enforced' : 'not enforced'}` : 'unknown';
    const choice = this.draft.mfa[p];
    const set = (c: WhatIfDraft['mfa'][WhatIfPopulation]) => this._set({ ...this.draft, mfa: { ...this.draft.mfa, [p]: c } });
    return html`<div class="mfa" data-population=${p}>
      <label for=${`wi-${p}`}>${MFA_POPULATION_LABEL[p]}</label>
      <select id=${`wi-${p}`} aria-describedby=${`wi-${p}-now`} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value as MfaMethod | '';
        set(v ? { method: v, enforced: choice?.enforced ?? true } : undefined);
      }}>
        <option value="" ?selected=${!choice}>As recorded</option>
        ${METHODS.map((m) => html`<option value=${m.value} ?selected=${choice?.method === m.value}>${m.label}</option>`)}
      </select>
      <label class="check"><input type="checkbox" ?disabled=${!choice} .checked=${choice?.enforced ?? false}
        @change=${(e: Event) => choice && set({ ...choice, enforced: (e.target as HTMLInputElement).checked })} />Enforced<span class="sr-only"> for ${MFA_POPULATION_LABEL[p].toLowerCase()}</span></label>
      <p class="now" id=${`wi-${p}-now`}>On record: ${now}</p>
    </div>`;
  }

  private _subprocessor(s: Subprocessor) {
    const c: SubprocessorChoice = this.draft.subprocessors[s.id] ?? {};
    const set = (next: SubprocessorChoice) => this._set({ ...this.draft, subprocessors: { ...this.draft.subprocessors, [s.id]: next } });
    const sanitized = c.artifactsSanitized === undefined ? '' : c.artifactsSanitized ? 'yes' : 'no';
    const recordedSanitized = s.artifactsSanitized === null ? 'unknown' : s.artifactsSanitized ? 'yes' : 'no';
    return html`<div class="sub" data-subprocessor-id=${s.id}>
      <label class="check name"><input type="checkbox" .checked=${!!c.remove} @change=${(e: Event) => set({ ...c, remove: (e.target as HTMLInputElement).checked })} /><span
          >Remove <strong>${s.name}</strong>${s.until ? html` <span class="muted">(ended)</span>` : nothing}</span
        ></label>
      <div class="pair">
        <div class="pick">
          <label for=${`wi-san-${s.id}`}>Artefacts sanitized<span class="sr-only"> (${s.name})</span></label>
          <select id=${`wi-san-${s.id}`} ?disabled=${!!c.remove} @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            set({ ...c, artifactsSanitized: v === '' ? undefined : v === 'yes' });
          }}>
            <option value="" ?selected=${sanitized === ''}>As recorded (${recordedSanitized})</option>
            <option value="yes" ?selected=${sanitized === 'yes'}>Yes</option>
            <option value="no" ?selected=${sanitized === 'no'}>No</option>
          </select>
        </div>
        <div class="pick">
          <label for=${`wi-mfa-${s.id}`}>Staff MFA<span class="sr-only"> (${s.name})</span></label>
          <select id=${`wi-mfa-${s.id}`} ?disabled=${!!c.remove} @change=${(e: Event) => set({ ...c, staffMfa: ((e.target as HTMLSelectElement).value || undefined) as MfaMethod | undefined })}>
            <option value="" ?selected=${!c.staffMfa}>As recorded (${s.staffMfa ? MFA_METHOD_LABEL[s.staffMfa] : 'unknown'})</option>
            ${METHODS.map((m) => html`<option value=${m.value} ?selected=${c.staffMfa === m.value}>${m.label}</option>`)}
          </select>
        </div>
      </div>
    </div>`;
  }

  private _relationship(now: Relationship) {
    const r = this.draft.relationship;
    const set = <K extends keyof Relationship>(k: K, v: Relationship[K]) =>
      this._set({ ...this.draft, relationship: { ...r, [k]: v === now[k] ? undefined : v } });
    const select = <K extends keyof Relationship>(
      k: K,
      label: string,
      opts: ReadonlyArray<{ value: string; label: string }>,
      parse: (v: string) => Relationship[K],
    ) =>
      html`<div class="pick">
        <label for=${`wi-${k}`}>${label}</label>
        <select id=${`wi-${k}`} @change=${(e: Event) => set(k, parse((e.target as HTMLSelectElement).value))}>
          ${opts.map((o) => html`<option value=${o.value} ?selected=${String(r[k] ?? now[k]) === o.value}>${o.label}${String(now[k]) === o.value ? ' (now)' : ''}</option>`)}
        </select>
      </div>`;
    return html`<fieldset>
      <legend>Our relationship (impact)</legend>
      <div class="pair three">
        ${select(
          'tier',
          'Tier',
          [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}` })),
          Number,
        )}
        ${select('dataAccess', 'Data access', options(DATA_ACCESS_LABEL), (v) => v as Relationship['dataAccess'])}
        ${select('environmentAccess', 'Access into our environment', options(ENVIRONMENT_ACCESS_LABEL), (v) => v as Relationship['environmentAccess'])}
      </div>
    </fieldset>`;
  }

  private _set(draft: WhatIfDraft): void {
    this.dispatchEvent(new WhatIfChanged(draft));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-what-if-panel': WhatIfPanel;
  }
}
