/** What a backtest's figures say, in words (the server derives them): what the score predicts, what it does not, and what to read with care. */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Statement } from '../backtest.ts';
import { STATEMENT_GROUPS } from '../backtest.ts';

@customElement('vr-backtest-statements')
export class BacktestStatements extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 12px 24px;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0 0 6px;
    }
    ul {
      margin: 0;
      padding-left: 1.2em;
    }
    li {
      margin: 0 0 6px;
      max-width: 80ch;
    }
    section[data-verdict='does-not'] h3 {
      color: var(--vr-high);
    }
    section[data-verdict='does'] h3 {
      color: var(--vr-fact);
    }
  `;

  @property({ attribute: false }) statements: readonly Statement[] = [];

  override render() {
    return html`<div class="groups">
      ${STATEMENT_GROUPS.map(({ verdict, heading }) => {
        const items = this.statements.filter((s) => s.verdict === verdict);
        return items.length === 0
          ? nothing
          : html`<section data-verdict=${verdict}>
              <h3>${heading}</h3>
              <ul>
                ${items.map((s) => html`<li data-statement=${s.id}>${s.text}</li>`)}
              </ul>
            </section>`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-backtest-statements': BacktestStatements;
  }
}
