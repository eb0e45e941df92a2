/**
 * Fourth parties: who in the vendor's chain can reach customer tenants, how, and how well guarded.
 * Null facts show as "unknown". Analysts get Add, Edit and Delete.
 *
 * @fires edit-requested - Add subprocessor (id null) or Edit on one
 * @fires delete-requested - Delete on one
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import { anchorId } from '../evidence.ts';
import { ACCESS_LEVEL_LABEL, MFA_METHOD_LABEL, partialDate, yesNo } from '../format.ts';
import { anchorTarget, card, provenance, srOnly } from '../styles/shared.ts';
import { DeleteRequested, EditRequested } from '../vendor-events.ts';
import { sectionHead } from './vr-incident-list.styles.ts';
import { editControlStyles, recordActions, savedLine } from './edit-controls.ts';
import './vr-source-links.ts';

const unknown = html`<span class="unknown">unknown</span>`;

function period(s: Subprocessor) {
  if (!s.since && !s.until) return html`<span class="unknown">start unknown</span>, ongoing`;
  const since = s.since ? `since ${partialDate(s.since)}` : 'start unknown';
  return s.until ? `${since}, ended ${partialDate(s.until)}` : `${since}, ongoing`;
}

@customElement('vr-subprocessor-list')
export class SubprocessorList extends LitElement {
  static override styles = [
    card,
    provenance,
    srOnly,
    sectionHead,
    anchorTarget,
    editControlStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 16px;
      }
      li + li {
        border-top: 1px solid var(--vr-line);
        padding-top: 16px;
      }
      h3 .ended {
        font-weight: 400;
        color: var(--vr-ink-muted);
        font-size: 0.85rem;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 8px 16px;
        margin: 0 0 8px;
      }
      dt {
        font-size: 0.75rem;
        color: var(--vr-ink-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
        font-size: 0.9rem;
      }
      div.wide {
        grid-column: span 2;
      }
      .evidence {
        margin: 0 0 8px;
        font-size: 0.9rem;
        max-width: 100ch;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly Subprocessor[] = [];
  @property({ type: Boolean }) editable = false;
  @property() notice = '';

  override render() {
    return html`<section class="card" aria-labelledby="subprocessors-heading">
      <header class="section-head">
        <h2 id="subprocessors-heading" tabindex="-1">Subprocessors and support arrangements <span class="count">(${this.items.length})</span></h2>
        <span class="tag fact">Public facts</span>
        ${this.editable
          ? html`<span class="head-actions"><button type="button" class="add" @click=${() => this.dispatchEvent(new EditRequested('subprocessor'))}>Add subprocessor</button></span>`
          : nothing}
      </header>
      ${savedLine(this.notice)}
      ${this.items.length === 0
        ? html`<p class="muted">No subprocessor on record: the support chain is <strong>unknown</strong>, and the score counts it as such.</p>`
        : html`<ul>
            ${this.items.map((s) => html`<li class="anchor-target" id=${anchorId(`subprocessor:${s.id}`)} tabindex="-1" data-subprocessor-id=${s.id}>${this._item(s)}</li>`)}
          </ul>`}
    </section>`;
  }

  private _item(s: Subprocessor) {
    return html`<h3>${s.name} ${s.until ? html`<span class="ended">(former, ended ${partialDate(s.until)})</span>` : nothing}</h3>
      ${recordActions(
        this.editable,
        'subprocessor',
        s.name,
        () => this.dispatchEvent(new EditRequested('subprocessor', s.id)),
        () => this.dispatchEvent(new DeleteRequested('subprocessor', s.id, s.name)),
      )}
      <dl>
        <div><dt>Function</dt><dd>${s.function}</dd></div>
        <div><dt>Delivered</dt><dd>${s.outsourced ? 'Outsourced' : 'In-house'}</dd></div>
        <div class="wide"><dt>Access to customer tenants</dt><dd>${ACCESS_LEVEL_LABEL[s.accessLevel]}</dd></div>
        <div><dt>Staff MFA</dt><dd>${s.staffMfa ? MFA_METHOD_LABEL[s.staffMfa] : unknown}</dd></div>
        <div><dt>Artefacts sanitized on upload</dt><dd>${s.artifactsSanitized === null ? unknown : yesNo(s.artifactsSanitized)}</dd></div>
        <div><dt>Retention</dt><dd>${s.retentionDays === null ? unknown : `${s.retentionDays} days`}</dd></div>
        <div><dt>Period</dt><dd>${period(s)}</dd></div>
        ${s.location ? html`<div><dt>Location</dt><dd>${s.location}</dd></div>` : nothing}
      </dl>
      ${s.evidence ? html`<p class="evidence">${s.evidence}</p>` : nothing}
      <vr-source-links .sources=${s.sources}></vr-source-links>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-subprocessor-list': SubprocessorList;
  }
}
