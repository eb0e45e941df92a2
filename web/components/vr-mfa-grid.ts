/**
 * MFA posture as a grid: a row per population (most at stake first), a column per method from
 * weakest to strongest, and in each row the cell of the method on record, saying "enforced" or
 * "not enforced" with its evidence and date. A population without a record is never left out:
 * its row says "unknown" and marks the cell the score counts it as. Each record says when it was
 * true and when it became known; as of a day, a record not yet known (or not yet true) then is
 * greyed and says so ("not known on 19 Oct 2023 — known from 20 Oct 2023"). Analysts get "Edit".
 *
 * @fires edit-requested - Edit MFA posture
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MfaPosture, MfaRecord } from '../../server/domain/mfa.ts';
import { anchorId, answerHref, attestedBy, isFactSource, sourceWords } from '../evidence.ts';
import { linkText, MFA_METHOD_SHORT, MFA_POPULATIONS } from '../format.ts';
import { MFA_METHODS_WEAK_FIRST, mfaGrid, UNKNOWN_COUNTS_AS, type MfaGridCell, type MfaGridRow, type UnknownCountsAs } from '../charts/mfa-grid.layout.ts';
import { anchorTarget, card, controls, dataTable, provenance, srOnly } from '../styles/shared.ts';
import { EditRequested } from '../vendor-events.ts';
import { sectionHead } from './vr-incident-list.styles.ts';
import { editControlStyles, savedLine } from './edit-controls.ts';
import { mfaGridStyles } from './vr-mfa-grid.styles.ts';

@customElement('vr-mfa-grid')
export class MfaGrid extends LitElement {
  static override styles = [card, dataTable, controls, srOnly, provenance, sectionHead, anchorTarget, editControlStyles, mfaGridStyles];

  @property({ attribute: false }) posture: MfaPosture = { items: [] };
  /** How the methodology scores a population without a record. */
  @property({ attribute: false }) unknownAs: UnknownCountsAs = UNKNOWN_COUNTS_AS;
  @property({ type: Boolean }) editable = false;
  @property() notice = '';
  /** The day the page shows (YYYY-MM-DD; '' for none): records not known by then are marked. */
  @property() asOf = '';
  /** The vendor shown: a self-attested record links to its answer on the request's review page. */
  @property({ type: Number }) vendorId = 0;

  override render() {
    const rows = mfaGrid(this.posture, this.unknownAs, this.asOf);
    const known = rows.filter((r) => r.record).length;
    const notes = rows.filter((r) => r.record?.notes);
    return html`<section class="card" aria-labelledby="mfa-heading">
      <header class="section-head">
        <h2 id="mfa-heading" tabindex="-1">MFA posture</h2>
        <span class="tag fact">Public facts</span>
        <span class="muted">${known} of ${MFA_POPULATIONS.length} populations on record; the rest are unknown: each takes the methodology’s prior, never a good posture.</span>
        ${
          this.editable
            ? html`<span class="head-actions"><button type="button" class="add" @click=${() => this.dispatchEvent(new EditRequested('mfa'))}>Edit MFA posture</button></span>`
            : nothing
        }
      </header>
      ${savedLine(this.notice)}
      <div class="scroll" role="region" aria-label="MFA posture by population and method" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col" class="pop">Population</th>
              ${MFA_METHODS_WEAK_FIRST.map((m) => html`<th scope="col" class="method">${MFA_METHOD_SHORT[m]}</th>`)}
              <th scope="col">Source</th>
            </tr>
            <tr class="scale" aria-hidden="true">
              <td></td><td colspan=${MFA_METHODS_WEAK_FIRST.length}><div class="scale-line"><span>weakest</span><span class="arrow"></span><span>strongest</span></div></td><td></td>
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => this._row(r))}
          </tbody>
        </table>
      </div>
      ${notes.length > 0 ? html`<dl class="notes">${notes.map((r) => html`<dt>${r.label}</dt><dd>${r.record!.notes}</dd>`)}</dl>` : nothing}
    </section>`;
  }

  private _row(r: MfaGridRow) {
    return html`<tr
      class="anchor-target ${r.record ? '' : 'no-record'} ${r.notYet ? 'not-yet' : ''}"
      id=${anchorId(`mfa:${r.population}`)}
      tabindex="-1"
      data-population=${r.population}
      data-unknown=${r.record ? nothing : 'true'}
      data-not-yet=${r.notYet ? 'true' : nothing}
    >
      <th scope="row">${r.label}${r.record ? nothing : html`<span class="unknown-tag">unknown</span>`}${
        r.notYet ? html`<span class="unknown-tag not-yet-tag">${r.notYet}; counted as unknown</span>` : nothing
      }</th>
      ${r.cells.map((c) => this._cell(r, c))}
      <td class="source">${r.record ? html`${this._source(r.record.source)}<span class="dates">${r.dates}</span>${this._attested(r.record)}` : html`<span class="muted">No record</span>`}</td>
    </tr>`;
  }

  private _cell(r: MfaGridRow, c: MfaGridCell) {
    const cls = `cell ${c.below ? 'below' : ''} ${c.recorded ? 'recorded' : ''} ${c.countedAs ? 'counted' : ''}`;
    if (c.recorded) {
      const enforced = r.record!.enforced;
      return html`<td class=${cls} data-method=${c.method} data-enforced=${enforced ? 'true' : 'false'}>
        <span class="mark ${enforced ? 'on' : 'off'}" aria-hidden="true"></span><strong>${enforced ? 'enforced' : 'not enforced'}</strong>
        <span class="ev">${r.evidence}</span>
      </td>`;
    }
    if (c.countedAs) {
      return html`<td class=${cls} data-method=${c.method}><strong>unknown</strong><span class="ev">counted as ${MFA_METHOD_SHORT[c.method]}, ${this.unknownAs.enforced ? 'enforced' : 'not enforced'}</span></td>`;
    }
    return html`<td class=${cls} data-method=${c.method}><span class="sr-only">${r.record ? '' : 'unknown'}</span></td>`;
  }

  /** A record accepted from the vendor's own answer says so: it weighs less in confidence. */
  private _attested(record: Parameters<typeof attestedBy>[0]) {
    const text = attestedBy(record);
    const href = isFactSource(record.source) ? answerHref(this.vendorId, record.source) : null;
    return text ? html`<span class="dates attested">${href ? html`<a href=${href}>${text}</a>` : text}</span>` : nothing;
  }

  private _source(source: MfaRecord['source']) {
    if (!source) return html`<span class="muted">No source given.</span>`;
    // A record from a questionnaire names the answer (its words; the "Self-attested" line below says so too).
    if (isFactSource(source)) return sourceWords(source);
    // The field may hold a citation instead of a URL; only URLs become links.
    if (!/^https?:\/\//.test(source)) return source;
    return html`<a href=${source} rel="noopener noreferrer" target="_blank">${linkText(source)}<span class="sr-only"> (opens in a new tab)</span></a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-mfa-grid': MfaGrid;
  }
}
