/** Conversions between SQLite column values and domain values. */

export const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
export const bit = (v: boolean | null | undefined): number | null => (v == null ? null : v ? 1 : 0);
export const list = <T = string>(text: string): T[] => JSON.parse(text) as T[];
export const json = (v: readonly unknown[]): string => JSON.stringify(v);

/** What a restore keeps of an exported record: its id and timestamps. */
export interface Kept {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
