/**
 * The vendors CSV's allowed values, PURE: for each column with a vocabulary, the words a sheet may
 * use (the labels the app shows) and the stored values the API takes, both accepted on import.
 * From the one vocabulary (format.ts, which test/web/vocabulary-labels.test.ts ties to the server's).
 */
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, STATUS_LABEL } from './format.ts';

export interface CsvColumnValues {
  readonly column: 'tier' | 'dataAccess' | 'environmentAccess' | 'status';
  /** What the column means, in words. */
  readonly meaning: string;
  readonly values: ReadonlyArray<{ readonly label: string; readonly value: string }>;
}

const pairs = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ label, value }));

export const CSV_VOCABULARY: readonly CsvColumnValues[] = [
  {
    column: 'tier',
    meaning: 'Tier (1 = most critical to us, 4 = least)',
    values: [1, 2, 3, 4].map((t) => ({ label: `Tier ${t}`, value: String(t) })),
  },
  { column: 'dataAccess', meaning: 'Data access', values: pairs(DATA_ACCESS_LABEL) },
  { column: 'environmentAccess', meaning: 'Access into our environment', values: pairs(ENVIRONMENT_ACCESS_LABEL) },
  { column: 'status', meaning: 'Review status (optional; Proposed when empty)', values: pairs(STATUS_LABEL) },
];
