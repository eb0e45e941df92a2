/**
 * A submission under review, question by question, side by side: the question (its help and what
 * it feeds), the vendor's answer as text, and what is on record → what it would become if accepted.
 * For each answered question, Accept or Reject; a rejection needs a comment (the vendor sees it),
 * checked here before sending and again by the server, its error beside the comment field. When the
 * request is not submitted, the answers and any earlier decisions show without the controls.
 *
 * @fires questionnaire-decisions-submitted - every answer decided, every rejection with a comment
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ReviewItem } from '../../server/domain/questionnaire-api.ts';
import { QuestionnaireDecisionsSubmitted } from '../questionnaire-events.ts';
import { answerView, decisionsOf, type AnswerPick } from '../questionnaires.ts';
import { errorsChanged } from './edit-form.ts';
import { outcomes, submitButton } from './form-field.ts';
import { formElement } from '../styles/forms.ts';
import { anchorTarget, dataTable, srOnly } from '../styles/shared.ts';
import { answerAnchor } from '../evidence.ts';
import './vr-questionnaire-answer.ts';

@customElement('vr-questionnaire-review-form')
export class QuestionnaireReviewForm extends LitElement {
  static override styles = [
    ...formElement,
    dataTable,
    srOnly,
    anchorTarget,
    css`
      section + section {
        margin-top: 24px;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 8px;
      }
      article {
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
        background: var(--vr-surface);
        padding: 12px 16px;
        margin: 0 0 12px;
      }
      .side {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 16px;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 4px;
        overflow-wrap: anywhere;
      }
      h4,
      p.col {
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--vr-ink-muted);
        margin: 0 0 4px;
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .help,
      .feeds,
      .muted {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
        margin: 4px 0 0;
      }
      .required {
        font-size: 0.8rem;
      }
      .proposal p {
        margin: 0 0 4px;
      }
      .decide {
        margin-top: 12px;
        padding-top: 12px;
        border-top: 1px solid var(--vr-line);
        display: grid;
        grid-template-columns: minmax(12rem, 1fr) minmax(0, 2fr);
        gap: 0 16px;
      }
      fieldset.field .options {
        display: flex;
        gap: 16px;
      }
      .decided {
        font-weight: 600;
      }
      @media (max-width: 900px) {
        .side,
        .decide {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) items: readonly ReviewItem[] = [];
  /** Whether decisions can be taken now (the request is submitted and the user an analyst). */
  @property({ type: Boolean }) decidable = false;
  @property({ attribute: false }) documentNames: ReadonlyMap<number, string> = new Map();
  /** The server's errors by question id. */
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  @property() failure = '';
  @property({ type: Boolean }) busy = false;
  @state() private _picks = new Map<string, AnswerPick>();
  @state() private _problems: Record<string, string> = {};

  override render() {
    const sections: Array<{ id: string; title: string; items: ReviewItem[] }> = [];
    for (const i of this.items) {
      const last = sections.at(-1);
      if (last?.id === i.section.id) last.items.push(i);
      else sections.push({ id: i.section.id, title: i.section.title, items: [i] });
    }
    const body = sections.map(
      (s) => html`<section aria-labelledby=${`s-${s.id}`}>
        <h2 id=${`s-${s.id}`}>${s.title}</h2>
        ${s.items.map((i) => this._item(i))}
      </section>`,
    );
    if (!this.decidable) return body;
    const problems = Object.keys({ ...this._problems, ...this.errors }).length;
    return html`<form @submit=${this._onSubmit} novalidate aria-label="Decisions on the answers">
      ${body}
      ${outcomes('', this.failure || (problems > 0 ? `${problems} answer${problems === 1 ? ' needs' : 's need'} attention: see the messages beside them.` : ''))}
      <div class="actions">
        ${submitButton(this.busy, 'Submit decisions', 'Submitting…')}
        <button class="secondary" type="button" @click=${this._acceptUndecided}>Accept every undecided answer</button>
      </div>
    </form>`;
  }

  private _item(i: ReviewItem) {
    const q = i.question;
    const view = answerView(q, i.answer?.value ?? null, this.documentNames);
    // The id is where a self-attested fact on the dossier links to (`#answer-<questionId>`).
    return html`<article id=${answerAnchor(q.id)} class="anchor-target" tabindex="-1" aria-labelledby=${`q-${q.id}`} data-question-id=${q.id}>
      <div class="side">
        <div class="question">
          <p class="col">Question</p>
          <h3 id=${`q-${q.id}`}>${q.text}</h3>
          ${q.required ? html`<span class="required muted">Required</span>` : nothing}
          ${q.help ? html`<p class="help">${q.help}</p>` : nothing}
          ${q.feeds.length > 0 ? html`<p class="feeds">Feeds: ${q.feeds.join(' · ')}</p>` : nothing}
        </div>
        <div class="answer">
          <h4>The vendor's answer</h4>
          <vr-questionnaire-answer .view=${view} question=${q.text}></vr-questionnaire-answer>
        </div>
        <div class="proposal">
          <h4>On record → if accepted</h4>
          ${this._proposal(i)}
        </div>
      </div>
      ${i.answer === null ? nothing : this.decidable ? this._decide(q.id, q.text) : this._decided(i)}
    </article>`;
  }

  private _proposal(i: ReviewItem) {
    const p = i.proposal;
    if (!p) return html`<p class="muted">${i.answer === null ? 'Nothing to change.' : 'Kept as text: this question maps to no fact.'}</p>`;
    if (p.changes.length === 0) return html`<p>${p.label}: the answer agrees with the record.</p>`;
    return html`<table>
      <caption class="sr-only">${p.label}: what is on record and what it would become</caption>
      <thead><tr><th scope="col">${p.label}</th><th scope="col">On record</th><th scope="col">Would become</th></tr></thead>
      <tbody>
        ${p.changes.map((c) => html`<tr><th scope="row">${c.label}</th><td>${c.old ?? 'nothing'}</td><td>${c.new ?? 'nothing'}</td></tr>`)}
      </tbody>
    </table>
    ${p.feeds.length > 0 ? html`<p class="feeds">Moves: ${p.feeds.join(' · ')}</p>` : nothing}`;
  }

  private _decide(id: string, text: string) {
    const pick = this._picks.get(id) ?? { decision: '', comment: '' };
    const error = this._problems[id] ?? this.errors[id];
    const decisionError = error && pick.decision === '' ? error : undefined;
    const commentError = error && pick.decision !== '' ? error : undefined;
    const set = (p: Partial<AnswerPick>) => {
      const next = new Map(this._picks);
      next.set(id, { ...pick, ...p });
      this._picks = next;
      if (this._problems[id]) {
        const { [id]: _gone, ...rest } = this._problems;
        this._problems = rest;
      }
    };
    return html`<div class="decide">
      <fieldset class="field" aria-describedby=${ifDefined(decisionError ? `d-${id}-error` : undefined)}>
        <legend>Decision<span class="sr-only"> on “${text}”</span></legend>
        <div class="options">
          <label class="check"><input type="radio" name=${`d-${id}`} value="accepted" .checked=${pick.decision === 'accepted'} aria-invalid=${decisionError ? 'true' : 'false'} @change=${() => set({ decision: 'accepted' })} />Accept</label>
          <label class="check"><input type="radio" name=${`d-${id}`} value="rejected" .checked=${pick.decision === 'rejected'} aria-invalid=${decisionError ? 'true' : 'false'} @change=${() => set({ decision: 'rejected' })} />Reject</label>
        </div>
        ${decisionError ? html`<p class="field-error" id=${`d-${id}-error`}>${decisionError}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for=${`c-${id}`}>Comment${pick.decision === 'rejected' ? ' (required: the vendor sees it)' : ' (optional)'}<span class="sr-only"> on “${text}”</span></label>
        <textarea id=${`c-${id}`} rows="2" maxlength="2000" .value=${pick.comment} aria-invalid=${commentError ? 'true' : 'false'}
          aria-describedby=${ifDefined(commentError ? `c-${id}-error` : undefined)} @input=${(e: Event) => set({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
        ${commentError ? html`<p class="field-error" id=${`c-${id}-error`}>${commentError}</p>` : nothing}
      </div>
    </div>`;
  }

  private _decided(i: ReviewItem) {
    const a = i.answer;
    if (!a?.decision) return nothing;
    return html`<p class="decide-done"><span class="decided">${a.decision === 'accepted' ? 'Accepted' : 'Rejected'}</span>${a.decisionComment ? html`: ${a.decisionComment}` : nothing}</p>`;
  }

  /** Sets Accept on each answer not yet decided here (a rejection already chosen stays). */
  private _acceptUndecided(): void {
    const next = new Map(this._picks);
    for (const i of this.items) {
      if (i.answer === null) continue;
      const p = next.get(i.question.id);
      if (!p || p.decision === '') next.set(i.question.id, { decision: 'accepted', comment: p?.comment ?? '' });
    }
    this._picks = next;
    this._problems = Object.fromEntries(Object.entries(this._problems).filter(([id]) => next.get(id)?.decision !== 'accepted'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('errors') && Object.keys(this.errors).length > 0) this._focusFirstProblem();
  }

  private _focusFirstProblem(): void {
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async _onSubmit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    if (this.busy) return;
    const { decisions, problems } = decisionsOf(this.items, this._picks);
    this._problems = problems;
    if (Object.keys(problems).length > 0) {
      await this.updateComplete;
      this._focusFirstProblem();
      return;
    }
    this.dispatchEvent(new QuestionnaireDecisionsSubmitted({ decisions }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-review-form': QuestionnaireReviewForm;
  }
}
