/**
 * The reviews page's "Questionnaires overdue": every vendor's request past its due day and not yet
 * submitted (nor revoked), most overdue first, each linking to the vendor's Questionnaires section,
 * where a new link can be sent or the request revoked. When the due list carries them (its
 * `questionnaires`, filtered and dated as the list is) the page passes them in; otherwise the
 * element fetches every overdue request (GET /questionnaire-requests?overdue=true) on its own, so
 * that a failure here leaves the due list alone.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ApiClient, DueQuestionnaire } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { dueText, REQUEST_STATE_LABEL } from '../questionnaires.ts';
import { card, tableStyles } from '../styles/shared.ts';
import { loaded } from './loaded.ts';

const today = (): string => new Date().toISOString().slice(0, 10);

/** One row, from either source. */
interface Row {
  readonly requestId: number;
  readonly vendorId: number;
  readonly vendorName: string;
  readonly templateTitle: string;
  readonly contactName: string;
  readonly state: DueQuestionnaire['state'];
  readonly dueOn: string;
  /** As the due list counts them (as of its day); left out, counted to today. */
  readonly daysOverdue?: number;
}
const byDue = (a: Row, b: Row) => a.dueOn.localeCompare(b.dueOn) || a.requestId - b.requestId;

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
  /** The due list's overdue requests, when it carries them; undefined: fetch them here. */
  @property({ attribute: false }) due: readonly DueQuestionnaire[] | undefined = undefined;

  private _data = new Task(this, {
    args: () => [this.due] as const,
    task: async ([due], { signal }): Promise<Row[]> => {
      if (due) return due.map((d) => ({ ...d })).sort(byDue);
      const [items, templates] = await Promise.all([
        this._api.allQuestionnaireRequests({ overdue: true }, { signal }),
        this._api.questionnaireTemplates({ signal }),
      ]);
      const titles = new Map(templates.map((t) => [t.id, t.title]));
      return items
        .map((r) => ({
          requestId: r.id,
          vendorId: r.vendorId,
          vendorName: r.vendorName,
          templateTitle: titles.get(r.templateId) ?? r.templateId,
          contactName: r.contactName,
          state: r.state,
          dueOn: r.dueOn,
        }))
        .sort(byDue);
    },
  });

  override render() {
    return html`<section class="card" aria-labelledby="overdue-q-title">
      <h2 id="overdue-q-title">Questionnaires overdue</h2>
      ${loaded(this._data, 'overdue questionnaires', (items) =>
        items.length === 0
          ? html`<p class="muted">No questionnaire request is overdue.</p>`
          : html`<p class="muted">Past their due day and not yet submitted; send a new link or revoke the request on the vendor's page.</p>
              ${this._table(items)}`,
      )}
    </section>`;
  }

  private _table(items: readonly Row[]) {
    const now = today();
    return html`<div class="scroll" role="region" aria-label="Overdue questionnaires table" tabindex="0"><table>
      <caption class="sr-only">Overdue questionnaire requests, most overdue first</caption>
      <thead><tr><th scope="col">Vendor</th><th scope="col">Questionnaire</th><th scope="col">Contact</th><th scope="col">State</th><th scope="col">Due</th></tr></thead>
      <tbody>
        ${items.map(
          (r) => html`<tr data-request-id=${r.requestId}>
            <th scope="row"><a href=${`/vendors/${r.vendorId}#questionnaires-title`}>${r.vendorName}</a></th>
            <td>${r.templateTitle} (request ${r.requestId})</td>
            <td>${r.contactName}</td>
            <td>${REQUEST_STATE_LABEL[r.state]}</td>
            <td>${r.daysOverdue === undefined ? dueText({ dueOn: r.dueOn, overdue: true }, now) : `${r.dueOn} (overdue by ${r.daysOverdue} day${r.daysOverdue === 1 ? '' : 's'})`}</td>
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
