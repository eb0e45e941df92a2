/**
 * What a reviewer must act on, most severe first as the engine orders them: each finding with its
 * severity in words, why it was raised, the contract condition procurement can put in the
 * contract (plain text, easy to select, with a copy button), and links to the evidence it rests on.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Finding, VendorScore } from '../../server/http/contract.ts';
import type { EvidenceTarget } from '../evidence.ts';
import { severityCounts } from '../evidence.ts';
import { partialDate, SEVERITY_LABEL } from '../format.ts';
import { card, controls, srOnly } from '../styles/shared.ts';
import { evidenceLink, evidenceLinkStyles } from './evidence-link.ts';
import { sectionHead } from './vr-incident-list.styles.ts';

/** How long "Copied" stays on screen. */
const STATUS_MS = 4000;

@customElement('vr-findings-list')
export class FindingsList extends LitElement {
  static override styles = [
    card,
    evidenceLinkStyles,
    controls,
    srOnly,
    sectionHead,
    css`
      :host {
        display: block;
      }
      ol.findings {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 12px;
      }
      li.finding {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 8px 24px;
        padding: 12px 14px 12px 16px;
        border: 1px solid var(--vr-line);
        border-left-width: 5px;
        border-radius: var(--vr-radius);
      }
      /* The stripe echoes the badge; darker means more severe, so it reads without hue. */
      li.finding[data-severity='critical'] {
        border-left-color: var(--vr-critical);
      }
      li.finding[data-severity='high'] {
        border-left-color: var(--vr-high-line);
      }
      li.finding[data-severity='medium'] {
        border-left-color: var(--vr-medium-line);
      }
      li.finding[data-severity='low'] {
        border-left-color: var(--vr-line);
      }
      h3 {
        font-size: 1.02rem;
        margin: 0 0 6px;
        line-height: 1.35;
      }
      .sev {
        display: inline-block;
        min-width: 5.4em;
        margin-right: 6px;
        padding: 0 8px;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.03em;
        text-align: center;
        text-transform: uppercase;
        vertical-align: 2px;
      }
      .sev-critical {
        color: var(--vr-surface);
        background: var(--vr-critical);
        border-color: var(--vr-critical);
      }
      .sev-high {
        color: var(--vr-high);
        background: var(--vr-high-soft);
        border-width: 2px;
      }
      .sev-medium {
        color: var(--vr-medium);
        background: var(--vr-canvas);
      }
      .sev-low {
        color: var(--vr-ink-muted);
        background: var(--vr-surface);
        border-style: dashed;
      }
      .rationale {
        margin: 0 0 8px;
        font-size: 0.92rem;
      }
      .refs {
        margin: 0;
        font-size: 0.84rem;
      }
      .refs-label {
        color: var(--vr-ink-muted);
        margin-right: 4px;
      }
      .refs ul,
      .refs li {
        display: inline;
        margin: 0;
        padding: 0;
      }
      .refs li:not(:last-child)::after {
        content: '; ';
        color: var(--vr-ink-muted);
      }
      figure {
        margin: 0;
        align-self: start;
      }
      figcaption {
        font-size: 0.74rem;
        font-weight: 700;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--vr-accent);
        margin: 0 0 4px;
      }
      blockquote {
        margin: 0;
        padding: 8px 12px;
        border-left: 3px solid var(--vr-accent);
        background: var(--vr-accent-soft);
        border-radius: 0 var(--vr-radius) var(--vr-radius) 0;
        font-size: 0.92rem;
        line-height: 1.5;
        user-select: text;
        cursor: text;
      }
      .copy {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-top: 6px;
        font-size: 0.82rem;
      }
      button {
        padding: 2px 10px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        color: var(--vr-accent);
        font-size: 0.82rem;
        cursor: pointer;
      }
      button:hover {
        border-color: var(--vr-accent);
      }
      .status {
        color: var(--vr-fact);
      }
      .empty {
        margin: 0;
      }
      @media (max-width: 900px) {
        li.finding {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) score?: VendorScore;
  /** Refs that are shown elsewhere on the page, which the evidence links point to. */
  @property({ attribute: false }) evidence: ReadonlyMap<string, EvidenceTarget> = new Map();

  /** The finding whose condition was just copied (or selected), and what to say about it. */
  @state() private _copied: { readonly id: string; readonly text: string } | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    clearTimeout(this._timer);
    super.disconnectedCallback();
  }

  override render() {
    const s = this.score;
    if (!s) return nothing;
    const asOf = html`<time datetime=${s.asOf}>${partialDate(s.asOf)}</time>`;
    return html`<section class="card" aria-labelledby="findings">
      <header class="section-head">
        <h2 id="findings" tabindex="-1">Findings <span class="count">(${s.findings.length})</span></h2>
        ${
          s.findings.length > 0
            ? html`<span class="muted">${severityCounts(s.findings)} as of ${asOf}: what to settle before signing or renewal, most severe first.</span>`
            : nothing
        }
      </header>
      ${
        s.findings.length === 0
          ? html`<p class="empty muted">No findings as of ${asOf}.</p>`
          : html`<ol class="findings">
            ${s.findings.map((f, n) => this._finding(f, n))}
          </ol>`
      }
    </section>`;
  }

  private _finding(f: Finding, n: number) {
    const links = f.refs.map((r) => this.evidence.get(r)).filter((t): t is EvidenceTarget => !!t);
    const copied = this._copied?.id === f.id ? this._copied.text : '';
    return html`<li class="finding" data-finding-id=${f.id} data-severity=${f.severity}>
      <div>
        <h3>
          <span class="sev sev-${f.severity}">${SEVERITY_LABEL[f.severity]}<span class="sr-only"> severity:</span></span>
          <span class="title">${f.title}</span>
        </h3>
        <p class="rationale">${f.rationale}</p>
        ${
          links.length > 0
            ? html`<div class="refs">
              <span class="refs-label" id=${`r${n}`}>Rests on:</span>
              <ul aria-labelledby=${`r${n}`}>
                ${links.map((t) => html`<li>${evidenceLink(t)}</li>`)}
              </ul>
            </div>`
            : nothing
        }
      </div>
      <figure class="condition">
        <figcaption>Suggested contract condition</figcaption>
        <blockquote>${f.suggestedCondition}</blockquote>
        <div class="copy">
          <button type="button" @click=${(e: Event) => this._copy(f, e)}>
            Copy condition<span class="sr-only">: ${f.title}</span>
          </button>
          <span class="status" role="status">${copied}</span>
        </div>
      </figure>
    </li>`;
  }

  private async _copy(f: Finding, e: Event): Promise<void> {
    const quote = (e.currentTarget as HTMLElement).closest('figure')?.querySelector('blockquote');
    try {
      // Absent outside secure contexts (plain http on an intranet host), and may be refused.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(f.suggestedCondition);
      this._say(f.id, 'Copied');
    } catch {
      // Fall back to selecting the clause, so that the usual copy shortcut takes exactly it.
      const selection = getSelection();
      if (quote && selection) {
        const range = document.createRange();
        range.selectNodeContents(quote);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this._say(f.id, 'Selected: copy it with Ctrl+C (⌘C on a Mac)');
    }
  }

  private _say(id: string, text: string): void {
    this._copied = { id, text };
    clearTimeout(this._timer);
    this._timer = setTimeout(() => (this._copied = null), STATUS_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-findings-list': FindingsList;
  }
}
