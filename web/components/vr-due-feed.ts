/**
 * The due list outside the app: a CSV download of the list as filtered, and the calendar feed.
 * Calendar apps cannot sign in, so the feed's address carries an API token; the app never shows
 * existing tokens (they are stored hashed), so it says where to create a viewer token for it.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { calendarFeedUrl, dueCsvHref, NO_DUE_FILTERS, type DueFilters } from '../reviews.ts';
import { card, controls } from '../styles/shared.ts';

@customElement('vr-due-feed')
export class DueFeed extends LitElement {
  static override styles = [
    card,
    controls,
    css`
      :host {
        display: block;
      }
      .card {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
        gap: 16px 32px;
      }
      p {
        margin: 0 0 8px;
        font-size: 0.9rem;
      }
      a.download {
        display: inline-block;
        font-weight: 600;
        padding: 6px 14px;
        border: 1px solid var(--vr-accent);
        border-radius: 4px;
        text-decoration: none;
      }
      a.download:hover {
        background: var(--vr-accent-soft);
      }
      code {
        display: block;
        padding: 8px 10px;
        margin: 0 0 8px;
        border: 1px solid var(--vr-line);
        border-radius: 4px;
        background: var(--vr-panel);
        font-family: var(--vr-font-mono);
        font-size: 0.84rem;
        overflow-wrap: anywhere;
        user-select: all;
      }
      @media (max-width: 800px) {
        .card {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) filters: DueFilters = NO_DUE_FILTERS;
  /** The app's origin, for an address a calendar app can reach. */
  @property() origin = '';

  override render() {
    return html`<div class="card">
      <section aria-labelledby="csv-t">
        <h2 id="csv-t">Spreadsheet</h2>
        <p class="muted">The list as filtered here, one vendor a row, with its reasons.</p>
        <a class="download" href=${dueCsvHref(this.filters)} download>Download CSV</a>
      </section>
      <section aria-labelledby="ics-t">
        <h2 id="ics-t">Calendar feed</h2>
        <p>Subscribe to this address in your calendar app: one all-day event per vendor, on its review date (today when it is flagged or overdue), with the reasons.</p>
        <code id="ics-url">${calendarFeedUrl(this.origin, this.filters)}</code>
        <p class="muted">
          Calendar apps cannot sign in, so the address carries an API token in place of <em>&lt;API token&gt;</em>. Create a <strong>viewer</strong> token
          for it on <a href="/account">your account page</a> (tokens are shown once, when created; the app cannot show them again). Anyone with the address can
          read the list: revoke the token there when it is no longer needed.
        </p>
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-due-feed': DueFeed;
  }
}
