/**
 * The methodology's point tables, in words: what an incident of each severity is worth, what each
 * level of support access adds to the support-chain factor, and how much risk each MFA method
 * leaves. Values are the methodology in force, as the API gives them.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Methodology } from '../api/client.ts';
import type { AccessLevel, MfaMethod, MfaPopulation, Severity } from '../../server/domain/vocabulary.ts';
import { ACCESS_LEVEL_LABEL, MFA_METHOD_LABEL, MFA_POPULATION_LABEL, percent, SEVERITY_LABEL } from '../format.ts';
import { card, dataTable, numColumns } from '../styles/shared.ts';

const entries = <K extends string>(o: Readonly<Record<K, number>>) => Object.entries(o) as Array<[K, number]>;

@customElement('vr-methodology-points')
export class MethodologyPoints extends LitElement {
  static override styles = [
    card,
    dataTable,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.3fr) minmax(0, 1.1fr);
        gap: 24px;
      }
      ${numColumns}
      td.num,
      th.num {
        white-space: nowrap;
      }
      p.note {
        margin: 8px 0 0;
        font-size: 0.82rem;
        color: var(--vr-ink-muted);
      }
      @media (max-width: 1000px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) methodology?: Methodology;

  override render() {
    const m = this.methodology;
    if (!m) return nothing;
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Points and risks</h2>
      <div class="grid">
        <div>
          <h3 id="sev">Incident severity</h3>
          <table aria-labelledby="sev">
            <thead><tr><th scope="col">Severity</th><th scope="col" class="num">Points</th></tr></thead>
            <tbody>
              ${entries<Severity>(m.incidents.severityPoints).map(([s, p]) => html`<tr><td>${SEVERITY_LABEL[s]}</td><td class="num">${p}</td></tr>`)}
            </tbody>
          </table>
          <p class="note">Scaled by the report's confidence and the customers affected, then by the decay policy.</p>
        </div>
        <div>
          <h3 id="acc">Support access to customer tenants</h3>
          <table aria-labelledby="acc">
            <thead><tr><th scope="col">Access</th><th scope="col" class="num">Points</th></tr></thead>
            <tbody>
              ${entries<AccessLevel>(m.support.accessPoints).map(([a, p]) => html`<tr><td>${ACCESS_LEVEL_LABEL[a]}</td><td class="num">${p}</td></tr>`)}
            </tbody>
          </table>
          <p class="note">
            × ${m.support.outsourcedMultiplier} when outsourced; +${m.support.unsanitizedArtifactsPoints} for unsanitized artefacts; a
            subprocessor passes on ${percent(m.support.inheritedShare)} of its own incident score (at most ${m.support.inheritedCap}). With no
            arrangement on record the chain takes the prior, ${m.support.unknownPrior} points.
          </p>
        </div>
        <div>
          <h3 id="mfa">MFA: risk each method leaves</h3>
          <table aria-labelledby="mfa">
            <thead><tr><th scope="col">Method</th><th scope="col" class="num">Residual risk</th></tr></thead>
            <tbody>
              ${entries<MfaMethod>(m.mfa.methodRisk).map(([k, r]) => html`<tr><td>${MFA_METHOD_LABEL[k]}</td><td class="num">${percent(r)}</td></tr>`)}
            </tbody>
          </table>
          <p class="note">
            Weighed by population:
            ${entries<MfaPopulation>(m.mfa.populationWeights)
              .map(([p, w]) => `${MFA_POPULATION_LABEL[p].toLowerCase()} ${w}`)
              .join(', ')}
            points. A population with no record takes the prior, residual risk ${percent(m.mfa.unknownPrior)}; a subprocessor's unknown staff MFA
            counts as ${MFA_METHOD_LABEL[m.mfa.unknownCountsAs.method].toLowerCase()}${m.mfa.unknownCountsAs.enforced ? '' : ', not enforced'}.
            A vendor whose evidence covers less than ${percent(m.assessment.minEvidenceShare)} of the likelihood weight is not assessed.
          </p>
        </div>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-points': MethodologyPoints;
  }
}
