/**
 * The backtest of a methodology on the installed portfolio, ready to embed: give it a stored
 * `version` (default: the one in force) or `draft` parameters (what an admin is editing, before it
 * is stored), and optionally `decays`, named decay policies to compare it under. It asks the API
 * itself, unlike most components, because two pages embed it with the same requests: the
 * methodology page (the version in force under each decay policy) and the methodology editor (a
 * draft). A refusal (too few events, a draft the server rejects) shows the server's words.
 *
 *   <vr-backtest .decays=${['long-memory', 'short-penalty', 'peer-half-life']}></vr-backtest>
 *   <vr-backtest .draft=${parameters}></vr-backtest>
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Backtest, BacktestRange, DraftMethodologyBody } from '../api/client.ts';
import type { DecayPolicyName } from '../../server/domain/methodology.ts';
import { otherDecays } from '../backtest.ts';
import type { BacktestRunChosen } from '../backtest-events.ts';
import { apiContext } from '../state/contexts.ts';
import './vr-backtest-policies.ts';
import './vr-backtest-report.ts';
import './vr-error.ts';

@customElement('vr-backtest')
export class BacktestPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .loading {
      color: var(--vr-ink-muted);
      padding: 12px 0;
    }
    vr-backtest-policies {
      margin-bottom: 20px;
    }
    [aria-busy='true'] {
      opacity: 0.6;
    }
  `;

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** A stored methodology version; the one in force when left out. Ignored when `draft` is set. */
  @property() version?: string;
  /** Draft parameters (the body PUT /methodology takes): backtested before they are stored. */
  @property({ attribute: false }) draft?: DraftMethodologyBody;
  /** Named decay policies to compare the version under (its own first). */
  @property({ attribute: false }) decays: readonly DecayPolicyName[] = [];
  @property({ attribute: false }) range: BacktestRange = {};
  @state() private _selected = 0;

  private _runs = new Task(this, {
    args: () => [this.version, this.draft, this.decays, this.range] as const,
    task: async ([version, draft, decays, range], { signal }): Promise<Backtest[]> => {
      this._selected = 0;
      // The version under its own decay policy first: its name says which named ones are new.
      const own = draft ? await this._api.backtestDraft(draft, range, { signal }) : await this._api.backtest({ ...range, version }, { signal });
      const names = otherDecays(own.decay, decays);
      if (names.length === 0) return [own];
      if (!draft) return [own, ...(await Promise.all(names.map((decay) => this._api.backtest({ ...range, version, decay }, { signal }))))];
      // A draft under another named policy: that policy's parameters, as the server lists them.
      const catalogue = await this._api.decayPolicies({ signal });
      const parameters = (name: string) => {
        const { inForce: _f, curve: _c, ...policy } = catalogue.find((p) => p.name === name)!;
        return policy;
      };
      return [own, ...(await Promise.all(names.map((name) => this._api.backtestDraft({ ...draft, decay: parameters(name) }, range, { signal }))))];
    },
  });

  override render() {
    if (this._runs.status === TaskStatus.ERROR) return html`<vr-error heading="The backtest could not be run" .error=${this._runs.error}></vr-error>`;
    const runs = this._runs.value;
    if (!runs) return html`<p class="loading" role="status">Replaying the portfolio's history quarter by quarter…</p>`;
    const selected = runs[Math.min(this._selected, runs.length - 1)]!;
    return html`<div aria-busy=${this._runs.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${
        runs.length > 1
          ? html`<vr-backtest-policies .reports=${runs} .inForce=${runs[0]!.decay} .selected=${this._selected} @backtest-run-chosen=${this._choose}></vr-backtest-policies>`
          : nothing
      }
      <vr-backtest-report .report=${selected}></vr-backtest-report>
    </div>`;
  }

  private _choose(e: BacktestRunChosen): void {
    e.stopPropagation();
    this._selected = e.index;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest': BacktestPanel;
  }
}
