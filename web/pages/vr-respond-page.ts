/**
 * The vendor contact's response page (`/respond#token=…`): no account, no app navigation. The token
 * is read from the fragment (browsers never send it to a server), then removed from the address bar;
 * this tab keeps it (sessionStorage) so a reload still works. The questions in sections with their
 * progress; answers edited here are drafts until "Save draft" or "Submit" sends them. A submitted
 * request is shown read-only; an expired or withdrawn link gets a plain page saying so.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Question } from '../../server/domain/questionnaire.ts';
import { ApiError } from '../api/api-error.ts';
import { RespondClient, type RespondView } from '../api/respond-client.ts';
import { setupToken } from '../urls.ts';
import { AnswerEdited, DocumentAttachRequested, NO_UPLOAD, type UploadState } from '../components/vr-respond-question.ts';
import { KIND_LABELS, uploadErrors, type DocumentKind } from '../documents.ts';
import { answerText, cellText, isAnswered, problemsByQuestion, progressOf } from '../respond/answers.ts';
import { controls, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import '../components/vr-respond-question.ts';

const KEPT = 'vendorscope-response-token';

/** The token: from the link's fragment (then cleared from the address bar), or the one this tab kept. */
function takeToken(): string {
  const fromLink = setupToken(location.hash);
  if (fromLink) {
    sessionStorage.setItem(KEPT, fromLink);
    history.replaceState(history.state, '', location.pathname);
    return fromLink;
  }
  return sessionStorage.getItem(KEPT) ?? '';
}

@customElement('vr-respond-page')
export class RespondPage extends LitElement {
  static override styles = [
    controls,
    srOnly,
    forms,
    css`
      :host {
        display: block;
        max-width: 52rem;
        margin: 0 auto;
      }
      .progress ol {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px 18px;
      }
      section.qs {
        border-top: 1px solid var(--vr-line);
        padding-top: 12px;
        margin-top: 18px;
      }
      .actions {
        display: flex;
        gap: 12px;
        flex-wrap: wrap;
        margin: 18px 0;
        position: sticky;
        bottom: 0;
        background: var(--vr-bg, #fff);
        padding: 10px 0;
      }
      dl.answers dt {
        font-weight: 600;
        margin-top: 12px;
      }
      dl.answers dd {
        margin: 2px 0 0;
        white-space: pre-wrap;
      }
      .comment {
        font-size: 0.9rem;
        margin: 2px 0 8px;
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 2px 10px 2px 0;
      }
    `,
  ];

  @state() private _view: RespondView | undefined;
  @state() private _failure: ApiError | Error | undefined;
  /** Answers as shown: saved values overlaid with the drafts edited here. */
  @state() private _drafts = new Map<string, unknown>();
  @state() private _errors = new Map<string, string>();
  @state() private _busy = false;
  @state() private _status = '';
  @state() private _alert = '';
  /** The upload form of each document question. */
  @state() private _uploads = new Map<string, UploadState>();
  private _client: RespondClient | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const token = takeToken();
    if (!token) {
      this._failure = new ApiError(401, 'response-token-invalid', 'This page opens with the link you were sent (it ends in #token=…).');
      return;
    }
    this._client = new RespondClient(token);
    void this._load();
  }

  protected override updated(): void {
    document.title = this._view ? `${this._view.request.templateTitle} · Vendorscope` : 'Questionnaire · Vendorscope';
  }

  private async _load(): Promise<void> {
    try {
      this._view = await this._client!.load();
      this._failure = undefined;
    } catch (e) {
      this._failure = e instanceof Error ? e : new Error(String(e));
    }
  }

  private _saved(): Map<string, unknown> {
    return new Map((this._view?.answers ?? []).map((a) => [a.questionId, a.value]));
  }

  private _current(): Map<string, unknown> {
    const m = this._saved();
    for (const [k, v] of this._drafts) m.set(k, v);
    return m;
  }

  override render() {
    if (this._failure) return this._plain(this._failure);
    const v = this._view;
    if (!v) return html`<p role="status">Opening the questionnaire…</p>`;
    const answers = this._current();
    const progress = progressOf(v.template, answers);
    const answered = progress.reduce((n, s) => n + s.answered, 0);
    const total = progress.reduce((n, s) => n + s.total, 0);
    return html`<h1>${v.request.templateTitle}</h1>
      <p>For ${v.request.vendorName}, answered by ${v.request.contactName}. Due by ${v.request.dueOn}.</p>
      ${v.request.message ? html`<p class="message">${v.request.message}</p>` : nothing}
      ${v.template.description ? html`<p>${v.template.description}</p>` : nothing}
      ${
        v.request.readOnly
          ? html`<p class="outcome ok" role="status">
            ${v.request.state === 'submitted' ? `Submitted ${v.request.submittedAt?.slice(0, 10) ?? ''}. Thank you: the answers are with the reviewer and can no longer be changed here.` : 'The answers have been reviewed and can no longer be changed here.'}
          </p>`
          : nothing
      }
      <nav class="progress" aria-label="Sections">
        <p><strong>${answered} of ${total}</strong> questions answered.</p>
        <ol>
          ${progress.map(
            (s) =>
              html`<li><a href=${`#s-${s.id}`} @click=${(e: Event) => this._jump(e, s.id)}>${s.title}</a>: ${s.answered}/${s.total}${s.requiredLeft ? html` (${s.requiredLeft} required left)` : nothing}</li>`,
          )}
        </ol>
      </nav>
      ${v.request.readOnly ? this._readOnly(v, answers) : this._form(v, answers)}`;
  }

  private _jump(e: Event, id: string): void {
    e.preventDefault();
    const h = this.renderRoot.querySelector<HTMLElement>(`#s-${id}`);
    h?.focus();
    h?.scrollIntoView({ block: 'start' });
  }

  private _form(v: RespondView, answers: Map<string, unknown>) {
    const decided = new Map(v.answers.map((a) => [a.questionId, a]));
    return html`<div @answer-edited=${this._onEdited} @document-attach-requested=${this._onAttach}>
      ${v.template.sections.map(
        (s) => html`<section class="qs" aria-labelledby=${`s-${s.id}`}>
          <h2 id=${`s-${s.id}`} tabindex="-1">${s.title}</h2>
          ${s.questions.map((q) => {
            const d = decided.get(q.id);
            if (d?.decision === 'accepted') return html`<p><strong>${q.text}</strong><br />${answerText(q, answers.get(q.id))} (accepted by the reviewer)</p>`;
            return html`${d?.decision === 'rejected' ? html`<p class="comment"><strong>The reviewer asks you to change this answer:</strong> ${d.decisionComment ?? ''}</p>` : nothing}
              <vr-respond-question .question=${q} .value=${answers.get(q.id)} error=${this._errors.get(q.id) ?? ''}
                .documents=${v.documents} .upload=${this._uploads.get(q.id) ?? NO_UPLOAD}></vr-respond-question>`;
          })}
        </section>`,
      )}
      <p class="outcome ok" role="status">${this._status}</p>
      <p class="outcome" role="alert">${this._alert}</p>
      <div class="actions">
        <button type="button" class="secondary" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this._save(false)}>Save draft</button>
        <button type="button" class="primary" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this._save(true)}>Submit answers</button>
      </div>
    </div>`;
  }

  private _readOnly(v: RespondView, answers: Map<string, unknown>) {
    return v.template.sections.map(
      (s) => html`<section class="qs" aria-labelledby=${`s-${s.id}`}>
        <h2 id=${`s-${s.id}`} tabindex="-1">${s.title}</h2>
        <dl class="answers">${s.questions.map((q) => html`<dt>${q.text}</dt><dd>${this._answerView(q, answers.get(q.id))}</dd>`)}</dl>
      </section>`,
    );
  }

  private _answerView(q: Question, value: unknown) {
    if (q.type === 'document' && Array.isArray(value)) {
      const byId = new Map((this._view?.documents ?? []).map((d) => [d.id, d]));
      return (value as number[])
        .map((id) => byId.get(id))
        .map((d) => (d ? `${d.fileName} (${KIND_LABELS[d.kind as DocumentKind] ?? d.kind})` : 'a document'))
        .join('; ');
    }
    if (q.type !== 'rows' || !isAnswered(value)) return answerText(q, value);
    const cols = q.columns ?? [];
    return html`<table>
      <thead><tr>${cols.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
      <tbody>${(value as Array<Record<string, unknown>>).map((r) => html`<tr>${cols.map((c) => html`<td>${cellText(c, r[c.id])}</td>`)}</tr>`)}</tbody>
    </table>`;
  }

  private _onEdited = (e: AnswerEdited): void => {
    const drafts = new Map(this._drafts);
    drafts.set(e.questionId, e.value);
    this._drafts = drafts;
    this._status = '';
  };

  private _setUpload(questionId: string, u: UploadState): void {
    this._uploads = new Map(this._uploads).set(questionId, u);
  }

  /** Uploads the file, then gives it as the question's answer (saved at once: the file is already with the reviewer). */
  private _onAttach = async (e: DocumentAttachRequested): Promise<void> => {
    const before = this._uploads.get(e.questionId) ?? NO_UPLOAD;
    if (before.busy) return;
    this._setUpload(e.questionId, { ...before, busy: true, failure: '', done: '', errors: {} });
    try {
      const doc = await this._client!.uploadDocument(e.meta, e.file, e.file.name);
      const current = this._current().get(e.questionId);
      const value = [...(Array.isArray(current) ? (current as number[]) : []).filter((id) => id !== doc.id), doc.id];
      await this._client!.save(e.questionId, value);
      const drafts = new Map(this._drafts);
      drafts.delete(e.questionId);
      this._drafts = drafts;
      await this._load();
      this._setUpload(e.questionId, { ...NO_UPLOAD, refusals: before.refusals, done: `Attached ${doc.fileName}: it is given as the answer to this question.` });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 410)) return this._stop(err);
      const errors = err instanceof ApiError ? uploadErrors(err.fields) : {};
      const failure =
        Object.keys(errors).length > 0
          ? 'The document was not attached; see the messages beside the fields.'
          : `The document was not attached: ${err instanceof Error ? err.message : String(err)}`;
      this._setUpload(e.questionId, { errors, refusals: before.refusals + 1, failure, done: '', busy: false });
    }
  };

  /** Saves every draft (one call per changed answer), then submits when asked. Errors stay beside their questions. */
  private async _save(submit: boolean): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    this._status = '';
    this._alert = '';
    const errors = new Map<string, string>();
    const saved = this._saved();
    const left = new Map(this._drafts);
    for (const [id, value] of this._drafts) {
      try {
        if (isAnswered(value)) await this._client!.save(id, value);
        else if (saved.has(id)) await this._client!.clear(id);
        left.delete(id);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 410)) return this._stop(e);
        for (const [k, m] of problemsByQuestion(e instanceof ApiError ? e.fields : [], id)) errors.set(k, m);
        if (!errors.has(id)) errors.set(id, e instanceof Error ? e.message : String(e));
      }
    }
    this._drafts = left;
    if (errors.size === 0 && submit) {
      try {
        await this._client!.submit();
        this._status = 'Your answers were submitted. Thank you.';
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 410)) return this._stop(e);
        if (e instanceof ApiError && e.code === 'answers-missing') {
          for (const [k, m] of problemsByQuestion(e.fields, null)) errors.set(k, m);
          const names = e.fields.map((f) => f.message.replace(/^required: /, '')).join('; ');
          this._alert = `Not submitted: ${e.fields.length} required question(s) have no answer: ${names}.`;
        } else this._alert = `Not submitted: ${e instanceof Error ? e.message : String(e)}`;
      }
    } else if (errors.size > 0) {
      this._alert = `${errors.size} answer(s) could not be saved; see the messages beside them.`;
    } else this._status = 'Draft saved. You can come back with the same link.';
    this._errors = errors;
    await this._load();
    this._busy = false;
  }

  private _stop(e: ApiError): void {
    this._failure = e;
    this._busy = false;
  }

  private _plain(e: Error) {
    const gone = e instanceof ApiError && e.status === 410;
    const invalid = e instanceof ApiError && e.status === 401;
    const heading = gone ? 'This link no longer works' : invalid ? 'This link is not valid' : 'The questionnaire could not be opened';
    return html`<h1>${heading}</h1>
      <p role="alert">${e.message}</p>
      ${gone || invalid ? html`<p>Ask the person who sent you the link for a new one.</p>` : html`<button type="button" @click=${() => void this._load()}>Try again</button>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-respond-page': RespondPage;
  }
}
