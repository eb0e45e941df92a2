/**
 * The incident timeline in words: a row per incident (oldest first, as drawn) with its four
 * dates at their own precision and the disclosure lag, counted as the methodology counts it.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { dayRange, MARK_KINDS, type TimelineIncident } from '../charts/incident-timeline.layout.ts';
import { disclosureLag, lagDays, partialDate } from '../format.ts';
import { tableStyles } from '../styles/shared.ts';

const firstDay = (i: TimelineIncident): number => Math.min(...MARK_KINDS.map((k) => dayRange(i[k.field] as string | null)?.first.getTime() ?? Infinity));

function when(text: string | null) {
  const r = dayRange(text);
  if (!text || !r) return html`<span class="unknown">unknown</span>`;
  return html`<time datetime=${text}>${partialDate(text)}</time>${r.partial ? html`<span class="approx"> (${text.length === 4 ? 'year' : 'month'} only)</span>` : ''}`;
}

function lagText(i: TimelineIncident): string {
  const lag = disclosureLag(i);
  if (!lag) return i.publicDisclosureDate ? 'cannot be computed' : 'not disclosed';
  const days = lagDays(lag);
  return `${days} from the ${lag.from === 'third-party' ? 'first outside report' : "vendor's detection"}`;
}

@customElement('vr-incident-timeline-table')
export class IncidentTimelineTable extends LitElement {
  static override styles = [
    ...tableStyles,
    css`
      table {
        min-width: 640px;
      }
      caption {
        text-align: left;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
        padding: 0 0 4px;
      }
      .unknown,
      .approx {
        color: var(--vr-ink-muted);
      }
      .unknown {
        font-style: italic;
      }
      td.lag {
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) incidents: readonly TimelineIncident[] = [];

  override render() {
    const rows = [...this.incidents].sort((a, b) => firstDay(a) - firstDay(b));
    return html`<div class="scroll" role="region" aria-label="Incident timeline as a table" tabindex="0">
      <table>
        <caption>The timeline as a table, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            ${MARK_KINDS.map((k) => html`<th scope="col">${k.label}</th>`)}
            <th scope="col">Disclosure lag</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (i) => html`<tr data-incident-id=${i.id}>
              <th scope="row">${i.title}</th>
              ${MARK_KINDS.map((k) => html`<td>${when(i[k.field] as string | null)}</td>`)}
              <td class="lag">${lagText(i)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-incident-timeline-table': IncidentTimelineTable;
  }
}
