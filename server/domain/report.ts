/** The quarterly report's vocabulary: how a snapshot came to be, and which view of a quarter is asked for. */

/**
 * `first-view`: frozen the first time the quarter was asked for; `refreeze`: taken by an admin in
 * place of the one before; `per-comparison`: frozen per compared quarter before a quarter had one
 * snapshot (migration 0008 and old exports keep them as history).
 */
export const REPORT_ORIGINS = ['first-view', 'refreeze', 'per-comparison'] as const;
export type ReportOrigin = (typeof REPORT_ORIGINS)[number];

/** `frozen`: a closed quarter's snapshot; `restated`: the same quarter as known today. */
export const REPORT_VIEWS = ['frozen', 'restated'] as const;
export type ReportViewParam = (typeof REPORT_VIEWS)[number];
