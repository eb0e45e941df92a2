/**
 * A link from a finding or a gap to the evidence it rests on, elsewhere on the vendor page. The
 * target lives in another component's shadow root, where the browser's own fragment scrolling
 * cannot reach; so a plain click asks the page to show it (EvidenceRequested), while the href
 * (`#incident-12`) still works for "open in new tab" and "copy link". Beside it, the evidence's
 * two dates (true since, known from) when the target carries them.
 */
import { css, html, nothing } from 'lit';
import { EvidenceRequested } from '../events.ts';
import type { EvidenceTarget } from '../evidence.ts';

function onClick(e: MouseEvent): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.currentTarget as HTMLAnchorElement;
  const anchor = a.dataset.anchor;
  if (!anchor) return;
  e.preventDefault();
  a.dispatchEvent(new EvidenceRequested(anchor));
}

export const evidenceLink = (t: EvidenceTarget) =>
  html`<a href=${`#${t.anchor}`} data-anchor=${t.anchor} @click=${onClick}>${t.label}</a>${t.dates ? html`<span class="evidence-dates"> (${t.dates})</span>` : nothing}`;

/** For the components that show evidence links. */
export const evidenceLinkStyles = css`
  .evidence-dates {
    color: var(--vr-ink-muted);
    font-size: 0.85em;
  }
`;
