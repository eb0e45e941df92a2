/**
 * A calendar quarter as the API accepts it, `2023-Q4`. The arithmetic (a day's quarter, a quarter's
 * last day, ranges) is in quarters.ts, pure and dependency-free so that the web shares it; it is
 * re-exported here for the server's modules.
 */
import { z } from 'zod';

export {
  DEFAULT_QUARTERS,
  isQuarter,
  MAX_QUARTERS,
  quarterEnd,
  quarterIndex,
  quarterOf,
  quarterOfIndex,
  quarterRange,
  quarterSpan,
  shiftQuarter,
} from './quarters.ts';

export const quarterLabel = z
  .string()
  .regex(/^(19|2\d)\d{2}-Q[1-4]$/, 'expected a quarter as YYYY-Qn, e.g. 2023-Q4')
  .meta({ id: 'Quarter', description: 'A calendar quarter, YYYY-Qn' });
