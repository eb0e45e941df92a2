/**
 * `/vendors/:id/questionnaires/:requestId/review`: an analyst reviews a vendor's submitted answers
 * side by side with what is on record, accepts or rejects each, and submits the decisions in one
 * go. Afterwards the page says what happened (facts written, the request's new state, reopened for
 * the rejected answers) and shows the answers with their decisions. Viewers see the answers and
 * earlier decisions only; the server refuses their decisions anyway.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { fieldErrorPaths } from '../api/api-error.ts';
import type { ApiClient, Me, ReviewDecisions, ReviewDecisionsResult } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import type { QuestionnaireDecisionsSubmitted } from '../questionnaire-events.ts';
import { decisionErrorsById, REQUEST_STATE_LABEL } from '../questionnaires.ts';
import { canEdit } from '../roles.ts';
import { timestamp } from '../format.ts';
import { controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { forms } from '../styles/forms.ts';
import { revealIn } from '../reveal.ts';
import '../components/vr-error.ts';
import '../components/vr-questionnaire-review-form.ts';

const message = (t: { readonly status: TaskStatus; readonly error: unknown }): string =>
  t.status === TaskStatus.ERROR && t.error instanceof Error ? t.error.message : '';

@customElement('vr-questionnaire-review-page')
export class QuestionnaireReviewPage extends LitElement {
  static override styles = [
    controls,
    forms,
    pageStyles,
    css`
      .back {
        display: inline-block;
        margin: 0 0 12px;
        font-size: 0.9rem;
      }
      .sub {
        margin: 0;
        color: var(--vr-ink-muted);
      }
      .result {
        margin: 0 0 20px;
        padding: 12px 16px;
        border: 1px solid var(--vr-fact-line);
        border-left: 4px solid var(--vr-fact);
        border-radius: var(--vr-radius);
        background: var(--vr-fact-soft);
      }
      .result h2 {
        font-size: 1.05rem;
        margin: 0 0 6px;
      }
      .result p,
      .result ul {
        margin: 0 0 6px;
      }
      .note {
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  @property({ type: Number }) vendorId = 0;
  @property({ type: Number }) requestId = 0;
  @state() private _result: { readonly sent: ReviewDecisions; readonly answer: ReviewDecisionsResult } | null = null;
  private _sent: ReviewDecisions = { decisions: [] };
  /** The request whose deep link (`#answer-<questionId>`, from a self-attested fact on the dossier) was shown. */
  private _fragmentShownFor = 0;

  private _review = new Task(this, {
    args: () => [this.requestId] as const,
    task: async ([id], { signal }) => {
      const review = await this._api.questionnaireReview(id, { signal });
      // Documents' names, for the links: without them (documents not listed, or refused) the links say "Document 12".
      const docs = await this._api.documents(review.request.vendorId, { signal }).catch(() => []);
      return { review, names: new Map(docs.map((d) => [d.id, d.fileName])) };
    },
  });
  private _decide = new Task(this, {
    autoRun: false,
    task: ([body]: readonly [ReviewDecisions]) => this._api.decideQuestionnaire(this.requestId, body),
    onComplete: async (answer) => {
      this._result = { sent: this._sent, answer };
      await this._review.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result-title')?.focus();
    },
  });

  override render() {
    const back = html`<a class="back" href=${`/vendors/${this.vendorId}`}>← Back to the vendor</a>`;
    if (this._review.status === TaskStatus.ERROR)
      return html`${back}<vr-error heading="This review could not be loaded" .error=${this._review.error}></vr-error>`;
    const v = this._review.value;
    if (!v) return html`${back}<p class="loading" role="status">Loading the answers…</p>`;
    const r = v.review.request;
    // The address names the vendor too: a request of another vendor is not shown under this one's name.
    if (r.vendorId !== this.vendorId)
      return html`${back}<vr-error heading="This review could not be loaded" .error=${new Error(`Request ${r.id} is not a request to this vendor.`)}></vr-error>`;
    const analyst = canEdit(this._me?.role);
    const decidable = analyst && r.state === 'submitted';
    const errors = decisionErrorsById(fieldErrorPaths(this._decide.error), this._sent.decisions);
    const failure = Object.keys(errors).length === 0 ? message(this._decide) : '';
    return html`${back}
      <header class="page-head">
        <div>
          <h1>Review answers of ${v.review.vendorName}</h1>
          <p class="sub">Request ${r.id} · ${REQUEST_STATE_LABEL[r.state]} · due ${r.dueOn} · ${r.contactName} &lt;${r.contactEmail}&gt;${r.submittedAt ? ` · submitted ${timestamp(r.submittedAt)}` : ''}</p>
        </div>
      </header>
      ${this._result ? this._resultNote(this._result) : nothing}
      ${
        decidable
          ? html`<p class="note">Accepted answers become facts known from the submission day, marked self-attested, with this answer as their source. Rejected ones go back to the vendor with your comment.</p>`
          : html`<p class="note">${analyst ? `This request is ${REQUEST_STATE_LABEL[r.state].toLowerCase()}: answers are decided once it is submitted.` : 'Analysts and admins decide on the answers.'}</p>`
      }
      <vr-questionnaire-review-form
        .items=${v.review.items}
        .documentNames=${v.names}
        ?decidable=${decidable}
        .errors=${errors}
        failure=${failure}
        ?busy=${this._decide.status === TaskStatus.PENDING}
        @questionnaire-decisions-submitted=${(e: QuestionnaireDecisionsSubmitted) => ((this._sent = e.body), void this._decide.run([e.body]))}
      ></vr-questionnaire-review-form>`;
  }

  private _resultNote({ sent, answer }: { readonly sent: ReviewDecisions; readonly answer: ReviewDecisionsResult }) {
    const rejected = sent.decisions.filter((d) => d.decision === 'rejected').length;
    const accepted = sent.decisions.length - rejected;
    return html`<section class="result" aria-labelledby="result-title">
      <h2 id="result-title" tabindex="-1">Decisions recorded</h2>
      <p>
        ${accepted} accepted, ${rejected} rejected. The request is now ${REQUEST_STATE_LABEL[answer.request.state].toLowerCase()}${rejected > 0 ? ': the rejected answers are open to the vendor again, with your comments.' : '.'}
      </p>
      ${
        answer.applied.length > 0
          ? html`<p>Facts written (self-attested):</p>
            <ul>${answer.applied.map((a) => html`<li>${a.questionId}: ${a.fact} (${a.ref})</li>`)}</ul>`
          : html`<p>No fact was written.</p>`
      }
      <p><a href=${`/vendors/${this.vendorId}`}>See the vendor's score and evidence</a></p>
    </section>`;
  }

  protected override updated(): void {
    const name = this._review.value?.review.vendorName;
    document.title = name ? `Review answers · ${name} · Vendorscope` : 'Review answers · Vendorscope';
    // The browser cannot see into shadow roots: show the linked answer once the answers are drawn.
    if (location.hash.length > 1 && this._review.value && this._fragmentShownFor !== this.requestId) {
      this._fragmentShownFor = this.requestId;
      const anchor = decodeURIComponent(location.hash.slice(1));
      const form = this.renderRoot.querySelector('vr-questionnaire-review-form');
      void (form?.updateComplete ?? Promise.resolve()).then(() => revealIn(this.renderRoot, anchor));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-review-page': QuestionnaireReviewPage;
  }
}
