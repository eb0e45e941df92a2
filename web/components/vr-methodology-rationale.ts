/**
 * Every parameter of the methodology in force, grouped by section: its value, why it has it and
 * where that comes from (a citation, a link, or whose judgement and when). Each section carries an
 * id (`params-support`) so that a factor, here or in a vendor's breakdown, can link to the
 * numbers it is made of; with them a reader can redo a contribution's formula.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Methodology } from '../api/client.ts';
import { linkText } from '../format.ts';
import { sectionAnchor, sectionsOf, valueText, type ParameterSection } from '../methodology-draft.ts';
import { card, dataTable } from '../styles/shared.ts';

const URL_IN_TEXT = /(https?:\/\/[^\s;,)]+)/g;

/** A source with its links made links (the text around them kept). */
export const sourceText = (source: string) =>
  source.split(URL_IN_TEXT).map((part, i) => (i % 2 === 1 ? html`<a href=${part} rel="noopener noreferrer" target="_blank">${linkText(part)}</a>` : part));

@customElement('vr-methodology-rationale')
export class MethodologyRationale extends LitElement {
  static override styles = [
    card,
    dataTable,
    css`
      :host {
        display: block;
      }
      .intro {
        margin: 0 0 12px;
        max-width: 110ch;
      }
      section.group {
        margin: 0 0 18px;
        scroll-margin-top: 16px;
      }
      section.group:focus {
        outline: 2px solid var(--vr-focus);
        outline-offset: 4px;
      }
      h3 {
        margin: 0 0 6px;
      }
      th,
      td {
        vertical-align: top;
      }
      .param {
        width: 19%;
        font-family: var(--vr-font-mono);
        font-size: 0.82rem;
        overflow-wrap: anywhere;
      }
      .value {
        width: 17%;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      .source {
        width: 24%;
        color: var(--vr-ink-muted);
        font-size: 0.86rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) methodology?: Methodology;

  override render() {
    const m = this.methodology;
    if (!m) return nothing;
    return html`<section class="card" aria-labelledby="why-t">
      <h2 id="why-t">Every parameter: its value, why, and its source</h2>
      <p class="intro">
        Version <strong>${m.version}</strong>. With these numbers a contribution's formula in a vendor's breakdown can be redone by hand. A source is a
        citation, a link, or "judgement" with who chose the value and when; the backtest is how a judgement gets checked.
      </p>
      ${sectionsOf(m, m.rationale).map((s) => this._section(s))}
    </section>`;
  }

  private _section(s: ParameterSection) {
    const id = sectionAnchor(s.id);
    return html`<section class="group" id=${id} tabindex="-1" aria-labelledby=${`${id}-h`} data-section=${s.id}>
      <h3 id=${`${id}-h`}>${s.label}</h3>
      <table>
        <thead>
          <tr><th scope="col" class="param">Parameter</th><th scope="col" class="value">Value</th><th scope="col">Why</th><th scope="col" class="source">Source</th></tr>
        </thead>
        <tbody>
          ${s.rows.map(
            (r) => html`<tr data-parameter=${r.path}>
              <th scope="row" class="param">${r.path}</th>
              <td class="value">${valueText(r.value)}</td>
              <td class="why">${r.rationale?.why ?? html`<em>no rationale recorded</em>`}</td>
              <td class="source">${r.rationale ? sourceText(r.rationale.source) : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-rationale': MethodologyRationale;
  }
}
