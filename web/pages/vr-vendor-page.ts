/**
 * One vendor: who they are to us, the score, what to act on (findings with their contract
 * conditions, then the evidence gaps), a what-if panel, every contribution to the score, and the
 * public evidence (incidents on one time axis and one by one, subprocessors, MFA posture, posture
 * statements, each with the day it was true and the day it became known, and what was not yet
 * known on the page's day marked as such), then the change history. Tasks: the facts load once per vendor; the score reloads
 * when the "as of" day changes; the change history on its own (a failure there hides nothing
 * else). The what-if and the analysts' edits live in controllers; after an edit the page reloads
 * what it touched. Findings and gaps link to the evidence they rest on; the page finds it in the
 * evidence components' shadow roots and moves focus there. The procurement review (status as of
 * the page's day, conditions, decisions, the analysts' decision form) lives in its own controller,
 * which hears the section's events; its status reasons link to evidence the same way.
 * A sticky section menu marks the section being read as the window scrolls and moves focus to the
 * one asked for; the page head links the dossier on paper (the print view) and its downloads.
 */
import { html, LitElement, nothing, type ReactiveElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Me } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested, type AsOfChanged, type EvidenceRequested } from '../events.ts';
import type { ConflictChoice, DeleteRequested, EditRequested, EditSubmitted, WhatIfChanged } from '../vendor-events.ts';
import { evidenceTargets } from '../evidence.ts';
import { canEdit, isAdmin } from '../roles.ts';
import { pruneDraft, type WhatIfDraft } from '../what-if.ts';
import { draftFromQuery, draftToQuery, withoutDraft } from '../what-if-url.ts';
import { WhatIfController } from '../controllers/what-if-controller.ts';
import { VendorEditsController } from '../controllers/vendor-edits-controller.ts';
import { ReviewsController } from '../controllers/reviews-controller.ts';
import { QuestionnaireImportsController } from '../controllers/questionnaire-imports-controller.ts';
import { DocumentsController } from '../controllers/documents-controller.ts';
import type { VendorEdit } from '../vendor-edits.ts';
import { controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { linkText } from '../format.ts';
import { vendorPageStyles } from './vr-vendor-page.styles.ts';
import { vendorDialog } from './vendor-dialog.ts';
import { documentSection, paperLinks, questionnaireSection, reviewSection } from './vendor-page-sections.ts';
import './vr-vendor-delete.ts';
import '../components/vr-as-of.ts';
import '../components/vr-data-notice.ts';
import '../components/vr-error.ts';
import '../components/vr-score-summary.ts';
import '../components/vr-findings-list.ts';
import '../components/vr-gaps-list.ts';
import '../components/vr-what-if-panel.ts';
import '../components/vr-score-breakdown.ts';
import '../components/vr-relationship.ts';
import '../components/vr-incident-list.ts';
import '../components/vr-subprocessor-list.ts';
import '../components/vr-mfa-grid.ts';
import '../components/vr-posture-facts.ts';
import '../components/vr-commitments.ts';
import { unknownReading } from '../charts/mfa-grid.layout.ts';
import '../components/vr-change-history.ts';
import { revealIn } from '../reveal.ts';
import '../components/vr-section-menu.ts';
import { DOSSIER_SECTIONS, type SectionRequested } from '../dossier-sections.ts';
import { SectionMenuController } from '../controllers/section-menu-controller.ts';
import './vr-vendor-questionnaires.ts';

/** How many of a vendor's newest changes the page shows. */
const CHANGES_SHOWN = 50;

@customElement('vr-vendor-page')
export class VendorPage extends LitElement {
  static override styles = [controls, pageStyles, vendorPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  @property({ type: Number }) vendorId = 0;
  /** The URL's query: `asOf`, and the what-if draft (`wi.*`, web/what-if-url.ts). */
  @property({ attribute: false }) query = new URLSearchParams();
  /** Where "back to portfolio" goes: the portfolio as last shown, with its sort and date. */
  @property() backHref = '/';
  /** The vendor whose URL fragment (a deep link to a piece of evidence) was already shown. */
  private _fragmentShownFor = 0;

  private _facts = new Task(this, {
    args: () => [this.vendorId] as const,
    task: async ([id], { signal }) => {
      const o = { signal };
      const [vendor, incidents, subprocessors, mfa, postureFacts, commitments, about, methodology] = await Promise.all([
        this._api.vendor(id, o),
        this._api.incidents(id, o),
        this._api.subprocessors(id, o),
        this._api.mfa(id, o),
        this._api.postureFacts(id, o),
        this._api.commitments(id, o),
        this._api.about(o),
        this._api.methodology(o),
      ]);
      return {
        vendor,
        incidents,
        subprocessors,
        mfa,
        postureFacts,
        commitments,
        about,
        unknownMfa: unknownReading(methodology.mfa),
        incidentCap: methodology.incidentCap.likelihoodPoints,
      };
    },
  });

  private _score = new Task(this, {
    args: () => [this.vendorId, this._asOf()] as const,
    task: ([id, asOf], { signal }) => this._api.score(id, asOf || undefined, { signal }),
  });

  private _changes = new Task(this, {
    args: () => [this.vendorId] as const,
    task: ([id], { signal }) => this._api.vendorChanges(id, CHANGES_SHOWN, { signal }),
  });

  private _menu = new SectionMenuController(this, DOSSIER_SECTIONS);

  private _whatIf = new WhatIfController(this, {
    api: () => this._api,
    vendorId: () => this.vendorId,
    asOf: () => this._asOf(),
    relationship: () => this._current()?.vendor,
    draft: () => this._draft(),
  });

  private _edits = new VendorEditsController(this, {
    api: () => this._api,
    vendorId: () => this.vendorId,
    afterSave: (edit) => this._afterSave(edit),
  });

  private _reviews = new ReviewsController(this, {
    api: () => this._api,
    vendorId: () => this.vendorId,
    asOf: () => this._asOf(),
    editable: () => canEdit(this._me?.role),
    vendorName: () => this._current()?.vendor.name ?? 'the vendor',
    // A decision sets the vendor's status and next review, and both land in its change history.
    afterChange: async () => void (await Promise.all([this._facts.run(), this._changes.run()])),
  });

  // A sheet's facts change the MFA posture, so the score, history and review status reload after it.
  private _questionnaires = new QuestionnaireImportsController(this, {
    api: () => this._api,
    vendorId: () => this.vendorId,
    afterImport: async () => void (await Promise.all([this._facts.run(), this._score.run(), this._changes.run(), this._reviews.status.run()])),
  });

  private _documents = new DocumentsController(this, {
    api: () => this._api,
    vendorId: () => this.vendorId,
    // A document's dates are facts of the score and the review status.
    afterUpload: async () => void (await Promise.all([this._score.run(), this._changes.run(), this._reviews.status.run()])),
  });

  override render() {
    const back = html`<a class="back" href=${this.backHref}>← Back to portfolio</a>`;
    if (this._facts.status === TaskStatus.ERROR) {
      return html`${back}<vr-error heading="This vendor could not be loaded" .error=${this._facts.error}></vr-error>`;
    }
    const f = this._current();
    if (!f) return html`${back}<p class="loading" role="status">Loading the vendor…</p>`;
    const v = f.vendor;
    const score = this._score.value;
    const scored = this._score.status === TaskStatus.ERROR ? undefined : score;
    const busy = this._score.status === TaskStatus.PENDING ? 'true' : 'false';
    const evidence = evidenceTargets(f.incidents, f.subprocessors, f.mfa.items, this._documents.list.value ?? []);
    // The day the score is as of (today when none is asked for): the evidence lists mark what was not yet known then.
    const asOf = score?.asOf ?? this._asOf();
    const editable = canEdit(this._me?.role);
    const said = (section: string) => (this._edits.said?.section === section ? this._edits.said.text : '');
    const w = this._whatIf.task;
    return html`${back}
      <header class="page-head">
        <div>
          <h1>${v.name}</h1>
          <p class="sub">
            ${v.category}${v.website ? html` · <a href=${v.website} rel="noopener noreferrer" target="_blank">${linkText(v.website)}</a>` : nothing}
          </p>
        </div>
        <div class="head-tools">
          <vr-as-of .value=${this._asOf()} .effective=${score?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
          ${paperLinks(this._api, v.id, this._asOf())}
        </div>
      </header>
      <vr-data-notice .about=${f.about}></vr-data-notice>
      <vr-section-menu label="Dossier sections" .sections=${DOSSIER_SECTIONS} current=${this._menu.current} @section-requested=${(e: SectionRequested) => this._menu.show(e.id)}></vr-section-menu>
      <div class="top" @edit-requested=${this._onEdit}>
        <div class="stack" aria-busy=${busy}>
          ${
            this._score.status === TaskStatus.ERROR
              ? html`<vr-error heading="The score could not be computed" .error=${this._score.error}></vr-error>`
              : score
                ? html`<vr-score-summary id="score" tabindex="-1" .score=${score}></vr-score-summary>`
                : html`<p class="loading" role="status">Scoring…</p>`
          }
        </div>
        <vr-relationship .vendor=${v} .latestDecision=${this._reviews.list.value?.[0] ?? null} ?editable=${editable} notice=${said('relationship')}></vr-relationship>
      </div>
      ${
        scored
          ? html`<div class="stack" aria-busy=${busy} @evidence-requested=${this._onEvidence}>
            <vr-findings-list id="findings" tabindex="-1" .score=${scored} .evidence=${evidence}></vr-findings-list>
            <vr-gaps-list .score=${scored} .evidence=${evidence}></vr-gaps-list>
          </div>`
          : nothing
      }
      ${reviewSection(this._reviews, v, evidence, editable, this._asOf(), this._onEvidence)}
      <vr-vendor-questionnaires vendorId=${v.id} vendorName=${v.name} ?editable=${editable} @questionnaires-changed=${() => void this._changes.run()}></vr-vendor-questionnaires>
      <vr-what-if-panel
        id="what-if"
        tabindex="-1"
        .draft=${this._draft()}
        .relationship=${v}
        .subprocessors=${f.subprocessors}
        .mfa=${f.mfa}
        .result=${w.value}
        ?pending=${w.status === TaskStatus.PENDING}
        .error=${w.status === TaskStatus.ERROR ? w.error : undefined}
        @what-if-changed=${(e: WhatIfChanged) => this._setDraft(e.draft)}
      ></vr-what-if-panel>
      ${scored ? html`<div class="stack" aria-busy=${busy}><vr-score-breakdown id="breakdown" tabindex="-1" .score=${scored}></vr-score-breakdown></div>` : nothing}
      <div class="stack" @edit-requested=${this._onEdit} @delete-requested=${this._onDelete} @evidence-requested=${this._onEvidence}>
        <vr-incident-list id="incidents" tabindex="-1" .incidents=${f.incidents} .vendorName=${v.name} ?editable=${editable} notice=${said('incidents')} asOf=${asOf} .score=${scored} .incidentCap=${f.incidentCap}></vr-incident-list>
        <vr-subprocessor-list id="support-chain" tabindex="-1" vendorId=${f.vendor.id} .items=${f.subprocessors} ?editable=${editable} notice=${said('subprocessors')} asOf=${asOf}></vr-subprocessor-list>
        <vr-mfa-grid id="mfa" tabindex="-1" vendorId=${f.vendor.id} .posture=${f.mfa} .unknownAs=${f.unknownMfa} ?editable=${editable} notice=${said('mfa')} asOf=${asOf}></vr-mfa-grid>
        <vr-posture-facts id="statements" tabindex="-1" .items=${f.postureFacts} asOf=${asOf}></vr-posture-facts>
        <vr-commitments .items=${f.commitments} vendorId=${f.vendor.id}></vr-commitments>
        ${questionnaireSection(this._questionnaires, editable)}
        ${documentSection(this._documents, this._api, editable)}
        ${
          this._changes.status === TaskStatus.ERROR
            ? html`<vr-error heading="The change history could not be loaded" .error=${this._changes.error}></vr-error>`
            : this._changes.value
              ? html`<vr-change-history id="history" tabindex="-1" .items=${this._changes.value.items} total=${this._changes.value.total}></vr-change-history>`
              : html`<p class="loading" role="status">Loading the change history…</p>`
        }
      </div>
      ${isAdmin(this._me?.role) ? html`<vr-vendor-delete .vendor=${v}></vr-vendor-delete>` : nothing}
      <div
        @edit-submitted=${(e: EditSubmitted) => this._edits.submit(e.edit)}
        @edit-cancelled=${() => this._edits.close()}
        @conflict-choice=${(e: ConflictChoice) => (e.choice === 'theirs' ? void this._edits.reloadTheirs() : this._edits.reapply())}
      >${editable ? vendorDialog(this._edits, f) : nothing}</div>`;
  }

  /** The dossier on paper and as files, as of the page's day. */
  protected override updated(): void {
    const name = this._facts.value?.vendor.name;
    document.title = name ? `${name} · Vendorscope` : 'Vendor · Vendorscope';
    // A deep link such as /vendors/1#incident-2: the browser cannot see into shadow roots, so show it once everything is drawn.
    if (location.hash.length > 1 && this._fragmentShownFor !== this.vendorId && this._current() && this._score.value) {
      this._fragmentShownFor = this.vendorId;
      const anchor = decodeURIComponent(location.hash.slice(1));
      const parts = [...this.renderRoot.querySelectorAll('*')].flatMap((el) => (el as Partial<ReactiveElement>).updateComplete ?? []);
      void Promise.all(parts).then(() => this._reveal(anchor));
    }
  }

  /** The facts of the vendor shown now (not those of the previous vendor while the next one loads). */
  private _current() {
    const f = this._facts.value;
    return f && f.vendor.id === this.vendorId ? f : undefined;
  }

  private _asOf(): string {
    return this.query.get('asOf') ?? '';
  }

  private _onEdit(e: EditRequested): void {
    e.stopPropagation();
    this._edits.open(
      e.what === 'incident' || e.what === 'subprocessor'
        ? { kind: e.what, id: e.id }
        : e.what === 'subprocessor-incident'
          ? { kind: e.what, id: e.id ?? 0 }
          : { kind: e.what },
    );
  }

  private _onDelete(e: DeleteRequested): void {
    e.stopPropagation();
    this._edits.open({ kind: 'delete', what: e.what, id: e.id, label: e.label });
  }

  /** After a change: the facts, the score, the history, the review status (new evidence may reopen a decision) and the what-if again; a deleted record's section heading takes focus. */
  private async _afterSave(edit: VendorEdit): Promise<void> {
    await Promise.all([this._facts.run(), this._score.run(), this._changes.run(), this._reviews.status.run()]);
    const f = this._current();
    if (f) this._setDraft(this._draft());
    void this._whatIf.task.run();
    if (edit.kind === 'delete-incident' || edit.kind === 'delete-subprocessor') {
      // The Delete button that had focus is gone with its record: its section's heading takes it.
      await this.updateComplete;
      this._reveal(edit.kind === 'delete-incident' ? 'incidents-heading' : 'subprocessors-heading');
    }
  }

  private _onEvidence(e: EvidenceRequested): void {
    e.stopPropagation();
    this._reveal(e.anchor);
  }

  private _reveal(anchor: string): void {
    revealIn(this.renderRoot, anchor);
  }

  private _onAsOf(e: AsOfChanged): void {
    // The what-if stays as it is: only the day changes.
    this.dispatchEvent(new NavigationRequested(urlWith(`/vendors/${this.vendorId}`, { ...Object.fromEntries(this.query), asOf: e.asOf }), true));
  }

  /** The what-if draft in the URL, less changes to subprocessors this vendor does not have (a stale link, a deleted record). */
  private _draft(): WhatIfDraft {
    const draft = draftFromQuery(this.query);
    const f = this._current();
    return f
      ? pruneDraft(
          draft,
          f.subprocessors.map((s) => s.id),
        )
      : draft;
  }

  /** A change of the what-if replaces the URL (a link opens the same what-if) and leaves focus and scroll where they are. */
  private _setDraft(draft: WhatIfDraft): void {
    const url = urlWith(`/vendors/${this.vendorId}`, { ...withoutDraft(this.query), ...draftToQuery(draft) });
    this.dispatchEvent(new NavigationRequested(url, true, false));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-vendor-page': VendorPage;
  }
}
