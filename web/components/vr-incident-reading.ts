/**
 * How the methodology reads one incident, as templates for <vr-incident-list>: its root cause and
 * entry path (each "set by an analyst" or "derived"), its campaign (the incident it continues,
 * those that continue it), and the likelihood points it adds to the score in all, factor by factor,
 * against the cap on one incident (docs/METHODOLOGY.md "The incident cap").
 */
import { css, html, nothing } from 'lit';
import type { Incident } from '../../server/domain/incident.ts';
import { anchorId } from '../evidence.ts';
import { evidenceLink } from './evidence-link.ts';
import { FACTOR_LABEL } from '../format.ts';
import { campaignLinks, classification, ENTRY_PATH_LABEL, ROOT_CAUSE_LABEL, type IncidentWeight } from '../root-causes.ts';

const how = (set: boolean) => html`<span class="how">(${set ? 'set by an analyst' : 'derived'})</span>`;
const link = (i: Pick<Incident, 'id' | 'title'>) => evidenceLink({ anchor: anchorId(`incident:${i.id}`), label: i.title });

/** Root cause and entry path, each with where it came from. */
export function readingOf(i: Incident) {
  const c = classification(i);
  return html`<dl class="reading">
    <div><dt>Root cause</dt><dd data-root-cause=${c.rootCause.value}>${ROOT_CAUSE_LABEL[c.rootCause.value]} ${how(c.rootCause.set)}</dd></div>
    <div><dt>Entry path</dt><dd data-entry-path=${c.entryPath.value}>${ENTRY_PATH_LABEL[c.entryPath.value]} ${how(c.entryPath.set)}</dd></div>
  </dl>`;
}

/** "Continues …" and "Continued by …": one campaign, counted once. */
export function campaignOf(i: Incident, all: readonly Incident[]) {
  const { continues, continuedBy } = campaignLinks(i, all);
  if (!continues && continuedBy.length === 0) return nothing;
  return html`<p class="campaign">
    ${continues ? html`Continues ${link(continues)}. ` : nothing}${continuedBy.length ? html`Continued by ${continuedBy.map((x, k) => html`${k ? ', ' : ''}${link(x)}`)}. ` : nothing}One
    campaign: the score counts it once, under its first incident.
  </p>`;
}

/** The points the incident adds to likelihood in all, or why it adds none of its own. */
export function weightOf(i: Incident, weight: IncidentWeight | undefined, cap: number | null, inCampaign: boolean) {
  if (!weight) {
    return html`<p class="weight" data-points="0">${inCampaign ? 'Counted with its campaign, under its first incident.' : 'Adds no points to the score of this day.'}</p>`;
  }
  const parts = weight.parts.map((p) => `${FACTOR_LABEL[p.factor].toLowerCase()} ${p.points.toFixed(1)} × ${p.weight}`);
  return html`<p class="weight" data-points=${weight.total.toFixed(1)}>
    Adds <strong>${weight.total.toFixed(1)}</strong> likelihood points in all (${parts.join(' + ')})${cap === null ? '' : `; one incident, or one campaign, adds at most ${cap}`}.
  </p>`;
}

export const readingStyles = css`
  dl.reading {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 20px;
    margin: 0 0 8px;
  }
  dl.reading dt {
    display: inline;
    font-weight: 700;
  }
  dl.reading dt::after {
    content: ':';
  }
  dl.reading dd {
    display: inline;
    margin: 0 0 0 4px;
  }
  .how {
    color: var(--vr-ink-muted);
  }
  p.campaign,
  p.weight {
    margin: 0 0 8px;
  }
`;
