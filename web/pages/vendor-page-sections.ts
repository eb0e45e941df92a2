/**
 * Sections of the vendor page that render what a controller holds: the procurement review, the
 * imported questionnaires, the documents, and the links to the dossier on paper. The page owns the
 * controllers and passes them in; these only render (events go up to the controllers' listeners).
 */
import { html, nothing } from 'lit';
import { TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { EvidenceRequested } from '../events.ts';
import type { EvidenceTarget } from '../evidence.ts';
import type { ReviewsController } from '../controllers/reviews-controller.ts';
import type { QuestionnaireImportsController } from '../controllers/questionnaire-imports-controller.ts';
import type { DocumentsController } from '../controllers/documents-controller.ts';
import type { QuestionnaireImportRequested, QuestionnaireImportToggled } from '../questionnaire-import-events.ts';
import { importLine } from '../questionnaire-imports.ts';
import type { DocumentUploadRequested } from '../document-events.ts';
import { dossierDownloads, printHref } from '../dossier-paper.ts';
import { loaded } from './loaded.ts';
import '../components/vr-document-list.ts';
import '../components/vr-review-status.ts';
import '../components/vr-condition-list.ts';
import '../components/vr-review-history.ts';
import '../components/vr-decision-form.ts';
import '../components/vr-questionnaire-imports.ts';
import '../components/vr-questionnaire-import-form.ts';

/** "Print / Save as PDF · Markdown · JSON" for the vendor as of the page's day. */
export function paperLinks(api: ApiClient, id: number, asOf: string) {
  const files = dossierDownloads(api.base, id, asOf);
  return html`<p class="paper">
      <a href=${printHref(id, asOf)}>Print / Save as PDF</a>
      <a href=${files.md} download>Markdown</a>
      <a href=${files.json} download>JSON</a>
    </p>`;
}

export function documentSection(d: DocumentsController, api: ApiClient, editable: boolean) {
  return html`<div @document-upload-requested=${(e: DocumentUploadRequested) => void d.upload(e.meta, e.file)}>
      ${loaded(
        d.list,
        'documents',
        (items) => html`<vr-document-list .items=${items} today=${new Date().toISOString().slice(0, 10)} ?editable=${editable}
        .hrefOf=${(id: number) => api.documentUrl(id)} .errors=${d.errors} refusals=${d.refusals} failure=${d.failure} done=${d.done} ?busy=${d.busy}></vr-document-list>`,
      )}
    </div>`;
}

export function reviewSection(
  r: ReviewsController,
  v: Vendor,
  evidence: ReadonlyMap<string, EvidenceTarget>,
  editable: boolean,
  asOf: string,
  onEvidence: (e: EvidenceRequested) => void,
) {
  const f = r.findings;
  const done = f.status === TaskStatus.COMPLETE ? f.value : undefined;
  const form = html`<vr-decision-form vendorId=${v.id} tier=${v.tier} .cadence=${r.cadence.value} .findings=${done?.findings}
      findingsAsOf=${done?.asOf ?? ''} findingsFailure=${f.status === TaskStatus.ERROR ? String((f.error as Error)?.message ?? f.error) : ''} .errors=${r.decisionErrors}
      refusals=${r.refusals} recorded=${r.recorded} ?busy=${r.busy} failure=${r.failure('decision')} notice=${r.notice('decision')}></vr-decision-form>`;
  return html`<section id="review" tabindex="-1" class="reviews" aria-labelledby="reviews-title" @evidence-requested=${onEvidence}>
      <h2 id="reviews-title" tabindex="-1">Procurement review</h2>
      ${loaded(r.status, 'review status', (s) => html`<vr-review-status .status=${s} vendorStatus=${v.status} .evidence=${evidence}></vr-review-status>`)}
      ${loaded(
        r.list,
        'decisions',
        (items) => html`<vr-condition-list .reviews=${items} ?editable=${editable} .editing=${r.editing} .errors=${r.conditionErrors} refusals=${r.refusals}
          ?busy=${r.busy} failure=${r.failure('condition')} notice=${r.notice('conditions')} asOf=${asOf}></vr-condition-list>
        <vr-review-history .reviews=${items}></vr-review-history>`,
      )}
      ${editable ? form : html`<p class="muted">Analysts and admins record decisions and change conditions.</p>`}
    </section>`;
}

export function questionnaireSection(q: QuestionnaireImportsController, editable: boolean) {
  const done = q.done ? `Imported: ${importLine(q.done.import)}.` : '';
  return loaded(
    q.list,
    'imported questionnaires',
    (items) => html`<vr-questionnaire-imports .items=${items} .detail=${q.detail.value} openId=${q.openId}
        @questionnaire-import-toggled=${(e: QuestionnaireImportToggled) => q.toggle(e.id)}>
        ${
          editable
            ? html`<vr-questionnaire-import-form slot="form" ?busy=${q.busy} .error=${q.error} done=${done}
          @questionnaire-import-requested=${(e: QuestionnaireImportRequested) => void q.submit(e)}></vr-questionnaire-import-form>`
            : nothing
        }
      </vr-questionnaire-imports>`,
  );
}
