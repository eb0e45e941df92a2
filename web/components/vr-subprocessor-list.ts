/**
 * Fourth parties: who in the vendor's chain can reach customer tenants, how, and how well guarded.
 * Null facts show as "unknown". Each says when it was true and when it became known; as of a day,
 * one not yet known then is greyed and says so, rather than shown as if it counted. Analysts get
 * Add, Edit and Delete, and Record incident: an incident at the subprocessor, which every vendor it
 * serves inherits, whether or not it was a vendor on record.
 *
 * @fires edit-requested - Add subprocessor (id null), Edit on one, or Record incident on one
 * @fires delete-requested - Delete on one
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import { anchorId, answerHref, attestedBy } from '../evidence.ts';
import { ACCESS_LEVEL_LABEL, MFA_METHOD_LABEL, partialDate, yesNo } from '../format.ts';
import { subprocessorDates } from '../known.ts';
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
      .dates {
        margin: 0 0 8px;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      /* Not yet known on the day shown: greyed, and said in words. */
      li.not-yet {
        color: var(--vr-ink-muted);
        border-left: 3px dashed var(--vr-line-strong);
        padding-left: 12px;
      }
      li.not-yet dd {
        font-weight: 400;
      }
      .not-yet-note {
        margin: 0 0 8px;
        font-size: 0.85rem;
        font-style: italic;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly Subprocessor[] = [];
  @property({ type: Boolean }) editable = false;
  @property() notice = '';
  /** The day the page shows (YYYY-MM-DD; '' for none): arrangements not known by then are marked. */
  @property() asOf = '';
  /** The vendor shown: a self-attested record links to its answer on the request's review page. */
  @property({ type: Number }) vendorId = 0;

  override render() {
    return html`<section class="card" aria-labelledby="subprocessors-heading">
      <header class="section-head">
        <h2 id="subprocessors-heading" tabindex="-1">Subprocessors and support arrangements <span class="count">(${this.items.length})</span></h2>
        <span class="tag fact">Public facts</span>
        ${
          this.editable
            ? html`<span class="head-actions"><button type="button" class="add" @click=${() => this.dispatchEvent(new EditRequested('subprocessor'))}>Add subprocessor</button></span>`
            : nothing
        }
      </header>
      ${savedLine(this.notice)}
      ${
        this.items.length === 0
          ? html`<p class="muted">No subprocessor on record: the support chain is <strong>unknown</strong>, and the score counts it as such.</p>`
          : html`<ul>
            ${this.items.map((s) => {
              const notYet = subprocessorDates(s, this.asOf).notYet;
              return html`<li class="anchor-target ${notYet ? 'not-yet' : ''}" id=${anchorId(`subprocessor:${s.id}`)} tabindex="-1" data-subprocessor-id=${s.id} data-not-yet=${notYet ? 'true' : nothing}>
                ${this._item(s)}
              </li>`;
            })}
          </ul>`
      }
    </section>`;
  }

  private _item(s: Subprocessor) {
    const dates = subprocessorDates(s, this.asOf);
    return html`<h3>${s.name} ${s.until ? html`<span class="ended">(former, ended ${partialDate(s.until)})</span>` : nothing}</h3>
      <p class="dates">${dates.both}</p>
      ${dates.notYet ? html`<p class="not-yet-note">${dates.notYet}: not counted in the score of that day.</p>` : nothing}
      ${recordActions(
        this.editable,
        'subprocessor',
        s.name,
        () => this.dispatchEvent(new EditRequested('subprocessor', s.id)),
        () => this.dispatchEvent(new DeleteRequested('subprocessor', s.id, s.name)),
      )}
      ${
        this.editable
          ? html`<div class="record-actions">
            <button type="button" class="edit record-incident" @click=${() => this.dispatchEvent(new EditRequested('subprocessor-incident', s.id))}>
              Record incident<span class="sr-only"> at ${s.name}</span>
            </button>
          </div>`
          : nothing
      }
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
      ${attested(s, answerHref(this.vendorId, s.source))}
      <vr-source-links .sources=${s.sources}></vr-source-links>`;
  }
}

/** A self-attested record says so, linking to the answer it came from when the page knows the vendor. */
function attested(s: Parameters<typeof attestedBy>[0], href: string | null) {
  const text = attestedBy(s);
  if (!text) return nothing;
  return html`<p class="evidence attested">${href ? html`<a href=${href}>${text}</a>` : text}</p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-subprocessor-list': SubprocessorList;
  }
}
