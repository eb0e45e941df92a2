/**
 * The report's controls: which quarter, compared with which (the previous one by default), the
 * downloads (CSV, Markdown, JSON: plain links to the API with `download`, so the session cookie
 * travels and the browser saves the file) and printing. None of it is printed.
 *
 * @fires report-picked - another quarter, or another quarter to compare with, was chosen
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { downloadHref, downloadName, FORMATS, keepVs, quarterChoices, quarterWords, vsChoices, type ReportViewParam } from '../report.ts';
import { shiftQuarter } from '../charts/trend.quarters.ts';
import { controls } from '../styles/shared.ts';
import { filterBar, forms } from '../styles/forms.ts';

export class ReportPicked extends Event {
  static readonly type = 'report-picked';
  readonly quarter: string;
  /** '' for the previous quarter. */
  readonly vs: string;
  constructor(quarter: string, vs: string) {
    super(ReportPicked.type, { bubbles: true, composed: true });
    this.quarter = quarter;
    this.vs = vs;
  }
}

@customElement('vr-report-controls')
export class ReportControls extends LitElement {
  static override styles = [
    controls,
    forms,
    filterBar,
    css`
      :host {
        display: block;
      }
      .downloads {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
        margin: 10px 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.9rem;
      }
      .downloads .label {
        font-weight: 600;
        margin-right: 4px;
      }
      .downloads a {
        display: inline-block;
        padding: 4px 10px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        text-decoration: none;
        font-weight: 600;
      }
      .downloads a:hover {
        background: var(--vr-accent-soft);
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** The report's quarter. */
  @property() quarter = '';
  /** The quarter compared with, from the URL; '' for the previous one. */
  @property() vs = '';
  /** Today's quarter: the newest there is a report of. */
  @property() current = '';
  /** Where the API lives (`/api/v1`). */
  @property() apiBase = '/api/v1';
  /** 'restated' when the page shows the quarter as known today: the downloads are of that view. */
  @property() view: ReportViewParam = '';

  override render() {
    const q = this.quarter;
    return html`<form aria-label="Report" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="quarter">Quarter</label>
          <select id="quarter" .value=${live(q)} @change=${this._onQuarter}>
            ${quarterChoices(this.current, q).map((c) => html`<option value=${c} ?selected=${c === q}>${quarterWords(c)}${c === this.current ? ' (current)' : ''}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="vs">Compared with</label>
          <select id="vs" .value=${live(this.vs)} @change=${this._onVs}>
            <option value="" ?selected=${this.vs === ''}>Previous quarter (${quarterWords(shiftQuarter(q, -1))})</option>
            ${vsChoices(q, this.vs)
              .slice(1)
              .map((c) => html`<option value=${c} ?selected=${c === this.vs}>${quarterWords(c)}</option>`)}
          </select>
        </div>
        <button class="secondary" type="button" @click=${() => window.print()}>Print or save as PDF</button>
      </form>
      <ul class="downloads" aria-label="Download this report">
        <li class="label" aria-hidden="true">Download</li>
        ${FORMATS.map(
          (f) => html`<li>
            <a data-format=${f.format} href=${downloadHref(this.apiBase, q, f.format, this.vs, this.view)} download=${downloadName(q, f.format, this.vs, this.view)} title=${f.what}
              >${f.label}</a
            >
          </li>`,
        )}
      </ul>`;
  }

  private _onQuarter(e: Event): void {
    const quarter = (e.target as HTMLSelectElement).value;
    this.dispatchEvent(new ReportPicked(quarter, keepVs(quarter, this.vs)));
  }

  private _onVs(e: Event): void {
    this.dispatchEvent(new ReportPicked(this.quarter, (e.target as HTMLSelectElement).value));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-controls': ReportControls;
  }
  interface HTMLElementEventMap {
    'report-picked': ReportPicked;
  }
}
