/**
 * The methodology page's backtest section: the methodology in force replayed over the installed
 * portfolio's history under each decay policy (analysts and admins; viewers are told who may see
 * it), with a line on what the figures are and why they matter.
 */
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Me } from '../api/client.ts';
import type { DecayPolicyName } from '../../server/domain/methodology.ts';
import { canEdit } from '../roles.ts';
import { meContext } from '../state/contexts.ts';
import { card } from '../styles/shared.ts';
import './vr-backtest.ts';

/** The named decay policies, in the order the engine lists them. */
const DECAYS = ['long-memory', 'short-penalty', 'peer-half-life'] as const satisfies readonly DecayPolicyName[];

@customElement('vr-methodology-backtest')
export class MethodologyBacktest extends LitElement {
  static override styles = [
    card,
    css`
      :host {
        display: block;
      }
      .intro {
        margin: 0 0 16px;
        max-width: 110ch;
      }
    `,
  ];

  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;

  override render() {
    return html`<section class="card" aria-labelledby="backtest-title">
      <h2 id="backtest-title">Does the score foresee incidents? The backtest</h2>
      <p class="intro">
        Every vendor scored at each quarter end with only what was known on that day, against the incidents that became known in the year after, beside
        three simple baselines: chance, the number of incidents a vendor has had, and how recent the last one is. A score that does not beat them is not
        worth its complexity, and where it does not, this section says so. The figures rest on this database's history; docs/METHODOLOGY.md explains each.
      </p>
      ${canEdit(this._me?.role) ? html`<vr-backtest .decays=${DECAYS}></vr-backtest>` : html`<p class="muted" data-viewer>The backtest is shown to analysts and admins.</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-backtest': MethodologyBacktest;
  }
}
