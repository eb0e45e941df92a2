/**
 * A request's response link, shown this once: the server keeps only its hash, so it cannot be
 * shown again (a new link can be made, and the old one then stops working). A copy button
 * (selecting the text where the clipboard is unavailable), whether it was also mailed, and "Done".
 *
 * @fires questionnaire-link-dismissed - "Done": the section forgets the link
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { QuestionnaireLinkDismissed } from '../questionnaire-events.ts';
import { mailedText, type ShownLink } from '../questionnaires.ts';
import { formElement } from '../styles/forms.ts';

@customElement('vr-questionnaire-link')
export class QuestionnaireLink extends LitElement {
  static override styles = [
    ...formElement,
    css`
      :host {
        margin: 0 0 16px;
      }
      .box {
        padding: 14px 16px;
        border: 1px solid var(--vr-example-line);
        border-left: 4px solid var(--vr-example);
        border-radius: var(--vr-radius);
        background: var(--vr-example-soft);
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1rem;
      }
      p {
        margin: 0 0 10px;
      }
      code.link {
        display: block;
        padding: 8px 10px;
        margin: 0 0 10px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        font-family: var(--vr-font-mono);
        font-size: 0.9rem;
        word-break: break-all;
        user-select: all;
      }
      .status {
        color: var(--vr-fact);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) shown: ShownLink | null = null;
  @state() private _said = '';

  override render() {
    const l = this.shown;
    if (!l) return nothing;
    return html`<div class="box" role="region" aria-labelledby="link-title">
      <h3 id="link-title">Response link of request ${l.requestId}</h3>
      <p><strong>Copy it now: it will not be shown again.</strong> ${mailedText(l)}</p>
      <code class="link" tabindex="0" aria-label="The response link">${l.link}</code>
      <div class="actions">
        <button class="primary" type="button" @click=${this._copy}>Copy link</button>
        <button class="secondary" type="button" @click=${() => ((this._said = ''), this.dispatchEvent(new QuestionnaireLinkDismissed()))}>Done, I have sent it</button>
        <span class="status" role="status">${this._said}</span>
      </div>
    </div>`;
  }

  /** The box takes focus when a link appears, so that a keyboard or screen-reader user finds it. */
  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('shown') && this.shown) {
      this._said = '';
      this.renderRoot.querySelector<HTMLElement>('code.link')?.focus();
    }
  }

  private async _copy(): Promise<void> {
    const l = this.shown;
    if (!l) return;
    try {
      // Absent outside secure contexts (plain http on an intranet host), and may be refused.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(l.link);
      this._said = 'Copied';
    } catch {
      const code = this.renderRoot.querySelector('code.link');
      const selection = getSelection();
      if (code && selection) selection.selectAllChildren(code);
      this._said = 'Selected: copy it with Ctrl+C (⌘C on a Mac)';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-link': QuestionnaireLink;
  }
}
