/**
 * The methodology in force (`/methodology?asOf=2023-10-31`): its parameters, every parameter with
 * why it has its value and its source (`#params-support`: a factor's numbers), each decay
 * policy's curve, and the portfolio ranked under each policy as of a day, so the choice of memory
 * can be judged by what it does. Two Tasks: the parameters and curves (once), and the rankings
 * (per day). Admins also edit a new version here (MethodologyEditController): the form, the
 * rankings under the draft beside those in force, then saving puts it in force.
 * Below them, the backtest under each policy (vr-methodology-backtest, which asks for it itself).
 */
import { css, html, LitElement, nothing, type ReactiveElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, DecayPolicyCurve, Me } from '../api/client.ts';
import type { DecayPolicyName } from '../../server/domain/methodology.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested, type AsOfChanged, type EvidenceRequested } from '../events.ts';
import { isAdmin } from '../roles.ts';
import { MethodologyEditController } from '../controllers/methodology-edit-controller.ts';
import type { MethodologyDraftChanged, MethodologyDraftCompare, MethodologyDraftSubmitted } from '../methodology-events.ts';
import type { MethodologyDraft } from '../methodology-draft.ts';
import { editControlStyles, savedLine } from '../components/edit-controls.ts';
import { policyWeight, REFERENCE_GAP } from '../charts/decay.layout.ts';
import { rankings } from '../ranking-diff.ts';
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
import '../components/vr-methodology-rationale.ts';
import '../components/vr-methodology-editor.ts';
import '../components/vr-methodology-backtest.ts';
import '../components/vr-backtest.ts';
import { revealIn } from '../reveal.ts';

/** The policies the heatmap can rank under (`?decay=`), in the order the engine lists them. */
const NAMED = ['long-memory', 'short-penalty', 'peer-half-life'] as const satisfies readonly DecayPolicyName[];

@customElement('vr-methodology-page')
export class MethodologyPage extends LitElement {
  static override styles = [
    card,
    pageStyles,
    editControlStyles,
    css`
      .page-head button.edit {
        align-self: center;
      }
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
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  /** The URL's query: `asOf` (the rankings' day). */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The admin's draft of a new version, its comparison and its save. */
  private _edit = new MethodologyEditController(this, {
    api: () => this._api,
    asOf: () => this.query.get('asOf') ?? '',
    afterSave: async () => {
      // The editor has closed: its Edit button takes focus back while the page reloads under the new version.
      this._focusEdit = true;
      this.requestUpdate();
      await Promise.all([this._method.run(), this._ranked.run()]);
    },
  });
  /** Focus goes back to the Edit button after the next render (the editor closed). */
  private _focusEdit = false;
  /** A `#params-…` link into the page is shown once, when the parameters are drawn. */
  private _fragmentShown = false;

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
    const admin = isAdmin(this._me?.role);
    const m = this._method.value?.methodology;
    return html`<header class="page-head">
        <div>
          <h1>Methodology</h1>
          <p class="lede">How scores are made: the parameters in force and why each has its value, how long an incident keeps counting, and what that choice does to the ranking.</p>
        </div>
        ${
          admin && m && !this._edit.editing
            ? html`<button type="button" class="edit" id="methodology-edit" @click=${() => this._edit.open(m)}>Edit a new version</button>`
            : nothing
        }
      </header>
      ${savedLine(this._edit.said)}
      ${loaded(
        this._method,
        'methodology',
        ({ methodology, policies }) => html`<div class="stack" @evidence-requested=${this._onReveal}>
          ${admin && this._edit.draft ? this._editor(this._edit.draft) : nothing}
          <vr-methodology-parameters .methodology=${methodology}></vr-methodology-parameters>
          <vr-methodology-points .methodology=${methodology}></vr-methodology-points>
          <vr-methodology-rationale .methodology=${methodology}></vr-methodology-rationale>
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
      ${REFERENCE_GAP.days} days after its first${
        lm && sp && peer
          ? html`: by then long-memory still counted the first at <strong>${lm}</strong> of its weight, peer-half-life (modelled on Bitsight) at
            <strong>${peer}</strong>, and short-penalty (modelled on SecurityScorecard) at <strong>${sp}</strong>, as if it had never happened`
          : nothing
      }.
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

  private _editor(draft: MethodologyDraft) {
    const e = this._edit;
    const compared = e.comparison;
    return html`<vr-methodology-editor .draft=${draft} inForce=${e.inForce} .errors=${e.errors} refusals=${e.refusals} failure=${e.failure} ?busy=${e.busy}
      .comparison=${compared?.rankings} ?comparing=${e.comparing} asOf=${compared?.asOf ?? ''}
      @methodology-draft-changed=${(ev: MethodologyDraftChanged) => e.change(ev.draft)}
      @methodology-draft-compare=${(ev: MethodologyDraftCompare) => e.requestCompare(ev.draft, this.query.get('asOf') ?? '')}
      @methodology-draft-submitted=${(ev: MethodologyDraftSubmitted) => e.submit(ev.draft)}
      @methodology-edit-cancelled=${this._closeEditor}>${this._draftBacktest(draft)}</vr-methodology-editor>`;
  }

  /**
   * The backtest of this draft (issue 13 §4), under the rankings once the draft has been compared
   * (POST /api/v1/methodology/backtest with the draft's body; run once per comparison).
   */
  private _draftBacktest(_draft: MethodologyDraft) {
    const body = this._edit.comparedBody;
    if (!body) return nothing;
    return html`<section slot="draft-backtest" aria-labelledby="draft-bt-title">
      <h3 id="draft-bt-title">Backtest of this draft: would it have foreseen what happened?</h3>
      <vr-backtest .draft=${body}></vr-backtest>
    </section>`;
  }

  private _closeEditor(): void {
    this._edit.close();
    this._focusEdit = true;
  }

  protected override updated(): void {
    document.title = 'Methodology · Vendorscope';
    if (this._focusEdit) {
      this._focusEdit = false;
      this.renderRoot.querySelector<HTMLElement>('#methodology-edit')?.focus();
    }
    // A link such as /methodology#params-support: the browser cannot see into shadow roots, so show it once drawn.
    if (!this._fragmentShown && location.hash.startsWith('#params-') && this._method.value) {
      this._fragmentShown = true;
      const parts = [...this.renderRoot.querySelectorAll('*')].flatMap((el) => (el as Partial<ReactiveElement>).updateComplete ?? []);
      void Promise.all(parts).then(() => this._reveal(decodeURIComponent(location.hash.slice(1))));
    }
  }

  private _onReveal(e: EvidenceRequested): void {
    e.stopPropagation();
    this._reveal(e.anchor);
  }

  private _reveal(anchor: string): void {
    revealIn(this.renderRoot, anchor);
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
