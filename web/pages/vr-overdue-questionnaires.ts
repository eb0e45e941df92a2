/**
 * The reviews page's "Questionnaires overdue": every vendor's request past its due day and not yet
 * submitted (nor revoked), most overdue first, each linking to its row on the vendor's dossier,
 * where a new link can be sent or the request revoked. Fetches on its own (GET
 * /questionnaire-requests?overdue=true), so that a failure here leaves the due list alone.
 */
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ApiClient, QuestionnaireRequestWithVendor } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { dueText, REQUEST_STATE_LABEL } from '../questionnaires.ts';
import { card, tableStyles } from '../styles/shared.ts';
import { loaded } from './loaded.ts';

const today = (): string => new Date().toISOString().slice(0, 10);

@customElement('vr-overdue-questionnaires')
export class OverdueQuestionnaires extends LitElement {
  static override styles = [
    card,
    ...tableStyles,
    css`
      :host {
        display: block;
        margin-top: 20px;
      }
      .card > p {
        margin: 0 0 8px;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;

  private _data = new Task(this, {
    args: () => [] as const,
    task: async (_, { signal }) => {
      const [items, templates] = await Promise.all([this._api.allQuestionnaireRequests({ overdue: true }, { signal }), this._api.questionnaireTemplates({ signal })]);
      return { items: [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id), titles: new Map(templates.map((t) => [t.id, t.title])) };
    },
  });

  override render() {
    return html`<section class="card" aria-labelledby="overdue-q-title">
      <h2 id="overdue-q-title">Questionnaires overdue</h2>
      ${loaded(this._data, 'overdue questionnaires', ({ items, titles }) =>
        items.length === 0
          ? html`<p class="muted">No questionnaire request is overdue.</p>`
          : html`<p class="muted">Past their due day and not yet submitted; send a new link or revoke the request on the vendor's page.</p>
              ${this._table(items, titles)}`,
      )}
    </section>`;
  }

  private _table(items: readonly QuestionnaireRequestWithVendor[], titles: ReadonlyMap<string, string>) {
    const now = today();
    return html`<div class="scroll" role="region" aria-label="Overdue questionnaires table" tabindex="0"><table>
      <caption class="sr-only">Overdue questionnaire requests, most overdue first</caption>
      <thead><tr><th scope="col">Vendor</th><th scope="col">Questionnaire</th><th scope="col">Contact</th><th scope="col">State</th><th scope="col">Due</th></tr></thead>
      <tbody>
        ${items.map(
          (r) => html`<tr data-request-id=${r.id}>
            <th scope="row"><a href=${`/vendors/${r.vendorId}#questionnaires-title`}>${r.vendorName}</a></th>
            <td>${titles.get(r.templateId) ?? r.templateId} (request ${r.id})</td>
            <td>${r.contactName}</td>
            <td>${REQUEST_STATE_LABEL[r.state]}</td>
            <td>${dueText(r, now)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-overdue-questionnaires': OverdueQuestionnaires;
  }
}
