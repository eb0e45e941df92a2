/**
 * The dossier's section menu, PURE: its sections in page order (the names are a contract), which
 * one the reader is in as the page scrolls, and the event a menu link sends up.
 */

export interface DossierSection {
  /** The id of the section's element in the vendor page (and the URL fragment). */
  readonly id: string;
  readonly label: string;
}

export const DOSSIER_SECTIONS: readonly DossierSection[] = [
  { id: 'score', label: 'Score' },
  { id: 'findings', label: 'Findings' },
  { id: 'review', label: 'Review' },
  { id: 'what-if', label: 'What-if' },
  { id: 'breakdown', label: 'Breakdown' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'support-chain', label: 'Support chain' },
  { id: 'mfa', label: 'MFA' },
  { id: 'statements', label: 'Statements' },
  { id: 'history', label: 'History' },
];

/**
 * The section being read: the last one whose top has reached `line` (px from the viewport's top,
 * below the sticky menu); the first while none has; at the very bottom of the page, the last one
 * shown, since a short last section can never reach the line. `tops` are in page order, null for
 * a section not on the page (its data failed or is loading).
 */
export function currentSection(tops: readonly (number | null)[], line: number, atBottom: boolean): number {
  const shown = tops.flatMap((t, i) => (t === null ? [] : [i]));
  if (shown.length === 0) return -1;
  if (atBottom) return shown[shown.length - 1]!;
  let current = shown[0]!;
  for (const i of shown) if (tops[i]! <= line) current = i;
  return current;
}

/** A menu link was followed: the page shows that section and moves focus to it. */
export class SectionRequested extends Event {
  static readonly type = 'section-requested';
  readonly id: string;
  constructor(id: string) {
    super(SectionRequested.type, { bubbles: true, composed: true });
    this.id = id;
  }
}

declare global {
  interface HTMLElementEventMap {
    'section-requested': SectionRequested;
  }
}
