/**
 * A vendor's past incidents: first all of them on one time axis (the chart, then the same as a
 * table), then each in the order the API gives (newest disclosure first): what happened, the four
 * dates that matter (intrusion, detection, first outside report, disclosure), the disclosure lag,
 * and the public sources. An incident imported from VERIS says so, with its VERIS id and the
 * source's attribution (the VCDB's CC BY-SA licence asks for it wherever the record is shown).
 * Each says when it was true (intrusion) and when it became known (disclosure); as of a day, one
 * not yet known then is greyed and says so. Each says how the methodology reads it (root cause and
 * entry path, set or derived; its campaign) and the points it adds to the score in all
 * (vr-incident-reading.ts). Analysts get Add, Edit and Delete.
 *
 * @fires edit-requested - Add incident (id null) or Edit on one
 * @fires delete-requested - Delete on one
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Incident } from '../../server/domain/incident.ts';
import type { VendorScore } from '../../server/http/contract.ts';
import { incidentWeights } from '../root-causes.ts';
import { campaignOf, readingOf, readingStyles, weightOf } from './vr-incident-reading.ts';
import { evidenceLinkStyles } from './evidence-link.ts';
import { anchorId } from '../evidence.ts';
import { CONFIDENCE_LABEL, disclosureLag, lagDays, linkText, partialDate, SEVERITY_LABEL } from '../format.ts';
import { attributionParts } from '../imports.ts';
import { incidentDates } from '../known.ts';
import { anchorTarget, card, provenance, srOnly } from '../styles/shared.ts';
import { DeleteRequested, EditRequested } from '../vendor-events.ts';
import { incidentStyles } from './vr-incident-list.styles.ts';
import { editControlStyles, recordActions, savedLine } from './edit-controls.ts';
import './vr-source-links.ts';
import './vr-incident-timeline-table.ts';
import '../charts/vr-incident-timeline.ts';

const when = (d: string | null) => (d ? html`<time datetime=${d}>${partialDate(d)}</time>` : html`<span class="unknown">unknown</span>`);

function lagSentence(i: Incident, vendor: string): string {
  const lag = disclosureLag(i);
  if (!i.publicDisclosureDate) return 'No public disclosure on record.';
  if (!lag) return 'Disclosure lag cannot be computed: neither a detection date nor a first outside report is on record.';
  const days = lagDays(lag);
  return lag.from === 'third-party'
    ? `Disclosed ${days} after the first outside report; others found it before ${vendor} did.`
    : `Disclosed ${days} after ${vendor} detected it.`;
}

@customElement('vr-incident-list')
export class IncidentList extends LitElement {
  static override styles = [card, provenance, srOnly, incidentStyles, anchorTarget, editControlStyles, readingStyles, evidenceLinkStyles];

  @property({ attribute: false }) incidents: readonly Incident[] = [];
  @property() vendorName = 'the vendor';
  /** Whether to offer Add, Edit and Delete (analysts and admins; the server refuses others anyway). */
  @property({ type: Boolean }) editable = false;
  /** What the last change here did, in words. */
  @property() notice = '';
  /** The day the page shows (YYYY-MM-DD; '' for none): incidents not known by then are marked. */
  @property() asOf = '';
  /** The score of that day, for the points each incident adds in all (none while it loads). */
  @property({ attribute: false }) score: Pick<VendorScore, 'factors'> | undefined;
  /** The methodology's cap on one incident's likelihood points (null: none). */
  @property({ attribute: false }) incidentCap: number | null = null;

  override render() {
    const weights = this.score ? incidentWeights(this.score) : undefined;
    return html`<section class="card" aria-labelledby="incidents-heading">
      <header class="section-head">
        <h2 id="incidents-heading" tabindex="-1">Incidents <span class="count">(${this.incidents.length})</span></h2>
        <span class="tag fact">Public facts</span>
        ${
          this.editable
            ? html`<span class="head-actions"><button type="button" class="add" @click=${() => this.dispatchEvent(new EditRequested('incident'))}>Add incident</button></span>`
            : nothing
        }
      </header>
      ${savedLine(this.notice)}
      ${
        this.incidents.length === 0
          ? html`<p class="muted">No incident on record for this vendor.</p>`
          : html`<div class="timeline">
              <h3>Timeline</h3>
              <vr-incident-timeline .incidents=${this.incidents}></vr-incident-timeline>
              <vr-incident-timeline-table .incidents=${this.incidents}></vr-incident-timeline-table>
            </div>
            <ol class="incidents">
              ${this.incidents.map((i) => html`<li>${this._incident(i, weights)}</li>`)}
            </ol>`
      }
    </section>`;
  }

  private _incident(i: Incident, weights: ReturnType<typeof incidentWeights> | undefined) {
    // The target of findings' and gaps' links (`incident:12` → `#incident-12`).
    const dates = incidentDates(i, this.asOf);
    return html`<article class="incident anchor-target ${dates.notYet ? 'not-yet' : ''}" id=${anchorId(`incident:${i.id}`)} tabindex="-1" data-incident-id=${i.id} data-not-yet=${dates.notYet ? 'true' : nothing}>
      <h3>${i.title}</h3>
      ${dates.notYet ? html`<p class="not-yet-note">${dates.notYet}: not counted in the score of that day.</p>` : nothing}
      ${recordActions(
        this.editable,
        'incident',
        i.title,
        () => this.dispatchEvent(new EditRequested('incident', i.id)),
        () => this.dispatchEvent(new DeleteRequested('incident', i.id, i.title)),
      )}
      <p class="badges">
        <span class="sev sev-${i.severity}">${SEVERITY_LABEL[i.severity]} severity</span>
        <span class="pill">${CONFIDENCE_LABEL[i.confidence]} confidence</span>
        ${i.threatActor ? html`<span class="pill">Actor: ${i.threatActor}</span>` : nothing}
        ${i.supportInvolved ? html`<span class="pill">Support channel on the path</span>` : nothing}
      </p>
      <dl class="dates">
        <div><dt>Intrusion began</dt><dd>${when(i.intrusionStartDate)}</dd></div>
        <div><dt>Vendor detected</dt><dd>${when(i.detectedByVendorDate)}</dd></div>
        <div>
          <dt>First reported by a third party</dt>
          <dd>${i.firstReportedByThirdPartyDate ? when(i.firstReportedByThirdPartyDate) : html`<span class="unknown">none on record</span>`}
            ${i.firstReportedBy ? html`<span class="by">by ${i.firstReportedBy}</span>` : nothing}</dd>
        </div>
        <div><dt>Publicly disclosed</dt><dd>${when(i.publicDisclosureDate)}</dd></div>
      </dl>
      ${readingOf(i)} ${campaignOf(i, this.incidents)}
      ${weights && !dates.notYet ? weightOf(i, weights.get(i.id), this.incidentCap, i.continuationOf !== null) : nothing}
      <p class="lag">${lagSentence(i, this.vendorName)}</p>
      <p class="known">${dates.both}</p>
      ${i.initialAccessDetail ? html`<p>${i.initialAccessDetail}</p>` : nothing}
      ${this._more(i)}
      <vr-source-links .sources=${i.sources}></vr-source-links>
      ${i.source?.format === 'veris' ? this._imported(i.source) : nothing}
    </article>`;
  }

  private _imported(s: NonNullable<Incident['source']>) {
    const credit = attributionParts(s.attribution);
    return html`<p class="imported" data-source=${s.format}>
      <span class="tag import">Imported from VERIS</span>
      <span>VERIS id <code class="source-id">${s.id}</code>.</span>
      <span class="credit">${credit.text}${credit.url ? html` (<a href=${credit.url}>${linkText(credit.url)}</a>)` : nothing}.</span>
    </p>`;
  }

  private _more(i: Incident) {
    const rows: Array<[string, string | null]> = [
      ['Support path', i.supportDetail ?? (i.supportSubprocessor ? `Through ${i.supportSubprocessor}` : null)],
      ['MFA', i.mfaDetail],
      ['Customers affected', i.customersAffectedDetail ?? (i.customersAffected === null ? null : String(i.customersAffected))],
      ['Why this severity', i.severityRationale],
      ['Notes', i.notes],
    ];
    const shown = rows.filter((r): r is [string, string] => !!r[1]);
    if (shown.length === 0) return nothing;
    return html`<details>
      <summary>Support path, MFA, customers affected and notes</summary>
      <dl class="more">${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-incident-list': IncidentList;
  }
}
