/**
 * The methodology in force (`/methodology?asOf=2023-10-31`): its parameters, each decay policy's
 * curve, and the portfolio ranked under each policy as of a day, so the choice of memory can be
 * judged by what it does. Two Tasks: the parameters and curves (once), and the rankings (per day).
 * Below them, the backtest under each policy (vr-methodology-backtest, which asks for it itself).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, DecayPolicyCurve } from '../api/client.ts';
import type { DecayPolicyName } from '../../server/domain/methodology.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../app/routes.ts';
import { NavigationRequested, type AsOfChanged } from '../events.ts';
import { policyWeight, REFERENCE_GAP } from '../charts/decay.layout.ts';
import { rankings } from '../charts/ranking.diff.ts';
import { percent } from '../format.ts';
import { card } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { loaded } from './loaded.ts';
import '../charts/vr-decay-plot.ts';
import '../components/vr-as-of.ts';
import '../components/vr-methodology-parameters.ts';
import '../components/vr-methodology-points.ts';
import '../components/vr-methodology-decay-table.ts';
import '../components/vr-methodology-ranking.ts';
import '../components/vr-methodology-backtest.ts';

/** The policies the heatmap can rank under (`?decay=`), in the order the engine lists them. */
const NAMED = ['long-memory', 'short-penalty', 'peer-half-life'] as const satisfies readonly DecayPolicyName[];

@customElement('vr-methodology-page')
export class MethodologyPage extends LitElement {
  static override styles = [
    card,
    pageStyles,
    css`
      .explain {
        margin: 0 0 12px;
        max-width: 110ch;
      }
      vr-decay-plot {
        margin-bottom: 16px;
      }
      .card-head {
        display: flex;
        justify-content: space-between;
        align-items: flex-end;
        gap: 16px;
        flex-wrap: wrap;
        margin-bottom: 12px;
      }
      .card-head h2 {
        margin: 0 0 4px;
      }
      .card-head p {
        margin: 0;
        max-width: 90ch;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `asOf` (the rankings' day). */
  @property({ attribute: false }) query = new URLSearchParams();

  private _method = new Task(this, {
    args: () => [] as const,
    task: async (_, { signal }) => {
      const [methodology, policies] = await Promise.all([this._api.methodology({ signal }), this._api.decayPolicies({ signal })]);
      return { methodology, policies };
    },
  });

  private _ranked = new Task(this, {
    args: () => [this.query.get('asOf') ?? ''] as const,
    task: async ([asOf], { signal }) => {
      const day = asOf || undefined;
      const [inForce, ...named] = await Promise.all([this._api.heatmap(day, { signal }), ...NAMED.map((n) => this._api.heatmap(day, { signal }, n))]);
      const columns = named.map((h) => ({ policy: h.decay, inForce: h.decay === inForce.decay, rows: h.rows }));
      // A stored methodology may use a policy of its own: it ranks first, under its own name.
      if (!columns.some((c) => c.inForce)) columns.unshift({ policy: inForce.decay, inForce: true, rows: inForce.rows });
      return { asOf: inForce.asOf, ...rankings(columns) };
    },
  });

  override render() {
    return html`<header class="page-head">
        <div>
          <h1>Methodology</h1>
          <p class="lede">How scores are made: the parameters in force, how long an incident keeps counting, and what that choice does to the ranking.</p>
        </div>
      </header>
      ${loaded(
        this._method,
        'methodology',
        ({ methodology, policies }) => html`<div class="stack">
          <vr-methodology-parameters .methodology=${methodology}></vr-methodology-parameters>
          <vr-methodology-points .methodology=${methodology}></vr-methodology-points>
          <section class="card" aria-labelledby="decay-title">
            <h2 id="decay-title">How long an incident counts</h2>
            <p class="explain">${this._explain(policies)}</p>
            <vr-decay-plot .policies=${policies}></vr-decay-plot>
            <vr-methodology-decay-table .policies=${policies}></vr-methodology-decay-table>
          </section>
          ${this._ranking()}
          <vr-methodology-backtest></vr-methodology-backtest>
        </div>`,
      )}`;
  }

  private _explain(policies: readonly DecayPolicyCurve[]) {
    const at = (name: string) => {
      const p = policies.find((x) => x.name === name);
      return p ? percent(policyWeight(p, REFERENCE_GAP.days)) : undefined;
    };
    const inForce = policies.find((p) => p.inForce);
    const [lm, sp, peer] = [at('long-memory'), at('short-penalty'), at('peer-half-life')];
    return html`The decay policy decides how much an incident still weighs as it ages. Okta disclosed its second support breach
      ${REFERENCE_GAP.days} days after its first${lm && sp && peer
        ? html`: by then long-memory still counted the first at <strong>${lm}</strong> of its weight, peer-half-life (modelled on Bitsight) at
            <strong>${peer}</strong>, and short-penalty (modelled on SecurityScorecard) at <strong>${sp}</strong>, as if it had never happened`
        : nothing}.
      ${inForce ? html`The methodology uses <strong>${inForce.name}</strong>; an admin can choose another, which creates a new methodology version.` : nothing}`;
  }

  private _ranking() {
    const v = this._ranked.value;
    return html`<section class="card" aria-labelledby="rank-title" aria-busy=${this._ranked.status === TaskStatus.PENDING ? 'true' : 'false'}>
      <div class="card-head">
        <div>
          <h2 id="rank-title">The portfolio under each policy</h2>
          <p class="muted">The same facts ranked with each memory${v ? `, as of ${v.asOf}` : ''}: rank, vendor, risk and band per policy.</p>
        </div>
        <vr-as-of .value=${this.query.get('asOf') ?? ''} .effective=${v?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
      </div>
      ${loaded(this._ranked, 'rankings', (r) => html`<vr-methodology-ranking .rankings=${r}></vr-methodology-ranking>`)}
    </section>`;
  }

  protected override updated(): void {
    document.title = 'Methodology · Vendorscope';
  }

  private _onAsOf(e: AsOfChanged): void {
    this.dispatchEvent(new NavigationRequested(urlWith('/methodology', { asOf: e.asOf }), true));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-page': MethodologyPage;
  }
}
