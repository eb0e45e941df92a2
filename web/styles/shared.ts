/** Style snippets shared by several shadow roots (each element adopts the ones it needs). */
import { css } from 'lit';

/** Hidden on screen, read by screen readers. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Links, focus rings and buttons, the same everywhere. */
export const controls = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--vr-accent);
    text-underline-offset: 2px;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible,
  input:focus,
  select:focus,
  textarea:focus {
    outline: 3px solid var(--vr-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
`;

/** A white panel with a title row. */
export const card = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    background: var(--vr-surface);
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
    box-shadow: var(--vr-shadow);
    padding: var(--vr-space-4) var(--vr-space-5);
  }
  .card > h2:first-child,
  .card > header:first-child h2 {
    margin-top: 0;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0 0 var(--vr-space-3);
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 var(--vr-space-2);
  }
  .muted {
    color: var(--vr-ink-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
`;

/** Small labels that say where a piece of information comes from. */
export const provenance = css`
  .tag {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
    vertical-align: middle;
    white-space: nowrap;
  }
  .tag.example {
    color: var(--vr-example);
    background: var(--vr-example-soft);
  }
  .tag.fact {
    color: var(--vr-fact);
    background: var(--vr-fact-soft);
  }
  .tag.unknown {
    color: var(--vr-ink-muted);
    background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 4px, var(--vr-hatch-b) 4px 8px);
  }
`;

/** Tables of facts and points (score breakdown, MFA grid): quiet rules, muted headers. */
export const dataTable = css`
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.88rem;
  }
  th,
  td {
    text-align: left;
    padding: 7px 8px;
    border-bottom: 1px solid var(--vr-line);
    vertical-align: top;
  }
  thead th {
    font-size: 0.78rem;
    color: var(--vr-ink-muted);
    font-weight: 600;
    border-bottom: 1px solid var(--vr-line-strong);
  }
`;

/**
 * A table or chart wider than the window scrolls in its own box (`<div class="scroll" role="region"
 * tabindex="0">`). Positioned: screen-reader-only text inside scrolls with the box instead of widening the page.
 */
export const scrollBox = css`
  .scroll {
    position: relative;
    overflow-x: auto;
  }
`;

/** An element that takes its own line. */
export const blockHost = css`
  :host {
    display: block;
  }
`;

/** A block host whose table scrolls in its own box. */
export const tableBox = css`
  ${blockHost}
  ${scrollBox}
`;

/** What a table element starts from: links and focus rings, the data table, screen-reader text, the scroll box. */
export const tableStyles = [controls, dataTable, srOnly, tableBox];

/** Number columns of a data table: right-aligned, in figures of one width. */
export const numColumns = css`
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;

/** The first column (the row's name) stays in view while the others scroll sideways on a narrow window. */
export const stickyFirstColumn = css`
  tr > :first-child {
    position: sticky;
    left: 0;
    background: var(--vr-surface);
  }
`;

/**
 * Elements a finding or a gap links to (`id="incident-12"`, `tabindex="-1"`): focused when a link
 * asks for them, with a ring that shows where the jump landed, whatever moved the focus.
 */
export const anchorTarget = css`
  .anchor-target {
    scroll-margin-top: var(--vr-space-4);
  }
  .anchor-target:focus {
    outline: 3px solid var(--vr-focus);
    outline-offset: 4px;
    border-radius: 2px;
  }
`;

/** A state in words on a pill (`span.badge`), never by colour alone; each badge sets its size and its states' looks. */
export const statePill = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  /* One class, so that a state's own border (dashed, heavier) declared after it wins. */
  .badge {
    display: inline-flex;
    align-items: center;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-weight: 700;
    white-space: nowrap;
  }
`;

/** A severity's colours on its pill (`.sev sev-high`): medium and low alike, the word tells them apart. */
export const severityTones = css`
  .sev-critical {
    color: var(--vr-critical);
    background: var(--vr-critical-soft);
  }
  .sev-high {
    color: var(--vr-high);
    background: var(--vr-high-soft);
  }
  .sev-medium,
  .sev-low {
    color: var(--vr-medium);
    background: var(--vr-canvas);
  }
`;

/** A chart's legend (`ul.legend`): swatches and their words on a wrapping row; each chart sets its spacing and size. */
export const chartLegend = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    padding: 0;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
`;

/**
 * Chart lines on a dark canvas: an element with `tone` (stroke) or `tone-fill` (fill) takes the
 * colour its layout gave for dark (`--on-dark`, set per element) instead of its light one.
 */
export const darkTones = css`
  @media (prefers-color-scheme: dark) {
    .tone {
      stroke: var(--on-dark);
    }
    .tone-fill {
      fill: var(--on-dark);
    }
  }
`;
