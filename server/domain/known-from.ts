/**
 * `knownFrom`: the day a fact became known (the evidence was public, answered or recorded), apart
 * from the period the fact describes. A score as of a day uses a fact only when it was known by
 * then; a partial date counts from its last possible day (server/scoring/known-at.ts).
 */
import { partialDate } from './fields.ts';
import { certainlyBefore, dayNumber, parsePartialDate } from './partial-date.ts';

export const KNOWN_FROM_RULE =
  'The day the evidence for this record was public or recorded, YYYY, YYYY-MM or YYYY-MM-DD (a partial date counts from its last day). ' +
  'A score as of a day uses the record only when it was known by then, whatever period it describes.';

/** The field as records carry it (responses, exports). */
export const knownFromField = (extra = '') => partialDate.meta({ description: `${KNOWN_FROM_RULE}${extra ? ` ${extra}` : ''}` });

/** What a request that creates a record may leave out: null or absent is the day the record is created. */
export const knownFromInput = (extra = '') =>
  knownFromField(`${extra ? `${extra} ` : ''}Defaults to the day the record is created; give it to backfill history.`)
    .nullable()
    .default(null);

/** Why a knownFrom cannot be right today: it starts after today. Null when it can. */
export function knownFromInFuture(knownFrom: string, today: string): string | null {
  const r = parsePartialDate(knownFrom);
  return r && r.first > dayNumber(today) ? `is after today (${today}): evidence cannot be known in the future` : null;
}

/**
 * Why a knownFrom cannot be right for a record that speaks for `start` (an MFA assessment, a
 * statement's date): it lies wholly before it. Null when it can.
 */
export function knownBeforeItsDay(knownFrom: string, start: string | null, what: string): string | null {
  return start !== null && certainlyBefore(knownFrom, start) ? `is before ${what} (${start}): the evidence cannot be known before the day it speaks for` : null;
}
