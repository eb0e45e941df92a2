/**
 * A vendor's imported standard questionnaires (CAIQ v4, SIG Lite), newest first; the one opened
 * shows every answer as the vendor wrote it (plain text, never markup) and, for the questions that
 * correspond to our facts, what the answer was read as and what became of it.
 *
 * The import form comes in the `form` slot (analysts only: the page leaves it out for viewers).
 *
 * @fires questionnaire-import-toggled - show or hide an import's answers
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ImportDetail, QuestionnaireImport } from '../api/client.ts';
import { QuestionnaireImportToggled } from '../questionnaire-import-events.ts';
import { importLine, mappingLine } from '../questionnaire-imports.ts';
import { card, controls, dataTable, scrollBox } from '../styles/shared.ts';

@customElement('vr-questionnaire-imports')
export class QuestionnaireImports extends LitElement {
  static override styles = [
    card,
    controls,
    dataTable,
    scrollBox,
    css`
      :host {
        display: block;
      }
      ul.imports {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
      }
      ul.imports li {
        display: flex;
        gap: 10px;
        align-items: baseline;
        flex-wrap: wrap;
        padding: 6px 0;
        border-bottom: 1px solid var(--vr-line);
      }
      td.answer {
        white-space: pre-wrap;
        max-width: 60ch;
      }
      td .mapping {
        display: block;
        margin-top: 4px;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) items: readonly QuestionnaireImport[] = [];
  /** The opened import's answers, once loaded. */
  @property({ attribute: false }) detail: ImportDetail | undefined;
  /** The id of the import whose answers are shown (0: none). */
  @property({ type: Number }) openId = 0;

  override render() {
    return html`<section class="card" aria-labelledby="q-title">
      <h2 id="q-title" tabindex="-1">Standard questionnaires <span class="muted">(${this.items.length})</span></h2>
      <p class="muted">Completed CAIQ v4 and SIG Lite answer sheets, every answer kept as the vendor wrote it. The vendor's own word: facts read from them are self-attested.</p>
      ${this.items.length === 0 ? html`<p class="muted">No answer sheet imported.</p>` : this._list()}
      <slot name="form"></slot>
    </section>`;
  }

  private _list() {
    return html`<ul class="imports">
        ${this.items.map(
          (i) => html`<li data-import-id=${i.id}>
            <span>${importLine(i)}</span>
            <span class="muted">imported ${i.importedAt.slice(0, 10)} by ${i.importedBy}</span>
            <button type="button" class="secondary" aria-expanded=${this.openId === i.id ? 'true' : 'false'} aria-controls="q-answers" @click=${() => this.dispatchEvent(new QuestionnaireImportToggled(i.id))}>
              ${this.openId === i.id ? 'Hide answers' : 'Show answers'}
            </button>
          </li>`,
        )}
      </ul>
      <div id="q-answers">${this.openId !== 0 ? this._answers() : nothing}</div>`;
  }

  private _answers() {
    const d = this.detail;
    if (!d || d.import.id !== this.openId) return html`<p class="loading" role="status">Loading the answers…</p>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Answers of import ${d.import.id}">
      <table>
        <caption>
          ${importLine(d.import)}: every answer as written
        </caption>
        <thead>
          <tr><th scope="col">Question</th><th scope="col">Answer</th><th scope="col">Description</th></tr>
        </thead>
        <tbody>
          ${d.answers.map(
            (a) => html`<tr data-question-id=${a.questionId}>
              <th scope="row">${a.questionId}<span class="mapping">${a.question}</span></th>
              <td class="answer">${a.answer || '—'}${a.mapping ? html`<span class="mapping">${mappingLine(a.mapping)}</span>` : nothing}</td>
              <td class="answer">${a.detail ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-imports': QuestionnaireImports;
  }
}
