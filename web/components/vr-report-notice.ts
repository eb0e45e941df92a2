/**
 * What the report on screen is, beside it: a closed quarter's frozen snapshot (taken when, and
 * whether the database now knows something that would change it, with a link to the restated
 * view), or the restated view itself (with the way back, and the differences as a table below,
 * vr-report-restatement). Screen only: the printed summary says frozen or restated, and when.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { timestamp } from '../format.ts';
import { reportPath, quarterWords, type Report } from '../report.ts';

@customElement('vr-report-notice')
export class ReportNotice extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: 16px;
    }
    .notice {
      border: 1px solid var(--vr-line-strong);
      border-left: 4px solid var(--vr-accent);
      border-radius: var(--vr-radius);
      background: var(--vr-surface);
      padding: 10px 14px;
    }
    .notice.differs {
      border-left-color: var(--vr-high-line);
      background: var(--vr-high-soft);
    }
    p {
      margin: 0 0 4px;
    }
    p:last-child {
      margin: 0;
    }
    a {
      font-weight: 600;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `;

  @property({ attribute: false }) report?: Report;
  /** The quarter compared with, as the URL gives it ('' for the previous one): kept on the links. */
  @property() vs = '';

  override render() {
    const r = this.report;
    if (!r || r.view === 'live') return nothing;
    const taken = html`<time datetime=${r.generatedAt}>${timestamp(r.generatedAt)}</time>`;
    const d = r.restatement;
    if (r.view === 'restated') {
      return html`<section class="notice differs" aria-label="Restated view" data-notice="restated">
        <p><strong>Restated view of ${quarterWords(r.quarter)}.</strong> The same quarter and day (${r.asOf}), scored from the database as it stands today under the methodology of the frozen snapshot ${r.snapshotId} (taken ${taken}). It is not stored and does not replace the frozen report.</p>
        <p>${d?.text ?? 'Nothing differs: the quarter as known today reads as it was frozen.'}</p>
        <p><a href=${reportPath(r.quarter, this.vs)}>Back to the frozen report</a></p>
      </section>`;
    }
    return html`<section class="notice ${d?.differs ? 'differs' : ''}" aria-label="Frozen report" data-notice="frozen">
      <p><strong>Frozen.</strong> Snapshot ${r.snapshotId} of ${quarterWords(r.quarter)}, taken ${taken}: it reads the same every time, whatever it is compared with.</p>
      ${
        d?.differs
          ? html`<p data-restated="available">${d.text}. <a href=${reportPath(r.quarter, this.vs, 'restated')}>See the restated view and what differs</a></p>`
          : html`<p class="muted">Nothing recorded since changes this quarter.</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-notice': ReportNotice;
  }
}
