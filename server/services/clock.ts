/** The only source of "now" for services; tests pass a fixed one. */
export interface Clock {
  /** ISO-8601 UTC timestamp. */
  now(): string;
  /** Today's date in UTC, YYYY-MM-DD. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date().toISOString().slice(0, 10),
};

export const fixedClock = (iso: string): Clock => ({ now: () => iso, today: () => iso.slice(0, 10) });
