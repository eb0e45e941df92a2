/**
 * The dossier's "Questionnaires" section: the vendor's requests (state, due, overdue, sent,
 * submitted, reviewed) with their actions, and for analysts "Request evidence", the send form. A
 * link the server answers (create, send, new link) is shown once, in memory only, until "Done".
 * Fetches on its own (templates, requests), so that a failure here hides nothing else on the page;
 * `changed` tells the page after a change (a reviewed request may have written facts).
 *
 * @fires questionnaires-changed - a request was created or changed
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { fieldErrors } from '../api/api-error.ts';
import type { ApiClient, NewQuestionnaireRequest, SentQuestionnaireRequest } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import type { QuestionnaireActionRequested, QuestionnaireSendRequested } from '../questionnaire-events.ts';
import { REQUEST_STATE_LABEL, shownLink, type ShownLink } from '../questionnaires.ts';
import { outcomes } from '../components/form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { loaded } from './loaded.ts';
import '../components/vr-questionnaire-list.ts';
import '../components/vr-questionnaire-send-form.ts';
import '../components/vr-questionnaire-link.ts';

const message = (t: { readonly status: TaskStatus; readonly error: unknown }): string =>
  t.status === TaskStatus.ERROR && t.error instanceof Error ? t.error.message : '';
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const DEFAULT_DUE_DAYS = 14;

@customElement('vr-vendor-questionnaires')
export class VendorQuestionnaires extends LitElement {
  static override styles = [
    controls,
    forms,
    css`
      :host {
        display: block;
        margin-top: 20px;
        background: var(--vr-surface);
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
        box-shadow: var(--vr-shadow);
        padding: 16px 24px;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 12px;
      }
      h3 {
        font-size: 1rem;
        margin: 20px 0 8px;
        padding-top: 16px;
        border-top: 1px solid var(--vr-line);
      }
      .muted {
        color: var(--vr-ink-muted);
      }
      @media (max-width: 640px) {
        :host {
          padding: 12px 14px;
        }
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @property({ type: Number }) vendorId = 0;
  @property() vendorName = '';
  @property({ type: Boolean }) editable = false;
  @state() private _link: ShownLink | null = null;
  @state() private _said = '';
  @state() private _created = 0;
  private _today = isoDay(new Date());

  private _templates = new Task(this, { args: () => [] as const, task: (_, { signal }) => this._api.questionnaireTemplates({ signal }) });
  private _requests = new Task(this, { args: () => [this.vendorId] as const, task: ([id], { signal }) => this._api.questionnaireRequests(id, { signal }) });
  private _create = new Task(this, {
    autoRun: false,
    task: ([vendorId, body]: readonly [number, NewQuestionnaireRequest]) => this._api.createQuestionnaireRequest(vendorId, body),
    onComplete: (a) => this._afterChange(a, a.link ? `Request ${a.request.id} sent.` : `Request ${a.request.id} saved as a draft.`, true),
  });
  private _action = new Task(this, {
    autoRun: false,
    task: async ([e]: readonly [QuestionnaireActionRequested]) => {
      const id = e.request.id;
      switch (e.action) {
        case 'send':
        case 'new-link': {
          const sent = await this._api.sendQuestionnaireRequest(id);
          return { e, request: sent.request, sent };
        }
        case 'revoke':
          return { e, request: (await this._api.revokeQuestionnaireRequest(id)).request, sent: null };
        case 'reopen':
          return { e, request: (await this._api.reopenQuestionnaireRequest(id)).request, sent: null };
      }
    },
    onComplete: ({ e, request: r, sent }) => {
      const said =
        e.action === 'new-link'
          ? `Request ${r.id} has a new link; the old one no longer works.`
          : `Request ${r.id}: ${REQUEST_STATE_LABEL[r.state].toLowerCase()}.`;
      this._afterChange(sent, said, false);
    },
    onError: () => void this._requests.run(),
  });

  override render() {
    const busy = this._create.status === TaskStatus.PENDING || this._action.status === TaskStatus.PENDING;
    const titles = new Map((this._templates.value ?? []).map((t) => [t.id, t.title]));
    const errors = fieldErrors(this._create.error);
    return html`<section aria-labelledby="questionnaires-title">
      <h2 id="questionnaires-title" tabindex="-1">Questionnaires</h2>
      <vr-questionnaire-link .shown=${this._link} @questionnaire-link-dismissed=${this._onDismissed}></vr-questionnaire-link>
      ${outcomes(this._said, message(this._action))}
      ${loaded(
        this._requests,
        'questionnaire requests',
        (items) => html`<vr-questionnaire-list .requests=${items} .titles=${titles} today=${this._today}
          ?editable=${this.editable} ?busy=${busy} @questionnaire-action-requested=${(e: QuestionnaireActionRequested) => void this._action.run([e])}></vr-questionnaire-list>`,
      )}
      ${
        this.editable
          ? html`<h3 id="request-evidence-title">Request evidence</h3>
            ${loaded(
              this._templates,
              'questionnaire templates',
              (templates) => html`<vr-questionnaire-send-form .templates=${templates} vendorName=${this.vendorName}
                defaultDue=${isoDay(new Date(Date.now() + DEFAULT_DUE_DAYS * 86_400_000))} .errors=${errors}
                failure=${Object.keys(errors).length === 0 ? message(this._create) : ''} ?busy=${busy} created=${this._created}
                @questionnaire-send-requested=${(e: QuestionnaireSendRequested) => void this._create.run([this.vendorId, e.body])}></vr-questionnaire-send-form>`,
            )}`
          : html`<p class="muted">Analysts and admins send questionnaires and review the answers.</p>`
      }
    </section>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another vendor: a link shown for the previous one goes.
    if (changed.has('vendorId') && changed.get('vendorId') !== undefined) {
      this._link = shownLink(this._link, { kind: 'vendor-changed' });
      this._said = '';
    }
  }

  /** "Done" goes with the link: the section's heading takes focus, so that it is not lost. */
  private async _onDismissed(): Promise<void> {
    this._link = shownLink(this._link, { kind: 'dismissed' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#questionnaires-title')?.focus();
  }

  private _afterChange(answer: SentQuestionnaireRequest | null, said: string, created: boolean): void {
    if (answer) this._link = shownLink(this._link, { kind: 'sent', answer });
    this._said = said;
    if (created) this._created += 1;
    void this._requests.run();
    this.dispatchEvent(new Event('questionnaires-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-vendor-questionnaires': VendorQuestionnaires;
  }
}
