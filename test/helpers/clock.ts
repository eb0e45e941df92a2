/** A clock tests can move forward. */
import type { Clock } from '../../server/services/clock.ts';

export function testClock(start = '2026-11-29T12:00:00.000Z'): Clock & { advance(ms: number): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t).toISOString(),
    today: () => new Date(t).toISOString().slice(0, 10),
    advance: (ms) => {
      t += ms;
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
