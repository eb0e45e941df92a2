/**
 * A request's response link, shown this once: the server keeps only its hash, so it cannot be
 * shown again (a new link can be made, and the old one then stops working); whether it was also
 * mailed.
 *
 * @fires questionnaire-link-dismissed - "Done": the section forgets the link
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { QuestionnaireLinkDismissed } from '../questionnaire-events.ts';
import { mailedText, type ShownLink } from '../questionnaires.ts';
import './vr-shown-once.ts';

@customElement('vr-questionnaire-link')
export class QuestionnaireLink extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 0 0 16px;
    }
  `;

  @property({ attribute: false }) shown: ShownLink | null = null;

  override render() {
    const l = this.shown;
    if (!l) return nothing;
    return html`<vr-shown-once
      heading=${`Response link of request ${l.requestId}`}
      .note=${mailedText(l)}
      value=${l.link}
      valueLabel="The response link"
      valueClass="link"
      copyLabel="Copy link"
      doneLabel="Done, I have sent it"
      @shown-once-dismissed=${() => this.dispatchEvent(new QuestionnaireLinkDismissed())}
    ></vr-shown-once>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-link': QuestionnaireLink;
  }
}
