/**
 * A vendor's answer, as text: yes / no, choices by their labels, numbers, days and free text as
 * typed, rows as a table, documents as download links (served only as attachments). Every string
 * goes through a text binding: an answer that looks like HTML shows as those characters.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AnswerView } from '../questionnaires.ts';
import { tableStyles } from '../styles/shared.ts';

@customElement('vr-questionnaire-answer')
export class QuestionnaireAnswerView extends LitElement {
  static override styles = [
    ...tableStyles,
    css`
      p,
      ul {
        margin: 0;
      }
      p.text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .none {
        color: var(--vr-ink-muted);
        font-style: italic;
      }
    `,
  ];

  @property({ attribute: false }) view: AnswerView = { kind: 'none' };
  /** What the answer is to, for the table's caption. */
  @property() question = '';

  override render() {
    const v = this.view;
    switch (v.kind) {
      case 'none':
        return html`<p class="none">Not answered</p>`;
      case 'text':
        return html`<p class="text">${v.text}</p>`;
      case 'list':
        return v.items.length === 0 ? html`<p class="none">None chosen</p>` : html`<ul>${v.items.map((i) => html`<li>${i}</li>`)}</ul>`;
      case 'documents':
        return html`<ul>${v.items.map((d) => html`<li><a href=${d.href} download>${d.label}</a></li>`)}</ul>`;
      case 'table':
        if (v.rows.length === 0) return html`<p class="none">No rows</p>`;
        return html`<div class="scroll" role="region" aria-label=${`Rows answered: ${this.question}`} tabindex="0"><table>
          <caption class="sr-only">Rows answered: ${this.question}</caption>
          <thead><tr>${v.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>${v.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
        </table></div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-answer': QuestionnaireAnswerView;
  }
}
